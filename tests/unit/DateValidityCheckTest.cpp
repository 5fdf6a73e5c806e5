// The date-validity check kind on small Markdown drafts.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "annotate/Annotations.h"
#include "base/SourceBuffer.h"
#include "checks/DateValidityCheck.h"
#include "config/RuleConfig.h"
#include "document/Parser.h"

namespace galley::checks {
namespace {

std::unique_ptr<Check> makeCheck() {
  config::RuleConfig rule;
  rule.id = "dates.validity";
  rule.pack = "dates";
  rule.kind = "date-validity";
  rule.message = config::MessageTemplate::parse("'{found}': {reason}").value();
  base::ErrorList errors;
  auto check = DateValidityCheck::create(rule, errors);
  EXPECT_TRUE(errors.empty());
  return check;
}

struct Run {
  std::unique_ptr<document::Document> doc;
  std::vector<diag::Diagnostic> diagnostics;
};

Run check(std::string text) {
  Run run;
  run.doc = std::make_unique<document::Document>(
      document::parseDocument(base::SourceBuffer("draft.md", std::move(text)), document::Format::Markdown));
  annotate::Annotations annotations(*run.doc);
  diag::DiagnosticSink sink;
  makeCheck()->run(*run.doc, annotations, sink);
  run.diagnostics = sink.take();
  return run;
}

std::string at(const Run& run, base::Range range) {
  return std::string(run.doc->source.text().substr(range.begin, range.size()));
}

TEST(DateValidityCheck, ImpossibleDayIsFlaggedWithoutFix) {
  const auto run = check("The agreement was signed on 31 June 2017 in Astana.\n");
  ASSERT_EQ(run.diagnostics.size(), 1U);
  EXPECT_EQ(at(run, run.diagnostics[0].range), "31 June 2017");
  EXPECT_EQ(run.diagnostics[0].message, "'31 June 2017': June 2017 has 30 days");
  EXPECT_FALSE(run.diagnostics[0].fix.has_value());
  const auto leap = check("It was dated 29 February 2019.\n");
  ASSERT_EQ(leap.diagnostics.size(), 1U);
  EXPECT_EQ(leap.diagnostics[0].message, "'29 February 2019': 2019 is not a leap year");
}

// One diagnostic on `text` saying 16 March 2017 is a Thursday, with an unsafe fix of "Friday".
void expectThursdayFix(const char* text) {
  const auto run = check(text);
  ASSERT_EQ(run.diagnostics.size(), 1U) << text;
  const auto& d = run.diagnostics[0];
  EXPECT_NE(d.message.find("16 March 2017 is a Thursday"), std::string::npos) << text;
  ASSERT_TRUE(d.fix.has_value()) << text;
  EXPECT_EQ(d.fix->applicability, diag::Applicability::Unsafe);
  ASSERT_EQ(d.fix->edits.size(), 1U);
  EXPECT_EQ(at(run, d.fix->edits[0].range), "Friday");
  EXPECT_EQ(d.fix->edits[0].text, "Thursday");
}

TEST(DateValidityCheck, WrongWeekdayGetsAnUnsafeFixInEveryOrder) {
  expectThursdayFix("The session closed on Friday, 16 March 2017.\n");
  expectThursdayFix("It closed on 16 March 2017 (Friday).\n");
  expectThursdayFix("It closed on Friday 16 March 2017.\n");
  expectThursdayFix("VIENNA, 14 March 2017 \xE2\x80\x94 Delegations left on Friday 16 March.\n");  // year of the dateline
}

TEST(DateValidityCheck, ReversedRangeIsFlagged) {
  const auto run = check("The session ran from 17 to 13 March 2017.\n");
  ASSERT_EQ(run.diagnostics.size(), 1U);
  EXPECT_NE(run.diagnostics[0].message.find("starts after it ends"), std::string::npos);
}

TEST(DateValidityCheck, CorrectDatesAreQuiet) {
  const auto run = check(
      "VIENNA, 14 March 2017 \xE2\x80\x94 On Thursday, 16 March 2017, the session closed. It ran 13\xE2\x80\x93"
      "17 March 2017; the day before, experts met. 29 February 2016 was a Monday.\n");
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(DateValidityCheck, DatesSplitByInlineMarkupAreStillChecked) {
  // "**16** March 2017": the day is bold, the month and year are not.
  const auto weekday = check("The session closed on Friday, **16** March 2017.\n");
  ASSERT_EQ(weekday.diagnostics.size(), 1U);
  EXPECT_NE(weekday.diagnostics[0].message.find("16 March 2017 is a Thursday"), std::string::npos);
  ASSERT_TRUE(weekday.diagnostics[0].fix.has_value());
  EXPECT_EQ(at(weekday, weekday.diagnostics[0].fix->edits[0].range), "Friday");
  const auto impossible = check("The plan was adopted on **31** June 2017.\n");
  ASSERT_EQ(impossible.diagnostics.size(), 1U);
  EXPECT_EQ(impossible.diagnostics[0].message, "'31 June 2017': June 2017 has 30 days");
  EXPECT_EQ(at(impossible, impossible.diagnostics[0].range), "31** June 2017");
  EXPECT_TRUE(check("The session closed on Thursday, **16** March 2017.\n").diagnostics.empty());
}

TEST(DateValidityCheck, DefaultOptionsAreValid) {
  config::RuleConfig rule;
  rule.id = "dates.validity";
  rule.kind = "date-validity";
  base::ErrorList errors;
  // Default options (no `problems` key) are valid.
  EXPECT_NE(DateValidityCheck::create(rule, errors), nullptr);
  EXPECT_TRUE(errors.empty());
}

}  // namespace
}  // namespace galley::checks
