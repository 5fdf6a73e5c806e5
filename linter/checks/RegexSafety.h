// RegexSafety: what happens when a rule's regular expression is too costly, at load and at run time.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "base/Error.h"
#include "base/Range.h"

namespace galley::config {
struct RuleConfig;
}  // namespace galley::config

namespace galley::checks {

// Engine-made rule ids (always known to suppression comments).
// A rule stopped on a file because Boost.Regex gave up (complexity or stack limit).
inline constexpr std::string_view kRegexLimitRule = "galley.regex-limit";
// Rules skipped on a file because the file's CPU budget was spent.
inline constexpr std::string_view kTimeBudgetRule = "galley.time-budget";

// Thrown by forEachMatch when Boost.Regex abandons a search (error_complexity, error_stack: it
// throws std::runtime_error). RuleSet::run catches it per rule and turns it into a warning at
// `span`, so one pathological pattern costs its rule that file, never the process.
class RegexLimitError : public std::runtime_error {
 public:
  // `text`: the searched string (a block's prose, usually); `span`: the searched part of it.
  RegexLimitError(const char* text, base::Range span, const std::string& why)
      : std::runtime_error(why), text_(text), span_(span) {}
  [[nodiscard]] const char* text() const { return text_; }
  [[nodiscard]] base::Range span() const { return span_; }
  // "complexity limit" or "stack limit" when Boost's message says which, else Boost's message.
  [[nodiscard]] std::string limitName() const;

 private:
  const char* text_;
  base::Range span_;
};

// Returns why regex source `pattern` risks catastrophic backtracking, or "" when nothing is found:
// a group that holds a repeated element and is itself repeated by an unbounded quantifier, like
// (a+)+, (\w*\s?)* or (?:x+|y)*. Conservative: escapes and classes are skipped, bounded repeats
// ({2}, ?) do not count.
std::string nestedQuantifierProblem(std::string_view pattern);

// Appends a located warning to `warnings` for each regex option of `rule` (existence
// `pattern`/`patterns`, substitution `swap` keys with `regex: true`, title `ignore`) that
// nestedQuantifierProblem() flags. Reads the options only; never fails.
void lintRuleRegexes(const config::RuleConfig& rule, base::ErrorList& warnings);

}  // namespace galley::checks
