// SourceBuffer: one file's bytes, unchanged, plus a lazily built line table.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/Expected.h"
#include "base/Range.h"

namespace galley::base {

// A user-facing position: 1-based line, 1-based column counted in Unicode code points.
struct LineColumn {
  uint32_t line = 1;
  uint32_t column = 1;
  friend bool operator==(LineColumn, LineColumn) = default;
};

// A byte range that is not valid UTF-8 (one maximal ill-formed subsequence).
struct Utf8Problem {
  Range range;
};

// Holds a file's bytes exactly as read (a UTF-8 BOM and CRLF line ends are kept) and answers
// offset <-> line/column questions. Lines end at "\n"; a "\r" before it belongs to the line end.
// A BOM is not counted as a column of line 1.
// Thread safety: const methods may be called from many threads (the line table is built once,
// under a once_flag). Not copyable (the line table is shared state); movable before first use.
class SourceBuffer {
 public:
  SourceBuffer(std::string path, std::string bytes);
  SourceBuffer(SourceBuffer&& other) noexcept;
  SourceBuffer& operator=(SourceBuffer&&) = delete;
  SourceBuffer(const SourceBuffer&) = delete;
  SourceBuffer& operator=(const SourceBuffer&) = delete;
  ~SourceBuffer() = default;

  // Reads `path`. Fails (Environment) when the file cannot be opened or read, and (InvalidInput)
  // when it is larger than `maxBytes` or looks binary (holds a NUL byte in its first 8 KiB).
  static Expected<SourceBuffer> readFile(const std::string& path, uint64_t maxBytes);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string_view text() const { return bytes_; }
  [[nodiscard]] Offset size() const { return static_cast<Offset>(bytes_.size()); }
  [[nodiscard]] std::string_view slice(Range range) const;

  // 3 when the buffer starts with a UTF-8 byte order mark, else 0.
  [[nodiscard]] Offset contentStart() const { return bomSize_; }

  // Number of lines (a final line without "\n" counts; an empty buffer has one empty line).
  [[nodiscard]] uint32_t lineCount() const;
  // REQUIRES: offset <= size(). Offsets inside a CRLF or a multi-byte character map to its start.
  [[nodiscard]] LineColumn lineColumn(Offset offset) const;
  // Column as LSP counts it by default: 0-based UTF-16 code units from the line start.
  [[nodiscard]] uint32_t utf16Column(Offset offset) const;
  // REQUIRES: offset <= size(). The 1-based line holding `offset` (lineColumn().line, without
  // counting the column's characters).
  [[nodiscard]] uint32_t lineOf(Offset offset) const { return lineIndex(offset) + 1; }
  // 1-based `line` -> byte range of its text, without "\r\n"/"\n". Out-of-range lines clamp.
  [[nodiscard]] Range lineRange(uint32_t line) const;
  [[nodiscard]] std::string_view lineText(uint32_t line) const { return slice(lineRange(line)); }
  // Inverse of lineColumn(): a column past the line's end clamps to the end of the line.
  [[nodiscard]] Offset offsetAt(LineColumn position) const;
  // Inverse of utf16Column() on a 0-based line (LSP positions).
  [[nodiscard]] Offset offsetAtUtf16(uint32_t line0, uint32_t utf16Column) const;

  // Every ill-formed UTF-8 sequence, in order (empty for valid text).
  [[nodiscard]] std::vector<Utf8Problem> utf8Problems() const;

 private:
  void buildLineTable() const;
  [[nodiscard]] uint32_t lineIndex(Offset offset) const;  // 0-based

  std::string path_;
  std::string bytes_;
  Offset bomSize_ = 0;
  mutable std::once_flag lineTableOnce_;
  mutable std::vector<Offset> lineStarts_;
};

// Number of code points in `text` (invalid bytes count one each).
uint32_t countCodePoints(std::string_view text);
// Length in bytes of the UTF-8 sequence starting at text[i] if it is well formed, else 0.
uint32_t validUtf8SequenceLength(std::string_view text, size_t i);

}  // namespace galley::base
