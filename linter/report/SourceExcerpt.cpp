#include "report/SourceExcerpt.h"

#include <algorithm>

namespace galley::report {

namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";
constexpr unsigned char kFirstPrintable = 0x20;
constexpr unsigned char kDelete = 0x7F;
constexpr unsigned kNibbleBits = 4;
constexpr unsigned kNibbleMask = 0xF;

// Appends the characters of line[from, to) to `out` (if given) and returns the display column
// reached, starting from `column` (0-based).
uint32_t advance(std::string_view line, size_t from, size_t to, uint32_t column, std::string* out) {
  for (size_t i = from; i < to;) {
    if (line[i] == '\t') {
      const uint32_t next = (column / kTabWidth + 1) * kTabWidth;
      if (out != nullptr) out->append(next - column, ' ');
      column = next;
      ++i;
      continue;
    }
    const uint32_t length = base::validUtf8SequenceLength(line, i);
    if (out != nullptr) {
      if (length == 0)
        out->append(kReplacementCharacter);
      else
        out->append(line.substr(i, length));
    }
    i += length == 0 ? 1 : length;
    ++column;
  }
  return column;
}

}  // namespace

std::optional<Excerpt> makeExcerpt(const base::SourceBuffer& source, base::Range range) {
  const uint32_t lineNumber = source.lineColumn(range.begin).line;
  const base::Range lineRange = source.lineRange(lineNumber);
  if (lineRange.size() > kMaxExcerptLineBytes) return std::nullopt;
  const std::string_view line = source.slice(lineRange);
  // Offsets relative to the line; a begin inside the line end ("\r") sits at the end of the text.
  const size_t begin = std::clamp<size_t>(range.begin, lineRange.begin, lineRange.end) - lineRange.begin;
  const size_t end = std::clamp<size_t>(range.end, lineRange.begin + begin, lineRange.end) - lineRange.begin;

  Excerpt excerpt;
  advance(line, 0, line.size(), 0, &excerpt.line);
  const uint32_t startColumn = advance(line, 0, begin, 0, nullptr);
  const uint32_t endColumn = advance(line, begin, end, startColumn, nullptr);
  excerpt.caret.assign(startColumn, ' ');
  excerpt.caret += '^';
  if (endColumn > startColumn + 1) excerpt.caret.append(endColumn - startColumn - 1, '~');
  return excerpt;
}

std::vector<Excerpt> makeExcerpts(const base::SourceBuffer& source, base::Range range) {
  std::vector<Excerpt> out;
  const auto first = makeExcerpt(source, range);
  if (!first) return out;
  out.push_back(*first);
  const uint32_t firstLine = source.lineColumn(range.begin).line;
  const base::LineColumn end = source.lineColumn(range.end);
  // A range ending at a line's first character stops on the line before.
  const uint32_t lastLine = end.column == 1 && end.line > firstLine ? end.line - 1 : end.line;
  for (uint32_t number = firstLine + 1; number <= lastLine && out.size() < kMaxExcerptLines; ++number) {
    const base::Range lineRange = source.lineRange(number);
    if (lineRange.size() > kMaxExcerptLineBytes) break;
    const std::string_view line = source.slice(lineRange);
    const size_t stop = std::min<size_t>(range.end, lineRange.end) - lineRange.begin;
    const size_t indent = std::min(line.find_first_not_of(" \t"), stop);
    Excerpt excerpt;
    advance(line, 0, line.size(), 0, &excerpt.line);
    const uint32_t startColumn = advance(line, 0, indent, 0, nullptr);
    const uint32_t endColumn = advance(line, indent, stop, startColumn, nullptr);
    excerpt.caret.assign(startColumn, ' ');
    excerpt.caret.append(endColumn - startColumn, '~');
    out.push_back(std::move(excerpt));
  }
  return out;
}

std::string escapeForLine(std::string_view text) {
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < kFirstPrintable || byte == kDelete) {
      out += "\\x";
      out += kHex[byte >> kNibbleBits];
      out += kHex[byte & kNibbleMask];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace galley::report
