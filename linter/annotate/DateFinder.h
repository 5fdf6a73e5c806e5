// DateFinder: the interface claim extraction reads dates through, so the date engine can replace
// the built-in matcher without touching the extractor.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/Calendar.h"
#include "base/Range.h"

namespace galley::annotate {

// A date written in prose: where (0-based bytes into the text searched) and what interval it means.
struct FoundDate {
  base::Range range;
  base::DateInterval value;
};

// Finds absolute and partial dates in a text. Implementations are immutable after construction and
// safe to share between threads.
class DateFinder {
 public:
  DateFinder() = default;
  DateFinder(const DateFinder&) = delete;
  DateFinder& operator=(const DateFinder&) = delete;
  DateFinder(DateFinder&&) = delete;
  DateFinder& operator=(DateFinder&&) = delete;
  virtual ~DateFinder() = default;

  // Every date in `text` with a known value, in text order, not overlapping.
  [[nodiscard]] virtual std::vector<FoundDate> find(std::string_view text) const = 0;
  // The same for block `block` of the document being checked, whose prose is `text`. Default:
  // find(text); finders fed by a document's annotations use the block to look them up.
  [[nodiscard]] virtual std::vector<FoundDate> findInBlock(std::string_view text, uint32_t /*block*/) const {
    return find(text);
  }
};

}  // namespace galley::annotate
