// DateFormatCheck: the `date-format` kind — full dates written in the house form.
#pragma once

#include <array>
#include <memory>
#include <string_view>

#include "checks/Check.h"

namespace galley::checks {

// ## What it checks
// A full date (day, month and year) written in another form than the house one, `14 March 2017`
// (UN style: day first, month in full, no ordinal suffix, no comma): "March 14, 2017",
// "14th March 2017", "14 Mar. 2017", "2017-03-14", "14/03/2017". Dates with a weekday, ranges,
// dates without a year and impossible dates are left to other rules.
//
// ## Why
// One form throughout is part of the house style; mixed forms also make dates easy to misread
// ("03/04/2017").
//
// ## Flagged
//   The memorandum was signed on June 14, 2011.
// ## Accepted
//   The memorandum was signed on 14 June 2011.
//
// ## YAML options
// None. Message placeholders: `{found}` (as written), `{expected}` (the house form). Ship the rule
// with `enabled: false` outside packs that adopt UN style.
//
// ## Fix safety
// Safe for written-out dates (the same day in the house form) when the date has no markup inside;
// unsafe for numeric ones, whose day/month order is an assumption.
class DateFormatCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 0> kOptions = {};
  static constexpr std::array<std::string_view, 2> kPlaceholders = {"expected", "found"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  DateFormatCheck(const config::RuleConfig& rule, Scope scope);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;
};

}  // namespace galley::checks
