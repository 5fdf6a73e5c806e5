// RepetitionCheck: the `repetition` kind — a word typed twice ("the the") or a line printed twice.
#pragma once

#include <array>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include <boost/regex.hpp>

#include "checks/Check.h"

namespace galley::checks {

// ## What it checks
// - words: the same word twice in a row, whatever the case and markup between them
//   ("the **the**"), separated by spaces or one line break; never across punctuation, so never
//   across a sentence end.
// - lines: a source line of a title, heading or paragraph whose words (case and spacing aside)
//   equal an earlier line's, such as a headline printed twice, even when the parser joined both
//   lines into one paragraph; also a title or heading line that is one text written twice in a
//   row. List items, table cells and front matter are not compared (they repeat by design).
//
// ## Why
// Both are copy-and-paste slips that spell-checkers miss and readers notice at once.
//
// ## Flagged
//   The delegation met the the Director.          (words)
//   Heads of agencies meet in Vienna               (lines: the second of two identical lines)
//   Heads of agencies meet in Vienna
// ## Accepted
//   He said that that plan was sound.   (when "that" is listed in `exceptions`)
//   Vienna. Vienna hosted ...            (punctuation between the words)
//
// ## YAML options
// - `words`: look for repeated words. Default: true.
// - `lines`: look for repeated lines. Default: true.
// - `exceptions`: words that may legitimately repeat ("that", "had"), compared case-insensitively.
//   Default: none.
// - `minwords`: lines with fewer words are not compared. Default: 2.
// Message placeholders: `{found}` (the repeated word or line), `{what}` ("word" or "line").
//
// ## Fix safety
// words: safe, deleting the second word and the space before it when those bytes are plain text
// in the source; else deleting the first word and its space when both words are written alike;
// otherwise no fix. lines: no fix (which copy to keep, and what else to tidy, needs a person).
class RepetitionCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 4> kOptions = {"exceptions", "lines", "minwords", "words"};
  static constexpr std::array<std::string_view, 2> kPlaceholders = {"found", "what"};

  struct Options {
    bool words = true;
    bool lines = true;
    std::set<std::string, std::less<>> exceptions;  // lower case
    unsigned minWords = 2;
  };

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  // REQUIRES: validated by create().
  RepetitionCheck(const config::RuleConfig& rule, Scope scope, Options options);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;
  // A word repeated is found within a block; a line printed twice is compared across blocks.
  [[nodiscard]] Locality locality() const override { return options_.lines ? Locality::Document : Locality::Block; }

 private:
  void runWords(const document::Document& document, annotate::Annotations& annotations,
                diag::DiagnosticSink& sink) const;
  void runLines(const document::Document& document, diag::DiagnosticSink& sink) const;

  Options options_;
  boost::regex repeatedWord_;
};

}  // namespace galley::checks
