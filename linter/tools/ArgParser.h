// A small command-line option parser: declared options, "--name value" / "--name=value", suggestions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Expected.h"

namespace galley::tools {

// One option a command accepts.
struct OptionSpec {
  std::string_view name;       // with the dashes: "--format"
  std::string_view valueName;  // "" for a flag; else shown in help ("FORMAT")
  std::string_view help;       // one line
  bool repeatable = false;     // may be given more than once (values accumulate)
};

// The result of parsing: option values by name (flags have one empty value) and the operands.
struct ParsedArgs {
  std::map<std::string, std::vector<std::string>, std::less<>> options;
  std::vector<std::string> operands;

  [[nodiscard]] bool has(std::string_view name) const { return options.find(name) != options.end(); }
  // The last value given for `name`, if any.
  [[nodiscard]] std::optional<std::string> last(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> all(std::string_view name) const;
};

// Parses `args` against `specs`. "-h" means "--help" (always accepted); "--" ends the options;
// "-" alone is an operand (standard input). Fails (InvalidInput) on an unknown option, naming the
// nearest valid one, on a missing value, on a value given to a flag, and on a repeated
// non-repeatable option.
base::Expected<ParsedArgs> parseArgs(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs);

// The options block of a help text: one "  --name VALUE   help" line per option, aligned.
std::string formatOptions(const std::vector<OptionSpec>& specs);

}  // namespace galley::tools
