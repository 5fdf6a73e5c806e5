// Every command in the README's fenced `sh` blocks runs, against the fixtures, without a usage,
// configuration or input error (exit 0 or 1) — unless a `<!-- readme-test: skip (why) -->`
// comment right above the block says why not. `galley` and `./build/galley` are the binary under
// test; `drafts/` and `draft.md` are the fixtures and one fixture.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "CliHarness.h"

namespace galley::tools {
namespace {

using galley::testing::readAll;
using galley::testing::ScratchDir;
using galley::testing::shellQuote;

struct ReadmeCommand {
  int line = 0;
  std::string text;
};

// The commands of the README's runnable `sh` blocks, one per line (comments and blanks dropped).
std::vector<ReadmeCommand> readmeCommands(const std::string& readme, std::vector<std::string>& skipped) {
  std::vector<ReadmeCommand> commands;
  std::istringstream in(readme);
  std::string line;
  std::string previous;
  bool inBlock = false;
  bool skip = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!inBlock && line.starts_with("```sh")) {
      inBlock = true;
      skip = previous.starts_with("<!-- readme-test: skip (");
      if (skip) skipped.push_back(std::to_string(number) + ": " + previous);
    } else if (inBlock && line.starts_with("```")) {
      inBlock = false;
    } else if (inBlock && !skip && !line.empty() && !line.starts_with('#')) {
      commands.push_back({number, line});
    }
    previous = line;
  }
  return commands;
}

TEST(Readme, EveryShCommandRuns) {
  const std::filesystem::path source = GALLEY_SOURCE_DIR;
  std::vector<std::string> skipped;
  const std::vector<ReadmeCommand> commands = readmeCommands(readAll((source / "README.md").string()), skipped);
  ASSERT_GE(commands.size(), 10U);
  for (const std::string& reason : skipped) EXPECT_NE(reason.find("skip ("), std::string::npos) << reason;
  const ScratchDir dir;
  namespace fs = std::filesystem;
  fs::create_directories(dir.path() / "build");
  fs::create_directories(dir.path() / "bin");
  fs::create_symlink(GALLEY_BINARY, dir.path() / "build" / "galley");
  fs::create_symlink(GALLEY_BINARY, dir.path() / "bin" / "galley");
  // Copies, not links: the README shows `galley fix`, which must never rewrite the real fixtures.
  fs::copy(source / "fixtures", dir.path() / "fixtures", fs::copy_options::recursive);
  fs::copy(source / "fixtures", dir.path() / "drafts", fs::copy_options::recursive);
  std::string draft;
  for (const auto& entry : fs::recursive_directory_iterator(source / "fixtures")) {
    if (entry.path().extension() == ".md" && entry.path().string().find(".fixed.") == std::string::npos) {
      draft = entry.path().string();
      break;
    }
  }
  ASSERT_FALSE(draft.empty());
  fs::copy_file(draft, dir.path() / "draft.md");
  for (const ReadmeCommand& command : commands) {
    // The binary on PATH; the cache goes to the scratch directory, not the user's.
    const std::string shell = "cd " + shellQuote(dir.path().string()) + " && PATH=" +
                              shellQuote((dir.path() / "bin").string()) + ":\"$PATH\" XDG_CACHE_HOME=" +
                              shellQuote((dir.path() / "cache").string()) + " NO_COLOR=1 timeout 300 bash -c " +
                              shellQuote(command.text) + " >" + shellQuote((dir.path() / "out").string()) + " 2>" +
                              shellQuote((dir.path() / "err").string()) + " </dev/null";
    const int status = std::system(shell.c_str());  // NOLINT(cert-env33-c): the test runs the README's commands
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    EXPECT_TRUE(code == 0 || code == 1) << "README.md:" << command.line << ": `" << command.text << "` exited " << code
                                        << "\n" << readAll((dir.path() / "err").string());
    EXPECT_EQ(readAll((dir.path() / "err").string()).find("error:"), std::string::npos)
        << "README.md:" << command.line << ": `" << command.text << "`\n" << readAll((dir.path() / "err").string());
  }
}

}  // namespace
}  // namespace galley::tools
