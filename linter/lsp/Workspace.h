// Workspace: the rule packs and the .galley.yaml of each open draft, as `galley check` resolves them.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/Error.h"
#include "checks/RuleSet.h"
#include "engine/ConfigResolver.h"
#include "engine/Engine.h"

namespace galley::lsp {

// A configuration problem to show on the file it is in, and what the server does about it.
struct ConfigProblem {
  base::Error error;    // located (file:line:col) when the loader knew where
  std::string outcome;  // e.g. "the last configuration that loaded still applies"
};

// What a changed file on disk calls for.
enum class Reload {
  None,     // not a file the workspace reads (a draft, say)
  Configs,  // a .galley.yaml or a file one extends: reread the configs
  Packs,    // a file under a pack directory (rules, facts, lexicon, vocabulary): reread everything
};

// Owns what lints the open drafts: the rule packs (bundled, --rules, and every loaded config's
// `packs:` directories), the engine::ConfigResolver that gives each draft the settings of its
// nearest .galley.yaml (active rules, severities, rule options, reference date, date order,
// organisation), and an engine bound to both. A reload builds all three anew; a config or pack
// that fails keeps its last good version. Not thread-safe: the server's one thread drives it.
class Workspace {
 public:
  // `ruleDirs` are made absolute here (against the current directory), so that every path the
  // packs give (a fact's line in its YAML) is absolute too.
  Workspace(std::vector<std::string> ruleDirs, bool useBundledRules);

  // Rereads every config the drafts `draftPaths` use (and the packs when `packsToo`, or when the
  // configs now name other pack directories). A config that fails to load keeps its last good
  // version; packs that fail keep the rules that loaded last (none at first). Returns every
  // problem met, including config entries naming no loaded rule and bad rule options (those
  // entries are ignored; the rest of the config applies).
  std::vector<ConfigProblem> reload(const std::vector<std::string>& draftPaths, bool packsToo);

  // Finds the config of a draft just opened (nothing for paths that are not files). Returns true
  // when that loaded a config (or met an error) not seen before: then call reload(), which checks
  // its packs, rule names and options and reports its problems.
  bool discover(const std::string& draftPath);

  // What a change to the file `path` (absolute) calls for. A file with a problem reported at the
  // last reload always calls for one, so that fixing it is seen.
  [[nodiscard]] Reload affectedBy(const std::string& path) const;

  // The rules and the engine in use; the engine keeps the rules and the configs it reads alive,
  // so a result may outlive a reload. Never null after the first reload().
  [[nodiscard]] std::shared_ptr<const checks::RuleSet> rules() const { return rules_; }
  [[nodiscard]] std::shared_ptr<const engine::Engine> engine() const { return engine_; }

 private:
  std::vector<std::string> ruleDirs_;
  bool useBundledRules_ = true;
  std::vector<std::string> loadedDirs_;  // the directories rules_ came from
  std::vector<std::string> wantedDirs_;  // the directories the last reload asked for
  std::set<std::string> problemFiles_;   // files with a problem at the last reload
  std::shared_ptr<engine::ConfigResolver> resolver_;
  std::shared_ptr<const checks::RuleSet> rules_;
  std::shared_ptr<const engine::Engine> engine_;
};

}  // namespace galley::lsp
