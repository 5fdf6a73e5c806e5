#include "annotate/NameSpans.h"

#include <algorithm>
#include <string>

#include "base/Ascii.h"

namespace galley::annotate {

namespace {

// Bytes of non-ASCII letters ("ğ" in "Sinirlioğlu") belong to words; typography is folded first.
constexpr unsigned kFirstNonAscii = 0x80;

bool isWordByte(char c) { return base::isAsciiAlnum(c) || static_cast<unsigned char>(c) >= kFirstNonAscii; }

struct Word {
  base::Range range;
  bool capitalised = false;
  std::string_view lower;  // in the caller's lower-cased copy of the text
  bool spaceBefore = false;  // only spaces (no punctuation, no line break of a new block) since the previous word
  bool sentenceStart = false;  // first word, or after ".", "!", "?" or ":"
};

// The words of `text`; `lower` is `text` with ASCII letters in lower case.
std::vector<Word> wordsOf(std::string_view text, std::string_view lower) {
  std::vector<Word> words;
  size_t at = 0;
  bool onlySpaces = false;
  bool sentenceStart = true;
  while (at < text.size()) {
    if (!isWordByte(text[at])) {
      onlySpaces = onlySpaces && (text[at] == ' ' || text[at] == '\n');
      sentenceStart = sentenceStart || text[at] == '.' || text[at] == '!' || text[at] == '?' || text[at] == ':';
      ++at;
      continue;
    }
    size_t end = at;
    // Inner hyphens stay in the word ("Co-operation"); an apostrophe ends it, so a possessive
    // ("the Secretary General's office") ends the name before it.
    while (end < text.size() &&
           (isWordByte(text[end]) || (text[end] == '-' && end + 1 < text.size() && isWordByte(text[end + 1])))) {
      ++end;
    }
    Word word;
    word.range = {static_cast<base::Offset>(at), static_cast<base::Offset>(end)};
    // An acronym ("OSCE", "TBC") is a name of its own, never a word of a longer one.
    const bool allCaps = end - at >= 2 && std::all_of(text.begin() + static_cast<std::ptrdiff_t>(at),
                                                      text.begin() + static_cast<std::ptrdiff_t>(end),
                                                      [](char c) { return base::isAsciiUpper(c); });
    word.capitalised = base::isAsciiUpper(text[at]) && !allCaps;
    word.lower = lower.substr(at, end - at);
    word.spaceBefore = onlySpaces;
    word.sentenceStart = sentenceStart;
    words.push_back(word);
    onlySpaces = true;
    sentenceStart = false;
    at = end;
  }
  return words;
}

}  // namespace

std::vector<base::Range> capitalisedNames(std::string_view text, const config::Lexicon& lexicon) {
  const std::string lower = base::asciiLowered(text);
  const std::vector<Word> words = wordsOf(text, lower);
  const auto isConnector = [&](const Word& w) {
    return !w.capitalised && lexicon.contains(config::WordList::NameConnectors, w.lower);
  };
  const auto startsName = [&](const Word& w) {
    return w.capitalised && !lexicon.contains(config::WordList::NameArticles, w.lower);
  };
  std::vector<base::Range> names;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!startsName(words[i])) continue;
    // "Experts of Kazakhstan", "Venue TBC": a sentence's first word is capitalised anyway, so it
    // never starts a name (a name opening a sentence is found from its second word on).
    if (words[i].sentenceStart) continue;
    size_t last = i;  // the last capitalised word of the name so far
    int capitalised = 1;
    bool strongLink = false;
    for (size_t j = i + 1; j < words.size() && words[j].spaceBefore;) {
      if (words[j].capitalised) {
        strongLink = true;
        ++capitalised;
        last = j;
        ++j;
        continue;
      }
      // Up to two connectors, then a capitalised word.
      size_t k = j;
      bool weakOnly = true;
      while (k < words.size() && k < j + 2 && words[k].spaceBefore && isConnector(words[k])) {
        if (words[k].lower != "and" && words[k].lower != "the") weakOnly = false;
        ++k;
      }
      if (k == j || k >= words.size() || !words[k].spaceBefore || !words[k].capitalised) break;
      strongLink = strongLink || !weakOnly;
      ++capitalised;
      last = k;
      j = k + 1;
    }
    if (capitalised >= 2 && strongLink) {
      names.push_back({words[i].range.begin, words[last].range.end});
      i = last;
    }
  }
  return names;
}

}  // namespace galley::annotate
