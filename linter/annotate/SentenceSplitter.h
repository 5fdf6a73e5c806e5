// Splits prose into sentences; abbreviations ("Mr", "Dr", "U.N.") and initials do not end one.
#pragma once

#include <string_view>
#include <vector>

#include "base/Range.h"

namespace galley::annotate {

// Returns the sentences of `text` as ranges into it, trimmed of surrounding whitespace.
std::vector<base::Range> splitSentences(std::string_view text);

}  // namespace galley::annotate
