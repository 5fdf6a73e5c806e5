// `galley fix` (and `galley check --fix`): applies fixes to drafts in place, atomically.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "engine/Engine.h"
#include "engine/Fixer.h"
#include "engine/InputCollector.h"
#include "tools/ArgParser.h"

namespace galley::tools {

// The options `galley fix` accepts (for parsing and help).
const std::vector<OptionSpec>& fixOptions();

// Fixes every file input in place with `engine`, writing each changed file atomically; prints one
// line per changed file ("PATH: N fixes applied") and every read or write error to `log`.
// Standard input and inputs that already carry an error are skipped silently (the check run that
// follows reports them). Returns the number of files that could not be read or written.
size_t fixFilesInPlace(const engine::Engine& engine, const std::vector<engine::Input>& inputs,
                       const engine::FixOptions& options, std::ostream& log);

// Runs `galley fix ARGS...`: applies safe fixes (--unsafe: all), re-linting until nothing
// changes, and prints what is left (text format) to stdout, one line per changed file to stderr.
// --dry-run prints a unified diff to stdout and writes nothing. Returns 0 when no finding is left,
// 1 when some are, 2 on a usage, configuration, input or write error.
int runFixCommand(const std::vector<std::string>& args);

}  // namespace galley::tools
