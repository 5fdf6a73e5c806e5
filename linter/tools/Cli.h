// The command-line interface: parses arguments and dispatches to one command.
#pragma once

namespace galley::tools {

// Runs `galley` with the given arguments. Returns the process exit code:
// 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage/configuration/input error.
int runCli(int argc, char** argv);

}  // namespace galley::tools
