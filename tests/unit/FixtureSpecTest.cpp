// Fixture expectations: inline comments, sidecars, clean fixtures and the comparison verdicts.
#include <gtest/gtest.h>

#include "tools/FixtureSpec.h"

namespace galley::tools {
namespace {

document::Document withComments(const std::string& path, const std::string& text) {
  document::Document document(base::SourceBuffer(path, text));
  for (size_t at = text.find("<!--"); at != std::string::npos; at = text.find("<!--", at + 1)) {
    const size_t end = text.find("-->", at) + 3;
    std::string inside = text.substr(at + 4, end - 3 - at - 4);
    inside.erase(0, inside.find_first_not_of(' '));
    inside.erase(inside.find_last_not_of(' ') + 1);
    document.comments.push_back({{static_cast<base::Offset>(at), static_cast<base::Offset>(end)}, inside});
  }
  return document;
}

diag::Diagnostic at(const base::SourceBuffer& source, std::string_view needle, const std::string& rule) {
  const auto begin = static_cast<base::Offset>(source.text().rfind(needle));  // past the annotations
  return {rule, diag::Severity::Error, {begin, begin + static_cast<base::Offset>(needle.size())}, "m", {}, {}, ""};
}

TEST(FixtureSpec, ExpectTargetsNextNonBlankNonCommentLine) {
  const std::string text =
      "<!-- expect: p.a col=5 \"Bad one\" -->\n<!-- expect: p.b -->\n\nThe Bad one here\n<!-- ok: p.a -->\nfine\n";
  const auto document = withComments("f.md", text);
  const FixtureSpec spec = FixtureSpec::fromDocument(document);
  ASSERT_TRUE(spec.problems.empty()) << spec.problems.front();
  ASSERT_EQ(spec.expectations.size(), 3U);
  EXPECT_EQ(spec.expectations[0].line, 4U);
  EXPECT_EQ(spec.expectations[0].column, 5U);
  EXPECT_EQ(spec.expectations[0].text, "Bad one");
  EXPECT_EQ(spec.expectations[1].line, 4U);
  EXPECT_FALSE(spec.expectations[2].mustFire);
  EXPECT_EQ(spec.expectations[2].line, 6U);
  EXPECT_EQ(spec.ruleIds(), (std::set<std::string>{"p.a", "p.b"}));
  EXPECT_FALSE(spec.runsAllRules());
}

TEST(FixtureSpec, MetExpectationsPass) {
  const std::string text = "<!-- expect: p.a col=5 \"Bad one\" -->\n<!-- expect: p.b -->\nThe Bad one here\n";
  const auto document = withComments("f.md", text);
  const FixtureSpec spec = FixtureSpec::fromDocument(document);
  EXPECT_TRUE(spec.compare(document.source, {at(document.source, "Bad one", "p.a"), at(document.source, "here", "p.b")})
                  .empty());
}

TEST(FixtureSpec, WrongColumnMissingAndUnexpectedAllFail) {
  const std::string text = "<!-- expect: p.a col=5 -->\nThe Bad one here\nBad again\n";
  const auto document = withComments("f.md", text);
  const FixtureSpec spec = FixtureSpec::fromDocument(document);
  const auto failures = spec.compare(document.source, {at(document.source, "one", "p.a"), at(document.source, "again", "p.a")});
  ASSERT_EQ(failures.size(), 3U);
  EXPECT_EQ(failures[0], "f.md:2:9: error: m [p.a]: unexpected diagnostic");
  EXPECT_EQ(failures[1], "f.md:3:5: error: m [p.a]: unexpected diagnostic");
  EXPECT_EQ(failures[2], "f.md:2: expected p.a at column 5 (written at f.md:1), not reported");
}

TEST(FixtureSpec, OkLineThatFiresFails) {
  const std::string text = "<!-- ok: p.a -->\nBad\n";
  const auto document = withComments("f.md", text);
  const FixtureSpec spec = FixtureSpec::fromDocument(document);
  const auto failures = spec.compare(document.source, {at(document.source, "Bad", "p.a")});
  ASSERT_EQ(failures.size(), 1U);
  EXPECT_NE(failures[0].find("reported although f.md:1 says ok"), std::string::npos) << failures[0];
}

TEST(FixtureSpec, CleanByCommentByNameOrByHavingNoExpectations) {
  const auto byComment = withComments("a.md", "<!-- galley-fixture: clean -->\nText\n");
  EXPECT_TRUE(FixtureSpec::fromDocument(byComment).clean);
  EXPECT_TRUE(FixtureSpec::fromDocument(withComments("dir/clean-release.md", "Text\n")).clean);
  const FixtureSpec none = FixtureSpec::fromDocument(withComments("b.md", "Text\n"));
  EXPECT_FALSE(none.clean);
  EXPECT_TRUE(none.runsAllRules());
  EXPECT_TRUE(none.ruleIds().empty());
  // Clean: anything at all fails.
  EXPECT_EQ(none.compare(byComment.source, {at(byComment.source, "Text", "p.a")}).size(), 1U);
}

TEST(FixtureSpec, MalformedAnnotationsAreProblems) {
  const auto document = withComments("f.md", "<!-- expect: p.a col=x -->\nA\n<!-- galley-fixture: dirty -->\n<!-- expect: -->\nB\n");
  const FixtureSpec spec = FixtureSpec::fromDocument(document);
  ASSERT_EQ(spec.problems.size(), 3U);
  EXPECT_NE(spec.problems[0].find("f.md:1: malformed expectation"), std::string::npos) << spec.problems[0];
  EXPECT_EQ(spec.compare(document.source, {}).size(), 3U);  // problems fail the fixture
}

TEST(FixtureSpec, SidecarLines) {
  FixtureSpec spec;
  spec.addSidecar("# header\n\n3:10 p.a \"Under-Secretary General\"\n1 p.b\n2 !p.a\nclean-ish\n", "c.txt.expect");
  ASSERT_EQ(spec.expectations.size(), 3U);
  EXPECT_EQ(spec.expectations[0].line, 3U);
  EXPECT_EQ(spec.expectations[0].column, 10U);
  EXPECT_EQ(spec.expectations[0].text, "Under-Secretary General");
  EXPECT_EQ(spec.expectations[0].writtenAt, "c.txt.expect:3");
  EXPECT_EQ(spec.expectations[1].ruleId, "p.b");
  EXPECT_FALSE(spec.expectations[1].column.has_value());
  EXPECT_FALSE(spec.expectations[2].mustFire);
  ASSERT_EQ(spec.problems.size(), 1U);
  EXPECT_NE(spec.problems[0].find("c.txt.expect:6"), std::string::npos);
  FixtureSpec clean;
  clean.addSidecar("clean\n", "d.txt.expect");
  EXPECT_TRUE(clean.clean);
}

}  // namespace
}  // namespace galley::tools
