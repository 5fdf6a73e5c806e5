// Unit tests of the date recognizer: one group per expression class, plus calendar edge cases.
#include <gtest/gtest.h>

#include <array>
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

TEST(DateRecognizerAbsolute, EveryOrdinalWordIsADay) {
  // "seventeenth", eleven letters, was once longer than the lexicon look-up allowed.
  const std::array<const char*, 21> words = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                             "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
                                             "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                                             "nineteenth", "twentieth", "thirtieth"};
  for (size_t i = 0; i < words.size(); ++i) {
    const unsigned day = i < 20 ? static_cast<unsigned>(i + 1) : 30U;
    const std::string text = std::string("the ") + words[i] + " of March 2017";
    const std::string iso = "2017-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    EXPECT_EQ(valueOf(only(text, std::nullopt)), iso + ".." + iso) << text;
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
  // No year: the next 15 February after the 14 March 2017 reference (Direction::Next).
  EXPECT_EQ(valueOf(only("2/15")), "2018-02-15..2018-02-15");
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
  // Reference Tuesday 14 March 2017: its week runs Monday 13 to Sunday 19 March. A weekday alone
  // is the next one by default (see DateRecognizerDirection for the other directions).
  EXPECT_EQ(valueOf(only("on Monday")), "2017-03-20..2017-03-20");
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

DateRecognizerOptions toward(Direction direction) {
  DateRecognizerOptions options;
  options.direction = direction;
  return options;
}

constexpr CivilDate kFriday9June{2017, 6, 9};

TEST(DateRecognizerDirection, BareWeekdayInEachDirection) {
  // Reference Tuesday 14 March 2017.
  EXPECT_EQ(valueOf(only("on Tuesday", kDateline, toward(Direction::Next))), "2017-03-21..2017-03-21");
  EXPECT_EQ(valueOf(only("on Tuesday", kDateline, toward(Direction::LatestPast))), "2017-03-14..2017-03-14");
  EXPECT_EQ(valueOf(only("on Monday", kDateline, toward(Direction::LatestPast))), "2017-03-13..2017-03-13");
  EXPECT_EQ(valueOf(only("on Monday", kDateline, toward(Direction::Nearest))), "2017-03-13..2017-03-13");
  EXPECT_EQ(valueOf(only("on Saturday", kDateline, toward(Direction::Nearest))), "2017-03-11..2017-03-11");
  EXPECT_EQ(valueOf(only("on Friday", kDateline, toward(Direction::Nearest))), "2017-03-17..2017-03-17");
  const auto e = only("on Monday");
  ASSERT_TRUE(e.floating.has_value());
  EXPECT_EQ(e.floating->weekday, 0U);
  EXPECT_FALSE(e.floating->month.has_value());
}

TEST(DateRecognizerDirection, YearlessDayTakesTheReferenceYearByDirection) {
  // Dateline Friday 9 June 2017: "16 June" ahead, "2 June" behind.
  const auto ahead = only("will be held on 16 June", kFriday9June);
  EXPECT_EQ(valueOf(ahead), "2017-06-16..2017-06-16");
  EXPECT_EQ(ahead.basis, Basis::ContextYear);
  EXPECT_EQ(ahead.value->precision, Precision::Day);
  EXPECT_EQ(valueOf(only("met on 2 June", kFriday9June, toward(Direction::LatestPast))), "2017-06-02..2017-06-02");
  EXPECT_EQ(valueOf(only("met on 16 June", kFriday9June, toward(Direction::LatestPast))), "2016-06-16..2016-06-16");
  EXPECT_EQ(valueOf(only("on 2 June", kFriday9June, toward(Direction::Next))), "2018-06-02..2018-06-02");
  EXPECT_EQ(valueOf(only("on 2 June", kFriday9June, toward(Direction::Nearest))), "2017-06-02..2017-06-02");
  EXPECT_EQ(valueOf(only("on 1 January", kFriday9June, toward(Direction::Nearest))), "2017-01-01..2017-01-01");
  EXPECT_EQ(valueOf(only("on 1 December", kFriday9June, toward(Direction::Nearest))), "2017-12-01..2017-12-01");
  // A month alone: the reference's own month is both next and latest past.
  EXPECT_EQ(valueOf(only("in June", kFriday9June)), "2017-06..2017-06");
  EXPECT_EQ(valueOf(only("in February", kFriday9June)), "2018-02..2018-02");
  EXPECT_EQ(valueOf(only("in February", kFriday9June, toward(Direction::LatestPast))), "2017-02..2017-02");
  EXPECT_EQ(only("in February", kFriday9June).value->precision, Precision::Month);
}

TEST(DateRecognizerDirection, WrittenWeekdayPicksTheOccurrenceItFits) {
  // 16 June 2017 is a Friday, 16 June 2018 a Saturday: written on 20 June 2017, "Friday, 16 June"
  // is the past one even when the next one was asked for.
  const auto e = only("on Friday, 16 June", CivilDate{2017, 6, 20});
  EXPECT_EQ(valueOf(e), "2017-06-16..2017-06-16");
  EXPECT_FALSE(e.weekdayMismatch());
  // A weekday that fits neither keeps the direction's year, so the mismatch shows.
  const auto wrong = only("on Saturday, 16 June", kFriday9June);
  EXPECT_EQ(valueOf(wrong), "2017-06-16..2017-06-16");
  EXPECT_TRUE(wrong.weekdayMismatch());
}

TEST(DateRecognizerDirection, PlaceFloatingMovesARecognizedDate) {
  const auto e = only("on 16 June", CivilDate{2017, 6, 20});
  ASSERT_TRUE(e.floating.has_value());
  EXPECT_EQ(valueOf(e), "2018-06-16..2018-06-16");
  const auto past = placeFloating(*e.floating, CivilDate{2017, 6, 20}, Direction::LatestPast);
  ASSERT_TRUE(past.has_value());
  EXPECT_EQ(past->isoFirst(), "2017-06-16");
  EXPECT_FALSE(placeFloating(FloatingDate{2, 30, std::nullopt}, kDateline, Direction::Next).has_value());
  EXPECT_FALSE(placeFloating(FloatingDate{}, kDateline, Direction::Next).has_value());
  // A year written in the text is not floating.
  EXPECT_FALSE(only("on 16 June 2017").floating.has_value());
}

TEST(DateRecognizerDirection, YearIsNotCarriedIntoANewParagraph) {
  // Same paragraph: the year written before is kept.
  const auto same = find("The SCO grew in 2015, and on 16 June it met.", kFriday9June);
  ASSERT_EQ(same.size(), 2U);
  EXPECT_EQ(valueOf(same[1]), "2015-06-16..2015-06-16");
  EXPECT_FALSE(same[1].floating.has_value());
  // A blank line or a separator line ends the paragraph: the reference decides again.
  for (const char* text : {"The SCO grew in 2015.\n\nThe summit will be held on 16 June.",
                           "The SCO grew in 2015.\n|\nThe summit will be held on 16 June."}) {
    const auto found = find(text, kFriday9June);
    ASSERT_EQ(found.size(), 2U) << text;
    EXPECT_EQ(valueOf(found[1]), "2017-06-16..2017-06-16") << text;
    EXPECT_EQ(found[1].basis, Basis::ContextYear) << text;
  }
}

TEST(DateRecognizerDirection, YearlessRangeEndsAfterItsStart) {
  EXPECT_EQ(valueOf(only("from 28 December to 3 January", kFriday9June)), "2017-12-28..2018-01-03");
  EXPECT_EQ(only("from 28 December to 3 January", kFriday9June).basis, Basis::ContextYear);
}

TEST(DateRecognizerDateline, ADashAfterTheDatelineStartsASentence) {
  for (const char* text : {"ASTANA, 9 June 2017 \xE2\x80\x93 12 heads of state signed the declaration.",
                           "VIENNA, 9 June 2017 \xE2\x80\x93 The 17th meeting of the board opened.",
                           "VIENNA, 9 June 2017 - 3 new members joined."}) {
    const auto found = find(text, std::nullopt);
    ASSERT_EQ(found.size(), 1U) << text;
    EXPECT_EQ(found[0].kind, DateKind::Absolute) << text;
    EXPECT_EQ(valueOf(found[0]), "2017-06-09..2017-06-09") << text;
    EXPECT_EQ(found[0].problem, Problem::None) << text;
  }
  const DateRecognizer recognizer;
  const auto ref = referenceDate(std::nullopt, "ASTANA, 9 June 2017 \xE2\x80\x93 12 heads of state met.", recognizer);
  ASSERT_TRUE(ref.has_value());
  EXPECT_EQ(*ref, kFriday9June);
  // Real ranges still read as ranges.
  EXPECT_EQ(valueOf(only("13\xE2\x80\x93" "17 March 2017", std::nullopt)), "2017-03-13..2017-03-17");
  EXPECT_EQ(valueOf(only("August 10 - 22, 2012", std::nullopt)), "2012-08-10..2012-08-22");
}

TEST(DateRecognizerNews, FormsResolvedAgainstTheDateline) {
  EXPECT_EQ(valueOf(only("earlier this month", kFriday9June)), "2017-06-01..2017-06-08");
  EXPECT_EQ(valueOf(only("later this month", kFriday9June)), "2017-06-10..2017-06-30");
  EXPECT_EQ(valueOf(only("earlier this year", kFriday9June)), "2017-01-01..2017-06-08");
  EXPECT_EQ(only("later this month", kFriday9June).value->precision, Precision::Day);
  EXPECT_EQ(valueOf(only("last week", kFriday9June)), "2017-05-29..2017-06-04");
  EXPECT_EQ(valueOf(only("next week", kFriday9June)), "2017-06-12..2017-06-18");
  const auto summit = only("this year's summit", kFriday9June);
  EXPECT_EQ(valueOf(summit), "2017..2017");
  EXPECT_EQ(summit.value->precision, Precision::Year);
  EXPECT_EQ(valueOf(only("on Tuesday", kFriday9June, toward(Direction::LatestPast))), "2017-06-06..2017-06-06");
  EXPECT_EQ(valueOf(only("rest of the week", kFriday9June)), "2017-06-09..2017-06-11");
  EXPECT_EQ(valueOf(only("all week", kFriday9June)), "2017-06-05..2017-06-11");
}

TEST(DateRecognizerIdioms, IdesClosestAfterNextAndAfterAYear) {
  EXPECT_EQ(valueOf(only("the ides of March", kDateline)), "2017-03-15..2017-03-15");
  EXPECT_EQ(valueOf(only("the ides of June 2016", kDateline)), "2016-06-13..2016-06-13");
  // 5 October 2013 is a Saturday: Monday 7 is two days away, Monday 30 September five.
  EXPECT_EQ(valueOf(only("the closest Monday to 5 October 2013")), "2013-10-07..2013-10-07");
  EXPECT_EQ(valueOf(only("the second closest Monday to 5 October 2013")), "2013-09-30..2013-09-30");
  EXPECT_EQ(valueOf(only("March after next", kDateline)), "2019-03..2019-03");
  EXPECT_EQ(valueOf(only("April after next", kDateline)), "2018-04..2018-04");
  EXPECT_EQ(valueOf(only("March in two years", kDateline)), "2019-03..2019-03");
  const auto after = only("after a year", kDateline);
  EXPECT_EQ(after.kind, DateKind::Anaphoric);
  EXPECT_EQ(valueOf(after), "2018-03-14..2018-03-14");
  const auto found = find("The plan was adopted on 2 May 2016. After two weeks it was reviewed.", kDateline);
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(valueOf(found[1]), "2016-05-16..2016-05-16");
}

TEST(DateRecognizerIdioms, HolidaysAndTheNthWeekdayAfterADate) {
  EXPECT_EQ(valueOf(only("Christmas 2014")), "2014-12-25..2014-12-25");
  EXPECT_EQ(valueOf(only("Easter 2013")), "2013-03-31..2013-03-31");
  EXPECT_EQ(valueOf(only("Easter Sunday 2017")), "2017-04-16..2017-04-16");
  EXPECT_EQ(valueOf(only("three days after Easter", CivilDate{2013, 2, 12})), "2013-04-03..2013-04-03");
  // Christmas 2014 is a Thursday: Tuesdays 30 December, 6 and 13 January follow.
  EXPECT_EQ(valueOf(only("the third Tuesday after Christmas 2014")), "2015-01-13..2015-01-13");
  EXPECT_EQ(valueOf(only("the first Monday before 5 October 2013")), "2013-09-30..2013-09-30");
  EXPECT_EQ(only("Christmas", std::nullopt).problem, Problem::NoYear);
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

namespace galley::dates {
namespace {

// A document read block by block: the carry makes the second block read as it would after the
// first in one text, and a block with no date passes the carry on unchanged.
TEST(DateRecognizerCarry, TheDayBeforeRefersToTheLastDateOfAnEarlierBlock) {
  const DateRecognizer recognizer;
  RecognizerCarry carry;
  const auto first = recognizer.recognize("The agreement was signed on 5 April 2010 in Tashkent.", kDateline, carry);
  ASSERT_EQ(first.size(), 1U);
  ASSERT_TRUE(carry.lastDay);
  const RecognizerCarry afterFirst = carry;
  EXPECT_TRUE(recognizer.recognize("Delegations then met in the capital.", kDateline, carry).empty());
  EXPECT_EQ(carry, afterFirst);
  const auto third = recognizer.recognize("The day before, experts had agreed the text.", kDateline, carry);
  ASSERT_EQ(third.size(), 1U);
  EXPECT_EQ(third[0].basis, Basis::PreviousDate);
  EXPECT_EQ(valueOf(third[0]), "2010-04-04..2010-04-04");
  // Without the carry the same block is read against the dateline.
  EXPECT_EQ(valueOf(only("The day before, experts had agreed the text.")), "2017-03-13..2017-03-13");
}

}  // namespace
}  // namespace galley::dates
