// Hostile input, end to end: what drafts, folders, rule packs and fact bases that are wrong on
// purpose (or by accident) make Galley say, and its exit status. Never a crash, a hang or a silent loss.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "checks/RegexSafety.h"
#include "checks/RuleSet.h"
#include "config/YamlBudget.h"
#include "document/Parser.h"
#include "engine/InputCollector.h"
#include "facts/FactLoader.h"

namespace galley {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

// A fresh directory under the system temp dir, removed with everything in it at destruction.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "galley-hostile-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ignored;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
    for (auto it = fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied, ignored);
         it != fs::recursive_directory_iterator(); it.increment(ignored)) {
      if (it->is_directory(ignored) && !it->is_symlink(ignored))
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ignored);
    }
    fs::remove_all(path_, ignored);
  }
  [[nodiscard]] const fs::path& path() const { return path_; }
  std::string write(const std::string& relative, const std::string& bytes) const {
    const auto full = path_ / relative;
    fs::create_directories(full.parent_path());
    std::ofstream(full, std::ios::binary) << bytes;
    return full.string();
  }

 private:
  fs::path path_;
};

std::string quote(const std::string& arg) {
  std::string out = "'";
  for (const char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs the galley binary in `workDir` with `input` on stdin; killed after `timeoutSeconds` (code 124).
RunResult runGalley(const std::vector<std::string>& args, const fs::path& workDir, const std::string& input = "",
                    int timeoutSeconds = 60) {
  const ScratchDir io;
  const std::string in = io.write("stdin", input);
  std::string command = "cd " + quote(workDir.string()) + " && NO_COLOR=1 timeout " + std::to_string(timeoutSeconds) +
                        " " + quote(GALLEY_BINARY);
  for (const std::string& arg : args) command += " " + quote(arg);
  command += " <" + quote(in) + " >" + quote((io.path() / "out").string()) + " 2>" + quote((io.path() / "err").string());
  const int status = std::system(command.c_str());  // NOLINT(cert-env33-c): the test runs its own binary
  RunResult result;
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(io.path() / "out");
  result.err = slurp(io.path() / "err");
  return result;
}

bool matches(const std::string& text, const std::string& pattern) { return std::regex_search(text, std::regex(pattern)); }

// One error rule with a literal fix and one existence rule; drafts below trip the first.
const std::string kPack = R"(rules:
  - id: spaced-title
    kind: substitution
    severity: error
    message: "Write '{expected}', not '{found}'"
    swap:
      Under-Secretary General: Under-Secretary-General
)";

std::vector<std::string> checkArgs(const ScratchDir& dir, std::vector<std::string> more) {
  dir.write("packs/t/rules.yaml", kPack);
  std::vector<std::string> args = {"check", "--no-default-rules", "--rules", (dir.path() / "packs/t").string()};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// --- drafts -------------------------------------------------------------------------------------

// Decision: UTF-16 and UTF-32 are refused with a clear error, not converted: every offset, caret
// and fix is in the file's own bytes, and `galley fix` must not change a file's encoding.
TEST(HostileInput, Utf16WithAByteOrderMarkIsAClearErrorNotABinaryFile) {
  const ScratchDir dir;
  dir.write("le.md", std::string("\xFF\xFE" "A\0b\0\n\0", 8));
  dir.write("be.md", std::string("\xFE\xFF\0A\0b\0\n", 8));
  dir.write("ok.md", "Fine.\n");
  const RunResult run = runGalley(checkArgs(dir, {"le.md", "be.md", "ok.md"}), dir.path());
  EXPECT_EQ(run.code, 2);
  EXPECT_TRUE(matches(run.err, R"(le\.md:1:1: error: UTF-16 \(little-endian\) text \(byte order mark FF FE\); Galley reads UTF-8 only: convert it first, e\.g\. `iconv -f UTF-16 -t UTF-8`)"))
      << run.err;
  EXPECT_TRUE(matches(run.err, R"(be\.md:1:1: error: UTF-16 \(big-endian\) text \(byte order mark FE FF\))")) << run.err;
  EXPECT_FALSE(matches(run.err, "binary")) << run.err;

  const RunResult piped = runGalley(checkArgs(dir, {"--stdin-filename", "pasted.md", "-"}), dir.path(),
                                    std::string("\xFF\xFE\0\0A\0\0\0", 8));
  EXPECT_EQ(piped.code, 2);
  EXPECT_TRUE(matches(piped.err, R"(pasted\.md:1:1: error: UTF-32 \(little-endian\) text \(byte order mark FF FE 00 00\))"))
      << piped.err;
}

TEST(HostileInput, NulByteIsABinaryFileErrorAtItsPosition) {
  const ScratchDir dir;
  dir.write("nul.txt", std::string("first line\nab\0cd\n", 17));
  const RunResult run = runGalley(checkArgs(dir, {"nul.txt"}), dir.path());
  EXPECT_EQ(run.code, 2);
  EXPECT_TRUE(matches(run.err, R"(^nul\.txt:2:3: error: binary file \(NUL byte\); not a draft\n)")) << run.err;
}

TEST(HostileInput, TwoGigabyteSparseFileIsRefusedBySizeWithoutReadingIt) {
  const ScratchDir dir;
  const std::string path = dir.write("huge.md", "");
  std::error_code error;
  fs::resize_file(path, uint64_t{2} << 30U, error);  // sparse: no disk blocks are written
  if (error) GTEST_SKIP() << "cannot make a 2 GiB sparse file here: " << error.message();
  const RunResult run = runGalley(checkArgs(dir, {"huge.md"}), dir.path(), "", 30);
  EXPECT_EQ(run.code, 2);
  EXPECT_TRUE(matches(run.err, R"(^huge\.md: error: file is too large \(2147483648 bytes; the limit is 16777216 bytes, see --max-file-size\)\n)"))
      << run.err;
}

TEST(HostileInput, TenMegabyteSingleLineIsChecked) {
  const ScratchDir dir;
  std::string line;
  constexpr size_t kTenMegabytes = size_t{10} << 20U;
  line.reserve(kTenMegabytes + 64);
  while (line.size() < kTenMegabytes) line += "The delegations met again and kept talking, ";
  const size_t column = line.size() + 1;
  line += "Under-Secretary General";  // no final newline either
  dir.write("line.txt", line);
  const RunResult run = runGalley(checkArgs(dir, {"--format", "gcc", "line.txt"}), dir.path(), "", 300);
  EXPECT_EQ(run.code, 1) << run.err;
  EXPECT_TRUE(matches(run.out, "^line\\.txt:1:" + std::to_string(column) + ": error: Write 'Under-Secretary-General'"))
      << run.out.substr(0, 400) << run.err;
}

// --- folders ------------------------------------------------------------------------------------

TEST(HostileInput, FifosAndSocketsInAWalkedFolderAreSkippedAndRefusedWhenNamed) {
  const ScratchDir dir;
  dir.write("drafts/ok.md", "Under-Secretary General\n");
  const std::string fifo = (dir.path() / "drafts/pipe.md").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string socketPath = (dir.path() / "drafts/sock.md").string();
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(socketPath.size(), sizeof(address.sun_path));
  socketPath.copy(static_cast<char*>(address.sun_path), socketPath.size());
  ASSERT_EQ(::bind(sock, reinterpret_cast<const sockaddr*>(&address), sizeof(address)), 0);  // NOLINT

  // Nobody writes to the FIFO: reading it would block until the time-out (code 124).
  const RunResult walked = runGalley(checkArgs(dir, {"--format", "gcc", "drafts"}), dir.path(), "", 30);
  EXPECT_EQ(walked.code, 1) << walked.err;
  EXPECT_TRUE(matches(walked.out, R"(^drafts/ok\.md:1:1: error: Write)")) << walked.out;
  EXPECT_FALSE(matches(walked.out + walked.err, "pipe|sock")) << walked.out << walked.err;

  const RunResult named = runGalley(checkArgs(dir, {"drafts/pipe.md", "drafts/sock.md"}), dir.path(), "", 30);
  EXPECT_EQ(named.code, 2);
  EXPECT_TRUE(matches(named.err, R"(^drafts/pipe\.md: error: not a regular file \(a FIFO\); not read\n)")) << named.err;
  EXPECT_TRUE(matches(named.err, R"(drafts/sock\.md: error: not a regular file \(a socket\); not read\n)")) << named.err;
  ::close(sock);
}

TEST(HostileInput, SymlinkLoopsAreReportedAndDoNotHangTheWalk) {
  const ScratchDir dir;
  dir.write("drafts/ok.md", "Fine.\n");
  fs::create_symlink("loop.md", dir.path() / "drafts/loop.md");         // a link to itself
  fs::create_directories(dir.path() / "drafts/sub");
  fs::create_directory_symlink("..", dir.path() / "drafts/sub/up");     // a folder link back up
  const RunResult walked = runGalley(checkArgs(dir, {"drafts"}), dir.path(), "", 30);
  EXPECT_EQ(walked.code, 2);
  EXPECT_TRUE(matches(walked.err, R"(^drafts/loop\.md: error: Too many levels of symbolic links\n)")) << walked.err;
  const RunResult named = runGalley(checkArgs(dir, {"drafts/loop.md"}), dir.path(), "", 30);
  EXPECT_EQ(named.code, 2);
  EXPECT_TRUE(matches(named.err, R"(^drafts/loop\.md: error: Too many levels of symbolic links\n)")) << named.err;
}

TEST(HostileInput, UnreadableFilesAndFoldersAreErrorsNamingThem) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root, which reads files and folders whatever their mode: the "
                    "unreadable cases cannot happen here (the loops and FIFOs tests still run)";
  }
  const ScratchDir dir;
  const std::string file = dir.write("drafts/secret.md", "Under-Secretary General\n");
  dir.write("drafts/closed/inside.md", "Under-Secretary General\n");
  dir.write("drafts/ok.md", "Fine.\n");
  fs::permissions(file, fs::perms::none);
  fs::permissions(dir.path() / "drafts/closed", fs::perms::none);
  const RunResult run = runGalley(checkArgs(dir, {"drafts"}), dir.path(), "", 30);
  EXPECT_EQ(run.code, 2);
  EXPECT_TRUE(matches(run.err, R"(drafts/secret\.md: error: Permission denied)")) << run.err;
  EXPECT_TRUE(matches(run.err, R"(drafts/closed: error: Permission denied \(folder not walked\))")) << run.err;
}

TEST(HostileInput, HundredThousandFilesInOneFolderAreCollectedInOrder) {
  const ScratchDir dir;
  constexpr int kFiles = 100'000;
  const fs::path folder = dir.path() / "many";
  fs::create_directories(folder);
  for (int i = 0; i < kFiles; ++i) {
    char name[32];  // NOLINT(cppcoreguidelines-avoid-c-arrays): a fixed-width name
    std::snprintf(name, sizeof(name), "d%06d.md", kFiles - 1 - i);  // created in reverse order
    std::ofstream(folder / name) << "x\n";
  }
  const std::vector<engine::Input> inputs = engine::collectInputs({folder.string()}, "<stdin>");
  ASSERT_EQ(inputs.size(), static_cast<size_t>(kFiles));
  EXPECT_EQ(fs::path(inputs.front().path).filename(), "d000000.md");
  EXPECT_EQ(fs::path(inputs.back().path).filename(), "d099999.md");
  EXPECT_TRUE(std::is_sorted(inputs.begin(), inputs.end(),
                             [](const engine::Input& a, const engine::Input& b) { return a.path < b.path; }));
  EXPECT_TRUE(std::none_of(inputs.begin(), inputs.end(), [](const engine::Input& in) { return in.error.has_value(); }));
}

// --- YAML bombs ---------------------------------------------------------------------------------

// Nine levels of ten aliases each: a billion nodes once expanded, a few hundred bytes written.
std::string aliasBomb(const std::string& indent) {
  std::string text = indent + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level < 10; ++level) {
    const std::string prev = "*a" + std::to_string(level - 1);
    text += indent + "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [" + prev;
    for (int i = 1; i < 10; ++i) text += ", " + prev;
    text += "]\n";
  }
  return text;
}

TEST(HostileInput, YamlAliasBombInARulePackIsALocatedError) {
  const std::string text = "rules:\n  - id: boom\n    kind: existence\n    message: m\n    tokens: [a]\n    extra:\n" +
                           aliasBomb("      ");
  const checks::LoadedRules loaded = checks::RuleSet::loadText("bomb.yaml", text, "t");
  ASSERT_EQ(loaded.errors.size(), 1U);
  // The 10,001st expanded node: the alias on line 11 (a4's list) crosses 100,000.
  EXPECT_TRUE(matches(loaded.errors[0].toString(),
                      R"(^bomb\.yaml:1[0-9]:\d+: error: YAML aliases expand to more than 100000 nodes \(an alias bomb\?\); the file is not loaded$)"))
      << loaded.errors[0].toString();
  EXPECT_EQ(loaded.rules.size(), 0U);

  const ScratchDir dir;
  dir.write("packs/bomb/rules.yaml", text);
  dir.write("d.md", "Fine.\n");
  const RunResult run =
      runGalley({"check", "--no-default-rules", "--rules", (dir.path() / "packs/bomb").string(), "d.md"}, dir.path(), "", 30);
  EXPECT_EQ(run.code, 2);
  EXPECT_TRUE(matches(run.err, R"(rules\.yaml:1[0-9]:\d+: error: YAML aliases expand to more than 100000 nodes)")) << run.err;
}

TEST(HostileInput, YamlAliasBombInAFactBaseIsALocatedError) {
  facts::FactLoader loader;
  loader.addText("facts.yaml", "bomb:\n" + aliasBomb("  "));
  EXPECT_FALSE(loader.load().has_value());
  ASSERT_FALSE(loader.errors().empty());
  EXPECT_TRUE(matches(loader.errors()[0].toString(),
                      R"(^facts\.yaml:\d+:\d+: error: YAML aliases expand to more than 100000 nodes)"))
      << loader.errors()[0].toString();
}

TEST(HostileInput, YamlAliasesWithinTheBoundStillLoad) {
  EXPECT_FALSE(config::checkAliasExpansion("a: &x [1, 2]\nb: *x\nc: *x\n").has_value());
  const auto problem = config::checkAliasExpansion("a: &x [1, 2]\nb: [*x, *x]\n", 5);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->mark.line, 1);  // 0-based: the second alias on line 2 adds nodes 4..6
  EXPECT_EQ(problem->mark.column, 8);
}

// Found by the long fuzz run (fuzz_rule_pack and fuzz_fact_base, a time-out each): for a stream
// like " , x" yaml-cpp's parser reports a new document forever, and the alias check looped over
// documents. Each load must now return, with the same outcome as YAML::Load of the text.
TEST(HostileInput, YamlStreamsThatNeverEndAreALocatedError) {
  const auto problem = config::checkAliasExpansion(" , x\n");
  ASSERT_TRUE(problem.has_value());
  EXPECT_TRUE(problem->message.starts_with("more than one YAML document")) << problem->message;
  const checks::LoadedRules pack = checks::RuleSet::loadText("pack.yaml", " , x\n", "t");
  ASSERT_EQ(pack.errors.size(), 1U);
  EXPECT_TRUE(matches(pack.errors[0].toString(), R"(^pack\.yaml:1:\d+: error: more than one YAML document)"))
      << pack.errors[0].toString();
  facts::FactLoader loader;
  loader.addText("facts.yaml", " , x\n");
  EXPECT_FALSE(loader.load().has_value());
  ASSERT_FALSE(loader.errors().empty());
  EXPECT_TRUE(matches(loader.errors()[0].toString(), R"(^facts\.yaml:\d+:\d+: error: more than one YAML document)"))
      << loader.errors()[0].toString();
  // One document, with or without its markers, is still one.
  EXPECT_FALSE(config::checkAliasExpansion("---\nrules: []\n...\n").has_value());
  EXPECT_FALSE(config::checkAliasExpansion("rules: []\n").has_value());
  EXPECT_TRUE(config::checkAliasExpansion("rules: []\n---\nrules: []\n").has_value());
}

TEST(HostileInput, DeeplyNestedYamlIsALocatedErrorNotAStackOverflow) {
  const std::string text = "rules: " + std::string(100'000, '[') + std::string(100'000, ']') + "\n";
  const checks::LoadedRules loaded = checks::RuleSet::loadText("deep.yaml", text, "t");
  ASSERT_EQ(loaded.errors.size(), 1U);
  EXPECT_TRUE(matches(loaded.errors[0].toString(),
                      R"(^deep\.yaml:1:\d+: error: YAML nested more than \d+ levels deep; the file is not loaded$)"))
      << loaded.errors[0].toString();
}

// --- regular expressions ------------------------------------------------------------------------

std::vector<diag::Diagnostic> lint(const checks::RuleSet& rules, const std::string& draft) {
  const document::Document document = document::parseDocument(base::SourceBuffer("d.md", draft));
  annotate::Annotations annotations(document);
  diag::DiagnosticSink sink;
  rules.run(document, annotations, sink);
  return sink.take();
}

constexpr const char* kRunawayPack = R"(rules:
  - {id: runaway, kind: existence, message: "runaway {found}", pattern: "(a+)+b"}
  - {id: plain, kind: existence, message: "plain {found}", tokens: [alpha]}
)";

TEST(HostileInput, NestedQuantifiersGetALoadTimeWarning) {
  const checks::LoadedRules loaded = checks::RuleSet::loadText("r.yaml", kRunawayPack, "t");
  ASSERT_TRUE(loaded.errors.empty());
  ASSERT_EQ(loaded.warnings.size(), 1U);
  EXPECT_TRUE(matches(loaded.warnings[0].toString(),
                      R"(^r\.yaml:2:\d+: error: rule 't\.runaway': pattern '\(a\+\)\+b' risks runaway matching: a repeated group holds a repeated element)"))
      << loaded.warnings[0].toString();
  EXPECT_NE(checks::nestedQuantifierProblem(R"((\w*\s?)*x)"), "");
  EXPECT_NE(checks::nestedQuantifierProblem("(?:x+|y)*"), "");
  EXPECT_NE(checks::nestedQuantifierProblem("(a{2,})+"), "");
  EXPECT_EQ(checks::nestedQuantifierProblem("(ab)+c"), "");
  EXPECT_EQ(checks::nestedQuantifierProblem("(a+)?b"), "");
  EXPECT_EQ(checks::nestedQuantifierProblem(R"([(a+)]+\(b+\)+)"), "");
}

TEST(HostileInput, ARegexThatExhaustsBoostIsAWarningForThatRuleAndFile) {
  const checks::LoadedRules loaded = checks::RuleSet::loadText("r.yaml", kRunawayPack, "t");
  ASSERT_TRUE(loaded.errors.empty());
  const std::string draft = "alpha\n\n*Runaway* " + std::string(64, 'a') + "!b\n";
  const std::vector<diag::Diagnostic> found = lint(loaded.rules, draft);
  std::vector<std::string> ids;
  for (const diag::Diagnostic& d : found) ids.push_back(d.ruleId);
  EXPECT_EQ(ids, (std::vector<std::string>{"galley.regex-limit", "t.plain"}));
  for (const diag::Diagnostic& d : found) {
    if (d.ruleId != "galley.regex-limit") continue;
    EXPECT_EQ(d.severity, diag::Severity::Warning);
    EXPECT_EQ(d.message, "rule 't.runaway' stopped on this file: its regular expression hit Boost.Regex's complexity "
                         "limit in the text from here; its findings for this file are incomplete");
    EXPECT_EQ(d.range.begin, 8U);  // in source bytes: the "R" of the second paragraph's "*Runaway*"
  }
}

// The title kind's `ignore:` patterns are matched against each written title (regex_match), a
// search that once ran outside the guard: Boost's complexity error would have ended the process.
constexpr const char* kRunawayIgnorePack = R"(rules:
  - {id: form, kind: title, problem: form, ignore: ["((\\w|\\s)+)+!"], message: "'{title}' / {expected}"}
  - {id: plain, kind: existence, message: "plain {found}", tokens: [alpha]}
)";

TEST(HostileInput, ARunawayTitleIgnorePatternIsAWarningAtTheTitle) {
  // Beside the sco-un pack's rules, so the rule reads that pack's fact base (as its own rules do).
  const checks::LoadedRules loaded =
      checks::RuleSet::loadText(GALLEY_SOURCE_DIR "/rules/sco-un/hostile-test.yaml", kRunawayIgnorePack, "t");
  for (const base::Error& error : loaded.errors) ADD_FAILURE() << error.toString();
  const std::string draft = "alpha\n\nOSCE secretary general Helga Schmid spoke.\n";
  const std::vector<diag::Diagnostic> found = lint(loaded.rules, draft);
  std::vector<std::string> ids;
  for (const diag::Diagnostic& d : found) ids.push_back(d.ruleId);
  EXPECT_EQ(ids, (std::vector<std::string>{"galley.regex-limit", "t.plain"}));  // in rule order
  for (const diag::Diagnostic& d : found) {
    if (d.ruleId != "galley.regex-limit") continue;
    EXPECT_EQ(d.severity, diag::Severity::Warning);
    EXPECT_EQ(d.message, "rule 't.form' stopped on this file: its regular expression hit Boost.Regex's complexity "
                         "limit in the text from here; its findings for this file are incomplete");
    EXPECT_EQ(d.range.begin, draft.find("secretary general"));  // at the title the pattern was tried on
  }
}

TEST(HostileInput, ThePerFileCpuBudgetStopsTheRemainingRulesWithAWarning) {
  checks::LoadedRules loaded = checks::RuleSet::loadText("r.yaml", kRunawayPack, "t");
  ASSERT_TRUE(loaded.errors.empty());
  loaded.rules.setCpuBudget(std::chrono::nanoseconds(-1));  // spent before the first rule
  const std::vector<diag::Diagnostic> found = lint(loaded.rules, "alpha\n");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].ruleId, "galley.time-budget");
  EXPECT_TRUE(matches(found[0].message, R"(^checking stopped after -?\d+ ms of CPU time on this file; rule 't\.runaway' and the rules after it did not run$)"))
      << found[0].message;
}

}  // namespace
}  // namespace galley
