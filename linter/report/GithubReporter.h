// GithubReporter: GitHub Actions workflow commands, which the runner turns into annotations.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "report/Reporter.h"

namespace galley::report {

// One line per diagnostic:
//   ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
// (::warning for warnings, ::notice for infos; end column exclusive, columns in code points). The
// fix and the notes follow the message on their own lines inside the annotation. Input errors are
// "::error file=PATH::MESSAGE". Data escapes '%', '\r', '\n'; property values also ':' and ','.
class GithubReporter : public Reporter {
 public:
  GithubReporter(std::ostream& out, const ReporterOptions& /*options*/) : out_(out) {}

  void addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) override;
  void addError(const base::Error& error) override;
  void finish(const RunSummary& summary) override;

  // The escapes of a command's message (data) and of its property values.
  static std::string escapeData(std::string_view text);
  static std::string escapeProperty(std::string_view text);

 private:
  std::ostream& out_;
};

}  // namespace galley::report
