#include "tools/FixtureSpec.h"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include <fmt/format.h>

namespace galley::tools {

namespace {

constexpr std::string_view kWhitespace = " \t\r\n";

std::string_view trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(kWhitespace);
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(kWhitespace) - begin + 1);
}

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::optional<uint32_t> parseNumber(std::string_view text) {
  uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) return std::nullopt;
  return value;
}

// Splits "RULE [col=N] [line=+N] [\"text\"]" into `expectation` (`lineOffset` gets N, or 0);
// with inlineOptions false only "RULE [\"text\"]" is allowed. Returns an error message or "".
std::string parseRuleAndOptions(std::string_view rest, Expectation& expectation, bool inlineOptions,
                                uint32_t& lineOffset) {
  rest = trim(rest);
  if (const size_t quote = rest.find('"'); quote != std::string_view::npos) {
    const size_t close = rest.rfind('"');
    if (close == quote) return "unterminated quoted text";
    expectation.text = std::string(rest.substr(quote + 1, close - quote - 1));
    if (!trim(rest.substr(close + 1)).empty()) return "unexpected text after the quoted text";
    rest = trim(rest.substr(0, quote));
  }
  size_t space = rest.find_first_of(kWhitespace);
  expectation.ruleId = std::string(rest.substr(0, space));
  if (expectation.ruleId.empty()) return "missing rule id";
  while (space != std::string_view::npos) {
    rest = trim(rest.substr(space));
    space = rest.find_first_of(kWhitespace);
    const std::string_view option = rest.substr(0, space);
    if (inlineOptions && startsWith(option, "col=")) {
      expectation.column = parseNumber(option.substr(std::string_view("col=").size()));
      if (!expectation.column) return fmt::format("bad column in '{}'", option);
    } else if (inlineOptions && startsWith(option, "line=+")) {
      const auto offset = parseNumber(option.substr(std::string_view("line=+").size()));
      if (!offset) return fmt::format("bad line offset in '{}'", option);
      lineOffset = *offset;
    } else {
      return fmt::format("unexpected '{}'", option);
    }
  }
  return "";
}

bool isCommentOnlyLine(std::string_view line) {
  line = trim(line);
  return startsWith(line, "<!--") && line.size() >= 7 && line.substr(line.size() - 3) == "-->";
}

}  // namespace

FixtureSpec FixtureSpec::fromDocument(const document::Document& document) {
  FixtureSpec spec;
  const base::SourceBuffer& source = document.source;
  spec.clean = startsWith(std::filesystem::path(source.path()).filename().string(), "clean");
  for (const document::Comment& comment : document.comments) {
    const std::string_view text = trim(comment.text);
    const uint32_t commentLine = source.lineColumn(comment.source.begin).line;
    const std::string writtenAt = fmt::format("{}:{}", source.path(), commentLine);
    if (startsWith(text, "galley-fixture:")) {
      const std::string_view value = trim(text.substr(std::string_view("galley-fixture:").size()));
      if (value == "clean")
        spec.clean = true;
      else
        spec.problems.push_back(fmt::format("{}: unknown fixture setting '{}' (known: clean)", writtenAt, value));
      continue;
    }
    Expectation expectation;
    std::string_view rest;
    if (startsWith(text, "expect:")) {
      rest = text.substr(std::string_view("expect:").size());
    } else if (startsWith(text, "ok:")) {
      expectation.mustFire = false;
      rest = text.substr(std::string_view("ok:").size());
    } else {
      continue;
    }
    expectation.writtenAt = writtenAt;
    uint32_t lineOffset = 0;
    if (const std::string error = parseRuleAndOptions(rest, expectation, true, lineOffset); !error.empty()) {
      spec.problems.push_back(fmt::format("{}: malformed expectation '{}': {}", writtenAt, text, error));
      continue;
    }
    // The target: the next line that is neither blank nor only a comment.
    uint32_t line = source.lineColumn(comment.source.end).line + 1;
    while (line <= source.lineCount() &&
           (trim(source.lineText(line)).empty() || isCommentOnlyLine(source.lineText(line))))
      ++line;
    line += lineOffset;
    if (line > source.lineCount()) {
      spec.problems.push_back(fmt::format("{}: expectation '{}' has no line after it", writtenAt, text));
      continue;
    }
    expectation.line = line;
    spec.expectations.push_back(std::move(expectation));
  }
  return spec;
}

void FixtureSpec::addSidecar(std::string_view sidecarText, const std::string& sidecarPath) {
  uint32_t number = 0;
  while (!sidecarText.empty()) {
    const size_t newline = sidecarText.find('\n');
    const std::string_view line = trim(sidecarText.substr(0, newline));
    sidecarText = newline == std::string_view::npos ? std::string_view() : sidecarText.substr(newline + 1);
    ++number;
    if (line.empty() || line.front() == '#') continue;
    if (line == "clean") {
      clean = true;
      continue;
    }
    Expectation expectation;
    expectation.writtenAt = fmt::format("{}:{}", sidecarPath, number);
    const size_t space = line.find_first_of(kWhitespace);
    const std::string_view position = line.substr(0, space);
    const size_t colon = position.find(':');
    const auto lineNumber = parseNumber(position.substr(0, colon));
    std::string error;
    if (!lineNumber || space == std::string_view::npos) {
      error = "expected 'LINE[:COL] rule.id'";
    } else {
      expectation.line = *lineNumber;
      if (colon != std::string_view::npos) {
        expectation.column = parseNumber(position.substr(colon + 1));
        if (!expectation.column) error = "bad column";
      }
      std::string_view rest = trim(line.substr(space));
      if (!rest.empty() && rest.front() == '!') {
        expectation.mustFire = false;
        rest.remove_prefix(1);
      }
      uint32_t unusedOffset = 0;
      if (error.empty()) error = parseRuleAndOptions(rest, expectation, false, unusedOffset);
    }
    if (!error.empty()) {
      problems.push_back(fmt::format("{}: malformed expectation '{}': {}", expectation.writtenAt, line, error));
      continue;
    }
    expectations.push_back(std::move(expectation));
  }
}

std::set<std::string> FixtureSpec::ruleIds() const {
  std::set<std::string> ids;
  if (runsAllRules()) return ids;
  for (const Expectation& expectation : expectations) ids.insert(expectation.ruleId);
  return ids;
}

std::vector<std::string> FixtureSpec::compare(const base::SourceBuffer& source,
                                              const std::vector<diag::Diagnostic>& diagnostics) const {
  std::vector<std::string> failures;
  std::vector<bool> met(expectations.size(), false);
  auto describe = [&](const diag::Diagnostic& d) {
    const base::LineColumn at = source.lineColumn(d.range.begin);
    return fmt::format("{}:{}:{}: {}: {} [{}]", source.path(), at.line, at.column, diag::severityName(d.severity),
                       d.message, d.ruleId);
  };
  for (const diag::Diagnostic& diagnostic : diagnostics) {
    const base::LineColumn at = source.lineColumn(diagnostic.range.begin);
    const std::string_view covered = source.slice(diagnostic.range);
    auto about = [&](const Expectation& e) { return e.ruleId == diagnostic.ruleId && e.line == at.line; };
    const auto forbidden = std::find_if(expectations.begin(), expectations.end(),
                                        [&](const Expectation& e) { return !e.mustFire && about(e); });
    if (forbidden != expectations.end()) {
      failures.push_back(fmt::format("{}: reported although {} says ok", describe(diagnostic), forbidden->writtenAt));
      continue;
    }
    bool matched = false;
    for (size_t i = 0; i < expectations.size() && !matched; ++i) {
      const Expectation& e = expectations[i];
      if (met[i] || !e.mustFire || !about(e)) continue;
      if (e.column && *e.column != at.column) continue;
      if (e.text && *e.text != covered) continue;
      met[i] = true;
      matched = true;
    }
    if (!matched) failures.push_back(fmt::format("{}: unexpected diagnostic", describe(diagnostic)));
  }
  for (size_t i = 0; i < expectations.size(); ++i) {
    const Expectation& e = expectations[i];
    if (!e.mustFire || met[i]) continue;
    std::string what = e.ruleId;
    if (e.column) what += fmt::format(" at column {}", *e.column);
    if (e.text) what += fmt::format(" on \"{}\"", *e.text);
    failures.push_back(fmt::format("{}:{}: expected {} (written at {}), not reported", source.path(), e.line, what,
                                   e.writtenAt));
  }
  failures.insert(failures.begin(), problems.begin(), problems.end());
  return failures;
}

}  // namespace galley::tools
