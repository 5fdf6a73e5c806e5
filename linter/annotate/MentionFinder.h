// MentionFinder: where a document names the fact base's entities and writes titles next to people.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Calendar.h"
#include "base/Range.h"
#include "config/Lexicon.h"
#include "document/Document.h"
#include "facts/FactBase.h"
#include "facts/FactPack.h"
#include "facts/NameIndex.h"

namespace galley::annotate {

// An entity named in a block's prose.
struct Mention {
  facts::EntityIndex entity = 0;
  uint32_t block = 0;         // index into Document::blocks
  base::Range prose;          // in the block's prose text
  base::Range source;         // in the document's source
  bool possessive = false;    // followed by "'s" / "’s" (or a bare apostrophe after s)
};

// A title phrase ("SCO Secretary-General", "Executive Director", "Secretary-General of the SCO").
struct TitleMention {
  std::vector<facts::EntityIndex> offices;         // offices with this title form (narrowed by organisation)
  std::optional<facts::EntityIndex> organisation;  // the organisation written with the title, if any
  bool organisationMatches = true;          // false: no office of that organisation has this title
  uint32_t block = 0;
  base::Range prose;                        // the whole phrase, organisation included
  base::Range titleProse;                   // the title words only
  base::Range source;
  std::string canonical;                    // the offices' canonical form of the title words; empty
                                            // when the offices it may name write it differently
  std::optional<size_t> person;             // index into MentionSet::mentions of the person it names
  // A title modifier (lexicon titles.modifiers) written right before the phrase, lower case:
  // "former", "acting", "then" ("the then Executive Director"); empty when none. The title is then
  // not the person's office at the draft's date.
  std::string modifier;
  // The date the title is judged at when its own sentence gives one: a date opening the sentence
  // before the title ("In May 2013, SCO Secretary-General ..."). Empty: the reference date.
  // Set by Annotations::mentions(), which knows the dates; MentionFinder leaves it empty.
  std::optional<base::DateInterval> judgedAt;
  // True when the title's sentence holds a date that does not open it ("... signed the text on 14
  // June 2011"): the title may speak of that day or of the day of issue, so its term is not judged.
  bool dateUncertain = false;
};

struct MentionSet {
  std::vector<Mention> mentions;     // in document order
  std::vector<TitleMention> titles;  // in document order
};

// A cheap view over one fact pack (the automaton is compiled once, in facts::NameIndex); find() is
// const and thread-safe. Annotations::mentions(pack) runs it once per document and pack.
//
// Mentions: every name, alias and symbol of every entity, word-bounded, case-tolerant (acronyms
// must be written in capitals), dash- and whitespace-tolerant, longest match first.
// Titles: an office's title forms, with an optional organisation before ("UNODC Executive
// Director") or after ("Secretary-General of the SCO"); an office entity's own names count too.
// A person mention right after a title phrase (or after a chain "A and B"), or a person followed
// by ", [the] <title phrase>", is paired with it.
class MentionFinder {
 public:
  // Reads `facts` through its compiled `names`, and title modifiers from `lexicon`; all must outlive
  // the finder. Cheap: no compiling.
  MentionFinder(const facts::FactBase& facts, const facts::NameIndex& names,
                const config::Lexicon& lexicon = config::Lexicon::standard())
      : facts_(facts), names_(names), lexicon_(lexicon) {}
  explicit MentionFinder(const facts::FactPack& pack) : MentionFinder(pack.facts(), pack.names(), pack.lexicon()) {}

  [[nodiscard]] MentionSet find(const document::Document& document) const;
  // One block's prose (the unit the document overload applies to each block).
  void findInBlock(std::string_view prose, uint32_t block, const document::ProseText* map, MentionSet& out) const;

  [[nodiscard]] const facts::FactBase& facts() const { return facts_; }

 private:
  const facts::FactBase& facts_;
  const facts::NameIndex& names_;
  const config::Lexicon& lexicon_;
};

}  // namespace galley::annotate
