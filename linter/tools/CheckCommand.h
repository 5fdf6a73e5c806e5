// `galley check`: lints drafts and reports the findings.
#pragma once

#include <string>
#include <vector>

#include "tools/ArgParser.h"

namespace galley::tools {

// The options `galley check` accepts (for parsing and help).
const std::vector<OptionSpec>& checkOptions();

// Runs `galley check ARGS...` (args exclude "galley" and "check"). Findings go to stdout, input
// and configuration errors to stderr. Returns 0 when nothing is at or above --fail-on, 1 when
// something is, 2 on a usage, configuration or input error (input errors win over findings).
int runCheckCommand(const std::vector<std::string>& args);

}  // namespace galley::tools
