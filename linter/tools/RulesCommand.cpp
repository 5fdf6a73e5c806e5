#include "tools/RulesCommand.h"

#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "tools/ProjectSetup.h"

namespace galley::tools {

namespace {

constexpr int kExitUsage = 2;

std::string rulesHelp() {
  return "Usage: galley rules [OPTIONS] [PATH]\n"
         "\n"
         "Lists every loaded rule as it applies to PATH (a draft, or a folder: a draft in it;\n"
         "default '.'): id, severity or 'off', pack, where the rule is defined, and why it has\n"
         "that severity (the pack's default, a config line, an override, or the command line).\n"
         "\n"
         "Options:\n" +
         formatOptions(rulesOptions());
}

}  // namespace

const std::vector<OptionSpec>& rulesOptions() {
  static const std::vector<OptionSpec> kAll = [] {
    std::vector<OptionSpec> all = {
        {"--rules", "DIR", "add a rule pack (or a directory of packs); repeatable", true},
        {"--no-default-rules", "", "do not load the bundled packs", false},
        {"--active", "", "list only the rules that are on", false},
    };
    all.insert(all.end(), configOptions().begin(), configOptions().end());
    return all;
  }();
  return kAll;
}

int runRulesCommand(const std::vector<std::string>& args) {
  auto parsed = parseArgs(args, rulesOptions());
  if (!parsed) {
    std::cerr << "galley rules: " << parsed.error().message() << "\nTry 'galley rules --help'.\n";
    return kExitUsage;
  }
  if (parsed->has("--help")) {
    std::cout << rulesHelp();
    return 0;
  }
  if (parsed->operands.size() > 1) {
    std::cerr << "galley rules: give at most one PATH\nTry 'galley rules --help'.\n";
    return kExitUsage;
  }
  const std::string path = parsed->operands.empty() ? "." : parsed->operands.front();
  std::error_code ec;
  // For a folder, the settings of a draft directly inside it.
  const std::string probe =
      std::filesystem::is_directory(path, ec) ? (std::filesystem::path(path) / "draft.md").string() : path;
  const auto setup = setUpProject(*parsed, {}, "<stdin>", std::cerr, {probe});
  if (!setup) return kExitUsage;
  const bool activeOnly = parsed->has("--active");
  for (const engine::RuleDecision& decision : setup->resolver->decide(probe, *setup->rules)) {
    if (activeOnly && decision.level == config::RuleLevel::Off) continue;
    const config::RuleConfig* rule = setup->rules->rule(decision.id);
    std::string why = decision.why;
    if (decision.options != nullptr) {
      const base::Location& at = decision.options->options->location("");
      why += fmt::format("; options {}:{}:{}", at.path, at.line, at.column);
    }
    std::cout << fmt::format("{:<40} {:<8} {:<10} {}:{}  {}\n", decision.id, config::ruleLevelName(decision.level),
                             rule->pack, rule->where.path, rule->where.line, why);
  }
  return 0;
}

}  // namespace galley::tools
