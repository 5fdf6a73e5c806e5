// TitleCheck: the `title` kind — a title of office written next to a person who does not hold
// that office, or did not hold it at the draft's reference date.
#pragma once

#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include <boost/regex.hpp>

#include "checks/Check.h"
#include "facts/FactPack.h"

namespace galley::checks {

// ## What it checks
// With `problem: holder` (the default): person-title pairs ("SCO Secretary-General Rashid Alimov", "Rashid Alimov, SCO
// Secretary-General", "Secretary-General Alimov", "UN Under-Secretary-General and UNODC Executive
// Director Yury Fedotov") against the offices people hold in the fact base: the person never held
// any office with that title (and organisation, when written), or held it but not at the draft's
// reference date (Annotations::reference(): front matter `date`, else a dateline; a first
// paragraph telling a story gives none, and then terms are not judged). The pairs come from the
// model (Annotations::mentions(pack)), found once per document and pack. A title after a modifier of
// the lexicon's titles.modifiers ("former", "acting", "the then") is not judged at the draft's date.
// A title in a sentence opening with a date ("In May 2013, SCO Secretary-General ...") is judged at
// that date (TitleMention::judgedAt); one in a sentence holding another explicit date ("... signed
// on 14 June 2011") is not judged for its term at all, since either date may be meant.
// With `problem: form`: a known title written next to a person or an organisation in a form other
// than the office's canonical one, in case or dashes ("UNODC executive director", "SCO
// secretary-general Rashid Alimov"). Forms matching an `ignore` pattern are left to the rule that
// fixes them, so nothing is reported twice. (The bundled packs judge forms with the `title-form`
// kind, which knows each organisation's own forms and garbled ones.)
//
// ## Why
// Giving someone the wrong title, or a title they have left, misstates who speaks for whom.
//
// ## Flagged
//   SCO Secretary-General Yury Fedotov opened the meeting.
//   UNODC Executive Director Yury Fedotov spoke.            (in a release dated June 2020)
//   In 2019, SCO Secretary-General Rashid Alimov spoke.     (his term ended in 2018)
// ## Accepted
//   SCO Secretary-General Rashid Alimov opened the meeting.  (in a 2017 release)
//   SCO secretary-general Rashid Alimov opened the meeting.  (form)
//   Former Executive Director Yury Fedotov ...               (a person or office the fact base does not
//                                                            know about, or a term with unknown bounds: silence)
//
// ## YAML options
// - `facts`: fact files, relative to the rule file. Default: every facts*.yaml beside the rule file.
// - `problem`: `holder` or `form`. Default: holder.
// - `period`: (holder) also check that the office was held at the reference date. Default: true.
// - `ignore`: (form) regexes; a title whose words fully match one is not reported. Default: none.
// Message placeholders: `{person}` (empty for a title without a person), `{title}` (as written),
// `{expected}` (holder: what the fact base says instead; form: the canonical form).
//
// ## Fix safety
// holder: no fix, whether the title or the name is wrong is for the writer to decide. A note
// points at the person's terms (or the office's holder at that date) in the fact base, with the
// source's URL. form: safe, writes the canonical form (the same title, matched case- and
// dash-insensitively), when the title has no markup inside.
class TitleCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 4> kOptions = {"facts", "ignore", "period", "problem"};
  static constexpr std::array<std::string_view, 3> kPlaceholders = {"expected", "person", "title"};

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  // REQUIRES: validated by create().
  TitleCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack, bool period);
  // A `problem: form` check; `ignore` holds the compiled `ignore` patterns.
  TitleCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack,
             std::vector<boost::regex> ignore);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;

 private:
  void runForm(const document::Document& document, const annotate::MentionSet& mentions,
               diag::DiagnosticSink& sink) const;

  std::shared_ptr<const facts::FactPack> pack_;
  bool period_ = true;
  bool form_ = false;
  std::vector<boost::regex> ignore_;
};

}  // namespace galley::checks
