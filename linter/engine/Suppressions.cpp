#include "engine/Suppressions.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "config/NearestName.h"

namespace galley::engine {

namespace {

bool isSeparator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ','; }

// Splits at spaces and commas; returns each token with its offset in `text`.
std::vector<std::pair<std::string_view, size_t>> tokens(std::string_view text) {
  std::vector<std::pair<std::string_view, size_t>> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && isSeparator(text[i])) ++i;
    const size_t start = i;
    while (i < text.size() && !isSeparator(text[i])) ++i;
    if (i > start) out.emplace_back(text.substr(start, i - start), start);
  }
  return out;
}

// A comment that looks like a directive ("galley-disable-line") but is none would silently
// suppress nothing; say so. Fixture markers ("galley-fixture: clean") are not directives.
void warnUnknownDirective(const document::Document& document, const document::Comment& comment, std::string_view head,
                          std::vector<diag::Diagnostic>& warnings) {
  if (!head.starts_with("galley-") || head.starts_with("galley-fixture")) return;
  // next-line first: the likelier meaning of a near miss such as "galley-disable-line" on a tie.
  static const std::vector<std::string> kDirectives = {"galley-disable-next-line", "galley-disable", "galley-enable"};
  const std::string_view raw = document.source.slice(comment.source);
  const size_t inRaw = raw.find(head);
  diag::Diagnostic warning;
  warning.ruleId = std::string(kUnknownSuppressionRule);
  warning.severity = diag::Severity::Warning;
  const auto begin = static_cast<base::Offset>(comment.source.begin + (inRaw == std::string_view::npos ? 0 : inRaw));
  warning.range = inRaw == std::string_view::npos ? comment.source
                                                  : base::Range{begin, begin + static_cast<base::Offset>(head.size())};
  warning.message = "unknown directive '" + std::string(head) + "'; it suppresses nothing";
  // Directives are long and alike: allow more edits than for rule ids ("galley-disable-line").
  if (const auto suggestion = config::nearestWithin(head, kDirectives, head.size() / 3)) warning.message += "; did you mean '" + *suggestion + "'?";
  warnings.push_back(std::move(warning));
}

}  // namespace

Suppressions::Suppressions(const document::Document& document, const std::vector<std::string>& knownRuleIds,
                           std::vector<diag::Diagnostic>& warnings) {
  for (const document::Comment& comment : document.comments) {
    // Tokens come from the raw comment so that each id can be located in the source.
    const std::string_view raw = document.source.slice(comment.source);
    const auto words = tokens(comment.text);
    if (words.empty()) continue;
    Directive directive;
    const std::string_view head = words.front().first;
    if (head == "galley-disable")
      directive.kind = Kind::Disable;
    else if (head == "galley-enable")
      directive.kind = Kind::Enable;
    else if (head == "galley-disable-next-line")
      directive.kind = Kind::DisableNextLine;
    else {
      warnUnknownDirective(document, comment, head, warnings);
      continue;
    }
    directive.at = comment.source.end;
    directive.targetLine = document.source.lineColumn(comment.source.end).line + 1;
    const size_t headInRaw = raw.find(head);
    size_t searchFrom = headInRaw == std::string_view::npos ? 0 : headInRaw + head.size();
    for (size_t k = 1; k < words.size(); ++k) {
      const std::string_view id = words[k].first;
      if (id == "--" || id == "-->") break;
      const size_t inRaw = raw.find(id, searchFrom);
      if (inRaw != std::string_view::npos) searchFrom = inRaw + id.size();
      if (std::binary_search(knownRuleIds.begin(), knownRuleIds.end(), id)) {
        directive.ids.emplace_back(id);
        continue;
      }
      diag::Diagnostic warning;
      warning.ruleId = std::string(kUnknownSuppressionRule);
      warning.severity = diag::Severity::Warning;
      const auto begin = static_cast<base::Offset>(
          comment.source.begin + (inRaw == std::string_view::npos ? 0 : inRaw));
      warning.range = inRaw == std::string_view::npos ? comment.source
                                                      : base::Range{begin, begin + static_cast<base::Offset>(id.size())};
      warning.message = "unknown rule '" + std::string(id) + "' in suppression comment";
      if (const auto suggestion = config::nearestMatch(id, knownRuleIds)) warning.message += "; did you mean '" + *suggestion + "'?";
      warnings.push_back(std::move(warning));
      // An id that names no rule must not widen the directive to "every rule".
      directive.ids.emplace_back("\x01unknown");
    }
    directives_.push_back(std::move(directive));
  }
  std::stable_sort(directives_.begin(), directives_.end(),
                   [](const Directive& a, const Directive& b) { return a.at < b.at; });
}

bool Suppressions::isSuppressed(const diag::Diagnostic& diagnostic, uint32_t line) const {
  // Replay the region directives that start before the diagnostic.
  bool all = false;
  std::set<std::string_view> disabled;
  std::set<std::string_view> reenabled;  // while `all`: ids switched back on
  auto names = [&](const Directive& d) {
    return d.ids.empty() || std::find(d.ids.begin(), d.ids.end(), diagnostic.ruleId) != d.ids.end();
  };
  for (const Directive& directive : directives_) {
    if (directive.kind == Kind::DisableNextLine) {
      if (directive.targetLine == line && names(directive)) return true;
      continue;
    }
    if (directive.at > diagnostic.range.begin) continue;
    const bool disable = directive.kind == Kind::Disable;
    if (directive.ids.empty()) {
      all = disable;
      disabled.clear();
      reenabled.clear();
      continue;
    }
    for (const std::string& id : directive.ids) {
      if (disable) {
        disabled.insert(id);
        reenabled.erase(id);
      } else {
        disabled.erase(id);
        if (all) reenabled.insert(id);
      }
    }
  }
  return disabled.contains(diagnostic.ruleId) || (all && !reenabled.contains(diagnostic.ruleId));
}

void Suppressions::apply(const base::SourceBuffer& source, std::vector<diag::Diagnostic>& diagnostics) const {
  if (directives_.empty()) return;
  std::erase_if(diagnostics, [&](const diag::Diagnostic& diagnostic) {
    if (diagnostic.ruleId == kUnknownSuppressionRule) return false;
    return isSuppressed(diagnostic, source.lineColumn(diagnostic.range.begin).line);
  });
}

}  // namespace galley::engine
