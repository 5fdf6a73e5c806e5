// The diagnostic model every check produces and every reporter consumes (after clang tooling).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Range.h"

namespace galley::diag {

enum class Severity { Info, Warning, Error };

// "info", "warning", "error".
std::string_view severityName(Severity severity);
// Parses "info" | "warning" | "error"; nullopt otherwise.
std::optional<Severity> parseSeverity(std::string_view name);

// Replace `range` (bytes of the diagnostic's file) with `text`. Insert: empty range; delete: empty text.
struct Edit {
  base::Range range;
  std::string text;
};

// Safe fixes may be applied without review (`galley fix`); unsafe ones only on request.
enum class Applicability { Safe, Unsafe };

// A fix: sorted, non-overlapping edits, attached only when the check is certain of them.
struct Fix {
  std::string title;
  Applicability applicability = Applicability::Safe;
  std::vector<Edit> edits;
};

// A related place: in the diagnostic's own file (`range`) or in another file, such as a fact
// base's YAML (`path` with 1-based `line`/`column`, already known from the YAML parser).
struct Note {
  std::string message;
  std::optional<base::Range> range;  // set: a place in the diagnostic's own file
  std::string path;                  // used when `range` is empty
  uint32_t line = 0;
  uint32_t column = 0;
  std::string sourceUrl;             // the fact's reference, when the note cites one
  std::string sourceTitle;           // that reference's title (also in `message`), for links
};

// One finding. `range` is a half-open byte range in the file the diagnostic belongs to.
struct Diagnostic {
  std::string ruleId;
  Severity severity = Severity::Warning;
  base::Range range;
  std::string message;
  std::vector<Note> notes;
  std::optional<Fix> fix;
  std::string link;  // documentation URL of the rule, if the pack gives one
};

// Where checks put diagnostics. Checks only append; the engine filters, sorts and dedupes.
class DiagnosticSink {
 public:
  void report(Diagnostic diagnostic) { diagnostics_.push_back(std::move(diagnostic)); }
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic> take() { return std::move(diagnostics_); }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// Sorts by position, then rule id; drops exact duplicates (same rule, range and message).
void sortAndDedupe(std::vector<Diagnostic>& diagnostics);

}  // namespace galley::diag
