// LowerWordIndex: a small fixed set of lower-case ASCII words, each with a value, for the date
// grammar's look-ups of every word of a text.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace galley::dates {

// Words are bucketed by first letter and length, so a look-up compares the word with the two or
// three entries sharing both and hashes nothing. Words of letters a-z only, at most kLongest long;
// anything else is never found (and cannot be added).
template <typename Value>
class LowerWordIndex {
 public:
  static constexpr std::size_t kLongest = 15;

  // Adds `word` (which must outlive the index: a literal) unless it cannot be looked up.
  void add(std::string_view word, Value value) {
    if (const std::size_t bucket = bucketOf(word); bucket != kNone) buckets_[bucket].emplace_back(word, value);
  }

  // The value of `word`, or nullptr.
  [[nodiscard]] const Value* find(std::string_view word) const {
    const std::size_t bucket = bucketOf(word);
    if (bucket == kNone) return nullptr;
    for (const auto& [entry, value] : buckets_[bucket]) {
      if (entry == word) return &value;
    }
    return nullptr;
  }
  [[nodiscard]] bool contains(std::string_view word) const { return find(word) != nullptr; }

 private:
  static constexpr std::size_t kLetters = 26;
  static constexpr std::size_t kNone = kLetters * (kLongest + 1);

  static std::size_t bucketOf(std::string_view word) {
    if (word.empty() || word.size() > kLongest || word.front() < 'a' || word.front() > 'z') return kNone;
    return static_cast<std::size_t>(word.front() - 'a') * (kLongest + 1) + word.size();
  }

  std::array<std::vector<std::pair<std::string_view, Value>>, kNone> buckets_;
};

}  // namespace galley::dates
