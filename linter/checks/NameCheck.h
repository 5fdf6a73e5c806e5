// NameCheck: the `name` kind — a person of the fact base written with a variant of their given
// name ("Yuri Fedotov" for "Yury Fedotov"); the fact base's form wins.
#pragma once

#include <array>
#include <memory>
#include <string_view>

#include "checks/Check.h"
#include "facts/FactPack.h"

namespace galley::checks {

// ## What it checks
// A word written right before a person's surname (an alias of the fact base) that is close to,
// but not, the person's given name: a transliteration variant or a typo ("Yuri Fedotov",
// "Rashed Alimov"). The person mentions come from the model (Annotations::mentions(pack)).
//
// ## Why
// One person written two ways reads as two people, and a misspelt name is a discourtesy.
//
// ## Flagged
//   Yuri Fedotov welcomed the delegation.
// ## Accepted
//   Yury Fedotov welcomed the delegation. Mr Fedotov and Director Fedotov agreed.  (not a given name)
//
// ## YAML options
// - `facts`: fact files, relative to the rule file. Default: every facts*.yaml beside the rule file.
// Message placeholders: `{found}`, `{expected}`.
//
// ## Fix safety
// Safe: writes the fact base's canonical name, when the name has no markup inside.
class NameCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 1> kOptions = {"facts"};
  static constexpr std::array<std::string_view, 2> kPlaceholders = {"expected", "found"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  // REQUIRES: validated by create().
  NameCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;

 private:
  std::shared_ptr<const facts::FactPack> pack_;
};

}  // namespace galley::checks
