#include "lsp/Positions.h"

#include <algorithm>

namespace galley::lsp {

namespace {
// UTF-8 continuation bytes are 10xxxxxx.
constexpr unsigned kContinuationMask = 0xC0U;
constexpr unsigned kContinuationBits = 0x80U;
}  // namespace

Position toPosition(const base::SourceBuffer& source, base::Offset offset, PositionEncoding encoding) {
  // The line only (lineColumn() would count the line's characters for a column LSP does not use).
  const uint32_t lineNumber = source.lineOf(std::min(offset, source.size()));
  Position position;
  position.line = lineNumber - 1;
  if (encoding == PositionEncoding::Utf16) {
    position.character = source.utf16Column(offset);
  } else {
    const base::Range line = source.lineRange(lineNumber);
    position.character = std::min(offset, line.end) - line.begin;
  }
  return position;
}

base::Offset toOffset(const base::SourceBuffer& source, Position position, PositionEncoding encoding) {
  if (position.line >= source.lineCount()) return source.size();
  if (encoding == PositionEncoding::Utf16) return source.offsetAtUtf16(position.line, position.character);
  const base::Range line = source.lineRange(position.line + 1);
  base::Offset offset = position.character >= line.size() ? line.end : line.begin + position.character;
  // Never inside a multi-byte character: move to its end.
  const std::string_view text = source.text();
  while (offset < line.end && (static_cast<unsigned char>(text[offset]) & kContinuationMask) == kContinuationBits) ++offset;
  return offset;
}

}  // namespace galley::lsp
