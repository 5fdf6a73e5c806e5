#include "checks/ChronologyTenseCheck.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/Calendar.h"

namespace galley::checks {

namespace {

// True for dates the tense of a clause says nothing about: durations, bare weekdays, deictic dates
// that carry their own direction ("last year", "next week"), and years used as labels ("the 2030
// Agenda"), which are told apart by not following a preposition of time.
bool judged(const dates::DateExpression& e, std::string_view text) {
  if (!e.value || e.kind == dates::DateKind::Duration) return false;
  // "in March" took its year from the text around it: a tense that disagrees more likely means the
  // guess was wrong ("will return in March", written in November) than the text.
  if (e.basis == dates::Basis::ContextYear) return false;
  const std::string_view written = text.substr(e.range.begin, e.range.size());
  if (e.kind == dates::DateKind::Deictic) return !e.weekday && written.find("this") != std::string_view::npos;
  if (e.value->precision == base::Precision::Year && e.kind != dates::DateKind::Range) {
    std::size_t end = e.range.begin;
    while (end > 0 && text[end - 1] == ' ') --end;
    std::size_t begin = end;
    while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1])) != 0) --begin;
    std::string before(text.substr(begin, end - begin));
    std::transform(before.begin(), before.end(), before.begin(), [](unsigned char c) { return std::tolower(c); });
    return before == "in" || before == "during" || before == "throughout";
  }
  return true;
}

// The word just before `offset` in `text`, lower case.
std::string wordBefore(std::string_view text, uint32_t offset) {
  std::size_t end = offset;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ',')) --end;
  std::size_t begin = end;
  while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1])) != 0) --begin;
  std::string w(text.substr(begin, end - begin));
  std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
  return w;
}

// True when `tense` contradicts a date after (or before) the reference date. `previous` is the word
// before the date: "completed by 2020" and "postponed to 5 May" name a deadline or a target; "the
// decisions of 2 March" a past event named in a plan.
bool contradicts(annotate::Tense tense, bool after, bool before, const std::string& previous) {
  if (tense == annotate::Tense::Past)
    return after && previous != "by" && previous != "before" && previous != "to" && previous != "until" &&
           previous != "till" && previous != "through";
  if (tense == annotate::Tense::Future) return before && previous != "of" && previous != "dated" && previous != "since";
  return false;
}

// True when the date mention `index` was counted from a date stated earlier in its own block
// (the anchor the recognizer used is the value of one of them).
bool anchoredInSameBlock(const std::vector<annotate::DateMention>& mentions, std::size_t index) {
  const annotate::DateMention& m = mentions[index];
  if (!m.date.anchor) return false;
  for (std::size_t i = index; i-- > 0 && mentions[i].block == m.block;) {
    if (mentions[i].date.value && *mentions[i].date.value == *m.date.anchor) return true;
  }
  return false;
}

}  // namespace

ChronologyTenseCheck::ChronologyTenseCheck(const config::RuleConfig& rule, Scope scope) : Check(rule, scope) {}

std::unique_ptr<Check> ChronologyTenseCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const auto scope = Scope::parse(rule.scope, errors);
  if (!scope) return nullptr;
  return std::make_unique<ChronologyTenseCheck>(rule, *scope);
}

void ChronologyTenseCheck::run(const document::Document& document, annotate::Annotations& annotations,
                               diag::DiagnosticSink& sink) const {
  // Judged only against a date of issue the model trusts: front matter or a dateline (a first
  // paragraph that tells a story gives none, since everything after it would look like the future).
  const annotate::ReferenceDate& reference = annotations.reference();
  if (!reference.date) return;
  const int64_t ref = base::daysFromCivil(*reference.date);
  const std::string referenceText = base::formatDayMonthYear(*reference.date);
  const auto& mentions = annotations.dates();
  const ScopeSpans spans = scopeSpans(document, annotations);
  for (std::size_t index = 0; index < mentions.size(); ++index) {
    const annotate::DateMention& m = mentions[index];
    const dates::DateExpression& e = m.date;
    const std::string& text = document.blocks[m.block].prose.text();
    if (!judged(e, text)) continue;
    // A date counted from a date in an earlier paragraph ("The following week, experts will
    // visit" after a paragraph of past events) is only as sure as the guess of what it counts
    // from: a writer often means the release's own date. Judging tense against such a guess
    // reports sound prose, so it is judged only when its anchor sits in the same paragraph.
    if (e.basis == dates::Basis::PreviousDate && !anchoredInSameBlock(mentions, index)) continue;
    // "The day before, 15 May": the explicit gloss is judged; the anaphoric date counted from
    // whatever came before would only repeat another rule's finding.
    constexpr uint32_t kGlossGap = 8;
    if (e.kind == dates::DateKind::Anaphoric && index + 1 < mentions.size() && mentions[index + 1].block == m.block &&
        mentions[index + 1].date.range.begin <= e.range.end + kGlossGap)
      continue;
    const bool after = e.value->first > ref;
    const bool before = e.value->last < ref;
    if (!after && !before) continue;
    if (!spans.contains(m.block, e.range)) continue;
    const auto tense = annotations.tenseOf(index);
    if (!tense || !contradicts(*tense, after, before, wordBefore(text, e.range.begin))) continue;
    const std::string_view found = std::string_view(text).substr(e.range.begin, e.range.size());
    const std::string_view tenseName = *tense == annotate::Tense::Past ? "past" : "future";
    const std::array<std::pair<std::string_view, std::string_view>, 3> values{
        {{"found", found}, {"tense", tenseName}, {"reference", referenceText}}};
    diag::Diagnostic d = diagnostic(document.blocks[m.block].prose.toSource(e.range), values);
    diag::Note note;
    note.message = "the reference date is " + referenceText;
    if (reference.origin == annotate::ReferenceOrigin::Configured) note.message += " (set by the configuration)";
    note.range = reference.source;
    d.notes.push_back(std::move(note));
    sink.report(std::move(d));
  }
}

}  // namespace galley::checks
