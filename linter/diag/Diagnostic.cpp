#include "diag/Diagnostic.h"

#include <algorithm>
#include <tuple>

namespace galley::diag {

std::string_view severityName(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::optional<Severity> parseSeverity(std::string_view name) {
  if (name == "info") return Severity::Info;
  if (name == "warning") return Severity::Warning;
  if (name == "error") return Severity::Error;
  return std::nullopt;
}

void sortAndDedupe(std::vector<Diagnostic>& diagnostics) {
  auto key = [](const Diagnostic& d) { return std::tie(d.range.begin, d.range.end, d.ruleId, d.message); };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end(),
                                [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
                    diagnostics.end());
}

}  // namespace galley::diag
