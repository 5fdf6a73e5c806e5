// GitlabReporter: GitLab Code Quality JSON (a subset of Code Climate's issue format).
#pragma once

#include <ostream>

#include "report/Reporter.h"

namespace galley::report {

// A JSON array with one object per diagnostic:
//   {"type": "issue", "check_name": RULE, "description": MESSAGE, "categories": ["Style"],
//    "severity": "major"|"minor"|"info" (error|warning|info), "fingerprint": 16 hex digits,
//    "location": {"path": PATH, "lines": {"begin": LINE, "end": LINE}}}
// Paths are as given, "./" dropped (GitLab wants them relative to the repository root: run from
// there). Fingerprints are diag::fingerprints(): they do not change when lines move above a
// finding, and are unique within a file. Streamed per file; inputs that could not be read are
// left to the caller's stderr message.
class GitlabReporter : public Reporter {
 public:
  GitlabReporter(std::ostream& out, const ReporterOptions& /*options*/) : out_(out) {}

  void addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) override;
  void finish(const RunSummary& summary) override;

 private:
  std::ostream& out_;
  bool any_ = false;
};

}  // namespace galley::report
