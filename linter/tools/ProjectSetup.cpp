#include "tools/ProjectSetup.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>

#include "config/Glob.h"
#include "config/NearestName.h"
#include "diag/Fingerprint.h"
#include "engine/BundledPaths.h"
#include "engine/RuleLoading.h"

namespace galley::tools {

namespace {

namespace fs = std::filesystem;

std::string located(const base::Location& where) { return fmt::format("{}:{}:{}", where.path, where.line, where.column); }

// Warns of each override whose `files:` match none of `inputs` (a typo, or a moved folder).
void warnUnusedOverrides(engine::ConfigResolver& resolver, const std::vector<engine::Input>& inputs, std::ostream& err) {
  std::map<const config::ProjectConfig*, std::vector<std::string>> pathsOf;
  for (const engine::Input& input : inputs) {
    if (input.error) continue;
    if (const config::ProjectConfig* config = resolver.configFor(input.path))
      pathsOf[config].push_back(engine::absolutePath(input.path));
  }
  for (const auto& [config, paths] : pathsOf) {
    for (const config::ConfigOverride& override : config->overrides) {
      const bool used = std::any_of(paths.begin(), paths.end(), [&](const std::string& path) {
        if (!path.starts_with(override.baseDir + "/")) return false;
        const std::string relative = path.substr(override.baseDir.size() + 1);
        return std::any_of(override.files.begin(), override.files.end(),
                           [&](const auto& glob) { return config::globMatch(glob.value, relative); });
      });
      if (!used && !override.files.empty()) {
        err << located(override.files.front().where) << ": warning: override 'files' match no file checked in this run\n";
      }
    }
  }
}

// Hashes `path`'s name and bytes into `hash`, a chunk at a time (a pack's dictionary may be
// megabytes; holding it whole only to hash it doubled a run's peak memory).
uint64_t hashFile(const fs::path& path, uint64_t hash) {
  constexpr size_t kChunk = size_t{64} << 10U;
  hash = diag::fnv1a64(path.string(), hash);
  std::ifstream in(path, std::ios::binary);
  std::string chunk(kChunk, '\0');
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0)
    hash = diag::fnv1a64(std::string_view(chunk.data(), static_cast<size_t>(in.gcount())), hash);
  return hash;
}

// The executable's identity: path, size and modification time. Its bytes were hashed before, which
// read the whole binary on every run (92 MB with debug information: 0.3 s and 190 MB of peak
// memory before a single draft); a rebuild always gives a new time.
uint64_t hashExecutable(const fs::path& path, uint64_t hash) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  const auto written = fs::last_write_time(path, ec);
  if (ec) return diag::fnv1a64(path.string(), hash);
  return diag::fnv1a64(fmt::format("{}\n{}\n{}", path.string(), size, written.time_since_epoch().count()), hash);
}

// A rule setting (config or --disable/--enable) naming no rule at all is a typo, not a no-op.
// False, after printing every such error, when there is one.
bool checkRuleNames(const ParsedArgs& parsed, const ProjectSetup& setup, std::ostream& err) {
  const std::vector<std::string> ids = setup.rules->ruleIds();
  auto matchesNone = [&](const std::string& pattern) {
    return std::none_of(ids.begin(), ids.end(), [&](const std::string& id) { return config::globMatch(pattern, id); });
  };
  auto suggestion = [&](const std::string& pattern) {
    const auto near = config::nearestMatch(pattern, ids);
    return near ? fmt::format("; did you mean '{}'?", *near) : std::string();
  };
  if (engine::reportConfigErrors(engine::unknownRuleSettings(*setup.resolver, *setup.rules), err)) return false;
  for (const auto* flag : {"--disable", "--enable"}) {
    for (const std::string& pattern : parsed.all(flag)) {
      if (!matchesNone(pattern)) continue;
      err << fmt::format("galley: error: {} {}: no loaded rule matches{}\n", flag, pattern, suggestion(pattern));
      return false;
    }
  }
  return true;
}

}  // namespace

std::string cacheRunKey(const ProjectSetup& setup) {
  uint64_t hash = diag::fnv1a64(GALLEY_VERSION);
  // The executable itself: a rebuilt Galley with the same version number must not reuse results.
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) hash = hashExecutable(self, hash);
  for (const std::string& dir : setup.packDirs) {
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) hash = hashFile(file, hash);
  }
  return fmt::format("{:016x}", hash);
}

const std::vector<OptionSpec>& configOptions() {
  static const std::vector<OptionSpec> kOptions = {
      {"--config", "FILE", "use this .galley.yaml for every file (no discovery)", false},
      {"--no-config", "", "ignore every .galley.yaml (pack defaults only)", false},
      {"--no-ignore", "", "check files that 'ignore:' or a .gitignore leaves out", false},
      {"--disable", "RULE", "turn a rule (id or glob, e.g. 'un-style.*') off; repeatable", true},
      {"--enable", "RULE", "turn a rule on at its pack severity; repeatable", true},
      {"--ref", "DATE", "reference date (YYYY-MM-DD) for every draft", false},
      {"--month-first", "", "read numeric dates month first (04/05 is 5 April)", false},
  };
  return kOptions;
}

std::unique_ptr<ProjectSetup> setUpProject(const ParsedArgs& parsed, const std::vector<std::string>& paths,
                                           const std::string& stdinName, std::ostream& err,
                                           const std::vector<std::string>& probes) {
  engine::ConfigOptions options;
  options.explicitConfig = parsed.last("--config");
  options.noConfig = parsed.has("--no-config");
  if (options.explicitConfig && options.noConfig) {
    err << "galley: error: --config and --no-config cannot be used together\n";
    return nullptr;
  }
  options.disable = parsed.all("--disable");
  options.enable = parsed.all("--enable");
  options.monthFirst = parsed.has("--month-first");
  if (const auto ref = parsed.last("--ref")) {
    options.referenceDate = config::parseIsoDay(*ref);
    if (!options.referenceDate) {
      err << fmt::format("galley: error: --ref: expected a date as YYYY-MM-DD, got '{}'\n", *ref);
      return nullptr;
    }
  }
  if (options.explicitConfig) {
    std::error_code ec;
    if (!fs::is_regular_file(*options.explicitConfig, ec)) {
      err << fmt::format("{}: error: config file not found (--config)\n", *options.explicitConfig);
      return nullptr;
    }
  }
  auto setup = std::make_unique<ProjectSetup>();
  setup->resolver = std::make_unique<engine::ConfigResolver>(options);
  const std::set<std::string> named(paths.begin(), paths.end());
  const bool useIgnores = !parsed.has("--no-ignore");  // both `ignore:` and .gitignore files
  for (engine::Input& input : engine::collectInputs(paths, stdinName)) {
    if (!input.error) {
      setup->resolver->configFor(input.path);
      const bool walked = !input.isStdin && !named.contains(input.path);
      if (walked && useIgnores && setup->resolver->ignored(input.path, true)) continue;
    }
    setup->inputs.push_back(std::move(input));
  }
  for (const std::string& probe : probes) setup->resolver->configFor(probe);
  base::ErrorList errors = setup->resolver->errors();
  engine::RuleSelection selection{parsed.all("--rules"), !parsed.has("--no-default-rules"), {}};
  if (errors.empty()) engine::addConfigPacks(*setup->resolver, selection, errors);
  if (engine::reportConfigErrors(errors, err)) return nullptr;
  setup->rules = engine::loadRules(selection, err);
  if (!setup->rules) return nullptr;
  if (selection.useBundled) {
    if (const auto bundled = engine::bundledRulesDir()) setup->packDirs.push_back(*bundled);
  }
  setup->packDirs.insert(setup->packDirs.end(), selection.extraDirs.begin(), selection.extraDirs.end());
  if (!checkRuleNames(parsed, *setup, err)) return nullptr;
  if (engine::reportConfigErrors(setup->resolver->prepareRuleOptions(*setup->rules), err)) return nullptr;
  warnUnusedOverrides(*setup->resolver, setup->inputs, err);
  return setup;
}

}  // namespace galley::tools
