// ChronologyOrderCheck: the `chronology-order` kind — steps said to follow one another, dated backwards.
#pragma once

#include <array>
#include <memory>
#include <string_view>

#include "checks/Check.h"

namespace galley::checks {

// ## What it checks
// Within one sentence, two dated steps joined by a sequence cue whose dates run backwards:
// "X, followed by Y", "first X, then Y", "X; subsequently Y" (Y must not end before X starts),
// "after X, Y" (likewise) and "before X, Y" (Y must not start after X ends).
//
// ## Why
// A sequence with its dates in the wrong order means a date or the order is wrong; both mislead.
//
// ## Flagged
//   The consultations on 15 March 2017 were followed by a briefing on 13 March 2017.
// ## Accepted
//   The consultations on 13 March 2017 were followed by a briefing on 15 March 2017.
//
// ## YAML options
// None. Message placeholders: `{found}` (the later step's date), `{earlier}` (the step it should
// follow), `{cue}` (the word that orders them). A note points at the other date.
//
// ## Fix safety
// No fix.
class ChronologyOrderCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 0> kOptions = {};
  static constexpr std::array<std::string_view, 3> kPlaceholders = {"cue", "earlier", "found"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  ChronologyOrderCheck(const config::RuleConfig& rule, Scope scope);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;
  [[nodiscard]] AnnotationNeeds needs() const override { return {true}; }
};

}  // namespace galley::checks
