// Finds English date expressions in running text and normalizes them to intervals.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/Calendar.h"
#include "dates/DateExpression.h"

namespace galley::dates {

struct DateRecognizerOptions {
  // Read ambiguous numeric dates ("03/04/2017") month first. A first number over 12 forces
  // day-first and a second over 12 forces month-first whatever this says.
  // Default: false (day first, as UN and SCO offices write).
  bool monthFirst = false;
};

// Recognizes date expressions (see DateKind) in English prose: absolute, partial, ranges,
// deictic (resolved against the reference date), anaphoric (resolved against the most recent
// date before it in the text, else the reference date) and durations/anchors.
//
//   DateRecognizer recognizer;
//   auto found = recognizer.recognize("The memorandum signed on 14 June 2011 ...", std::nullopt);
//   // found[0]: range of "14 June 2011", Absolute, value = the day 2011-06-14.
//
// Expressions are returned in text order and never overlap; at each position the longest reading
// wins. Date-shaped but impossible expressions ("31 June 2017") are returned with no value and
// Problem::ImpossibleDate; relative ones with nothing to resolve against get Problem::NoAnchor.
// Time is linear in the text. Immutable after construction: safe to share between threads.
class DateRecognizer {
 public:
  explicit DateRecognizer(DateRecognizerOptions options = {}) : options_(options) {}

  [[nodiscard]] std::vector<DateExpression> recognize(std::string_view text,
                                                      std::optional<base::CivilDate> reference) const;

 private:
  DateRecognizerOptions options_;
};

}  // namespace galley::dates
