// `galley init [DIR]`: writes a commented starter .galley.yaml.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace galley::tools {

// The starter configuration: every key, commented, with the defaults (it loads as is).
std::string_view starterConfig();

// Writes DIR/.galley.yaml (default: the current folder). Refuses to overwrite an existing one
// (exit 2) unless --force; writes through a temporary file, so a failure leaves nothing half
// written. Returns 0 on success.
int runInitCommand(const std::vector<std::string>& args);

}  // namespace galley::tools
