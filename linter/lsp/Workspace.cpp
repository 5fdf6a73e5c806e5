#include "lsp/Workspace.h"

#include <algorithm>
#include <filesystem>

#include "engine/BundledPaths.h"
#include "engine/RuleLoading.h"

namespace galley::lsp {

namespace {

constexpr const char* kKeptConfig = "the last version of this configuration that loaded still applies";
constexpr const char* kKeptRules = "the server keeps the last rules that loaded";
constexpr const char* kIgnoredEntry = "this entry is ignored; the rest of the configuration applies";

// Untitled buffers and other schemes have no folder, hence no .galley.yaml: pack defaults apply.
bool isFilePath(const std::string& path) { return std::filesystem::path(path).is_absolute(); }

void add(std::vector<ConfigProblem>& problems, const base::ErrorList& errors, const char* outcome) {
  for (const base::Error& error : errors) problems.push_back({error, outcome});
}

}  // namespace

Workspace::Workspace(std::vector<std::string> ruleDirs, bool useBundledRules)
    : ruleDirs_(std::move(ruleDirs)), useBundledRules_(useBundledRules) {
  for (std::string& dir : ruleDirs_) dir = engine::absolutePath(dir);
}

std::vector<ConfigProblem> Workspace::reload(const std::vector<std::string>& draftPaths, bool packsToo) {
  std::vector<ConfigProblem> problems;
  auto resolver = std::make_shared<engine::ConfigResolver>(engine::ConfigOptions{});
  if (resolver_) resolver->keepLastGood(*resolver_);
  for (const std::string& path : draftPaths) {
    if (isFilePath(path)) resolver->configFor(path);
  }
  add(problems, resolver->errors(), kKeptConfig);

  engine::RuleSelection selection{ruleDirs_, useBundledRules_, {}};
  base::ErrorList packErrors;
  engine::addConfigPacks(*resolver, selection, packErrors);
  add(problems, packErrors, kIgnoredEntry);
  std::vector<std::string> dirs;
  if (useBundledRules_) {
    if (const auto bundled = engine::bundledRulesDir()) dirs.push_back(engine::absolutePath(*bundled));
  }
  for (const std::string& dir : selection.extraDirs) dirs.push_back(engine::absolutePath(dir));
  wantedDirs_ = dirs;
  if (packsToo || !rules_ || dirs != loadedDirs_) {
    checks::LoadedRules loaded = checks::RuleSet::load(dirs);
    add(problems, loaded.errors, kKeptRules);
    if (loaded.errors.empty()) {
      rules_ = std::make_shared<const checks::RuleSet>(std::move(loaded.rules));
      loadedDirs_ = dirs;
    } else if (!rules_) {
      // Even with every pack broken the server runs (with no rules), so the errors can be shown.
      rules_ = std::make_shared<const checks::RuleSet>();
    }
  }
  add(problems, engine::unknownRuleSettings(*resolver, *rules_), kIgnoredEntry);
  add(problems, resolver->prepareRuleOptions(*rules_), kIgnoredEntry);

  resolver_ = resolver;
  problemFiles_.clear();
  for (const ConfigProblem& problem : problems) {
    if (problem.error.location() && !problem.error.location()->path.empty())
      problemFiles_.insert(engine::absolutePath(problem.error.location()->path));
  }
  engine::EngineOptions options;
  options.jobs = 1;
  // The engine holds the rules and the resolver it reads, so neither goes while it lints.
  options.settingsFor = [resolver, rules = rules_](const std::string& path) { return resolver->settingsFor(path, *rules); };
  engine_ = std::make_shared<const engine::Engine>(engine::hooksFor(*rules_), std::move(options));
  return problems;
}

Reload Workspace::affectedBy(const std::string& path) const {
  const std::string absolute = engine::absolutePath(path);
  auto under = [&](const std::vector<std::string>& dirs) {
    return std::any_of(dirs.begin(), dirs.end(), [&](const std::string& dir) { return absolute.starts_with(dir + "/"); });
  };
  if (under(loadedDirs_) || under(wantedDirs_)) return Reload::Packs;
  // Outside the packs, a file with a problem is a config (or one it extends).
  if (problemFiles_.contains(absolute)) return Reload::Configs;
  if (std::filesystem::path(absolute).filename() == config::kProjectConfigName) return Reload::Configs;
  if (resolver_) {
    for (const config::ProjectConfig* config : resolver_->configs()) {
      if (std::find(config->files.begin(), config->files.end(), absolute) != config->files.end()) return Reload::Configs;
    }
  }
  return Reload::None;
}

bool Workspace::discover(const std::string& draftPath) {
  if (!resolver_ || !isFilePath(draftPath)) return false;
  const size_t configs = resolver_->configs().size();
  const size_t errors = resolver_->errors().size();
  resolver_->configFor(draftPath);
  return resolver_->configs().size() != configs || resolver_->errors().size() != errors;
}

}  // namespace galley::lsp
