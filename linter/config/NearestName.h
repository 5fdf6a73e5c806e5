// Did-you-mean suggestions for misspelt keys, kinds and names.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace galley::config {

// Edit distance (insertions, deletions, substitutions; ASCII case-insensitive) between two words.
size_t editDistance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible typo (distance at most
// a third of the word's length, and at least 1 allowed); nullopt otherwise or when `word` is empty.
std::optional<std::string> nearestName(std::string_view word, std::span<const std::string_view> candidates);

// "a, b or c" (or "a" alone): for messages that list the valid choices.
std::string joinChoices(std::span<const std::string_view> choices, std::string_view lastSeparator = " or ");

}  // namespace galley::config
