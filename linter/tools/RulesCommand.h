// `galley rules [PATH]`: the rules active for a draft or folder, and where each severity came from.
#pragma once

#include <string>
#include <vector>

#include "tools/ArgParser.h"

namespace galley::tools {

const std::vector<OptionSpec>& rulesOptions();

// Prints one line per loaded rule: id, severity (or off), pack, defining file:line, and why
// (pack default, config file:line:col, override file:line:col, --enable/--disable). Returns 0,
// or 2 on a usage or configuration error.
int runRulesCommand(const std::vector<std::string>& args);

}  // namespace galley::tools
