// JsonReporter: the whole run as one JSON object, {"version": 1, "diagnostics": [...], "errors": [...]}.
#pragma once

#include <ostream>

#include "report/Reporter.h"

namespace galley::report {

// Each diagnostic is an object with:
//   path, line, column, end_line, end_column   1-based; end exclusive; columns in code points
//   severity ("error"|"warning"|"info"), rule, message,
//   fix      null or {"safe": bool, "title": string, "edits": [{line, column, end_line, end_column, text}]}
//   notes    [{path, line, column, message, url?}] (end_line/end_column too for notes in the same file)
//   link     the rule's documentation URL, or null
// "errors" lists the inputs that could not be checked (missing, unreadable, binary, too large) as
// {path, line, column, message}, line and column 0 when unknown; empty on a clean run.
// The object is streamed: one diagnostic per line as files arrive, closed by finish(), so memory
// does not grow with the run. Invalid UTF-8 in any string is written as U+FFFD.
class JsonReporter : public Reporter {
 public:
  JsonReporter(std::ostream& out, const ReporterOptions& /*options*/) : out_(out) {}

  void addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) override;
  void addError(const base::Error& error) override;
  void finish(const RunSummary& summary) override;

  // Schema version written as "version".
  static constexpr int kVersion = 1;

 private:
  void openIfNeeded();

  std::ostream& out_;
  bool opened_ = false;
  bool any_ = false;
  std::string errors_;  // the "errors" array's elements, joined; inputs that fail are few
};

}  // namespace galley::report
