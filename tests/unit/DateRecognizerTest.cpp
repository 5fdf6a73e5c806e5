// Unit tests of the date recognizer: one group per expression class, plus calendar edge cases.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Calendar.h"
#include "dates/DateRecognizer.h"
#include "dates/ReferenceDate.h"

namespace galley::dates {
namespace {

using base::CivilDate;
using base::Precision;

constexpr CivilDate kDateline{2017, 3, 14};  // a Tuesday

std::vector<DateExpression> find(std::string_view text, std::optional<CivilDate> ref = kDateline,
                                 DateRecognizerOptions options = {}) {
  return DateRecognizer(options).recognize(text, ref);
}

std::string textOf(std::string_view text, const DateExpression& e) {
  return std::string(text.substr(e.range.begin, e.range.size()));
}

// The single expression found in `text` (fails the test when there is not exactly one).
DateExpression only(std::string_view text, std::optional<CivilDate> ref = kDateline, DateRecognizerOptions options = {}) {
  const auto found = find(text, ref, options);
  EXPECT_EQ(found.size(), 1U) << "in: " << text;
  return found.empty() ? DateExpression{} : found.front();
}

// "first..last" as ISO strings at the value's precision, or "unresolved".
std::string valueOf(const DateExpression& e) {
  if (!e.value) return "unresolved";
  return e.value->isoFirst() + ".." + e.value->isoLast();
}

TEST(DateRecognizerAbsolute, FindsExactlyTheDateInRunningProse) {
  const std::string_view text = "The memorandum signed in Astana on 14 June 2011 opened a new chapter.";
  const auto found = find(text);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(textOf(text, found[0]), "14 June 2011");
  EXPECT_EQ(found[0].kind, DateKind::Absolute);
  EXPECT_EQ(valueOf(found[0]), "2011-06-14..2011-06-14");
  EXPECT_EQ(found[0].value->precision, Precision::Day);
  EXPECT_EQ(found[0].basis, Basis::None);
}

TEST(DateRecognizerAbsolute, AllWrittenFormsOfOneDay) {
  for (const char* text : {"14 March 2017", "14th March 2017", "March 14, 2017", "Tuesday, 14 March 2017",
                           "2017-03-14", "14.03.2017", "14/03/2017", "14th of March, 2017", "14 Mar. 2017",
                           "the fourteenth of March 2017"}) {
    const auto e = only(text, std::nullopt);
    EXPECT_EQ(valueOf(e), "2017-03-14..2017-03-14") << text;
    EXPECT_EQ(e.kind, DateKind::Absolute) << text;
  }
}

TEST(DateRecognizerAbsolute, SeptAndOtherAbbreviations) {
  EXPECT_EQ(valueOf(only("Sept 2012")), "2012-09..2012-09");
  EXPECT_EQ(valueOf(only("5 Sept. 2012")), "2012-09-05..2012-09-05");
  EXPECT_EQ(valueOf(only("Dec. 21, 2012")), "2012-12-21..2012-12-21");
}

TEST(DateRecognizerAbsolute, YearFromContextWhenMissing) {
  // "14 March" takes the year of the dateline (reference) ...
  EXPECT_EQ(valueOf(only("on 14 March")), "2017-03-14..2017-03-14");
  EXPECT_EQ(only("on 14 March").basis, Basis::ContextYear);
  // ... or of the previous explicit date in the text.
  const auto found = find("Signed on 5 April 2010; renewed on 14 March.");
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(valueOf(found[1]), "2010-03-14..2010-03-14");
  // With neither, it is recognized but left without a value.
  const auto bare = only("on 14 March", std::nullopt);
  EXPECT_FALSE(bare.resolved());
  EXPECT_EQ(bare.problem, Problem::NoYear);
}

TEST(DateRecognizerAbsolute, TheFourteenthTakesTheContextMonth) {
  const auto found = find("The session opened on 13 March 2017 and closed on the 17th.");
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(valueOf(found[1]), "2017-03-17..2017-03-17");
}

TEST(DateRecognizerNumeric, DayFirstByDefaultMonthFirstByOption) {
  EXPECT_EQ(valueOf(only("03/04/2017")), "2017-04-03..2017-04-03");
  DateRecognizerOptions monthFirst;
  monthFirst.monthFirst = true;
  EXPECT_EQ(valueOf(only("03/04/2017", kDateline, monthFirst)), "2017-03-04..2017-03-04");
}

TEST(DateRecognizerNumeric, AnUnambiguousNumberDecidesTheOrder) {
  // The first number over 12 forces day-first, the second over 12 forces month-first.
  EXPECT_EQ(valueOf(only("10/31/1974")), "1974-10-31..1974-10-31");
  DateRecognizerOptions monthFirst;
  monthFirst.monthFirst = true;
  EXPECT_EQ(valueOf(only("31/10/1974", kDateline, monthFirst)), "1974-10-31..1974-10-31");
  EXPECT_EQ(valueOf(only("2/15")), "2017-02-15..2017-02-15");
}

TEST(DateRecognizerNumeric, TwoDigitYearsPivotAroundTheReference) {
  EXPECT_EQ(valueOf(only("10/31/74")), "1974-10-31..1974-10-31");
  EXPECT_EQ(valueOf(only("3/3/15")), "2015-03-03..2015-03-03");
  EXPECT_EQ(valueOf(only("31-Oct-74")), "1974-10-31..1974-10-31");
}

TEST(DateRecognizerNumeric, DocumentCodesAndQuantitiesAreNotDates) {
  EXPECT_TRUE(find("resolution A/RES/71/14 and report E/CN.7/2017/11").empty());
  EXPECT_TRUE(find("some 2,000 participants and 1.5 million dollars").empty());
  EXPECT_TRUE(find("Articles 10-12 apply.").empty());
}

TEST(DateRecognizerPartial, MonthYearAndDecadeAndParts) {
  const auto month = only("in June 2011");
  EXPECT_EQ(month.kind, DateKind::Partial);
  EXPECT_EQ(month.value->precision, Precision::Month);
  EXPECT_EQ(valueOf(month), "2011-06..2011-06");
  const auto year = only("in 2017");
  EXPECT_EQ(year.value->precision, Precision::Year);
  EXPECT_EQ(valueOf(year), "2017..2017");
  EXPECT_EQ(valueOf(only("the 1990s")), "1990..1999");
  EXPECT_EQ(valueOf(only("mid-2017")), "2017-05..2017-08");
  EXPECT_EQ(valueOf(only("early June")), "2017-06-01..2017-06-10");
  EXPECT_EQ(valueOf(only("at the end of April 2016")), "2016-04-21..2016-04-30");
}

TEST(DateRecognizerPartial, MayTheVerbIsNotAMonth) {
  EXPECT_TRUE(find("Member States may wish to march on.").empty());
  EXPECT_EQ(find("The talks resumed in May.").size(), 1U);
}

TEST(DateRecognizerRange, DashesToAndBetween) {
  for (const char* text : {"13-17 March 2017", "13\xE2\x80\x93" "17 March 2017", "13 \xE2\x80\x94 17 March 2017",
                           "from 13 to 17 March 2017", "between 13 and 17 March 2017", "March 13 to 17, 2017"}) {
    const auto e = only(text);
    EXPECT_EQ(e.kind, DateKind::Range) << text;
    EXPECT_EQ(valueOf(e), "2017-03-13..2017-03-17") << text;
  }
  EXPECT_EQ(valueOf(only("July 13 to 15")), "2017-07-13..2017-07-15");
}

TEST(DateRecognizerRange, AcrossMonthsAndYears) {
  EXPECT_EQ(valueOf(only("13 March \xE2\x80\x93 2 April 2017")), "2017-03-13..2017-04-02");
  EXPECT_EQ(valueOf(only("28 December 2016 - 3 January 2017")), "2016-12-28..2017-01-03");
  const auto years = only("1960 - 1961");
  EXPECT_EQ(valueOf(years), "1960..1961");
  EXPECT_EQ(years.value->precision, Precision::Year);
  // "From December to May 2022": the start is the December before.
  EXPECT_EQ(valueOf(only("From December to May 2022")), "2021-12..2022-05");
}

TEST(DateRecognizerRange, ReversedRangeIsFlagged) {
  const auto e = only("17-13 March 2017");
  EXPECT_EQ(e.kind, DateKind::Range);
  EXPECT_FALSE(e.resolved());
  EXPECT_EQ(e.problem, Problem::ReversedRange);
}

TEST(DateRecognizerDeictic, DaysAroundTheReference) {
  EXPECT_EQ(valueOf(only("today")), "2017-03-14..2017-03-14");
  EXPECT_EQ(valueOf(only("yesterday")), "2017-03-13..2017-03-13");
  EXPECT_EQ(valueOf(only("tomorrow")), "2017-03-15..2017-03-15");
  EXPECT_EQ(valueOf(only("the day after tomorrow")), "2017-03-16..2017-03-16");
  EXPECT_EQ(only("yesterday").kind, DateKind::Deictic);
  EXPECT_EQ(only("yesterday").basis, Basis::Reference);
}

TEST(DateRecognizerDeictic, CalendarUnitsAroundTheReference) {
  EXPECT_EQ(valueOf(only("this year")), "2017..2017");
  EXPECT_EQ(valueOf(only("last month")), "2017-02..2017-02");
  EXPECT_EQ(valueOf(only("next week")), "2017-03-20..2017-03-26");
  EXPECT_EQ(valueOf(only("in June of this year")), "2017-06..2017-06");
  EXPECT_EQ(valueOf(only("the coming months")), "2017-04..2017-06");
  EXPECT_EQ(valueOf(only("last 2 years")), "2015..2016");
  EXPECT_EQ(valueOf(only("next three days")), "2017-03-15..2017-03-17");
}

TEST(DateRecognizerDeictic, CountedOffsetsWithNumberWords) {
  EXPECT_EQ(valueOf(only("three days ago")), "2017-03-11..2017-03-11");
  EXPECT_EQ(valueOf(only("in two weeks")), "2017-03-28..2017-03-28");
  EXPECT_EQ(valueOf(only("twenty one days ago")), "2017-02-21..2017-02-21");
}

TEST(DateRecognizerDeictic, WeekdaysRelativeToTheReferenceWeek) {
  // Reference Tuesday 14 March 2017: its week runs Monday 13 to Sunday 19 March.
  EXPECT_EQ(valueOf(only("on Monday")), "2017-03-13..2017-03-13");
  EXPECT_EQ(valueOf(only("next Monday")), "2017-03-20..2017-03-20");
  EXPECT_EQ(valueOf(only("last Friday")), "2017-03-10..2017-03-10");
  EXPECT_EQ(valueOf(only("Friday of next week")), "2017-03-24..2017-03-24");
}

TEST(DateRecognizerDeictic, YearBoundaryLastDecemberInJanuary) {
  constexpr CivilDate kJanuary{2018, 1, 10};
  EXPECT_EQ(valueOf(only("last December", kJanuary)), "2017-12..2017-12");
  EXPECT_EQ(valueOf(only("last November", kJanuary)), "2017-11..2017-11");
  EXPECT_EQ(valueOf(only("next January", kJanuary)), "2019-01..2019-01");
  EXPECT_EQ(valueOf(only("last month", kJanuary)), "2017-12..2017-12");
  EXPECT_EQ(valueOf(only("yesterday", CivilDate{2018, 1, 1})), "2017-12-31..2017-12-31");
}

TEST(DateRecognizerDeictic, NoReferenceMeansUnresolvedNotGuessed) {
  for (const char* text : {"yesterday", "last month", "next Monday", "three days ago", "last November"}) {
    const auto e = only(text, std::nullopt);
    EXPECT_FALSE(e.resolved()) << text;
    EXPECT_EQ(e.problem, Problem::NoAnchor) << text;
  }
}

TEST(DateRecognizerAnaphoric, ResolvedAgainstThePreviousDate) {
  const std::string_view text =
      "The event was held on 13 March 2017. The day before, experts met. Two days later the session closed; "
      "a week earlier the agenda was set. The same day, a statement was issued. The following day, talks resumed.";
  const auto found = find(text, std::nullopt);
  ASSERT_EQ(found.size(), 6U);
  EXPECT_EQ(textOf(text, found[1]), "The day before");
  EXPECT_EQ(found[1].kind, DateKind::Anaphoric);
  EXPECT_EQ(found[1].basis, Basis::PreviousDate);
  EXPECT_EQ(valueOf(found[1]), "2017-03-12..2017-03-12");
  EXPECT_EQ(valueOf(found[2]), "2017-03-14..2017-03-14");  // two days after 12 March
  EXPECT_EQ(valueOf(found[3]), "2017-03-07..2017-03-07");  // a week before 14 March
  EXPECT_EQ(valueOf(found[4]), "2017-03-07..2017-03-07");
  EXPECT_EQ(valueOf(found[5]), "2017-03-08..2017-03-08");
}

TEST(DateRecognizerAnaphoric, FallsBackToTheReferenceDateElseUnresolved) {
  const auto withRef = only("the previous day");
  EXPECT_EQ(withRef.basis, Basis::Reference);
  EXPECT_EQ(valueOf(withRef), "2017-03-13..2017-03-13");
  const auto without = only("the previous day", std::nullopt);
  EXPECT_FALSE(without.resolved());
  EXPECT_EQ(without.problem, Problem::NoAnchor);
}

TEST(DateRecognizerDuration, SinceEstablishedForOver) {
  const auto since = only("relations since 2004");
  EXPECT_EQ(since.kind, DateKind::Duration);
  EXPECT_EQ(since.cue, Cue::Since);
  ASSERT_TRUE(since.inner.has_value());
  EXPECT_EQ(since.inner->isoFirst(), "2004");
  EXPECT_EQ(valueOf(since), "2004..2017");
  const auto established = only("the Office, established in 1997,");
  EXPECT_EQ(established.cue, Cue::Established);
  EXPECT_EQ(valueOf(established), "1997..1997");
  const auto forYears = only("for 20 years");
  EXPECT_EQ(forYears.cue, Cue::For);
  EXPECT_EQ(valueOf(forYears), "1997-03-14..2017-03-14");
  const auto over = only("over the last few months");
  EXPECT_EQ(over.kind, DateKind::Duration);
  EXPECT_EQ(valueOf(over), "2016-12..2017-02");
}

TEST(DateRecognizerValidity, ImpossibleDatesAreRecognizedAndFlagged) {
  const auto june = only("on 31 June 2017");
  EXPECT_EQ(june.kind, DateKind::Absolute);
  EXPECT_FALSE(june.resolved());
  EXPECT_EQ(june.problem, Problem::ImpossibleDate);
  ASSERT_TRUE(june.written.has_value());
  EXPECT_EQ(june.written->day, 31U);
  EXPECT_EQ(june.written->month, 6U);
  EXPECT_EQ(only("29 February 2019").problem, Problem::ImpossibleDate);
}

TEST(DateRecognizerValidity, LeapYears) {
  EXPECT_TRUE(only("29 February 2016").resolved());
  EXPECT_TRUE(only("29 February 2000").resolved());
  EXPECT_FALSE(only("29 February 1900").resolved());
  EXPECT_EQ(valueOf(only("the day after 28 February 2016")), "2016-02-29..2016-02-29");
  EXPECT_EQ(valueOf(only("one year after 29 February 2016")), "2017-02-28..2017-02-28");
}

TEST(DateRecognizerValidity, WeekdayMismatchInEveryOrder) {
  for (const char* text : {"Friday, 16 March 2017", "16 March 2017 (Friday)", "on Friday 16 March"}) {
    const auto e = only(text);
    ASSERT_TRUE(e.weekday.has_value()) << text;
    EXPECT_EQ(*e.weekday, 4U) << text;  // Friday
    EXPECT_TRUE(e.weekdayMismatch()) << text;
  }
  const std::string_view right = "Thursday, 16 March 2017";
  const auto ok = only(right);
  EXPECT_FALSE(ok.weekdayMismatch());
  EXPECT_EQ(right.substr(ok.weekdayRange.begin, ok.weekdayRange.size()), "Thursday");
}

TEST(DateRecognizerText, OffsetsAreBytesInUtf8Text) {
  const std::string_view text = "Caf\xC3\xA9 talks \xE2\x80\x94 14 March 2017.";
  const auto e = only(text);
  EXPECT_EQ(e.range.begin, 16U);
  EXPECT_EQ(textOf(text, e), "14 March 2017");
}

TEST(DateRecognizerText, LongTextStaysLinearAndKeepsEveryDate) {
  std::string text;
  constexpr int kCopies = 2000;
  for (int i = 0; i < kCopies; ++i) text += "The meeting on 14 March 2017 was followed the day after by talks. ";
  const auto found = find(text);
  EXPECT_EQ(found.size(), 2U * kCopies);
}

TEST(ReferenceDate, FrontMatterThenDatelineElseNone) {
  const DateRecognizer recognizer;
  const auto fromFrontMatter = referenceDate("2017-03-14", "VIENNA, 1 January 2000 - text", recognizer);
  ASSERT_TRUE(fromFrontMatter.has_value());
  EXPECT_EQ(*fromFrontMatter, (CivilDate{2017, 3, 14}));
  const auto fromDateline = referenceDate(std::nullopt, "VIENNA, 14 March 2017 \xE2\x80\x94 The meeting ...", recognizer);
  ASSERT_TRUE(fromDateline.has_value());
  EXPECT_EQ(*fromDateline, (CivilDate{2017, 3, 14}));
  EXPECT_FALSE(referenceDate(std::nullopt, "No date here at all.", recognizer).has_value());
}

TEST(ReferenceDate, DatelineWithoutYearGivesNoReference) {
  const DateRecognizer recognizer;
  EXPECT_FALSE(referenceDate(std::nullopt, "VIENNA, 14 March \xE2\x80\x94 Talks were held in 2011 ...", recognizer));
  // A malformed front matter date falls through to the dateline.
  const auto fallback = referenceDate("2017-02-30", "VIENNA, 14 March 2017 \xE2\x80\x94 ...", recognizer);
  ASSERT_TRUE(fallback.has_value());
  EXPECT_EQ(fallback->day, 14U);
}

}  // namespace
}  // namespace galley::dates
