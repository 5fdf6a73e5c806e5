// DateValidityCheck: the `date-validity` kind — dates that cannot be right whatever the facts.
#pragma once

#include <array>
#include <memory>
#include <string_view>

#include "checks/Check.h"

namespace galley::checks {

// ## What it checks
// Date expressions found by the date engine that are wrong on their face: a day that does not
// exist ("31 June 2017", "29 February 2019"), a weekday written next to a date that falls on
// another day ("Friday, 16 March 2017", "16 March 2017 (Friday)", "on Friday 16 March"), and a
// range whose start is after its end ("17-13 March 2017").
//
// ## Why
// Readers and translators copy dates as printed; a wrong weekday or an impossible day makes every
// other date in the release doubtful, and neither is caught by a spell checker.
//
// ## Flagged
//   The session closed on Friday, 16 March 2017.
// ## Accepted
//   The session closed on Thursday, 16 March 2017.
//
// ## YAML options
// - `problems`: which problems to report, any of `impossible-date`, `weekday-mismatch`,
//   `reversed-range`. Default: all three.
// Message placeholders: `{found}` (the expression as written), `{reason}` (what is wrong, e.g.
// "16 March 2017 is a Thursday"), `{expected}` (the right weekday, for weekday mismatches).
//
// ## Fix safety
// A weekday mismatch gets an unsafe fix replacing the weekday with the date's real one: the date
// may be the wrong part. Impossible dates and reversed ranges get no fix.
class DateValidityCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 1> kOptions = {"problems"};
  static constexpr std::array<std::string_view, 3> kPlaceholders = {"expected", "found", "reason"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  DateValidityCheck(const config::RuleConfig& rule, Scope scope, bool impossible, bool weekday, bool reversed);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;

 private:
  bool impossible_;
  bool weekday_;
  bool reversed_;
};

}  // namespace galley::checks
