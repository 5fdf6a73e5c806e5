// FileSettings: what the configuration decided for one draft (active rules, severities, dates).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "annotate/Annotations.h"
#include "checks/RuleSet.h"
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
  // Rules a config gave `options:`, built with them, run instead of the pack's; and where each
  // rule's options are written ("file:line:col"), which is part of the result cache's key.
  checks::CheckOverrides replacedChecks;
  std::map<std::string, std::string, std::less<>> optionsWhere;
  // How the per-document model reads this draft: reference date, date order, organisation.
  annotate::ModelSettings model;
  std::string configPath;                       // the .galley.yaml that applied, or ""
  // Equal settings lint alike (replaced checks compare by identity: the same built check).
  friend bool operator==(const FileSettings&, const FileSettings&) = default;
};

}  // namespace galley::engine
