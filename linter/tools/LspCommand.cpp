#include "tools/LspCommand.h"

#include <unistd.h>

#include <iostream>

#include "lsp/StdioLoop.h"
#include "tools/ArgParser.h"

namespace galley::tools {

namespace {

constexpr int kExitUsage = 2;

const std::vector<OptionSpec>& lspOptions() {
  static const std::vector<OptionSpec> kOptions = {
      {"--rules", "DIR", "add a rule pack (or a directory of packs); repeatable", true},
      {"--no-default-rules", "", "do not load the bundled packs", false},
      {"--stdio", "", "talk over standard input and output (the default and only transport)", false},
  };
  return kOptions;
}

}  // namespace

int runLspCommand(const std::vector<std::string>& args) {
  auto parsed = parseArgs(args, lspOptions());
  if (!parsed) {
    std::cerr << "galley lsp: " << parsed.error().message() << "\nTry 'galley lsp --help'.\n";
    return kExitUsage;
  }
  if (parsed->has("--help")) {
    std::cout << "Usage: galley lsp [OPTIONS]\n\n"
                 "The Galley language server (LSP 3.17, JSON-RPC over standard input and output).\n"
                 "Editors start it; see the README for Neovim, VS Code, Helix and Emacs set-ups.\n"
                 "A client may also pass initializationOptions: {\"rules\": [DIR...], \"noDefaultRules\":\n"
                 "bool, \"debounceMs\": N}.\n\nOptions:\n"
              << formatOptions(lspOptions());
    return 0;
  }
  if (!parsed->operands.empty()) {
    std::cerr << "galley lsp: takes no operands\n";
    return kExitUsage;
  }
  lsp::ServerOptions options;
  options.ruleDirs = parsed->all("--rules");
  options.useBundledRules = !parsed->has("--no-default-rules");
  return lsp::runStdioLoop(options, STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO);
}

}  // namespace galley::tools
