// Calendar: civil day arithmetic, leap years, weekdays and intervals with a precision.
#include "base/Calendar.h"

#include <gtest/gtest.h>

namespace galley::base {
namespace {

TEST(Calendar, DaysRoundTripAcrossEras) {
  for (const CivilDate date : {CivilDate{1970, 1, 1}, CivilDate{2000, 2, 29}, CivilDate{1600, 3, 1},
                               CivilDate{2017, 3, 14}, CivilDate{1899, 12, 31}}) {
    EXPECT_EQ(civilFromDays(daysFromCivil(date)), date);
  }
  EXPECT_EQ(daysFromCivil({1970, 1, 2}), 1);
  EXPECT_EQ(daysFromCivil({1969, 12, 31}), -1);
}

TEST(Calendar, LeapYearsFollowTheGregorianRule) {
  EXPECT_TRUE(isLeapYear(2016));
  EXPECT_FALSE(isLeapYear(2019));
  EXPECT_FALSE(isLeapYear(1900));
  EXPECT_TRUE(isLeapYear(2000));
  EXPECT_TRUE(isValidDate({2016, 2, 29}));
  EXPECT_FALSE(isValidDate({2019, 2, 29}));
  EXPECT_FALSE(isValidDate({2017, 6, 31}));
  EXPECT_FALSE(isValidDate({2017, 13, 1}));
}

TEST(Calendar, WeekdaysOfKnownDates) {
  EXPECT_EQ(weekdayName(weekday({2017, 3, 14})), "Tuesday");
  EXPECT_EQ(weekdayName(weekday({2011, 6, 14})), "Tuesday");
  EXPECT_EQ(weekdayName(weekday({2010, 4, 5})), "Monday");
  EXPECT_EQ(weekdayName(weekday({2001, 6, 15})), "Friday");
}

TEST(Calendar, IntervalsKeepTheirPrecision) {
  const DateInterval june = DateInterval::month(2011, 6);
  EXPECT_EQ(june.isoFirst(), "2011-06");
  EXPECT_EQ(june.isoLast(), "2011-06");
  EXPECT_TRUE(june.overlaps(DateInterval::day({2011, 6, 14})));
  EXPECT_FALSE(DateInterval::month(2011, 7).overlaps(DateInterval::day({2011, 6, 14})));
  const DateInterval leap = DateInterval::month(2016, 2);
  EXPECT_EQ(civilFromDays(leap.last), (CivilDate{2016, 2, 29}));
  EXPECT_EQ(DateInterval::year(1997).isoLast(), "1997");
}

TEST(Calendar, ParsesIsoAtEachPrecisionAndRejectsImpossibleDates) {
  EXPECT_EQ(parseIsoInterval("2011-06-14"), DateInterval::day({2011, 6, 14}));
  EXPECT_EQ(parseIsoInterval("2011-06"), DateInterval::month(2011, 6));
  EXPECT_EQ(parseIsoInterval("2011"), DateInterval::year(2011));
  EXPECT_FALSE(parseIsoInterval("2017-06-31"));
  EXPECT_FALSE(parseIsoInterval("2017-13"));
  EXPECT_FALSE(parseIsoInterval("14 June 2011"));
  EXPECT_EQ(formatDayMonthYear({2010, 4, 5}), "5 April 2010");
}

}  // namespace
}  // namespace galley::base
