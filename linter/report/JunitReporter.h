// JunitReporter: JUnit XML, the test-report format most CI servers show.
#pragma once

#include <ostream>
#include <string>

#include "report/Reporter.h"

namespace galley::report {

// <testsuites> holding one <testsuite name="galley"> for the run; one <testcase> per checked file
// (name = path, classname = "galley"), with one <failure type=RULE message="LINE:COL: MESSAGE">
// per diagnostic (its body: severity, position, fix and notes), and one <testcase> with an
// <error> per input that could not be checked. The suite's counts are known only at the end, so
// the test cases are kept as text until finish(); a clean file costs one short line.
class JunitReporter : public Reporter {
 public:
  JunitReporter(std::ostream& out, const ReporterOptions& /*options*/) : out_(out) {}

  void addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) override;
  void addError(const base::Error& error) override;
  void finish(const RunSummary& summary) override;

 private:
  std::ostream& out_;
  std::string cases_;
  size_t tests_ = 0;
  size_t failures_ = 0;
  size_t errors_ = 0;
};

}  // namespace galley::report
