// SubstitutionCheck: the `substitution` kind — flags a wrong form and offers the right one as a fix.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/regex.hpp>

#include "checks/Check.h"
#include "checks/RegexPrefilter.h"

namespace galley::checks {

// ## What it checks
// Each key of the `swap:` map found in the rule's scope, replaced by its value.
//
// ## Why
// House forms (titles such as "Under-Secretary-General", names of bodies, spellings) have one
// right way to be written; a wrong one is a visible slip in an official text.
//
// ## Flagged (with `swap: {Under-Secretary General: Under-Secretary-General}`)
//   The Under-Secretary General opened the session.
// ## Accepted
//   The Under-Secretary-General opened the session.
//   (a hit whose text already equals its replacement is skipped, and a key never matches inside a
//   longer hyphenated compound)
//
// ## YAML options
// - `swap`: map of found -> expected, at least one entry. Required.
// - `regex`: keys are regular expressions (Perl syntax), still matched as whole words; expected
//   values are literal text. Default: false (keys are literal phrases; spaces match any whitespace).
// - `ignorecase`: match keys case-insensitively. Default: false.
// - `in-names`: also match inside names: capitalised multi-word names such as "Forum for Security
//   Co-operation" or "Ministry of Foreign Affairs" (annotate/NameSpans.h), which are otherwise left
//   as their owners write them. Default: false.
// Typographic variants compare equal to their plain forms (base/Typography.h): a non-breaking
// hyphen, a soft hyphen, a no-break space, a curly apostrophe or a dash matches as "-", " ", "'".
// All keys are searched at once: the leftmost hit wins; at one position the longest literal phrase,
// or for regex keys the first listed.
// Message placeholders: `{found}` (the text matched), `{expected}` (its replacement).
//
// ## Fix safety
// Safe: replaces the matched text by the expected one when the match maps to one contiguous run
// of source bytes. A match that spans markup (`Under-Secretary **General**`) gets no fix.
class SubstitutionCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 4> kOptions = {"ignorecase", "in-names", "regex", "swap"};
  static constexpr std::array<std::string_view, 2> kPlaceholders = {"expected", "found"};

  // Which swap entry a capture group of the compiled regex stands for.
  struct KeyGroup {
    int captureGroup = 0;
    size_t key = 0;
  };

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  // REQUIRES: validated by create().
  SubstitutionCheck(const config::RuleConfig& rule, Scope scope, PrefilteredRegex regex, std::vector<KeyGroup> keys,
                    std::vector<std::string> expected, bool inNames);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;
  void enrolLiterals(LiteralBank& bank) override;
  // Each block's findings come from its own prose alone.
  [[nodiscard]] Locality locality() const override { return Locality::Block; }

 private:
  // Every key, each in its own capture group, as one word-bounded alternation; run only where the
  // keys' required literals occur.
  PrefilteredRegex regex_;
  std::vector<KeyGroup> keys_;
  std::vector<std::string> expected_;  // by swap entry, folded (base::foldTypography)
  std::vector<std::string> written_;   // by swap entry, as the rule writes it (the fix's text)
  bool inNames_ = false;
};

}  // namespace galley::checks
