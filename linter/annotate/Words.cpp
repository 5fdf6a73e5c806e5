#include "annotate/Words.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "base/Ascii.h"

namespace galley::annotate {

namespace {

// UTF-8 lead-byte patterns and payload masks.
constexpr unsigned kTwoByteMask = 0xE0U;
constexpr unsigned kTwoByteLead = 0xC0U;
constexpr unsigned kThreeByteMask = 0xF0U;
constexpr unsigned kThreeByteLead = 0xE0U;
constexpr unsigned kTwoBytePayload = 0x1FU;
constexpr unsigned kThreeBytePayload = 0x0FU;
constexpr unsigned kFourBytePayload = 0x07U;
constexpr unsigned kContinuationMask = 0xC0U;
constexpr unsigned kContinuation = 0x80U;
constexpr unsigned kContinuationPayload = 0x3FU;
constexpr unsigned kContinuationBits = 6U;
constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at `i` (prose is valid UTF-8) and its byte length.
char32_t decode(std::string_view text, size_t i, size_t& length) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < kContinuation) {
    length = 1;
    return byte;
  }
  size_t count = 4;
  char32_t value = byte & kFourBytePayload;
  if ((byte & kTwoByteMask) == kTwoByteLead) {
    count = 2;
    value = byte & kTwoBytePayload;
  } else if ((byte & kThreeByteMask) == kThreeByteLead) {
    count = 3;
    value = byte & kThreeBytePayload;
  }
  if (i + count > text.size()) {
    length = 1;
    return kReplacement;
  }
  for (size_t k = 1; k < count; ++k) {
    value = (value << kContinuationBits) | (static_cast<unsigned char>(text[i + k]) & kContinuationPayload);
  }
  length = count;
  return value;
}

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & kContinuationMask) == kContinuation; }

constexpr char32_t kRightQuote = 0x2019;
constexpr char32_t kHyphen = 0x2010;
constexpr char32_t kNonBreakingHyphen = 0x2011;
constexpr char32_t kNoBreakSpace = 0xA0;
constexpr char32_t kNarrowNoBreakSpace = 0x202F;

// Code-point ranges: [first, last].
struct Span32 {
  char32_t first;
  char32_t last;
  [[nodiscard]] bool holds(char32_t c) const { return c >= first && c <= last; }
};
constexpr Span32 kLatin1Signs{0x80, 0xBF};          // no-break space to inverted question mark
constexpr char32_t kTimes = 0xD7;
constexpr char32_t kDivide = 0xF7;
constexpr Span32 kPunctuationAndSymbols{0x2000, 0x2BFF};
constexpr Span32 kCjkPunctuation{0x3000, 0x303F};
constexpr Span32 kSpecials{0xFE00, 0xFFFF};         // variation selectors, U+FFFC, U+FFFD
constexpr Span32 kLatin1Upper{0xC0, 0xDE};
constexpr Span32 kLatin1Lower{0xDF, 0xFF};
constexpr Span32 kLatinExtendedA{0x100, 0x17F};     // upper case even, lower case odd
constexpr Span32 kCyrillicUpper{0x400, 0x42F};
constexpr Span32 kCyrillicLower{0x430, 0x45F};

bool isLetter(char32_t c) {
  if (c < kContinuation) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return !kLatin1Signs.holds(c) && c != kTimes && c != kDivide && !kPunctuationAndSymbols.holds(c) &&
         !kCjkPunctuation.holds(c) && !kSpecials.holds(c);
}
bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }
// Basic Latin, Latin-1, Latin Extended-A and -B, and Latin Extended Additional ("ệ").
constexpr char32_t kLatinExtendedBEnd = 0x24F;
constexpr Span32 kLatinExtendedAdditional{0x1E00, 0x1EFF};
bool isLatin(char32_t c) { return c <= kLatinExtendedBEnd || kLatinExtendedAdditional.holds(c); }
bool isApostrophe(char32_t c) { return c == '\'' || c == kRightQuote; }
bool isHyphen(char32_t c) { return c == '-' || c == kHyphen || c == kNonBreakingHyphen; }
bool isSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == kNoBreakSpace || c == kNarrowNoBreakSpace;
}

// Upper/lower case for the scripts drafts use: ASCII, Latin-1, Latin Extended-A and Cyrillic.
// Other letters count as neither.
bool isUpper(char32_t c) {
  if (c < kContinuation) return c >= 'A' && c <= 'Z';
  return (kLatin1Upper.holds(c) && c != kTimes) || (kLatinExtendedA.holds(c) && c % 2 == 0) ||
         kCyrillicUpper.holds(c);
}
bool isLower(char32_t c) {
  if (c < kContinuation) return c >= 'a' && c <= 'z';
  return (kLatin1Lower.holds(c) && c != kDivide) || (kLatinExtendedA.holds(c) && c % 2 == 1) ||
         kCyrillicLower.holds(c);
}

// A chunk between spaces that is not prose: a URL, e-mail, path, symbol or domain.
bool isLinkChunk(std::string_view chunk) {
  if (chunk.find("://") != std::string_view::npos || chunk.starts_with("www.")) return true;
  if (chunk.find('@') != std::string_view::npos || chunk.find('/') != std::string_view::npos) return true;
  if (chunk.find('\\') != std::string_view::npos || chunk.find('_') != std::string_view::npos) return true;
  // "sco.int", "e.g.": a dot between two letters or digits.
  for (size_t i = 1; i + 1 < chunk.size(); ++i) {
    if (chunk[i] != '.') continue;
    const auto before = static_cast<unsigned char>(chunk[i - 1]);
    const auto after = static_cast<unsigned char>(chunk[i + 1]);
    const auto alnum = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    if (alnum(before) && alnum(after)) return true;
  }
  return false;
}

}  // namespace

namespace {

// The chunk (between spaces) around byte `at`: [begin, end).
std::pair<size_t, size_t> chunkAround(std::string_view prose, size_t at) {
  size_t begin = at;
  size_t length = 0;
  while (begin > 0) {
    size_t back = begin - 1;
    while (back > 0 && isContinuationByte(prose[back])) --back;
    const auto byte = static_cast<unsigned char>(prose[back]);
    if (byte < kContinuation ? isSpace(byte) : isSpace(decode(prose, back, length))) break;
    begin = back;
  }
  size_t end = at;
  while (end < prose.size()) {
    const auto byte = static_cast<unsigned char>(prose[end]);
    if (byte < kContinuation) {
      if (isSpace(byte)) break;
      ++end;
      continue;
    }
    if (isSpace(decode(prose, end, length))) break;
    end += length;
  }
  return {begin, end};
}

// Reads the word starting at `i` (a letter or digit) into `word`; returns the byte after it.
size_t scanWord(std::string_view prose, size_t i, Word& word) {
  bool sawLower = false;
  size_t upperCount = 0;
  size_t letterCount = 0;
  size_t length = 0;
  while (i < prose.size()) {
    // ASCII letters and digits, most of any draft, without decoding.
    if (const auto byte = static_cast<unsigned char>(prose[i]); base::isAsciiAlnum(static_cast<char>(byte))) {
      if (isDigit(byte)) {
        word.hasDigit = true;
      } else if (isUpper(byte)) {
        word.capitalised = word.capitalised || letterCount == 0;
        word.mixedCase = word.mixedCase || sawLower;
        ++upperCount;
        ++letterCount;
      } else {
        sawLower = true;
        ++letterCount;
      }
      ++i;
      continue;
    }
    const char32_t c = decode(prose, i, length);
    if (isDigit(c)) {
      word.hasDigit = true;
    } else if (isLetter(c)) {
      word.otherScript = word.otherScript || !isLatin(c);
      if (isUpper(c)) {
        word.capitalised = word.capitalised || letterCount == 0;
        word.mixedCase = word.mixedCase || sawLower;
        ++upperCount;
      } else if (isLower(c)) {
        sawLower = true;
      }
      ++letterCount;
    } else {
      // An apostrophe or hyphen joins two letters ("O'Neill", "co-operation").
      size_t nextLength = 0;
      const bool joins = (isApostrophe(c) || isHyphen(c)) && i + length < prose.size() &&
                         (isLetter(decode(prose, i + length, nextLength)) || isDigit(decode(prose, i + length, nextLength)));
      if (!joins) break;
      word.hyphenated = word.hyphenated || isHyphen(c);
    }
    i += length;
  }
  word.allCaps = upperCount >= 2 && !sawLower;
  if (letterCount == 0) word.hasDigit = true;
  return i;
}

}  // namespace

std::vector<Word> findWords(std::string_view prose) {
  std::vector<Word> words;
  size_t chunkEnd = 0;
  bool chunkIsLink = false;
  size_t i = 0;
  while (i < prose.size()) {
    const auto byte = static_cast<unsigned char>(prose[i]);
    if (byte < kContinuation && !base::isAsciiAlnum(static_cast<char>(byte))) {
      ++i;
      continue;
    }
    size_t length = 0;
    const char32_t c = decode(prose, i, length);
    if (!isLetter(c) && !isDigit(c)) {
      i += length;
      continue;
    }
    // The chunk (between spaces) a word starts in decides whether it is prose at all.
    if (i >= chunkEnd) {
      const auto [begin, end] = chunkAround(prose, i);
      chunkEnd = end;
      chunkIsLink = isLinkChunk(prose.substr(begin, end - begin));
    }
    Word word;
    word.inLink = chunkIsLink;
    const size_t begin = i;
    size_t end = scanWord(prose, i, word);
    i = end;
    // A possessive: "Xi's", "Xi’s" (left out of the word).
    const std::string_view text = prose.substr(begin, end - begin);
    for (const std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
      if (text.size() > suffix.size() + 1 && text.ends_with(suffix)) {
        end -= suffix.size();
        break;
      }
    }
    word.prose = {static_cast<base::Offset>(begin), static_cast<base::Offset>(end)};
    words.push_back(word);
  }
  return words;
}

std::string plainWord(std::string_view word) {
  // Only a U+2019, U+2010 or U+2011 is rewritten: an ASCII word is already plain.
  if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < kContinuation; }))
    return std::string(word);
  std::string out;
  out.reserve(word.size());
  size_t i = 0;
  while (i < word.size()) {
    size_t length = 0;
    const char32_t c = decode(word, i, length);
    if (c == kRightQuote) {
      out += '\'';
    } else if (c == kHyphen || c == kNonBreakingHyphen) {
      out += '-';
    } else {
      out.append(word.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::vector<std::string_view> hyphenParts(std::string_view word) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= word.size()) {
    const size_t dash = word.find('-', start);
    const size_t stop = dash == std::string_view::npos ? word.size() : dash;
    if (stop > start) parts.push_back(word.substr(start, stop - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  return parts;
}

}  // namespace galley::annotate
