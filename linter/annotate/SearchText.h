// SearchText: a block's prose as the text-matching kinds (substitution, existence, consistency)
// search it: typographic variants folded, and the names in it known, so that a rule compares what
// a reader sees and leaves names as their owners write them.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/Range.h"
#include "base/Typography.h"
#include "config/Lexicon.h"

namespace galley::annotate {

// Built once per block by Annotations::searchText() and read by every text-matching rule; views
// `prose` and `lexicon`, which must outlive it. Not thread-safe: inName() finds the names on its
// first call (most blocks are never asked, having no match).
class SearchText {
 public:
  explicit SearchText(std::string_view prose, const config::Lexicon& lexicon = config::Lexicon::standard());

  // The folded text the rule's regexes run over.
  [[nodiscard]] std::string_view text() const { return folded_.text(); }
  [[nodiscard]] base::Range toFolded(base::Range prose) const { return folded_.toFolded(prose); }
  [[nodiscard]] base::Range toProse(base::Range folded) const { return folded_.toOriginal(folded); }
  // True when folded `range` lies inside a name that starts before it ("Co-operation" in "Forum
  // for Security Co-operation", "Korea" in "Embassy of South Korea"): the capitalised names of
  // annotate::capitalisedNames. A match at a name's start is the rule's own target and not exempt:
  // "South Korea" alone, or a title before a person's name ("Under-Secretary General Fedotov").
  [[nodiscard]] bool inName(base::Range folded) const;

 private:
  base::FoldedText folded_;
  const config::Lexicon* lexicon_;
  mutable std::optional<std::vector<base::Range>> names_;  // folded offsets, in order; found on demand
};

}  // namespace galley::annotate
