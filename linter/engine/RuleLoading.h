// Loads the rule packs a command asked for (bundled and/or --rules), printing configuration errors.
#pragma once

#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "base/Error.h"
#include "checks/RuleSet.h"
#include "engine/ConfigResolver.h"
#include "engine/Engine.h"

namespace galley::engine {

// Which packs to load.
struct RuleSelection {
  std::vector<std::string> extraDirs;  // --rules DIR (a pack, or a directory of packs), in order
  bool useBundled = true;              // false with --no-default-rules
  // Where each of `extraDirs` was named ("--rules", or a config file's file:line:col), for the
  // error when one pack is loaded twice. Missing entries read "--rules".
  std::vector<std::string> extraOrigins;
};

// Loads the selected packs. On any configuration error prints every error as
// "file:line:col: error: message" to `err` and returns nullptr (the caller exits 2). Missing
// bundled packs (no --rules given and none found) is such an error too, and so is one pack
// directory reached twice (one error naming both places, instead of one per rule).
std::unique_ptr<checks::RuleSet> loadRules(const RuleSelection& selection, std::ostream& err);

// Adds the `packs:` directories of the configs `resolver` has loaded to `selection` (each once,
// with the config's file:line:col as origin) and checks their bundled pack names; every problem
// (an unknown bundled name, a missing directory) is appended to `errors`, located.
void addConfigPacks(const ConfigResolver& resolver, RuleSelection& selection, base::ErrorList& errors);

// One located error for each `rules:` entry of a loaded config (overrides included) whose id or
// glob matches no rule of `rules` (a typo, not a no-op), with the nearest id as a suggestion.
base::ErrorList unknownRuleSettings(const ConfigResolver& resolver, const checks::RuleSet& rules);

// Prints every error of `errors` as "file:line:col: error: message" to `err`, then the
// "galley: N configuration error(s); nothing was checked" line. Returns true when there were any.
bool reportConfigErrors(const base::ErrorList& errors, std::ostream& err);

// Engine hooks that run `rules` (which must outlive them), restricted to `only` when not empty.
RuleHooks hooksFor(const checks::RuleSet& rules, std::set<std::string> only = {});

}  // namespace galley::engine
