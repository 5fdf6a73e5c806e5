#include "base/SourceBuffer.h"

#include <algorithm>
#include <cstring>

#include "base/FileText.h"
#include "base/TextSniff.h"

namespace galley::base {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The byte values below are those of Unicode's table of well-formed UTF-8 byte sequences
// (Table 3-7); the table is the clearest name for them.
// NOLINTBEGIN(readability-magic-numbers)
bool isContinuation(unsigned char c) { return (c & 0xC0U) == 0x80U; }
bool isAscii(char c) { return static_cast<unsigned char>(c) < 0x80U; }

}  // namespace

uint32_t validUtf8SequenceLength(std::string_view text, size_t i) {
  const auto c0 = static_cast<unsigned char>(text[i]);
  if (c0 < 0x80U) return 1;
  auto at = [&](size_t k) -> int { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : -1; };
  auto cont = [&](size_t k) { const int c = at(k); return c >= 0 && isContinuation(static_cast<unsigned char>(c)); };
  if (c0 >= 0xC2U && c0 <= 0xDFU) return cont(1) ? 2 : 0;
  if (c0 >= 0xE0U && c0 <= 0xEFU) {
    const int c1 = at(1);
    if (c1 < 0) return 0;
    if (c0 == 0xE0U && c1 < 0xA0) return 0;  // overlong
    if (c0 == 0xEDU && c1 > 0x9F) return 0;  // surrogates
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c0 >= 0xF0U && c0 <= 0xF4U) {
    const int c1 = at(1);
    if (c1 < 0) return 0;
    if (c0 == 0xF0U && c1 < 0x90) return 0;  // overlong
    if (c0 == 0xF4U && c1 > 0x8F) return 0;  // above U+10FFFF
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
// NOLINTEND(readability-magic-numbers)

uint32_t countCodePoints(std::string_view text) {
  uint32_t count = 0;
  for (size_t i = 0; i < text.size();) {
    const uint32_t len = validUtf8SequenceLength(text, i);
    i += len == 0 ? 1 : len;
    ++count;
  }
  return count;
}

SourceBuffer::SourceBuffer(std::string path, std::string bytes)
    : path_(std::move(path)), bytes_(std::move(bytes)) {
  if (std::string_view(bytes_).substr(0, kBom.size()) == kBom) bomSize_ = static_cast<Offset>(kBom.size());
}

SourceBuffer::SourceBuffer(SourceBuffer&& other) noexcept
    : path_(std::move(other.path_)), bytes_(std::move(other.bytes_)), bomSize_(other.bomSize_) {}

Expected<SourceBuffer> SourceBuffer::readFile(const std::string& path, uint64_t maxBytes) {
  Expected<std::string> bytes = readFileText(path, maxBytes);
  if (!bytes) return Unexpected(std::move(bytes).error());
  if (auto refused = sniffNonUtf8Draft(*bytes, path, "file")) return Unexpected(std::move(*refused));
  return SourceBuffer(path, std::move(*bytes));
}

std::string_view SourceBuffer::slice(Range range) const {
  const Offset begin = std::min(range.begin, size());
  const Offset end = std::clamp(range.end, begin, size());
  return std::string_view(bytes_).substr(begin, end - begin);
}

void SourceBuffer::buildLineTable() const {
  std::call_once(lineTableOnce_, [this] {
    lineStarts_.push_back(bomSize_);
    for (size_t i = bomSize_; i < bytes_.size(); ++i) {
      if (bytes_[i] == '\n') lineStarts_.push_back(static_cast<Offset>(i + 1));
    }
  });
}

uint32_t SourceBuffer::lineCount() const {
  buildLineTable();
  return static_cast<uint32_t>(lineStarts_.size());
}

uint32_t SourceBuffer::lineIndex(Offset offset) const {
  buildLineTable();
  const auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  return it == lineStarts_.begin() ? 0 : static_cast<uint32_t>(it - lineStarts_.begin() - 1);
}

LineColumn SourceBuffer::lineColumn(Offset offset) const {
  offset = std::min(offset, size());
  const uint32_t index = lineIndex(offset);
  const Offset start = lineStarts_[index];
  const Range line = lineRange(index + 1);
  // Offsets inside the line end ("\r" of CRLF) report the end of the line's text.
  const Offset clamped = std::max(start, std::min(offset, line.end));
  std::string_view prefix = std::string_view(bytes_).substr(start, clamped - start);
  // Count only whole characters before the offset: a partial sequence at the end maps to its start.
  uint32_t column = 1;
  for (size_t i = 0; i < prefix.size();) {
    const uint32_t len = validUtf8SequenceLength(prefix, i);
    if (len == 0 && validUtf8SequenceLength(std::string_view(bytes_), start + i) > prefix.size() - i) break;
    i += len == 0 ? 1 : len;
    ++column;
  }
  return {index + 1, column};
}

uint32_t SourceBuffer::utf16Column(Offset offset) const {
  offset = std::min(offset, size());
  const uint32_t index = lineIndex(offset);
  const Offset start = lineStarts_[index];
  uint32_t units = 0;
  const std::string_view text = bytes_;
  for (size_t i = start; i < offset;) {
    if (isAscii(text[i])) {  // one unit, no sequence to check
      ++units;
      ++i;
      continue;
    }
    const uint32_t len = validUtf8SequenceLength(text, i);
    if (len > 0 && i + len > offset) break;
    units += len == 4 ? 2 : 1;
    i += len == 0 ? 1 : len;
  }
  return units;
}

Range SourceBuffer::lineRange(uint32_t line) const {
  buildLineTable();
  const uint32_t index = std::clamp<uint32_t>(line, 1, static_cast<uint32_t>(lineStarts_.size())) - 1;
  const Offset begin = lineStarts_[index];
  Offset end = index + 1 < lineStarts_.size() ? lineStarts_[index + 1] - 1 : size();
  if (end > begin && bytes_[end - 1] == '\r' && end < size() && bytes_[end] == '\n') --end;
  if (index + 1 == lineStarts_.size() && end > begin && bytes_[end - 1] == '\r') --end;
  return {begin, end};
}

Offset SourceBuffer::offsetAt(LineColumn position) const {
  const Range line = lineRange(position.line);
  const std::string_view text = slice(line);
  size_t i = 0;
  for (uint32_t column = 1; column < position.column && i < text.size(); ++column) {
    const uint32_t len = validUtf8SequenceLength(text, i);
    i += len == 0 ? 1 : len;
  }
  return line.begin + static_cast<Offset>(i);
}

Offset SourceBuffer::offsetAtUtf16(uint32_t line0, uint32_t utf16Column) const {
  const Range line = lineRange(line0 + 1);
  const std::string_view text = slice(line);
  size_t i = 0;
  uint32_t units = 0;
  while (i < text.size() && units < utf16Column) {
    const uint32_t len = validUtf8SequenceLength(text, i);
    units += len == 4 ? 2 : 1;
    i += len == 0 ? 1 : len;
  }
  return line.begin + static_cast<Offset>(i);
}

std::vector<Utf8Problem> SourceBuffer::utf8Problems() const {
  std::vector<Utf8Problem> problems;
  const std::string_view text = bytes_;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  for (size_t i = 0; i < text.size();) {
    // ASCII, most of any draft, eight bytes at a time.
    if (uint64_t word = 0; i + sizeof word <= text.size()) {
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & kHighBits) == 0) {
        i += sizeof word;
        continue;
      }
    }
    const uint32_t len = validUtf8SequenceLength(text, i);
    if (len > 0) {
      i += len;
      continue;
    }
    size_t end = i + 1;
    while (end < text.size() && isContinuation(static_cast<unsigned char>(text[end])) && end - i < 4) ++end;
    problems.push_back({Range{static_cast<Offset>(i), static_cast<Offset>(end)}});
    i = end;
  }
  return problems;
}

}  // namespace galley::base
