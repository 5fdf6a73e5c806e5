// The galley binary end to end: help and usage errors, output formats, exit codes, suppressions,
// `galley test` on broken fixtures and self-tests, configuration errors and bad input.
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace galley::tools {
namespace {


// What a run of the binary produced.
struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

// A fresh directory under the system temp dir, removed with everything in it at destruction.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "galley-cli-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to `relative` (directories created) and returns the full path.
  std::string write(const std::string& relative, const std::string& bytes) const {
    const auto full = path_ / relative;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream(full, std::ios::binary) << bytes;
    return full.string();
  }

 private:
  std::filesystem::path path_;
};

inline std::string quote(const std::string& arg) {
  std::string out = "'";
  for (const char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs GALLEY_BINARY with `args` in `workDir`, feeding `input` on stdin; NO_COLOR is set so that
// nothing depends on the caller's terminal. A run longer than `timeoutSeconds` is killed (code 124).
inline RunResult runGalley(const std::vector<std::string>& args, const std::filesystem::path& workDir,
                           const std::string& input = "", int timeoutSeconds = 60) {
  const ScratchDir io;
  const std::string in = io.write("stdin", input);
  const std::string out = (io.path() / "stdout").string();
  const std::string err = (io.path() / "stderr").string();
  std::string command = "cd " + quote(workDir.string()) + " && NO_COLOR=1 timeout " + std::to_string(timeoutSeconds) +
                        " " + quote(GALLEY_BINARY);
  for (const std::string& arg : args) command += " " + quote(arg);
  command += " <" + quote(in) + " >" + quote(out) + " 2>" + quote(err);
  const int status = std::system(command.c_str());  // NOLINT(cert-env33-c): the test runs its own binary
  RunResult result;
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(out);
  result.err = slurp(err);
  return result;
}


const std::string kSourceDir = GALLEY_SOURCE_DIR;

// A pack "t" with one error rule (with a fix) and one warning rule.
const std::string kPack = R"(rules:
  - id: spaced-title
    kind: substitution
    severity: error
    message: "Write '{expected}', not '{found}'"
    swap:
      Under-Secretary General: Under-Secretary-General
  - id: soft-word
    kind: existence
    severity: warning
    message: "Avoid '{found}'"
    tokens: [dynamically]
)";

// "check --no-default-rules --rules <scratch>/packs/t" followed by `more`.
std::vector<std::string> checkWithPack(const ScratchDir& dir, std::vector<std::string> more) {
  dir.write("packs/t/rules.yaml", kPack);
  std::vector<std::string> args = {"check", "--no-default-rules", "--rules", (dir.path() / "packs/t").string()};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

bool matches(const std::string& text, const std::string& pattern) { return std::regex_search(text, std::regex(pattern)); }

TEST(Cli, VersionAndHelp) {
  const ScratchDir dir;
  const RunResult version = runGalley({"--version"}, dir.path());
  EXPECT_EQ(version.code, 0);
  EXPECT_TRUE(matches(version.out, R"(^galley \d+\.\d+\.\d+\n$)")) << version.out;
  const RunResult help = runGalley({"--help"}, dir.path());
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("check PATH..."), std::string::npos);
  const RunResult checkHelp = runGalley({"check", "--help"}, dir.path());
  EXPECT_EQ(checkHelp.code, 0);
  EXPECT_NE(checkHelp.out.find("--fail-on LEVEL"), std::string::npos) << checkHelp.out;
  EXPECT_EQ(runGalley({"help", "test"}, dir.path()).out, runGalley({"test", "--help"}, dir.path()).out);
}

TEST(Cli, UnknownCommandOrFlagIsAUsageErrorWithASuggestion) {
  const ScratchDir dir;
  const RunResult command = runGalley({"chekc", "x.md"}, dir.path());
  EXPECT_EQ(command.code, 2);
  EXPECT_NE(command.err.find("unknown command 'chekc'; did you mean 'check'?"), std::string::npos) << command.err;
  const RunResult flag = runGalley({"check", "--fial-on", "warning", "x.md"}, dir.path());
  EXPECT_EQ(flag.code, 2);
  EXPECT_NE(flag.err.find("unknown option '--fial-on'; did you mean '--fail-on'?"), std::string::npos) << flag.err;
  const RunResult format = runGalley({"check", "--format", "jsno", "x.md"}, dir.path());
  EXPECT_EQ(format.code, 2);
  EXPECT_NE(format.err.find("did you mean 'json'?"), std::string::npos) << format.err;
  EXPECT_EQ(runGalley({"check"}, dir.path()).code, 2);  // no input at all
  EXPECT_EQ(runGalley({}, dir.path()).code, 2);
}

TEST(CliCheck, TextOutputIsClangStyle) {
  const ScratchDir dir;
  dir.write("t.md", "# Talks\n\nThe\tUnder-Secretary General spoke dynamically.\n");
  const RunResult run = runGalley(checkWithPack(dir, {"t.md"}), dir.path());
  EXPECT_EQ(run.code, 1);
  const std::string expected =
      "t.md:3:5: error: Write 'Under-Secretary-General', not 'Under-Secretary General' [t.spaced-title]\n"
      "The     Under-Secretary General spoke dynamically.\n"
      "        ^" + std::string(22, '~') + "\n"
      "fix: replace 'Under-Secretary General' with 'Under-Secretary-General'\n"
      "t.md:3:35: warning: Avoid 'dynamically' [t.soft-word]\n"
      "The     Under-Secretary General spoke dynamically.\n"
      "                                      ^" + std::string(10, '~') + "\n";
  ASSERT_GE(run.out.size(), expected.size()) << run.out;
  EXPECT_EQ(run.out.substr(0, expected.size()), expected);
  EXPECT_TRUE(matches(run.out.substr(expected.size()), R"(^1 file checked: 1 error, 1 warning, 0 infos \(\d+\.\d\d s\)\n$)"))
      << run.out;
  EXPECT_EQ(run.err, "");
  // --quiet drops the summary, --no-color/--color=never change nothing without a terminal.
  EXPECT_EQ(runGalley(checkWithPack(dir, {"--quiet", "--no-color", "t.md"}), dir.path()).out, expected);
  const RunResult coloured = runGalley(checkWithPack(dir, {"--quiet", "--color=always", "t.md"}), dir.path());
  EXPECT_NE(coloured.out.find("\033[1;31merror:\033[0m"), std::string::npos);
}

TEST(CliCheck, JsonIsOneObjectWithPositionsAndFix) {
  const ScratchDir dir;
  dir.write("a.md", "Under-Secretary General\n");
  dir.write("b.md", "It moved dynamically.\n");
  const RunResult run = runGalley(checkWithPack(dir, {"--format", "json", "a.md", "b.md"}), dir.path());
  EXPECT_EQ(run.code, 1);
  const auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["version"], 1);
  ASSERT_EQ(json["diagnostics"].size(), 2U);
  const auto& first = json["diagnostics"][0];
  EXPECT_EQ(first["path"], "a.md");
  EXPECT_EQ(first["line"], 1);
  EXPECT_EQ(first["column"], 1);
  EXPECT_EQ(first["end_line"], 1);
  EXPECT_EQ(first["end_column"], 24);
  EXPECT_EQ(first["rule"], "t.spaced-title");
  EXPECT_EQ(first["fix"]["safe"], true);
  EXPECT_EQ(first["fix"]["edits"][0]["text"], "Under-Secretary-General");
  const auto& second = json["diagnostics"][1];
  EXPECT_EQ(second["path"], "b.md");
  EXPECT_EQ(second["severity"], "warning");
  EXPECT_EQ(second["column"], 10);
  EXPECT_TRUE(second["fix"].is_null());
  EXPECT_TRUE(second["notes"].empty());
}

TEST(CliCheck, ExitCodeFollowsFailOn) {
  const ScratchDir dir;
  dir.write("warn.md", "It moved dynamically.\n");
  dir.write("err.md", "Under-Secretary General\n");
  dir.write("fine.md", "Nothing to see.\n");
  EXPECT_EQ(runGalley(checkWithPack(dir, {"warn.md"}), dir.path()).code, 0);
  EXPECT_EQ(runGalley(checkWithPack(dir, {"--fail-on", "warning", "warn.md"}), dir.path()).code, 1);
  EXPECT_EQ(runGalley(checkWithPack(dir, {"--fail-on=info", "warn.md"}), dir.path()).code, 1);
  EXPECT_EQ(runGalley(checkWithPack(dir, {"--fail-on", "none", "err.md"}), dir.path()).code, 0);
  EXPECT_EQ(runGalley(checkWithPack(dir, {"err.md"}), dir.path()).code, 1);
  EXPECT_EQ(runGalley(checkWithPack(dir, {"fine.md"}), dir.path()).code, 0);
  EXPECT_EQ(runGalley(checkWithPack(dir, {"--fail-on", "fatal", "fine.md"}), dir.path()).code, 2);
}

TEST(CliCheck, InputErrorsWinButTheOtherFilesAreStillChecked) {
  const ScratchDir dir;
  dir.write("err.md", "Under-Secretary General\n");
  const RunResult run = runGalley(checkWithPack(dir, {"missing.md", "err.md"}), dir.path());
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("missing.md: error: No such file or directory\n"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("err.md:1:1: error:"), std::string::npos) << run.out;
}

TEST(CliCheck, SuppressionRegionsNextLineAndUnknownIds) {
  const ScratchDir dir;
  dir.write("s.md",
            "Under-Secretary General one.\n\n"
            "<!-- galley-disable t.spaced-title -->\n"
            "Under-Secretary General two, dynamically.\n"
            "<!-- galley-enable t.spaced-title -->\n\n"
            "<!-- galley-disable-next-line -->\n"
            "Under-Secretary General three, dynamically.\n\n"
            "<!-- galley-disable-next-line t.spaced-titel -->\n"
            "Under-Secretary General four.\n");
  const RunResult run = runGalley(checkWithPack(dir, {"--format", "gcc", "s.md"}), dir.path());
  EXPECT_EQ(run.out,
            "s.md:1:1: error: Write 'Under-Secretary-General', not 'Under-Secretary General' [t.spaced-title]\n"
            "s.md:4:30: warning: Avoid 'dynamically' [t.soft-word]\n"
            "s.md:10:31: warning: unknown rule 't.spaced-titel' in suppression comment; did you mean "
            "'t.spaced-title'? [galley.unknown-rule-in-suppression]\n"
            "s.md:11:1: error: Write 'Under-Secretary-General', not 'Under-Secretary General' [t.spaced-title]\n");
}

TEST(CliCheck, DirectoriesAreWalkedSortedSkippingHiddenAndBinaryIsAnError) {
  const ScratchDir dir;
  const std::string bad = "Under-Secretary General\n";
  dir.write("in/b.md", bad);
  dir.write("in/a.txt", bad);
  dir.write("in/sub/c.markdown", bad);
  dir.write("in/notes.rst", bad);
  dir.write("in/.hidden/x.md", bad);
  dir.write("in/node_modules/y.md", bad);
  dir.write("in/blob.md", std::string("PK\0\x03\x04 binary", 12));
  std::filesystem::create_directory_symlink(dir.path() / "in", dir.path() / "in/sub/loop");
  const RunResult run = runGalley(checkWithPack(dir, {"--format", "gcc", "in"}), dir.path());
  EXPECT_EQ(run.code, 2);
  std::vector<std::string> paths;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) paths.push_back(line.substr(0, line.find(':')));
  EXPECT_EQ(paths, (std::vector<std::string>{"in/a.txt", "in/b.md", "in/sub/c.markdown"})) << run.out;
  EXPECT_EQ(run.err, "in/blob.md:1:3: error: binary file (NUL byte); not a draft\ngalley: 1 input could not be checked\n");
}

TEST(CliCheck, InvalidUtf8IsReportedWhereItIsAndTheRestIsChecked) {
  const ScratchDir dir;
  dir.write("u.txt", "Title\n\nAb\xC3\xA9 \xFF\xFE then Under-Secretary General.\n");
  const RunResult run = runGalley(checkWithPack(dir, {"--format", "gcc", "u.txt"}), dir.path());
  EXPECT_EQ(run.code, 1);
  EXPECT_EQ(run.out,
            "u.txt:3:5: error: invalid UTF-8 (0xFF 0xFE); the rest of the file is still checked [galley.invalid-utf8]\n"
            "u.txt:3:13: error: Write 'Under-Secretary-General', not 'Under-Secretary General' [t.spaced-title]\n");
}

TEST(CliCheck, EmptyFileIsFine) {
  const ScratchDir dir;
  dir.write("empty.md", "");
  const RunResult run = runGalley(checkWithPack(dir, {"--quiet", "empty.md"}), dir.path());
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");
}

TEST(CliCheck, AbsurdNestingIsAWarningNotACrash) {
  const ScratchDir dir;
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "> ";
  dir.write("deep.md", deep + "Under-Secretary General\n\nNext paragraph, dynamically.\n");
  const RunResult run = runGalley(checkWithPack(dir, {"--format", "gcc", "deep.md"}), dir.path());
  EXPECT_EQ(run.code, 1) << run.err;
  EXPECT_EQ(run.out,
            "deep.md:1:1: warning: block quotes and lists nested more than 64 levels deep; these lines are checked as "
            "plain paragraphs [galley.nesting-too-deep]\n"
            "deep.md:1:601: error: Write 'Under-Secretary-General', not 'Under-Secretary General' [t.spaced-title]\n"
            "deep.md:3:17: warning: Avoid 'dynamically' [t.soft-word]\n");
}

// Choice: files above --max-file-size (default 16 MiB) are refused at once with a clear message;
// a larger limit lints them.
TEST(CliCheck, TwentyMegabyteFileIsRefusedQuicklyUnlessTheLimitIsRaised) {
  const ScratchDir dir;
  const std::string line = "The delegations met in Vienna and agreed to keep working together on the anti-drug track.\n";
  std::string big;
  constexpr size_t kTwentyMegabytes = size_t{20} << 20U;
  big.reserve(kTwentyMegabytes + line.size());
  while (big.size() < kTwentyMegabytes) big += line;
  big += "Under-Secretary General at the very end.\n";
  dir.write("big.txt", big);
  const RunResult refused = runGalley(checkWithPack(dir, {"big.txt"}), dir.path(), "", 20);
  EXPECT_EQ(refused.code, 2);
  EXPECT_TRUE(matches(refused.err, R"(^big\.txt: error: file is too large \(\d+ bytes; the limit is 16777216 bytes, see --max-file-size\)\n)"))
      << refused.err;
  const RunResult linted = runGalley(checkWithPack(dir, {"--max-file-size", "32M", "--format", "gcc", "big.txt"}),
                                     dir.path(), "", 120);
  EXPECT_EQ(linted.code, 1) << linted.err;
  EXPECT_TRUE(matches(linted.out, R"(^big\.txt:\d+:1: error: Write 'Under-Secretary-General')")) << linted.out;
}

TEST(CliCheck, StandardInputWithAFilename) {
  const ScratchDir dir;
  const RunResult named = runGalley(checkWithPack(dir, {"--format", "gcc", "--stdin-filename", "draft.txt", "-"}),
                                    dir.path(), "Headline\n\nThe Under-Secretary General spoke.\n");
  EXPECT_EQ(named.code, 1);
  EXPECT_EQ(named.out,
            "draft.txt:3:5: error: Write 'Under-Secretary-General', not 'Under-Secretary General' [t.spaced-title]\n");
  const RunResult anonymous = runGalley(checkWithPack(dir, {"--format", "gcc", "-"}), dir.path(), "It moved dynamically.\n");
  EXPECT_EQ(anonymous.out, "<stdin>:1:10: warning: Avoid 'dynamically' [t.soft-word]\n");
  EXPECT_EQ(runGalley(checkWithPack(dir, {"-"}), dir.path(), std::string("a\0b", 3)).code, 2);
}

TEST(CliCheck, ParallelRunsKeepInputOrder) {
  const ScratchDir dir;
  std::vector<std::string> expected;
  for (int i = 0; i < 40; ++i) {
    const std::string name = "f" + std::to_string(100 + i) + ".md";
    dir.write("many/" + name, std::string(static_cast<size_t>(i % 7) * 500, 'x') + "\nUnder-Secretary General\n");
    expected.push_back("many/" + name);
  }
  const RunResult run = runGalley(checkWithPack(dir, {"--jobs", "4", "--format", "gcc", "many"}), dir.path());
  std::vector<std::string> paths;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) paths.push_back(line.substr(0, line.find(':')));
  EXPECT_EQ(paths, expected);
  EXPECT_EQ(runGalley(checkWithPack(dir, {"--jobs", "0", "many"}), dir.path()).code, 2);
}

// Each broken pack stops the run with exit 2 and says where the problem is.
TEST(CliConfig, BadPacksAreReportedWithFileLineColumn) {
  const ScratchDir dir;
  const std::string head = "rules:\n  - id: a\n";
  struct Case {
    std::string name;
    std::string yaml;
    std::string expected;  // a regex on stderr
  };
  const std::vector<Case> cases = {
      {"malformed", head + "    kind: substitution\n    severity: error\n    message: \"x\"\n    swap: {foo: bar\n",
       R"(packs/malformed/r\.yaml:\d+:\d+: error: )"},
      {"unknown-key", head + "    kind: substitution\n    severity: error\n    mesage: \"x\"\n    swap: {foo: bar}\n",
       R"(packs/unknown-key/r\.yaml:5:5: error: unknown key 'mesage' \(did you mean 'message'\?\))"},
      {"unknown-kind", head + "    kind: substitutoin\n    severity: error\n    message: \"x\"\n    swap: {foo: bar}\n",
       R"(packs/unknown-kind/r\.yaml:3:11: error: unknown kind 'substitutoin'.*valid kinds: .*substitution)"},
      {"bad-regex", head + "    kind: existence\n    severity: error\n    message: \"x\"\n    pattern: \"fo(o\"\n",
       R"(packs/bad-regex/r\.yaml:6:\d+: error: invalid regular expression 'fo\(o')"},
  };
  dir.write("t.md", "Some text.\n");
  for (const Case& c : cases) {
    dir.write("packs/" + c.name + "/r.yaml", c.yaml);
    const RunResult run = runGalley({"check", "--no-default-rules", "--rules", "packs/" + c.name, "t.md"}, dir.path());
    EXPECT_EQ(run.code, 2) << c.name;
    EXPECT_TRUE(matches(run.err, c.expected)) << c.name << ": " << run.err;
    EXPECT_EQ(run.out, "") << c.name;
  }
  const std::string rule = "    kind: substitution\n    severity: error\n    message: \"x\"\n    swap: {foo: bar}\n";
  dir.write("packs/dup/r.yaml", head + rule);
  dir.write("packs/dup/s.yaml", head + rule);
  const RunResult dup = runGalley({"check", "--no-default-rules", "--rules", "packs/dup", "t.md"}, dir.path());
  EXPECT_EQ(dup.code, 2);
  EXPECT_TRUE(matches(dup.err, R"(packs/dup/s\.yaml:2:\d+: error: duplicate rule id 'dup\.a' \(first defined at packs/dup/r\.yaml:2:\d+\))"))
      << dup.err;
}

TEST(CliAcceptance, ReferenceShapedDraftAndCleanRelease) {
  const RunResult draft = runGalley({"check", "--format", "gcc", "fixtures/drafts/vienna-talks.txt"}, kSourceDir);
  EXPECT_EQ(draft.code, 1) << draft.err;
  EXPECT_TRUE(matches(draft.out, R"(^fixtures/drafts/vienna-talks\.txt:2:1: warning: .* \[un-style\.repeated-headline\]\n)"))
      << draft.out;
  EXPECT_NE(draft.out.find("fixtures/drafts/vienna-talks.txt:6:44: error: "), std::string::npos) << draft.out;
  EXPECT_EQ(std::count(draft.out.begin(), draft.out.end(), '\n'), 2) << draft.out;
  const RunResult text = runGalley({"check", "fixtures/drafts/vienna-talks.txt"}, kSourceDir);
  EXPECT_NE(text.out.find("fix: replace 'Under-Secretary General' with 'Under-Secretary-General'\n"), std::string::npos);

  const RunResult clean = runGalley({"check", "--format", "gcc", "fixtures/drafts/clean-release.md"}, kSourceDir);
  EXPECT_EQ(clean.code, 0) << clean.out << clean.err;
  EXPECT_EQ(clean.out, "");
}

TEST(CliAcceptance, MarkupVariantsAtExactColumnsButNotInCodeOrUrls) {
  const RunResult run = runGalley({"check", "--format", "gcc", "fixtures/drafts/title-in-markup.md"}, kSourceDir);
  const std::string prefix = "fixtures/drafts/title-in-markup.md:";
  const std::string rest = ": error: Write the title as 'Under-Secretary-General', not 'Under-Secretary General' "
                           "(United Nations style) [un-style.title-hyphenation]\n";
  // Only this rule's lines: other packs (acronyms, dates) may have their own say about the draft.
  std::string titleLines;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.ends_with("[un-style.title-hyphenation]")) titleLines += line + "\n";
  }
  EXPECT_EQ(titleLines, prefix + "4:43" + rest + prefix + "7:11" + rest + prefix + "12:31" + rest + prefix + "19:18" + rest);
}

TEST(CliTestCommand, ShippedSelfTestsAndFixturesPass) {
  const RunResult run = runGalley({"test"}, kSourceDir);
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_TRUE(matches(run.out, R"(self-tests: [1-9]\d* passed, 0 failed; fixtures: [1-9]\d* passed, 0 failed\n$)"))
      << run.out;
}

TEST(CliTestCommand, ABrokenFixtureFailsAndSaysWhy) {
  const ScratchDir dir;
  std::string fixture = slurp(kSourceDir + "/fixtures/drafts/title-in-markup.md");
  dir.write("intact/title-in-markup.md", fixture);
  const RunResult intact = runGalley({"test", "intact"}, dir.path());
  EXPECT_NE(intact.out.find("fixtures: 1 passed, 0 failed"), std::string::npos) << intact.out;

  const size_t column = fixture.find("col=43");
  ASSERT_NE(column, std::string::npos);
  fixture.replace(column, 6, "col=44");
  dir.write("broken/title-in-markup.md", fixture);
  const RunResult broken = runGalley({"test", "broken"}, dir.path());
  EXPECT_EQ(broken.code, 1);
  EXPECT_NE(broken.out.find("FAIL fixture broken/title-in-markup.md\n"), std::string::npos) << broken.out;
  EXPECT_NE(broken.out.find("broken/title-in-markup.md:4:43: error: "), std::string::npos) << broken.out;
  EXPECT_NE(broken.out.find("unexpected diagnostic"), std::string::npos);
  EXPECT_NE(broken.out.find("broken/title-in-markup.md:4: expected un-style.title-hyphenation at column 44"),
            std::string::npos);
  EXPECT_NE(broken.out.find("fixtures: 0 passed, 1 failed"), std::string::npos);
}

TEST(CliTestCommand, ABrokenSelfTestFails) {
  const ScratchDir dir;
  dir.write("packs/p/rules.yaml", R"(rules:
  - id: soft-word
    kind: existence
    severity: warning
    message: "Avoid '{found}'"
    tokens: [dynamically]
    tests:
      - bad: "It grew dynamically."
      - good: "It grew fast."
)");
  std::filesystem::create_directories(dir.path() / "no-fixtures");
  const RunResult good = runGalley({"test", "--no-default-rules", "--rules", "packs/p", "no-fixtures"}, dir.path());
  EXPECT_EQ(good.code, 0) << good.out << good.err;
  EXPECT_EQ(good.out, "self-tests: 2 passed, 0 failed; fixtures: 0 passed, 0 failed\n");

  std::string broken = slurp((dir.path() / "packs/p/rules.yaml").string());
  broken.replace(broken.find("It grew dynamically."), 20, "It grew steadily....");
  dir.write("packs/p/rules.yaml", broken);
  const RunResult run = runGalley({"test", "--no-default-rules", "--rules", "packs/p", "no-fixtures"}, dir.path());
  EXPECT_EQ(run.code, 1);
  EXPECT_TRUE(matches(run.out, R"(FAIL self-test p\.soft-word: packs/p/rules\.yaml:8:\d+: error: )")) << run.out;
  EXPECT_NE(run.out.find("self-tests: 1 passed, 1 failed"), std::string::npos) << run.out;
}

TEST(CliTestCommand, RulesDirRunsTheFixturesItsRuleFilesName) {
  const ScratchDir dir;
  dir.write("packs/p/rules.yaml", R"(fixtures: [../../drafts/checked]
rules:
  - id: soft-word
    kind: existence
    severity: warning
    message: "Avoid '{found}'"
    tokens: [dynamically]
)");
  dir.write("drafts/checked/a.md", "<!-- expect: p.soft-word \"dynamically\" -->\nIt grew dynamically.\n");
  const RunResult run = runGalley({"test", "--no-default-rules", "--rules", "packs/p"}, dir.path());
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("fixtures: 1 passed, 0 failed"), std::string::npos) << run.out;
  // The fixture fails when the rule no longer fires, so it is really run.
  dir.write("drafts/checked/a.md", "<!-- expect: p.soft-word \"dynamically\" -->\nIt grew steadily.\n");
  EXPECT_EQ(runGalley({"test", "--no-default-rules", "--rules", "packs/p"}, dir.path()).code, 1);
  // A folder that does not exist is a located load error.
  dir.write("packs/p/rules.yaml", "fixtures: [missing]\nrules: []\n");
  const RunResult missing = runGalley({"test", "--no-default-rules", "--rules", "packs/p"}, dir.path());
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("rules.yaml:1:12: error: 'fixtures': no folder 'missing' beside this file"), std::string::npos)
      << missing.err;
}

}  // namespace
}  // namespace galley::tools
