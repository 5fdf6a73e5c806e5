// `galley lsp`: the language server on standard input and output.
#pragma once

#include <string>
#include <vector>

namespace galley::tools {

// Runs `galley lsp [--rules DIR]... [--no-default-rules]` until the client sends `exit`.
// Returns 0 after shutdown + exit, 1 when the client leaves without shutdown, 2 on a usage error.
int runLspCommand(const std::vector<std::string>& args);

}  // namespace galley::tools
