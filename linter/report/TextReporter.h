// TextReporter: clang-style human output with source excerpts, carets, fixes and notes.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "report/Reporter.h"

namespace galley::report {

// Writes, per diagnostic:
//   path:line:col: severity: message [rule.id]
//   <the source line, tabs expanded>
//   <caret line: '^' at the start of the range, '~' under the rest of it on that line>
//   fix: replace 'X' with 'Y'            ("fix (unsafe): ..." for unsafe fixes)
//   path:line:col: note: message (source: URL)
// and at the end "N files checked: E errors, W warnings, I infos (0.12 s)" when the summary is on.
// Each diagnostic is formatted whole, then written at once. Colours are ANSI escapes, only when
// ReporterOptions::color is set.
class TextReporter : public Reporter {
 public:
  TextReporter(std::ostream& out, ReporterOptions options) : out_(out), options_(std::move(options)) {}

  void addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) override;
  void finish(const RunSummary& summary) override;

  // The summary line without a newline, e.g. "2 files checked: 1 error, 0 warnings, 0 infos (0.01 s)".
  static std::string summaryLine(const RunSummary& summary);

 private:
  [[nodiscard]] std::string paint(std::string_view text, std::string_view style) const;
  [[nodiscard]] std::string formatDiagnostic(const base::SourceBuffer& source, const diag::Diagnostic& diagnostic) const;

  std::ostream& out_;
  ReporterOptions options_;
};

}  // namespace galley::report
