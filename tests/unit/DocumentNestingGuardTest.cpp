// The pre-scan that keeps over-deep Markdown nesting away from tree-sitter's block scanner.
#include <gtest/gtest.h>

#include <string>

#include "document/NestingGuard.h"

namespace galley::document {
namespace {

LinePrefix scan(const std::string& line) {
  return scanLinePrefix(line, 0, static_cast<base::Offset>(line.size()));
}

TEST(NestingGuard, CountsQuoteAndListMarkers) {
  EXPECT_EQ(scan("plain text").depth, 0);
  EXPECT_EQ(scan("> > quoted").depth, 2);
  EXPECT_TRUE(scan(">> x").quote);
  EXPECT_EQ(scan("- - * + item").depth, 4);
  EXPECT_EQ(scan("1. 2) item").depth, 2);
  EXPECT_EQ(scan("-not a marker").depth, 0);
  EXPECT_EQ(scan("2017. A year").depth, 1);  // looks like an ordered marker; an upper bound is fine
  EXPECT_EQ(scan("1234567890. ten digits").depth, 0);
}

TEST(NestingGuard, IndentationCountsOnlyWithAMarker) {
  EXPECT_EQ(scan(std::string(200, ' ') + "code, not a list").depth, 0);
  EXPECT_EQ(scan(std::string(20, ' ') + "- item").depth, 11);
  EXPECT_EQ(scan("\t\t- item").depth, 5);
}

TEST(NestingGuard, ContentStartsAfterTheMarkers) {
  const std::string line = "> > - words here";
  EXPECT_EQ(line.substr(scan(line).contentBegin), "words here");
}

TEST(NestingGuard, FindsRunsOfOverDeepLines) {
  const std::string deep = std::string(70, '>') + " x\n";
  const std::string text = "ok\n" + deep + deep + "fine\n" + deep;
  const auto runs = findOverDeepLines(text, 0, 64);
  ASSERT_EQ(runs.size(), 2U);
  EXPECT_EQ(runs[0], (base::Range{3, static_cast<base::Offset>(3 + 2 * deep.size())}));
  EXPECT_EQ(runs[1].begin, text.rfind(deep));
  EXPECT_EQ(runs[1].end, text.size());
  EXPECT_TRUE(findOverDeepLines(text, 0, 80).empty());
}

}  // namespace
}  // namespace galley::document
