// SpellingCheck: the `spelling` kind — words that neither the Hunspell dictionary, the fact base's
// names nor the pack's vocabulary know.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checks/Check.h"
#include "annotate/Words.h"
#include "checks/Dictionary.h"
#include "config/Lexicon.h"

namespace galley::checks {

// ## What it checks
// Every word of the prose in scope against a Hunspell dictionary (Debian's hunspell-en-gb or
// hunspell-en-us), extended by every word of every name, alias and title form of the pack's fact
// base and by the pack's vocabulary files. Front matter is read for its `title` only.
//
// ## Why
// A misspelt word in a headline is the first thing a reader sees, and a release cannot be
// recalled once sent.
//
// ## Flagged
//   The delegations agred on a joint statment on 15 Janury 2024.
// ## Accepted
//   Kassym-Jomart Tokayev met UNODC staff at https://www.unodc.org on 5 km of road, `code`, 3rd.
//   Skipped: inline code and code blocks, URLs, e-mail addresses, paths and symbols ("A/RES/71/14"),
//   words with digits ("5km", "G20"), all-capital acronyms ("UNODC"), mixed-case names ("McDonald"),
//   one-letter words, and every word the fact base or the vocabulary knows. A hyphenated word is
//   accepted when the dictionary knows it whole or knows each of its parts. A capitalised word
//   inside a sentence is taken for a name the fact base does not know and skipped; at a sentence's
//   start or in a headline it is reported only when it is one slip from an ordinary word
//   ("Goverments"), not when it looks like a name ("Aktau", "Alimova"). Anywhere, a capitalised
//   word one slip from a month or weekday name is that name misspelt when a day or year stands
//   beside it or a `calendar.cues` word of the lexicon before it ("15 Janury 2024", "on
//   Wendesday"), and no capitalised word follows it ("Sunda Strait", "Frida Kahlo").
//
// ## YAML options
// - `dictionary`: the Hunspell dictionary's name. Default: en_GB.
// - `dictionary-path`: directories (relative to the rule file) searched for <dictionary>.aff and
//   .dic before /usr/share/hunspell and /usr/share/myspell/dicts. Default: none.
// - `vocabulary`: word-list files (relative to the rule file; one word or phrase a line, '#'
//   comments). Default: every vocabulary*.txt beside the rule file.
// - `facts`: fact files, relative to the rule file. Default: every facts*.yaml beside the rule file
//   (none is no error: the dictionary and vocabulary alone are used).
// - `suggestions`: how many of Hunspell's suggestions the message offers. Default: 3.
// Message placeholders: `{found}`, `{expected}` (the first suggestion, or empty), `{suggestions}`
// (" (did you mean 'a', 'b' or 'c'?)", or empty when Hunspell has none).
//
// ## Fix safety
// Unsafe: writes Hunspell's first suggestion, which may not be the word meant.
class SpellingCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 5> kOptions = {"dictionary", "dictionary-path", "facts",
                                                               "suggestions", "vocabulary"};
  static constexpr std::array<std::string_view, 3> kPlaceholders = {"expected", "found", "suggestions"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  // REQUIRES: validated by create().
  SpellingCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const Dictionary> dictionary,
                base::StringSet known, unsigned suggestions);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;
  [[nodiscard]] AnnotationNeeds needs() const override { return {true}; }
  // A block's findings come from its prose and its own sentences.
  [[nodiscard]] Locality locality() const override { return Locality::Block; }

 private:
  // True when `plain` should be reported: not accepted, and (when capitalised) one slip from an
  // ordinary word.
  [[nodiscard]] bool isMisspelt(std::string_view plain, bool capitalised) const;
  // Reports the word at prose `range` of `block` with Hunspell's suggestions; a capitalised word
  // whose first suggestion is not an ordinary word one slip away is left alone.
  void report(const document::Block& block, base::Range range, bool capitalised, diag::DiagnosticSink& sink) const;
  // Reports the word at prose `range` of `block`, offering `suggestions` (the first as an unsafe fix).
  void reportWith(const document::Block& block, base::Range range, const std::vector<std::string>& suggestions,
                  diag::DiagnosticSink& sink) const;
  // The month or weekday name that capitalised word `w` of `words` (in `span` of block prose
  // `text`; `plain` its plain form) misspells, or empty: one slip from the name, beside a day or a
  // year or after a calendar cue ("15 Janury 2024", "on Wendesday"), and not followed by another
  // capitalised word ("Sunda Strait" is a name).
  [[nodiscard]] std::string_view calendarSlipAt(const config::Lexicon& lexicon, std::string_view text,
                                                base::Range span, const std::vector<annotate::Word>& words, size_t w,
                                                std::string_view plain) const;
  // True when `word` (plain form) is spelt right or is not checked.
  [[nodiscard]] bool accepts(std::string_view word) const;

  std::shared_ptr<const Dictionary> dictionary_;
  base::StringSet known_;  // fact-base name words and vocabulary words
  unsigned suggestions_;
};

}  // namespace galley::checks
