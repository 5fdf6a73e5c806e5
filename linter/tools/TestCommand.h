// `galley test`: runs the rules' self-tests and the annotated fixtures.
#pragma once

#include <string>
#include <vector>

#include "tools/ArgParser.h"

namespace galley::tools {

// The options `galley test` accepts.
const std::vector<OptionSpec>& testOptions();

// Runs `galley test ARGS...`. Operands are fixture directories or files (default: the bundled
// fixtures). Prints each failure and a summary. Returns 0 when everything passed, 1 when a
// self-test or fixture failed, 2 on a usage or configuration error.
int runTestCommand(const std::vector<std::string>& args);

}  // namespace galley::tools
