// YamlBudget: refuses YAML whose aliases would expand it past a bound (an "alias bomb").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/mark.h>

namespace galley::config {

// Nodes that aliases may add to a file once expanded. Rule packs and fact bases hold a few
// thousand nodes; nine nested aliases of ten each would make a billion.
inline constexpr uint64_t kMaxAliasExpansion = 100'000;

// Why a YAML text was refused, and where (the alias that crossed the bound).
struct YamlBudgetProblem {
  std::string message;
  YAML::Mark mark;
};

// yaml-cpp shares an aliased node instead of copying it, so loading a bomb is cheap, but every
// walk over the loaded tree (the loaders', a copy, an emit) visits each expansion. Streams `text`'s
// parse events, counting the nodes each alias stands for. Returns a problem when aliases would add
// more than `maxExpansion` nodes, when the text nests deeper than yaml-cpp's depth guard (whose
// own message is only "bad file"), or when a second document follows the first (which the loaders'
// YAML::Load would drop unread); else nullopt (also for malformed YAML: the loader reports that).
// Costs one extra parse of the text, as events; memory is one count per anchor.
std::optional<YamlBudgetProblem> checkAliasExpansion(std::string_view text, uint64_t maxExpansion = kMaxAliasExpansion);

}  // namespace galley::config
