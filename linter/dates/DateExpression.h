// A date expression found in English text, with its normalized value and how it was resolved.
#pragma once

#include <optional>
#include <string_view>

#include "base/Calendar.h"
#include "base/Range.h"

namespace galley::dates {

// What shape of expression was written.
enum class DateKind {
  Absolute,   // "14 March 2017", "2017-03-14", "Tuesday, 14 March 2017"
  Partial,    // "March 2017", "2017", "mid-2017", "the 1990s"
  Range,      // "13-17 March 2017", "between 5 and 7 April", "1960 - 1961"
  Deictic,    // "today", "last November", "next Monday", "in three days" (relative to the reference date)
  Anaphoric,  // "the day before", "two days later" (relative to the previous date in the text)
  Duration,   // "since 2004", "established in 1997", "for 20 years", "over the last few months"
};
std::string_view kindName(DateKind kind);

// What the value was resolved against.
enum class Basis {
  None,          // stated in full: "14 March 2017"
  Reference,     // the document's reference date
  PreviousDate,  // the most recent date before it in the text
  ContextYear,   // a day or month without a year took the year of the previous date or the reference
};
std::string_view basisName(Basis basis);

// Why a date-shaped expression has no value although it was recognized.
enum class Problem {
  None,
  ImpossibleDate,  // "31 June 2017", "29 February 2019"
  ReversedRange,   // "17-13 March 2017": start after end
  NoAnchor,        // deictic or anaphoric with no reference date and no previous date
  NoYear,          // "14 March" with neither a previous year nor a reference date
};
std::string_view problemName(Problem problem);

// What a duration or anchor phrase says about its inner date.
enum class Cue { None, Since, Established, For, Over };

// A date written without its year or week: "16 June" (month and day), "in March" (month),
// "on Tuesday" (weekday), "Friday, 16 June" (all three). Weekday is 0 = Monday ... 6 = Sunday.
struct FloatingDate {
  std::optional<unsigned> month;
  std::optional<unsigned> day;
  std::optional<unsigned> weekday;
};

// One recognized expression. Offsets are 0-based bytes into the text given to the recognizer.
struct DateExpression {
  base::Range range;
  DateKind kind = DateKind::Absolute;
  // The normalized value: a closed interval of days with a precision. nullopt when unresolved or
  // invalid (then `problem` says why).
  std::optional<base::DateInterval> value;
  Problem problem = Problem::None;
  Basis basis = Basis::None;
  // The date the value was resolved against (reference date or previous date), when basis needs one.
  std::optional<base::DateInterval> anchor;
  // The calendar day as written, even when impossible ("31 June 2017" -> 2017-06-31); set for
  // expressions that name a single day with a year known. Lets checks name the bad date.
  std::optional<base::CivilDate> written;
  // A weekday written next to the date ("Friday, 16 March 2017"): 0 = Monday ... 6 = Sunday, and
  // where it was written. The validity check compares it with `written`.
  std::optional<unsigned> weekday;
  base::Range weekdayRange;
  // For Duration: the cue and the explicit date inside ("2004" in "since 2004"), if any.
  Cue cue = Cue::None;
  std::optional<base::DateInterval> inner;
  // Set when the value was placed around the reference date because the text named no year or
  // week ("16 June", "in March", "on Tuesday"): what was written, so that a caller knowing the
  // clause's tense can place it again with placeFloating(). Unset when the year came from the text.
  std::optional<FloatingDate> floating;

  [[nodiscard]] bool resolved() const { return value.has_value(); }
  // True when a written weekday disagrees with the written day.
  [[nodiscard]] bool weekdayMismatch() const;
};

}  // namespace galley::dates
