// NestingGuard: a cheap pre-scan for Markdown nested too deep for the tree-sitter block scanner.
#pragma once

#include <string_view>
#include <vector>

#include "base/Range.h"

namespace galley::document {

// Container markers at the start of one line: block-quote ">" and list markers ("-", "+", "*",
// "1." / "1)") followed by a space, tab or the line end.
struct LinePrefix {
  int depth = 0;                 // markers on the line, plus list levels its indentation allows
  bool quote = false;            // at least one ">" marker
  base::Offset contentBegin = 0;  // first byte after the markers and the whitespace after them
};

// Scans the line text[begin, end) (no line end inside). A line with no marker has depth 0: it
// opens no container. Otherwise depth = markers + indentation columns / 2 (a nested list level
// needs at least two columns), an upper bound on the nesting the line can reach.
LinePrefix scanLinePrefix(std::string_view text, base::Offset begin, base::Offset end);

// Runs of consecutive whole lines of text[begin, end) (line ends included) whose depth exceeds
// `limit`, in order. Linear in the text.
std::vector<base::Range> findOverDeepLines(std::string_view text, base::Offset begin, int limit);

}  // namespace galley::document
