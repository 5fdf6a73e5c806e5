// GccReporter: one line per diagnostic, "path:line:col: severity: message [rule.id]", no excerpt.
#pragma once

#include <ostream>

#include "report/Reporter.h"

namespace galley::report {

// For scripts, editors' error parsers and the benchmark harness. Notes and fixes are not shown;
// there is no summary line.
class GccReporter : public Reporter {
 public:
  GccReporter(std::ostream& out, const ReporterOptions& /*options*/) : out_(out) {}

  void addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) override;
  void finish(const RunSummary& summary) override;

 private:
  std::ostream& out_;
};

}  // namespace galley::report
