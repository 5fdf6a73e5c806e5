#include "report/JunitReporter.h"

#include <fmt/format.h>

#include "report/Escaping.h"

namespace galley::report {

void JunitReporter::addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  ++tests_;
  const std::string name = xmlEscape(source.path());
  if (diagnostics.empty()) {
    cases_ += fmt::format("    <testcase name=\"{}\" classname=\"galley\"/>\n", name);
    return;
  }
  cases_ += fmt::format("    <testcase name=\"{}\" classname=\"galley\">\n", name);
  for (const diag::Diagnostic& diagnostic : diagnostics) {
    ++failures_;
    const base::LineColumn at = source.lineColumn(diagnostic.range.begin);
    std::string detail = fmt::format("{}:{}:{}: {}: {} [{}]", source.path(), at.line, at.column,
                                     diag::severityName(diagnostic.severity), diagnostic.message, diagnostic.ruleId);
    if (diagnostic.fix && !diagnostic.fix->edits.empty()) detail += "\nfix: " + diagnostic.fix->title;
    for (const diag::Note& note : diagnostic.notes) {
      if (note.range) {
        const base::LineColumn noteAt = source.lineColumn(note.range->begin);
        detail += fmt::format("\n{}:{}:{}: note: {}", source.path(), noteAt.line, noteAt.column, note.message);
      } else {
        detail += fmt::format("\n{}{}note: {}", note.path, note.path.empty() ? "" : ": ", note.message);
      }
    }
    cases_ += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n", xmlEscape(diagnostic.ruleId),
                          xmlEscape(fmt::format("{}:{}: {}", at.line, at.column, diagnostic.message)),
                          xmlEscape(detail));
  }
  cases_ += "    </testcase>\n";
}

void JunitReporter::addError(const base::Error& error) {
  ++tests_;
  ++errors_;
  const std::string path = error.location() ? error.location()->path : std::string("<input>");
  cases_ += fmt::format(
      "    <testcase name=\"{}\" classname=\"galley\">\n      <error type=\"input\" message=\"{}\">{}</error>\n"
      "    </testcase>\n",
      xmlEscape(path), xmlEscape(error.message()), xmlEscape(error.toString()));
}

void JunitReporter::finish(const RunSummary& summary) {
  const std::string counts = fmt::format(R"(tests="{}" failures="{}" errors="{}" time="{:.3f}")", tests_,
                                         failures_, errors_, summary.seconds);
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       << "<testsuites name=\"galley\" " << counts << ">\n"
       << "  <testsuite name=\"galley\" " << counts << " skipped=\"0\">\n"
       << cases_ << "  </testsuite>\n</testsuites>\n";
  out_.flush();
}

}  // namespace galley::report
