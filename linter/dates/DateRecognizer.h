// Finds English date expressions in running text and normalizes them to intervals.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/Calendar.h"
#include "dates/DateExpression.h"

namespace galley::dates {

// Where a date that names no year (or no week) lies around the reference date: "16 June", "in
// March", "on Tuesday", "the 24th". Written English leaves it to the tense: "will be held on 16
// June" is the next one, "met on Tuesday" the latest past one. A caller that knows the clause's
// tense asks for Next or LatestPast. A weekday written with the day ("Friday, 16 June") picks
// between the latest past and the next occurrence when it fits only one of them, whatever the
// direction: the written weekday is stronger evidence than a guessed tense, and when it fits
// neither the date keeps the direction's year so the mismatch stays visible.
enum class Direction {
  // The first occurrence on or after the reference date; a weekday alone, the first one after
  // the reference day ("Tuesday" written on a Tuesday is a week later: that day itself is
  // "today"). What Duckling does with every such date and chrono with months.
  Next,
  // The last occurrence on or before the reference date (a weekday alone may be the day itself).
  LatestPast,
  // The occurrence nearest the reference date, ties going to the later one: chrono's reading of
  // a day and month; a weekday alone is then within three days either side of the reference.
  Nearest,
};

struct DateRecognizerOptions {
  // Read ambiguous numeric dates ("03/04/2017") month first. A first number over 12 forces
  // day-first and a second over 12 forces month-first whatever this says.
  // Default: false (day first, as UN and SCO offices write).
  bool monthFirst = false;
  // How dates without a year or week are placed around the reference date (see Direction). A
  // year written earlier in the same paragraph ("signed on 5 April 2010; renewed on 14 March")
  // still wins over this; a year from an earlier paragraph never does.
  // Default: Direction::Next, the peers' convention (a caller without tense information gets what
  // date parsers give); the per-document model should pass the clause's direction where it knows
  // it, or re-place each expression's `floating` parts with placeFloating().
  Direction direction = Direction::Next;
};

// Places a floating date (see DateExpression::floating) around `reference` in `direction`: what a
// caller that learns the clause's tense after recognition uses to move "on Tuesday" or "16 June" to
// the right side of the reference date. Returns nullopt when the parts name no date (no field set)
// or the day never exists in that month ("30 February").
std::optional<base::DateInterval> placeFloating(const FloatingDate& date, base::CivilDate reference,
                                                Direction direction);

// Recognizes date expressions (see DateKind) in English prose: absolute, partial, ranges,
// deictic (resolved against the reference date), anaphoric (resolved against the most recent
// date before it in the text, else the reference date) and durations/anchors. Dates without a
// year take it from an earlier explicit date of the same paragraph, else from the reference date in
// the option's Direction. A paragraph ends at a blank line or at a line holding only punctuation
// (the separator callers put between blocks).
//
//   DateRecognizer recognizer;
//   auto found = recognizer.recognize("The memorandum signed on 14 June 2011 ...", std::nullopt);
//   // found[0]: range of "14 June 2011", Absolute, value = the day 2011-06-14.
//
// Expressions are returned in text order and never overlap; at each position the longest reading
// wins. Date-shaped but impossible expressions ("31 June 2017") are returned with no value and
// Problem::ImpossibleDate; relative ones with nothing to resolve against get Problem::NoAnchor.
// Time is linear in the text. Immutable after construction: safe to share between threads.
// What reading one text leaves for the next when a document is read block by block as if it were
// one text: the last date and the last day, which "the same month" and "the day before" refer
// back to across blocks. (A year written in a paragraph is not carried: each block is a new one.)
struct RecognizerCarry {
  std::optional<base::DateInterval> lastDate;
  std::optional<base::DateInterval> lastDay;
  friend bool operator==(const RecognizerCarry&, const RecognizerCarry&) = default;
};

class DateRecognizer {
 public:
  explicit DateRecognizer(DateRecognizerOptions options = {}) : options_(options) {}

  [[nodiscard]] std::vector<DateExpression> recognize(std::string_view text,
                                                      std::optional<base::CivilDate> reference) const;
  // The same, `text` read as following what left `carry`, which is then updated for the next.
  [[nodiscard]] std::vector<DateExpression> recognize(std::string_view text, std::optional<base::CivilDate> reference,
                                                      RecognizerCarry& carry) const;

 private:
  DateRecognizerOptions options_;
};

}  // namespace galley::dates
