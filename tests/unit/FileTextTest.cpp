// base::readFileText: the one way Galley reads whole files (drafts, packs, fact bases, lexicons,
// configurations, cache entries): bytes as they are, and a reason in words when it cannot.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "base/FileText.h"
#include "CliHarness.h"

namespace galley::base {
namespace {

namespace fs = std::filesystem;

TEST(FileText, ReadsEveryByteOfAFile) {
  const testing::ScratchDir dir;
  const std::string path = (dir.path() / "facts.yaml").string();
  const std::string bytes("\xEF\xBB\xBFkey: value\r\nnul\0byte\n", 23);
  std::ofstream(path, std::ios::binary) << bytes;
  const Expected<std::string> text = readFileText(path);
  ASSERT_TRUE(text) << text.error().message();
  EXPECT_EQ(*text, bytes);
  std::ofstream(path, std::ios::binary | std::ios::trunc).flush();
  const Expected<std::string> empty = readFileText(path);
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST(FileText, SaysWhyItCannotAndWhere) {
  const testing::ScratchDir dir;
  const std::string missing = (dir.path() / "missing.yaml").string();
  const Expected<std::string> gone = readFileText(missing);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().message(), "No such file or directory");
  ASSERT_TRUE(gone.error().location());
  EXPECT_EQ(gone.error().location()->path, missing);

  const Expected<std::string> folder = readFileText(dir.path().string());
  ASSERT_FALSE(folder);
  EXPECT_EQ(folder.error().message(), "is a directory");

  // A FIFO nobody writes to would block a read for ever: refused without opening it.
  const std::string fifo = (dir.path() / "pack.yaml").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const Expected<std::string> pipe = readFileText(fifo);
  ASSERT_FALSE(pipe);
  EXPECT_EQ(pipe.error().message(), "not a regular file (a FIFO); not read");
}

TEST(FileText, RefusesAFileOverTheLimitBeforeReadingIt) {
  const testing::ScratchDir dir;
  const std::string path = (dir.path() / "draft.md").string();
  std::ofstream(path, std::ios::binary) << std::string(100, 'x');
  EXPECT_TRUE(readFileText(path, 100));
  const Expected<std::string> big = readFileText(path, 99);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code(), ErrorCode::InvalidInput);
  EXPECT_EQ(big.error().message(), "file is too large (100 bytes; the limit is 99 bytes, see --max-file-size)");
}

}  // namespace
}  // namespace galley::base
