// AcronymCheck: the `acronym` kind — an acronym of the fact base defined with an expansion that is
// not one of the entity's names ("UNODC (United Nations Office for Drug Control)").
#pragma once

#include <array>
#include <memory>
#include <string_view>

#include "checks/Check.h"
#include "facts/FactPack.h"

namespace galley::checks {

// ## What it checks
// Definitions of a known acronym in either order, "<expansion> (<ACRONYM>)" and "<ACRONYM>
// (<expansion>)", whose expansion is not a name of the entity the acronym belongs to.
//
// ## Why
// A wrong expansion names a body that does not exist, in the one place the reader looks it up.
//
// ## Flagged
//   The United Nations Office for Drug Control (UNODC) opened the session.
//   UNODC (United Nations Office for Drug Control) opened the session.
// ## Accepted
//   The United Nations Office on Drugs and Crime (UNODC) opened the session.
//   The UNODC (Vienna) opened the session.   (a parenthesis that is not an expansion)
//
// ## YAML options
// - `facts`: fact files, relative to the rule file. Default: every facts*.yaml beside the rule file.
// Message placeholders: `{acronym}`, `{found}`, `{expected}`.
//
// ## Fix safety
// Unsafe: replaces the expansion with the entity's canonical name (the writer may have meant
// another body).
// FIXME(time): acronyms used before their definition, defined twice or two ways are not checked yet.
class AcronymCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 1> kOptions = {"facts"};
  static constexpr std::array<std::string_view, 3> kPlaceholders = {"acronym", "expected", "found"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  // REQUIRES: validated by create().
  AcronymCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;

 private:
  std::shared_ptr<const facts::FactPack> pack_;
};

}  // namespace galley::checks
