#include "checks/ChronologyAnaphoraCheck.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "base/Calendar.h"

namespace galley::checks {

namespace {

// True when only a gloss separator lies between two expressions: spaces, a comma, a dash or an
// opening parenthesis, and at most the word "on" ("the previous day, on 13 March").
bool glossGap(std::string_view gap) {
  constexpr std::size_t kMaxGap = 8;
  if (gap.size() > kMaxGap) return false;
  std::string rest;
  for (const char c : gap)
    if (c != ' ' && c != ',' && c != '(' && c != '-') rest += c;
  return rest.empty() || rest == "on";
}

// True when the anaphoric date, counted from another plausible anchor than the previous date,
// matches the gloss: the reference date ("The day before, 13 March 2017" opening a paragraph of a 14
// March release) or one of the few stated days before it in the same block ("The course began on
// 30 August. It followed a meeting on 18 June. Two weeks earlier, on 16 August, ..."). Which date
// the writer counted from is a guess; a contradiction is reported only when no such reading fits.
bool agreesWithAnotherAnchor(const std::vector<annotate::DateMention>& mentions, size_t at,
                             const base::DateInterval& gloss, const std::optional<base::CivilDate>& reference) {
  const dates::DateExpression& anaphor = mentions[at].date;
  if (anaphor.basis != dates::Basis::PreviousDate || !anaphor.anchor) return false;
  if (anaphor.anchor->precision != base::Precision::Day || anaphor.value->precision != base::Precision::Day) return false;
  const int64_t shift = anaphor.value->first - anaphor.anchor->first;
  const auto fits = [&](int64_t anchor) { return gloss.first <= anchor + shift && anchor + shift <= gloss.last; };
  if (reference && fits(base::daysFromCivil(*reference))) return true;
  constexpr int kAnchorsTried = 3;
  int tried = 0;
  for (size_t j = at; j-- > 0 && tried < kAnchorsTried && mentions[j].block == mentions[at].block;) {
    const auto& value = mentions[j].date.value;
    if (!value || value->precision != base::Precision::Day || value->first != value->last) continue;
    ++tried;
    if (fits(value->first)) return true;
  }
  return false;
}

std::string describe(const base::DateInterval& interval) {
  if (interval.precision == base::Precision::Day && interval.first == interval.last)
    return base::formatDayMonthYear(base::civilFromDays(interval.first));
  return interval.isoFirst() + (interval.first == interval.last ? "" : " to " + interval.isoLast());
}

}  // namespace

ChronologyAnaphoraCheck::ChronologyAnaphoraCheck(const config::RuleConfig& rule, Scope scope) : Check(rule, scope) {}

std::unique_ptr<Check> ChronologyAnaphoraCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const auto scope = Scope::parse(rule.scope, errors);
  if (!scope) return nullptr;
  return std::make_unique<ChronologyAnaphoraCheck>(rule, *scope);
}

void ChronologyAnaphoraCheck::run(const document::Document& document, annotate::Annotations& annotations,
                                  diag::DiagnosticSink& sink) const {
  const ScopeSpans spans = scopeSpans(document, annotations);
  const auto& mentions = annotations.dates();
  for (size_t i = 0; i + 1 < mentions.size(); ++i) {
    const auto& anaphor = mentions[i];
    const auto& gloss = mentions[i + 1];
    if (anaphor.date.kind != dates::DateKind::Anaphoric || !anaphor.date.value || anaphor.block != gloss.block) continue;
    if (gloss.date.kind != dates::DateKind::Absolute || !gloss.date.value) continue;
    const document::ProseText& prose = document.blocks[anaphor.block].prose;
    const std::string_view text = prose.text();
    if (!glossGap(text.substr(anaphor.date.range.end, gloss.date.range.begin - anaphor.date.range.end))) continue;
    const bool inScope = spans.contains(anaphor.block, anaphor.date.range);
    if (!inScope || anaphor.date.value->overlaps(*gloss.date.value)) continue;
    if (agreesWithAnotherAnchor(mentions, i, *gloss.date.value, annotations.referenceDate())) continue;
    const std::string resolved = describe(*anaphor.date.value);
    const std::array<std::pair<std::string_view, std::string_view>, 3> values{
        {{"found", text.substr(anaphor.date.range.begin, anaphor.date.range.size())},
         {"explicit", text.substr(gloss.date.range.begin, gloss.date.range.size())},
         {"resolved", resolved}}};
    diag::Diagnostic d = diagnostic(prose.toSource({anaphor.date.range.begin, gloss.date.range.end}), values);
    if (anaphor.date.anchor) {
      diag::Note note;
      note.message = "counted from " + describe(*anaphor.date.anchor);
      // Point at the mention the anchor came from: the last dated mention before this one.
      for (size_t j = i; j-- > 0;) {
        const auto& earlier = mentions[j];
        if (earlier.date.value && earlier.date.value->overlaps(*anaphor.date.anchor)) {
          note.range = document.blocks[earlier.block].prose.toSource(earlier.date.range);
          break;
        }
      }
      if (!note.range) note.range = annotations.reference().source;
      if (note.range) d.notes.push_back(std::move(note));
    }
    sink.report(std::move(d));
  }
}

}  // namespace galley::checks
