// SarifReporter: the run as one SARIF 2.1.0 log, for code-scanning services.
#pragma once

#include <map>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "report/Reporter.h"

namespace galley::report {

// One run: tool.driver (name "galley", version, rules with id, shortDescription, helpUri), then
// the results, then invocations (executionSuccessful, and one toolExecutionNotification per input
// error). Each result has ruleId (and ruleIndex when the rule is listed), level (error, warning,
// note for info), message, one location with a region (startLine, startColumn, endLine,
// endColumn; 1-based, end exclusive; the run's columnKind is unicodeCodePoints), relatedLocations
// for notes, and fixes (artifactChanges with deletedRegion + insertedContent) for a fix.
// Results are streamed as files arrive; input errors are kept until finish().
class SarifReporter : public Reporter {
 public:
  SarifReporter(std::ostream& out, ReporterOptions options);

  void addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) override;
  void addError(const base::Error& error) override;
  void finish(const RunSummary& summary) override;

  static constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

 private:
  void openIfNeeded();

  std::ostream& out_;
  ReporterOptions options_;
  std::map<std::string, size_t, std::less<>> ruleIndex_;
  nlohmann::ordered_json notifications_ = nlohmann::ordered_json::array();
  bool opened_ = false;
  bool any_ = false;
};

}  // namespace galley::report
