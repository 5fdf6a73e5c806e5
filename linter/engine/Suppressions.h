// Inline suppressions read from a draft's comments: disable/enable regions and next-line directives.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/Range.h"
#include "diag/Diagnostic.h"
#include "document/Document.h"

namespace galley::engine {

// Rule id of the warning given for an unknown rule id inside a suppression comment.
inline constexpr std::string_view kUnknownSuppressionRule = "galley.unknown-rule-in-suppression";

// The suppression directives of one document. Recognised comment texts (Document::comments):
//   galley-disable [RULE...]             from the end of the comment on, until a matching enable
//   galley-enable [RULE...]              ends a region (no ids: ends every region)
//   galley-disable-next-line [RULE...]   only the line after the comment's last line
// No ids means every rule. Ids are separated by spaces or commas; "--" ends them (a reason may
// follow). A comment starting with another "galley-" word (a misspelt directive such as
// "galley-disable-line") gets a kUnknownSuppressionRule warning; other comments (fixture
// expectations, prose) are ignored. `galley-disable` then
// `galley-enable X` re-enables X alone. Immutable after construction.
class Suppressions {
 public:
  // Reads the directives of `document`. Ids not in `knownRuleIds` (REQUIRES: sorted) are ignored
  // and each gets a kUnknownSuppressionRule warning, located at the id, appended to `warnings`.
  Suppressions(const document::Document& document, const std::vector<std::string>& knownRuleIds,
               std::vector<diag::Diagnostic>& warnings);

  // Removes the suppressed diagnostics from `diagnostics`, keeping the order of the rest.
  // kUnknownSuppressionRule warnings are never suppressed.
  void apply(const base::SourceBuffer& source, std::vector<diag::Diagnostic>& diagnostics) const;

  [[nodiscard]] bool empty() const { return directives_.empty(); }

 private:
  enum class Kind { Disable, Enable, DisableNextLine };
  struct Directive {
    Kind kind = Kind::Disable;
    base::Offset at = 0;          // where the directive starts to apply (end of the comment)
    uint32_t targetLine = 0;      // DisableNextLine: the 1-based line it covers
    std::vector<std::string> ids; // empty: every rule
  };

  [[nodiscard]] bool isSuppressed(const diag::Diagnostic& diagnostic, uint32_t line) const;

  std::vector<Directive> directives_;  // in source order
};

}  // namespace galley::engine
