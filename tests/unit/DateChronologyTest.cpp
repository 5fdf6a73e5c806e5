// The chronology-tense check kind: tense against the reference date.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "annotate/Annotations.h"
#include "base/SourceBuffer.h"
#include "checks/ChronologyTenseCheck.h"
#include "config/RuleConfig.h"
#include "document/Parser.h"

namespace galley::checks {
namespace {

struct Run {
  std::unique_ptr<document::Document> doc;
  std::vector<diag::Diagnostic> diagnostics;
};

Run check(std::string text) {
  config::RuleConfig rule;
  rule.id = "dates.tense";
  rule.kind = "chronology-tense";
  rule.message = config::MessageTemplate::parse("'{found}' is told in the {tense} but the release is dated {reference}").value();
  base::ErrorList errors;
  const auto instance = ChronologyTenseCheck::create(rule, errors);
  EXPECT_TRUE(errors.empty());
  Run run;
  run.doc = std::make_unique<document::Document>(
      document::parseDocument(base::SourceBuffer("draft.md", std::move(text)), document::Format::Markdown));
  annotate::Annotations annotations(*run.doc);
  diag::DiagnosticSink sink;
  instance->run(*run.doc, annotations, sink);
  run.diagnostics = sink.take();
  return run;
}

std::string at(const Run& run, base::Range range) {
  return std::string(run.doc->source.text().substr(range.begin, range.size()));
}

TEST(ChronologyTense, PastTenseAfterTheDatelineFiresWithANoteAtTheDateline) {
  const auto run = check("VIENNA, 14 March 2017 \xE2\x80\x94 The summit was held in Astana on 9 June 2017.\n");
  ASSERT_EQ(run.diagnostics.size(), 1U);
  EXPECT_EQ(at(run, run.diagnostics[0].range), "9 June 2017");
  EXPECT_EQ(run.diagnostics[0].message, "'9 June 2017' is told in the past but the release is dated 14 March 2017");
  ASSERT_EQ(run.diagnostics[0].notes.size(), 1U);
  ASSERT_TRUE(run.diagnostics[0].notes[0].range.has_value());
  EXPECT_EQ(at(run, *run.diagnostics[0].notes[0].range), "14 March 2017");
}

TEST(ChronologyTense, FutureBeforeTheReferenceFires) {
  const auto run = check("---\ndate: 2017-03-14\n---\n\nThe experts will meet again on 2 March 2017.\n");
  ASSERT_EQ(run.diagnostics.size(), 1U);
  EXPECT_NE(run.diagnostics[0].message.find("future"), std::string::npos);
}

TEST(ChronologyTense, ConsistentTensesAndUndatedDraftsAreQuiet) {
  const auto clean = check(
      "VIENNA, 14 March 2017 \xE2\x80\x94 The day before, an event was held. The summit will be held in June of "
      "this year. The memorandum was signed on 14 June 2011. Relations have grown since 2004.\n");
  EXPECT_TRUE(clean.diagnostics.empty());
  const auto undated = check("The summit was held in Astana on 9 June 2017.\n");
  EXPECT_TRUE(undated.diagnostics.empty());
}

TEST(ChronologyTense, TheNearestCueBeforeTheDateDecides) {
  const auto run = check(
      "VIENNA, 14 March 2017 \xE2\x80\x94 The ministers met on 13 March 2017 and will meet again on 8 June 2017.\n");
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace galley::checks

#include "checks/ChronologyAnaphoraCheck.h"

namespace galley::checks {
namespace {

Run checkAnaphora(std::string text) {
  config::RuleConfig rule;
  rule.id = "dates.anaphora";
  rule.kind = "chronology-anaphora";
  rule.message = config::MessageTemplate::parse("'{found}' is {resolved}, not '{explicit}'").value();
  base::ErrorList errors;
  const auto instance = ChronologyAnaphoraCheck::create(rule, errors);
  EXPECT_TRUE(errors.empty());
  Run run;
  run.doc = std::make_unique<document::Document>(
      document::parseDocument(base::SourceBuffer("draft.md", std::move(text)), document::Format::Markdown));
  annotate::Annotations annotations(*run.doc);
  diag::DiagnosticSink sink;
  instance->run(*run.doc, annotations, sink);
  run.diagnostics = sink.take();
  return run;
}

TEST(ChronologyAnaphora, GlossThatContradictsTheAnaphoricDateFires) {
  const auto run = checkAnaphora("VIENNA, 14 March 2017 \xE2\x80\x94 The previous day, 11 March 2017, experts met.\n");
  ASSERT_EQ(run.diagnostics.size(), 1U);
  EXPECT_EQ(run.diagnostics[0].message, "'The previous day' is 13 March 2017, not '11 March 2017'");
  EXPECT_EQ(at(run, run.diagnostics[0].range), "The previous day, 11 March 2017");
  ASSERT_EQ(run.diagnostics[0].notes.size(), 1U);
  EXPECT_EQ(at(run, *run.diagnostics[0].notes[0].range), "14 March 2017");
}

TEST(ChronologyAnaphora, AgreeingOrDistantDatesAreQuiet) {
  EXPECT_TRUE(checkAnaphora("VIENNA, 14 March 2017 \xE2\x80\x94 The previous day, 13 March 2017, experts met.\n")
                  .diagnostics.empty());
  EXPECT_TRUE(checkAnaphora("VIENNA, 14 March 2017 \xE2\x80\x94 The day before, experts met; the plan of 11 March 2017 "
                            "was discussed.\n")
                  .diagnostics.empty());
}

}  // namespace
}  // namespace galley::checks

#include "checks/ChronologyOrderCheck.h"

namespace galley::checks {
namespace {

std::vector<diag::Diagnostic> checkOrder(std::string text) {
  config::RuleConfig rule;
  rule.id = "dates.order";
  rule.kind = "chronology-order";
  rule.message = config::MessageTemplate::parse("'{found}' comes before '{earlier}' ({cue})").value();
  base::ErrorList errors;
  const auto instance = ChronologyOrderCheck::create(rule, errors);
  EXPECT_TRUE(errors.empty());
  const auto doc = document::parseDocument(base::SourceBuffer("draft.md", std::move(text)), document::Format::Markdown);
  annotate::Annotations annotations(doc);
  diag::DiagnosticSink sink;
  instance->run(doc, annotations, sink);
  return sink.take();
}

TEST(ChronologyOrder, StepsRunningBackwardsFire) {
  const auto followed = checkOrder("Talks on 15 March 2017 were followed by a briefing on 13 March 2017.\n");
  ASSERT_EQ(followed.size(), 1U);
  EXPECT_EQ(followed[0].message, "'13 March 2017' comes before '15 March 2017' (followed by)");
  EXPECT_EQ(checkOrder("First the plan was drafted on 9 June 2017, then it was adopted on 2 June 2017.\n").size(), 1U);
  EXPECT_EQ(checkOrder("After the summit on 9 June 2017, the ministers met on 1 June 2017.\n").size(), 1U);
  EXPECT_EQ(checkOrder("Before the summit on 9 June 2017, the ministers met on 12 June 2017.\n").size(), 1U);
}

TEST(ChronologyOrder, OrderedStepsAndAnaphoricCuesAreQuiet) {
  EXPECT_TRUE(checkOrder("Talks on 13 March 2017 were followed by a briefing on 15 March 2017.\n").empty());
  EXPECT_TRUE(checkOrder("After the summit on 9 June 2017, the ministers met on 12 June 2017.\n").empty());
  EXPECT_TRUE(checkOrder("The session opened on 13 March 2017; the day after, 14 March 2017, talks began.\n").empty());
}

}  // namespace
}  // namespace galley::checks
