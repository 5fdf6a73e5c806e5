// Reporter: the interface every output format implements (text, gcc, JSON, SARIF, GitHub, JUnit, checkstyle).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/Error.h"
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

// A loaded rule as formats that list rules (SARIF's tool.driver.rules) describe it.
struct RuleInfo {
  std::string id;           // "pack.rule"
  std::string description;  // one line or a paragraph; may be empty
  std::string link;         // documentation URL; may be empty
};

// What every reporter may be asked to do. Default: plain, with the summary, no rule catalogue.
struct ReporterOptions {
  bool color = false;    // ANSI colours (text only). Default: off.
  bool summary = true;   // the closing summary line (text only). Default: on.
  // Every loaded rule, sorted by id (SARIF lists them; rules seen only in diagnostics are added).
  // Default: empty.
  std::vector<RuleInfo> rules;
  // Galley's version, for formats that name the tool (SARIF). Default: empty (not written).
  std::string toolVersion;
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
  // An input that could not be checked (missing, unreadable, binary, too large), in input order
  // among the files. Formats that print nothing for it rely on the caller's stderr message.
  virtual void addError(const base::Error& /*error*/) {}
  // Called once, after the last file; writes whatever closes the output.
  virtual void finish(const RunSummary& summary) = 0;
};

}  // namespace galley::report
