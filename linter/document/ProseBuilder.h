// ProseBuilder: copies source text into a ProseText, folding line breaks and skipping markup.
#pragma once

#include <string_view>
#include <vector>

#include "base/Range.h"
#include "document/Document.h"

namespace galley::document {

// Feeds one block's prose, in source order, into a ProseText:
//  - a line break plus the next line's leading whitespace becomes one synthetic " " (mapped to
//    the break), emitted only if more text follows; whitespace before a break is dropped;
//  - leading and trailing whitespace of the block is dropped;
//  - bytes inside `excluded` ranges (block-quote markers, list indentation) are skipped;
//  - bytes listed in `invalid` (ill-formed UTF-8) become kProseReplacement.
// Ranges passed in must be increasing; each call is linear in the text it covers.
// Not thread-safe; one builder per block. The source, ranges and output must outlive it.
class ProseBuilder {
 public:
  ProseBuilder(std::string_view source, ProseText& out, const std::vector<base::Range>& invalid);

  // REQUIRES: sorted, non-overlapping; replaces any previous exclusions.
  void setExcluded(std::vector<base::Range> excluded);
  // Copies source[range) (minus exclusions), folding breaks as described above.
  void text(base::Range range);
  // Appends `text` that has no source (a decoded entity, a placeholder), mapped to `anchor`.
  void synthetic(std::string_view text, base::Offset anchor);
  // A line break with no text of its own (a Markdown hard break, a plain-text line end).
  void lineBreak(base::Offset anchor);

 private:
  void segment(base::Offset begin, base::Offset end);  // no line break inside
  void flushPending();
  void appendChecked(base::Offset begin, base::Offset end);

  std::string_view source_;
  ProseText& out_;
  const std::vector<base::Range>& invalid_;
  std::vector<base::Range> excluded_;
  size_t excludedCursor_ = 0;
  bool pendingBreak_ = false;
  base::Offset breakAnchor_ = 0;
  base::Range pendingSpace_;  // whitespace seen after the last text, emitted if text follows
};

}  // namespace galley::document
