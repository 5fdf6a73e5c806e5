// FileSettings: what the configuration decided for one draft (active rules, severities, dates).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "config/ProjectConfig.h"
#include "diag/Diagnostic.h"

namespace galley::engine {

// Resolved per file by the ConfigResolver and applied by the Engine. Immutable once built; shared
// between the files of one folder.
struct FileSettings {
  // The rules to run, exactly (disabled-by-default rules a config turned on included). Rules not
  // listed are off here. Empty: no rule runs on this file.
  std::set<std::string> activeRules;
  // The final severity of each active rule (pack default, then config, override, command line).
  std::map<std::string, diag::Severity, std::less<>> severities;
  // For the per-document model. FIXME(annotate rewrite): Annotations does not read these yet;
  // they are resolved here and carried in FileResult until the model takes them.
  std::string organisation;                     // Default: "" (none named)
  config::ReferenceDateSetting referenceDate;   // Default: front matter, else the dateline
  config::DateOrder dateOrder = config::DateOrder::DayFirst;
  std::string configPath;                       // the .galley.yaml that applied, or ""
};

}  // namespace galley::engine
