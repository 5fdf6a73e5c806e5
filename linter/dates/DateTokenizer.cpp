#include "dates/DateTokenizer.h"

#include <array>
#include <string>
#include <vector>

#include "base/Ascii.h"
#include "dates/LowerWordIndex.h"

namespace galley::dates {

namespace {

struct LexEntry {
  std::string_view word;
  unsigned month = 0;
  unsigned weekday = 0;
  unsigned cardinal = 0;
  unsigned ordinal = 0;
  TimeUnit unit = TimeUnit::None;
  bool plural = false;
  bool abbreviated = false;
  bool ambiguous = false;
};

constexpr LexEntry month(std::string_view word, unsigned value, bool abbreviated = false, bool ambiguous = false) {
  return {word, value, 0, 0, 0, TimeUnit::None, false, abbreviated, ambiguous};
}
constexpr LexEntry weekday(std::string_view word, unsigned value, bool abbreviated = false, bool ambiguous = false,
                           bool plural = false) {
  return {word, 0, value, 0, 0, TimeUnit::None, plural, abbreviated, ambiguous};
}
constexpr LexEntry cardinal(std::string_view word, unsigned value) {
  return {word, 0, 0, value, 0, TimeUnit::None, false, false, false};
}
constexpr LexEntry ordinal(std::string_view word, unsigned value) {
  return {word, 0, 0, 0, value, TimeUnit::None, false, false, false};
}
constexpr LexEntry unit(std::string_view word, TimeUnit value, bool plural) {
  return {word, 0, 0, 0, 0, value, plural, false, false};
}

// The closed word classes of the grammar. "second" is both an ordinal and (as a clock unit) not a
// date unit, so it is only an ordinal here.
constexpr std::array kLexicon = {
    month("january", 1), month("jan", 1, true), month("february", 2), month("feb", 2, true),
    month("march", 3, false, true), month("mar", 3, true, true), month("april", 4), month("apr", 4, true),
    month("may", 5, false, true), month("june", 6), month("jun", 6, true), month("july", 7),
    month("jul", 7, true), month("august", 8), month("aug", 8, true), month("september", 9),
    month("sept", 9, true), month("sep", 9, true), month("october", 10), month("oct", 10, true),
    month("november", 11), month("nov", 11, true), month("december", 12), month("dec", 12, true),
    weekday("monday", 1), weekday("mon", 1, true), weekday("mondays", 1, false, false, true),
    weekday("tuesday", 2), weekday("tue", 2, true), weekday("tues", 2, true),
    weekday("tuesdays", 2, false, false, true), weekday("wednesday", 3), weekday("wed", 3, true, true),
    weekday("wednesdays", 3, false, false, true), weekday("thursday", 4), weekday("thu", 4, true),
    weekday("thur", 4, true), weekday("thurs", 4, true), weekday("thursdays", 4, false, false, true),
    weekday("friday", 5), weekday("fri", 5, true), weekday("fridays", 5, false, false, true),
    weekday("saturday", 6), weekday("sat", 6, true, true), weekday("saturdays", 6, false, false, true),
    weekday("sunday", 7), weekday("sun", 7, true, true), weekday("sundays", 7, false, false, true),
    cardinal("a", 1), cardinal("an", 1), cardinal("one", 1), cardinal("two", 2), cardinal("three", 3),
    cardinal("four", 4), cardinal("five", 5), cardinal("six", 6), cardinal("seven", 7), cardinal("eight", 8),
    cardinal("nine", 9), cardinal("ten", 10), cardinal("eleven", 11), cardinal("twelve", 12),
    cardinal("thirteen", 13), cardinal("fourteen", 14), cardinal("fifteen", 15), cardinal("sixteen", 16),
    cardinal("seventeen", 17), cardinal("eighteen", 18), cardinal("nineteen", 19), cardinal("twenty", 20),
    cardinal("thirty", 30), cardinal("forty", 40), cardinal("fifty", 50), cardinal("sixty", 60),
    cardinal("seventy", 70), cardinal("eighty", 80), cardinal("ninety", 90), cardinal("hundred", 100),
    ordinal("first", 1), ordinal("second", 2), ordinal("third", 3), ordinal("fourth", 4), ordinal("fifth", 5),
    ordinal("sixth", 6), ordinal("seventh", 7), ordinal("eighth", 8), ordinal("ninth", 9), ordinal("tenth", 10),
    ordinal("eleventh", 11), ordinal("twelfth", 12), ordinal("thirteenth", 13), ordinal("fourteenth", 14),
    ordinal("fifteenth", 15), ordinal("sixteenth", 16), ordinal("seventeenth", 17), ordinal("eighteenth", 18),
    ordinal("nineteenth", 19), ordinal("twentieth", 20), ordinal("thirtieth", 30),
    unit("day", TimeUnit::Day, false), unit("days", TimeUnit::Day, true), unit("week", TimeUnit::Week, false),
    unit("weeks", TimeUnit::Week, true), unit("month", TimeUnit::Month, false),
    unit("months", TimeUnit::Month, true), unit("quarter", TimeUnit::Quarter, false),
    unit("quarters", TimeUnit::Quarter, true), unit("year", TimeUnit::Year, false),
    unit("years", TimeUnit::Year, true), unit("yr", TimeUnit::Year, false), unit("yrs", TimeUnit::Year, true),
};

// Built once, read-only afterwards (function-local static: thread-safe initialization).
const LowerWordIndex<const LexEntry*>& lexiconIndex() {
  static const LowerWordIndex<const LexEntry*> kIndex = [] {
    LowerWordIndex<const LexEntry*> index;
    for (const LexEntry& entry : kLexicon) index.add(entry.word, &entry);
    return index;
  }();
  return kIndex;
}

void classify(DateToken& token) {
  const LexEntry* const* found = lexiconIndex().find(token.text);
  if (found == nullptr) return;
  const LexEntry& entry = **found;
  token.month = entry.month;
  token.weekday = entry.weekday;
  token.cardinal = entry.cardinal;
  token.ordinalWord = entry.ordinal;
  token.unit = entry.unit;
  token.plural = entry.plural;
  token.abbreviated = entry.abbreviated;
  token.ambiguous = entry.ambiguous;
}

bool isAsciiDigit(unsigned char c) { return base::isAsciiDigit(static_cast<char>(c)); }
bool isAsciiUpper(unsigned char c) { return base::isAsciiUpper(static_cast<char>(c)); }
bool isAsciiAlpha(unsigned char c) { return base::isAsciiLetter(static_cast<char>(c)); }
// As the C locale's isspace.
bool isAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Byte length of the UTF-8 sequence starting with `lead` (1 for stray continuation bytes).
std::size_t utf8Length(unsigned char lead) {
  constexpr unsigned char kFourByteLead = 0xF0;
  constexpr unsigned char kThreeByteLead = 0xE0;
  constexpr unsigned char kTwoByteLead = 0xC0;
  if (lead >= kFourByteLead) return 4;
  if (lead >= kThreeByteLead) return 3;
  if (lead >= kTwoByteLead) return 2;
  return 1;
}

bool isOrdinalSuffix(std::string_view word) { return word == "st" || word == "nd" || word == "rd" || word == "th"; }

// A line of punctuation alone ("|", "---", "* * *") separates paragraphs: the token after it starts one.
void markSeparatorLines(std::vector<DateToken>& tokens) {
  std::size_t lineStart = 0;
  bool allPunct = true;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].newlineBefore) {
      if (i > lineStart && allPunct) tokens[i].paragraphBefore = true;
      lineStart = i;
      allPunct = true;
    }
    if (tokens[i].type != TokenType::Punct) allPunct = false;
  }
}

}  // namespace

// NOLINTNEXTLINE(readability-function-cognitive-complexity): one linear scanner loop over three character classes.
void tokenizeDates(std::string_view text, std::string& lowered, std::vector<DateToken>& tokens) {
  lowered.assign(text);
  base::lowerAsciiInPlace(lowered);
  const std::string_view lower = lowered;
  tokens.clear();
  bool space = true;
  int newlines = 1;  // the start of the text counts as a line start
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (isAsciiSpace(c)) {
      space = true;
      if (c == '\n') ++newlines;
      ++i;
      continue;
    }
    DateToken& token = tokens.emplace_back();
    token.spaceBefore = space;
    token.newlineBefore = newlines > 0;
    token.paragraphBefore = newlines > 1;
    space = false;
    newlines = 0;
    const std::size_t start = i;
    if (isAsciiDigit(c)) {
      token.type = TokenType::Number;
      int64_t value = 0;
      constexpr int kMaxDigits = 12;  // longer digit runs are ids, not dates; keep counting digits only
      while (i < n && isAsciiDigit(static_cast<unsigned char>(text[i]))) {
        if (token.digits < kMaxDigits) value = value * 10 + (text[i] - '0');
        ++token.digits;
        ++i;
      }
      token.number = value;
      // "14th": merge an ordinal suffix written right after the digits.
      std::size_t j = i;
      while (j < n && j - i < 2 && isAsciiAlpha(static_cast<unsigned char>(text[j]))) ++j;
      if (j - i == 2 && (j == n || !isAsciiAlpha(static_cast<unsigned char>(text[j])))) {
        if (isOrdinalSuffix(lower.substr(i, 2))) {
          token.ordinal = true;
          i = j;
        }
      }
    } else if (isAsciiAlpha(c)) {
      token.type = TokenType::Word;
      token.capitalized = isAsciiUpper(c);
      while (i < n && isAsciiAlpha(static_cast<unsigned char>(text[i]))) ++i;
      token.text = lower.substr(start, i - start);
      classify(token);
    } else {
      token.type = TokenType::Punct;
      const std::size_t length = std::min(utf8Length(c), n - i);
      const std::string_view symbol = text.substr(i, length);
      i += length;
      // En dash, em dash, minus sign and figure dash are all "-" to the grammar.
      if (symbol == "\xE2\x80\x93" || symbol == "\xE2\x80\x94" || symbol == "\xE2\x88\x92" ||
          symbol == "\xE2\x80\x92" || symbol == "-")
        token.text = "-";
      else if (symbol == "\xE2\x80\x99")  // typographic apostrophe
        token.text = "'";
      else if (length == 1)
        token.text = lower.substr(start, 1);
      else
        token.text = "?";
    }
    token.range = {static_cast<base::Offset>(start), static_cast<base::Offset>(i)};
  }
  markSeparatorLines(tokens);
}

}  // namespace galley::dates
