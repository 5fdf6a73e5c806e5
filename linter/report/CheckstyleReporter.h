// CheckstyleReporter: checkstyle's XML report, which many CI and review tools import.
#pragma once

#include <ostream>

#include "report/Reporter.h"

namespace galley::report {

// <checkstyle version="4.3">, then per checked file <file name=PATH> with one
// <error line column severity message source=RULE/> per diagnostic (severity error, warning or
// info; column 1-based in code points), and per input error a <file> holding an <exception>.
// Streamed: each file is written as it arrives.
class CheckstyleReporter : public Reporter {
 public:
  CheckstyleReporter(std::ostream& out, const ReporterOptions& /*options*/) : out_(out) {}

  void addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) override;
  void addError(const base::Error& error) override;
  void finish(const RunSummary& summary) override;

 private:
  void openIfNeeded();

  std::ostream& out_;
  bool opened_ = false;
};

}  // namespace galley::report
