// `galley dates`: shows what the date engine finds in a text (for rule authors and measurement).
#pragma once

#include <string>
#include <vector>

namespace galley::tools {

// Runs `galley dates ARGS...` (args exclude "galley" and "dates"). Returns the exit code.
int runDatesCommand(const std::vector<std::string>& args);

}  // namespace galley::tools
