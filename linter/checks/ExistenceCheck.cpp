#include "checks/ExistenceCheck.h"

#include <algorithm>
#include <array>

#include "annotate/SearchText.h"
#include "checks/Patterns.h"

namespace galley::checks {

ExistenceCheck::ExistenceCheck(const config::RuleConfig& rule, Scope scope, std::vector<PrefilteredRegex> regexes,
                               bool inNames)
    : Check(rule, scope), regexes_(std::move(regexes)), inNames_(inNames) {}

std::unique_ptr<Check> ExistenceCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const size_t errorsBefore = errors.size();
  const auto scope = Scope::parse(rule.scope, errors);
  const bool ignoreCase = rule.options.getBool("ignorecase", true, errors);
  const bool inNames = rule.options.getBool("in-names", false, errors);
  std::vector<PrefilteredRegex> regexes;

  if (auto tokens = rule.options.getStringList("tokens", errors)) {
    if (tokens->empty()) {
      errors.push_back(base::Error::invalidInput("'tokens' is empty", rule.options.location("tokens")));
    } else {
      // Longest first, so that the alternation prefers "Secretary General" over "Secretary".
      std::stable_sort(tokens->begin(), tokens->end(),
                       [](const auto& a, const auto& b) { return a.value.size() > b.value.size(); });
      std::string alternation;
      for (const auto& token : *tokens) {
        if (!alternation.empty()) alternation += '|';
        alternation += literalPattern(token.value);
      }
      if (auto regex = compileRegex(wordBounded(alternation), ignoreCase, tokens->front(), errors))
        regexes.emplace_back(*regex, alternation, ignoreCase);
    }
  }
  std::vector<config::Located<std::string>> patterns;
  if (auto one = rule.options.getString("pattern", errors)) patterns.push_back(std::move(*one));
  if (auto many = rule.options.getStringList("patterns", errors)) {
    patterns.insert(patterns.end(), std::make_move_iterator(many->begin()), std::make_move_iterator(many->end()));
  }
  for (const auto& pattern : patterns) {
    if (auto regex = compileRegex(pattern.value, ignoreCase, pattern, errors))
      regexes.emplace_back(*regex, pattern.value, ignoreCase);
  }
  if (!rule.options.has("tokens") && !rule.options.has("pattern") && !rule.options.has("patterns")) {
    errors.push_back(base::Error::invalidInput("an 'existence' rule needs 'tokens', 'pattern' or 'patterns'", rule.where));
  }
  if (errors.size() != errorsBefore || !scope) return nullptr;
  return std::make_unique<ExistenceCheck>(rule, *scope, std::move(regexes), inNames);
}

void ExistenceCheck::enrolLiterals(LiteralBank& bank) {
  for (PrefilteredRegex& regex : regexes_) regex.enrol(bank);
}

void ExistenceCheck::run(const document::Document& document, annotate::Annotations& annotations,
                         diag::DiagnosticSink& sink) const {
  forEachSpan(document, annotations, [&](size_t blockIndex, base::Range span) {
    const document::ProseText& prose = document.blocks[blockIndex].prose;
    const annotate::SearchText& search = annotations.searchText(static_cast<uint32_t>(blockIndex));
    const std::string_view text = search.text();
    for (const PrefilteredRegex& regex : regexes_) {
      regex.forEachMatch(annotations, text, search.toFolded(span), [&](const boost::cmatch& match) {
        const auto begin = static_cast<base::Offset>(match[0].first - text.data());
        const base::Range folded{begin, begin + static_cast<base::Offset>(match[0].length())};
        if (!inNames_ && search.inName(folded)) return;  // a name is written as its owner writes it
        const base::Range range = search.toProse(folded);
        const std::string_view found = std::string_view(prose.text()).substr(range.begin, range.size());
        const std::array<std::pair<std::string_view, std::string_view>, 1> values{{{"found", found}}};
        sink.report(diagnostic(prose.toSource(range), values));
      });
    }
  });
}

}  // namespace galley::checks
