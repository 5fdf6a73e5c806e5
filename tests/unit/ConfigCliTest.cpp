// The configuration from the command line: .galley.yaml discovery, overrides, ignores, config
// errors (exit 2, located), `galley rules`, `init`, `explain`, --disable/--enable, --output, and
// the warnings for runs that would otherwise do nothing without a word.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "CliHarness.h"

namespace galley::tools {
namespace {

using galley::testing::readAll;
using galley::testing::RunResult;
using galley::testing::runBinary;
using galley::testing::ScratchDir;

constexpr const char* kPack = R"(rules:
  - id: loud
    kind: existence
    severity: error
    message: "Avoid '{found}'"
    tokens: [dynamically]
  - id: quiet
    kind: existence
    severity: warning
    message: "Avoid '{found}'"
    tokens: [robust]
)";

constexpr const char* kDraft = "A dynamically robust plan.\n";

// A project: pack t, a root config using it, drafts at the top, in archive/ and in team/.
void writeProject(const ScratchDir& dir) {
  dir.write("packs/t/rules.yaml", kPack);
  dir.write(".galley.yaml", R"(packs: [./packs/t]
overrides:
  - files: ["docs/archive/**"]
    rules:
      t.loud: off
)");
  dir.write("docs/a.md", kDraft);
  dir.write("docs/archive/2010/b.md", kDraft);
  dir.write("team/c.md", kDraft);
  dir.write("team/.galley.yaml", "packs: [../packs/t]\nrules: {t.quiet: off}\n");
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ConfigCli, FolderOverrideTurnsARuleOffThereOnlyAndTheNearestConfigWins) {
  const ScratchDir dir;
  writeProject(dir);
  const RunResult run = runBinary({"check", "--no-default-rules", "--format", "gcc", "."}, dir.path());
  EXPECT_EQ(run.code, 1) << run.err;
  // docs/a.md: both rules; the archive: t.loud off; team/: its own config turns t.quiet off.
  EXPECT_NE(run.out.find("docs/a.md:1:3: error: Avoid 'dynamically' [t.loud]"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("docs/a.md:1:15: warning: Avoid 'robust' [t.quiet]"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("b.md:1:3"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("b.md:1:15: warning: Avoid 'robust' [t.quiet]"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("team/c.md:1:3: error"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("team/c.md:1:15"), std::string::npos) << run.out;

  // --no-config: pack defaults everywhere (the pack then comes from --rules).
  const RunResult plain = runBinary({"check", "--no-config", "--no-default-rules", "--rules", "packs/t", "--format",
                                     "gcc", "docs"}, dir.path());
  EXPECT_EQ(count(plain.out, "[t.loud]"), 2U) << plain.out;
  // --config FILE: that file for every draft, no discovery.
  dir.write("other.yaml", "packs: [./packs/t]\nrules: {t.loud: info}\n");
  const RunResult other = runBinary({"check", "--no-default-rules", "--config", "other.yaml", "--format", "gcc", "team"},
                                    dir.path());
  EXPECT_EQ(other.code, 0) << other.err;  // only info and warning left
  EXPECT_NE(other.out.find("team/c.md:1:3: info: Avoid 'dynamically' [t.loud]"), std::string::npos) << other.out;
}

TEST(ConfigCli, RulesCommandShowsWhereEachSeverityCameFrom) {
  const ScratchDir dir;
  writeProject(dir);
  const RunResult archive = runBinary({"rules", "--no-default-rules", "docs/archive/2010"}, dir.path());
  ASSERT_EQ(archive.code, 0) << archive.err;
  EXPECT_TRUE(std::regex_search(archive.out, std::regex(R"(t\.loud +off +t +\S+rules\.yaml:2  override \S+/\.galley\.yaml:5:7)")))
      << archive.out;
  EXPECT_TRUE(std::regex_search(archive.out, std::regex(R"(t\.quiet +warning +t +\S+rules\.yaml:7  default \S+rules\.yaml:7:5)")))
      << archive.out;
  const RunResult team = runBinary({"rules", "--no-default-rules", "--disable", "t.l*", "team/c.md"}, dir.path());
  EXPECT_TRUE(std::regex_search(team.out, std::regex(R"(t\.quiet +off .* config \S+team/\.galley\.yaml:2:9)"))) << team.out;
  EXPECT_TRUE(std::regex_search(team.out, std::regex(R"(t\.loud +off .* --disable t\.l\*)"))) << team.out;
}

TEST(ConfigCli, EveryConfigErrorIsLocatedAndExitsTwo) {
  const ScratchDir dir;
  dir.write("packs/t/rules.yaml", kPack);
  dir.write("a.md", kDraft);
  dir.write(".galley.yaml", "packs: [./packs/t, un-styl]\nrulez: {}\nrules: {t.lod: off}\n");
  const RunResult run = runBinary({"check", "--no-default-rules", "a.md"}, dir.path());
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find(".galley.yaml:2:1: error: unknown key 'rulez' (did you mean 'rules'?)"), std::string::npos) << run.err;
  EXPECT_EQ(run.out, "");
  // Fixed, the next layer of checks shows: the bundled pack name and the rule id.
  dir.write(".galley.yaml", "packs: [./packs/t, un-styl]\nrules: {t.lod: off}\n");
  const RunResult names = runBinary({"check", "a.md"}, dir.path());
  EXPECT_EQ(names.code, 2);
  EXPECT_NE(names.err.find(".galley.yaml:1:20: error: unknown bundled pack 'un-styl'"), std::string::npos) << names.err;
  EXPECT_NE(names.err.find("did you mean 'un-style'?"), std::string::npos) << names.err;
  dir.write(".galley.yaml", "packs: [./packs/t]\nrules: {t.lod: off}\n");
  const RunResult ids = runBinary({"check", "--no-default-rules", "a.md"}, dir.path());
  EXPECT_EQ(ids.code, 2);
  EXPECT_NE(ids.err.find(".galley.yaml:2:9: error: no loaded rule matches 't.lod'; did you mean 't.loud'?"),
            std::string::npos) << ids.err;
  const RunResult flag = runBinary({"check", "--no-config", "--no-default-rules", "--rules", "packs/t", "--disable", "t.lod", "a.md"},
                                   dir.path());
  EXPECT_EQ(flag.code, 2);
  EXPECT_NE(flag.err.find("--disable t.lod: no loaded rule matches; did you mean 't.loud'?"), std::string::npos) << flag.err;
}

TEST(ConfigCli, IgnoreAndGitignoreDropWalkedFilesUnlessNoIgnore) {
  const ScratchDir dir;
  dir.write("packs/t/rules.yaml", kPack);
  dir.write(".galley.yaml", "packs: [./packs/t]\nignore: [\"scratch/\"]\n");
  dir.write(".gitignore", "*.tmp.md\n");
  dir.write("a.md", kDraft);
  dir.write("scratch/b.md", kDraft);
  dir.write("c.tmp.md", kDraft);
  const RunResult run = runBinary({"check", "--no-default-rules", "--format", "gcc", "."}, dir.path());
  EXPECT_NE(run.out.find("a.md:1:3"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("b.md"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("c.tmp.md"), std::string::npos) << run.out;
  const RunResult all = runBinary({"check", "--no-default-rules", "--no-ignore", "--format", "gcc", "."}, dir.path());
  EXPECT_NE(all.out.find("scratch/b.md:1:3"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("c.tmp.md:1:3"), std::string::npos) << all.out;
  // A file named on the command line is checked even when ignored.
  const RunResult named = runBinary({"check", "--no-default-rules", "--format", "gcc", "c.tmp.md"}, dir.path());
  EXPECT_NE(named.out.find("c.tmp.md:1:3"), std::string::npos) << named.out;
}

TEST(ConfigCli, SilentNoOpsAreWarnedAbout) {
  const ScratchDir dir;
  dir.write("packs/t/rules.yaml", kPack);
  dir.write("a.md", "A plan.\n<!-- galley-disable-line t.loud -->\n");
  // Zero rules active.
  const RunResult none = runBinary({"check", "--no-config", "--no-default-rules", "a.md"}, dir.path());
  EXPECT_EQ(none.code, 0);
  EXPECT_NE(none.err.find("warning: no rule is active"), std::string::npos) << none.err;
  // An unknown directive.
  const RunResult directive = runBinary({"check", "--no-config", "--no-default-rules", "--rules", "packs/t", "--format",
                                         "gcc", "a.md"}, dir.path());
  EXPECT_NE(directive.out.find("a.md:2:6: warning: unknown directive 'galley-disable-line'; it suppresses nothing; did "
                               "you mean 'galley-disable-next-line'?"),
            std::string::npos) << directive.out;
  EXPECT_EQ(directive.err.find("no rule is active"), std::string::npos) << directive.err;
  // The same pack twice: one error naming both places.
  const RunResult twice = runBinary({"check", "--no-config", "--no-default-rules", "--rules", "packs/t", "--rules",
                                     "packs/t/", "a.md"}, dir.path());
  EXPECT_EQ(twice.code, 2);
  EXPECT_EQ(count(twice.err, "error:"), 1U) << twice.err;
  EXPECT_NE(twice.err.find("rule pack 't' loaded twice: by --rules packs/t and by --rules packs/t/"), std::string::npos)
      << twice.err;
  // Two folders of one name would define the same rule ids: one error naming both.
  dir.write("other/t/rules.yaml", kPack);
  const RunResult sameName = runBinary({"check", "--no-config", "--no-default-rules", "--rules", "packs/t", "--rules",
                                        "other/t", "a.md"}, dir.path());
  EXPECT_EQ(sameName.code, 2);
  EXPECT_EQ(count(sameName.err, "error:"), 1U) << sameName.err;
  EXPECT_NE(sameName.err.find("two rule packs named 't': "), std::string::npos) << sameName.err;
  EXPECT_NE(sameName.err.find("(--rules packs/t) and "), std::string::npos) << sameName.err;
  // An override that matches no file.
  dir.write(".galley.yaml", "packs: [./packs/t]\noverrides:\n  - files: [\"archiv/**\"]\n    rules: {t.loud: off}\n");
  const RunResult unused = runBinary({"check", "--no-default-rules", "a.md"}, dir.path());
  EXPECT_NE(unused.err.find(".galley.yaml:3:14: warning: override 'files' match no file checked in this run"),
            std::string::npos) << unused.err;
}

TEST(ConfigCli, OutputFileGetsTheReportAndTheTerminalTheSummary) {
  const ScratchDir dir;
  dir.write("packs/t/rules.yaml", kPack);
  dir.write("a.md", kDraft);
  const RunResult run = runBinary({"check", "--no-config", "--no-default-rules", "--rules", "packs/t", "--format", "json",
                                   "--output", "report.json", "a.md"}, dir.path());
  EXPECT_EQ(run.code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("1 file checked: 1 error, 1 warning, 0 info; report in report.json"), std::string::npos) << run.err;
  const std::string report = readAll((dir.path() / "report.json").string());
  EXPECT_NE(report.find("t.loud"), std::string::npos) << report;
  EXPECT_NE(report.find("t.quiet"), std::string::npos) << report;
}

TEST(ConfigCli, InitWritesAStarterThatLoadsAndRefusesToOverwrite) {
  const ScratchDir dir;
  const RunResult init = runBinary({"init"}, dir.path());
  ASSERT_EQ(init.code, 0) << init.err;
  const std::string written = readAll((dir.path() / ".galley.yaml").string());
  EXPECT_NE(written.find("# overrides:"), std::string::npos);
  dir.write("a.md", "A plan.\n");
  const RunResult check = runBinary({"check", "a.md"}, dir.path());
  EXPECT_EQ(check.code, 0) << check.err;
  EXPECT_EQ(runBinary({"init"}, dir.path()).code, 2);
  EXPECT_EQ(runBinary({"init", "--force"}, dir.path()).code, 0);
}

TEST(ConfigCli, ExplainShowsDocsOptionsAndExamples) {
  const ScratchDir dir;
  dir.write("packs/t/rules.yaml", std::string(kPack) + "    tests:\n      - bad: \"A robust plan.\"\n      - good: \"A plan.\"\n");
  const RunResult run = runBinary({"explain", "--no-default-rules", "--rules", "packs/t", "t.quiet"}, dir.path());
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("t.quiet (existence rule, pack t, default warning)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("    tokens: [robust]"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("tokens: [dynamically]"), std::string::npos) << run.out;  // not the other rule's
  EXPECT_NE(run.out.find("  flagged:  A robust plan."), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("  accepted: A plan."), std::string::npos) << run.out;
  const RunResult typo = runBinary({"explain", "--no-default-rules", "--rules", "packs/t", "t.quite"}, dir.path());
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.err.find("did you mean 't.quiet'?"), std::string::npos) << typo.err;
}

TEST(ConfigCli, RuleOptionsFromAConfigReplaceThePacksAndASeverityAloneKeepsThem) {
  const ScratchDir dir;
  dir.write("packs/t/rules.yaml", kPack);
  // Root: t.quiet looks for "plan" instead of "robust". archive/: a severity alone keeps those
  // options; team/: its own options replace them (ESLint's rule for options).
  dir.write(".galley.yaml", R"(packs: [./packs/t]
rules:
  t.quiet: {severity: warning, options: {tokens: [plan]}}
overrides:
  - files: ["archive/**"]
    rules: {t.quiet: error}
  - files: ["team/**"]
    rules:
      t.quiet: {severity: warning, options: {tokens: [robust, dynamically]}}
)");
  dir.write("a.md", kDraft);
  dir.write("archive/b.md", kDraft);
  dir.write("team/c.md", kDraft);
  const RunResult run = runBinary({"check", "--no-default-rules", "--format", "gcc", "."}, dir.path());
  EXPECT_NE(run.out.find("a.md:1:22: warning: Avoid 'plan' [t.quiet]"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("a.md:1:15"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("archive/b.md:1:22: error: Avoid 'plan' [t.quiet]"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("team/c.md:1:15: warning: Avoid 'robust' [t.quiet]"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("team/c.md:1:3: warning: Avoid 'dynamically' [t.quiet]"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("team/c.md:1:22"), std::string::npos) << run.out;
  // `galley rules` says where the options come from.
  const RunResult rules = runBinary({"rules", "team/c.md"}, dir.path());
  EXPECT_TRUE(std::regex_search(rules.out, std::regex(R"(t\.quiet .*override .*\.galley\.yaml:9:7; options .*\.galley\.yaml:9:\d+)")))
      << rules.out;
}

TEST(ConfigCli, BadRuleOptionsAreLocatedInTheConfigAndExitTwo) {
  const ScratchDir dir;
  dir.write("packs/t/rules.yaml", kPack);
  dir.write(".galley.yaml", R"(packs: [./packs/t]
rules:
  t.quiet: {severity: warning, options: {tokenz: [plan], ignorecase: maybe}}
)");
  dir.write("a.md", kDraft);
  const RunResult run = runBinary({"check", "--no-default-rules", "a.md"}, dir.path());
  EXPECT_EQ(run.code, 2) << run.out;
  EXPECT_NE(run.err.find(".galley.yaml:3:42: error: unknown 'existence' option 'tokenz' (did you mean 'tokens'?)"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(run.out.find("Avoid"), std::string::npos) << run.out;
  // Options are kind-specific, so a pattern over several rules cannot take them.
  dir.write(".galley.yaml", "packs: [./packs/t]\nrules:\n  \"t.*\": {severity: warning, options: {tokens: [plan]}}\n");
  const RunResult glob = runBinary({"check", "--no-default-rules", "a.md"}, dir.path());
  EXPECT_EQ(glob.code, 2);
  EXPECT_NE(glob.err.find(".galley.yaml:3:3: error: 'options' need one rule id, not a pattern"), std::string::npos)
      << glob.err;
}

// reference-date, date-order (and --ref, --month-first) reach the dates the checks read.
TEST(ConfigCli, ReferenceDateAndDateOrderFromTheConfigAndTheCommandLineReachTheChecks) {
  const ScratchDir dir;
  // No dateline and no front matter: the tense check has nothing to judge against by itself.
  dir.write("past.md", "The conference was held on 20 May 2018 in Brussels.\n");
  // 04/03/2017 read month first is Monday 3 April 2017; day first it is Saturday 4 March 2017.
  dir.write("numeric.md", "The talks opened on Monday, 04/03/2017 in Vienna.\n");
  const RunResult plain = runBinary({"check", "--format", "gcc", "past.md", "numeric.md"}, dir.path());
  EXPECT_EQ(plain.out.find("[dates.tense]"), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find("numeric.md:1:21: error"), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find("[dates.weekday-mismatch]"), std::string::npos) << plain.out;

  dir.write(".galley.yaml", "reference-date: 2018-05-02\ndate-order: month-first\n");
  const RunResult configured = runBinary({"check", "--format", "gcc", "past.md", "numeric.md"}, dir.path());
  EXPECT_NE(configured.out.find("past.md:1:28: warning"), std::string::npos) << configured.out;
  EXPECT_NE(configured.out.find("[dates.tense]"), std::string::npos) << configured.out;
  EXPECT_EQ(configured.out.find("[dates.weekday-mismatch]"), std::string::npos) << configured.out;

  // The command line wins over the config: --ref after the conference, and no month-first.
  const RunResult flags = runBinary({"check", "--no-config", "--ref", "2018-06-01", "--month-first", "--format", "gcc",
                                     "past.md", "numeric.md"},
                                    dir.path());
  EXPECT_EQ(flags.out.find("[dates.tense]"), std::string::npos) << flags.out;
  EXPECT_EQ(flags.out.find("[dates.weekday-mismatch]"), std::string::npos) << flags.out;
  const RunResult early = runBinary({"check", "--ref", "2018-05-02", "--format", "gcc", "past.md"}, dir.path());
  EXPECT_NE(early.out.find("[dates.tense]"), std::string::npos) << early.out;
}

// A folder's `organisation:` decides whose house style applies when the draft's front matter is silent.
TEST(ConfigCli, TheFoldersOrganisationChoosesTheHouseStyleUnlessTheDraftNamesItsOwn) {
  const ScratchDir dir;
  dir.write("d.md", "The delegation published the report on its web site.\n");
  const RunResult un = runBinary({"check", "--format", "gcc", "d.md"}, dir.path());
  EXPECT_NE(un.out.find("d.md:1:44: warning: UN usage is 'website'"), std::string::npos) << un.out;
  dir.write(".galley.yaml", "organisation: OSCE\n");
  const RunResult osce = runBinary({"check", "--format", "gcc", "d.md"}, dir.path());
  EXPECT_EQ(osce.out.find("[un-style.terminology]"), std::string::npos) << osce.out;
  dir.write("own.md", "---\norganisation: UN\n---\nThe delegation published the report on its web site.\n");
  const RunResult own = runBinary({"check", "--format", "gcc", "own.md"}, dir.path());
  EXPECT_NE(own.out.find("[un-style.terminology]"), std::string::npos) << own.out;
}

}  // namespace
}  // namespace galley::tools
