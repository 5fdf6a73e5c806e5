// ConsistencyCheck: the `consistency` kind — one thing written in two forms in the same document.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include <boost/regex.hpp>

#include "checks/Check.h"
#include "checks/RegexPrefilter.h"

namespace galley::checks {

// ## What it checks
// Groups of alternative forms of one thing (organisation/organization, programme/program). Within
// one document the form used first wins; every later use of another form of the same group is
// flagged, with a note pointing at the first use.
//
// ## Why
// Either spelling may be acceptable, but mixing them in one release looks careless and breaks
// searches of the archive. The draft's own first choice is the least surprising one to keep.
//
// ## Flagged (with `either: {organisation: organization}`)
//   The organisation met on Monday. The organization agreed ...   (the second form)
// ## Accepted
//   The organisation met on Monday. The organisation agreed ...
//   (whole words only: a hyphenated compound is one word)
//
// ## YAML options
// - `forms`: list of groups, each a list of two or more alternatives. Each alternative is a regular
//   expression (Perl syntax) matched as a whole word, so inflections can be written in:
//   `organi[s]ations?`. Default: none.
// - `either`: map `form: other form`, each entry a group of two (Vale's shape). Default: none.
//   At least one group in `forms` or `either` is required.
// - `exceptions`: literal phrases whose words do not count as uses, for proper names that keep
//   their own spelling ("World Health Organization"). Default: none.
// - `ignorecase`: match case-insensitively (forms and exceptions). Default: true.
// - `in-names`: also count uses inside names: capitalised multi-word names such as "Forum for
//   Security Co-operation" (annotate/NameSpans.h), which are otherwise left as their owners write
//   them. Default: false.
// Typographic variants compare equal to their plain forms (base/Typography.h): a non-breaking
// hyphen, a soft hyphen, a no-break space, a curly apostrophe or a dash matches as "-", " ", "'".
// Message placeholders: `{found}` (the later form), `{first}` (the text of the first use).
//
// ## Fix safety
// No fix: the right inflection of the winning form is not known.
class ConsistencyCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 5> kOptions = {"either", "exceptions", "forms", "ignorecase", "in-names"};
  static constexpr std::array<std::string_view, 2> kPlaceholders = {"first", "found"};

  // Every form of every group is one capture group of a single regex, so a document is scanned
  // once per rule however many groups it has.
  struct FormRef {
    int captureGroup = 0;  // index of the form's own group in `forms`' marks
    size_t group = 0;
    size_t form = 0;
  };

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  // REQUIRES: validated by create(); `refs` names each form's capture group in `forms`.
  // `exceptions`: one alternation of the exception phrases, if any.
  ConsistencyCheck(const config::RuleConfig& rule, Scope scope, PrefilteredRegex forms, std::vector<FormRef> refs,
                   size_t groupCount, std::optional<PrefilteredRegex> exceptions, bool inNames);

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;
  void enrolLiterals(LiteralBank& bank) override;

 private:
  PrefilteredRegex forms_;
  std::vector<FormRef> refs_;
  size_t groupCount_ = 0;
  std::optional<PrefilteredRegex> exceptions_;
  bool inNames_ = false;
};

}  // namespace galley::checks
