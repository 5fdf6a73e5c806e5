// TitleCheck: the `title` kind — a title of office written next to a person who does not hold
// that office, or did not hold it at the draft's reference date.
#pragma once

#include <array>
#include <memory>
#include <string_view>

#include "checks/Check.h"
#include "facts/FactPack.h"

namespace galley::checks {

// ## What it checks
// Person-title pairs ("SCO Secretary-General Rashid Alimov", "Rashid Alimov, SCO
// Secretary-General", "Secretary-General Alimov", "UN Under-Secretary-General and UNODC Executive
// Director Yury Fedotov") against the offices people hold in the fact base: the person never held
// any office with that title (and organisation, when written), or held it but not at the draft's
// reference date (front matter `date`, else the dateline).
//
// ## Why
// Giving someone the wrong title, or a title they have left, misstates who speaks for whom.
//
// ## Flagged
//   SCO Secretary-General Yury Fedotov opened the meeting.
//   UNODC Executive Director Yury Fedotov spoke.            (in a release dated June 2020)
// ## Accepted
//   SCO Secretary-General Rashid Alimov opened the meeting.  (in a 2017 release)
//   Former Executive Director Yury Fedotov ...               (a person or office the fact base does not
//                                                            know about, or a term with unknown bounds: silence)
//
// ## YAML options
// - `facts`: fact files, relative to the rule file. Default: every facts*.yaml beside the rule file.
// - `period`: also check that the office was held at the reference date. Default: true.
// Message placeholders: `{person}`, `{title}`, `{expected}` (what the fact base says instead).
// The spelling of the title itself (hyphens, capitals) is the un-style pack's business.
//
// ## Fix safety
// No fix: whether the title or the name is wrong is for the writer to decide. A note points at the
// person's terms (or the office's holder at that date) in the fact base, with the source's URL.
class TitleCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 2> kOptions = {"facts", "period"};
  static constexpr std::array<std::string_view, 3> kPlaceholders = {"expected", "person", "title"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  // REQUIRES: validated by create().
  TitleCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack, bool period);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;

 private:
  std::shared_ptr<const facts::FactPack> pack_;
  bool period_;
};

}  // namespace galley::checks
