// HtmlReporter: one self-contained HTML page (inline CSS, no script) for a CI job to keep as an artefact.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <utility>

#include "report/Reporter.h"

namespace galley::report {

// Writes a page that reads without a network or a script: a summary, a table of contents, then
// one <section> per checked file with each finding shown in context: its source lines with the
// finding's span underlined in its severity's colour, the message, the rule id, the fix's title and
// the notes (a fact's source becomes a plain link when its URL is http or https; nothing is ever
// loaded from elsewhere). The markup is also well-formed XML (every element closed, only XML's
// own entities), so tools can parse it. Findings carry data-line/data-column/data-rule attributes
// and files data-path, for tests and scrapers. Sections are kept as text until finish(), which
// knows the totals the heading shows.
class HtmlReporter : public Reporter {
 public:
  HtmlReporter(std::ostream& out, ReporterOptions options) : out_(out), options_(std::move(options)) {}

  void addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) override;
  void addError(const base::Error& error) override;
  void finish(const RunSummary& summary) override;

 private:
  std::ostream& out_;
  ReporterOptions options_;
  std::string contents_;  // table of contents entries
  std::string sections_;  // one <section> per file or input error
  size_t sectionCount_ = 0;
};

}  // namespace galley::report
