// Fix application: edit planning, repeated rounds, atomic writes, and `galley fix` end to end on a
// copy of every fixture against its golden file (FIXTURE.fixed.EXT; none means "nothing to fix").
// GALLEY_UPDATE_GOLDEN=1 rewrites the golden files instead (review them in the diff).
#include <sys/stat.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/AtomicWrite.h"
#include "engine/Engine.h"
#include "engine/Fixer.h"

namespace galley::engine {
namespace {

namespace fs = std::filesystem;

class Scratch {
 public:
  Scratch() {
    std::string pattern = (fs::temp_directory_path() / "galley-fix-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() {
    std::error_code ignored;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
    for (const auto& entry : fs::recursive_directory_iterator(path_, ignored))
      fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ignored);
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

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string quote(const std::string& arg) {
  std::string out = "'";
  for (const char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

RunResult galley(const std::vector<std::string>& args) {
  const Scratch io;
  const std::string out = (io.path() / "out").string();
  const std::string err = (io.path() / "err").string();
  std::string command = "NO_COLOR=1 timeout 120 " + quote(GALLEY_BINARY);
  for (const std::string& arg : args) command += " " + quote(arg);
  command += " </dev/null >" + quote(out) + " 2>" + quote(err);
  const int status = std::system(command.c_str());  // NOLINT(cert-env33-c): the test runs its own binary
  RunResult run;
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(out);
  run.err = slurp(err);
  return run;
}

// A rule for the engine tests: every "colour" gets a safe fix to "color"; every "grey area" gets an
// unsafe fix rewriting the whole phrase, which overlaps nothing; "aa" becomes "a" (safe), so
// "aaaa" needs several rounds.
RuleHooks fakeRules() {
  RuleHooks hooks;
  hooks.ruleIds = {"test.colour", "test.grey", "test.double"};
  hooks.run = [](const document::Document& document, annotate::Annotations& /*annotations*/,
                 diag::DiagnosticSink& sink) {
    const std::string_view text = document.source.text();
    auto flag = [&](std::string_view rule, std::string_view word, std::string replacement, diag::Applicability how) {
      for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + word.size())) {
        diag::Diagnostic diagnostic;
        diagnostic.ruleId = std::string(rule);
        diagnostic.range = {static_cast<base::Offset>(at), static_cast<base::Offset>(at + word.size())};
        diagnostic.message = "found " + std::string(word);
        diagnostic.fix = diag::Fix{"fix it", how, {{diagnostic.range, replacement}}};
        sink.report(std::move(diagnostic));
      }
    };
    flag("test.colour", "colour", "color", diag::Applicability::Safe);
    flag("test.grey", "grey area", "gray zone", diag::Applicability::Unsafe);
    flag("test.double", "aa", "a", diag::Applicability::Safe);
  };
  return hooks;
}

EngineOptions oneThread() {
  EngineOptions options;
  options.jobs = 1;
  return options;
}

TEST(PlanEdits, OverlappingFixesAreTakenOneAtATime) {
  diag::Diagnostic first;
  first.fix = diag::Fix{"a", diag::Applicability::Safe, {{{2, 6}, "x"}}};
  diag::Diagnostic overlapping;
  overlapping.fix = diag::Fix{"b", diag::Applicability::Safe, {{{5, 9}, "y"}}};
  diag::Diagnostic samePoint;
  samePoint.fix = diag::Fix{"c", diag::Applicability::Safe, {{{2, 2}, "z"}}};
  diag::Diagnostic apart;
  apart.fix = diag::Fix{"d", diag::Applicability::Safe, {{{6, 7}, "w"}}};
  const EditPlan plan = planEdits({first, overlapping, samePoint, apart}, FixOptions{}, 0, 20, false);
  ASSERT_EQ(plan.fixes, 2U);
  ASSERT_EQ(plan.edits.size(), 2U);
  EXPECT_EQ(plan.edits[0].text, "x");
  EXPECT_EQ(plan.edits[1].text, "w");
  EXPECT_EQ(applyEdits("0123456789", plan.edits), "01xw789");
}

TEST(PlanEdits, UnsafeOnlyOnRequestAndNeverIntoTheBom) {
  diag::Diagnostic unsafe;
  unsafe.fix = diag::Fix{"u", diag::Applicability::Unsafe, {{{5, 6}, "u"}}};
  diag::Diagnostic inBom;
  inBom.fix = diag::Fix{"b", diag::Applicability::Safe, {{{1, 4}, "b"}}};
  EXPECT_TRUE(planEdits({unsafe, inBom}, FixOptions{}, 3, 20, false).edits.empty());
  FixOptions all;
  all.unsafe = true;
  EXPECT_EQ(planEdits({unsafe, inBom}, all, 3, 20, false).fixes, 1U);
}

TEST(PlanEdits, NewLinesFollowACrlfFile) {
  diag::Diagnostic diagnostic;
  diagnostic.fix = diag::Fix{"n", diag::Applicability::Safe, {{{1, 2}, "a\nb"}}};
  EXPECT_EQ(planEdits({diagnostic}, FixOptions{}, 0, 5, true).edits.at(0).text, "a\r\nb");
  EXPECT_TRUE(usesCrlf("x\r\ny\n"));
  EXPECT_FALSE(usesCrlf("x\ny\r\n"));
}

TEST(FixBuffer, RepeatsUntilNothingChangesAndKeepsBomAndCrlf) {
  const Engine engine(fakeRules(), oneThread());
  const std::string before = "\xEF\xBB\xBFThe colour aaaa.\r\nA grey area, colour.\r\n";
  const FixResult safe = fixBuffer(engine, "draft.txt", before, FixOptions{});
  EXPECT_EQ(safe.text, "\xEF\xBB\xBFThe color a.\r\nA grey area, color.\r\n");
  EXPECT_GE(safe.passes, 2U);  // "aaaa" -> "aa" -> "a"
  EXPECT_TRUE(safe.converged);
  ASSERT_EQ(safe.remaining.diagnostics.size(), 1U);  // the unsafe one is left
  EXPECT_EQ(safe.remaining.diagnostics[0].ruleId, "test.grey");
  FixOptions unsafe;
  unsafe.unsafe = true;
  EXPECT_EQ(fixBuffer(engine, "draft.txt", before, unsafe).text, "\xEF\xBB\xBFThe color a.\r\nA gray zone, color.\r\n");
  // A second run over the result changes nothing.
  const FixResult again = fixBuffer(engine, "draft.txt", safe.text, FixOptions{});
  EXPECT_EQ(again.text, safe.text);
  EXPECT_EQ(again.passes, 0U);
}

TEST(FixBuffer, StopsAfterTheLastRound) {
  const Engine engine(fakeRules(), oneThread());
  FixOptions bounded;
  bounded.maxPasses = 1;
  const FixResult result = fixBuffer(engine, "draft.txt", "aaaaaaaa\n", bounded);
  EXPECT_EQ(result.text, "aaaa\n");
  EXPECT_FALSE(result.converged);
}

TEST(AtomicWrite, ReplacesAndKeepsTheMode) {
  const Scratch dir;
  const std::string path = dir.write("draft.md", "old\n");
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  EXPECT_FALSE(replaceFileAtomically(path, "old\n", "new\n").has_value());
  EXPECT_EQ(slurp(path), "new\n");
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777U, 0640U);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(AtomicWrite, AFailureBeforeTheRenameLeavesTheOriginalAndNoTemporaryFile) {
  const Scratch dir;
  const std::string path = dir.write("draft.md", "original text\n");
  std::string sawTemp;
  AtomicWriteOptions options;
  options.beforeRename = [&](const std::string& temp) -> std::optional<base::Error> {
    sawTemp = slurp(temp);  // the new text is fully written and synced by now
    return base::Error::environment("injected failure");
  };
  const auto error = replaceFileAtomically(path, "original text\n", "fixed text\n", options);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message(), "injected failure");
  EXPECT_EQ(sawTemp, "fixed text\n");
  EXPECT_EQ(slurp(path), "original text\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(AtomicWrite, RefusesAFileChangedSinceItWasRead) {
  const Scratch dir;
  const std::string path = dir.write("draft.md", "someone else saved this\n");
  const auto error = replaceFileAtomically(path, "what galley read\n", "fixed\n");
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->toString().find("changed since it was read"), std::string::npos);
  EXPECT_EQ(slurp(path), "someone else saved this\n");
}

// --- the binary ---------------------------------------------------------------------------------

bool isFixture(const fs::path& path) {
  const std::string name = path.filename().string();
  const std::string ext = path.extension().string();
  return (ext == ".md" || ext == ".txt") && name.find(".fixed.") == std::string::npos;
}

fs::path goldenFor(const fs::path& fixture) {
  return fixture.parent_path() / (fixture.stem().string() + ".fixed" + fixture.extension().string());
}

TEST(FixCommand, EveryFixtureMatchesItsGoldenFileAndASecondRunChangesNothing) {
  const fs::path root = fs::path(GALLEY_SOURCE_DIR) / "fixtures";
  const bool update = std::getenv("GALLEY_UPDATE_GOLDEN") != nullptr;  // NOLINT(concurrency-mt-unsafe)
  std::vector<fs::path> fixtures;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file() && isFixture(entry.path())) fixtures.push_back(entry.path());
  std::sort(fixtures.begin(), fixtures.end());
  ASSERT_GT(fixtures.size(), 10U);
  size_t changed = 0;
  for (const fs::path& fixture : fixtures) {
    SCOPED_TRACE(fixture.string());
    const Scratch dir;
    const std::string original = slurp(fixture.string());
    const std::string copy = dir.write(fixture.filename().string(), original);
    const RunResult first = galley({"fix", "--quiet", copy});
    ASSERT_TRUE(first.code == 0 || first.code == 1) << first.err;
    const std::string fixed = slurp(copy);
    const fs::path golden = goldenFor(fixture);
    if (update) {
      if (fixed != original) std::ofstream(golden, std::ios::binary) << fixed;
      else fs::remove(golden);
    }
    if (fixed != original) ++changed;
    EXPECT_EQ(fixed, fs::exists(golden) ? slurp(golden.string()) : original);
    const RunResult second = galley({"fix", copy});
    EXPECT_EQ(slurp(copy), fixed);
    EXPECT_NE(second.err.find("0 files changed"), std::string::npos) << second.err;
  }
  EXPECT_GT(changed, 0U);  // the fixtures do hold fixable findings
}

TEST(FixCommand, DryRunPrintsADiffAndWritesNothing) {
  const Scratch dir;
  const std::string text = "# Note\n\nThe Secretary General spoke.\n";
  const std::string path = dir.write("note.md", text);
  const RunResult run = galley({"fix", "--dry-run", path});
  EXPECT_EQ(slurp(path), text);
  EXPECT_NE(run.out.find("--- " + path), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("-The Secretary General spoke."), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("+The Secretary-General spoke."), std::string::npos) << run.out;
}

TEST(FixCommand, ReadOnlyFileAndFolderGiveExitTwoNamingTheFile) {
  const Scratch dir;
  const std::string text = "# Note\n\nThe Secretary General spoke.\n";
  const std::string file = dir.write("file/note.md", text);
  ASSERT_EQ(::chmod(file.c_str(), 0444), 0);
  RunResult run = galley({"fix", file});
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find(file), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("read-only"), std::string::npos) << run.err;
  EXPECT_EQ(slurp(file), text);

  const std::string inFolder = dir.write("folder/note.md", text);
  const std::string folder = (dir.path() / "folder").string();
  ASSERT_EQ(::chmod(folder.c_str(), 0555), 0);
  run = galley({"fix", inFolder});
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find(inFolder), std::string::npos) << run.err;
  EXPECT_EQ(slurp(inFolder), text);
}

TEST(FixCommand, CheckFixWritesAndReportsWhatIsLeft) {
  const Scratch dir;
  const std::string path = dir.write("note.md", "# Note\n\nThe Secretary General spoke.\n");
  const RunResult run = galley({"check", "--fix", "--format", "gcc", path});
  EXPECT_EQ(slurp(path), "# Note\n\nThe Secretary-General spoke.\n");
  EXPECT_NE(run.err.find("1 fix applied"), std::string::npos) << run.err;
  EXPECT_EQ(run.code, 0) << run.out;
}

}  // namespace
}  // namespace galley::engine
