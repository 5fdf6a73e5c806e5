#include "base/Calendar.h"

#include <array>
#include <charconv>

namespace galley::base {

// Howard Hinnant's days_from_civil / civil_from_days algorithms. Their constants (days in a
// 400-year era, the offset of 1970-01-01 from 0000-03-01, month lengths from March) are the
// algorithm itself; naming each one would hide it.
// NOLINTBEGIN(readability-magic-numbers)
int64_t daysFromCivil(CivilDate date) {
  const int64_t y = static_cast<int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = (date.month + 9) % 12;
  const unsigned doy = (153 * mp + 2) / 5 + date.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilDate civilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }
// NOLINTEND(readability-magic-numbers)

unsigned daysInMonth(int year, unsigned month) {
  static constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && isLeapYear(year) ? kDays[1] + 1 : kDays[month - 1];
}

bool isValidDate(CivilDate date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month);
}

unsigned weekday(CivilDate date) {
  const int64_t days = daysFromCivil(date);  // 1970-01-01 was a Thursday (3)
  return static_cast<unsigned>(((days % 7) + 7 + 3) % 7);
}

std::string_view weekdayName(unsigned weekday) {
  static constexpr std::array<std::string_view, 7> kNames = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                             "Friday", "Saturday", "Sunday"};
  return kNames[weekday % 7];
}

std::string_view monthName(unsigned month) {
  static constexpr std::array<std::string_view, 12> kNames = {"January", "February", "March",     "April",
                                                              "May",     "June",     "July",      "August",
                                                              "September", "October", "November", "December"};
  return month >= 1 && month <= 12 ? kNames[month - 1] : std::string_view{};
}

std::string_view precisionName(Precision precision) {
  switch (precision) {
    case Precision::Day: return "day";
    case Precision::Month: return "month";
    case Precision::Year: return "year";
  }
  return "day";
}

DateInterval DateInterval::day(CivilDate date) {
  const int64_t d = daysFromCivil(date);
  return {d, d, Precision::Day};
}

DateInterval DateInterval::month(int year, unsigned month) {
  return {daysFromCivil({year, month, 1}), daysFromCivil({year, month, daysInMonth(year, month)}), Precision::Month};
}

DateInterval DateInterval::year(int year) {
  return {daysFromCivil({year, 1, 1}), daysFromCivil({year, 12, daysInMonth(year, 12)}), Precision::Year};
}

namespace {

std::string pad(int64_t value, int width) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  while (static_cast<int>(digits.size()) < width) digits.insert(digits.begin(), '0');
  return (value < 0 ? "-" : "") + digits;
}

std::string isoAt(int64_t days, Precision precision) {
  const CivilDate date = civilFromDays(days);
  std::string out = pad(date.year, 4);
  if (precision == Precision::Year) return out;
  out += '-' + pad(date.month, 2);
  if (precision == Precision::Month) return out;
  return out + '-' + pad(date.day, 2);
}

std::optional<int> parseNumber(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string DateInterval::isoFirst() const { return isoAt(first, precision); }
std::string DateInterval::isoLast() const { return isoAt(last, precision); }

std::string formatDayMonthYear(CivilDate date) {
  return std::to_string(date.day) + " " + std::string(monthName(date.month)) + " " + std::to_string(date.year);
}

std::optional<DateInterval> parseIsoInterval(std::string_view text) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  const auto year = parseNumber(text.substr(0, 4));
  if (!year) return std::nullopt;
  if (text.size() == 4) return DateInterval::year(*year);
  if (text[4] != '-') return std::nullopt;
  const auto month = parseNumber(text.substr(5, 2));
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (text.size() == 7) return DateInterval::month(*year, static_cast<unsigned>(*month));
  if (text[7] != '-') return std::nullopt;
  const auto day = parseNumber(text.substr(8, 2));
  if (!day) return std::nullopt;
  const CivilDate date{*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)};
  if (!isValidDate(date)) return std::nullopt;
  return DateInterval::day(date);
}

}  // namespace galley::base
