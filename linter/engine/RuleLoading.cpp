#include "engine/RuleLoading.h"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "config/Glob.h"
#include "config/NearestName.h"
#include "engine/BundledPaths.h"

namespace galley::engine {

namespace {

namespace fs = std::filesystem;

bool holdsRuleFiles(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file(ec) && (ext == ".yaml" || ext == ".yml")) return true;
  }
  return false;
}

// The pack directories `dir` stands for: itself when it holds rule files, else its subdirectories
// that do (as PackLoader reads them), each in canonical form.
std::vector<std::string> packDirsOf(const std::string& dir) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(dir, ec);
  if (ec || !fs::is_directory(canonical, ec)) return {};
  if (holdsRuleFiles(canonical)) return {canonical.string()};
  std::vector<std::string> packs;
  for (const auto& entry : fs::directory_iterator(canonical, ec)) {
    if (entry.is_directory(ec) && holdsRuleFiles(entry.path())) packs.push_back(entry.path().string());
  }
  return packs;
}

// The pack names under the bundled rules directory.
std::vector<std::string> bundledPackNames() {
  std::vector<std::string> names;
  const auto dir = bundledRulesDir();
  if (!dir) return names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(*dir, ec)) {
    if (entry.is_directory(ec)) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string located(const base::Location& where) { return fmt::format("{}:{}:{}", where.path, where.line, where.column); }

}  // namespace

void addConfigPacks(const ConfigResolver& resolver, RuleSelection& selection, base::ErrorList& errors) {
  const std::vector<std::string> bundled = bundledPackNames();
  std::set<std::string> seen;
  for (const config::ProjectConfig* config : resolver.configs()) {
    for (const auto& pack : config->packs) {
      if (pack.value.find('/') == std::string::npos) {
        if (std::binary_search(bundled.begin(), bundled.end(), pack.value)) continue;
        std::string message = fmt::format("unknown bundled pack '{}' (bundled: {}; a directory needs a '/', as in './{}')",
                                          pack.value, fmt::join(bundled, ", "), pack.value);
        if (const auto near = config::nearestMatch(pack.value, bundled)) message += fmt::format("; did you mean '{}'?", *near);
        errors.push_back(base::Error::invalidInput(message, pack.where));
        continue;
      }
      std::error_code ec;
      const std::string canonical = fs::weakly_canonical(pack.value, ec).string();
      if (!seen.insert(ec ? pack.value : canonical).second) continue;
      if (!fs::is_directory(pack.value, ec)) {
        errors.push_back(base::Error::environment("rule pack directory not found: " + pack.value, pack.where));
        continue;
      }
      selection.extraDirs.push_back(pack.value);
      selection.extraOrigins.push_back(located(pack.where));
    }
  }
}

base::ErrorList unknownRuleSettings(const ConfigResolver& resolver, const checks::RuleSet& rules) {
  const std::vector<std::string> ids = rules.ruleIds();
  base::ErrorList errors;
  auto check = [&](const config::RuleSetting& setting) {
    const std::string& pattern = setting.pattern.value;
    if (std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return config::globMatch(pattern, id); })) return;
    const auto near = config::nearestMatch(pattern, ids);
    errors.push_back(base::Error::invalidInput(
        fmt::format("no loaded rule matches '{}'{}", pattern, near ? fmt::format("; did you mean '{}'?", *near) : ""),
        setting.pattern.where));
  };
  for (const config::ProjectConfig* config : resolver.configs()) {
    for (const config::RuleSetting& setting : config->rules) check(setting);
    for (const config::ConfigOverride& override : config->overrides) {
      for (const config::RuleSetting& setting : override.rules) check(setting);
    }
  }
  return errors;
}

std::unique_ptr<checks::RuleSet> loadRules(const RuleSelection& selection, std::ostream& err) {
  std::vector<std::string> dirs;
  if (selection.useBundled) {
    if (const auto bundled = bundledRulesDir()) {
      dirs.push_back(*bundled);
    } else if (selection.extraDirs.empty()) {
      err << "galley: error: no bundled rule packs found (looked in share/galley/rules next to the binary and in "
             "the source tree); give --rules DIR or --no-default-rules\n";
      return nullptr;
    }
  }
  // One pack reached twice (bundled and --rules, or two configs) would give one "duplicate rule
  // id" per rule; say it once, naming both places.
  std::map<std::string, std::string> originOf;  // canonical pack dir -> where it was named
  if (!dirs.empty()) {
    for (const std::string& pack : packDirsOf(dirs.front())) originOf.emplace(pack, "the bundled packs");
  }
  size_t duplicates = 0;
  for (size_t i = 0; i < selection.extraDirs.size(); ++i) {
    const std::string origin = i < selection.extraOrigins.size() && !selection.extraOrigins[i].empty()
                                   ? selection.extraOrigins[i]
                                   : "--rules " + selection.extraDirs[i];
    bool duplicate = false;
    for (const std::string& pack : packDirsOf(selection.extraDirs[i])) {
      const std::string name = fs::path(pack).filename().string();
      const auto [it, added] = originOf.emplace(pack, origin);
      if (!added) {
        err << "galley: error: rule pack '" << name << "' loaded twice: by " << it->second << " and by " << origin << '\n';
        duplicate = true;
        continue;
      }
      // Two folders of one name make the same rule ids ("p.x"): one error, not one per rule.
      const auto sameName = std::find_if(originOf.begin(), originOf.end(), [&](const auto& entry) {
        return entry.first != pack && fs::path(entry.first).filename().string() == name;
      });
      if (sameName == originOf.end()) continue;
      err << "galley: error: two rule packs named '" << name << "': " << sameName->first << " (" << sameName->second
          << ") and " << pack << " (" << origin << "); rule ids are '" << name << ".<id>', so rename one folder\n";
      duplicate = true;
    }
    if (duplicate) ++duplicates;
    dirs.push_back(selection.extraDirs[i]);
  }
  if (duplicates > 0) {
    err << "galley: configuration error; nothing was checked\n";
    return nullptr;
  }
  if (dirs.empty()) return std::make_unique<checks::RuleSet>();
  checks::LoadedRules loaded = checks::RuleSet::load(dirs);
  for (const base::Error& warning : loaded.warnings) {
    std::string line = warning.toString();
    if (const size_t at = line.find("error: "); at != std::string::npos) line.replace(at, std::string_view("error:").size(), "warning:");
    err << line << '\n';
  }
  if (reportConfigErrors(loaded.errors, err)) return nullptr;
  return std::make_unique<checks::RuleSet>(std::move(loaded.rules));
}

bool reportConfigErrors(const base::ErrorList& errors, std::ostream& err) {
  if (errors.empty()) return false;
  for (const base::Error& error : errors) err << error.toString() << '\n';
  err << "galley: " << errors.size() << (errors.size() == 1 ? " configuration error" : " configuration errors")
      << "; nothing was checked\n";
  return true;
}

RuleHooks hooksFor(const checks::RuleSet& rules, std::set<std::string> only) {
  RuleHooks hooks;
  hooks.ruleIds = rules.ruleIds();
  // The rules a run with `settings` (or without, when null) runs, in the given part.
  auto runPart = [&rules, only = std::move(only)](const document::Document& document, annotate::Annotations& annotations,
                                                  diag::DiagnosticSink& sink, const FileSettings* settings,
                                                  std::optional<checks::Locality> locality) {
    if (settings == nullptr) {
      rules.run(document, annotations, sink, only, nullptr, locality);
      return;
    }
    const std::set<std::string>& selected = settings->activeRules;
    if (only.empty()) {
      rules.run(document, annotations, sink, selected, &settings->replacedChecks, locality);
      return;
    }
    std::set<std::string> both;
    std::set_intersection(selected.begin(), selected.end(), only.begin(), only.end(), std::inserter(both, both.end()));
    if (!both.empty()) rules.run(document, annotations, sink, both, &settings->replacedChecks, locality);
  };
  hooks.run = [runPart](const document::Document& document, annotate::Annotations& annotations, diag::DiagnosticSink& sink) {
    runPart(document, annotations, sink, nullptr, std::nullopt);
  };
  hooks.runSelected = [runPart](const document::Document& document, annotate::Annotations& annotations,
                                diag::DiagnosticSink& sink, const FileSettings& settings) {
    runPart(document, annotations, sink, &settings, std::nullopt);
  };
  hooks.runPart = [runPart](const document::Document& document, annotate::Annotations& annotations,
                            diag::DiagnosticSink& sink, const FileSettings* settings, checks::Locality locality) {
    runPart(document, annotations, sink, settings, locality);
  };
  return hooks;
}

}  // namespace galley::engine
