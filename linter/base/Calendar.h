// Proleptic Gregorian calendar arithmetic and date intervals with a precision.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace galley::base {

// A calendar day. Not validated on construction; see isValidDate().
struct CivilDate {
  int year = 1970;  // NOLINT(readability-magic-numbers): the epoch of daysFromCivil()
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (negative before). Valid for any CivilDate with month 1..12.
int64_t daysFromCivil(CivilDate date);
CivilDate civilFromDays(int64_t days);
bool isLeapYear(int year);
unsigned daysInMonth(int year, unsigned month);
bool isValidDate(CivilDate date);
// 0 = Monday ... 6 = Sunday (ISO order).
unsigned weekday(CivilDate date);
// "Monday" ... "Sunday".
std::string_view weekdayName(unsigned weekday);
// "January" ... "December" (REQUIRES: 1 <= month <= 12).
std::string_view monthName(unsigned month);

// How precisely a date is known. "June 2011" has month precision: it means the whole month.
enum class Precision { Day, Month, Year };
std::string_view precisionName(Precision precision);

// A closed interval of days [first, last] with the precision it was stated at.
struct DateInterval {
  int64_t first = 0;  // daysFromCivil of the first day
  int64_t last = 0;   // daysFromCivil of the last day (inclusive)
  Precision precision = Precision::Day;

  static DateInterval day(CivilDate date);
  static DateInterval month(int year, unsigned month);
  static DateInterval year(int year);
  // Two intervals agree when they overlap: "June 2011" agrees with 14 June 2011.
  [[nodiscard]] bool overlaps(const DateInterval& other) const { return first <= other.last && other.first <= last; }
  // "2011-06-14", "2011-06" or "2011" for first (or last) day truncated to the precision.
  [[nodiscard]] std::string isoFirst() const;
  [[nodiscard]] std::string isoLast() const;
  friend bool operator==(const DateInterval&, const DateInterval&) = default;
};

// Formats a day as "14 June 2011" (UN house style).
std::string formatDayMonthYear(CivilDate date);
// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into an interval of that precision; nullopt if malformed
// or impossible.
std::optional<DateInterval> parseIsoInterval(std::string_view text);

}  // namespace galley::base
