// Everything Galley writes, under faults: `galley fix`, the result cache, --write-baseline and a
// report's --output, each meeting a full disk (ENOSPC on every write, or /dev/full), a failure at
// the last step before the new file is in place (rename fails), and read-only files and folders.
// The galley binary runs with tests/fault/FaultInject.c preloaded, so the real code paths meet
// real failing system calls. What must hold: the previous file is never lost or half-written, no
// temporary file is left behind, the error names the file, and the exit status is 2 — except for
// the cache, an optimisation: the run's findings and exit status are unchanged, one warning names
// the cache entry. (A file changed between read and write: FixTest's AtomicWrite tests and the
// review API's 409 cover it; the other writers read nothing back.)
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "CliHarness.h"
#include "engine/AtomicWrite.h"

namespace galley {
namespace {

namespace fs = std::filesystem;
using testing::readAll;
using testing::RunResult;
using testing::ScratchDir;
using testing::shellQuote;

constexpr const char* kPack = R"(rules:
  - id: spaced-title
    kind: substitution
    severity: error
    message: "Write '{expected}', not '{found}'"
    swap:
      Under-Secretary General: Under-Secretary-General
)";
constexpr const char* kDraft = "# Note\n\nThe Under-Secretary General spoke.\n";
constexpr const char* kNoSpace = "No space left on device";
constexpr const char* kIoError = "Input/output error";

// Faults to inject into one run (see tests/fault/FaultInject.c).
struct Faults {
  std::string enospc;  // writes to paths containing this fail with ENOSPC
  std::string rename;  // renames onto paths containing this fail with EIO
};
Faults diskFull(std::string where) { return {std::move(where), ""}; }
Faults renameFails(std::string where) { return {"", std::move(where)}; }

// Runs `galley COMMAND --no-default-rules --rules packs/t ARGS...` in `dir` with the shim
// preloaded (under AddressSanitizer the shim comes before its runtime in the library list, which it
// accepts when told to). The user's cache is never touched: XDG_CACHE_HOME points into `dir`.
RunResult run(const ScratchDir& dir, const std::string& subcommand, const std::vector<std::string>& args,
              const Faults& faults = {}) {
  const ScratchDir io;
  std::string command = "cd " + shellQuote(dir.path().string()) + " && NO_COLOR=1 XDG_CACHE_HOME=" +
                        shellQuote((dir.path() / "user-cache").string()) +
                        " ASAN_OPTIONS=\"${ASAN_OPTIONS:-}:verify_asan_link_order=0\" LD_PRELOAD=" +
                        shellQuote(GALLEY_FAULT_LIB);
  if (!faults.enospc.empty()) command += " GALLEY_FAULT_ENOSPC=" + shellQuote(faults.enospc);
  if (!faults.rename.empty()) command += " GALLEY_FAULT_RENAME=" + shellQuote(faults.rename);
  command += " timeout 120 " + shellQuote(GALLEY_BINARY) + " " + subcommand + " --no-default-rules --rules packs/t";
  for (const std::string& arg : args) command += " " + shellQuote(arg);
  command += " </dev/null >" + shellQuote((io.path() / "out").string()) + " 2>" + shellQuote((io.path() / "err").string());
  const int status = std::system(command.c_str());  // NOLINT(cert-env33-c): the test runs its own binary
  RunResult result;
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = readAll((io.path() / "out").string());
  result.err = readAll((io.path() / "err").string());
  return result;
}

// A scratch folder with the test pack and one draft with a fixable finding in drafts/.
struct Project {
  ScratchDir dir;
  std::string draft;
  fs::path drafts;
  Project() : draft(dir.write("drafts/note.md", kDraft)), drafts(dir.path() / "drafts") {
    dir.write("packs/t/rules.yaml", kPack);
  }
};

// Names under `folder`, sorted (a leftover temporary file shows up here).
std::vector<std::string> entries(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    names.push_back(entry.path().lexically_relative(folder).string());
  std::sort(names.begin(), names.end());
  return names;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

using Names = std::vector<std::string>;

// --- galley fix ---------------------------------------------------------------------------------

TEST(WriteFault, FixOnAFullDiskKeepsTheDraftAndNamesIt) {
  const Project project;
  const RunResult result = run(project.dir, "fix", {project.draft}, diskFull("/drafts/"));
  EXPECT_EQ(result.code, 2) << result.err;
  EXPECT_TRUE(contains(result.err, project.draft + ": error: ")) << result.err;
  EXPECT_TRUE(contains(result.err, kNoSpace)) << result.err;
  EXPECT_EQ(readAll(project.draft), kDraft);
  EXPECT_EQ(entries(project.drafts), Names{"note.md"});
}

TEST(WriteFault, FixFailingAtTheRenameKeepsTheDraftAndNamesIt) {
  const Project project;
  const RunResult result = run(project.dir, "fix", {project.draft}, renameFails("note.md"));
  EXPECT_EQ(result.code, 2) << result.err;
  EXPECT_TRUE(contains(result.err, project.draft + ": error: cannot replace the file: ")) << result.err;
  EXPECT_TRUE(contains(result.err, kIoError)) << result.err;
  EXPECT_EQ(readAll(project.draft), kDraft);
  EXPECT_EQ(entries(project.drafts), Names{"note.md"});
  // Without the fault the same run fixes the draft: the fault, not the setup, stopped it.
  EXPECT_EQ(run(project.dir, "fix", {project.draft}).code, 0);
  EXPECT_EQ(readAll(project.draft), "# Note\n\nThe Under-Secretary-General spoke.\n");
}

// --- --write-baseline ---------------------------------------------------------------------------

constexpr const char* kOldBaseline = "# galley baseline 1\n0123456789abcdef t.old drafts/old.md\n";

TEST(WriteFault, BaselineOnAFullDiskOrFailingRenameKeepsTheOldOne) {
  const Project project;
  const std::string baseline = project.dir.write("gate/baseline.txt", kOldBaseline);
  for (const Faults& faults : {diskFull("/gate/"), renameFails("baseline.txt")}) {
    SCOPED_TRACE(faults.enospc + faults.rename);
    const RunResult result = run(project.dir, "check", {"--no-cache", "--write-baseline", baseline, "drafts"}, faults);
    EXPECT_EQ(result.code, 2) << result.err;
    EXPECT_TRUE(contains(result.err, baseline + ": error: cannot write the baseline file: ")) << result.err;
    EXPECT_TRUE(contains(result.err, faults.enospc.empty() ? kIoError : kNoSpace)) << result.err;
    EXPECT_EQ(readAll(baseline), kOldBaseline);
    EXPECT_EQ(entries(project.dir.path() / "gate"), Names{"baseline.txt"});
  }
  const RunResult clean = run(project.dir, "check", {"--no-cache", "--write-baseline", baseline, "drafts"});
  EXPECT_EQ(clean.code, 0) << clean.err;
  EXPECT_TRUE(contains(readAll(baseline), " t.spaced-title drafts/note.md\n")) << readAll(baseline);
}

// `option FILE` (a file galley writes whole) refused, and `old` kept, when FILE is read-only or
// its folder is; `label` is how the error names the file ("the baseline file").
void expectReadOnlyRefused(const Project& project, const std::string& option, const std::string& label,
                           const std::string& file, const std::string& old) {
  const std::string existing = project.dir.write(file, old);
  ASSERT_EQ(::chmod(existing.c_str(), 0444), 0);
  RunResult result = run(project.dir, "check", {"--no-cache", option, existing, "drafts"});
  EXPECT_EQ(result.code, 2) << result.err;
  EXPECT_TRUE(contains(result.err, existing + ": error: cannot write " + label + ": the file is read-only")) << result.err;
  EXPECT_EQ(readAll(existing), old);

  const fs::path folder = project.dir.path() / "locked";
  fs::create_directories(folder);
  ASSERT_EQ(::chmod(folder.c_str(), 0555), 0);
  const std::string inLocked = (folder / fs::path(file).filename()).string();
  result = run(project.dir, "check", {"--no-cache", option, inLocked, "drafts"});
  ::chmod(folder.c_str(), 0755);
  EXPECT_EQ(result.code, 2) << result.err;
  EXPECT_TRUE(contains(result.err, inLocked + ": error: cannot write " + label + ": its folder is read-only")) << result.err;
  EXPECT_FALSE(fs::exists(inLocked));
}

TEST(WriteFault, ReadOnlyBaselineFileOrFolderIsRefusedAndKept) {
  expectReadOnlyRefused(Project(), "--write-baseline", "the baseline file", "gate/baseline.txt", kOldBaseline);
}

// --- --output -----------------------------------------------------------------------------------

constexpr const char* kOldReport = "{\"the previous report\": true}\n";

TEST(WriteFault, OutputToDevFullIsAnErrorNamingIt) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this system";
  const Project project;
  const RunResult result = run(project.dir, "check", {"--no-cache", "--format", "json", "--output", "/dev/full", "drafts"});
  EXPECT_EQ(result.code, 2) << result.err;
  EXPECT_TRUE(contains(result.err, "/dev/full: error: cannot write the --output file: ")) << result.err;
  EXPECT_TRUE(contains(result.err, kNoSpace)) << result.err;
}

TEST(WriteFault, OutputOnAFullDiskOrFailingRenameKeepsThePreviousReport) {
  const Project project;
  const std::string report = project.dir.write("out/report.json", kOldReport);
  for (const Faults& faults : {diskFull("/out/"), renameFails("report.json")}) {
    SCOPED_TRACE(faults.enospc + faults.rename);
    const RunResult result = run(project.dir, "check", {"--no-cache", "--format", "json", "--output", report, "drafts"}, faults);
    EXPECT_EQ(result.code, 2) << result.err;
    EXPECT_TRUE(contains(result.err, report + ": error: cannot write the --output file: ")) << result.err;
    EXPECT_TRUE(contains(result.err, faults.enospc.empty() ? kIoError : kNoSpace)) << result.err;
    EXPECT_EQ(readAll(report), kOldReport);
    EXPECT_EQ(entries(project.dir.path() / "out"), Names{"report.json"});
  }
  const RunResult clean = run(project.dir, "check", {"--no-cache", "--format", "json", "--output", report, "drafts"});
  EXPECT_EQ(clean.code, 1) << clean.err;
  EXPECT_TRUE(contains(readAll(report), "t.spaced-title")) << readAll(report);
}

TEST(WriteFault, ReadOnlyOutputFileOrFolderIsRefusedBeforeTheRun) {
  expectReadOnlyRefused(Project(), "--output", "the --output file", "out/report.json", kOldReport);
}

// --- the result cache ---------------------------------------------------------------------------

// Every file under the cache folder with its bytes, to compare before and after a faulty run.
std::vector<std::pair<std::string, std::string>> cacheEntries(const fs::path& cache) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!fs::exists(cache)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(cache))
    if (entry.is_regular_file()) out.emplace_back(entry.path().lexically_relative(cache).string(), readAll(entry.path().string()));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(WriteFault, CacheFaultsChangeNeitherFindingsNorExitStatusAndLoseNoEntry) {
  const Project project;
  const fs::path cache = project.dir.path() / "cache";
  const std::vector<std::string> args = {"--cache", cache.string(), "--format", "gcc", "drafts"};
  // One entry stored while the disk is fine; a second draft then meets the faults.
  const RunResult first = run(project.dir, "check", args);
  ASSERT_EQ(first.code, 1) << first.err;
  const auto stored = cacheEntries(cache);
  ASSERT_EQ(stored.size(), 1U);
  project.dir.write("drafts/second.md", "The Under-Secretary General left.\n");
  const RunResult expected = run(project.dir, "check", {"--no-cache", "--format", "gcc", "drafts"});
  for (const Faults& faults : {diskFull("/cache/"), renameFails("/cache/")}) {
    SCOPED_TRACE(faults.enospc + faults.rename);
    const RunResult result = run(project.dir, "check", args, faults);
    EXPECT_EQ(result.code, expected.code) << result.err;
    EXPECT_EQ(result.out, expected.out);
    EXPECT_TRUE(contains(result.err, "galley: warning: results not cached (" + cache.string() + "/v1/")) << result.err;
    EXPECT_TRUE(contains(result.err, faults.enospc.empty() ? kIoError : kNoSpace)) << result.err;
    EXPECT_EQ(cacheEntries(cache), stored);  // the old entry whole, nothing half-written beside it
  }
  const RunResult clean = run(project.dir, "check", args);
  EXPECT_EQ(clean.out, expected.out);
  EXPECT_FALSE(contains(clean.err, "not cached")) << clean.err;
  EXPECT_EQ(cacheEntries(cache).size(), 2U);
}

TEST(WriteFault, ReadOnlyCacheFolderIsAWarningNotAFailure) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "running as root, who can write into a read-only folder: the cache (which relies on the kernel's "
                    "permission check, unlike the writers that refuse read-only targets themselves) cannot be refused";
  const Project project;
  const fs::path cache = project.dir.path() / "cache";
  fs::create_directories(cache);
  ASSERT_EQ(::chmod(cache.c_str(), 0555), 0);
  const RunResult result = run(project.dir, "check", {"--cache", cache.string(), "--format", "gcc", "drafts"});
  ::chmod(cache.c_str(), 0755);
  EXPECT_EQ(result.code, 1) << result.err;
  EXPECT_TRUE(contains(result.out, "t.spaced-title")) << result.out;
  EXPECT_TRUE(contains(result.err, "galley: warning: results not cached (" + cache.string())) << result.err;
  EXPECT_TRUE(cacheEntries(cache).empty());
}

// --- AtomicFileWriter itself --------------------------------------------------------------------

TEST(AtomicFileWriter, AFailureBeforeTheRenameKeepsTheOldFileAndLeavesNoTemporary) {
  const ScratchDir dir;
  const std::string path = dir.write("report.txt", "old\n");
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  engine::AtomicWriteOptions options;
  std::string sawTemp;
  options.beforeRename = [&](const std::string& temp) -> std::optional<base::Error> {
    sawTemp = readAll(temp);
    return base::Error::environment("injected failure");
  };
  const auto error = engine::writeFileAtomically(path, "new\n", "report", options);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message(), "injected failure");
  EXPECT_EQ(sawTemp, "new\n");  // written and synced before the rename
  EXPECT_EQ(readAll(path), "old\n");
  EXPECT_EQ(entries(dir.path()), Names{"report.txt"});

  EXPECT_FALSE(engine::writeFileAtomically(path, "new\n", "report").has_value());
  EXPECT_EQ(readAll(path), "new\n");
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777U, 0640U);  // the old file's mode, not the temporary file's 0600
}

TEST(AtomicFileWriter, ADroppedWriterLeavesNothing) {
  const ScratchDir dir;
  const std::string path = (dir.path() / "new.txt").string();
  {
    auto writer = engine::AtomicFileWriter::open(path, "report");
    ASSERT_TRUE(writer);
    (*writer)->stream() << "never committed";
  }
  EXPECT_TRUE(entries(dir.path()).empty());
}

}  // namespace
}  // namespace galley
