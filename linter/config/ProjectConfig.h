// ProjectConfig: one `.galley.yaml` (with everything it `extends:`), validated and located.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/Calendar.h"
#include "base/Error.h"
#include "config/Glob.h"
#include "config/Located.h"
#include "config/RuleOptions.h"
#include "diag/Diagnostic.h"

namespace galley::config {

// The file name looked for in each folder, from a draft's folder upwards.
inline constexpr std::string_view kProjectConfigName = ".galley.yaml";

// What a `rules:` entry sets a rule (or every rule an id glob matches) to.
enum class RuleLevel { Off, Info, Warning, Error };
std::optional<RuleLevel> parseRuleLevel(std::string_view text);
std::string_view ruleLevelName(RuleLevel level);

// One `rules:` entry: `un-style.*: off`, `dates.validity: {severity: error}`, or with options
// `un-style.repetition: {severity: warning, options: {max-gap: 3}}`. As in ESLint, options replace
// the options of earlier entries for that rule (the pack's keys still apply where not set); an entry
// with a severity alone keeps them.
struct RuleSetting {
  Located<std::string> pattern;  // a rule id or a glob over ids; `where` is the key
  RuleLevel level = RuleLevel::Warning;
  std::optional<RuleOptions> options;  // kind-specific keys over the pack's; only for a single rule id
};

// One `overrides:` entry: rule settings for the files its globs match.
struct ConfigOverride {
  std::vector<Located<std::string>> files;  // globs, relative to `baseDir`
  std::string baseDir;                      // the folder of the config file that wrote them
  std::vector<RuleSetting> rules;
};

// How the reference date of each draft is decided.
enum class ReferenceDateMode { Auto, FrontMatter, Dateline, Fixed };
struct ReferenceDateSetting {
  ReferenceDateMode mode = ReferenceDateMode::Auto;  // Default: front matter, else the dateline
  base::CivilDate date;                              // Fixed only
  friend bool operator==(const ReferenceDateSetting&, const ReferenceDateSetting&) = default;
};

enum class DateOrder { DayFirst, MonthFirst };

// A validated configuration. Settings of extended files come first; the naming file's own after,
// so that later entries win. Paths are absolute and normalised.
struct ProjectConfig {
  std::string path;     // the file itself
  std::string baseDir;  // its folder
  // `packs:` as written (bundled pack names, or directories made absolute); empty: not set.
  std::vector<Located<std::string>> packs;
  std::vector<RuleSetting> rules;
  std::vector<ConfigOverride> overrides;
  std::vector<IgnorePattern> ignore;
  std::optional<Located<std::string>> organisation;
  std::optional<Located<ReferenceDateSetting>> referenceDate;
  std::optional<Located<DateOrder>> dateOrder;
  std::vector<std::string> files;  // this file and every file it extends, for hashing and messages
};

// Reads `path` and what it extends. Every problem is reported (file:line:col), with suggestions
// for misspelt keys and values; `errors` empty means the result is usable. An extends cycle, a
// missing extended file and bad YAML are errors too.
struct LoadedProjectConfig {
  ProjectConfig config;
  base::ErrorList errors;
};
LoadedProjectConfig loadProjectConfig(const std::string& path);
// Parses `text` as the config file `path` (tests); `extends:` is read from disk relative to it.
LoadedProjectConfig parseProjectConfig(const std::string& path, const std::string& text);

// Parses "YYYY-MM-DD" into a valid date.
std::optional<base::CivilDate> parseIsoDay(std::string_view text);

}  // namespace galley::config
