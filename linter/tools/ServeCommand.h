// `galley serve`: the local review page for people who never open a terminal.
#pragma once

#include <string>
#include <vector>

namespace galley::tools {

// Runs `galley serve [OPTIONS] [FOLDER]` until interrupted (SIGINT or SIGTERM). Returns 0 after
// an interrupt, 2 on a usage or configuration error or when the address cannot be bound.
int runServeCommand(const std::vector<std::string>& args);

}  // namespace galley::tools
