#include "annotate/NameSpans.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace galley::annotate {

namespace {

// Bytes of non-ASCII letters ("ğ" in "Sinirlioğlu") belong to words; typography is folded first.
constexpr unsigned kFirstNonAscii = 0x80;

bool isWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= kFirstNonAscii;
}

struct Word {
  base::Range range;
  bool capitalised = false;
  std::string lower;
  bool spaceBefore = false;  // only spaces (no punctuation, no line break of a new block) since the previous word
  bool sentenceStart = false;  // first word, or after ".", "!", "?" or ":"
};

std::vector<Word> wordsOf(std::string_view text) {
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
    // Inner hyphens and apostrophes stay in the word ("Co-operation", "Cote d'Ivoire").
    while (end < text.size() && (isWordByte(text[end]) ||
                                 ((text[end] == '-' || text[end] == '\'') && end + 1 < text.size() &&
                                  isWordByte(text[end + 1]) && end > at))) {
      ++end;
    }
    Word word;
    word.range = {static_cast<base::Offset>(at), static_cast<base::Offset>(end)};
    word.capitalised = std::isupper(static_cast<unsigned char>(text[at])) != 0;
    word.lower.reserve(end - at);
    for (size_t i = at; i < end; ++i) word.lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
    word.spaceBefore = onlySpaces;
    word.sentenceStart = sentenceStart;
    words.push_back(std::move(word));
    onlySpaces = true;
    sentenceStart = false;
    at = end;
  }
  return words;
}

}  // namespace

std::vector<base::Range> capitalisedNames(std::string_view text, const config::Lexicon& lexicon) {
  const std::vector<Word> words = wordsOf(text);
  const auto isConnector = [&](const Word& w) {
    return !w.capitalised && lexicon.contains(config::WordList::NameConnectors, w.lower);
  };
  const auto startsName = [&](const Word& w) {
    return w.capitalised && !lexicon.contains(config::WordList::NameArticles, w.lower);
  };
  std::vector<base::Range> names;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!startsName(words[i])) continue;
    // "Experts of Kazakhstan": a sentence's first word is capitalised anyway, so it starts a name
    // only when the next word is capitalised too ("Forum for ..." does not; "Security Council" does).
    if (words[i].sentenceStart &&
        !(i + 1 < words.size() && words[i + 1].spaceBefore && words[i + 1].capitalised))
      continue;
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
