#include "report/GitlabReporter.h"

#include <nlohmann/json.hpp>

#include "diag/Fingerprint.h"

namespace galley::report {

namespace {

using Json = nlohmann::ordered_json;

std::string_view gitlabSeverity(diag::Severity severity) {
  switch (severity) {
    case diag::Severity::Error: return "major";
    case diag::Severity::Warning: return "minor";
    case diag::Severity::Info: return "info";
  }
  return "info";
}

}  // namespace

void GitlabReporter::addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  const std::vector<std::string> prints = diag::fingerprints(source.path(), source.text(), diagnostics);
  std::string out;
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const diag::Diagnostic& diagnostic = diagnostics[i];
    Json issue;
    issue["type"] = "issue";
    issue["check_name"] = diagnostic.ruleId;
    issue["description"] = diagnostic.message;
    issue["categories"] = Json::array({"Style"});
    issue["severity"] = gitlabSeverity(diagnostic.severity);
    issue["fingerprint"] = prints[i];
    Json location;
    location["path"] = diag::normalisedPath(source.path());
    location["lines"]["begin"] = source.lineColumn(diagnostic.range.begin).line;
    location["lines"]["end"] = source.lineColumn(diagnostic.range.end).line;
    issue["location"] = std::move(location);
    out += any_ ? ",\n" : "[\n";
    out += issue.dump(-1, ' ', false, Json::error_handler_t::replace);
    any_ = true;
  }
  out_ << out;
}

void GitlabReporter::finish(const RunSummary& /*summary*/) {
  out_ << (any_ ? "\n]\n" : "[]\n");
  out_.flush();
}

}  // namespace galley::report
