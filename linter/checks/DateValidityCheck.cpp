#include "checks/DateValidityCheck.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "base/Calendar.h"

namespace galley::checks {

namespace {

constexpr std::string_view kImpossible = "impossible-date";
constexpr std::string_view kWeekday = "weekday-mismatch";
constexpr std::string_view kReversed = "reversed-range";

std::string monthYear(const base::CivilDate& date) {
  return std::string(base::monthName(date.month)) + " " + std::to_string(date.year);
}

// Why `written` is not a day, in words.
std::string impossibleReason(const std::optional<base::CivilDate>& written) {
  if (!written || written->month < 1 || written->month > 12) return "this day does not exist";  // NOLINT(readability-magic-numbers)
  if (written->month == 2 && written->day == 29) return std::to_string(written->year) + " is not a leap year";  // NOLINT(readability-magic-numbers)
  return monthYear(*written) + " has " + std::to_string(base::daysInMonth(written->year, written->month)) + " days";
}

// The real weekday spelled like the written one: abbreviated ("Fri") when it was abbreviated.
std::string weekdaySpelledLike(std::string_view written, unsigned weekday) {
  const std::string_view full = base::weekdayName(weekday);
  constexpr std::size_t kAbbreviation = 3;
  const bool abbreviated = written.size() < full.size() && written.size() <= kAbbreviation + 2;
  std::string out(abbreviated ? full.substr(0, kAbbreviation) : full);
  if (abbreviated && written.size() > kAbbreviation && written.back() == '.') out += '.';
  return out;
}

}  // namespace

DateValidityCheck::DateValidityCheck(const config::RuleConfig& rule, Scope scope, bool impossible, bool weekday,
                                     bool reversed)
    : Check(rule, scope), impossible_(impossible), weekday_(weekday), reversed_(reversed) {}

std::unique_ptr<Check> DateValidityCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const size_t errorsBefore = errors.size();
  const auto scope = Scope::parse(rule.scope, errors);
  bool impossible = true;
  bool weekday = true;
  bool reversed = true;
  if (auto problems = rule.options.getStringList("problems", errors)) {
    impossible = weekday = reversed = false;
    for (const auto& problem : *problems) {
      if (problem.value == kImpossible) impossible = true;
      else if (problem.value == kWeekday) weekday = true;
      else if (problem.value == kReversed) reversed = true;
      else
        errors.push_back(base::Error::invalidInput("unknown problem '" + problem.value +
                                                       "'; expected impossible-date, weekday-mismatch or reversed-range",
                                                   rule.options.location("problems")));
    }
  }
  if (errors.size() != errorsBefore || !scope) return nullptr;
  return std::make_unique<DateValidityCheck>(rule, *scope, impossible, weekday, reversed);
}

void DateValidityCheck::run(const document::Document& document, annotate::Annotations& annotations,
                            diag::DiagnosticSink& sink) const {
  const ScopeSpans spans = scopeSpans(document, annotations);
  auto inScope = [&](const annotate::DateMention& m) {
    return spans.contains(m.block, m.date.range);
  };
  for (const annotate::DateMention& mention : annotations.dates()) {
    const dates::DateExpression& e = mention.date;
    if (!inScope(mention)) continue;
    const document::ProseText& prose = document.blocks[mention.block].prose;
    const std::string_view found = std::string_view(prose.text()).substr(e.range.begin, e.range.size());
    const base::Range source = prose.toSource(e.range);
    if (impossible_ && e.problem == dates::Problem::ImpossibleDate) {
      const std::string reason = impossibleReason(e.written);
      const std::array<std::pair<std::string_view, std::string_view>, 3> values{
          {{"found", found}, {"reason", reason}, {"expected", ""}}};
      sink.report(diagnostic(source, values));
    } else if (reversed_ && e.problem == dates::Problem::ReversedRange) {
      const std::string reason = "the range starts after it ends";
      const std::array<std::pair<std::string_view, std::string_view>, 3> values{
          {{"found", found}, {"reason", reason}, {"expected", ""}}};
      sink.report(diagnostic(source, values));
    } else if (weekday_ && e.weekdayMismatch()) {
      const unsigned real = base::weekday(*e.written);
      const std::string reason = base::formatDayMonthYear(*e.written) + " is a " + std::string(base::weekdayName(real));
      const std::string_view writtenWeekday =
          std::string_view(prose.text()).substr(e.weekdayRange.begin, e.weekdayRange.size());
      const std::string expected = weekdaySpelledLike(writtenWeekday, real);
      const std::array<std::pair<std::string_view, std::string_view>, 3> values{
          {{"found", found}, {"reason", reason}, {"expected", expected}}};
      diag::Diagnostic d = diagnostic(source, values);
      if (!e.weekdayRange.empty() && prose.isContiguous(e.weekdayRange)) {
        diag::Fix fix;
        fix.title = "Write '" + expected + "'";
        fix.applicability = diag::Applicability::Unsafe;
        fix.edits.push_back({prose.toSource(e.weekdayRange), expected});
        d.fix = std::move(fix);
      }
      sink.report(std::move(d));
    }
  }
}

}  // namespace galley::checks
