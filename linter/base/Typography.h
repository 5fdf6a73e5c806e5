// Typography: typographic variants folded to their plain forms, so that checks compare what a
// reader sees ("Secretary‑General" with U+2011 is "Secretary-General").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/Range.h"

namespace galley::base {

// `text` with its typographic variants folded, and a map back to `text`'s bytes:
//   U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash, U+2013 en dash, U+2014 em dash,
//   U+2015 horizontal bar, U+2E3A two-em dash, U+2212 minus -> "-"
//   U+00A0 no-break space, U+2007 figure space, U+2009 thin space, U+202F narrow no-break space
//                                                  -> " "
//   U+2018, U+2019 (curly single quotes, apostrophe) -> "'";  U+201C, U+201D -> "\""
//   U+00AD soft hyphen, U+200B zero-width space, U+2060 word joiner, U+FEFF -> removed
// Everything else is kept byte for byte. Cheap when nothing folds: no copy, no map.
// Immutable after construction; views `text`, which must outlive it.
class FoldedText {
 public:
  explicit FoldedText(std::string_view text);

  // The folded text (the original when nothing folded).
  [[nodiscard]] std::string_view text() const { return changed_ ? std::string_view(folded_) : original_; }
  [[nodiscard]] bool changed() const { return changed_; }
  // The original bytes a folded range covers. REQUIRES: range inside text().
  [[nodiscard]] Range toOriginal(Range folded) const;
  // The folded range covering original `range` (each end moved to the nearest folded boundary).
  [[nodiscard]] Range toFolded(Range original) const;

 private:
  std::string_view original_;
  bool changed_ = false;
  std::string folded_;
  std::vector<Offset> begins_;  // by folded byte: where its original character starts
  std::vector<Offset> ends_;    // by folded byte: where its original character ends
};

// `text` folded as FoldedText does, as a string: for comparing a match with an expected form.
[[nodiscard]] std::string foldTypography(std::string_view text);

}  // namespace galley::base
