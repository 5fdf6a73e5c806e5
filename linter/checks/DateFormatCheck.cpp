#include "checks/DateFormatCheck.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "base/Calendar.h"

namespace galley::checks {

DateFormatCheck::DateFormatCheck(const config::RuleConfig& rule, Scope scope) : Check(rule, scope) {}

std::unique_ptr<Check> DateFormatCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const auto scope = Scope::parse(rule.scope, errors);
  if (!scope) return nullptr;
  return std::make_unique<DateFormatCheck>(rule, *scope);
}

void DateFormatCheck::run(const document::Document& document, annotate::Annotations& annotations,
                          diag::DiagnosticSink& sink) const {
  const ScopeSpans spans = scopeSpans(document, annotations);
  for (const annotate::DateMention& m : annotations.dates()) {
    const dates::DateExpression& e = m.date;
    if (e.kind != dates::DateKind::Absolute || e.basis != dates::Basis::None || e.weekday || !e.written || !e.value)
      continue;
    const bool inScope = spans.contains(m.block, e.range);
    if (!inScope) continue;
    const document::ProseText& prose = document.blocks[m.block].prose;
    const std::string_view found = std::string_view(prose.text()).substr(e.range.begin, e.range.size());
    const std::string expected = base::formatDayMonthYear(*e.written);
    if (found == expected) continue;
    const std::array<std::pair<std::string_view, std::string_view>, 2> values{
        {{"found", found}, {"expected", expected}}};
    diag::Diagnostic d = diagnostic(prose.toSource(e.range), values);
    if (prose.isContiguous(e.range)) {
      // Numeric forms rest on the day-first reading; written-out months do not.
      const bool numeric = std::none_of(found.begin(), found.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
      diag::Fix fix;
      fix.title = "Write '" + expected + "'";
      fix.applicability = numeric ? diag::Applicability::Unsafe : diag::Applicability::Safe;
      fix.edits.push_back({prose.toSource(e.range), expected});
      d.fix = std::move(fix);
    }
    sink.report(std::move(d));
  }
}

}  // namespace galley::checks
