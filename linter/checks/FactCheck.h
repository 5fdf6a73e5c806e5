// FactCheck: the `fact` kind — a date, place, founding year, start year or session ordinal the
// draft states about a known entity contradicts the pack's fact base.
#pragma once

#include <array>
#include <memory>
#include <string_view>

#include "checks/Check.h"
#include "facts/FactPack.h"

namespace galley::checks {

// ## What it checks
// Claims the draft makes about entities of the fact base (rules/<pack>/facts*.yaml): when an
// agreement was signed or an event held ("signed in Bishkek", "(Tashkent, 5 May 2010)", "In May
// 2011 ... was signed"), when an organisation was founded ("created in 1995"), since when a
// relation exists ("since 2004") and which session of a recurring body met at the draft's date
// ("the 59th session of the Commission on Narcotic Drugs" in a March 2017 release).
// It reads the claims from the per-document model (Annotations::claims(pack)): extracted once per
// document and pack however many fact rules read them, each with the cue that tied the value; the
// session ordinal is judged at the model's reference date (none when the draft has no front matter
// `date` or dateline).
//
// ## Why
// A wrong date or place in an official communiqué is the error readers remember; the fact base
// holds the confirmed value and its source.
//
// ## Flagged
//   The Memorandum was signed in Bishkek on 14 June 2011.
// ## Accepted
//   The Memorandum was signed in Astana in June 2011.   (a month agrees with a day inside it)
//   The SCO met the WHO in 1990.                         (nothing known about it: silence)
//
// ## YAML options
// - `facts`: fact files, relative to the rule file. Default: every facts*.yaml beside the rule file.
// - `properties`: which claims to check, of date, place, founded, since, ordinal. Default: all.
// Message placeholders: `{entity}`, `{property}`, `{found}`, `{expected}`.
//
// ## Fix safety
// Unsafe: replaces the stated value with the fact base's (at the draft's precision for dates), as
// the draft may be right and the fact base stale. No fix when the value spans inline markup.
// Each diagnostic carries a note at the fact's line in the YAML with its source's URL.
class FactCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 2> kOptions = {"facts", "properties"};
  static constexpr std::array<std::string_view, 4> kPlaceholders = {"entity", "expected", "found", "property"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  // REQUIRES: validated by create(). `properties` is a bit set over annotate::ClaimKind.
  FactCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack,
            uint32_t properties);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;

 private:
  std::shared_ptr<const facts::FactPack> pack_;
  uint32_t properties_;
};

// Loads the fact files a fact-reading rule names in `facts` (relative to the rule file), else those
// beside the rule file. Appends located errors and returns nullptr when they do not load.
std::shared_ptr<const facts::FactPack> loadRuleFacts(const config::RuleConfig& rule, base::ErrorList& errors);

// A note pointing at a statement in the fact base's YAML, carrying its first source's URL.
diag::Note factNote(const facts::FactBase& facts, const facts::FactLocation& where,
                    const std::vector<facts::SourceIndex>& sources, std::string message);

}  // namespace galley::checks
