// ChronologyTenseCheck: the `chronology-tense` kind — tense that contradicts the date it is about.
#pragma once

#include <array>
#include <memory>
#include <string_view>

#include "checks/Check.h"

namespace galley::checks {

// ## What it checks
// A date in a clause told in the past tense ("was signed", "held", "adopted") that falls after the
// document's reference date, and a date in a clause about the future ("will meet", "is expected
// to", "is scheduled for") that falls before it. The clause's tense is taken from the nearest
// tense cue before the date in its sentence (else the first one after it). Dates whose interval
// contains the reference date ("this year"), durations ("since 2004") and bare weekdays are
// skipped; without a reference date nothing is checked.
//
// ## Why
// A release dated 14 March that says a summit "was held" in June, or "will meet" on 2 March, has
// a wrong date or a wrong verb; readers cannot tell which.
//
// ## Flagged (reference date 14 March 2017)
//   The summit was held in Astana on 9 June 2017.
// ## Accepted
//   The summit will be held in Astana on 9 June 2017.
//
// ## YAML options
// None. Message placeholders: `{found}` (the date as written), `{tense}` ("past" or "future"),
// `{reference}` (the reference date, "14 March 2017"). A note points at the dateline when the
// reference date came from it.
//
// ## Fix safety
// No fix: either the verb or the date may be wrong.
class ChronologyTenseCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 0> kOptions = {};
  static constexpr std::array<std::string_view, 3> kPlaceholders = {"found", "reference", "tense"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  ChronologyTenseCheck(const config::RuleConfig& rule, Scope scope);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;
  [[nodiscard]] AnnotationNeeds needs() const override { return {true}; }
};

}  // namespace galley::checks
