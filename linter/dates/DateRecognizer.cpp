#include "dates/DateRecognizer.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "dates/DateTokenizer.h"
#include "dates/LowerWordIndex.h"

namespace galley::dates {

namespace {

LowerWordIndex<bool> wordSet(std::initializer_list<std::string_view> words) {
  LowerWordIndex<bool> set;
  for (const std::string_view word : words) set.add(word, true);
  return set;
}

using base::CivilDate;
using base::DateInterval;
using base::Precision;

constexpr int kDaysPerWeek = 7;
constexpr int kMonthsPerYear = 12;
constexpr int kMonthsPerQuarter = 3;
constexpr unsigned kMaxDay = 31;
constexpr int kFewCount = 3;     // "a few", "several", "the coming months"
constexpr int kCoupleCount = 2;  // "a couple of"
constexpr int kMinBareYear = 1500;
constexpr int kMaxBareYear = 2199;
constexpr int kBuddhistEraOffset = 543;
constexpr int kTwoDigitYears = 100;
constexpr int kPivotAhead = 20;    // "15" is 2015 and "74" is 1974 when the reference is 2013
constexpr int kDefaultPivot = 50;  // without a reference: 00-49 -> 20xx, 50-99 -> 19xx
constexpr unsigned kEarlyLastDay = 10;  // "early June" = 1-10, "mid June" = 11-20, "late June" = 21-end
constexpr unsigned kMidLastDay = 20;
constexpr std::size_t kThreeNumbers = 5;  // tokens in "14.03.2017": number, dot, number, dot, number

// ---- calendar helpers -------------------------------------------------------------------------

CivilDate addMonths(CivilDate date, int months) {
  const int index = date.year * kMonthsPerYear + static_cast<int>(date.month) - 1 + months;
  const int year = index >= 0 ? index / kMonthsPerYear : -((-index + kMonthsPerYear - 1) / kMonthsPerYear);
  const auto month = static_cast<unsigned>(index - year * kMonthsPerYear + 1);
  return {year, month, std::min(date.day, base::daysInMonth(year, month))};
}

CivilDate addUnits(CivilDate date, TimeUnit unit, int count) {
  switch (unit) {
    case TimeUnit::Day: return base::civilFromDays(base::daysFromCivil(date) + count);
    case TimeUnit::Week: return base::civilFromDays(base::daysFromCivil(date) + int64_t{count} * kDaysPerWeek);
    case TimeUnit::Month: return addMonths(date, count);
    case TimeUnit::Quarter: return addMonths(date, count * kMonthsPerQuarter);
    case TimeUnit::Year: return addMonths(date, count * kMonthsPerYear);
    case TimeUnit::None: break;
  }
  return date;
}

int64_t mondayOf(int64_t day) { return day - base::weekday(base::civilFromDays(day)); }

DateInterval monthsInterval(CivilDate from, CivilDate to) {
  return {base::daysFromCivil({from.year, from.month, 1}),
          base::daysFromCivil({to.year, to.month, base::daysInMonth(to.year, to.month)}), Precision::Month};
}

// The calendar unit containing `date`, shifted by `offset` units ("last week" = offset -1).
DateInterval unitInterval(CivilDate date, TimeUnit unit, int offset) {
  switch (unit) {
    case TimeUnit::Day: return DateInterval::day(addUnits(date, unit, offset));
    case TimeUnit::Week: {
      const int64_t monday = mondayOf(base::daysFromCivil(date)) + int64_t{offset} * kDaysPerWeek;
      return {monday, monday + kDaysPerWeek - 1, Precision::Day};
    }
    case TimeUnit::Month: {
      const CivilDate m = addMonths(date, offset);
      return DateInterval::month(m.year, m.month);
    }
    case TimeUnit::Quarter: {
      const CivilDate first = addMonths({date.year, ((date.month - 1) / 3) * 3 + 1, 1}, offset * kMonthsPerQuarter);
      return monthsInterval(first, addMonths(first, 2));
    }
    case TimeUnit::Year: return DateInterval::year(date.year + offset);
    case TimeUnit::None: break;
  }
  return DateInterval::day(date);
}

// "the last N units" (direction -1) or "the next N units" (+1), excluding the reference unit.
DateInterval spanInterval(CivilDate ref, TimeUnit unit, int count, int direction) {
  if (unit == TimeUnit::Day || unit == TimeUnit::Week) {
    const int64_t days = int64_t{count} * (unit == TimeUnit::Week ? kDaysPerWeek : 1);
    const int64_t r = base::daysFromCivil(ref);
    return direction < 0 ? DateInterval{r - days, r - 1, Precision::Day} : DateInterval{r + 1, r + days, Precision::Day};
  }
  const DateInterval near = unitInterval(ref, unit, direction);
  const DateInterval far = unitInterval(ref, unit, direction * count);
  const Precision precision = unit == TimeUnit::Year ? Precision::Year : Precision::Month;
  return direction < 0 ? DateInterval{far.first, near.last, precision} : DateInterval{near.first, far.last, precision};
}

CivilDate firstDay(const DateInterval& interval) { return base::civilFromDays(interval.first); }
CivilDate lastDay(const DateInterval& interval) { return base::civilFromDays(interval.last); }

// Seasons (northern hemisphere, approximate astronomical dates), numbered by key = year * 4 + index
// with spring = 0 ... winter = 3; a winter belongs to the year it starts in.
constexpr int kSeasons = 4;
struct SeasonBounds {
  unsigned fromMonth, fromDay, toMonth, toDay;
};
constexpr std::array<SeasonBounds, kSeasons> kSeasonBounds = {{
    {3, 20, 6, 19},   // spring
    {6, 21, 9, 23},   // summer
    {9, 23, 12, 19},  // autumn
    {12, 21, 3, 20},  // winter, ending the next year
}};

DateInterval seasonInterval(int key) {
  const int year = key >= 0 ? key / kSeasons : -((-key + kSeasons - 1) / kSeasons);
  const auto& b = kSeasonBounds.at(static_cast<std::size_t>(key - year * kSeasons));
  const int endYear = b.toMonth < b.fromMonth ? year + 1 : year;
  return {base::daysFromCivil({year, b.fromMonth, b.fromDay}), base::daysFromCivil({endYear, b.toMonth, b.toDay}),
          Precision::Day};
}

// The key of the season containing `day`, or of the last one that started before it.
int seasonKeyAt(int64_t day) {
  const int year = base::civilFromDays(day).year;
  int key = (year - 1) * kSeasons;
  for (int k = (year - 1) * kSeasons; k <= year * kSeasons + kSeasons - 1; ++k)
    if (seasonInterval(k).first <= day) key = k;
  return key;
}

// ---- placing dates that name no year or week --------------------------------------------------

// The closest of `candidates` (days) to `ref` that `direction` allows; ties go to the later one.
std::optional<int64_t> pick(const std::vector<int64_t>& candidates, int64_t ref, Direction direction) {
  std::optional<int64_t> best;
  for (const int64_t c : candidates) {
    if (direction == Direction::Next && c < ref) continue;
    if (direction == Direction::LatestPast && c > ref) continue;
    if (!best) {
      best = c;
      continue;
    }
    const int64_t d = c > ref ? c - ref : ref - c;
    const int64_t bestD = *best > ref ? *best - ref : ref - *best;
    if (d < bestD || (d == bestD && c > *best)) best = c;
  }
  return best;
}

constexpr int kPlacementYears = 8;  // far enough to find a 29 February in either direction

// "16 June": that day in the years around the reference, chosen by direction; a written weekday
// that fits only one of the two occurrences around the reference chooses it.
std::optional<DateInterval> placeDayMonth(unsigned month, unsigned day, std::optional<unsigned> weekday, CivilDate ref,
                                          Direction direction) {
  std::vector<int64_t> candidates;
  for (int y = ref.year - kPlacementYears; y <= ref.year + kPlacementYears; ++y)
    if (base::isValidDate({y, month, day})) candidates.push_back(base::daysFromCivil({y, month, day}));
  if (weekday) {
    const int64_t r = base::daysFromCivil(ref);
    const auto before = pick(candidates, r, Direction::LatestPast);
    const auto after = pick(candidates, r, Direction::Next);
    const bool beforeFits = before && base::weekday(base::civilFromDays(*before)) == *weekday;
    const bool afterFits = after && base::weekday(base::civilFromDays(*after)) == *weekday;
    if (beforeFits != afterFits) {
      const int64_t d = beforeFits ? *before : *after;
      return DateInterval{d, d, Precision::Day};
    }
  }
  const auto found = pick(candidates, base::daysFromCivil(ref), direction);
  if (!found) return std::nullopt;
  return DateInterval{*found, *found, Precision::Day};
}

// "the 24th": that day in the months around the reference, chosen by direction.
std::optional<DateInterval> placeDay(unsigned day, CivilDate ref, Direction direction) {
  std::vector<int64_t> candidates;
  for (int k = -kMonthsPerYear; k <= kMonthsPerYear; ++k) {
    const CivilDate m = addMonths({ref.year, ref.month, 1}, k);
    if (day <= base::daysInMonth(m.year, m.month)) candidates.push_back(base::daysFromCivil({m.year, m.month, day}));
  }
  const auto found = pick(candidates, base::daysFromCivil(ref), direction);
  if (!found) return std::nullopt;
  return DateInterval{*found, *found, Precision::Day};
}

// "in March": the month in the years around the reference, by month distance; the reference's own
// month is both the next and the latest past one.
DateInterval placeMonth(unsigned month, CivilDate ref, Direction direction) {
  const int delta = static_cast<int>(month) - static_cast<int>(ref.month);
  int year = ref.year;
  switch (direction) {
    case Direction::Next: year += delta < 0 ? 1 : 0; break;
    case Direction::LatestPast: year -= delta > 0 ? 1 : 0; break;
    case Direction::Nearest: {
      constexpr int kHalfYear = 6;
      if (delta < -kHalfYear || (delta == -kHalfYear)) year += 1;  // ties: the later one
      else if (delta > kHalfYear) year -= 1;
      break;
    }
  }
  return DateInterval::month(year, month);
}

// "on Tuesday": the weekday in the weeks around the reference.
DateInterval placeWeekday(unsigned weekday, CivilDate ref, Direction direction) {
  const int64_t r = base::daysFromCivil(ref);
  const int64_t ahead = (static_cast<int64_t>(weekday) - base::weekday(ref) + kDaysPerWeek) % kDaysPerWeek;
  int64_t day = r + ahead;
  switch (direction) {
    case Direction::Next: day = r + (ahead == 0 ? kDaysPerWeek : ahead); break;
    case Direction::LatestPast: day = r - (kDaysPerWeek - ahead) % kDaysPerWeek; break;
    case Direction::Nearest: {
      constexpr int64_t kHalfWeek = 3;
      day = ahead <= kHalfWeek ? r + ahead : r + ahead - kDaysPerWeek;
      break;
    }
  }
  return {day, day, Precision::Day};
}

// ---- parse results ----------------------------------------------------------------------------

// The fields of a calendar expression as written, before resolution.
struct Parts {
  std::optional<int> year;
  std::optional<unsigned> month;
  std::optional<unsigned> day;
  std::optional<unsigned> weekday;  // 0 = Monday
  base::Range weekdayRange;
  std::optional<int> decade;  // "the 1990s"
  std::size_t end = 0;        // one past the last token
};

struct Candidate {
  std::size_t end = 0;
  DateExpression expr;
};

class Grammar {
 public:
  Grammar(const std::vector<DateToken>& tokens, DateRecognizerOptions options, std::optional<CivilDate> reference,
          const RecognizerCarry& carry = {})
      : t_(tokens), options_(options), ref_(reference), lastDate_(carry.lastDate), lastDay_(carry.lastDay) {}

  [[nodiscard]] RecognizerCarry carry() const { return {lastDate_, lastDay_}; }

  std::vector<DateExpression> run() {
    std::vector<DateExpression> out;
    // Index of the first token from each one on that can carry a date (t_.size(): none).
    std::vector<std::size_t> nextCarrier(t_.size() + 1, t_.size());
    for (std::size_t k = t_.size(); k-- > 0;) nextCarrier[k] = carriesDate(k) ? k : nextCarrier[k + 1];
    std::size_t i = 0;
    while (i < t_.size()) {
      if (t_[i].paragraphBefore) textYear_.reset();  // a year is not carried into a new paragraph
      std::optional<Candidate> best;
      if (mayStart(i) && nextCarrier[i] - i <= kMaxLeadWords) best = parseAny(i);
      if (!best) {
        ++i;
        continue;
      }
      remember(best->expr);
      i = best->end;
      out.push_back(best->expr);
    }
    return out;
  }

 private:
  // ---- token access ----
  [[nodiscard]] bool has(std::size_t i) const { return i < t_.size(); }
  [[nodiscard]] bool word(std::size_t i, std::string_view text) const { return has(i) && t_[i].isWord(text); }
  [[nodiscard]] bool punct(std::size_t i, char c) const { return has(i) && t_[i].isPunct(c); }
  [[nodiscard]] bool glued(std::size_t i) const { return has(i) && !t_[i].spaceBefore; }
  [[nodiscard]] bool anyWord(std::size_t i, std::initializer_list<std::string_view> words) const {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return word(i, w); });
  }
  // End of text, punctuation, or a word that commonly follows a bare day ("on the 14th and ...").
  [[nodiscard]] bool boundary(std::size_t i) const {
    return !has(i) || t_[i].type == TokenType::Punct ||
           anyWord(i, {"and", "to", "at", "through", "thru", "until", "till", "in", "of", "or"});
  }
  std::size_t skip(std::size_t i, std::string_view text) const { return word(i, text) ? i + 1 : i; }
  std::size_t skipPunct(std::size_t i, char c) const { return punct(i, c) ? i + 1 : i; }

  [[nodiscard]] base::Range span(std::size_t begin, std::size_t end) const {
    return {t_[begin].range.begin, t_[end - 1].range.end};
  }

  // Every expression holds a token that carries a date: a number, a month, weekday, number word,
  // time unit, or a word that is a date by itself. Most words that may start one ("the", "in",
  // "on", "at") start none, and 21 readings were tried at each; an expression whose first carrier
  // lies further in than this is not tried. The longest lead known is six words: "at the
  // beginning of the following week".
  static constexpr std::size_t kMaxLeadWords = 8;
  // A number, or a word the tokenizer's lexicon classed (month, weekday, number word, time unit).
  [[nodiscard]] bool isNumberOrDateClassWord(std::size_t k) const {
    const DateToken& tok = t_[k];
    if (tok.type == TokenType::Number) return true;
    return tok.type == TokenType::Word && (tok.month != 0 || tok.weekday != 0 || tok.cardinal != 0 ||
                                           tok.ordinalWord != 0 || tok.unit != TimeUnit::None);
  }
  [[nodiscard]] bool carriesDate(std::size_t k) const {
    if (isNumberOrDateClassWord(k)) return true;
    const DateToken& tok = t_[k];
    if (tok.type != TokenType::Word) return false;
    static const LowerWordIndex<bool> kDatesByThemselves = wordSet(
        {"today", "tonight", "yesterday", "tomorrow", "tomorrows", "eom", "bom", "eoy", "boy", "spring", "summer",
         "autumn", "fall", "winter", "season", "seasons", "ides", "christmas", "easter"});
    return kDatesByThemselves.contains(tok.text);
  }

  [[nodiscard]] bool mayStart(std::size_t i) const {
    if (isNumberOrDateClassWord(i)) return true;
    const DateToken& tok = t_[i];
    if (tok.type != TokenType::Word) return false;
    // Asked of every word of the text: one bucket of two or three words, not sixty comparisons.
    static const LowerWordIndex<bool> kStarters = wordSet(
        {"the", "today", "tonight", "yesterday", "tomorrow", "tomorrows", "this", "current", "last",
         "past", "previous", "next", "coming", "following", "upcoming", "from", "between", "in",
         "within", "since", "established", "founded", "created", "set", "for", "over", "during",
         "early", "mid", "late", "beginning", "start", "end", "middle", "at", "few", "several",
         "couple", "eom", "bom", "eoy", "boy", "that", "on", "spring", "summer", "autumn", "fall", "winter",
         "rest", "all", "ides", "closest", "earlier", "later", "after", "christmas", "easter"});
    return kStarters.contains(tok.text);
  }

  // ---- lexical helpers: each returns the value and the index after it ----
  struct Num {
    int value = 0;
    std::size_t next = 0;
  };

  // A day of the month: "14", "14th", "fourteenth", "twenty-fourth", "twenty fourth".
  [[nodiscard]] std::optional<Num> dayAt(std::size_t i, bool allowWords = true) const {
    if (!has(i)) return std::nullopt;
    const DateToken& tok = t_[i];
    if (tok.type == TokenType::Number) {
      if (tok.digits > 2 || tok.number < 1 || tok.number > kMaxDay) return std::nullopt;
      // "14.5", "14:30", "14/3" belong to other readings.
      if (glued(i + 1) && (punct(i + 1, ':') || (punct(i + 1, '.') && has(i + 2) && t_[i + 2].type == TokenType::Number)))
        return std::nullopt;
      return Num{static_cast<int>(tok.number), i + 1};
    }
    if (!allowWords || tok.type != TokenType::Word) return std::nullopt;
    if (tok.ordinalWord != 0) return Num{static_cast<int>(tok.ordinalWord), i + 1};
    if (tok.cardinal == 20 || tok.cardinal == 30) {  // NOLINT(readability-magic-numbers): tens of a day
      std::size_t j = skipPunct(i + 1, '-');
      if (has(j) && t_[j].ordinalWord != 0 && t_[j].ordinalWord < 10) {  // NOLINT(readability-magic-numbers)
        const auto value = static_cast<int>(tok.cardinal + t_[j].ordinalWord);
        if (value <= static_cast<int>(kMaxDay)) return Num{value, j + 1};
      }
    }
    return std::nullopt;
  }

  // A month name; `strict` requires a capital for words that are also ordinary English ("may").
  [[nodiscard]] std::optional<Num> monthAt(std::size_t i, bool strict) const {
    if (!has(i) || t_[i].month == 0) return std::nullopt;
    const DateToken& tok = t_[i];
    if (strict && tok.ambiguous && !tok.capitalized) return std::nullopt;
    std::size_t next = i + 1;
    if (tok.abbreviated && punct(next, '.') && glued(next)) ++next;
    return Num{static_cast<int>(tok.month), next};
  }

  [[nodiscard]] std::optional<Num> weekdayAt(std::size_t i) const {
    if (!has(i) || t_[i].weekday == 0 || t_[i].plural) return std::nullopt;
    const DateToken& tok = t_[i];
    std::size_t next = i + 1;
    const bool dotted = tok.abbreviated && punct(next, '.') && glued(next);
    if (dotted) ++next;
    if (tok.ambiguous && !tok.capitalized && !dotted) return std::nullopt;
    return Num{static_cast<int>(tok.weekday) - 1, next};
  }

  // An era marker after a year: AD, A.D., CE, BC, B.C., BCE, BE. Returns the converted year.
  [[nodiscard]] std::optional<Num> eraAt(std::size_t i, int year) const {
    if (!has(i) || t_[i].type != TokenType::Word) return std::nullopt;
    const std::string_view w = t_[i].text;
    std::size_t next = i + 1;
    std::string era(w);
    // "A.D." / "B.C." arrive as letter, dot, letter, dot.
    if ((w == "a" || w == "b") && punct(i + 1, '.') && has(i + 2) && t_[i + 2].type == TokenType::Word &&
        glued(i + 1) && glued(i + 2)) {
      era += t_[i + 2].text;
      next = skipPunct(i + 3, '.');
    }
    if (era == "ad" || era == "ce") return Num{year, next};
    if (era == "bc" || era == "bce") return Num{1 - year, next};  // astronomical numbering: 1 BC = year 0
    if (era == "be" && year > kBuddhistEraOffset) return Num{year - kBuddhistEraOffset, next};
    return std::nullopt;
  }

  // A year: four digits (1000-2999), or any number with an era marker.
  [[nodiscard]] std::optional<Num> yearAt(std::size_t i) const {
    if (!has(i) || t_[i].type != TokenType::Number || t_[i].ordinal) return std::nullopt;
    const DateToken& tok = t_[i];
    constexpr int kMaxDigits = 4;
    if (tok.digits > kMaxDigits) return std::nullopt;
    const auto value = static_cast<int>(tok.number);
    if (auto era = eraAt(i + 1, value)) return era;
    constexpr int kMinYear = 1000;
    constexpr int kMaxYear = 2999;
    if (tok.digits != kMaxDigits || value < kMinYear || value > kMaxYear) return std::nullopt;
    // "2017abc" or "2017,5" is not a year.
    if (glued(i + 1) && t_[i + 1].type != TokenType::Punct) return std::nullopt;
    return Num{value, i + 1};
  }

  [[nodiscard]] int pivotYear(int twoDigits) const {
    if (ref_) {
      const int century = ref_->year - ((ref_->year % kTwoDigitYears) + kTwoDigitYears) % kTwoDigitYears;
      int year = century + twoDigits;
      if (year > ref_->year + kPivotAhead) year -= kTwoDigitYears;
      return year;
    }
    return twoDigits < kDefaultPivot ? 2000 + twoDigits : 1900 + twoDigits;  // NOLINT(readability-magic-numbers)
  }

  // A two-digit year ("74" in "10/31/74").
  [[nodiscard]] std::optional<Num> year2At(std::size_t i) const {
    if (!has(i) || t_[i].type != TokenType::Number || t_[i].ordinal || t_[i].digits != 2) return std::nullopt;
    return Num{pivotYear(static_cast<int>(t_[i].number)), i + 1};
  }

  // A count: "3", "three", "twenty one", "a", "a few", "several", "a couple of".
  [[nodiscard]] std::optional<Num> quantityAt(std::size_t i) const {
    if (!has(i)) return std::nullopt;
    const DateToken& tok = t_[i];
    constexpr int kMaxDigits = 4;
    if (tok.type == TokenType::Number && !tok.ordinal && tok.digits <= kMaxDigits && tok.number > 0)
      return Num{static_cast<int>(tok.number), i + 1};
    std::size_t j = i;
    if (word(j, "a")) {
      if (word(j + 1, "few")) return Num{kFewCount, j + 2};
      if (word(j + 1, "couple")) return Num{kCoupleCount, skip(j + 2, "of")};
    }
    if (word(j, "few") || word(j, "several")) return Num{kFewCount, j + 1};
    if (word(j, "couple")) return Num{kCoupleCount, skip(j + 1, "of")};
    if (tok.cardinal != 0) {
      int value = static_cast<int>(tok.cardinal);
      j = i + 1;
      constexpr int kTen = 10;
      if (value >= 20 && value % kTen == 0) {  // NOLINT(readability-magic-numbers): "twenty one"
        const std::size_t k = skipPunct(j, '-');
        if (has(k) && t_[k].cardinal > 0 && t_[k].cardinal < static_cast<unsigned>(kTen)) {
          value += static_cast<int>(t_[k].cardinal);
          j = k + 1;
        }
      }
      return Num{value, j};
    }
    return std::nullopt;
  }

  struct UnitHit {
    TimeUnit unit = TimeUnit::None;
    std::size_t next = 0;
  };
  [[nodiscard]] std::optional<UnitHit> unitAt(std::size_t i) const {
    if (!has(i) || t_[i].unit == TimeUnit::None) return std::nullopt;
    return UnitHit{t_[i].unit, i + 1};
  }

  // ---- calendar expressions ("Parts") ----

  static bool longer(const std::optional<Parts>& a, const std::optional<Parts>& b) {
    return a && (!b || a->end > b->end);
  }
  static void keepLonger(std::optional<Parts>& best, std::optional<Parts> other) {
    if (longer(other, best)) best = other;
  }

  // Optional ", 2017" / " 2017" / "-2017" / "/2017" after a day-month; also two-digit years when
  // followed by a boundary ("14th April 15.").
  void takeYear(Parts& parts, std::size_t i, bool allowGluedSeparator) const {
    std::size_t j = i;
    const bool gluedDash = allowGluedSeparator && (punct(j, '-') || punct(j, '/')) && glued(j) && glued(j + 1);
    if (punct(j, ',') || gluedDash) ++j;
    if (auto year = yearAt(j)) {
      parts.year = year->value;
      parts.end = year->next;
      return;
    }
    const bool gluedSeparator = j == i + 1 && !punct(i, ',');
    if (auto year2 = year2At(j);
        year2 && (j == i || gluedSeparator) && (!has(year2->next) || t_[year2->next].type == TokenType::Punct)) {
      parts.year = year2->value;
      parts.end = year2->next;
    }
  }

  // "14 March [2017]", "14th of March", "10-August-2012", "31/Oct/74", "14april 2015".
  [[nodiscard]] std::optional<Parts> dayMonth(std::size_t i) const {
    std::size_t j = skip(i, "the");
    const auto day = dayAt(j);
    if (!day) return std::nullopt;
    j = day->next;
    bool separated = false;
    if (word(j, "day") && word(j + 1, "of")) j += 2;
    else if (word(j, "of")) ++j;
    else if ((punct(j, '-') || punct(j, '/')) && glued(j) && glued(j + 1)) {
      ++j;
      separated = true;
    }
    const auto month = monthAt(j, false);
    if (!month) return std::nullopt;
    // "first of march" needs "of" unless the month is capitalized ("eleventh May 2010").
    if (t_[day->next - 1].type == TokenType::Word && !word(day->next, "of") && !word(day->next, "day") &&
        !t_[j].capitalized)
      return std::nullopt;
    Parts parts;
    parts.day = static_cast<unsigned>(day->value);
    parts.month = static_cast<unsigned>(month->value);
    parts.end = month->next;
    takeYear(parts, month->next, true);
    if (separated && !parts.year) {
      // "10-August" without a year is still fine.
    }
    return parts;
  }

  // "March 14[, 2017]", "february the 15th", "May eighth, 2010", "Feb13", "August-10, 2012".
  [[nodiscard]] std::optional<Parts> monthDay(std::size_t i) const {
    const auto month = monthAt(i, false);
    if (!month) return std::nullopt;
    std::size_t j = month->next;
    bool separated = false;
    if ((punct(j, '-') || punct(j, '/')) && glued(j) && glued(j + 1)) {
      ++j;
      separated = true;
    } else if (punct(j, ',')) {
      ++j;
    }
    j = skip(j, "the");
    const auto day = dayAt(j);
    if (!day) return std::nullopt;
    // Ambiguous month words ("may 5") need the capital unless the day is clearly a date.
    if (t_[i].ambiguous && !t_[i].capitalized && t_[day->next - 1].type == TokenType::Word && !boundary(day->next) &&
        !yearAt(day->next) && !yearAt(day->next + 1))
      return std::nullopt;
    Parts parts;
    parts.month = static_cast<unsigned>(month->value);
    parts.day = static_cast<unsigned>(day->value);
    parts.end = day->next;
    std::size_t k = day->next;
    if (separated && (punct(k, '-') || punct(k, '/')) && glued(k) && glued(k + 1)) {
      if (auto year = yearAt(k + 1)) {
        parts.year = year->value;
        parts.end = year->next;
      }
      return parts;
    }
    if (auto year = yearAt(punct(k, ',') ? k + 1 : k)) {
      parts.year = year->value;
      parts.end = year->next;
    }
    return parts;
  }

  // "March 2017", "Sep. 2012", "Sep-2012", "August, 2012", "June of 2022".
  [[nodiscard]] std::optional<Parts> monthYear(std::size_t i) const {
    const auto month = monthAt(i, false);
    if (!month) return std::nullopt;
    std::size_t j = month->next;
    if (punct(j, ',') || ((punct(j, '-') || punct(j, '/')) && glued(j)) || word(j, "of")) ++j;
    const auto year = yearAt(j);
    if (!year) return std::nullopt;
    Parts parts;
    parts.month = static_cast<unsigned>(month->value);
    parts.year = year->value;
    parts.end = year->next;
    return parts;
  }

  // "2024 Aug", "2024-August", "2012/Aug/10", "2018 March 18".
  [[nodiscard]] std::optional<Parts> yearMonth(std::size_t i) const {
    const auto year = yearAt(i);
    if (!year) return std::nullopt;
    std::size_t j = year->next;
    const bool separated = (punct(j, '-') || punct(j, '/')) && glued(j) && glued(j + 1);
    if (separated) ++j;
    const auto month = monthAt(j, true);
    if (!month) return std::nullopt;
    Parts parts;
    parts.year = year->value;
    parts.month = static_cast<unsigned>(month->value);
    parts.end = month->next;
    std::size_t k = month->next;
    if (separated && (punct(k, '-') || punct(k, '/')) && glued(k)) ++k;
    else if (separated) return parts;
    if (auto day = dayAt(k, false); day && !(has(day->next) && t_[day->next].month != 0)) {
      parts.day = static_cast<unsigned>(day->value);
      parts.end = day->next;
    }
    return parts;
  }

  [[nodiscard]] bool numericDay(std::size_t i) const {
    return has(i) && t_[i].type == TokenType::Number && !t_[i].ordinal && t_[i].digits <= 2;
  }

  // Assigns day and month from two numbers by the day-first / month-first rules.
  [[nodiscard]] bool assignDayMonth(Parts& parts, int64_t first, int64_t second) const {
    constexpr int64_t kMonths = 12;
    bool monthFirst = options_.monthFirst;
    if (first > kMonths) monthFirst = false;
    if (second > kMonths) monthFirst = true;
    const int64_t day = monthFirst ? second : first;
    const int64_t month = monthFirst ? first : second;
    if (month < 1 || month > kMonths || day < 1 || day > kMaxDay) return false;
    parts.day = static_cast<unsigned>(day);
    parts.month = static_cast<unsigned>(month);
    return true;
  }

  // True when a separator and another number follow at `i` with no space ("/11" in "7/2017/11").
  [[nodiscard]] bool continuesCode(std::size_t i) const {
    return glued(i) && (punct(i, '/') || punct(i, '.') || punct(i, '-')) && glued(i + 1) && has(i + 1) &&
           t_[i + 1].type == TokenType::Number;
  }

  // Numeric dates: 2017-03-14, 14.03.2017, 14/03/2017, 10/31/74, 2014/10, 2/2013, 2/15, 2014 12 28.
  // NOLINTNEXTLINE(readability-function-cognitive-complexity): one grammar rule's alternatives, kept together so they read as the rule; FIXME(split) into sub-rules.
  [[nodiscard]] std::optional<Parts> numeric(std::size_t i) const {
    if (!has(i) || t_[i].type != TokenType::Number || t_[i].ordinal) return std::nullopt;
    // Part of a longer code ("E/CN.7/2017/11", "A/RES/71/14").
    if (i > 0 && glued(i) && t_[i - 1].type != TokenType::Punct) return std::nullopt;
    if (i > 0 && glued(i) && (t_[i - 1].isPunct('/') || t_[i - 1].isPunct('.'))) return std::nullopt;
    const DateToken& a = t_[i];
    constexpr int kYearDigits = 4;
    const bool sep1 = has(i + 2) && (punct(i + 1, '-') || punct(i + 1, '/') || punct(i + 1, '.')) &&
                      t_[i + 2].type == TokenType::Number && !t_[i + 2].ordinal;
    const bool tight1 = sep1 && glued(i + 1) && glued(i + 2);
    std::optional<Parts> result;
    if (sep1) {
      const char s = t_[i + 1].text[0];
      const DateToken& b = t_[i + 2];
      const bool sep2 = tight1 && punct(i + 3, s) && glued(i + 3) && glued(i + 4) && has(i + 4) &&
                        t_[i + 4].type == TokenType::Number && !t_[i + 4].ordinal;
      if (sep2) {
        const DateToken& c = t_[i + 4];
        Parts parts;
        parts.end = i + kThreeNumbers;
        bool ok = false;
        if (a.digits == kYearDigits && b.digits <= 2 && c.digits <= 2) {
          parts.year = static_cast<int>(a.number);
          ok = b.number >= 1 && b.number <= kMonthsPerYear && c.number >= 1 && c.number <= kMaxDay;
          parts.month = static_cast<unsigned>(b.number);
          parts.day = static_cast<unsigned>(c.number);
        } else if (a.digits <= 2 && b.digits <= 2 && (c.digits == kYearDigits || c.digits == 2)) {
          parts.year = c.digits == kYearDigits ? static_cast<int>(c.number) : pivotYear(static_cast<int>(c.number));
          ok = assignDayMonth(parts, a.number, b.number);
        }
        if (ok && !continuesCode(i + kThreeNumbers))
          return parts;
        return std::nullopt;
      }
      // Two numbers. Reject when a longer code continues ("7/2017/11").
      if (continuesCode(i + 3)) return std::nullopt;
      Parts parts;
      parts.end = i + 3;
      if (s != '.' && tight1 && a.digits == kYearDigits && b.digits <= 2 && b.number >= 1 && b.number <= kMonthsPerYear) {
        parts.year = static_cast<int>(a.number);  // 2014-10, 2014/10
        parts.month = static_cast<unsigned>(b.number);
        result = parts;
      } else if (s == '/' && tight1 && a.digits <= 2 && a.number >= 1 && a.number <= kMonthsPerYear &&
                 b.digits == kYearDigits) {
        parts.year = static_cast<int>(b.number);  // 2/2013
        parts.month = static_cast<unsigned>(a.number);
        result = parts;
      } else if (s != '.' && a.digits <= 2 && b.digits <= 2) {
        // "2/15", "2 / 15"; a hyphen only when one number is over 12 (so "10-12" stays a number range).
        constexpr int64_t kMonths = 12;
        const bool clear = a.number > kMonths || b.number > kMonths;
        if ((s == '/' || clear) && assignDayMonth(parts, a.number, b.number)) result = parts;
      }
    }
    // "2014 12 28"
    if (!result && a.digits == kYearDigits && numericDay(i + 1) && numericDay(i + 2) && t_[i + 1].number >= 1 &&
        t_[i + 1].number <= kMonthsPerYear && t_[i + 2].number >= 1 && t_[i + 2].number <= kMaxDay &&
        !has(i + 3)) {
      Parts parts;
      parts.year = static_cast<int>(a.number);
      parts.month = static_cast<unsigned>(t_[i + 1].number);
      parts.day = static_cast<unsigned>(t_[i + 2].number);
      parts.end = i + 3;
      result = parts;
    }
    return result;
  }

  // "2017", "2014 AD", "14 a.d.", "the 1990s".
  [[nodiscard]] std::optional<Parts> yearOnly(std::size_t i) const {
    std::size_t j = skip(i, "the");
    if (!has(j) || t_[j].type != TokenType::Number || t_[j].ordinal) return std::nullopt;
    const DateToken& tok = t_[j];
    constexpr int kYearDigits = 4;
    constexpr int64_t kDecade = 10;
    // "1990s" / "1990's"
    if (tok.digits == kYearDigits && tok.number % kDecade == 0) {
      std::size_t k = j + 1;
      if (punct(k, '\'') && glued(k)) ++k;
      if (word(k, "s") && glued(k)) {
        Parts parts;
        parts.decade = static_cast<int>(tok.number);
        parts.end = k + 1;
        return parts;
      }
    }
    if (j != i) return std::nullopt;  // "the 2017" is not a year
    const auto year = yearAt(j);
    if (!year) return std::nullopt;
    const bool withEra = year->next > j + 1;
    if (!withEra && (year->value < kMinBareYear || year->value > kMaxBareYear)) return std::nullopt;
    // Money, counts and codes: "$2017", "2017-related" are not years.
    if (!withEra && i > 0 && glued(i) && (t_[i - 1].isPunct('$') || t_[i - 1].isPunct('/') || t_[i - 1].isPunct('.')))
      return std::nullopt;
    Parts parts;
    parts.year = year->value;
    parts.end = year->next;
    return parts;
  }

  // A capitalized month alone ("March", "in May").
  [[nodiscard]] std::optional<Parts> monthOnly(std::size_t i) const {
    const auto month = monthAt(i, true);
    if (!month) return std::nullopt;
    const DateToken& tok = t_[i];
    if (tok.abbreviated && !tok.capitalized) return std::nullopt;
    if (!tok.capitalized && tok.ambiguous) return std::nullopt;
    // "May" opening a sentence is usually the verb; accept it when a boundary or "of"/"in" follows.
    Parts parts;
    parts.month = static_cast<unsigned>(month->value);
    parts.end = month->next;
    return parts;
  }

  // "the 14th", "on the 15th", "On 24th", "the 24".
  [[nodiscard]] std::optional<Parts> dayOnly(std::size_t i, bool relaxed) const {
    std::size_t j = i;
    const bool lead = word(j, "the") || word(j, "on");
    if (word(j, "on")) ++j;
    j = skip(j, "the");
    if (!relaxed && !lead) return std::nullopt;
    // "on the first." : an ordinal word as a day only after "on the" and at the end of a phrase.
    if (word(i, "on") && word(i + 1, "the") && has(j) && t_[j].ordinalWord != 0 && t_[j].ordinalWord <= kMaxDay &&
        (!has(j + 1) || punct(j + 1, '.') || punct(j + 1, ',') || punct(j + 1, ';'))) {
      Parts parts;
      parts.day = t_[j].ordinalWord;
      parts.end = j + 1;
      return parts;
    }
    if (!has(j) || t_[j].type != TokenType::Number) return std::nullopt;
    const auto day = dayAt(j, false);
    if (!day || !boundary(day->next)) return std::nullopt;
    if (!relaxed && !t_[j].ordinal && has(day->next)) return std::nullopt;
    Parts parts;
    parts.day = static_cast<unsigned>(day->value);
    parts.end = day->next;
    return parts;
  }

  // The calendar forms without weekday.
  [[nodiscard]] std::optional<Parts> core(std::size_t i) const {
    std::optional<Parts> best;
    keepLonger(best, dayMonth(i));
    keepLonger(best, monthDay(i));
    keepLonger(best, monthYear(i));
    keepLonger(best, yearMonth(i));
    keepLonger(best, numeric(i));
    keepLonger(best, yearOnly(i));
    keepLonger(best, monthOnly(i));
    keepLonger(best, dayOnly(i, false));
    return best;
  }

  // Core forms with an optional weekday before ("Tuesday, 14 March 2017") or after
  // ("14 March 2017 (Tuesday)", "Jul 18, Fri"); a weekday alone is a Parts too.
  [[nodiscard]] std::optional<Parts> calendar(std::size_t i) const {
    std::optional<Parts> best = core(i);
    if (auto wd = weekdayAt(i)) {
      std::size_t j = wd->next;
      if (punct(j, ',')) ++j;
      std::optional<Parts> inner = core(j);
      keepLonger(inner, dayOnly(j, true));
      if (inner && (inner->day || inner->month)) {
        inner->weekday = static_cast<unsigned>(wd->value);
        inner->weekdayRange = span(i, wd->next);
        keepLonger(best, inner);
      } else if (!t_[i].ambiguous || wd->next > i + 1) {  // "Sun" alone is the star; "Sun." is Sunday
        Parts alone;
        alone.weekday = static_cast<unsigned>(wd->value);
        alone.weekdayRange = span(i, wd->next);
        alone.end = wd->next;
        keepLonger(best, alone);
      }
    }
    if (best && best->day && !best->weekday) {
      std::size_t j = best->end;
      const bool comma = punct(j, ',');
      if (comma) ++j;
      const bool paren = punct(j, '(');
      if (paren) ++j;
      if (comma || paren) {
        if (auto wd = weekdayAt(j); wd && (!paren || punct(wd->next, ')'))) {
          best->weekday = static_cast<unsigned>(wd->value);
          best->weekdayRange = span(j, wd->next);
          best->end = paren ? wd->next + 1 : wd->next;
        }
      }
    }
    return best;
  }

  // ---- resolution ----

  DateExpression resolveParts(const Parts& parts, std::size_t begin) const {
    DateExpression e;
    e.range = span(begin, parts.end);
    if (parts.weekday) {
      e.weekday = parts.weekday;
      e.weekdayRange = parts.weekdayRange;
    }
    if (parts.decade) {
      e.kind = DateKind::Partial;
      constexpr int kDecadeLast = 9;
      e.value = DateInterval{DateInterval::year(*parts.decade).first,
                             DateInterval::year(*parts.decade + kDecadeLast).last, Precision::Year};
      return e;
    }
    if (!parts.day && !parts.month && !parts.year && parts.weekday) {
      // A weekday alone: placed around the reference date by direction.
      e.kind = DateKind::Deictic;
      if (!ref_) {
        e.problem = Problem::NoAnchor;
        return e;
      }
      e.basis = Basis::Reference;
      e.anchor = DateInterval::day(*ref_);
      e.value = placeWeekday(*parts.weekday, *ref_, options_.direction);
      e.floating = FloatingDate{std::nullopt, std::nullopt, parts.weekday};
      return e;
    }
    std::optional<int> year = parts.year;
    std::optional<unsigned> month = parts.month;
    e.kind = parts.day ? DateKind::Absolute : DateKind::Partial;
    if (!year) {
      e.basis = Basis::ContextYear;
      std::optional<DateInterval> placed;
      bool place = false;
      if (!month && parts.day) {
        if (lastDate_ && lastDate_->precision != Precision::Year) {
          month = firstDay(*lastDate_).month;
          year = firstDay(*lastDate_).year;
          e.anchor = lastDate_;
        } else if (ref_) {
          place = true;
          placed = placeDay(*parts.day, *ref_, options_.direction);
        }
      } else if (textYear_) {
        year = textYear_;  // a year written earlier in the same paragraph
      } else if (ref_ && month) {
        place = true;
        placed = parts.day ? placeDayMonth(*month, *parts.day, parts.weekday, *ref_, options_.direction)
                           : placeMonth(*month, *ref_, options_.direction);
      }
      if (place) {
        e.anchor = DateInterval::day(*ref_);
        e.floating = FloatingDate{month, parts.day, parts.weekday};
        if (!placed) {  // "30 February": no year has it
          e.written = CivilDate{ref_->year, month.value_or(ref_->month), *parts.day};
          e.problem = Problem::ImpossibleDate;
          return e;
        }
        year = firstDay(*placed).year;
        month = firstDay(*placed).month;
      }
      if (!year || !month) {
        e.problem = Problem::NoYear;
        return e;
      }
      if (!e.anchor && ref_) e.anchor = DateInterval::day(*ref_);
    }
    if (!month) {
      e.value = DateInterval::year(*year);
      return e;
    }
    if (!parts.day) {
      e.value = DateInterval::month(*year, *month);
      return e;
    }
    const CivilDate date{*year, *month, *parts.day};
    e.written = date;
    if (!base::isValidDate(date)) {
      e.problem = Problem::ImpossibleDate;
      return e;
    }
    e.value = DateInterval::day(date);
    return e;
  }

  std::optional<Candidate> calendarCandidate(std::size_t i) const {
    auto parts = calendar(i);
    if (!parts) return std::nullopt;
    return Candidate{parts->end, resolveParts(*parts, i)};
  }

  // ---- ranges ----

  // The readings of one side of a range: a calendar form and a bare day ("13" in "13-17 March").
  [[nodiscard]] std::vector<Parts> rangeSides(std::size_t i, bool right) const {
    std::vector<Parts> sides;
    if (auto parts = calendar(i)) sides.push_back(*parts);
    std::size_t j = skip(i, "the");
    if (auto day = dayAt(j, true)) {
      Parts parts;
      parts.day = static_cast<unsigned>(day->value);
      parts.end = day->next;
      if (right) takeYear(parts, day->next, false);
      // A bare day closing a range ends the phrase ("13 to 17, 2017", "10 - 22."); one followed by
      // a word counts things: "VIENNA, 14 March 2017 - 12 heads of state met".
      if (right && !parts.year && !boundary(parts.end)) return sides;
      if (sides.empty() || sides.front().end != parts.end || sides.front().month) sides.push_back(parts);
    }
    return sides;
  }

  [[nodiscard]] std::optional<std::size_t> connector(std::size_t i, bool between) const {
    if (between) return word(i, "and") ? std::optional<std::size_t>(i + 1) : std::nullopt;
    if (punct(i, '-')) return i + 1;
    if (anyWord(i, {"to", "through", "thru", "until", "till"})) return i + 1;
    return std::nullopt;
  }

  std::optional<Candidate> rangeCandidate(std::size_t i) const {
    std::size_t j = i;
    const bool between = word(j, "between");
    const bool from = word(j, "from");
    if (between || from) ++j;
    std::optional<Candidate> best;
    for (const Parts& left : rangeSides(j, false)) {
      const auto mid = connector(left.end, between);
      if (!mid) continue;
      for (const Parts& right : rangeSides(*mid, true)) {
        auto c = combineRange(i, j, *mid, left, right);
        if (c && (!best || c->end > best->end)) best = c;
      }
    }
    return best;
  }

  // NOLINTNEXTLINE(readability-function-cognitive-complexity): one grammar rule's alternatives, kept together so they read as the rule; FIXME(split) into sub-rules.
  std::optional<Candidate> combineRange(std::size_t i, std::size_t j, std::size_t midIndex, Parts l, Parts r) const {
    const std::optional<std::size_t> mid = midIndex;
    if (l.decade || r.decade) return std::nullopt;
    const bool weekdaysOnly = l.weekday && r.weekday && !l.day && !r.day && !l.month && !r.month && !l.year && !r.year;
    // Shapes must be compatible: a day needs a month somewhere; years alone pair with years.
    if (!weekdaysOnly) {
      if (!l.month && !l.year && !r.month) return std::nullopt;
      if (l.day && !l.month && !r.month) return std::nullopt;
      const bool leftYearOnly = l.year && !l.month && !l.day;
      const bool rightYearOnly = r.year && !r.month && !r.day;
      if (leftYearOnly != rightYearOnly && !(leftYearOnly && r.day && !r.month)) return std::nullopt;
      if (l.year && !l.month && r.day && !r.month) {
        // "2014-15": a two-digit second year.
        if (!(t_[*mid].type == TokenType::Number && t_[*mid].digits == 2 && r.end == *mid + 1)) return std::nullopt;
        r = Parts{};
        r.year = pivotYear(static_cast<int>(t_[*mid].number));
        r.end = *mid + 1;
      }
      if (!l.month && !l.day && !r.day && l.year && r.month) return std::nullopt;
    }
    // A weekday alone pairs only with another weekday alone ("Monday to Friday").
    const bool leftWeekdayOnly = l.weekday && !l.day && !l.month && !l.year;
    const bool rightWeekdayOnly = r.weekday && !r.day && !r.month && !r.year;
    if (leftWeekdayOnly != rightWeekdayOnly) return std::nullopt;
    // A full date followed by a dash and a bare number is a dateline and a new sentence, never a
    // range: nobody writes "9 June 2017 - 12" for 9-12 June.
    if (l.year && l.month && l.day && r.day && !r.month) return std::nullopt;
    bool leftYearInferred = false;
    bool leftMonthInherited = false;
    bool yearsPlaced = false;
    if (!weekdaysOnly) {
      leftMonthInherited = l.day && !l.month;
      if (l.day && !l.month) l.month = r.month;
      if (r.day && !r.month) r.month = l.month;
      if (!l.year && r.year) {
        l.year = r.year;
        leftYearInferred = true;
      }
      if (!r.year && l.year) r.year = l.year;
      if (!l.year && !r.year && l.month) {
        // Neither side names a year: place the start, and end the range on or after it.
        const DateExpression start = resolveParts(l, j);
        if (start.value) {
          l.year = firstDay(*start.value).year;
          r.year = l.year;
          yearsPlaced = true;
        }
      }
    }
    DateExpression le = resolveParts(l, j);
    DateExpression re = resolveParts(r, *mid);
    DateExpression e;
    e.kind = DateKind::Range;
    e.range = span(i, r.end);
    e.basis = le.basis == Basis::None ? re.basis : le.basis;
    e.anchor = le.anchor ? le.anchor : re.anchor;
    e.written = le.written;
    e.weekday = le.weekday;
    e.weekdayRange = le.weekdayRange;
    if (le.problem != Problem::None || re.problem != Problem::None) {
      e.problem = le.problem != Problem::None ? le.problem : re.problem;
      if (re.problem == Problem::ImpossibleDate && le.problem == Problem::None) e.written = re.written;
      return Candidate{r.end, e};
    }
    DateInterval a = *le.value;
    DateInterval b = *re.value;
    if (a.first > b.last && leftYearInferred && !leftMonthInherited && l.year) {
      // "From December to May 2022": December of the year before.
      --*l.year;
      le = resolveParts(l, j);
      if (le.value) a = *le.value;
    }
    if (a.first > b.last && yearsPlaced && r.year) {  // "28 December - 3 January"
      ++*r.year;
      re = resolveParts(r, *mid);
      if (re.value) b = *re.value;
    }
    if (yearsPlaced) {
      e.basis = Basis::ContextYear;
      if (ref_ && !textYear_) e.anchor = DateInterval::day(*ref_);
    }
    if (a.first > b.last && weekdaysOnly) {
      b.first += kDaysPerWeek;
      b.last += kDaysPerWeek;
    }
    if (a.first > b.last) {
      e.problem = Problem::ReversedRange;
      return Candidate{r.end, e};
    }
    e.value = DateInterval{a.first, b.last, std::min(a.precision, b.precision)};
    if (weekdaysOnly) e.kind = DateKind::Deictic;
    return Candidate{r.end, e};
  }

  // ---- deictic and anaphoric expressions ----

  // A resolved relative expression. `basisDate` is what it counts from.
  DateExpression relative(std::size_t begin, std::size_t end, DateKind kind, std::optional<CivilDate> basisDate,
                          Basis basis) const {
    DateExpression e;
    e.range = span(begin, end);
    e.kind = kind;
    if (!basisDate) {
      e.problem = Problem::NoAnchor;
      return e;
    }
    e.basis = basis;
    e.anchor = DateInterval::day(*basisDate);
    return e;
  }

  // The anchor of an anaphoric expression: the previous date in the text, else the reference date.
  [[nodiscard]] std::pair<std::optional<CivilDate>, Basis> previous(bool forward) const {
    if (lastDay_) return {forward ? lastDay(*lastDay_) : firstDay(*lastDay_), Basis::PreviousDate};
    if (ref_) return {*ref_, Basis::Reference};
    return {std::nullopt, Basis::None};
  }

  // "today", "yesterday", "tomorrow", "tonight".
  std::optional<Candidate> simpleDay(std::size_t i) const {
    int offset = 0;
    if (anyWord(i, {"today", "tonight"})) offset = 0;
    else if (word(i, "yesterday")) offset = -1;
    else if (anyWord(i, {"tomorrow", "tomorrows"})) offset = 1;
    else return std::nullopt;
    DateExpression e = relative(i, i + 1, DateKind::Deictic, ref_, Basis::Reference);
    if (ref_) e.value = DateInterval::day(addUnits(*ref_, TimeUnit::Day, offset));
    return Candidate{i + 1, e};
  }

  // "this week", "last month", "next year", "the following week" (anaphoric), "the same day".
  std::optional<Candidate> unitRelative(std::size_t i) const {
    std::size_t j = i;
    const bool the = word(j, "the");
    if (the) ++j;
    int offset = 0;
    if (anyWord(j, {"this", "current", "same"})) offset = 0;
    else if (anyWord(j, {"last", "past", "previous"})) offset = -1;
    else if (anyWord(j, {"next", "coming", "following", "upcoming"})) offset = 1;
    else return std::nullopt;
    const bool anaphoric = the && anyWord(j, {"previous", "following", "same", "next"});
    const auto unit = unitAt(j + 1);
    if (!unit || t_[j + 1].plural) return std::nullopt;
    // "the last day"/"this day" in running prose is rarely a date; "the same day" always is.
    if (the && !anaphoric) return std::nullopt;
    if (word(j, "same") && !the) return std::nullopt;
    DateExpression e;
    if (anaphoric) {
      auto [basisDate, basis] = previous(offset > 0);
      e = relative(i, unit->next, DateKind::Anaphoric, basisDate, basis);
      if (basisDate) e.value = unitInterval(*basisDate, unit->unit, offset);
    } else {
      e = relative(i, unit->next, DateKind::Deictic, ref_, Basis::Reference);
      if (ref_) e.value = unitInterval(*ref_, unit->unit, offset);
    }
    return Candidate{unit->next, e};
  }

  // "last 2 years", "next three days", "the coming months", "past few weeks", "2 upcoming days".
  std::optional<Candidate> unitSpan(std::size_t i) const {
    std::size_t j = skip(i, "the");
    int direction = 0;
    int count = 0;
    std::optional<UnitHit> unit;
    if (anyWord(j, {"last", "past", "previous"})) direction = -1;
    else if (anyWord(j, {"next", "coming", "upcoming", "following"})) direction = 1;
    if (direction != 0) {
      if (auto quantity = quantityAt(j + 1)) {
        count = quantity->value;
        unit = unitAt(quantity->next);
      } else if (word(i, "the") || word(j, "coming")) {
        unit = unitAt(j + 1);  // "the coming months": a few
        count = kFewCount;
        if (unit && !t_[j + 1].plural) return std::nullopt;
      }
    } else if (auto quantity = quantityAt(j); quantity && word(quantity->next, "upcoming")) {
      direction = 1;
      count = quantity->value;
      unit = unitAt(quantity->next + 1);
    }
    if (!unit || count <= 0) return std::nullopt;
    DateExpression e = relative(i, unit->next, DateKind::Deictic, ref_, Basis::Reference);
    // FIXME(convention): "upcoming two days" follows Duckling (the second day ahead, not both days);
    // "next two days" is the span.
    const bool upcoming = word(j, "upcoming") || word(j + 1, "upcoming");
    if (ref_) e.value = upcoming ? unitInterval(*ref_, unit->unit, count) : spanInterval(*ref_, unit->unit, count, direction);
    return Candidate{unit->next, e};
  }

  // "3 days ago", "two weeks hence", "3 years from today", "two days later" (anaphoric), "the day
  // before" (anaphoric), "the day before yesterday", "2 weeks after 14 March", "3 fridays from now".
  // NOLINTNEXTLINE(readability-function-cognitive-complexity): one grammar rule's alternatives, kept together so they read as the rule; FIXME(split) into sub-rules.
  std::optional<Candidate> shifted(std::size_t i) const {
    std::size_t j = i;
    int count = 0;
    std::size_t afterCount = 0;
    if (word(j, "the") && has(j + 1) && t_[j + 1].unit != TimeUnit::None && !t_[j + 1].plural) {
      count = 1;
      afterCount = j + 1;
    } else if (auto quantity = quantityAt(j)) {
      count = quantity->value;
      afterCount = quantity->next;
    } else {
      return std::nullopt;
    }
    // "3 fridays from now", "2 thursdays ago"
    if (has(afterCount) && t_[afterCount].weekday != 0 && t_[afterCount].plural) {
      const unsigned wd = t_[afterCount].weekday - 1;
      std::size_t k = afterCount + 1;
      int direction = 0;
      if (word(k, "from") && word(k + 1, "now")) {
        direction = 1;
        k += 2;
      } else if (anyWord(k, {"ago", "back"})) {
        direction = -1;
        ++k;
      } else {
        return std::nullopt;
      }
      DateExpression e = relative(i, k, DateKind::Deictic, ref_, Basis::Reference);
      if (ref_) {
        const int64_t r = base::daysFromCivil(*ref_);
        const int64_t delta = (static_cast<int64_t>(wd) - base::weekday(*ref_) + kDaysPerWeek) % kDaysPerWeek;
        int64_t day = 0;
        if (direction > 0) day = r + (delta == 0 ? kDaysPerWeek : delta) + int64_t{count - 1} * kDaysPerWeek;
        else day = r - ((kDaysPerWeek - delta) % kDaysPerWeek == 0 ? kDaysPerWeek : (kDaysPerWeek - delta) % kDaysPerWeek) -
                   int64_t{count - 1} * kDaysPerWeek;
        e.value = DateInterval::day(base::civilFromDays(day));
      }
      return Candidate{k, e};
    }
    const auto unit = unitAt(afterCount);
    if (!unit) return std::nullopt;
    std::size_t k = unit->next;
    int sign = 0;
    bool deictic = false;
    if (anyWord(k, {"ago", "back"})) {
      sign = -1;
      deictic = true;
    } else if (word(k, "hence")) {
      sign = 1;
      deictic = true;
    } else if (anyWord(k, {"later", "after", "afterwards", "from"})) {
      sign = 1;
    } else if (anyWord(k, {"earlier", "before", "prior"})) {
      sign = -1;
    } else {
      return std::nullopt;
    }
    const bool link = anyWord(k, {"after", "before", "from", "prior"});
    ++k;
    if (word(k - 1, "prior")) {
      if (!word(k, "to")) return std::nullopt;
      ++k;
    }
    if (deictic) {
      DateExpression e = relative(i, k, DateKind::Deictic, ref_, Basis::Reference);
      if (ref_) e.value = DateInterval::day(addUnits(*ref_, unit->unit, sign * count));
      return Candidate{k, e};
    }
    if (link) {
      // "... from now", "... after tomorrow", "... before 14 March 2017"
      if (word(k, "now") || word(k, "today")) {
        DateExpression e = relative(i, k + 1, DateKind::Deictic, ref_, Basis::Reference);
        if (ref_) e.value = DateInterval::day(addUnits(*ref_, unit->unit, sign * count));
        return Candidate{k + 1, e};
      }
      std::optional<Candidate> inner = simpleDay(k);
      if (!inner) inner = holiday(k);
      if (!inner) inner = weekdayRelative(k);
      if (!inner) inner = calendarCandidate(k);
      if (inner && inner->expr.value && inner->expr.value->precision == Precision::Day) {
        DateExpression e = inner->expr;
        e.range = span(i, inner->end);
        e.anchor = inner->expr.value;
        const CivilDate from = firstDay(*inner->expr.value);
        e.value = DateInterval::day(addUnits(from, unit->unit, sign * count));
        e.written.reset();
        e.weekday.reset();
        return Candidate{inner->end, e};
      }
      if (word(k - 1, "from")) return std::nullopt;  // "two days from" needs its anchor
    }
    auto [basisDate, basis] = previous(sign > 0);
    DateExpression e = relative(i, k, DateKind::Anaphoric, basisDate, basis);
    if (basisDate) e.value = DateInterval::day(addUnits(*basisDate, unit->unit, sign * count));
    return Candidate{k, e};
  }

  // "in 5 days", "within two weeks", "in a couple of days".
  std::optional<Candidate> inUnits(std::size_t i) const {
    if (!anyWord(i, {"in", "within"})) return std::nullopt;
    const auto quantity = quantityAt(i + 1);
    if (!quantity) return std::nullopt;
    const auto unit = unitAt(quantity->next);
    if (!unit) return std::nullopt;
    // "in two days' time"
    std::size_t end = unit->next;
    if (punct(end, '\'') && word(end + 1, "time")) end += 2;
    DateExpression e = relative(i, end, DateKind::Deictic, ref_, Basis::Reference);
    if (ref_) e.value = DateInterval::day(addUnits(*ref_, unit->unit, quantity->value));
    return Candidate{end, e};
  }

  // "next Monday", "last Friday", "this Saturday", "Friday of next week", "Tuesday, next week",
  // "last week's Sunday", "sunday from last week".
  std::optional<Candidate> weekdayRelative(std::size_t i) const {
    // "last week's sunday"
    if (anyWord(i, {"last", "next", "this"}) && word(i + 1, "week") && punct(i + 2, '\'') && word(i + 3, "s")) {
      const int offset = word(i, "last") ? -1 : word(i, "next") ? 1 : 0;
      if (auto wd = weekdayAt(i + 4)) return weekdayInWeek(i, wd->next, static_cast<unsigned>(wd->value), offset);
    }
    std::size_t j = i;
    int mode = 2;  // 2 = no modifier
    if (word(j, "this") || word(j, "coming")) mode = 0;
    else if (word(j, "next")) mode = 1;
    else if (word(j, "last") || word(j, "past") || word(j, "previous")) mode = -1;
    if (mode != 2) ++j;
    const auto wd = weekdayAt(j);
    if (!wd) {
      // lower-case ambiguous weekday after a modifier: "last sat"
      if (mode == 2 || !has(j) || t_[j].weekday == 0 || t_[j].plural) return std::nullopt;
    }
    const unsigned day = wd ? static_cast<unsigned>(wd->value) : t_[j].weekday - 1;
    const std::size_t afterDay = wd ? wd->next : j + 1;
    // "<weekday> [of|from] [the] (this|next|last|following) week"
    if (mode == 2) {
      std::size_t k = afterDay;
      if (punct(k, ',')) ++k;
      if (anyWord(k, {"of", "from"})) ++k;
      k = skip(k, "the");
      int offset = 2;
      if (anyWord(k, {"this", "current"})) offset = 0;
      else if (anyWord(k, {"next", "following", "coming"})) offset = 1;
      else if (anyWord(k, {"last", "previous", "past"})) offset = -1;
      if (offset != 2 && word(k + 1, "week")) return weekdayInWeek(i, k + 2, day, offset);
      // "friday after next"
      if (word(afterDay, "after") && word(afterDay + 1, "next")) return weekdayInWeek(i, afterDay + 2, day, 1);
      return std::nullopt;
    }
    if (mode == 1) return weekdayInWeek(i, afterDay, day, 1);
    if (mode == -1) return weekdayInWeek(i, afterDay, day, -1);
    // "this Saturday": the next one on or after the reference date.
    DateExpression e = relative(i, afterDay, DateKind::Deictic, ref_, Basis::Reference);
    e.weekday = day;
    e.weekdayRange = span(j, afterDay);
    if (ref_) {
      const int64_t r = base::daysFromCivil(*ref_);
      const int64_t delta = (static_cast<int64_t>(day) - base::weekday(*ref_) + kDaysPerWeek) % kDaysPerWeek;
      e.value = DateInterval{r + delta, r + delta, Precision::Day};
    }
    return Candidate{afterDay, e};
  }

  Candidate weekdayInWeek(std::size_t begin, std::size_t end, unsigned day, int weekOffset) const {
    DateExpression e = relative(begin, end, DateKind::Deictic, ref_, Basis::Reference);
    e.weekday = day;
    if (ref_) {
      const int64_t d = mondayOf(base::daysFromCivil(*ref_)) + int64_t{weekOffset} * kDaysPerWeek + day;
      e.value = DateInterval{d, d, Precision::Day};
    }
    return Candidate{end, e};
  }

  // A month-precision target for "of": "October [2015]", "this month", "next month", "the month".
  struct MonthTarget {
    DateInterval interval;
    std::size_t end = 0;
    bool deictic = false;
  };
  [[nodiscard]] std::optional<MonthTarget> monthTarget(std::size_t i) const {
    if (auto my = monthYear(i)) return MonthTarget{DateInterval::month(*my->year, *my->month), my->end, false};
    if (auto m = monthAt(i, true)) {
      const auto month = static_cast<unsigned>(m->value);
      if (textYear_) return MonthTarget{DateInterval::month(*textYear_, month), m->next, false};
      if (!ref_) return std::nullopt;
      return MonthTarget{placeMonth(month, *ref_, options_.direction), m->next, false};
    }
    std::size_t j = skip(i, "the");
    int offset = 2;
    if (anyWord(j, {"this", "current"})) offset = 0;
    else if (anyWord(j, {"next", "following", "coming"})) offset = 1;
    else if (anyWord(j, {"last", "previous", "past"})) offset = -1;
    else if (j != i && word(j, "month")) {  // "the month"
      offset = 0;
      --j;
    }
    if (offset == 2 || !word(j + 1, "month") || !ref_) return std::nullopt;
    return MonthTarget{unitInterval(*ref_, TimeUnit::Month, offset), j + 2, true};
  }

  // "first Tuesday of October", "last Friday in October", "the 5th last day of May", "third day
  // of October", "20 of next month", "20th day of the current month".
  std::optional<Candidate> dayOfMonth(std::size_t i) const {
    std::size_t j = skip(i, "the");
    int nth = 0;
    bool fromEnd = false;
    if (word(j, "last")) {
      fromEnd = true;
      nth = 1;
      ++j;
    } else if (has(j) && (t_[j].ordinalWord != 0 || (t_[j].type == TokenType::Number && t_[j].digits <= 2))) {
      nth = t_[j].ordinalWord != 0 ? static_cast<int>(t_[j].ordinalWord) : static_cast<int>(t_[j].number);
      ++j;
      if (word(j, "last")) {
        fromEnd = true;
        ++j;
      }
    } else {
      return std::nullopt;
    }
    std::optional<unsigned> wd;
    if (auto w = weekdayAt(j)) {
      wd = static_cast<unsigned>(w->value);
      j = w->next;
    } else if (word(j, "day")) {
      ++j;
    } else if (!fromEnd && t_[j - 1].type == TokenType::Number && anyWord(j, {"of"})) {
      // "20 of next month" (day number) - only with a relative month target.
    } else {
      return std::nullopt;
    }
    if (!anyWord(j, {"of", "in"})) return std::nullopt;
    const auto target = monthTarget(j + 1);
    if (!target) return std::nullopt;
    // A plain "20 of May" is dayMonth's; here only relative months or weekday/"day" forms.
    if (!wd && !word(j - 1, "day") && !target->deictic) return std::nullopt;
    const CivilDate first = firstDay(target->interval);
    const unsigned length = base::daysInMonth(first.year, first.month);
    DateExpression e;
    e.range = span(i, target->end);
    e.kind = target->deictic ? DateKind::Deictic : DateKind::Absolute;
    if (target->deictic && ref_) {
      e.basis = Basis::Reference;
      e.anchor = DateInterval::day(*ref_);
    }
    int64_t day = 0;
    if (wd) {
      if (fromEnd) {
        const int64_t last = target->interval.last;
        const int64_t back = (static_cast<int64_t>(base::weekday(base::civilFromDays(last))) - *wd + kDaysPerWeek) % kDaysPerWeek;
        day = last - back - int64_t{nth - 1} * kDaysPerWeek;
      } else {
        const int64_t firstDayNum = target->interval.first;
        const int64_t ahead = (static_cast<int64_t>(*wd) - base::weekday(first) + kDaysPerWeek) % kDaysPerWeek;
        day = firstDayNum + ahead + int64_t{nth - 1} * kDaysPerWeek;
      }
      if (day > target->interval.last || day < target->interval.first) {
        e.problem = Problem::ImpossibleDate;
        return Candidate{target->end, e};
      }
    } else {
      if (nth < 1 || nth > static_cast<int>(length)) {
        e.problem = Problem::ImpossibleDate;
        e.written = CivilDate{first.year, first.month, static_cast<unsigned>(std::max(nth, 0))};
        return Candidate{target->end, e};
      }
      day = fromEnd ? target->interval.last - (nth - 1) : target->interval.first + (nth - 1);
    }
    e.value = DateInterval{day, day, Precision::Day};
    return Candidate{target->end, e};
  }

  // "last November", "next March", "this June", "June of this year", "in June of next year".
  std::optional<Candidate> monthRelative(std::size_t i) const {
    if (!ref_) {
      // Still recognized, unresolved.
      if (anyWord(i, {"last", "next", "this", "coming", "past"}) && monthAt(i + 1, false)) {
        DateExpression e = relative(i, monthAt(i + 1, false)->next, DateKind::Deictic, std::nullopt, Basis::None);
        return Candidate{monthAt(i + 1, false)->next, e};
      }
      return std::nullopt;
    }
    const int refIndex = ref_->year * kMonthsPerYear + static_cast<int>(ref_->month) - 1;
    if (anyWord(i, {"last", "next", "this", "coming", "past"})) {
      const auto m = monthAt(i + 1, false);
      if (!m) return std::nullopt;
      int year = ref_->year;
      const int target = year * kMonthsPerYear + m->value - 1;
      if (word(i, "last") || word(i, "past")) {
        if (target >= refIndex) --year;
      } else if (!word(i, "this")) {
        if (target <= refIndex) ++year;
      }
      DateExpression e = relative(i, m->next, DateKind::Deictic, ref_, Basis::Reference);
      e.value = DateInterval::month(year, static_cast<unsigned>(m->value));
      return Candidate{m->next, e};
    }
    const auto m = monthAt(i, false);
    if (!m) return std::nullopt;
    const int target = ref_->year * kMonthsPerYear + m->value - 1;
    if (word(m->next, "after") && word(m->next + 1, "next")) {  // "March after next"
      DateExpression e = relative(i, m->next + 2, DateKind::Deictic, ref_, Basis::Reference);
      e.value = DateInterval::month(ref_->year + (target <= refIndex ? 2 : 1), static_cast<unsigned>(m->value));
      return Candidate{m->next + 2, e};
    }
    if (word(m->next, "in")) {  // "March in a year", "June in two years"
      if (auto quantity = quantityAt(m->next + 1); quantity && has(quantity->next) && t_[quantity->next].unit == TimeUnit::Year) {
        DateExpression e = relative(i, quantity->next + 1, DateKind::Deictic, ref_, Basis::Reference);
        e.value = DateInterval::month(ref_->year + quantity->value, static_cast<unsigned>(m->value));
        return Candidate{quantity->next + 1, e};
      }
    }
    std::size_t j = skip(m->next, "of");
    int offset = 2;
    if (word(j, "this")) offset = 0;
    else if (word(j, "next")) offset = 1;
    else if (word(j, "last")) offset = -1;
    if (offset == 2 || !word(j + 1, "year")) return std::nullopt;
    DateExpression e = relative(i, j + 2, DateKind::Deictic, ref_, Basis::Reference);
    e.value = DateInterval::month(ref_->year + offset, static_cast<unsigned>(m->value));
    return Candidate{j + 2, e};
  }

  // "early June", "mid-2017", "end of April", "at the beginning of next week", "the end of the
  // year", "EOM".
  // NOLINTNEXTLINE(readability-function-cognitive-complexity): one grammar rule's alternatives, kept together so they read as the rule; FIXME(split) into sub-rules.
  std::optional<Candidate> partOf(std::size_t i) const {
    std::size_t j = i;
    if (word(j, "at")) ++j;
    j = skip(j, "the");
    enum class Part { Early, Mid, Late };
    Part part = Part::Early;
    bool needsOf = false;
    // Acronyms: beginning/end of month/year.
    if (anyWord(j, {"eom", "bom", "eoy", "boy"}) && t_[j].capitalized) {
      const bool end = word(j, "eom") || word(j, "eoy");
      const TimeUnit unit = (word(j, "eom") || word(j, "bom")) ? TimeUnit::Month : TimeUnit::Year;
      if (!ref_) return std::nullopt;
      DateExpression e = relative(i, j + 1, DateKind::Deictic, ref_, Basis::Reference);
      e.value = portion(unitInterval(*ref_, unit, 0), unit, end ? Part::Late : Part::Early);
      return Candidate{j + 1, e};
    }
    if (anyWord(j, {"early", "beginning", "start"})) part = Part::Early;
    else if (anyWord(j, {"mid", "middle"})) part = Part::Mid;
    else if (anyWord(j, {"late", "end"})) part = Part::Late;
    else return std::nullopt;
    needsOf = anyWord(j, {"beginning", "start", "middle", "end"});
    ++j;
    if (punct(j, '-') && glued(j)) ++j;
    if (word(j, "of")) ++j;
    else if (needsOf) return std::nullopt;
    j = skip(skip(j, "the"), "around");
    // Target: a calendar month/year, or this/next/last week/month/year, or bare week/month/year.
    DateExpression e;
    std::size_t end = 0;
    TimeUnit unit = TimeUnit::None;
    DateInterval whole;
    if (auto rel = unitRelative(j); rel && rel->expr.value) {
      e = rel->expr;
      end = rel->end;
      unit = t_[end - 1].unit;
      whole = *rel->expr.value;
    } else if (has(j) && t_[j].unit != TimeUnit::None && !t_[j].plural && t_[j].unit != TimeUnit::Day) {
      if (!ref_) return std::nullopt;
      unit = t_[j].unit;
      end = j + 1;
      e = relative(i, end, DateKind::Deictic, ref_, Basis::Reference);
      whole = unitInterval(*ref_, unit, 0);
    } else if (auto parts = core(j); parts && !parts->day && (parts->month || parts->year || parts->decade)) {
      e = resolveParts(*parts, j);
      if (!e.value) return std::nullopt;
      end = parts->end;
      whole = *e.value;
      unit = parts->month ? TimeUnit::Month : TimeUnit::Year;
      if (parts->decade) unit = TimeUnit::None;
      if (parts->month && !parts->year && ref_) {
        // "beginning of January": Duckling and the calendar agree on the next such month.
      }
    } else {
      return std::nullopt;
    }
    e.range = span(i, end);
    if (unit == TimeUnit::None) {
      // The 1990s: early = 1990-1993, mid = 1994-1996, late = 1997-1999.
      const int first = firstDay(whole).year;
      constexpr int kEarlyYears = 3;
      constexpr int kLateStart = 7;
      const int from = part == Part::Early ? first : part == Part::Mid ? first + kEarlyYears + 1 : first + kLateStart;
      const int to = part == Part::Early ? first + kEarlyYears : part == Part::Mid ? first + kLateStart - 1 : first + 9;  // NOLINT(readability-magic-numbers)
      e.value = DateInterval{DateInterval::year(from).first, DateInterval::year(to).last, Precision::Year};
    } else {
      e.value = portion(whole, unit, part == Part::Early ? Part::Early : part == Part::Mid ? Part::Mid : Part::Late);
    }
    if (e.kind == DateKind::Absolute) e.kind = DateKind::Partial;
    return Candidate{end, e};
  }

  template <typename PartT>
  static DateInterval portion(const DateInterval& whole, TimeUnit unit, PartT part) {
    const CivilDate first = firstDay(whole);
    const auto index = static_cast<int>(part);  // 0 early, 1 mid, 2 late
    switch (unit) {
      case TimeUnit::Week: {
        // Monday-Wednesday, Wednesday-Thursday, Friday-Sunday.
        constexpr std::array<int, 3> kFrom = {0, 2, 4};
        constexpr std::array<int, 3> kTo = {2, 3, 6};
        return {whole.first + kFrom.at(static_cast<std::size_t>(index)), whole.first + kTo.at(static_cast<std::size_t>(index)),
                Precision::Day};
      }
      case TimeUnit::Month: {
        const unsigned length = base::daysInMonth(first.year, first.month);
        const unsigned from = index == 0 ? 1 : index == 1 ? kEarlyLastDay + 1 : kMidLastDay + 1;
        const unsigned to = index == 0 ? kEarlyLastDay : index == 1 ? kMidLastDay : length;
        return {base::daysFromCivil({first.year, first.month, from}), base::daysFromCivil({first.year, first.month, to}),
                Precision::Day};
      }
      case TimeUnit::Quarter:
      case TimeUnit::Year: {
        // January-March, May-August, September-December.
        constexpr std::array<unsigned, 3> kFrom = {1, 5, 9};
        constexpr std::array<unsigned, 3> kTo = {3, 8, 12};
        return monthsInterval({first.year, kFrom.at(static_cast<std::size_t>(index)), 1},
                              {first.year, kTo.at(static_cast<std::size_t>(index)), 1});
      }
      case TimeUnit::Day:
      case TimeUnit::None: break;
    }
    return whole;
  }

  // Durations and anchors: "since 2004", "established in 1997", "for 20 years", "over the last few
  // months", "18 December for 10 days".
  // NOLINTNEXTLINE(readability-function-cognitive-complexity): one grammar rule's alternatives, kept together so they read as the rule; FIXME(split) into sub-rules.
  std::optional<Candidate> duration(std::size_t i) const {
    if (word(i, "since")) {
      auto inner = innerDate(i + 1);
      if (!inner) return std::nullopt;
      DateExpression e;
      e.kind = DateKind::Duration;
      e.cue = Cue::Since;
      e.range = span(i, inner->end);
      e.inner = inner->expr.value;
      e.problem = inner->expr.problem;
      e.basis = inner->expr.basis;
      e.anchor = inner->expr.anchor;
      if (inner->expr.value) {
        e.value = *inner->expr.value;
        if (ref_ && base::daysFromCivil(*ref_) > e.value->last) {
          e.value->last = base::daysFromCivil(*ref_);
          e.anchor = DateInterval::day(*ref_);
          if (e.basis == Basis::None) e.basis = Basis::Reference;
        }
      }
      return Candidate{inner->end, e};
    }
    if (anyWord(i, {"established", "founded", "created", "formed", "set", "launched", "adopted", "signed"})) {
      std::size_t j = i + 1;
      if (word(i, "set")) {
        if (!word(j, "up")) return std::nullopt;
        ++j;
      }
      if (!word(j, "in")) return std::nullopt;
      auto inner = innerDate(j + 1);
      if (!inner || !inner->expr.value || inner->expr.value->precision == Precision::Day) return std::nullopt;
      DateExpression e = inner->expr;
      e.kind = DateKind::Duration;
      e.cue = Cue::Established;
      e.range = span(i, inner->end);
      e.inner = inner->expr.value;
      return Candidate{inner->end, e};
    }
    // "for 20 years", "for 10 days from 18th Dec"
    std::size_t j = i;
    const bool over = anyWord(j, {"over", "during", "in", "for", "within"}) && word(j + 1, "the") &&
                      anyWord(j + 2, {"last", "past", "previous"});
    if (over) {
      auto span2 = unitSpan(j + 1);
      if (!span2) return std::nullopt;
      DateExpression e = span2->expr;
      e.kind = DateKind::Duration;
      e.cue = Cue::Over;
      e.range = span(i, span2->end);
      if (e.value && ref_ && e.value->precision == Precision::Day) e.value->last = base::daysFromCivil(*ref_);
      return Candidate{span2->end, e};
    }
    if (!word(i, "for")) return std::nullopt;
    const auto quantity = quantityAt(i + 1);
    if (!quantity) return std::nullopt;
    const auto unit = unitAt(quantity->next);
    if (!unit || t_[quantity->next].plural != (quantity->value != 1)) {
      if (!unit) return std::nullopt;
    }
    if (word(unit->next, "from")) {
      if (auto inner = calendarCandidate(unit->next + 1); inner && inner->expr.value) {
        DateExpression e = inner->expr;
        e.kind = DateKind::Range;
        e.range = span(i, inner->end);
        const CivilDate from = firstDay(*inner->expr.value);
        e.value = DateInterval{inner->expr.value->first,
                               base::daysFromCivil(addUnits(from, unit->unit, quantity->value)) - 1, Precision::Day};
        return Candidate{inner->end, e};
      }
    }
    DateExpression e = relative(i, unit->next, DateKind::Duration, ref_, Basis::Reference);
    e.cue = Cue::For;
    if (ref_) {
      const CivilDate from = addUnits(*ref_, unit->unit, -quantity->value);
      e.value = DateInterval{base::daysFromCivil(from), base::daysFromCivil(*ref_), Precision::Day};
    }
    return Candidate{unit->next, e};
  }

  // The date inside "since ..." / "established in ...".
  std::optional<Candidate> innerDate(std::size_t i) const {
    std::optional<Candidate> best = calendarCandidate(i);
    auto consider = [&](std::optional<Candidate> c) {
      if (c && (!best || c->end > best->end)) best = c;
    };
    consider(simpleDay(i));
    consider(unitRelative(i));
    consider(monthRelative(i));
    consider(partOf(i));
    consider(weekdayRelative(i));
    return best;
  }

  // "18th Dec for 10 days", "from 18th Dec for 10 days".
  std::optional<Candidate> dateForDays(std::size_t i) const {
    const std::size_t j = skip(i, "from");
    auto inner = calendarCandidate(j);
    if (!inner || !inner->expr.value || inner->expr.value->precision != Precision::Day || !word(inner->end, "for"))
      return std::nullopt;
    const auto quantity = quantityAt(inner->end + 1);
    if (!quantity) return std::nullopt;
    const auto unit = unitAt(quantity->next);
    if (!unit) return std::nullopt;
    DateExpression e = inner->expr;
    e.kind = DateKind::Range;
    e.range = span(i, unit->next);
    const CivilDate from = firstDay(*inner->expr.value);
    e.value = DateInterval{inner->expr.value->first, base::daysFromCivil(addUnits(from, unit->unit, quantity->value)) - 1,
                           Precision::Day};
    return Candidate{unit->next, e};
  }

  // Index of a season word (spring = 0 ... winter = 3), -1 for "season(s)", nullopt otherwise.
  [[nodiscard]] std::optional<int> seasonWord(std::size_t i) const {
    if (word(i, "spring")) return 0;
    if (word(i, "summer")) return 1;
    if (anyWord(i, {"autumn", "fall"})) return 2;
    if (word(i, "winter")) return 3;
    if (anyWord(i, {"season", "seasons"})) return -1;
    return std::nullopt;
  }

  // "this summer", "last season", "next winter", "the summer of 2017", "spring 2016".
  std::optional<Candidate> season(std::size_t i) const {
    std::size_t j = skip(i, "the");
    if (auto which = seasonWord(j); which && *which >= 0) {
      std::size_t k = skip(j + 1, "of");
      if (auto year = yearAt(k)) {
        DateExpression e;
        e.kind = DateKind::Partial;
        e.range = span(i, year->next);
        e.value = seasonInterval(year->value * kSeasons + *which);
        return Candidate{year->next, e};
      }
      return std::nullopt;
    }
    int offset = 2;
    if (anyWord(j, {"this", "current"})) offset = 0;
    else if (anyWord(j, {"last", "past", "previous"})) offset = -1;
    else if (anyWord(j, {"next", "coming", "following"})) offset = 1;
    const auto which = seasonWord(j + 1);
    if (offset == 2 || !which) return std::nullopt;
    DateExpression e = relative(i, j + 2, DateKind::Deictic, ref_, Basis::Reference);
    if (ref_) {
      const int64_t r = base::daysFromCivil(*ref_);
      const int current = seasonKeyAt(r);
      int key = current + offset;
      if (*which >= 0) {
        // The named season: the one containing the reference date or starting in its year ("this"),
        // the last one ended before it ("last"), the first one starting after it ("next").
        const int first = current - ((current % kSeasons) + kSeasons) % kSeasons + *which;
        if (offset == 0) key = seasonInterval(first).last < r ? first + kSeasons : first;
        if (offset < 0) key = seasonInterval(first).last < r ? first : first - kSeasons;
        if (offset > 0) key = seasonInterval(first).first > r ? first : first + kSeasons;
      }
      e.value = seasonInterval(key);
    }
    return Candidate{j + 2, e};
  }

  // "rest of the week" (the reference day to the unit's end), "all week" (the whole unit).
  std::optional<Candidate> restOfUnit(std::size_t i) const {
    std::size_t j = skip(i, "the");
    bool rest = false;
    if (word(j, "rest") && word(j + 1, "of")) {
      rest = true;
      j = j + 2;
      if (anyWord(j, {"the", "this"})) ++j;
    } else if (word(j, "all") && j == i) {
      ++j;
    } else {
      return std::nullopt;
    }
    const auto unit = unitAt(j);
    if (!unit || t_[j].plural || unit->unit == TimeUnit::Day) return std::nullopt;
    DateExpression e = relative(i, unit->next, DateKind::Deictic, ref_, Basis::Reference);
    if (ref_) {
      DateInterval whole = unitInterval(*ref_, unit->unit, 0);
      if (rest) whole.first = base::daysFromCivil(*ref_);
      whole.precision = Precision::Day;
      e.value = whole;
    }
    return Candidate{unit->next, e};
  }

  // "earlier this month" (the unit's start to the day before the reference), "later this year"
  // (the day after the reference to the unit's end): how news copy places what it does not date.
  std::optional<Candidate> earlierLater(std::size_t i) const {
    const bool earlier = word(i, "earlier");
    if (!earlier && !word(i, "later")) return std::nullopt;
    if (!anyWord(i + 1, {"this", "current"})) return std::nullopt;
    const auto unit = unitAt(i + 2);
    if (!unit || t_[i + 2].plural || unit->unit == TimeUnit::Day) return std::nullopt;
    DateExpression e = relative(i, unit->next, DateKind::Deictic, ref_, Basis::Reference);
    if (ref_) {
      const DateInterval whole = unitInterval(*ref_, unit->unit, 0);
      const int64_t r = base::daysFromCivil(*ref_);
      DateInterval part = earlier ? DateInterval{whole.first, r - 1, Precision::Day}
                                  : DateInterval{r + 1, whole.last, Precision::Day};
      if (part.first > part.last) part = whole;  // "earlier this month" on the 1st: the month
      e.value = part;
    }
    return Candidate{unit->next, e};
  }

  // "the ides of March": the 15th of March, May, July and October, the 13th of other months.
  std::optional<Candidate> ides(std::size_t i) const {
    const std::size_t j = skip(i, "the");
    if (!word(j, "ides") || !word(j + 1, "of")) return std::nullopt;
    const auto month = monthAt(j + 2, false);
    if (!month) return std::nullopt;
    constexpr unsigned kLateIdes = 15;
    constexpr unsigned kEarlyIdes = 13;
    const auto m = static_cast<unsigned>(month->value);
    Parts parts;
    parts.month = m;
    parts.day = (m == 3 || m == 5 || m == 7 || m == 10) ? kLateIdes : kEarlyIdes;  // NOLINT(readability-magic-numbers): March, May, July, October
    parts.end = month->next;
    if (auto year = yearAt(skipPunct(month->next, ','))) {
      parts.year = year->value;
      parts.end = year->next;
    }
    return Candidate{parts.end, resolveParts(parts, i)};
  }

  // "the closest Monday to 5 October", "the second closest Mon to October fifth".
  std::optional<Candidate> closestWeekday(std::size_t i) const {
    std::size_t j = skip(i, "the");
    int nth = 1;
    if (has(j) && t_[j].ordinalWord != 0) {
      nth = static_cast<int>(t_[j].ordinalWord);
      ++j;
    }
    if (!word(j, "closest") && !word(j, "nearest")) return std::nullopt;
    const auto wd = has(j + 1) && t_[j + 1].weekday != 0 && !t_[j + 1].plural ? std::optional<unsigned>(t_[j + 1].weekday - 1)
                                                                                 : std::nullopt;
    if (!wd || !word(j + 2, "to")) return std::nullopt;
    auto inner = calendarCandidate(j + 3);
    if (!inner || !inner->expr.value || inner->expr.value->precision != Precision::Day) return std::nullopt;
    const int64_t day = inner->expr.value->first;
    // The matching days by distance, the later first on a tie.
    std::vector<int64_t> matches;
    constexpr int64_t kSpan = 28;
    for (int64_t k = 0; k <= kSpan && static_cast<int>(matches.size()) < nth; ++k) {
      if (base::weekday(base::civilFromDays(day + k)) == *wd) matches.push_back(day + k);
      if (k != 0 && static_cast<int>(matches.size()) < nth && base::weekday(base::civilFromDays(day - k)) == *wd)
        matches.push_back(day - k);
    }
    if (nth < 1 || static_cast<int>(matches.size()) < nth) return std::nullopt;
    DateExpression e = inner->expr;
    e.range = span(i, inner->end);
    e.anchor = inner->expr.value;
    e.value = DateInterval{matches.back(), matches.back(), Precision::Day};
    e.written.reset();
    e.weekday.reset();
    e.floating.reset();
    return Candidate{inner->end, e};
  }

  // "after a year", "after two weeks": counted from the previous date, else the reference date
  // (like "a year later"); "after 14 March" is not this form.
  std::optional<Candidate> afterUnits(std::size_t i) const {
    if (!word(i, "after")) return std::nullopt;
    const auto quantity = quantityAt(i + 1);
    if (!quantity) return std::nullopt;
    const auto unit = unitAt(quantity->next);
    if (!unit) return std::nullopt;
    if (anyWord(unit->next, {"of", "from", "after", "before"})) return std::nullopt;
    auto [basisDate, basis] = previous(true);
    DateExpression e = relative(i, unit->next, DateKind::Anaphoric, basisDate, basis);
    if (basisDate) e.value = DateInterval::day(addUnits(*basisDate, unit->unit, quantity->value));
    return Candidate{unit->next, e};
  }

  // Easter Sunday of `year` (Gregorian; the anonymous computus).
  static CivilDate easterSunday(int year) {
    // NOLINTBEGIN(readability-magic-numbers): the computus' own constants
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = ((h + l - 7 * m + 114) % 31) + 1;
    // NOLINTEND(readability-magic-numbers)
    return {year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
  }

  // "Christmas [Day] [2014]" (25 December), "Easter [Sunday] [2013]": with no year, placed around
  // the reference date like any date without one.
  std::optional<Candidate> holiday(std::size_t i) const {
    const bool christmas = word(i, "christmas");
    if (!christmas && !word(i, "easter")) return std::nullopt;
    std::size_t end = i + 1;
    if (word(end, christmas ? "day" : "sunday")) ++end;
    constexpr unsigned kDecember = 12;
    constexpr unsigned kChristmasDay = 25;
    auto dayIn = [&](int year) { return christmas ? CivilDate{year, kDecember, kChristmasDay} : easterSunday(year); };
    DateExpression e;
    e.kind = DateKind::Absolute;
    if (auto year = yearAt(end)) {
      e.range = span(i, year->next);
      e.value = DateInterval::day(dayIn(year->value));
      return Candidate{year->next, e};
    }
    e.range = span(i, end);
    if (!ref_) {
      e.problem = Problem::NoYear;
      return Candidate{end, e};
    }
    std::vector<int64_t> candidates;
    for (int y = ref_->year - 1; y <= ref_->year + 1; ++y) candidates.push_back(base::daysFromCivil(dayIn(y)));
    const auto day = pick(candidates, base::daysFromCivil(*ref_), options_.direction);
    e.basis = Basis::ContextYear;
    e.anchor = DateInterval::day(*ref_);
    if (day) e.value = DateInterval{*day, *day, Precision::Day};
    return Candidate{end, e};
  }

  // "the third Tuesday after Christmas 2014", "the first Monday after 5 October".
  std::optional<Candidate> nthWeekdayAfter(std::size_t i) const {
    std::size_t j = skip(i, "the");
    if (!has(j) || t_[j].ordinalWord == 0) return std::nullopt;
    const auto nth = static_cast<int64_t>(t_[j].ordinalWord);
    const auto wd = weekdayAt(j + 1);
    if (!wd) return std::nullopt;
    const bool after = word(wd->next, "after");
    if (!after && !word(wd->next, "before")) return std::nullopt;
    std::optional<Candidate> inner = holiday(wd->next + 1);
    if (!inner) inner = calendarCandidate(wd->next + 1);
    if (!inner || !inner->expr.value || inner->expr.value->precision != Precision::Day) return std::nullopt;
    const int64_t from = inner->expr.value->first;
    const auto day = static_cast<int64_t>(wd->value);
    const int64_t fromDay = base::weekday(base::civilFromDays(from));
    int64_t result = 0;
    if (after) {
      const int64_t ahead = (day - fromDay + kDaysPerWeek) % kDaysPerWeek;
      result = from + (ahead == 0 ? kDaysPerWeek : ahead) + (nth - 1) * kDaysPerWeek;
    } else {
      const int64_t back = (fromDay - day + kDaysPerWeek) % kDaysPerWeek;
      result = from - (back == 0 ? kDaysPerWeek : back) - (nth - 1) * kDaysPerWeek;
    }
    DateExpression e = inner->expr;
    e.range = span(i, inner->end);
    e.anchor = inner->expr.value;
    e.value = DateInterval{result, result, Precision::Day};
    e.written.reset();
    e.weekday.reset();
    e.floating.reset();
    return Candidate{inner->end, e};
  }

  // ---- dispatch ----

  std::optional<Candidate> parseAny(std::size_t i) const {
    std::optional<Candidate> best;
    auto consider = [&](std::optional<Candidate> c) {
      if (c && (!best || c->end > best->end)) best = c;
    };
    consider(calendarCandidate(i));
    consider(rangeCandidate(i));
    consider(simpleDay(i));
    consider(unitRelative(i));
    consider(unitSpan(i));
    consider(shifted(i));
    consider(inUnits(i));
    consider(weekdayRelative(i));
    consider(dayOfMonth(i));
    consider(monthRelative(i));
    consider(partOf(i));
    consider(duration(i));
    consider(dateForDays(i));
    consider(season(i));
    consider(restOfUnit(i));
    consider(earlierLater(i));
    consider(ides(i));
    consider(closestWeekday(i));
    consider(afterUnits(i));
    consider(holiday(i));
    consider(nthWeekdayAfter(i));
    return best;
  }

  void remember(const DateExpression& e) {
    if (!e.value || e.kind == DateKind::Duration) return;
    lastDate_ = e.value;
    // A single day or a range of days can anchor "the day before"; months and years cannot.
    if (e.value->precision == Precision::Day) lastDay_ = e.value;
    if (e.kind == DateKind::Absolute || e.kind == DateKind::Partial || e.kind == DateKind::Range) {
      if (e.basis == Basis::None) textYear_ = firstDay(*e.value).year;
    }
  }

  const std::vector<DateToken>& t_;
  DateRecognizerOptions options_;
  std::optional<CivilDate> ref_;
  // The year of the latest explicit date of the current paragraph: "renewed on 14 March" after
  // "signed on 5 April 2010" in the same paragraph is 2010.
  std::optional<int> textYear_;
  std::optional<DateInterval> lastDate_;
  std::optional<DateInterval> lastDay_;
};

}  // namespace

std::vector<DateExpression> DateRecognizer::recognize(std::string_view text,
                                                      std::optional<base::CivilDate> reference) const {
  RecognizerCarry fresh;  // a text read on its own follows nothing
  return recognize(text, reference, fresh);
}

std::vector<DateExpression> DateRecognizer::recognize(std::string_view text, std::optional<base::CivilDate> reference,
                                                      RecognizerCarry& carry) const {
  // One buffer per thread, reused block after block: the tokens were a fresh allocation of about
  // twenty bytes per byte of text on every call. Nothing returned points into them.
  thread_local std::string lowered;
  thread_local std::vector<DateToken> tokens;
  tokenizeDates(text, lowered, tokens);
  Grammar grammar(tokens, options_, reference, carry);
  std::vector<DateExpression> found = grammar.run();
  carry = grammar.carry();
  constexpr size_t kKeptTokens = size_t{1} << 14U;  // a huge paste's buffers are not kept for good
  if (tokens.capacity() > kKeptTokens) {
    tokens = {};
    lowered = {};
  }
  return found;
}

}  // namespace galley::dates

namespace galley::dates {

std::optional<base::DateInterval> placeFloating(const FloatingDate& date, base::CivilDate reference,
                                                Direction direction) {
  if (date.month && date.day) return placeDayMonth(*date.month, *date.day, date.weekday, reference, direction);
  if (date.month) return placeMonth(*date.month, reference, direction);
  if (date.day) return placeDay(*date.day, reference, direction);
  if (date.weekday) return placeWeekday(*date.weekday, reference, direction);
  return std::nullopt;
}

}  // namespace galley::dates
