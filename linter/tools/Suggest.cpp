#include "tools/Suggest.h"

#include <algorithm>

#include "config/NearestName.h"

namespace galley::tools {

namespace {
constexpr size_t kMaxSuggestDistance = 3;
constexpr size_t kLettersPerEdit = 3;
}  // namespace

std::optional<std::string> nearestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  const size_t limit = std::clamp<size_t>(word.size() / kLettersPerEdit, 1, kMaxSuggestDistance);
  return config::nearestWithin(word, candidates, limit, {.adjacentSwaps = true});
}

}  // namespace galley::tools
