// ConfigResolver: finds each draft's .galley.yaml (nearest folder upwards) and resolves its settings.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/Error.h"
#include "checks/RuleSet.h"
#include "config/ProjectConfig.h"
#include "engine/FileSettings.h"

namespace galley::engine {

// Where the configuration comes from, and what the command line adds on top.
struct ConfigOptions {
  std::optional<std::string> explicitConfig;  // --config FILE: for every draft, no discovery
  bool noConfig = false;                      // --no-config: pack defaults only
  std::vector<std::string> disable;           // --disable RULE (id or glob), applied last
  std::vector<std::string> enable;            // --enable RULE (id or glob): the pack's severity
  std::optional<base::CivilDate> referenceDate;  // --ref DATE
  bool monthFirst = false;                    // --month-first
};

// Why a rule has the level it has on one file (for `galley rules`).
struct RuleDecision {
  std::string id;
  config::RuleLevel level = config::RuleLevel::Off;
  std::string why;  // "default (file:line)", "config file:line:col", "override file:line:col", "--disable"
  // The last entry that set this rule's options for the file (ESLint's rule: options replace
  // earlier options, a severity alone keeps them), or nullptr: the pack's own.
  const config::RuleSetting* options = nullptr;
};

// Not thread-safe while discovering (configFor); settingsFor on a finished resolver is. The CLI
// discovers every input's config first (single thread), then lints.
class ConfigResolver {
 public:
  explicit ConfigResolver(ConfigOptions options);

  // The config that applies to `draftPath`, loading it on first use; nullptr when none applies.
  // Load errors are kept (errors()) and the config is then treated as absent.
  const config::ProjectConfig* configFor(const std::string& draftPath);
  // Every config problem met so far, each located.
  [[nodiscard]] const base::ErrorList& errors() const { return errors_; }
  // Every config loaded without errors, in load order.
  [[nodiscard]] std::vector<const config::ProjectConfig*> configs() const;

  // The decision for every rule of `rules` on `draftPath` (REQUIRES: configFor(draftPath) was called).
  [[nodiscard]] std::vector<RuleDecision> decide(const std::string& draftPath, const checks::RuleSet& rules) const;
  // The settings the engine applies to `draftPath`.
  [[nodiscard]] std::shared_ptr<const FileSettings> settingsFor(const std::string& draftPath,
                                                                const checks::RuleSet& rules) const;

  // Builds each rule that a loaded config gives `options:` with those options, once; every problem
  // (an option the rule's kind does not have, a bad value) is returned, located in the config file.
  // Call after discovery and before settingsFor, with the rules settingsFor will be given.
  base::ErrorList prepareRuleOptions(const checks::RuleSet& rules);

  // For a long-lived front end (the language server), which makes a new resolver when a config
  // changes: a config that then fails to load is replaced by `previous`'s version of it, when that
  // one had loaded (the errors are still kept). REQUIRES: called before the first configFor().
  void keepLastGood(const ConfigResolver& previous);

  // Whether `draftPath` (a file found by walking a folder) is ignored by its config's `ignore:`
  // or, when `useGitignore`, by a .gitignore between it and the repository root.
  [[nodiscard]] bool ignored(const std::string& draftPath, bool useGitignore);

 private:
  const config::ProjectConfig* loadConfig(const std::string& path);
  [[nodiscard]] const config::ProjectConfig* knownConfigFor(const std::string& draftPath) const;
  const std::vector<config::IgnorePattern>& gitignoreOf(const std::string& dir);

  ConfigOptions options_;
  base::ErrorList errors_;
  std::map<const config::RuleSetting*, std::shared_ptr<const checks::Check>> optionChecks_;
  // Shared, so that a later resolver can keep a config that then fails to load (keepLastGood).
  std::map<std::string, std::shared_ptr<const config::ProjectConfig>> byPath_;  // null: failed to load
  std::map<std::string, std::shared_ptr<const config::ProjectConfig>> lastGood_;
  std::vector<std::string> loadOrder_;
  std::map<std::string, std::string> configOfDir_;  // folder -> config path ("" for none)
  std::map<std::string, std::vector<config::IgnorePattern>> gitignoreOfDir_;
  std::map<std::string, bool> isRepoRoot_;
};

// The absolute, normalised form of `path`.
std::string absolutePath(const std::string& path);

}  // namespace galley::engine
