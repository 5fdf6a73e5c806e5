// ExistenceCheck: the `existence` kind — flags words or patterns that should not appear at all.
#pragma once

#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include <boost/regex.hpp>

#include "checks/Check.h"
#include "checks/RegexPrefilter.h"

namespace galley::checks {

// ## What it checks
// Every occurrence of a listed token (a word or phrase) or of a regular expression in the rule's scope.
//
// ## Why
// Some words never belong in a communiqué (informal terms, banned abbreviations, placeholders such
// as "TODO" or "XX March"); finding them mechanically is cheaper than proofreading for them.
//
// ## Flagged (with `tokens: [TBC]`)
//   The meeting will take place in TBC.
// ## Accepted
//   The meeting will take place in Vienna.   ("TBCs" or "TBC-list" would not match either: whole words only)
//
// ## YAML options
// - `tokens`: a word/phrase or a list of them, matched as whole words (a hyphenated compound is one
//   word; spaces match any whitespace). Default: none.
// - `pattern` / `patterns`: one regular expression / a list of them (Perl syntax), used as written,
//   with no implicit word boundaries. Default: none. At least one of the three keys is required.
// - `ignorecase`: match case-insensitively. Default: true.
// - `in-names`: also match inside names: capitalised multi-word names such as "Forum for Security
//   Co-operation" (annotate/NameSpans.h), which are otherwise left as their owners write them.
//   Default: false.
// Typographic variants compare equal to their plain forms (base/Typography.h): a non-breaking
// hyphen, a soft hyphen, a no-break space, a curly apostrophe or a dash matches as "-", " ", "'".
// Message placeholders: `{found}` (the text matched).
//
// ## Fix safety
// No fix: what to write instead is not known.
class ExistenceCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 5> kOptions = {"ignorecase", "in-names", "pattern", "patterns", "tokens"};
  static constexpr std::array<std::string_view, 1> kPlaceholders = {"found"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  // REQUIRES: validated by create(); `regexes` are the tokens' alternation and the patterns.
  ExistenceCheck(const config::RuleConfig& rule, Scope scope, std::vector<PrefilteredRegex> regexes, bool inNames);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;
  void enrolLiterals(LiteralBank& bank) override;
  // Each block's findings come from its own prose alone.
  [[nodiscard]] Locality locality() const override { return Locality::Block; }

 private:
  std::vector<PrefilteredRegex> regexes_;  // the tokens as one alternation, then each pattern
  bool inNames_ = false;
};

}  // namespace galley::checks
