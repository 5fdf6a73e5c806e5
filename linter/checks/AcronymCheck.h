// AcronymCheck: the `acronym` kind — an acronym of the fact base defined with an expansion that is
// not one of the entity's names ("UNODC (United Nations Office for Drug Control)").
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checks/Check.h"
#include "facts/FactPack.h"

namespace galley::checks {

// ## What it checks
// Acronyms of the fact base's entities (an alias written in capitals: UNODC, CND), one problem per
// rule, chosen by `problem`:
// - `expansion`: a definition, "<expansion> (<ACRONYM>)" or "<ACRONYM> (<expansion>)", whose
//   expansion is not a name of the entity the acronym belongs to.
// - `undefined`: the acronym is used in the body before the document defines it (the definition
//   comes later) and before the entity's full name; an acronym the document never defines is left
//   alone (whether it needs one is a house decision, not a slip). Titles, headings, table cells and front matter are skipped (a headline
//   may use an acronym the first paragraph defines, a table's labels use short forms); acronyms
//   listed in `known` never need a definition.
// - `twice`: the acronym is defined again with the same expansion (noted at the first definition).
// - `two-ways`: the acronym is defined again with another expansion (noted at the first).
// "<expansion>" is the capitalised run of words before the parenthesis, or the parenthesis' text;
// it counts only with about as many capitals as the acronym has letters. The acronym mentions come
// from the model (Annotations::mentions(pack)), found once per document and pack.
//
// ## Why
// A wrong expansion names a body that does not exist, in the one place the reader looks it up; an
// acronym the reader was never given, or given twice, or two ways, reads as careless.
//
// ## Flagged
//   The United Nations Office for Drug Control (UNODC) opened the session.   (expansion)
//   UNODC staff met the delegation. ... the United Nations Office on Drugs and Crime (UNODC) ...
//                                                                            (undefined)
//   ... Commission on Narcotic Drugs (CND) ... Commission on Narcotic Drugs (CND) ...  (twice)
// ## Accepted
//   The United Nations Office on Drugs and Crime (UNODC) opened the session. UNODC staff ...
//   The UNODC (Vienna) opened the session.   (a parenthesis that is not an expansion)
//   The UN and the WHO met.                  (UN is `known`; WHO is not in the fact base: silence)
//
// ## YAML options
// - `facts`: fact files, relative to the rule file. Default: every facts*.yaml beside the rule file.
// - `problem`: one of expansion, undefined, twice, two-ways. Default: expansion.
// - `known`: acronyms readers know without a definition (for `undefined`). Default: none.
// Message placeholders: `{acronym}`, `{found}` (the expansion or use as written), `{expected}`
// (the entity's name, or the first definition's expansion).
//
// ## Fix safety
// `expansion`: unsafe, replaces the expansion with the entity's canonical name (the writer may have
// meant another body). `undefined`: unsafe, writes "<name> (<ACRONYM>)" at the first use when it
// is not possessive and has no markup (the later definition stays for the writer to remove).
// `twice`, `two-ways`: no fix (which definition to keep is the writer's call).
class AcronymCheck final : public Check {
 public:
  enum class Problem { Expansion, Undefined, Twice, TwoWays };

  static constexpr std::array<std::string_view, 3> kOptions = {"facts", "known", "problem"};
  static constexpr std::array<std::string_view, 3> kPlaceholders = {"acronym", "expected", "found"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  // REQUIRES: validated by create().
  AcronymCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack,
               Problem problem, std::vector<std::string> known);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;

 private:
  struct Use;
  void reportUndefined(const document::Document& document, const Use& use, diag::DiagnosticSink& sink) const;
  void reportExpansion(const document::Document& document, const Use& use, diag::DiagnosticSink& sink) const;
  // `use` defines the acronym again after `earlier`: reported as `twice` or `two-ways`.
  void reportRedefinition(const document::Document& document, const Use& use, const Use& earlier,
                          diag::DiagnosticSink& sink) const;

  std::shared_ptr<const facts::FactPack> pack_;
  Problem problem_;
  std::vector<std::string> known_;  // sorted
};

}  // namespace galley::checks
