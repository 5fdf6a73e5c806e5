#include "annotate/SentenceSplitter.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace galley::annotate {

namespace {

struct CodePoint {
  uint32_t value = 0;
  uint32_t length = 0;  // bytes; 0 at the end of the text
};

constexpr uint32_t kAsciiEnd = 0x80;
constexpr uint32_t kNoBreakSpace = 0xA0;
constexpr uint32_t kEnQuad = 0x2000;
constexpr uint32_t kHairSpace = 0x200A;
constexpr uint32_t kNarrowNoBreakSpace = 0x202F;
constexpr uint32_t kIdeographicSpace = 0x3000;
constexpr uint32_t kEllipsis = 0x2026;
constexpr uint32_t kRightSingleQuote = 0x2019;
constexpr uint32_t kLeftSingleQuote = 0x2018;
constexpr uint32_t kRightDoubleQuote = 0x201D;
constexpr uint32_t kLeftDoubleQuote = 0x201C;
constexpr uint32_t kLeftGuillemet = 0xAB;
constexpr uint32_t kRightGuillemet = 0xBB;

// Decodes the UTF-8 sequence at text[i]; an invalid byte decodes to itself, length 1.
CodePoint decode(std::string_view text, size_t i) {
  if (i >= text.size()) return {};
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < kAsciiEnd) return {b0, 1};
  constexpr unsigned kTwoByteMask = 0xE0;
  constexpr unsigned kTwoByteLead = 0xC0;
  constexpr unsigned kThreeByteMask = 0xF0;
  constexpr unsigned kThreeByteLead = 0xE0;
  constexpr unsigned kContinuationMask = 0xC0;
  constexpr unsigned kContinuation = 0x80;
  constexpr unsigned kSixBits = 0x3F;
  auto cont = [&](size_t k) {
    return k < text.size() && (static_cast<unsigned char>(text[k]) & kContinuationMask) == kContinuation;
  };
  auto bits = [&](size_t k) { return static_cast<unsigned char>(text[k]) & kSixBits; };
  constexpr unsigned kFiveBits = 0x1F;
  constexpr unsigned kFourBits = 0x0F;
  constexpr unsigned kShift1 = 6;
  constexpr unsigned kShift2 = 12;
  if ((b0 & kTwoByteMask) == kTwoByteLead && cont(i + 1)) return {((b0 & kFiveBits) << kShift1) | bits(i + 1), 2};
  if ((b0 & kThreeByteMask) == kThreeByteLead && cont(i + 1) && cont(i + 2))
    return {((b0 & kFourBits) << kShift2) | (bits(i + 1) << kShift1) | bits(i + 2), 3};
  return {b0, 1};  // 4-byte characters never matter here; step over bytes one by one
}

bool isSpace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == kNoBreakSpace ||
         (cp >= kEnQuad && cp <= kHairSpace) || cp == kNarrowNoBreakSpace || cp == kIdeographicSpace;
}
constexpr unsigned kFirstMultiByte = 0x80;  // bytes below are ASCII characters of their own
bool isTerminator(uint32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == kEllipsis; }
bool isCloser(uint32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == kRightDoubleQuote || cp == kRightSingleQuote ||
         cp == kRightGuillemet;
}
bool isOpener(uint32_t cp) {
  return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == kLeftDoubleQuote || cp == kLeftSingleQuote ||
         cp == kLeftGuillemet;
}
bool isUpper(uint32_t cp) {
  constexpr uint32_t kLatin1UpperFirst = 0xC0;
  constexpr uint32_t kLatin1UpperLast = 0xDE;
  constexpr uint32_t kMultiplication = 0xD7;
  constexpr uint32_t kLatinExtFirst = 0x100;
  constexpr uint32_t kLatinExtLast = 0x17F;
  constexpr uint32_t kGreekUpperFirst = 0x391;
  constexpr uint32_t kGreekUpperLast = 0x3A9;
  constexpr uint32_t kCyrillicUpperFirst = 0x400;
  constexpr uint32_t kCyrillicUpperLast = 0x42F;
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= kLatin1UpperFirst && cp <= kLatin1UpperLast) return cp != kMultiplication;
  if (cp >= kLatinExtFirst && cp <= kLatinExtLast) return cp % 2 == 0;  // mostly upper/lower pairs
  if (cp >= kGreekUpperFirst && cp <= kGreekUpperLast) return true;
  return cp >= kCyrillicUpperFirst && cp <= kCyrillicUpperLast;
}
bool isDigit(uint32_t cp) { return cp >= '0' && cp <= '9'; }
bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Abbreviations that take a period, as written (case-sensitive), sorted.
constexpr std::array<std::string_view, 72> kAbbreviations = {
    "Adm",  "Amb",   "Ambs",  "Apr",   "Art",    "Arts",  "Assn",  "Aug",  "Bros", "Capt", "Ch",   "Co",
    "Col",  "Corp",  "Dec",   "Dept",  "Dr",     "Ed",    "Eds",   "Esq",  "Feb",  "Fig",  "Figs", "Ft",
    "Gen",  "Gov",   "Hon",   "Inc",   "Jan",    "Jr",    "Jul",   "Jun",  "Lt",   "Ltd",  "Maj",  "Mar",
    "Messrs", "Mlle", "Mme",  "Mr",    "Mrs",    "Ms",    "Mt",    "No",   "Nos",  "Nov",  "Oct",  "Pres",
    "Prof", "Ref",   "Rep",   "Rev",   "Rt",     "Sec",   "Sen",   "Sep",  "Sept", "Sgt",  "Sr",   "St",
    "Vol",  "Vols",  "al",    "approx", "ca",    "cf",    "etc",   "ibid", "para", "paras", "pp",  "vs",
};

// True for "J", "U.N", "e.g": single letters joined by dots (the final dot is not included).
bool isInitials(std::string_view word) {
  if (word.empty()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    const bool letterSlot = i % 2 == 0;
    if (letterSlot ? !isAsciiLetter(word[i]) : word[i] != '.') return false;
  }
  return word.size() % 2 == 1;
}

bool isAbbreviation(std::string_view word) {
  if (isInitials(word)) return true;
  constexpr uint32_t kFirstLatin1Letter = 0xC0;
  const CodePoint first = decode(word, 0);
  if (!word.empty() && first.length == word.size() && first.value >= kFirstLatin1Letter) return true;  // "Š."
  return std::binary_search(kAbbreviations.begin(), kAbbreviations.end(), word);
}

// The word ending just before text[end]: back to whitespace or an opening quote or bracket.
std::string_view wordBefore(std::string_view text, size_t end) {
  size_t begin = end;
  while (begin > 0) {
    const auto c = static_cast<unsigned char>(text[begin - 1]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == '[' || c == '"' || c == '\'') break;
    if (begin >= 2 && text.substr(begin - 2, 2) == "\xC2\xA0") break;  // no-break space
    --begin;
  }
  return text.substr(begin, end - begin);
}

base::Range trimmed(std::string_view text, size_t begin, size_t end) {
  while (begin < end) {
    const CodePoint cp = decode(text, begin);
    if (!isSpace(cp.value)) break;
    begin += cp.length;
  }
  while (end > begin) {
    // Step back over one character: continuation bytes first.
    size_t start = end - 1;
    constexpr unsigned kContinuationMask = 0xC0;
    constexpr unsigned kContinuation = 0x80;
    while (start > begin && (static_cast<unsigned char>(text[start]) & kContinuationMask) == kContinuation) --start;
    if (!isSpace(decode(text, start).value)) break;
    end = start;
  }
  return {static_cast<base::Offset>(begin), static_cast<base::Offset>(end)};
}

}  // namespace

std::vector<base::Range> splitSentences(std::string_view text) {
  std::vector<base::Range> sentences;
  size_t start = 0;
  size_t i = 0;
  while (i < text.size()) {
    // Most bytes are ASCII and no terminator: skipped without decoding.
    if (const auto byte = static_cast<unsigned char>(text[i]); byte < kFirstMultiByte && !isTerminator(byte)) {
      ++i;
      continue;
    }
    const CodePoint cp = decode(text, i);
    if (!isTerminator(cp.value)) {
      i += cp.length;
      continue;
    }
    size_t j = i + cp.length;
    bool single = cp.value == '.';
    for (CodePoint next = decode(text, j); next.length != 0 && isTerminator(next.value); next = decode(text, j)) {
      j += next.length;
      single = false;
    }
    for (CodePoint next = decode(text, j); next.length != 0 && isCloser(next.value); next = decode(text, j))
      j += next.length;
    size_t k = j;
    for (CodePoint next = decode(text, k); next.length != 0 && isSpace(next.value); next = decode(text, k))
      k += next.length;
    const CodePoint after = decode(text, k);
    const bool breaks = k > j && after.length != 0 &&
                        (isUpper(after.value) || isDigit(after.value) || isOpener(after.value)) &&
                        !(single && isAbbreviation(wordBefore(text, i)));
    if (breaks) {
      const base::Range sentence = trimmed(text, start, j);
      if (!sentence.empty()) sentences.push_back(sentence);
      start = k;
    }
    i = std::max(j, i + 1);
  }
  const base::Range last = trimmed(text, start, text.size());
  if (!last.empty()) sentences.push_back(last);
  return sentences;
}

}  // namespace galley::annotate
