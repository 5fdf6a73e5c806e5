// ChronologyOrderCheck: the `chronology-order` kind — steps said to follow one another, dated backwards.
#pragma once

#include <array>
#include <memory>
#include <string_view>
#include <utility>

#include "checks/Check.h"

namespace galley::checks {

// ## What it checks
// Two dated steps said to follow one another whose dates run backwards. Within one sentence:
// "X, followed by Y", "first X, then Y", "X; subsequently Y", "After X, Y", "Y, after X" (also
// with "following" for "after"; Y must
// not end before X starts) and "Before Y, X", "X, before Y" (likewise). Across the sentences of a
// paragraph: a sentence opening with "Subsequently", "Later", "Afterwards", "Thereafter", "Then",
// "Finally" or "Most recently" whose first stated date ends before the previous dated sentence's
// first date starts ("On 10 June ... Subsequently, on 4 June ..."); "Earlier" and "Previously" the
// other way round, when the date follows the adverb directly ("Subsequently, on 4 June", "Later that
// week, on 4 June"). "the then minister", "since then" and cues inside a date ("the day after")
// order nothing; durations, relative dates and dates naming a document ("the report of 13 March",
// "the 2018 budget") are not steps.
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
// None. Message placeholders: `{found}` (the date of the step the text puts second), `{earlier}`
// (the date of the step it should follow), `{cue}` (the word that orders them, lower case). A note
// points at the other date.
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

 private:
  // Reports `steps.second` when it ends before `steps.first` starts, with a note at the first.
  void report(const document::ProseText& prose,
              const std::pair<const annotate::DateMention*, const annotate::DateMention*>& steps, std::string_view cue,
              diag::DiagnosticSink& sink) const;
};

}  // namespace galley::checks
