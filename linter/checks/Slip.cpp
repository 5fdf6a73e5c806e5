#include "checks/Slip.h"

#include <algorithm>
#include <array>
#include <utility>

#include "config/NearestName.h"

namespace galley::checks {

size_t slipDistance(std::string_view a, std::string_view b) {
  constexpr size_t kFar = 3;
  constexpr size_t kRow = 64;
  if (b.size() + 1 > kRow) return std::min(kFar, config::editDistance(a, b, {.ignoreCase = false, .adjacentSwaps = true}));
  std::array<std::array<size_t, kRow>, 3> rows{};  // rolling rows; the oldest serves adjacent swaps
  size_t* beforePrevious = rows[0].data();
  size_t* previous = rows[1].data();
  size_t* current = rows[2].data();
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  size_t previousMin = 0;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    size_t rowMin = current[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], beforePrevious[j - 2] + 1);
      rowMin = std::min(rowMin, current[j]);
    }
    if (rowMin >= kFar && previousMin >= kFar) return kFar;
    previousMin = rowMin;
    std::swap(beforePrevious, previous);
    std::swap(previous, current);
  }
  return std::min(kFar, previous[b.size()]);
}

Slip slipBetween(std::string_view word, std::string_view target) {
  const size_t lengthGap = word.size() > target.size() ? word.size() - target.size() : target.size() - word.size();
  if (lengthGap > 2) return Slip::None;
  const size_t distance = slipDistance(word, target);
  if (distance == 2) return Slip::Two;
  if (distance != 1) return Slip::None;
  if (word.size() + 1 == target.size()) return Slip::Typo;  // dropped
  if (word.size() == target.size() + 1) {
    // Added: a doubled letter is a typo ("Tokayevv"), any other letter may be another name.
    size_t i = 0;
    while (i < target.size() && word[i] == target[i]) ++i;
    const bool doubled = (i > 0 && word[i] == word[i - 1]) || (i + 1 < word.size() && word[i] == word[i + 1]);
    return doubled ? Slip::Typo : Slip::Change;
  }
  // Same length: swapped neighbours, or one letter changed.
  size_t i = 0;
  while (i < word.size() && word[i] == target[i]) ++i;
  const bool swapped = i + 1 < word.size() && word[i] == target[i + 1] && word[i + 1] == target[i];
  return swapped ? Slip::Typo : Slip::Change;
}

}  // namespace galley::checks
