#include "checks/RegexSafety.h"

#include <vector>

#include "config/RuleConfig.h"

namespace galley::checks {

namespace {

// One open group while scanning: whether anything inside it is repeated without bound.
struct OpenGroup {
  bool repeatsInside = false;
};

bool isUnboundedQuantifier(std::string_view pattern, size_t i) {
  if (i >= pattern.size()) return false;
  if (pattern[i] == '*' || pattern[i] == '+') return true;
  if (pattern[i] != '{') return false;
  const size_t close = pattern.find('}', i);
  if (close == std::string_view::npos) return false;
  const std::string_view inside = pattern.substr(i + 1, close - i - 1);
  return !inside.empty() && inside.back() == ',';  // {n,} has no upper bound
}

// Index just past the character class starting at `i` ('[').
size_t skipClass(std::string_view pattern, size_t i) {
  size_t j = i + 1;
  if (j < pattern.size() && pattern[j] == '^') ++j;
  if (j < pattern.size() && pattern[j] == ']') ++j;  // a leading ']' is literal
  while (j < pattern.size() && pattern[j] != ']') j += pattern[j] == '\\' ? size_t{2} : size_t{1};
  return j + 1;
}

}  // namespace

std::string RegexLimitError::limitName() const {
  const std::string_view why = what();
  if (why.find("complexity") != std::string_view::npos) return "Boost.Regex's complexity limit";
  if (why.find("stack") != std::string_view::npos || why.find("memory") != std::string_view::npos)
    return "Boost.Regex's stack limit";
  return std::string(why);
}

std::string nestedQuantifierProblem(std::string_view pattern) {
  std::vector<OpenGroup> open;
  for (size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    if (c == '\\') {
      i += 2;
      if (!open.empty() && isUnboundedQuantifier(pattern, i)) open.back().repeatsInside = true;
      continue;
    }
    if (c == '[') {
      i = skipClass(pattern, i);
      if (!open.empty() && isUnboundedQuantifier(pattern, i)) open.back().repeatsInside = true;
      continue;
    }
    if (c == '(') {
      open.push_back({});
      ++i;
      continue;
    }
    if (c == ')' && !open.empty()) {
      const OpenGroup group = open.back();
      open.pop_back();
      ++i;
      if (isUnboundedQuantifier(pattern, i)) {
        if (group.repeatsInside) {
          return "a repeated group holds a repeated element (nested quantifiers such as (a+)+), which can "
                 "take exponential time on a line that almost matches";
        }
        if (!open.empty()) open.back().repeatsInside = true;
      } else if (group.repeatsInside && !open.empty()) {
        open.back().repeatsInside = true;
      }
      continue;
    }
    ++i;
    if (!open.empty() && isUnboundedQuantifier(pattern, i)) open.back().repeatsInside = true;
  }
  return {};
}

void lintRuleRegexes(const config::RuleConfig& rule, base::ErrorList& warnings) {
  base::ErrorList ignored;  // shape errors are the factory's to report
  std::vector<config::Located<std::string>> patterns;
  auto addList = [&](std::string_view key) {
    if (auto list = rule.options.getStringList(key, ignored)) patterns.insert(patterns.end(), list->begin(), list->end());
  };
  if (rule.kind == "existence") {
    addList("pattern");
    addList("patterns");
  } else if (rule.kind == "title") {
    addList("ignore");
  } else if (rule.kind == "substitution" && rule.options.getBool("regex", false, ignored)) {
    if (auto swap = rule.options.getStringMap("swap", ignored)) {
      for (const auto& entry : *swap) patterns.push_back(entry.first);
    }
  }
  for (const config::Located<std::string>& pattern : patterns) {
    const std::string problem = nestedQuantifierProblem(pattern.value);
    if (problem.empty()) continue;
    warnings.push_back(base::Error::invalidInput(
        "rule '" + rule.id + "': pattern '" + pattern.value + "' risks runaway matching: " + problem +
            "; Galley stops such a match and warns (galley.regex-limit)",
        pattern.where));
  }
}

}  // namespace galley::checks
