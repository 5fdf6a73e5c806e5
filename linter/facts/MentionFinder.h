// MentionFinder: where a document names the fact base's entities and writes titles next to people.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Range.h"
#include "document/Document.h"
#include "facts/FactBase.h"
#include "facts/NameMatcher.h"

namespace galley::facts {

// An entity named in a block's prose.
struct Mention {
  EntityIndex entity = 0;
  uint32_t block = 0;         // index into Document::blocks
  base::Range prose;          // in the block's prose text
  base::Range source;         // in the document's source
  bool possessive = false;    // followed by "'s" / "’s" (or a bare apostrophe after s)
};

// A title phrase ("SCO Secretary-General", "Executive Director", "Secretary-General of the SCO").
struct TitleMention {
  std::vector<EntityIndex> offices;         // offices with this title form (narrowed by organisation)
  std::optional<EntityIndex> organisation;  // the organisation written with the title, if any
  bool organisationMatches = true;          // false: no office of that organisation has this title
  uint32_t block = 0;
  base::Range prose;                        // the whole phrase, organisation included
  base::Range titleProse;                   // the title words only
  base::Range source;
  std::string canonical;                    // the offices' canonical form of the title words; empty
                                            // when the offices it may name write it differently
  std::optional<size_t> person;             // index into MentionSet::mentions of the person it names
};

struct MentionSet {
  std::vector<Mention> mentions;     // in document order
  std::vector<TitleMention> titles;  // in document order
};

// Built once per fact base (the automaton is compiled in the constructor), then shared read-only:
// find() is const and thread-safe. The FactBase must outlive it.
//
// Mentions: every name, alias and symbol of every entity, word-bounded, case-tolerant (acronyms
// must be written in capitals), dash- and whitespace-tolerant, longest match first.
// Titles: an office's title forms, with an optional organisation before ("UNODC Executive
// Director") or after ("Secretary-General of the SCO"); an office entity's own names count too.
// A person mention right after a title phrase (or after a chain "A and B"), or a person followed
// by ", [the] <title phrase>", is paired with it.
class MentionFinder {
 public:
  explicit MentionFinder(const FactBase& facts);

  [[nodiscard]] MentionSet find(const document::Document& document) const;
  // One block's prose (the unit the document overload applies to each block).
  void findInBlock(std::string_view prose, uint32_t block, const document::ProseText* map, MentionSet& out) const;

  [[nodiscard]] const FactBase& facts() const { return facts_; }

 private:
  struct Target {
    bool title = false;        // a title form of `entity` (an office); else a name of `entity`
    EntityIndex entity = 0;
    uint32_t form = 0;         // index into the office's titles
  };

  const FactBase& facts_;
  NameMatcher matcher_;
  std::vector<std::vector<Target>> targets_;  // pattern id -> what it names
};

}  // namespace galley::facts
