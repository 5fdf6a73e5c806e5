// The table of output formats: one line per reporter in ReporterFactory.cpp.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/Reporter.h"

namespace galley::report {

// Builds the reporter for `format` ("text", "json", "gcc", "sarif", "github", "junit", "checkstyle", "gitlab", "html") writing to `out`, which must outlive it.
// Returns nullptr for an unknown format (see formatNames() for the valid ones).
std::unique_ptr<Reporter> makeReporter(std::string_view format, std::ostream& out, const ReporterOptions& options);

// Every format name makeReporter() accepts, sorted.
std::vector<std::string> formatNames();

}  // namespace galley::report
