// `galley serve`: the local review page for people who never open a terminal. It is a program of
// its own, galley-serve (linter/serve/main.cpp), which `galley serve` runs: only it loads the HTTP
// library and the TLS library that comes with it (about 4 MB more memory and their start-up).
#pragma once

#include <string>
#include <vector>

namespace galley::serve {

// Runs `galley serve [OPTIONS] [FOLDER]` until interrupted (SIGINT or SIGTERM). Returns 0 after
// an interrupt, 2 on a usage or configuration error or when the address cannot be bound.
int runServeCommand(const std::vector<std::string>& args);
// galley-serve's main: runServeCommand with the arguments after the program name.
int runServeMain(int argc, char** argv);

}  // namespace galley::serve
