// Small helpers shared by the config loaders for inspecting yaml-cpp nodes without exceptions.
#pragma once

#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace galley::config {

// "a map", "a list", "a string" or "nothing": for "must be X, not Y" messages.
std::string_view describeNode(const YAML::Node& node);

// The value of `key` in `map` (REQUIRES: map.IsMap()), matched by the key's scalar text, or an
// undefined node. Never throws, unlike operator[] on keys that are not scalars.
YAML::Node findKey(const YAML::Node& map, std::string_view key);

}  // namespace galley::config
