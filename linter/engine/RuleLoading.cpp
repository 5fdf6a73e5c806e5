#include "engine/RuleLoading.h"

#include "engine/BundledPaths.h"

namespace galley::engine {

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
  dirs.insert(dirs.end(), selection.extraDirs.begin(), selection.extraDirs.end());
  if (dirs.empty()) return std::make_unique<checks::RuleSet>();
  checks::LoadedRules loaded = checks::RuleSet::load(dirs);
  for (const base::Error& warning : loaded.warnings) {
    std::string line = warning.toString();
    if (const size_t at = line.find("error: "); at != std::string::npos) line.replace(at, std::string_view("error:").size(), "warning:");
    err << line << '\n';
  }
  if (!loaded.errors.empty()) {
    for (const base::Error& error : loaded.errors) err << error.toString() << '\n';
    err << "galley: " << loaded.errors.size() << (loaded.errors.size() == 1 ? " configuration error" : " configuration errors")
        << "; nothing was checked\n";
    return nullptr;
  }
  return std::make_unique<checks::RuleSet>(std::move(loaded.rules));
}

RuleHooks hooksFor(const checks::RuleSet& rules, std::set<std::string> only) {
  RuleHooks hooks;
  hooks.ruleIds = rules.ruleIds();
  hooks.run = [&rules, only = std::move(only)](const document::Document& document, annotate::Annotations& annotations,
                                               diag::DiagnosticSink& sink) { rules.run(document, annotations, sink, only); };
  return hooks;
}

}  // namespace galley::engine
