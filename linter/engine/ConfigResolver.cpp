#include "engine/ConfigResolver.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "base/FileText.h"
#include "config/Glob.h"

namespace galley::engine {

namespace {

namespace fs = std::filesystem;

config::RuleLevel levelOf(diag::Severity severity) {
  switch (severity) {
    case diag::Severity::Info: return config::RuleLevel::Info;
    case diag::Severity::Warning: return config::RuleLevel::Warning;
    case diag::Severity::Error: return config::RuleLevel::Error;
  }
  return config::RuleLevel::Warning;
}

diag::Severity severityOf(config::RuleLevel level) {
  switch (level) {
    case config::RuleLevel::Info: return diag::Severity::Info;
    case config::RuleLevel::Error: return diag::Severity::Error;
    case config::RuleLevel::Warning:
    case config::RuleLevel::Off: break;
  }
  return diag::Severity::Warning;
}

std::string where(const base::Location& location) {
  return fmt::format("{}:{}:{}", location.path, location.line, location.column);
}

// The pack name a `packs:` entry selects: a bundled name as is, a directory by its last component.
std::string packName(const std::string& entry) {
  if (entry.find('/') == std::string::npos) return entry;
  return fs::path(entry).filename().string();
}

// `path` relative to `base` when under it ("a/b.md"), else nullopt.
std::optional<std::string> relativeTo(const std::string& path, const std::string& base) {
  if (base.empty() || base == "/") return path.size() > 1 ? std::optional(path.substr(1)) : std::nullopt;
  if (!path.starts_with(base) || path.size() <= base.size() + 1 || path[base.size()] != '/') return std::nullopt;
  return path.substr(base.size() + 1);
}

void applySettings(const std::vector<config::RuleSetting>& settings, const std::string& id, const std::string& kind,
                   RuleDecision& decision) {
  for (const config::RuleSetting& setting : settings) {
    if (!config::globMatch(setting.pattern.value, id)) continue;
    decision.level = setting.level;
    decision.why = fmt::format("{} {}", kind, where(setting.pattern.where));
    if (setting.options) decision.options = &setting;
  }
}

}  // namespace

std::string absolutePath(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = path;
  std::string out = absolute.lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

ConfigResolver::ConfigResolver(ConfigOptions options) : options_(std::move(options)) {}

const config::ProjectConfig* ConfigResolver::loadConfig(const std::string& path) {
  if (const auto it = byPath_.find(path); it != byPath_.end()) return it->second.get();
  config::LoadedProjectConfig loaded = config::loadProjectConfig(path);
  std::shared_ptr<const config::ProjectConfig> config;
  if (loaded.errors.empty()) {
    config = std::make_shared<const config::ProjectConfig>(std::move(loaded.config));
  } else {
    errors_.insert(errors_.end(), loaded.errors.begin(), loaded.errors.end());
    if (const auto good = lastGood_.find(path); good != lastGood_.end()) config = good->second;
  }
  if (config) loadOrder_.push_back(path);
  return (byPath_[path] = std::move(config)).get();
}

void ConfigResolver::keepLastGood(const ConfigResolver& previous) {
  for (const auto& [path, config] : previous.byPath_) {
    if (config) lastGood_[path] = config;
  }
}

const config::ProjectConfig* ConfigResolver::configFor(const std::string& draftPath) {
  if (options_.noConfig) return nullptr;
  if (options_.explicitConfig) return loadConfig(absolutePath(*options_.explicitConfig));
  const std::string start = fs::path(absolutePath(draftPath)).parent_path().string();
  std::vector<std::string> visited;
  std::string found;
  for (fs::path dir = start;; dir = dir.parent_path()) {
    const std::string key = dir.string();
    if (const auto it = configOfDir_.find(key); it != configOfDir_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(key);
    std::error_code ec;
    const fs::path candidate = dir / config::kProjectConfigName;
    if (fs::is_regular_file(candidate, ec)) {
      found = candidate.string();
      break;
    }
    if (!dir.has_relative_path()) break;  // the root
  }
  for (const std::string& dir : visited) configOfDir_[dir] = found;
  return found.empty() ? nullptr : loadConfig(found);
}

const config::ProjectConfig* ConfigResolver::knownConfigFor(const std::string& draftPath) const {
  if (options_.noConfig) return nullptr;
  std::string path;
  if (options_.explicitConfig) {
    path = absolutePath(*options_.explicitConfig);
  } else {
    const auto dir = configOfDir_.find(fs::path(absolutePath(draftPath)).parent_path().string());
    if (dir == configOfDir_.end()) return nullptr;
    path = dir->second;
  }
  const auto it = byPath_.find(path);
  return it == byPath_.end() ? nullptr : it->second.get();
}

std::vector<const config::ProjectConfig*> ConfigResolver::configs() const {
  std::vector<const config::ProjectConfig*> out;
  for (const std::string& path : loadOrder_) out.push_back(byPath_.at(path).get());
  return out;
}

std::vector<RuleDecision> ConfigResolver::decide(const std::string& draftPath, const checks::RuleSet& rules) const {
  const config::ProjectConfig* config = knownConfigFor(draftPath);
  const std::string absolute = absolutePath(draftPath);
  std::vector<RuleDecision> decisions;
  for (const std::string& id : rules.ruleIds()) {
    const config::RuleConfig* rule = rules.rule(id);
    RuleDecision decision{id, config::RuleLevel::Off, ""};
    if (rule->enabled) {
      decision.level = levelOf(rule->severity);
      decision.why = fmt::format("default {}", where(rule->where));
    } else {
      decision.why = fmt::format("default (enabled: false) {}", where(rule->where));
    }
    if (config != nullptr) {
      if (!config->packs.empty()) {
        const auto listed = std::find_if(config->packs.begin(), config->packs.end(),
                                         [&](const auto& pack) { return packName(pack.value) == rule->pack; });
        if (listed == config->packs.end()) {
          decision.level = config::RuleLevel::Off;
          decision.why = fmt::format("pack '{}' not in 'packs' {}", rule->pack, where(config->packs.front().where));
        }
      }
      applySettings(config->rules, id, "config", decision);
      for (const config::ConfigOverride& override : config->overrides) {
        const auto relative = relativeTo(absolute, override.baseDir);
        if (!relative) continue;
        const bool matches = std::any_of(override.files.begin(), override.files.end(),
                                         [&](const auto& glob) { return config::globMatch(glob.value, *relative); });
        if (matches) applySettings(override.rules, id, "override", decision);
      }
    }
    for (const std::string& pattern : options_.enable) {
      if (config::globMatch(pattern, id)) {
        decision.level = levelOf(rule->severity);
        decision.why = "--enable " + pattern;
      }
    }
    for (const std::string& pattern : options_.disable) {
      if (config::globMatch(pattern, id)) {
        decision.level = config::RuleLevel::Off;
        decision.why = "--disable " + pattern;
      }
    }
    decisions.push_back(std::move(decision));
  }
  return decisions;
}

base::ErrorList ConfigResolver::prepareRuleOptions(const checks::RuleSet& rules) {
  base::ErrorList errors;
  auto prepare = [&](const config::RuleSetting& setting) {
    if (!setting.options || optionChecks_.contains(&setting) || !rules.hasRule(setting.pattern.value)) return;
    if (auto check = rules.withOptions(setting.pattern.value, *setting.options, errors))
      optionChecks_.emplace(&setting, std::move(check));
  };
  for (const config::ProjectConfig* config : configs()) {
    for (const config::RuleSetting& setting : config->rules) prepare(setting);
    for (const config::ConfigOverride& override : config->overrides) {
      for (const config::RuleSetting& setting : override.rules) prepare(setting);
    }
  }
  return errors;
}

std::shared_ptr<const FileSettings> ConfigResolver::settingsFor(const std::string& draftPath,
                                                                const checks::RuleSet& rules) const {
  auto settings = std::make_shared<FileSettings>();
  for (const RuleDecision& decision : decide(draftPath, rules)) {
    if (decision.level == config::RuleLevel::Off) continue;
    settings->activeRules.insert(decision.id);
    settings->severities.emplace(decision.id, severityOf(decision.level));
    if (decision.options == nullptr) continue;
    if (const auto check = optionChecks_.find(decision.options); check != optionChecks_.end()) {
      settings->replacedChecks.emplace(decision.id, check->second);
      settings->optionsWhere.emplace(decision.id, where(decision.options->pattern.where));
    }
  }
  if (const config::ProjectConfig* config = knownConfigFor(draftPath)) {
    settings->configPath = config->path;
    if (config->organisation) settings->model.organisation = config->organisation->value;
    if (config->referenceDate) settings->model.referenceDate = config->referenceDate->value;
    if (config->dateOrder) settings->model.dateOrder = config->dateOrder->value;
  }
  if (options_.referenceDate) settings->model.referenceDate = {config::ReferenceDateMode::Fixed, *options_.referenceDate};
  if (options_.monthFirst) settings->model.dateOrder = config::DateOrder::MonthFirst;
  return settings;
}

const std::vector<config::IgnorePattern>& ConfigResolver::gitignoreOf(const std::string& dir) {
  if (const auto it = gitignoreOfDir_.find(dir); it != gitignoreOfDir_.end()) return it->second;
  std::vector<config::IgnorePattern> patterns;
  // A folder without a readable .gitignore ignores nothing.
  if (const auto text = base::readFileText((fs::path(dir) / ".gitignore").string())) patterns = config::parseIgnoreLines(*text, dir);
  return gitignoreOfDir_[dir] = std::move(patterns);
}

bool ConfigResolver::ignored(const std::string& draftPath, bool useGitignore) {
  const std::string absolute = absolutePath(draftPath);
  std::vector<config::IgnorePattern> patterns;
  if (useGitignore) {
    // Outermost first, so that nearer .gitignore files (read later) win, as in git.
    std::vector<std::string> dirs;
    for (fs::path dir = fs::path(absolute).parent_path();; dir = dir.parent_path()) {
      dirs.push_back(dir.string());
      std::error_code ec;
      auto [it, added] = isRepoRoot_.try_emplace(dir.string(), false);
      if (added) it->second = fs::exists(dir / ".git", ec);
      if (it->second || !dir.has_relative_path()) break;
    }
    std::reverse(dirs.begin(), dirs.end());
    for (const std::string& dir : dirs) {
      const auto& more = gitignoreOf(dir);
      patterns.insert(patterns.end(), more.begin(), more.end());
    }
  }
  if (const config::ProjectConfig* config = configFor(draftPath))
    patterns.insert(patterns.end(), config->ignore.begin(), config->ignore.end());
  return config::isIgnored(patterns, absolute);
}

}  // namespace galley::engine
