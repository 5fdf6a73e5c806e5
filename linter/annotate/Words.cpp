#include "annotate/Words.h"

#include <cstdint>

namespace galley::annotate {

namespace {

// Decodes the code point at `i` (prose is valid UTF-8) and its byte length.
char32_t decode(std::string_view text, size_t i, size_t& length) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) {
    length = 1;
    return byte;
  }
  size_t count = 1;
  char32_t value = 0;
  if ((byte & 0xE0U) == 0xC0U) {
    count = 2;
    value = byte & 0x1FU;
  } else if ((byte & 0xF0U) == 0xE0U) {
    count = 3;
    value = byte & 0x0FU;
  } else {
    count = 4;
    value = byte & 0x07U;
  }
  if (i + count > text.size()) {
    length = 1;
    return 0xFFFD;
  }
  for (size_t k = 1; k < count; ++k) value = (value << 6U) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
  length = count;
  return value;
}

constexpr char32_t kRightQuote = 0x2019;
constexpr char32_t kHyphen = 0x2010;
constexpr char32_t kNonBreakingHyphen = 0x2011;

bool isLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;             // Latin-1 signs and symbols
  if (c >= 0x2000 && c <= 0x2BFF) return false;                     // punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303F) return false;                     // CJK punctuation
  if (c >= 0xFE00 && c <= 0xFFFF) return false;                     // specials, U+FFFC, U+FFFD
  return true;
}
bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool isApostrophe(char32_t c) { return c == '\'' || c == kRightQuote; }
bool isHyphen(char32_t c) { return c == '-' || c == kHyphen || c == kNonBreakingHyphen; }
bool isSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F; }

// Upper/lower case for the scripts drafts use: ASCII, Latin-1, Latin Extended-A (even/odd pairs)
// and Cyrillic. Other letters count as neither.
bool isUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 0;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}
bool isLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 1;
  if (c >= 0x430 && c <= 0x45F) return true;
  return false;
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

std::vector<Word> findWords(std::string_view prose) {
  std::vector<Word> words;
  size_t i = 0;
  size_t chunkBegin = 0;
  size_t chunkEnd = 0;
  bool chunkIsLink = false;
  while (i < prose.size()) {
    size_t length = 0;
    const char32_t c = decode(prose, i, length);
    if (!isLetter(c) && !isDigit(c)) {
      i += length;
      continue;
    }
    // The chunk (between spaces) this word starts in decides whether it is prose at all.
    if (i >= chunkEnd) {
      chunkBegin = i;
      while (chunkBegin > 0) {
        size_t l = 0;
        size_t back = chunkBegin - 1;
        while (back > 0 && (static_cast<unsigned char>(prose[back]) & 0xC0U) == 0x80U) --back;
        if (isSpace(decode(prose, back, l))) break;
        chunkBegin = back;
      }
      chunkEnd = i;
      while (chunkEnd < prose.size()) {
        size_t l = 0;
        if (isSpace(decode(prose, chunkEnd, l))) break;
        chunkEnd += l;
      }
      chunkIsLink = isLinkChunk(prose.substr(chunkBegin, chunkEnd - chunkBegin));
    }
    Word word;
    word.inLink = chunkIsLink;
    const size_t begin = i;
    size_t end = i;
    bool sawLower = false;
    size_t upperCount = 0;
    size_t letterCount = 0;
    bool first = true;
    while (i < prose.size()) {
      const char32_t d = decode(prose, i, length);
      if (isLetter(d) || isDigit(d)) {
        if (isDigit(d)) word.hasDigit = true;
        if (isLetter(d)) {
          ++letterCount;
          if (isUpper(d)) {
            ++upperCount;
            if (first) word.capitalised = true;
            if (sawLower) word.mixedCase = true;
          } else if (isLower(d)) {
            sawLower = true;
          }
          first = false;
        }
        i += length;
        end = i;
        continue;
      }
      // An apostrophe or hyphen joins two letters ("O'Neill", "co-operation").
      if (isApostrophe(d) || isHyphen(d)) {
        size_t nextLength = 0;
        if (i + length < prose.size()) {
          const char32_t next = decode(prose, i + length, nextLength);
          if (isLetter(next) || isDigit(next)) {
            if (isHyphen(d)) word.hyphenated = true;
            i += length;
            continue;
          }
        }
      }
      break;
    }
    word.allCaps = upperCount >= 2 && !sawLower;
    if (letterCount == 0) word.hasDigit = true;
    // A possessive: "Xi's", "Xi’s" (left out of the word).
    std::string_view text = prose.substr(begin, end - begin);
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
