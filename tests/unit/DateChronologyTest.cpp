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

TEST(ChronologyAnaphora, AGlossThatFitsAnotherRecentAnchorIsQuiet) {
  // "Two weeks earlier" than 30 August is 16 August, though the last date written is 18 June.
  const std::string text =
      "ALMATY, 12 September 2019 \xE2\x80\x94 The course began on 30 August 2019. It followed a meeting on "
      "18 June 2019. Two weeks earlier, on 16 August 2019, the trainers met.\n";
  EXPECT_TRUE(checkAnaphora(text).diagnostics.empty());
  // The day before the release, glossed, opening a paragraph that follows other dates.
  EXPECT_TRUE(checkAnaphora("VIENNA, 14 March 2017 \xE2\x80\x94 Talks opened.\n\nThe plan of 2 March 2017 was "
                            "tabled.\n\nThe day before, 13 March 2017, experts met.\n")
                  .diagnostics.empty());
  EXPECT_EQ(checkAnaphora("ALMATY, 12 September 2019 \xE2\x80\x94 The course began on 30 August 2019. It followed a "
                          "meeting on 18 June 2019. Two weeks earlier, on 2 August 2019, the trainers met.\n")
                .diagnostics.size(),
            1U);
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

// Tense per clause, and the words that detach a date from a verb.
namespace galley::checks {
namespace {

constexpr const char* kDateline = "VIENNA, 14 March 2017 \xE2\x80\x94 ";

size_t tenseFindings(const std::string& sentence) { return check(kDateline + sentence + "\n").diagnostics.size(); }

TEST(ChronologyTense, EachClauseIsJudgedByItsOwnVerb) {
  EXPECT_EQ(tenseFindings("The delegations held talks, and the text was signed on 22 March 2017."), 1U);
  EXPECT_EQ(tenseFindings("The delegations will hold talks, and the text was signed on 22 March 2017."), 1U);
  EXPECT_EQ(tenseFindings("The text was signed on 2 March 2017 and will enter into force on 1 May 2017."), 0U);
  // A clause with no verb of its own takes the one before it.
  EXPECT_EQ(tenseFindings("Talks were held in Vienna and in Astana on 20 March 2017."), 1U);
  // The verb after the date decides when none comes before it in the clause.
  EXPECT_EQ(tenseFindings("On 20 March 2017, the two secretariats signed a protocol."), 1U);
  EXPECT_EQ(tenseFindings("On 2 March 2017, the two secretariats signed a protocol."), 0U);
}

TEST(ChronologyTense, FutureCuesInTheirUsualForms) {
  EXPECT_EQ(tenseFindings("Officials are expected to sign the plan on 1 March 2017."), 1U);
  EXPECT_EQ(tenseFindings("A second round is scheduled for 10 March 2017."), 1U);
  EXPECT_EQ(tenseFindings("The report is due to be published on 3 March 2017."), 1U);
  EXPECT_EQ(tenseFindings("The upcoming forum on 3 March 2017 is open to the press."), 1U);
  EXPECT_EQ(tenseFindings("The forum is to be held on 3 March 2017."), 1U);
  EXPECT_EQ(tenseFindings("The ministers plan to meet on 1 March 2017."), 1U);
  EXPECT_EQ(tenseFindings("The Director, who will visit Moscow on 2 March 2017, met the press."), 1U);
  // A relative clause ends at its comma: the main verb after it does not date it.
  EXPECT_EQ(tenseFindings("The plan, which runs to the end of 2018, was extended last year."), 0U);
}

TEST(ChronologyTense, PlansMadeInThePastAndPastEventsRecalledInAPlanAreQuiet) {
  EXPECT_EQ(tenseFindings("Both sides agreed to meet again on 20 April 2017."), 0U);
  EXPECT_EQ(tenseFindings("The ministers discussed preparations for the summit on 9 June 2017."), 0U);
  EXPECT_EQ(tenseFindings("He was appointed for a term ending on 31 December 2018."), 0U);
  EXPECT_EQ(tenseFindings("The event was expected to take place on 20 March 2017 but was moved."), 0U);
  EXPECT_EQ(tenseFindings("The summit will mark the anniversary of the founding in 2001."), 0U);
  EXPECT_EQ(tenseFindings("The offices will implement the decisions of 2 March 2017."), 0U);
  EXPECT_EQ(tenseFindings("He said on 10 March 2017 that the summit will be held in June."), 0U);
  EXPECT_EQ(tenseFindings("At its next meeting, on 2 March 2017, the board adopted the budget."), 0U);
  EXPECT_EQ(tenseFindings("Leaders showed the political will on 10 March 2017 to act."), 0U);
  EXPECT_EQ(tenseFindings("The forum may be held on 3 March 2017."), 0U);
  EXPECT_EQ(tenseFindings("The forum had been scheduled for 10 March 2017 but was postponed to 5 May 2017."), 0U);
  EXPECT_EQ(tenseFindings("The Organisation, founded on 15 June 2001 in Shanghai, will hold a summit."), 0U);
  EXPECT_EQ(tenseFindings("The Secretary-General will return to Vienna in March."), 0U);  // year from context
  EXPECT_EQ(tenseFindings("The summit was originally planned for 1 March 2017."), 0U);
  EXPECT_EQ(tenseFindings("The convoy planned for 28 February 2017 had been delayed."), 0U);
  EXPECT_EQ(tenseFindings("The next meeting of the Council, on 20 February 2017, discussed the budget."), 0U);
  EXPECT_EQ(tenseFindings("The next meeting of the Council, on 20 February 2017, will discuss the budget."), 1U);
  EXPECT_EQ(tenseFindings("The round, now scheduled for 28 February 2017, will open the series."), 1U);
  EXPECT_EQ(tenseFindings("The round is now scheduled for 28 February 2017."), 1U);
  EXPECT_EQ(tenseFindings("The report, covering the period up to 31 December 2016, will be issued in April."), 0U);
  EXPECT_EQ(tenseFindings("The report will be issued, covering the period up to 31 December 2016."), 0U);
  EXPECT_EQ(tenseFindings("The upcoming report, covering the period up to 31 December 2016, is ready."), 0U);
}

TEST(ChronologyTense, DatesWithTheirOwnDirectionOrUsedAsLabelsAreQuiet) {
  EXPECT_EQ(tenseFindings("Member states adopted the 2030 Agenda."), 0U);
  EXPECT_EQ(tenseFindings("The experts will review the results of last year."), 0U);
  EXPECT_EQ(tenseFindings("The plan was adopted in June of this year."), 1U);
  EXPECT_EQ(tenseFindings("The plan was adopted in 2018."), 1U);
  EXPECT_EQ(tenseFindings("Relations have grown since 2004 and will grow further."), 0U);
}

TEST(ChronologyTense, AGlossedAnaphoricDateIsJudgedThroughItsGloss) {
  // Counted from 8 June, "the day before" would be 7 June; the gloss says 13 March and is in the past.
  EXPECT_EQ(tenseFindings("The summit will open on 8 June 2017. The day before, 13 March 2017, experts met."), 0U);
  EXPECT_EQ(tenseFindings("The summit will open on 8 June 2017. The day before, experts met."), 1U);
}

TEST(ChronologyTense, OnlyADatelineOrFrontMatterDatesTheRelease) {
  EXPECT_EQ(check("**Vienna, 14 March 2017.** Heads of state met on 9 June 2017.\n").diagnostics.size(), 1U);
  EXPECT_EQ(check("New York, 14 March 2017 - Heads of state met on 9 June 2017.\n").diagnostics.size(), 1U);
  // A first paragraph that tells a story: its first date is not when the release was issued.
  EXPECT_TRUE(check("On 14 June 2011, the two offices signed a memorandum. They met again in 2017.\n").diagnostics.empty());
  EXPECT_TRUE(check("The memorandum of 14 June 2011 was reviewed on 9 June 2017.\n").diagnostics.empty());
}

TEST(ChronologyTense, TheNotePointsAtTheFrontMatterDate) {
  const auto run = check("---\ndate: 2017-03-14\n---\n\nThe experts will meet again on 2 March 2017.\n");
  ASSERT_EQ(run.diagnostics.size(), 1U);
  ASSERT_EQ(run.diagnostics[0].notes.size(), 1U);
  ASSERT_TRUE(run.diagnostics[0].notes[0].range.has_value());
  EXPECT_EQ(at(run, *run.diagnostics[0].notes[0].range), "2017-03-14");
}

struct OrderRun {
  std::unique_ptr<document::Document> doc;
  std::vector<diag::Diagnostic> diagnostics;
};

OrderRun runOrder(std::string text) {
  config::RuleConfig rule;
  rule.id = "dates.order";
  rule.kind = "chronology-order";
  rule.message = config::MessageTemplate::parse("'{found}' comes before '{earlier}' ({cue})").value();
  base::ErrorList errors;
  const auto instance = ChronologyOrderCheck::create(rule, errors);
  OrderRun run;
  run.doc = std::make_unique<document::Document>(
      document::parseDocument(base::SourceBuffer("draft.md", std::move(text)), document::Format::Markdown));
  annotate::Annotations annotations(*run.doc);
  diag::DiagnosticSink sink;
  instance->run(*run.doc, annotations, sink);
  run.diagnostics = sink.take();
  return run;
}

TEST(ChronologyOrder, SequenceAdverbsOpeningASentenceCompareWithThePreviousDatedSentence) {
  const auto run = runOrder(
      "On 10 June 2019 the board met. Subsequently, on 4 June 2019, it issued its findings. Most recently, "
      "on 12 June 2019, it met again.\n");
  ASSERT_EQ(run.diagnostics.size(), 1U);
  EXPECT_EQ(run.diagnostics[0].message, "'4 June 2019' comes before '10 June 2019' (subsequently)");
  ASSERT_EQ(run.diagnostics[0].notes.size(), 1U);
  const base::Range note = *run.diagnostics[0].notes[0].range;
  EXPECT_EQ(run.doc->source.text().substr(note.begin, note.size()), "10 June 2019");
  // The chain continues from the latest dated sentence: 12 June follows 4 June.
  EXPECT_EQ(runOrder("On 10 June 2019 the board met. Later, on 4 June 2019, it reported.\n").diagnostics.size(), 1U);
  EXPECT_EQ(runOrder("On 4 June 2019 the board met. Earlier, on 10 June 2019, it had reported.\n").diagnostics.size(),
            1U);
  EXPECT_EQ(runOrder("On 4 June 2019 the board met. Earlier, on 1 June 2019, it had reported.\n").diagnostics.size(),
            0U);
  EXPECT_EQ(runOrder("On 10 June 2019 the board met. Later that week, on 4 June 2019, it reported.\n").diagnostics.size(),
            1U);
  EXPECT_EQ(runOrder("On 10 June 2019 the board met. Subsequently on 4 June 2019 it reported.\n").diagnostics.size(), 1U);
}

TEST(ChronologyOrder, AdverbsThatDoNotDateTheStepOrCrossParagraphsAreQuiet) {
  EXPECT_TRUE(runOrder("On 10 June 2019 the board met. Later, the members recalled the plan of 2011.\n").diagnostics.empty());
  EXPECT_TRUE(runOrder("On 10 June 2019 the board met. Subsequently, the text agreed in 2011 was reviewed.\n")
                  .diagnostics.empty());
  EXPECT_TRUE(runOrder("On 10 June 2019 the board met.\n\nSubsequently, on 4 June 2019, it reported.\n").diagnostics.empty());
  EXPECT_TRUE(runOrder("On 10 June 2019 the board met.\n\nLater this year, the plan of 4 June 2019 will be reviewed.\n")
                  .diagnostics.empty());
}

TEST(ChronologyOrder, AfterAndBeforeJoiningTwoStepsMidSentence) {
  EXPECT_EQ(checkOrder("The ministers met on 2 June 2017, after the summit on 9 June 2017.\n").size(), 1U);
  EXPECT_EQ(checkOrder("The ministers met on 12 June 2017, after the summit on 9 June 2017.\n").size(), 0U);
  EXPECT_EQ(checkOrder("The ministers met on 12 June 2017, before the summit on 9 June 2017.\n").size(), 1U);
  EXPECT_EQ(checkOrder("The then chair opened the session on 9 June 2017 and closed it on 2 June 2017.\n").size(), 0U);
  // Dates naming a document or a label are not steps.
  EXPECT_EQ(checkOrder("The session on 15 March 2017 was followed by a debate on the report of 13 March 2017.\n").size(),
            0U);
  EXPECT_EQ(checkOrder("The plan was adopted on 2 June 2017, after a review of the 2018 budget.\n").size(), 0U);
  EXPECT_EQ(checkOrder("The opening on 13 March 2017 was followed by statements, one of them recalling the resolution "
                       "adopted on 21 November 2016.\n")
                .size(),
            0U);
  EXPECT_EQ(checkOrder("The draft was circulated on 9 June 2017, then, on 2 June 2017, adopted.\n").size(), 1U);
  EXPECT_EQ(checkOrder("Following the summit on 10 June 2018, the leaders held talks on 8 June 2018.\n").size(), 1U);
  EXPECT_EQ(checkOrder("Following the summit on 10 June 2018, the leaders held talks on 12 June 2018.\n").size(), 0U);
  EXPECT_EQ(checkOrder("On 10 June 2018 and the following day, 11 June 2018, talks were held.\n").size(), 0U);
}

}  // namespace
}  // namespace galley::checks

namespace galley::checks {
namespace {

// "The following week" counted from the last date of an earlier paragraph is a guess: the writer
// may mean the release's own week. Within one paragraph the anchor is close enough to judge.
TEST(ChronologyTense, AnAnaphoricDateAnchoredInAnEarlierParagraphIsNotJudged) {
  EXPECT_EQ(tenseFindings("On 2 March 2017 experts met in Vienna.\n\nThe following week, experts will visit the sites."),
            0U);
  EXPECT_EQ(tenseFindings("On 2 March 2017 experts met in Vienna. The following week, experts will visit the sites."),
            1U);
}

}  // namespace
}  // namespace galley::checks
