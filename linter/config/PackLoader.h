// PackLoader: reads rule packs (rules/<pack>/*.yaml) into validated RuleConfigs, reporting every problem.
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "base/Error.h"
#include "config/KindSchema.h"
#include "config/RuleConfig.h"

namespace YAML {  // NOLINT(readability-identifier-naming): yaml-cpp's namespace
class Node;
}  // namespace YAML

namespace galley::config {

class YamlSource;

// What a load produced. A rule with any error is left out of `rules`; the others still load.
struct LoadedConfigs {
  std::vector<RuleConfig> rules;  // in directory, file and rule order
  // Rules of a known kind whose header had errors: not to be used, but their kind-specific keys
  // can still be validated, so that one load reports every problem.
  std::vector<RuleConfig> rejected;
  base::ErrorList errors;         // empty => every file and rule was valid
  base::ErrorList warnings;       // e.g. a deprecated kind: loaded, but worth telling
  std::vector<std::string> packDirs;  // every pack directory read, in load order
  std::vector<std::string> fixtureDirs;  // folders rule files name in `fixtures:`, in load order
};

// Collects rules from pack directories and rule files, validating the header every kind shares
// (id, kind, severity, message, scope, link, enabled, description, tests) and rejecting keys that
// neither the header nor the rule's kind knows. Kind-specific values are checked later by the
// kind's factory. Files named facts*.yaml / facts*.yml hold fact bases and are skipped.
// Not thread-safe: use one loader per load.
class PackLoader {
 public:
  // `kinds`: every kind a rule may name (from the checks registry); must outlive the loader.
  explicit PackLoader(std::span<const KindSchema> kinds);

  // `dir` is a pack (it holds *.yaml or *.yml files; the pack is named after the directory) or a
  // directory of packs (each subdirectory holding such files). A missing or unreadable directory is
  // an Environment error; one holding no rule files at all is an InvalidInput error.
  void addDirectory(const std::string& dir);
  // Loads one rule file's `text` as part of `pack`; `path` is what errors and locations print.
  void addFile(const std::string& path, std::string text, const std::string& pack);

  // Everything loaded so far. The loader is spent afterwards.
  LoadedConfigs finish() &&;

 private:
  void addPack(const std::string& dir, const std::string& pack);
  void addRule(const YAML::Node& node, const std::shared_ptr<const YamlSource>& source, const std::string& pack);
  // The names of an `organisations:` list; an empty name is an error.
  static std::vector<std::string> organisationNames(const std::vector<Located<std::string>>& listed,
                                                    base::ErrorList& errors);
  // The steps of addRule; each appends its problems to `errors`.
  const KindSchema* readKind(RuleConfig& rule, base::ErrorList& errors);
  static void checkKeys(const YAML::Node& node, const YamlSource& source, const KindSchema* schema,
                        base::ErrorList& errors);
  static void readId(RuleConfig& rule, base::ErrorList& errors);
  static void readHeader(RuleConfig& rule, const KindSchema* schema, base::ErrorList& errors);
  static void checkPlaceholders(const RuleConfig& rule, const KindSchema& schema, const base::Location& where,
                                base::ErrorList& errors);
  static void readTests(const YAML::Node& node, const YamlSource& source, RuleConfig& rule, base::ErrorList& errors);

  std::span<const KindSchema> kinds_;
  LoadedConfigs result_;
  std::map<std::string, base::Location, std::less<>> firstDefinition_;
  // The current rule file's top-level `organisations:`, the default of its rules' own.
  std::vector<std::string> fileOrganisations_;
};

}  // namespace galley::config
