#include "annotate/SimpleDateFinder.h"

#include <array>
#include <charconv>
#include <optional>

#include "base/Ascii.h"

namespace galley::annotate {

namespace {

enum class TokenKind { Number, Word, Dash, Comma, Other };

struct Token {
  TokenKind kind;
  base::Range range;
  std::string_view text;
};

constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2999;
constexpr size_t kYearDigits = 4;
constexpr unsigned kMaxDay = 31;
constexpr size_t kEnDashBytes = 3;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const size_t start = i;
    TokenKind kind = TokenKind::Other;
    if (isDigit(c)) {
      while (i < text.size() && isDigit(text[i])) ++i;
      kind = TokenKind::Number;
      // Part of a symbol or a decimal ("E/CN.7/2017/11", "3.5"): not a date number.
      const bool glued = (start > 0 && (text[start - 1] == '/' || text[start - 1] == '.' || isLetter(text[start - 1]))) ||
                         (i < text.size() && (text[i] == '/' || isLetter(text[i]) ||
                                              (text[i] == '.' && i + 1 < text.size() && isDigit(text[i + 1]))));
      if (glued) kind = TokenKind::Other;
    } else if (isLetter(c)) {
      while (i < text.size() && isLetter(text[i])) ++i;
      kind = TokenKind::Word;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    } else if (c == '-') {
      ++i;
      kind = TokenKind::Dash;
    } else if (text.substr(i, kEnDashBytes) == "\xE2\x80\x93" || text.substr(i, kEnDashBytes) == "\xE2\x80\x94") {
      i += kEnDashBytes;
      kind = TokenKind::Dash;
    } else if (c == ',') {
      ++i;
      kind = TokenKind::Comma;
    } else {
      ++i;
    }
    tokens.push_back({kind, {static_cast<base::Offset>(start), static_cast<base::Offset>(i)}, text.substr(start, i - start)});
  }
  return tokens;
}

std::optional<unsigned> monthOf(const Token& token) {
  static constexpr std::array<std::string_view, 12> kMonths{"january", "february", "march",     "april",
                                                            "may",     "june",     "july",      "august",
                                                            "september", "october", "november", "december"};
  if (token.kind != TokenKind::Word) return std::nullopt;
  const std::string lower = base::asciiLowered(token.text);
  for (unsigned m = 0; m < kMonths.size(); ++m)
    if (lower == kMonths[m]) return m + 1;
  return std::nullopt;
}

std::optional<int> numberOf(const Token& token) {
  if (token.kind != TokenKind::Number) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(token.text.data(), token.text.data() + token.text.size(), value);
  if (error != std::errc{}) return std::nullopt;
  return value;
}

std::optional<int> yearOf(const Token& token) {
  const auto value = numberOf(token);
  if (!value || token.text.size() != kYearDigits || *value < kMinYear || *value > kMaxYear) return std::nullopt;
  return value;
}

std::optional<unsigned> dayOf(const Token& token) {
  const auto value = numberOf(token);
  if (!value || token.text.size() > 2 || *value < 1 || *value > static_cast<int>(kMaxDay)) return std::nullopt;
  return static_cast<unsigned>(*value);
}

std::optional<base::DateInterval> dayInterval(int year, unsigned month, unsigned day) {
  const base::CivilDate date{year, month, day};
  if (!base::isValidDate(date)) return std::nullopt;
  return base::DateInterval::day(date);
}

}  // namespace

std::vector<FoundDate> SimpleDateFinder::find(std::string_view text) const {
  std::vector<Token> tokens = tokenize(text);
  const size_t count = tokens.size();
  // Sentinels, so that the patterns below may look up to four tokens ahead.
  constexpr size_t kLookahead = 4;
  for (size_t i = 0; i < kLookahead; ++i) tokens.push_back({TokenKind::Other, {}, {}});
  std::vector<FoundDate> found;
  size_t i = 0;
  while (i < count) {
    const Token& t0 = tokens[i];
    const Token& t1 = tokens[i + 1];
    const Token& t2 = tokens[i + 2];
    const Token& t3 = tokens[i + 3];
    const Token& t4 = tokens[i + 4];
    // "13-17 March 2017"
    if (dayOf(t0) && t1.kind == TokenKind::Dash && dayOf(t2) && monthOf(t3) && yearOf(t4)) {
      const auto first = dayInterval(*yearOf(t4), *monthOf(t3), *dayOf(t0));
      const auto last = dayInterval(*yearOf(t4), *monthOf(t3), *dayOf(t2));
      if (first && last && first->first <= last->last)
        found.push_back({{t0.range.begin, t4.range.end}, {first->first, last->last, base::Precision::Day}});
      i += kLookahead + 1;
      continue;
    }
    // "14 June 2011"
    if (dayOf(t0) && monthOf(t1) && yearOf(t2)) {
      if (const auto value = dayInterval(*yearOf(t2), *monthOf(t1), *dayOf(t0)))
        found.push_back({{t0.range.begin, t2.range.end}, *value});
      i += 3;
      continue;
    }
    if (const auto month = monthOf(t0)) {
      // "June 14, 2011"
      if (dayOf(t1) && t2.kind == TokenKind::Comma && yearOf(t3)) {
        if (const auto value = dayInterval(*yearOf(t3), *month, *dayOf(t1)))
          found.push_back({{t0.range.begin, t3.range.end}, *value});
        i += kLookahead;
        continue;
      }
      // "June 2011"
      if (yearOf(t1)) {
        found.push_back({{t0.range.begin, t1.range.end}, base::DateInterval::month(*yearOf(t1), *month)});
        i += 2;
        continue;
      }
    }
    if (const auto year = yearOf(t0)) found.push_back({t0.range, base::DateInterval::year(*year)});
    ++i;
  }
  return found;
}

}  // namespace galley::annotate
