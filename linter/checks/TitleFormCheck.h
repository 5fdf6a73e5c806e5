// TitleFormCheck: the `title-form` kind — a title of office written other than its own
// organisation writes it ("OSCE Secretary-General", "UN Secretary General", "General-Secretary").
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string_view>

#include "checks/Check.h"
#include "facts/FactPack.h"

namespace galley::checks {

// ## What it checks
// Each title of the fact base written in the draft (Annotations::titleForms: the title forms of
// every office and every organisation's `title-forms`, matched in any case and with any spaces,
// hyphens or typographic dashes, or garbled: two words swapped, one word a letter off) against the
// form of the organisation it belongs to. Which organisation: one written before it ("OSCE
// Secretary General", "the WHO's Director-General"), else one after "of" ("Secretary General of
// the CSTO"), else the offices of the person it names ("Secretary-General Rashid Alimov", "Helga
// Schmid, Secretary General"), else the release's own (front matter `organisation:`, when the
// fact base knows it; with none, `default-organisation`). A title tied only to the release is
// judged only when capitalised ("a secretary-general of its own" is prose).
//
// ## Why
// House style belongs to the organisation: the UN and the SCO write "Secretary-General", the OSCE,
// NATO and the CSTO "Secretary General", the WHO "Director-General". One rule for every title
// would flag another organisation's correct title, or miss a garbled one.
//
// ## Flagged
//   NATO Secretary-General Mark Rutte spoke.           (NATO writes "Secretary General")
//   The Secretary General of the SCO arrived.          (the SCO writes "Secretary-General")
//   SCO General-Secretary Rashid Alimov; UN Secretary-Generall  (garbled)
// ## Accepted
//   OSCE Secretary General Feridun Sinirlioğlu and UN Secretary‑General (U+2011) António Guterres.
//   The Secretary General of the Ministry attended.    (an organisation the fact base does not know)
//   Every ministry has a secretary-general of its own. (lower case, tied to nothing)
//
// ## YAML options
// - `facts`: fact files, relative to the rule file. Default: every facts*.yaml beside the rule file.
// - `default-organisation`: the organisation (id or name in the fact base) whose forms judge a title
//   tied to nothing in a release whose front matter names no organisation. Default: none (silent).
// Message placeholders: `{found}` (as written), `{expected}` (the organisation's form),
// `{organisation}` (the organisation's name).
//
// ## Fix safety
// Safe when only case, spaces or dashes differ and the title has no markup inside; unsafe for a
// garbled title (swapped or misspelt words), which a writer should look at.
class TitleFormCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 2> kOptions = {"default-organisation", "facts"};
  static constexpr std::array<std::string_view, 3> kPlaceholders = {"expected", "found", "organisation"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  // REQUIRES: validated by create(); `fallback` is an organisation of `pack`'s fact base.
  TitleFormCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack,
                 std::optional<facts::EntityIndex> fallback);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;

 private:
  std::shared_ptr<const facts::FactPack> pack_;
  std::optional<facts::EntityIndex> fallback_;
};

}  // namespace galley::checks
