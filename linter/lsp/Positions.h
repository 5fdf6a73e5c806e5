// LSP positions (0-based line, column in UTF-16 code units or UTF-8 bytes) <-> byte offsets.
#pragma once

#include <cstdint>

#include "base/Range.h"
#include "base/SourceBuffer.h"

namespace galley::lsp {

// How the client counts columns (LSP 3.17 `positionEncoding`).
enum class PositionEncoding { Utf16, Utf8 };

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
};

// The LSP position of `offset` (REQUIRES: offset <= source.size()).
Position toPosition(const base::SourceBuffer& source, base::Offset offset, PositionEncoding encoding);

// The byte offset of an LSP position. Out-of-range positions clamp: a line past the last means
// the end of the text, a column past the line's end means the end of that line, and a column
// inside a character means the end of that character (UTF-8) or the character itself (UTF-16).
base::Offset toOffset(const base::SourceBuffer& source, Position position, PositionEncoding encoding);

}  // namespace galley::lsp
