#include "report/ReporterFactory.h"

#include <algorithm>
#include <array>
#include <functional>
#include <utility>

#include "report/CheckstyleReporter.h"
#include "report/GccReporter.h"
#include "report/GithubReporter.h"
#include "report/GitlabReporter.h"
#include "report/HtmlReporter.h"
#include "report/JsonReporter.h"
#include "report/JunitReporter.h"
#include "report/SarifReporter.h"
#include "report/TextReporter.h"

namespace galley::report {

namespace {

using Factory = std::unique_ptr<Reporter> (*)(std::ostream&, const ReporterOptions&);

template <typename T>
std::unique_ptr<Reporter> build(std::ostream& out, const ReporterOptions& options) {
  return std::make_unique<T>(out, options);
}

// A new format is one line here (sorted by name).
constexpr std::array<std::pair<std::string_view, Factory>, 9> kFormats = {{
    {"checkstyle", &build<CheckstyleReporter>},
    {"gcc", &build<GccReporter>},
    {"github", &build<GithubReporter>},
    {"gitlab", &build<GitlabReporter>},
    {"html", &build<HtmlReporter>},
    {"json", &build<JsonReporter>},
    {"junit", &build<JunitReporter>},
    {"sarif", &build<SarifReporter>},
    {"text", &build<TextReporter>},
}};

}  // namespace

std::unique_ptr<Reporter> makeReporter(std::string_view format, std::ostream& out, const ReporterOptions& options) {
  const auto* it = std::find_if(kFormats.begin(), kFormats.end(), [&](const auto& entry) { return entry.first == format; });
  return it == kFormats.end() ? nullptr : it->second(out, options);
}

std::vector<std::string> formatNames() {
  std::vector<std::string> names;
  names.reserve(kFormats.size());
  for (const auto& entry : kFormats) names.emplace_back(entry.first);
  return names;
}

}  // namespace galley::report
