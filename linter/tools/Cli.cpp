#include "tools/Cli.h"

#include <algorithm>
#include <array>
#include <iostream>
#include <string_view>
#include <vector>

#include "tools/CheckCommand.h"
#include "tools/CommandHelp.h"
#include "tools/DatesCommand.h"
#include "tools/ExplainCommand.h"
#include "tools/FixCommand.h"
#include "tools/InitCommand.h"
#include "tools/LspCommand.h"
#include "tools/RulesCommand.h"
#include "tools/ServeCommand.h"
#include "config/NearestName.h"
#include "tools/TestCommand.h"

namespace galley::tools {

namespace {

constexpr int kExitUsage = 2;

using CommandFunction = int (*)(const std::vector<std::string>&);

// The command table: one line per command, sorted.
constexpr std::array<std::pair<std::string_view, CommandFunction>, 9> kCommands = {{
    {"check", &runCheckCommand},
    {"dates", &runDatesCommand},
    {"explain", &runExplainCommand},
    {"fix", &runFixCommand},
    {"init", &runInitCommand},
    {"lsp", &runLspCommand},
    {"rules", &runRulesCommand},
    {"serve", &runServeCommand},
    {"test", &runTestCommand},
}};

std::vector<std::string> commandNames() {
  std::vector<std::string> names;
  names.reserve(kCommands.size());
  for (const auto& [name, function] : kCommands) names.emplace_back(name);
  return names;
}

int usageError(const std::string& message) {
  std::cerr << "galley: " << message << "\nTry 'galley --help'.\n";
  return kExitUsage;
}

}  // namespace

int runCli(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);  // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
  if (args.empty()) {
    std::cerr << mainHelp();
    return kExitUsage;
  }
  std::string first = args.front();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (first == "help" && !rest.empty()) {
    // "galley help check" is "galley check --help".
    first = rest.front();
    rest = {"--help"};
  } else if (first == "--help" || first == "-h" || first == "help") {
    std::cout << mainHelp();
    return 0;
  }
  if (first == "--version" || first == "-V") {
    std::cout << "galley " << GALLEY_VERSION << '\n';
    return 0;
  }
  const auto* command = std::find_if(kCommands.begin(), kCommands.end(),
                                     [&](const auto& entry) { return entry.first == first; });
  if (command == kCommands.end()) {
    std::string message = first.starts_with('-') ? "unknown option '" + first + "'" : "unknown command '" + first + "'";
    std::vector<std::string> candidates = commandNames();
    if (first.starts_with('-')) candidates = {"--help", "--version"};
    if (const auto near = config::nearestMatch(first, candidates)) message += "; did you mean '" + *near + "'?";
    return usageError(message);
  }
  return command->second(rest);
}

}  // namespace galley::tools
