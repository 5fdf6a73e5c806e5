#include "report/GccReporter.h"

#include <fmt/format.h>

#include "report/SourceExcerpt.h"

namespace galley::report {

void GccReporter::addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  std::string out;
  for (const diag::Diagnostic& diagnostic : diagnostics) {
    const base::LineColumn at = source.lineColumn(diagnostic.range.begin);
    out += fmt::format("{}:{}:{}: {}: {} [{}]\n", source.path(), at.line, at.column,
                       diag::severityName(diagnostic.severity), escapeForLine(diagnostic.message), diagnostic.ruleId);
  }
  out_ << out;
}

void GccReporter::finish(const RunSummary& /*summary*/) { out_.flush(); }

}  // namespace galley::report
