// ProjectSetup: what `check` and `rules` share: config discovery, ignores, packs, rule loading.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "checks/RuleSet.h"
#include "engine/ConfigResolver.h"
#include "engine/InputCollector.h"
#include "tools/ArgParser.h"

namespace galley::tools {

// The options every command that reads configuration accepts (appended to its own).
const std::vector<OptionSpec>& configOptions();

// Everything a run needs before linting.
struct ProjectSetup {
  std::unique_ptr<engine::ConfigResolver> resolver;
  std::vector<engine::Input> inputs;  // in order, ignored files dropped
  std::unique_ptr<checks::RuleSet> rules;
  std::vector<std::string> packDirs;  // every directory the rules were loaded from
};

// What the result cache keys a run by besides each file: Galley's version and executable, and
// every file under the pack directories (rules, facts, lexicon).
std::string cacheRunKey(const ProjectSetup& setup);

// Reads the config options of `parsed`, expands `paths` (`stdinName` for "-"), finds each input's
// .galley.yaml, drops walked files its `ignore:` or a .gitignore names (not with --no-ignore;
// files named on the command line are always kept) and loads the bundled packs, --rules and the
// configs' `packs:` directories. Warns on `err` of overrides that match no input. On any usage or
// configuration error prints every one to `err` and returns nullptr (the caller exits 2).
// `probes` are draft paths (need not exist) whose configs are loaded too (`galley rules DIR`).
std::unique_ptr<ProjectSetup> setUpProject(const ParsedArgs& parsed, const std::vector<std::string>& paths,
                                           const std::string& stdinName, std::ostream& err,
                                           const std::vector<std::string>& probes = {});

}  // namespace galley::tools
