// Reporter: the interface every output format implements (text, JSON, gcc; SARIF and friends later).
#pragma once

#include <cstddef>
#include <vector>

#include "base/SourceBuffer.h"
#include "diag/Diagnostic.h"

namespace galley::report {

// Totals of a whole run, given to Reporter::finish().
struct RunSummary {
  size_t files = 0;     // files checked (input errors not counted)
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;
  double seconds = 0;   // wall-clock time of the run
};

// What every reporter may be asked to do. Default: plain, with the summary.
struct ReporterOptions {
  bool color = false;    // ANSI colours (text only). Default: off.
  bool summary = true;   // the closing summary line (text only). Default: on.
};

// Receives the diagnostics of each checked file, in input order, then the run's totals.
// Reporters only format: they never check, filter or reorder. A reporter writes to the stream it
// was built with and is used from one thread.
class Reporter {
 public:
  Reporter() = default;
  Reporter(const Reporter&) = delete;
  Reporter& operator=(const Reporter&) = delete;
  Reporter(Reporter&&) = delete;
  Reporter& operator=(Reporter&&) = delete;
  virtual ~Reporter() = default;

  // One checked file and its sorted diagnostics (possibly none). Ranges are bytes of `source`.
  virtual void addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) = 0;
  // Called once, after the last file; writes whatever closes the output.
  virtual void finish(const RunSummary& summary) = 0;
};

}  // namespace galley::report
