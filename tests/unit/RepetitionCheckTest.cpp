// The `repetition` kind: repeated words (with their fixes) and repeated lines such as a headline.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "checks/RuleSet.h"
#include "document/Parser.h"

namespace galley::checks {
namespace {

struct Result {
  std::string source;
  std::vector<diag::Diagnostic> diagnostics;
  [[nodiscard]] std::string text(base::Range range) const { return source.substr(range.begin, range.size()); }
};

Result check(const std::string& yaml, const std::string& draft, const std::string& path = "draft.md") {
  const LoadedRules loaded = RuleSet::loadText("t.yaml", yaml, "t");
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.toString();
  const document::Document document = document::parseDocument(base::SourceBuffer(path, draft));
  annotate::Annotations annotations(document);
  diag::DiagnosticSink sink;
  loaded.rules.run(document, annotations, sink);
  return {draft, sink.take()};
}

std::string applyFix(std::string source, const diag::Fix& fix) {
  for (auto it = fix.edits.rbegin(); it != fix.edits.rend(); ++it)
    source.replace(it->range.begin, it->range.size(), it->text);
  return source;
}

constexpr const char* kWords = R"(rules:
  - id: words
    kind: repetition
    message: "The {what} '{found}' is repeated"
    lines: false
    exceptions: [that]
)";

TEST(RepetitionCheck, RepeatedWordIsReportedOnTheSecondWithAFixDeletingIt) {
  const Result r = check(kWords, "The delegation met the the Director.\n");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  const diag::Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.range, (base::Range{23, 26}));
  EXPECT_EQ(d.message, "The word 'the' is repeated");
  ASSERT_TRUE(d.fix.has_value());
  EXPECT_EQ(d.fix->applicability, diag::Applicability::Safe);
  ASSERT_EQ(d.fix->edits.size(), 1U);
  EXPECT_EQ(d.fix->edits[0].range, (base::Range{22, 26}));
  EXPECT_EQ(d.fix->edits[0].text, "");
  EXPECT_EQ(applyFix(r.source, *d.fix), "The delegation met the Director.\n");
}

TEST(RepetitionCheck, CaseIsIgnoredAndTheFirstSpellingKept) {
  const Result r = check(kWords, "The the meeting opened.\n");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(applyFix(r.source, *r.diagnostics[0].fix), "The meeting opened.\n");
}

TEST(RepetitionCheck, RepeatAcrossMarkupDeletesTheFirstCopyInstead) {
  const Result r = check(kWords, "They met the **the** Director.\n");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.text(r.diagnostics[0].range), "the");
  EXPECT_EQ(r.diagnostics[0].range.begin, 15U);
  ASSERT_TRUE(r.diagnostics[0].fix.has_value());
  EXPECT_EQ(r.diagnostics[0].fix->edits[0].range, (base::Range{9, 13}));
  EXPECT_EQ(applyFix(r.source, *r.diagnostics[0].fix), "They met **the** Director.\n");
}

TEST(RepetitionCheck, PunctuationExceptionsAndCompoundsAreNotRepeats) {
  EXPECT_TRUE(check(kWords, "The talks ended in Vienna. Vienna hosts the next round.\n").diagnostics.empty());
  EXPECT_TRUE(check(kWords, "They agreed that that plan was sound.\n").diagnostics.empty());
  EXPECT_TRUE(check(kWords, "A well-known known risk.\n").diagnostics.empty());
  EXPECT_TRUE(check(kWords, "# Vienna\n\nVienna hosted the talks.\n").diagnostics.empty());  // separate blocks
}

constexpr const char* kLines = R"(rules:
  - id: lines
    kind: repetition
    message: "Repeated {what}: '{found}'"
    words: false
    minwords: 3
)";

TEST(RepetitionCheck, HeadingPrintedTwiceIsFlaggedWithANoteAtTheFirst) {
  const Result r = check(kLines, "# Heads of agencies meet in Vienna\n\n# Heads of  agencies meet in VIENNA\n\nBody text.\n");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  const diag::Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(r.text(d.range), "Heads of  agencies meet in VIENNA");
  EXPECT_EQ(d.message, "Repeated line: 'Heads of  agencies meet in VIENNA'");
  ASSERT_EQ(d.notes.size(), 1U);
  EXPECT_EQ(r.text(*d.notes[0].range), "Heads of agencies meet in Vienna");
  EXPECT_EQ(d.notes[0].message, "first written here");
}

TEST(RepetitionCheck, PlainTextHeadlineTwiceReportsTheSecondLine) {
  const std::string draft = "Heads of agencies meet in Vienna\nHeads of agencies meet in Vienna\n\nThe talks opened.\n";
  const Result r = check(kLines, draft, "draft.txt");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics[0].range, (base::Range{33, 65}));
}

TEST(RepetitionCheck, MarkdownHeadlineTwiceInOneParagraphReportsTheSecondSourceLine) {
  // Markdown joins the two lines into one paragraph; lines are still told apart by the source.
  const std::string draft = "Heads of agencies meet in Vienna\nHeads of agencies meet in Vienna\n\nThe talks opened.\n";
  const Result r = check(kLines, draft);
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics[0].range, (base::Range{33, 65}));
  EXPECT_EQ(*r.diagnostics[0].notes[0].range, (base::Range{0, 32}));
}

TEST(RepetitionCheck, ShortLinesAndListItemsAreNotCompared) {
  EXPECT_EQ(check(kLines, "Thank you all.\n\nThank you all.\n").diagnostics.size(), 1U);  // 3 words: compared
  EXPECT_TRUE(check(kLines, "- Border control and drugs\n- Border control and drugs\n").diagnostics.empty());
  EXPECT_TRUE(check(kLines, "Thank you.\n\nThank you.\n").diagnostics.empty());
}

TEST(RepetitionCheck, BothModesOffIsALoadError) {
  const auto loaded =
      RuleSet::loadText("t.yaml", "rules:\n  - {id: a, kind: repetition, message: m, words: false, lines: false}\n", "t");
  ASSERT_EQ(loaded.errors.size(), 1U);
  EXPECT_EQ(loaded.errors[0].message(), "'words' and 'lines' are both false: the rule would never fire");
}

}  // namespace
}  // namespace galley::checks
