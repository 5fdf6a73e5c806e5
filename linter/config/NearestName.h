// Did-you-mean suggestions for misspelt keys, kinds and names.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace galley::config {

// How editDistance() counts. Default: plain Levenshtein, case-sensitive.
struct EditDistanceOptions {
  bool ignoreCase = false;     // ASCII letters compare without case
  bool adjacentSwaps = false;  // a swap of two neighbours is one edit (optimal string alignment)
};

// Edit distance (insertions, deletions, substitutions, and swaps when asked) between two words.
size_t editDistance(std::string_view a, std::string_view b, EditDistanceOptions options = {});

// The first of `candidates` at the smallest distance from `word`, if that distance is at most
// `maxDistance`; nullopt otherwise.
template <typename Candidates>
std::optional<std::string> nearestWithin(std::string_view word, const Candidates& candidates, size_t maxDistance,
                                         EditDistanceOptions options = {}) {
  std::optional<std::string> best;
  size_t bestDistance = maxDistance + 1;
  for (const auto& candidate : candidates) {
    const size_t distance = editDistance(word, candidate, options);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = std::string(candidate);
    }
  }
  return best;
}

// The candidate closest to `word` ignoring case, if it is close enough to be a plausible typo
// (distance at most a third of the word's length, and at least 1 allowed); nullopt otherwise or
// when `word` is empty.
std::optional<std::string> nearestName(std::string_view word, std::span<const std::string_view> candidates);

// The candidate closest to `word`, if it is close enough to be a plausible typo of a flag, command
// or rule id: at most a third of the word's length (and at least 1, at most 3) edits away,
// counting a swap of neighbours as one edit. Ties go to the earlier candidate.
std::optional<std::string> nearestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "unknown <what> '<key>'", with " (did you mean '<nearest>'?)" when nearestName() finds one: the
// one wording of an unknown key in rule packs, fact bases and lexicons.
std::string unknownKeyMessage(std::string_view key, std::span<const std::string_view> valid, std::string_view what);

// "a, b or c" (or "a" alone): for messages that list the valid choices.
std::string joinChoices(std::span<const std::string_view> choices, std::string_view lastSeparator = " or ");

}  // namespace galley::config
