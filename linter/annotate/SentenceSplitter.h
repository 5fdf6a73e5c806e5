// Splits prose into sentences; abbreviations ("Mr", "Dr", "U.N.") and initials do not end one.
#pragma once

#include <string_view>
#include <vector>

#include "base/Range.h"

namespace galley::annotate {

// Returns the sentences of `text` (one block's prose) as ranges into it, in order, each trimmed of
// surrounding whitespace (ASCII and Unicode spaces such as U+00A0); no range is empty.
// A sentence ends after ".", "!", "?" or "…" (repeats allowed, then optional closing quotes or
// brackets) when whitespace follows and the next text starts with an uppercase letter, a digit,
// or an opening quote or bracket. A "." does not end one after a known abbreviation ("Mr", "Dr",
// "No", "Art", "Jan", "etc", ...; case-sensitive, so "no." can still end a sentence), a single
// letter ("J. Smith"), or letters joined by dots ("U.N.", "e.g.", "H.E."). A "." between digits
// ("3.5") never has whitespace after it, so decimals stay whole. Linear in the text.
std::vector<base::Range> splitSentences(std::string_view text);

}  // namespace galley::annotate
