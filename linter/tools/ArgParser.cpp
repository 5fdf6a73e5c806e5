#include "tools/ArgParser.h"

#include <algorithm>

#include <fmt/format.h>

#include "config/NearestName.h"

namespace galley::tools {

namespace {
constexpr size_t kHelpColumn = 28;
}  // namespace

std::optional<std::string> ParsedArgs::last(std::string_view name) const {
  const auto it = options.find(name);
  if (it == options.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> ParsedArgs::all(std::string_view name) const {
  const auto it = options.find(name);
  return it == options.end() ? std::vector<std::string>{} : it->second;
}

base::Expected<ParsedArgs> parseArgs(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs) {
  ParsedArgs parsed;
  auto fail = [](std::string message) { return base::Unexpected(base::Error::invalidInput(std::move(message))); };
  bool optionsEnded = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (optionsEnded || arg == "-" || arg.empty() || arg[0] != '-') {
      parsed.operands.push_back(arg);
      continue;
    }
    if (arg == "--") {
      optionsEnded = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      parsed.options["--help"].emplace_back();
      continue;
    }
    const size_t equals = arg.find('=');
    const std::string name = arg.substr(0, equals);
    const auto spec = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      std::vector<std::string> names{"--help"};
      for (const OptionSpec& s : specs) names.emplace_back(s.name);
      std::string message = fmt::format("unknown option '{}'", name);
      if (const auto near = config::nearestMatch(name, names)) message += fmt::format("; did you mean '{}'?", *near);
      return fail(message);
    }
    std::string value;
    if (spec->valueName.empty()) {
      if (equals != std::string::npos) return fail(fmt::format("option '{}' takes no value", name));
    } else if (equals != std::string::npos) {
      value = arg.substr(equals + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return fail(fmt::format("option '{}' needs a value ({})", name, spec->valueName));
    }
    auto& values = parsed.options[name];
    if (!values.empty() && !spec->repeatable && !spec->valueName.empty())
      return fail(fmt::format("option '{}' given more than once", name));
    values.push_back(std::move(value));
  }
  return parsed;
}

std::string formatOptions(const std::vector<OptionSpec>& specs) {
  std::string out;
  for (const OptionSpec& spec : specs) {
    std::string left = fmt::format("  {}", spec.name);
    if (!spec.valueName.empty()) left += fmt::format(" {}", spec.valueName);
    if (left.size() + 2 > kHelpColumn)
      out += fmt::format("{}\n{:{}}{}\n", left, "", kHelpColumn, spec.help);
    else
      out += fmt::format("{:{}}{}\n", left, kHelpColumn, spec.help);
  }
  return out;
}

}  // namespace galley::tools
