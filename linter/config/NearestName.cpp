#include "config/NearestName.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <vector>

namespace galley::config {

namespace {
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
}  // namespace

size_t editDistance(std::string_view a, std::string_view b, EditDistanceOptions options) {
  const auto same = [&](char x, char y) { return options.ignoreCase ? lower(x) == lower(y) : x == y; };
  // Rolling rows of the dynamic-programming table; `beforePrevious` serves adjacent swaps.
  std::vector<size_t> beforePrevious(b.size() + 1);
  std::vector<size_t> previous(b.size() + 1);
  std::vector<size_t> current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitution = previous[j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (options.adjacentSwaps && i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]))
        current[j] = std::min(current[j], beforePrevious[j - 2] + 1);
    }
    beforePrevious.swap(previous);
    previous.swap(current);
  }
  return previous[b.size()];
}

std::optional<std::string> nearestName(std::string_view word, std::span<const std::string_view> candidates) {
  if (word.empty()) return std::nullopt;
  return nearestWithin(word, candidates, std::max<size_t>(1, word.size() / 3), {.ignoreCase = true});
}

std::string unknownKeyMessage(std::string_view key, std::span<const std::string_view> valid, std::string_view what) {
  std::string message = "unknown " + std::string(what) + " '" + std::string(key) + "'";
  if (const auto suggestion = nearestName(key, valid)) message += " (did you mean '" + *suggestion + "'?)";
  return message;
}

std::string joinChoices(std::span<const std::string_view> choices, std::string_view lastSeparator) {
  std::string out;
  for (size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) out += (i + 1 == choices.size()) ? lastSeparator : std::string_view(", ");
    out += choices[i];
  }
  return out;
}

namespace {
constexpr size_t kMaxSuggestDistance = 3;
constexpr size_t kLettersPerEdit = 3;
}  // namespace

std::optional<std::string> nearestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  const size_t limit = std::clamp<size_t>(word.size() / kLettersPerEdit, 1, kMaxSuggestDistance);
  return nearestWithin(word, candidates, limit, {.adjacentSwaps = true});
}

}  // namespace galley::config
