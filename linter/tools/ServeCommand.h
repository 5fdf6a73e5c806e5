// `galley serve`: runs the review page's own program, galley-serve, found next to galley.
#pragma once

#include <string>
#include <vector>

namespace galley::tools {

// Replaces this process with galley-serve (the same folder as galley) given `args`; returns only
// when that fails: 2, with a message naming the program looked for.
int runServeCommand(const std::vector<std::string>& args);

}  // namespace galley::tools
