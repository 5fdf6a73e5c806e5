// "Did you mean ...?": the nearest valid word by edit distance, for unknown flags, commands and ids.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::tools {

// The candidate closest to `word`, if it is close enough to be a plausible typo: at most a third
// of the word's length (and at least 1, at most 3) edits away, counting a swap of neighbours as
// one edit (config::editDistance). Ties go to the earlier candidate.
std::optional<std::string> nearestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace galley::tools
