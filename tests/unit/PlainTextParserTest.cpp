// Plain-text drafts: title lines, paragraphs joined across lines, comment lines, CRLF and BOM.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "document/Parser.h"

namespace galley::document {
namespace {

Document parseTxt(std::string text) { return parseDocument(base::SourceBuffer("t.txt", std::move(text))); }

TEST(PlainTextParser, FormatComesFromTheExtension) {
  EXPECT_EQ(formatForPath("a/b/release.txt"), Format::PlainText);
  EXPECT_EQ(formatForPath("release.md"), Format::Markdown);
  EXPECT_EQ(parseTxt("x").format, Format::PlainText);
}

TEST(PlainTextParser, TitleLinesThenParagraphs) {
  const std::string text =
      "\n\nSCO Secretary-General visits Vienna\nSCO Secretary-General visits Vienna\n\n"
      "The delegations met on\n   14 March 2017   \nin Vienna.\n\n\n\nA second paragraph.\n";
  const Document doc = parseTxt(text);
  ASSERT_EQ(doc.blocks.size(), 4U);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::Title);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::Title);  // a headline printed twice stays two blocks
  EXPECT_EQ(doc.blocks[0].prose.text(), "SCO Secretary-General visits Vienna");
  EXPECT_EQ(doc.blocks[1].source.begin, text.find("SCO", text.find("Vienna")));
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::Paragraph);
  EXPECT_EQ(doc.blocks[2].prose.text(), "The delegations met on 14 March 2017 in Vienna.");
  const size_t at = doc.blocks[2].prose.text().find("14 March");
  EXPECT_EQ(doc.blocks[2].prose.toSource(static_cast<uint32_t>(at)), text.find("14 March"));
  EXPECT_EQ(doc.blocks[2].source.begin, text.find("The delegations"));
  ASSERT_EQ(doc.blocks[2].prose.lineBreaks().size(), 2U);
  EXPECT_EQ(doc.blocks[2].prose.toSource(doc.blocks[2].prose.lineBreaks()[0]), text.find("on\n") + 2);
  EXPECT_TRUE(doc.blocks[0].prose.lineBreaks().empty());
  EXPECT_EQ(doc.blocks[2].source.end, text.find("Vienna.") + 7);
  EXPECT_EQ(doc.blocks[3].prose.text(), "A second paragraph.");
}

TEST(PlainTextParser, CommentLinesAreNotProse) {
  const std::string text = "<!-- galley-disable un-style.x -->\nHeadline\n\n  <!-- expect: a.b -->  \nBody line.\n";
  const Document doc = parseTxt(text);
  ASSERT_EQ(doc.comments.size(), 2U);
  EXPECT_EQ(doc.comments[0].text, "galley-disable un-style.x");
  EXPECT_EQ(doc.comments[0].source.begin, 0U);
  EXPECT_EQ(doc.comments[1].text, "expect: a.b");
  EXPECT_EQ(doc.comments[1].source.begin, text.find("<!-- expect"));
  ASSERT_EQ(doc.blocks.size(), 2U);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::Title);
  EXPECT_EQ(doc.blocks[0].prose.text(), "Headline");
  EXPECT_EQ(doc.blocks[1].prose.text(), "Body line.");
}

TEST(PlainTextParser, TwoCommentsOnOneLineAreText) {
  const Document doc = parseTxt("T\n\n<!-- a --> words <!-- b -->\n");
  EXPECT_TRUE(doc.comments.empty());
  ASSERT_EQ(doc.blocks.size(), 2U);
  EXPECT_EQ(doc.blocks[1].prose.text(), "<!-- a --> words <!-- b -->");
}

TEST(PlainTextParser, CrlfAndBom) {
  const std::string text = "\xEF\xBB\xBFTitle line\r\n\r\nFirst\r\nsecond line\r\n";
  const Document doc = parseTxt(text);
  ASSERT_EQ(doc.blocks.size(), 2U);
  EXPECT_EQ(doc.blocks[0].prose.text(), "Title line");
  EXPECT_EQ(doc.blocks[0].source.begin, 3U);
  EXPECT_EQ(doc.blocks[1].prose.text(), "First second line");
  EXPECT_EQ(doc.source.lineColumn(doc.blocks[1].prose.toSource(6)), (base::LineColumn{4, 1}));
}

TEST(PlainTextParser, InvalidUtf8InTheMiddleKeepsLaterParagraphs) {
  const std::string text = "Title\n\nBroken \xC3 byte.\n\nStill here.\n";
  const Document doc = parseTxt(text);
  ASSERT_EQ(doc.invalidUtf8.size(), 1U);
  EXPECT_EQ(doc.invalidUtf8[0].begin, text.find('\xC3'));
  ASSERT_EQ(doc.blocks.size(), 3U);
  EXPECT_EQ(doc.blocks[1].prose.text(), "Broken \xEF\xBF\xBD byte.");
  EXPECT_EQ(doc.blocks[1].prose.toSource(7), text.find('\xC3'));
  EXPECT_EQ(doc.blocks[1].prose.toSource(11), text.find("byte"));
  EXPECT_EQ(doc.blocks[2].prose.text(), "Still here.");
}

TEST(PlainTextParser, ReferenceCommuniqueShape) {
  const std::string path = GALLEY_SOURCE_DIR "/../shared/reference/000_95c8ddcf366ad626.txt";
  auto buffer = base::SourceBuffer::readFile(path, 1U << 20U);
  if (!buffer) GTEST_SKIP() << "reference communiqué not available at " << path;
  const Document doc = parseDocument(std::move(*buffer));
  ASSERT_GE(doc.blocks.size(), 4U);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::Title);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::Title);
  EXPECT_EQ(doc.blocks[0].prose.text(), doc.blocks[1].prose.text());
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::Paragraph);
  for (const Block& b : doc.blocks) EXPECT_EQ(b.prose.text().find('\n'), std::string::npos);
}

}  // namespace
}  // namespace galley::document
