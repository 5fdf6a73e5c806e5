#include "annotate/EngineDateFinder.h"

#include <algorithm>
#include <iterator>
#include <optional>

namespace galley::annotate {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where the inner date of a duration starts: after "since" or after the "in" of "established in".
// Returns `range.begin` when the cue's shape is not found (the whole phrase is then the value).
base::Offset innerBegin(std::string_view text, const dates::DateExpression& date) {
  const std::string_view phrase = text.substr(date.range.begin, date.range.size());
  size_t at = 0;
  if (date.cue == dates::Cue::Since) {
    while (at < phrase.size() && !isSpace(phrase[at])) ++at;  // the word "since"
  } else {
    const size_t in = phrase.find(" in ");
    if (in == std::string_view::npos) return date.range.begin;
    at = in + 3;
  }
  while (at < phrase.size() && isSpace(phrase[at])) ++at;
  return at < phrase.size() ? date.range.begin + static_cast<base::Offset>(at) : date.range.begin;
}

// "the 15th of June 2011": the engine reads "the 15th" (a day in the context year) and "June 2011"
// apart. FIXME(dates): the engine should read "<ordinal day> of <month> <year>" as one date; until
// it does, join the two here so the claim compares the day the draft wrote.
std::optional<FoundDate> dayOfMonth(std::string_view text, const dates::DateExpression& day,
                                    const dates::DateExpression& month) {
  // A day without its year: resolved against the context year, or unresolved for want of one.
  const bool dayOnly = day.value ? day.basis == dates::Basis::ContextYear : day.problem == dates::Problem::NoYear;
  if (day.kind != dates::DateKind::Absolute || !dayOnly || !month.value ||
      month.value->precision != base::Precision::Month || month.range.begin < day.range.end ||
      text.substr(day.range.end, month.range.begin - day.range.end) != " of ")
    return std::nullopt;
  // The day's number as written (from it on, not "on the": the value for the message and the fix).
  base::Offset begin = day.range.begin;
  while (begin < day.range.end && (text[begin] < '0' || text[begin] > '9')) ++begin;
  unsigned number = 0;
  constexpr unsigned kBase = 10;
  constexpr unsigned kMaxDay = 31;
  for (base::Offset i = begin; i < day.range.end && text[i] >= '0' && text[i] <= '9' && number <= kMaxDay; ++i)
    number = number * kBase + static_cast<unsigned>(text[i] - '0');
  const base::CivilDate monthStart = base::civilFromDays(month.value->first);
  const base::CivilDate date{monthStart.year, monthStart.month, number};
  if (!base::isValidDate(date)) return std::nullopt;
  return FoundDate{{begin, month.range.end}, base::DateInterval::day(date)};
}

// "six years ago" counts back from the dateline to a day, but no release means that day: as a
// claim it says the year (or, for months, the month) and agrees with any day inside it.
base::DateInterval roughCount(std::string_view text, const dates::DateExpression& date) {
  const std::string_view written = text.substr(date.range.begin, date.range.size());
  if (date.kind != dates::DateKind::Deictic || !written.ends_with(" ago") || date.value->precision != base::Precision::Day)
    return *date.value;
  const base::CivilDate day = base::civilFromDays(date.value->first);
  if (written.find("year") != std::string_view::npos) return base::DateInterval::year(day.year);
  if (written.find("month") != std::string_view::npos) return base::DateInterval::month(day.year, day.month);
  return *date.value;
}

}  // namespace

std::vector<FoundDate> EngineDateFinder::find(std::string_view /*text*/) const { return {}; }

std::vector<FoundDate> EngineDateFinder::findInBlock(std::string_view text, uint32_t block) const {
  std::vector<FoundDate> out;
  // Annotations are in document order, so one block's dates are one run.
  const auto first = std::lower_bound(dates_.begin(), dates_.end(), block,
                                      [](const annotate::DateMention& m, uint32_t b) { return m.block < b; });
  for (auto it = first; it != dates_.end() && it->block == block; ++it) {
    const dates::DateExpression& date = it->date;
    if (date.range.end > text.size()) continue;  // not this prose: never expected, never trusted
    if (date.kind == dates::DateKind::Duration) {
      // Only durations anchored on a date ("since 2004", "established in 1997") carry a claim.
      if (!date.inner || (date.cue != dates::Cue::Since && date.cue != dates::Cue::Established)) continue;
      out.push_back({{innerBegin(text, date), date.range.end}, *date.inner});
      continue;
    }
    const auto next = std::next(it);
    if (next != dates_.end() && next->block == block) {
      if (auto joined = dayOfMonth(text, date, next->date)) {
        out.push_back(*joined);
        it = next;
        continue;
      }
    }
    if (date.value) out.push_back({date.range, roughCount(text, date)});
  }
  return out;
}

}  // namespace galley::annotate
