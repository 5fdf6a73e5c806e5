// CI features end to end: a baseline adopted on a corpus with findings, the result cache (same
// output cold, warm, corrupted and without it; any --jobs), and shards that join to the whole run.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
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

// 12 drafts with findings (and one clean), under corpus/.
void writeCorpus(const ScratchDir& dir) {
  dir.write("packs/t/rules.yaml", kPack);
  for (int i = 0; i < 12; ++i) {
    dir.write("corpus/d" + std::to_string(i / 4) + "/f" + std::to_string(i) + ".md",
              "# Release " + std::to_string(i) + "\n\nA dynamically robust plan, number " + std::to_string(i) +
                  ".\n\nThe plan is robust.\n");
  }
  dir.write("corpus/clean.md", "# Clean\n\nNothing to see.\n");
}

std::vector<std::string> checkArgs(std::vector<std::string> more) {
  std::vector<std::string> args = {"check", "--no-config", "--no-default-rules", "--rules", "packs/t", "--format", "gcc", "--quiet"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

std::vector<std::string> sortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

TEST(CiCli, BaselineReportsOnlyTheNewFindingAfterLinesMove) {
  const ScratchDir dir;
  writeCorpus(dir);
  const RunResult write = runBinary(checkArgs({"--no-cache", "--write-baseline", "base.txt", "corpus"}), dir.path());
  EXPECT_EQ(write.code, 0) << write.err;
  EXPECT_NE(write.err.find("baseline of 36 findings written to base.txt"), std::string::npos) << write.err;
  const RunResult clean = runBinary(checkArgs({"--no-cache", "--baseline", "base.txt", "corpus"}), dir.path());
  EXPECT_EQ(clean.code, 0) << clean.out << clean.err;
  EXPECT_EQ(clean.out, "");
  // Lines inserted above the old findings of f5, and one new finding below them.
  dir.write("corpus/d1/f5.md", "# Release 5\n\nA new opening paragraph.\n\nAnd another.\n\nA dynamically robust plan, "
                               "number 5.\n\nThe plan is robust.\n\nIt was dynamically agreed.\n");
  const RunResult after = runBinary(checkArgs({"--no-cache", "--baseline", "base.txt", "corpus"}), dir.path());
  EXPECT_EQ(after.code, 1);
  EXPECT_EQ(after.out, "corpus/d1/f5.md:11:8: error: Avoid 'dynamically' [t.loud]\n") << after.out;
  // A damaged baseline is a located error, not an empty baseline.
  dir.write("bad.txt", "# galley baseline 1\nnot a line\n");
  const RunResult bad = runBinary(checkArgs({"--baseline", "bad.txt", "corpus"}), dir.path());
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("bad.txt:2:1: error: malformed baseline line"), std::string::npos) << bad.err;
}

TEST(CiCli, CacheGivesTheSameOutputColdWarmCorruptedAndWithout) {
  const ScratchDir dir;
  writeCorpus(dir);
  const RunResult none = runBinary(checkArgs({"--no-cache", "--jobs", "1", "corpus"}), dir.path());
  ASSERT_EQ(none.code, 1);
  const RunResult cold = runBinary(checkArgs({"--cache", "cache", "--jobs", "8", "corpus"}), dir.path());
  EXPECT_EQ(cold.out, none.out);
  size_t entries = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path() / "cache"))
    entries += entry.is_regular_file() ? 1U : 0U;
  EXPECT_EQ(entries, 13U);  // one per file
  const RunResult warm = runBinary(checkArgs({"--cache", "cache", "--jobs", "1", "corpus"}), dir.path());
  EXPECT_EQ(warm.out, none.out);
  EXPECT_EQ(warm.code, 1);
  // A rule change must not reuse old results.
  dir.write("packs/t/rules.yaml", std::string(kPack).replace(std::string(kPack).find("severity: warning"), 17, "severity: error"));
  const RunResult changed = runBinary(checkArgs({"--cache", "cache", "corpus"}), dir.path());
  EXPECT_EQ(changed.out.find("warning:"), std::string::npos) << changed.out;
  dir.write("packs/t/rules.yaml", kPack);
  // Damaged and swapped entries are misses.
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path() / "cache"))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 4U);
  std::filesystem::copy_file(files[0], files[1], std::filesystem::copy_options::overwrite_existing);
  const std::string payload = readAll(files[2].string());
  dir.write(std::filesystem::relative(files[2], dir.path()).string(), payload.substr(0, payload.size() / 2));
  dir.write(std::filesystem::relative(files[3], dir.path()).string(), "garbage");
  const RunResult damaged = runBinary(checkArgs({"--cache", "cache", "corpus"}), dir.path());
  EXPECT_EQ(damaged.out, none.out);
}

TEST(CiCli, ShardsJoinToTheWholeRun) {
  const ScratchDir dir;
  writeCorpus(dir);
  const RunResult whole = runBinary(checkArgs({"--no-cache", "corpus"}), dir.path());
  std::vector<std::string> joined;
  int nonEmpty = 0;
  for (int i = 1; i <= 3; ++i) {
    const RunResult part = runBinary(checkArgs({"--no-cache", "--shard", std::to_string(i) + "/3", "corpus"}), dir.path());
    const auto lines = sortedLines(part.out);
    nonEmpty += lines.empty() ? 0 : 1;
    joined.insert(joined.end(), lines.begin(), lines.end());
  }
  std::sort(joined.begin(), joined.end());
  EXPECT_EQ(joined, sortedLines(whole.out));
  EXPECT_GE(nonEmpty, 2);  // the files really are spread
  const RunResult bad = runBinary(checkArgs({"--shard", "4/3", "corpus"}), dir.path());
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("--shard: expected I/N"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace galley::tools
