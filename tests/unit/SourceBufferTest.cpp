// SourceBuffer: offsets to 1-based line/column in code points, UTF-16 columns, CRLF, BOM, bad UTF-8.
#include "base/SourceBuffer.h"

#include <gtest/gtest.h>

namespace galley::base {
namespace {

TEST(SourceBuffer, LineAndColumnCountCodePoints) {
  SourceBuffer buffer("t.md", "ab\nçé x\n");
  EXPECT_EQ(buffer.lineColumn(0), (LineColumn{1, 1}));
  EXPECT_EQ(buffer.lineColumn(3), (LineColumn{2, 1}));
  EXPECT_EQ(buffer.lineColumn(7), (LineColumn{2, 3}));   // after "çé" (4 bytes)
  EXPECT_EQ(buffer.lineColumn(8), (LineColumn{2, 4}));   // "x"
  EXPECT_EQ(buffer.lineCount(), 3U);
}

TEST(SourceBuffer, OffsetInsideMultibyteCharacterMapsToItsStart) {
  SourceBuffer buffer("t.md", "a\xC3\xA7z");
  EXPECT_EQ(buffer.lineColumn(2).column, 2U);
  EXPECT_EQ(buffer.lineColumn(3).column, 3U);
}

TEST(SourceBuffer, CrlfLineEndsAreNotPartOfTheLine) {
  SourceBuffer buffer("t.txt", "one\r\ntwo\r\n");
  EXPECT_EQ(buffer.lineText(1), "one");
  EXPECT_EQ(buffer.lineText(2), "two");
  EXPECT_EQ(buffer.lineColumn(5), (LineColumn{2, 1}));
  EXPECT_EQ(buffer.lineColumn(3), (LineColumn{1, 4}));  // the "\r"
  EXPECT_EQ(buffer.offsetAt({2, 2}), 6U);
}

TEST(SourceBuffer, BomIsNotAColumn) {
  SourceBuffer buffer("t.md", "\xEF\xBB\xBFHi there");
  EXPECT_EQ(buffer.contentStart(), 3U);
  EXPECT_EQ(buffer.lineColumn(3), (LineColumn{1, 1}));
  EXPECT_EQ(buffer.lineColumn(6), (LineColumn{1, 4}));
  EXPECT_EQ(buffer.lineText(1), "Hi there");
}

TEST(SourceBuffer, Utf16ColumnsCountSurrogatePairsTwice) {
  SourceBuffer buffer("t.md", "\xF0\x9F\x98\x80x\n");  // U+1F600 then x
  EXPECT_EQ(buffer.utf16Column(4), 2U);
  EXPECT_EQ(buffer.lineColumn(4).column, 2U);
  EXPECT_EQ(buffer.offsetAtUtf16(0, 2), 4U);
}

TEST(SourceBuffer, ReportsInvalidUtf8WithItsRange) {
  SourceBuffer buffer("t.md", "ok \xC3( and \xFF end");
  const auto problems = buffer.utf8Problems();
  ASSERT_EQ(problems.size(), 2U);
  EXPECT_EQ(problems[0].range, (Range{3, 4}));
  EXPECT_EQ(problems[1].range, (Range{10, 11}));
  EXPECT_TRUE(SourceBuffer("t.md", "Tashkent — Ташкент").utf8Problems().empty());
}

TEST(SourceBuffer, InvalidUtf8IsFoundAtEveryPlaceInLongAsciiText) {
  // ASCII is skipped eight bytes at a time: a bad byte or a split sequence at any place, the
  // last bytes included, must still be found; a valid sequence across the eight-byte steps is no
  // problem.
  const std::string ascii(37, 'a');
  for (size_t at = 0; at < ascii.size(); ++at) {
    std::string bad = ascii;
    bad[at] = '\xFF';
    const auto problems = SourceBuffer("t.md", bad).utf8Problems();
    ASSERT_EQ(problems.size(), 1U) << "at " << at;
    EXPECT_EQ(problems[0].range, (Range{static_cast<Offset>(at), static_cast<Offset>(at + 1)})) << "at " << at;
    std::string split = ascii;
    split.insert(at, "\xD0");  // the lead byte of a Cyrillic letter, alone
    EXPECT_EQ(SourceBuffer("t.md", split).utf8Problems().size(), 1U) << "at " << at;
    std::string valid = ascii;
    valid.insert(at, "\xD0\x90");  // "А", whole
    EXPECT_TRUE(SourceBuffer("t.md", valid).utf8Problems().empty()) << "at " << at;
  }
}

TEST(SourceBuffer, MissingFileIsAnEnvironmentErrorNamingThePath) {
  auto result = SourceBuffer::readFile("/nonexistent/draft.md", 1U << 20U);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), ErrorCode::Environment);
  EXPECT_NE(result.error().toString().find("/nonexistent/draft.md"), std::string::npos);
}

}  // namespace
}  // namespace galley::base
