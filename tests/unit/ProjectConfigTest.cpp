// .galley.yaml: globs, gitignore lines, validation with located errors, extends, and resolution
// per file (nearest config wins, overrides, command line last) as the engine applies it.
#include <gtest/gtest.h>

#include <string>

#include "CliHarness.h"
#include "checks/RuleSet.h"
#include "config/Glob.h"
#include "config/ProjectConfig.h"
#include "engine/ConfigResolver.h"
#include "engine/Engine.h"
#include "engine/RuleLoading.h"

namespace galley::config {
namespace {

using galley::testing::ScratchDir;

TEST(Glob, StarsQuestionMarksAndClasses) {
  EXPECT_TRUE(globMatch("un-style.*", "un-style.title-hyphenation"));
  EXPECT_FALSE(globMatch("un-style.*", "dates.validity"));
  EXPECT_TRUE(globMatch("*.md", "a.md"));
  EXPECT_FALSE(globMatch("*.md", "dir/a.md"));  // '*' stops at '/'
  EXPECT_TRUE(globMatch("archive/2010/**", "archive/2010/06/a.md"));
  EXPECT_FALSE(globMatch("archive/2010/**", "archive/2011/a.md"));
  EXPECT_TRUE(globMatch("**/a.md", "a.md"));
  EXPECT_TRUE(globMatch("**/a.md", "x/y/a.md"));
  EXPECT_TRUE(globMatch("file-?.md", "file-1.md"));
  EXPECT_FALSE(globMatch("file-?.md", "file-12.md"));
  EXPECT_TRUE(globMatch("[a-c]x", "bx"));
  EXPECT_FALSE(globMatch("[!a-c]x", "bx"));
}

TEST(Glob, GitignoreLinesAnchoringNegationAndFolders) {
  const auto patterns = parseIgnoreLines("# comment\n\nscratch/\n*.old.md\n!keep.old.md\n/top.md\nsub/deep.md\n", "/r");
  ASSERT_EQ(patterns.size(), 5U);
  EXPECT_TRUE(isIgnored(patterns, "/r/scratch/a.md"));
  EXPECT_TRUE(isIgnored(patterns, "/r/x/scratch/a.md"));  // no slash inside: at any depth
  EXPECT_TRUE(isIgnored(patterns, "/r/x/b.old.md"));
  EXPECT_FALSE(isIgnored(patterns, "/r/x/keep.old.md"));  // re-included
  EXPECT_TRUE(isIgnored(patterns, "/r/top.md"));
  EXPECT_FALSE(isIgnored(patterns, "/r/x/top.md"));       // anchored to /r
  EXPECT_TRUE(isIgnored(patterns, "/r/sub/deep.md"));
  EXPECT_FALSE(isIgnored(patterns, "/r/x/sub/deep.md"));
  EXPECT_FALSE(isIgnored(patterns, "/other/scratch/a.md"));  // outside the base
  EXPECT_FALSE(isIgnored(patterns, "/r/scratch.md"));        // "scratch/" matches folders only
}

TEST(ProjectConfig, ReadsEveryKey) {
  const ScratchDir dir;
  const std::string path = dir.write(".galley.yaml", R"(packs: [un-style, ./house]
rules:
  un-style.*: off
  dates.validity: {severity: error}
overrides:
  - files: ["archive/**"]
    rules: {dates.*: info}
ignore: [drafts/]
organisation: un
reference-date: 2024-03-01
date-order: month-first
)");
  const LoadedProjectConfig loaded = loadProjectConfig(path);
  ASSERT_TRUE(loaded.errors.empty()) << loaded.errors.front().toString();
  const ProjectConfig& config = loaded.config;
  ASSERT_EQ(config.packs.size(), 2U);
  EXPECT_EQ(config.packs[0].value, "un-style");
  EXPECT_EQ(config.packs[1].value, (dir.path() / "house").string());
  ASSERT_EQ(config.rules.size(), 2U);
  EXPECT_EQ(config.rules[0].level, RuleLevel::Off);
  EXPECT_EQ(config.rules[0].pattern.where.line, 3U);
  EXPECT_EQ(config.rules[0].pattern.where.column, 3U);
  EXPECT_EQ(config.rules[1].level, RuleLevel::Error);
  ASSERT_EQ(config.overrides.size(), 1U);
  EXPECT_EQ(config.overrides[0].files[0].value, "archive/**");
  EXPECT_EQ(config.overrides[0].rules[0].level, RuleLevel::Info);
  ASSERT_EQ(config.ignore.size(), 1U);
  EXPECT_TRUE(config.ignore[0].dirOnly);
  ASSERT_TRUE(config.organisation);
  EXPECT_EQ(config.organisation->value, "un");
  ASSERT_TRUE(config.referenceDate);
  EXPECT_EQ(config.referenceDate->value.mode, ReferenceDateMode::Fixed);
  EXPECT_EQ(config.referenceDate->value.date, (base::CivilDate{2024, 3, 1}));
  ASSERT_TRUE(config.dateOrder);
  EXPECT_EQ(config.dateOrder->value, DateOrder::MonthFirst);
}

// Every mistake gets its own located error; a misspelling gets a suggestion.
TEST(ProjectConfig, EveryErrorIsLocatedWithSuggestions) {
  const ScratchDir dir;
  const std::string path = dir.write(".galley.yaml", R"(rulez: {}
rules:
  un-style.*: of
  dates.validity: {severity: error, swap: {}}
overrides:
  - file: ["a/**"]
    rules: {x: off}
date-order: mnth-first
reference-date: 2024-02-30
organisation: [un]
)");
  const LoadedProjectConfig loaded = loadProjectConfig(path);
  std::vector<std::string> lines;
  for (const base::Error& error : loaded.errors) lines.push_back(error.toString());
  const std::string all = ::testing::PrintToString(lines);
  auto has = [&](const std::string& text) { return all.find(text) != std::string::npos; };
  EXPECT_TRUE(has(".galley.yaml:1:1: error: unknown key 'rulez' (did you mean 'rules'?)")) << all;
  EXPECT_TRUE(has(".galley.yaml:3:15: error: severity must be off, info, warning or error, not 'of' (did you mean 'off'?)")) << all;
  EXPECT_TRUE(has(".galley.yaml:4:37: error: unknown key 'swap'")) << all;
  EXPECT_TRUE(has(".galley.yaml:6:5: error: unknown override key 'file' (did you mean 'files'?)")) << all;
  EXPECT_TRUE(has(".galley.yaml:6:5: error: an override needs 'files'")) << all;
  EXPECT_TRUE(has(".galley.yaml:8:13: error: 'date-order' must be day-first or month-first, not 'mnth-first' (did you mean 'month-first'?)")) << all;
  EXPECT_TRUE(has(".galley.yaml:9:17: error: 'reference-date' must be front-matter, dateline or a date")) << all;
  EXPECT_TRUE(has(".galley.yaml:10:15: error: 'organisation' must be a string, not a list")) << all;
  EXPECT_EQ(loaded.errors.size(), 8U) << all;
}

TEST(ProjectConfig, BadYamlIsLocated) {
  const ScratchDir dir;
  const std::string path = dir.write(".galley.yaml", "rules:\n  a: [off\n");
  const LoadedProjectConfig loaded = loadProjectConfig(path);
  ASSERT_EQ(loaded.errors.size(), 1U);
  ASSERT_TRUE(loaded.errors[0].location());
  EXPECT_GE(loaded.errors[0].location()->line, 2U) << loaded.errors[0].toString();
}

// `extends` is read relative to the naming file, first, so that the naming file wins; a cycle and
// a missing file are located at the `extends` value.
TEST(ProjectConfig, ExtendsResolvesRelativeToTheNamingFile) {
  const ScratchDir dir;
  dir.write("shared/base.yaml", "rules: {un-style.*: off}\norganisation: osce\n");
  const std::string path = dir.write("team/.galley.yaml", "extends: ../shared/base.yaml\nrules: {un-style.spelling: error}\n");
  const LoadedProjectConfig loaded = loadProjectConfig(path);
  ASSERT_TRUE(loaded.errors.empty()) << loaded.errors.front().toString();
  ASSERT_EQ(loaded.config.rules.size(), 2U);
  EXPECT_EQ(loaded.config.rules[0].pattern.value, "un-style.*");
  EXPECT_EQ(loaded.config.rules[1].pattern.value, "un-style.spelling");
  EXPECT_EQ(loaded.config.organisation->value, "osce");
  EXPECT_EQ(loaded.config.files.size(), 2U);

  dir.write("loop/a.yaml", "extends: b.yaml\n");
  dir.write("loop/b.yaml", "extends: a.yaml\n");
  const LoadedProjectConfig cycle = loadProjectConfig((dir.path() / "loop/a.yaml").string());
  ASSERT_EQ(cycle.errors.size(), 1U);
  EXPECT_NE(cycle.errors[0].toString().find("b.yaml:1:10: error: 'extends' makes a cycle"), std::string::npos)
      << cycle.errors[0].toString();

  const std::string missing = dir.write("m/.galley.yaml", "extends: nowhere.yaml\n");
  const LoadedProjectConfig gone = loadProjectConfig(missing);
  ASSERT_EQ(gone.errors.size(), 1U);
  EXPECT_NE(gone.errors[0].toString().find(".galley.yaml:1:10: error: extended config file not found"), std::string::npos)
      << gone.errors[0].toString();
}

// A small pack for resolution: two rules of pack "t", one disabled by default.
constexpr const char* kPack = R"(rules:
  - id: loud
    kind: existence
    severity: error
    message: "Avoid '{found}'"
    tokens: [dynamically]
  - id: quiet
    kind: existence
    severity: warning
    enabled: false
    message: "Avoid '{found}'"
    tokens: [robust]
)";

checks::RuleSet loadPack(const ScratchDir& dir) {
  dir.write("packs/t/rules.yaml", kPack);
  checks::LoadedRules loaded = checks::RuleSet::load({(dir.path() / "packs/t").string()});
  EXPECT_TRUE(loaded.errors.empty());
  return std::move(loaded.rules);
}

TEST(ConfigResolver, NearestConfigWinsAndOverridesApplyToTheirFolderOnly) {
  const ScratchDir dir;
  const checks::RuleSet rules = loadPack(dir);
  dir.write(".galley.yaml", "rules: {t.quiet: info}\noverrides:\n  - files: [\"archive/**\"]\n    rules: {t.*: off}\n");
  dir.write("team/.galley.yaml", "rules: {t.loud: warning}\ndate-order: month-first\n");
  engine::ConfigResolver resolver({});
  const std::string top = (dir.path() / "a.md").string();
  const std::string archived = (dir.path() / "archive/2010/b.md").string();
  const std::string team = (dir.path() / "team/c.md").string();
  for (const auto& path : {top, archived, team}) resolver.configFor(path);
  ASSERT_TRUE(resolver.errors().empty());

  const auto atTop = resolver.settingsFor(top, rules);
  EXPECT_EQ(atTop->activeRules, (std::set<std::string>{"t.loud", "t.quiet"}));
  EXPECT_EQ(atTop->severities.at("t.loud"), diag::Severity::Error);
  EXPECT_EQ(atTop->severities.at("t.quiet"), diag::Severity::Info);
  EXPECT_TRUE(resolver.settingsFor(archived, rules)->activeRules.empty());
  // The nearest config replaces the outer one (it does not merge with it: use extends for that).
  const auto inTeam = resolver.settingsFor(team, rules);
  EXPECT_EQ(inTeam->activeRules, (std::set<std::string>{"t.loud"}));
  EXPECT_EQ(inTeam->severities.at("t.loud"), diag::Severity::Warning);
  EXPECT_EQ(inTeam->model.dateOrder, DateOrder::MonthFirst);
  EXPECT_EQ(atTop->model.dateOrder, DateOrder::DayFirst);

  // Why each rule has its level.
  const auto decisions = resolver.decide(archived, rules);
  ASSERT_EQ(decisions.size(), 2U);
  EXPECT_EQ(decisions[0].id, "t.loud");
  EXPECT_EQ(decisions[0].level, RuleLevel::Off);
  EXPECT_TRUE(decisions[0].why.starts_with("override ")) << decisions[0].why;
  EXPECT_TRUE(decisions[0].why.ends_with(".galley.yaml:4:13")) << decisions[0].why;
  const auto topDecisions = resolver.decide(top, rules);
  EXPECT_TRUE(topDecisions[0].why.starts_with("default ")) << topDecisions[0].why;
  EXPECT_TRUE(topDecisions[0].why.ends_with("rules.yaml:2:5")) << topDecisions[0].why;
  EXPECT_TRUE(topDecisions[1].why.ends_with(".galley.yaml:1:9")) << topDecisions[1].why;
}

TEST(ConfigResolver, CommandLineComesLastAndCarriesDates) {
  const ScratchDir dir;
  const checks::RuleSet rules = loadPack(dir);
  dir.write(".galley.yaml", "rules: {t.loud: off}\nreference-date: dateline\norganisation: sco\n");
  engine::ConfigOptions options;
  options.enable = {"t.loud"};
  options.disable = {"t.quiet"};
  options.referenceDate = base::CivilDate{2025, 1, 2};
  options.monthFirst = true;
  engine::ConfigResolver resolver(options);
  const std::string path = (dir.path() / "x.md").string();
  resolver.configFor(path);
  const auto settings = resolver.settingsFor(path, rules);
  EXPECT_EQ(settings->activeRules, (std::set<std::string>{"t.loud"}));
  EXPECT_EQ(settings->severities.at("t.loud"), diag::Severity::Error);  // --enable: the pack's severity
  EXPECT_EQ(settings->model.referenceDate.mode, ReferenceDateMode::Fixed);      // --ref beats the config
  EXPECT_EQ(settings->model.referenceDate.date, (base::CivilDate{2025, 1, 2}));
  EXPECT_EQ(settings->model.dateOrder, DateOrder::MonthFirst);
  EXPECT_EQ(settings->model.organisation, "sco");

  engine::ConfigResolver none([] {
    engine::ConfigOptions bare;
    bare.noConfig = true;
    return bare;
  }());
  none.configFor(path);
  EXPECT_EQ(none.settingsFor(path, rules)->activeRules, (std::set<std::string>{"t.loud"}));  // pack defaults
}

// The engine applies the resolved settings: off rules report nothing, severities are the config's,
// and the settings reach the per-file result.
TEST(ConfigResolver, EngineAppliesSeveritiesAndEnablesDefaultOffRules) {
  const ScratchDir dir;
  const checks::RuleSet rules = loadPack(dir);
  dir.write(".galley.yaml", "rules: {t.loud: info, t.quiet: error}\norganisation: un\n");
  dir.write("off/.galley.yaml", "rules: {t.*: off}\n");
  engine::ConfigResolver resolver({});
  const std::string on = (dir.path() / "a.md").string();
  const std::string off = (dir.path() / "off/a.md").string();
  resolver.configFor(on);
  resolver.configFor(off);
  engine::EngineOptions options;
  options.jobs = 1;
  options.settingsFor = [&](const std::string& path) { return resolver.settingsFor(path, rules); };
  const engine::Engine linter(engine::hooksFor(rules), options);
  const std::string text = "A dynamically robust plan.\n";
  const engine::FileResult result = linter.lint(base::SourceBuffer(on, text));
  ASSERT_EQ(result.diagnostics.size(), 2U);
  EXPECT_EQ(result.diagnostics[0].ruleId, "t.loud");
  EXPECT_EQ(result.diagnostics[0].severity, diag::Severity::Info);
  EXPECT_EQ(result.diagnostics[1].ruleId, "t.quiet");
  EXPECT_EQ(result.diagnostics[1].severity, diag::Severity::Error);
  ASSERT_TRUE(result.settings);
  EXPECT_EQ(result.settings->model.organisation, "un");
  EXPECT_TRUE(linter.lint(base::SourceBuffer(off, text)).diagnostics.empty());
}

}  // namespace
}  // namespace galley::config
