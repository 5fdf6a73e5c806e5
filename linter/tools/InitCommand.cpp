#include "tools/InitCommand.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "config/ProjectConfig.h"
#include "tools/ArgParser.h"

namespace galley::tools {

namespace {

constexpr int kExitUsage = 2;

const std::vector<OptionSpec>& initOptions() {
  static const std::vector<OptionSpec> kOptions = {
      {"--force", "", "overwrite an existing .galley.yaml", false},
  };
  return kOptions;
}

}  // namespace

std::string_view starterConfig() {
  return R"(# Galley configuration. Galley uses the nearest .galley.yaml above each draft;
# `galley rules PATH` shows what applies to a file and why.

# Another config to start from (relative to this file); this file's settings win.
# extends: ../shared/.galley.yaml

# Rule packs: bundled ones by name, your own as directories (with a '/').
# Without this key every bundled pack applies.
# packs: [dates, sco-un, un-style, ./rules/house]

# Severity per rule id or glob: off, info, warning or error.
rules:
  # un-style.*: warning
  # dates.validity: error

# Different settings for some folders (globs relative to this file).
# overrides:
#   - files: ["archive/**"]
#     rules:
#       dates.*: off

# Files not to check, in .gitignore syntax (.gitignore files apply too; --no-ignore turns both off).
# ignore:
#   - drafts/scratch/
#   - "*.old.md"

# Whose house style applies (read by the house-style rules).
# organisation: un

# The date relative dates count from: front-matter, dateline, or a fixed YYYY-MM-DD.
# Default: the front matter's date, else the dateline.
# reference-date: front-matter

# How numeric dates such as 04/05/2024 read: day-first (default) or month-first.
# date-order: day-first
)";
}

int runInitCommand(const std::vector<std::string>& args) {
  auto parsed = parseArgs(args, initOptions());
  if (!parsed) {
    std::cerr << "galley init: " << parsed.error().message() << "\nTry 'galley init --help'.\n";
    return kExitUsage;
  }
  if (parsed->has("--help")) {
    std::cout << "Usage: galley init [--force] [DIR]\n\nWrites a commented starter " << config::kProjectConfigName
              << " in DIR (default: the current folder).\n\nOptions:\n"
              << formatOptions(initOptions());
    return 0;
  }
  if (parsed->operands.size() > 1) {
    std::cerr << "galley init: give at most one DIR\n";
    return kExitUsage;
  }
  namespace fs = std::filesystem;
  const fs::path dir = parsed->operands.empty() ? fs::path(".") : fs::path(parsed->operands.front());
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::cerr << "galley init: " << dir.string() << ": not a directory\n";
    return kExitUsage;
  }
  const fs::path target = dir / config::kProjectConfigName;
  if (fs::exists(target, ec) && !parsed->has("--force")) {
    std::cerr << "galley init: " << target.string() << " already exists (use --force to overwrite)\n";
    return kExitUsage;
  }
  const fs::path temporary = dir / (std::string(config::kProjectConfigName) + ".tmp-" + std::to_string(::getpid()));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << starterConfig();
    out.close();
    if (!out) {
      fs::remove(temporary, ec);
      std::cerr << "galley init: cannot write " << temporary.string() << '\n';
      return kExitUsage;
    }
  }
  fs::rename(temporary, target, ec);
  if (ec) {
    fs::remove(temporary, ec);
    std::cerr << "galley init: cannot create " << target.string() << '\n';
    return kExitUsage;
  }
  std::cout << "wrote " << target.string() << '\n';
  return 0;
}

}  // namespace galley::tools
