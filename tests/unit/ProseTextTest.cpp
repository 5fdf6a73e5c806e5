// ProseText's offset map and the ProseBuilder that fills it (line folding, exclusions, bad bytes).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "document/Document.h"
#include "document/ProseBuilder.h"

namespace galley::document {
namespace {

TEST(ProseText, SourceRunsAndSyntheticTextMapBack) {
  ProseText prose;
  prose.appendSource("Drugs ", 10);
  prose.appendSynthetic("&", 16);  // a decoded "&amp;"
  prose.appendSource(" Crime", 21);
  EXPECT_EQ(prose.text(), "Drugs & Crime");
  EXPECT_EQ(prose.toSource(0), 10U);
  EXPECT_EQ(prose.toSource(6), 16U);
  EXPECT_EQ(prose.toSource(8), 22U);
  EXPECT_EQ(prose.toSource(base::Range{8, 13}), (base::Range{22, 27}));
  EXPECT_TRUE(prose.isContiguous({8, 13}));
  EXPECT_FALSE(prose.isContiguous({4, 9}));
}

TEST(ProseText, AdjacentRunsMerge) {
  ProseText prose;
  prose.appendSource("ab", 5);
  prose.appendSource("cd", 7);
  EXPECT_EQ(prose.segments().size(), 1U);
  EXPECT_TRUE(prose.isContiguous({0, 4}));
}

class ProseBuilderTest : public ::testing::Test {
 protected:
  std::string source_;
  std::vector<base::Range> invalid_;
  ProseText prose_;
};

TEST_F(ProseBuilderTest, FoldsLineBreaksAndTrimsEnds) {
  source_ = "  one two  \n\t three\r\n four  ";
  ProseBuilder builder(source_, prose_, invalid_);
  builder.text({0, static_cast<base::Offset>(source_.size())});
  EXPECT_EQ(prose_.text(), "one two three four");
  EXPECT_EQ(prose_.toSource(8), source_.find("three"));
  EXPECT_EQ(prose_.toSource(7), source_.find('\n'));  // the synthetic space sits on the break
}

TEST_F(ProseBuilderTest, SkipsExcludedRanges) {
  source_ = "> alpha\n> beta";
  ProseBuilder builder(source_, prose_, invalid_);
  builder.setExcluded({{0, 2}, {8, 10}});
  builder.text({0, static_cast<base::Offset>(source_.size())});
  EXPECT_EQ(prose_.text(), "alpha beta");
  EXPECT_EQ(prose_.toSource(6), 10U);
}

TEST_F(ProseBuilderTest, WhitespaceAroundRemovedMarkupCollapses) {
  source_ = "word <x> end";
  ProseBuilder builder(source_, prose_, invalid_);
  builder.text({0, 5});
  builder.text({8, 12});  // "<x>" skipped
  EXPECT_EQ(prose_.text(), "word end");
  EXPECT_EQ(prose_.toSource(5), 9U);
}

TEST_F(ProseBuilderTest, SyntheticTextFlushesPendingSpace) {
  source_ = "a `c` b";
  ProseBuilder builder(source_, prose_, invalid_);
  builder.text({0, 2});
  builder.synthetic(kProsePlaceholder, 2);
  builder.text({5, 7});
  EXPECT_EQ(prose_.text(), std::string("a ") + std::string(kProsePlaceholder) + " b");
  EXPECT_EQ(prose_.toSource(2), 2U);
}

TEST_F(ProseBuilderTest, InvalidBytesBecomeReplacementCharacters) {
  source_ = "ok \xFF\xFE done";
  invalid_ = {{3, 4}, {4, 5}};
  ProseBuilder builder(source_, prose_, invalid_);
  builder.text({0, static_cast<base::Offset>(source_.size())});
  EXPECT_EQ(prose_.text(), "ok \xEF\xBF\xBD\xEF\xBF\xBD done");
  EXPECT_EQ(prose_.toSource(3), 3U);
  EXPECT_EQ(prose_.toSource(6), 4U);
  EXPECT_EQ(prose_.toSource(10), source_.find("done"));
}

TEST_F(ProseBuilderTest, BreakAtTheEndAddsNothing) {
  source_ = "last line\n\n";
  ProseBuilder builder(source_, prose_, invalid_);
  builder.text({0, static_cast<base::Offset>(source_.size())});
  builder.lineBreak(10);
  EXPECT_EQ(prose_.text(), "last line");
}

}  // namespace
}  // namespace galley::document
