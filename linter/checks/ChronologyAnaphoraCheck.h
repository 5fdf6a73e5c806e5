// ChronologyAnaphoraCheck: the `chronology-anaphora` kind — "the day before" glossed with the wrong date.
#pragma once

#include <array>
#include <memory>
#include <string_view>

#include "checks/Check.h"

namespace galley::checks {

// ## What it checks
// An anaphoric date ("the previous day", "two days later") written right next to an explicit
// date that glosses it ("the previous day, 11 March 2017", "a week earlier (7 March)") when the
// two disagree: the anaphoric one, resolved against the date before it in the text (or the
// reference date when none comes before), does not fall within the explicit one. When it was
// counted from an earlier date but the same offset from the reference date matches the gloss ("The
// day before, 13 March 2017" opening a paragraph of a 14 March release), nothing is reported.
//
// ## Why
// Writers add the explicit date to help readers; when it was copied from another draft it
// contradicts the text around it, and one of the two is wrong.
//
// ## Flagged (dateline 14 March 2017)
//   The previous day, 11 March 2017, experts met.
// ## Accepted
//   The previous day, 13 March 2017, experts met.
//
// ## YAML options
// None. Message placeholders: `{found}` (the anaphoric expression), `{explicit}` (the date next
// to it), `{resolved}` (what the anaphoric one works out to, "13 March 2017"). A note points at the
// date it was counted from.
//
// ## Fix safety
// No fix: either date may be the wrong one.
class ChronologyAnaphoraCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 0> kOptions = {};
  static constexpr std::array<std::string_view, 3> kPlaceholders = {"explicit", "found", "resolved"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  ChronologyAnaphoraCheck(const config::RuleConfig& rule, Scope scope);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;
};

}  // namespace galley::checks
