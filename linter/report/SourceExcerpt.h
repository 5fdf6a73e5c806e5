// Source excerpts for text output: a line as a terminal shows it, and the caret line under a range.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Range.h"
#include "base/SourceBuffer.h"

namespace galley::report {

// Lines longer than this many bytes get no excerpt (as clang does): they are not worth printing.
inline constexpr uint32_t kMaxExcerptLineBytes = 4096;
// A range over more lines than this shows its first lines only (as clang caps its snippets).
inline constexpr uint32_t kMaxExcerptLines = 6;
// Tab stops every this many display columns.
inline constexpr uint32_t kTabWidth = 8;

// A source line ready to print and the underline for one range on it.
struct Excerpt {
  std::string line;   // tabs expanded, invalid UTF-8 bytes shown as U+FFFD
  std::string caret;  // spaces, then '^' under the range's first character, '~' under the rest
};

// The excerpt for `range` on the line where it begins. Display columns count code points (one
// each) with tabs expanded; a range running past the line end is underlined to the end of the
// line; an empty range gets a lone '^'. Returns nullopt when the line is longer than
// kMaxExcerptLineBytes.
std::optional<Excerpt> makeExcerpt(const base::SourceBuffer& source, base::Range range);

// The excerpts for `range`, one per source line it touches (as clang splits a multi-line range):
// the first line's caret starts with '^' at the range's start, later lines are underlined with
// '~' from their first non-blank character; a range ending at a line's very start does not touch
// that line. At most kMaxExcerptLines lines; empty when the first line is too long to print.
std::vector<Excerpt> makeExcerpts(const base::SourceBuffer& source, base::Range range);

// `text` with newlines, tabs and other control characters escaped (\n, \t, \xHH), for one-line output.
std::string escapeForLine(std::string_view text);

}  // namespace galley::report
