#include "report/CheckstyleReporter.h"

#include <fmt/format.h>

#include "report/Escaping.h"

namespace galley::report {

void CheckstyleReporter::openIfNeeded() {
  if (opened_) return;
  opened_ = true;
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
}

void CheckstyleReporter::addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  openIfNeeded();
  std::string out = fmt::format("  <file name=\"{}\">\n", xmlEscape(source.path()));
  for (const diag::Diagnostic& diagnostic : diagnostics) {
    const base::LineColumn at = source.lineColumn(diagnostic.range.begin);
    out += fmt::format("    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"{}\"/>\n", at.line,
                       at.column, diag::severityName(diagnostic.severity), xmlEscape(diagnostic.message),
                       xmlEscape(diagnostic.ruleId));
  }
  out += "  </file>\n";
  out_ << out;
}

void CheckstyleReporter::addError(const base::Error& error) {
  openIfNeeded();
  const std::string path = error.location() ? error.location()->path : std::string("<input>");
  out_ << fmt::format("  <file name=\"{}\">\n    <exception>{}</exception>\n  </file>\n", xmlEscape(path),
                      xmlEscape(error.toString()));
}

void CheckstyleReporter::finish(const RunSummary& /*summary*/) {
  openIfNeeded();
  out_ << "</checkstyle>\n";
  out_.flush();
}

}  // namespace galley::report
