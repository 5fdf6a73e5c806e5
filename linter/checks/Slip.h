// Slip: what one or two keyboard slips turn a known word into, for the checks that recognise a
// misspelt name (name-spelling: fact-base names; spelling: month and weekday names).
#pragma once

#include <cstddef>
#include <string_view>

namespace galley::checks {

// Typo: a letter dropped or doubled, or two neighbours swapped ("Tokayevv", "Janury").
// Change: a letter replaced, or a letter added that doubles none ("Kerimov" for "Karimov": as
// often another name as a slip). Two: two of these.
enum class Slip { None, Typo, Change, Two };

// The Damerau-Levenshtein distance of `a` and `b` (case kept) when it is at most 2, else 3.
// Allocates nothing and stops as soon as no cell can come back under 3: asked of every unknown
// capitalised word against every known one.
size_t slipDistance(std::string_view a, std::string_view b);

// What one or two edits turn `target` into `word`, or None.
Slip slipBetween(std::string_view word, std::string_view target);

}  // namespace galley::checks
