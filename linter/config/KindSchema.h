// KindSchema: what the loader needs to know about a check kind to validate a rule of that kind.
#pragma once

#include <span>
#include <string_view>

namespace galley::config {

// A kind's lifecycle (after ruff): deprecated kinds still load with a warning; removed ones are errors.
enum class Stability { Stable, Preview, Deprecated, Removed };

// Supplied by the checks layer's registry; the config layer stays ignorant of check classes.
struct KindSchema {
  std::string_view name;                            // kebab-case kind id, e.g. "substitution"
  Stability stability = Stability::Stable;
  std::span<const std::string_view> options;        // kind-specific YAML keys
  std::span<const std::string_view> placeholders;   // names the kind provides to message templates
};

}  // namespace galley::config
