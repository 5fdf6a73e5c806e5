#include "tools/ExplainCommand.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "config/NearestName.h"
#include "engine/RuleLoading.h"
#include "tools/ArgParser.h"

namespace galley::tools {

namespace {

constexpr int kExitUsage = 2;

const std::vector<OptionSpec>& explainOptions() {
  static const std::vector<OptionSpec> kOptions = {
      {"--rules", "DIR", "add a rule pack (or a directory of packs); repeatable", true},
      {"--no-default-rules", "", "do not load the bundled packs", false},
  };
  return kOptions;
}

size_t indentOf(std::string_view line) {
  const size_t first = line.find_first_not_of(' ');
  return first == std::string_view::npos ? line.size() : first;
}

// The rule's own lines in its pack file: from its first key to the next list item at the same
// depth (or a less indented line). Empty when the file cannot be read.
std::string ruleText(const base::Location& where) {
  std::ifstream in(where.path, std::ios::binary);
  if (!in || where.line == 0) return {};
  std::string line;
  std::string out;
  size_t itemIndent = 0;
  for (uint32_t number = 1; std::getline(in, line); ++number) {
    if (number < where.line) continue;
    if (number == where.line) {
      itemIndent = where.column >= 3 ? where.column - 3 : 0;  // "- " before the first key
    } else if (!line.empty() && line.find_first_not_of(' ') != std::string::npos && indentOf(line) <= itemIndent) {
      break;
    }
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace

int runExplainCommand(const std::vector<std::string>& args) {
  auto parsed = parseArgs(args, explainOptions());
  if (!parsed) {
    std::cerr << "galley explain: " << parsed.error().message() << "\nTry 'galley explain --help'.\n";
    return kExitUsage;
  }
  if (parsed->has("--help")) {
    std::cout << "Usage: galley explain [OPTIONS] RULE\n\nShows a rule's documentation, options, examples and link.\n\n"
                 "Options:\n"
              << formatOptions(explainOptions());
    return 0;
  }
  if (parsed->operands.size() != 1) {
    std::cerr << "galley explain: give one rule id\nTry 'galley explain --help'.\n";
    return kExitUsage;
  }
  const auto rules = engine::loadRules({parsed->all("--rules"), !parsed->has("--no-default-rules"), {}}, std::cerr);
  if (!rules) return kExitUsage;
  const std::string& id = parsed->operands.front();
  const config::RuleConfig* rule = rules->rule(id);
  if (rule == nullptr) {
    std::string message = fmt::format("galley explain: unknown rule '{}'", id);
    if (const auto near = config::nearestMatch(id, rules->ruleIds())) message += fmt::format("; did you mean '{}'?", *near);
    std::cerr << message << "\nTry 'galley rules' for the list.\n";
    return kExitUsage;
  }
  std::cout << fmt::format("{} ({} rule, pack {}, default {}{})\n", rule->id, rule->kind, rule->pack,
                           diag::severityName(rule->severity), rule->enabled ? "" : ", off unless enabled");
  std::cout << fmt::format("defined at {}:{}:{}\n", rule->where.path, rule->where.line, rule->where.column);
  if (!rule->description.empty()) std::cout << '\n' << rule->description << (rule->description.ends_with('\n') ? "" : "\n");
  if (const std::string text = ruleText(rule->where); !text.empty()) std::cout << "\nAs written in its pack:\n" << text;
  bool anyExample = false;
  for (const config::RuleTest& test : rule->tests) {
    if (!anyExample) std::cout << "\nExamples (its self-tests):\n";
    anyExample = true;
    std::cout << (test.expect == config::RuleTest::Expect::Bad ? "  flagged:  " : "  accepted: ") << test.text << '\n';
  }
  if (!rule->link.empty()) std::cout << "\nMore: " << rule->link << '\n';
  return 0;
}

}  // namespace galley::tools
