// Byte offsets and half-open byte ranges: the only positions inside Galley's model.
#pragma once

#include <cstdint>

namespace galley::base {

// 0-based byte offset into a SourceBuffer.
using Offset = uint32_t;

// Half-open byte range [begin, end); may be empty (an insertion point).
struct Range {
  Offset begin = 0;
  Offset end = 0;

  [[nodiscard]] uint32_t size() const { return end - begin; }
  [[nodiscard]] bool empty() const { return begin == end; }
  [[nodiscard]] bool contains(Offset offset) const { return offset >= begin && offset < end; }
  [[nodiscard]] bool contains(Range other) const { return other.begin >= begin && other.end <= end; }
  [[nodiscard]] bool overlaps(Range other) const { return begin < other.end && other.begin < end; }
  friend bool operator==(Range, Range) = default;
};

}  // namespace galley::base
