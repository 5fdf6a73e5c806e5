// ChronologyTenseCheck: the `chronology-tense` kind — tense that contradicts the date it is about.
#pragma once

#include <array>
#include <memory>
#include <string_view>

#include "checks/Check.h"

namespace galley::checks {

// ## What it checks
// The tense of each date's clause is the model's (Annotations::tenseOf(), annotate/Clauses.h; its
// cue words are the lexicon's tense.* and clauses.* lists), and so is the reference date.
// A date in a clause told in the past tense ("was signed", "held", "adopted", "met", "took place",
// "had") that falls after the document's reference date (front matter `date`, else the dateline),
// and a date in a clause about the future ("will", "shall", "is expected to", "is scheduled for",
// "is due to", "plans to", "is to be held", "next", "upcoming", "forthcoming") that falls before it.
// A date belongs to its clause: sentences are cut at ";", an em dash and words that open a clause
// of their own ("and", "but", "which", "that", "while", ...), so "met on 13 March and will meet on
// 8 June" judges each date by its own verb. In the clause, the nearest verb cue before the date
// decides, else the first one after it, else an adjective cue ("the upcoming forum"), else the
// nearest verb cue in an earlier clause of the sentence.
// Not judged: modal and reported plans ("would", "may", "could", "was expected to", "agreed to
// meet on", "preparations for"), dates detached from a past verb by "for", "until", "ending" or
// "by" (deadlines, terms) or from a future verb by "anniversary", "since", "after" or "of" ("will
// implement the decisions of 2 March") or set off in a participial phrase (", covering the period
// up to 31 December,"), dates whose interval contains the reference date, durations ("since
// 2004"), anaphoric dates glossed with an explicit one (the gloss is judged), bare weekdays, deictic
// dates with their own direction ("last year"; "in June of this year" is judged), days or months
// whose year was taken from context, years not introduced by "in", "during" or "throughout"
// (labels: "the 2030 Agenda"). Nothing is checked without front matter `date` or a dateline-shaped
// first date ("VIENNA, 14 March 2017 —"); a first paragraph opening "On 14 June 2011, ..." tells a
// story, not when the release was issued.
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
// `{reference}` (the reference date, "14 March 2017"). A note points at the reference date: the
// front matter's `date`, else the dateline.
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
