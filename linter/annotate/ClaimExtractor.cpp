#include "annotate/ClaimExtractor.h"

#include <algorithm>
#include <array>

#include "annotate/SentenceSplitter.h"
#include "base/Ascii.h"

namespace galley::annotate {

using facts::Entity;
using facts::EntityIndex;
using facts::EntityKind;
using facts::FactBase;
using facts::PlaceValue;

namespace {

struct Word {
  base::Range range;
  std::string lower;
};

using base::isAsciiAlnum;

bool isTensWord(std::string_view word) {
  return word == "twenty" || word == "thirty" || word == "forty" || word == "fifty" || word == "sixty" ||
         word == "seventy" || word == "eighty" || word == "ninety";
}

std::vector<Word> words(std::string_view text, base::Range within) {
  std::vector<Word> out;
  size_t i = within.begin;
  while (i < within.end) {
    if (!isAsciiAlnum(text[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    Word word;
    while (i < within.end && isAsciiAlnum(text[i])) {
      const char c = text[i++];
      word.lower.push_back(base::asciiLower(c));
      // "sixty-first" is one word (an ordinal), not "sixty" and "first".
      if (i + 1 < within.end && text[i] == '-' && isAsciiAlnum(text[i + 1]) && isTensWord(word.lower)) {
        word.lower.push_back('-');
        ++i;
      }
    }
    word.range = {static_cast<base::Offset>(start), static_cast<base::Offset>(i)};
    out.push_back(std::move(word));
  }
  return out;
}

// "sixtieth" -> 60, "seventy-first" -> 71 (lower case; 1 to 99).
std::optional<int> wordOrdinalOf(std::string_view word) {
  static constexpr std::array<std::string_view, 20> kUnits = {
      "",        "first",   "second",  "third",      "fourth",     "fifth",     "sixth",
      "seventh", "eighth",  "ninth",   "tenth",      "eleventh",   "twelfth",   "thirteenth",
      "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
  static constexpr std::array<std::string_view, 10> kTensOrdinal = {
      "", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"};
  static constexpr std::array<std::string_view, 10> kTens = {
      "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  constexpr int kTen = 10;
  for (size_t i = 1; i < kUnits.size(); ++i)
    if (word == kUnits[i]) return static_cast<int>(i);
  for (size_t i = 2; i < kTensOrdinal.size(); ++i)
    if (word == kTensOrdinal[i]) return static_cast<int>(i) * kTen;
  const size_t dash = word.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto* const tens = std::find(kTens.begin() + 2, kTens.end(), word.substr(0, dash));
  const auto* const unit = std::find(kUnits.begin() + 1, kUnits.begin() + kTen, word.substr(dash + 1));
  if (tens == kTens.end() || unit == kUnits.begin() + kTen) return std::nullopt;
  return static_cast<int>(tens - kTens.begin()) * kTen + static_cast<int>(unit - kUnits.begin());
}

// "60th" -> 60; "1st", "2nd", "3rd", "11th" accepted without checking the suffix's agreement;
// ordinals in words too ("sixtieth").
std::optional<int> ordinalOf(std::string_view word) {
  // Every ordinal, in words too ("first", "second", "third", "sixtieth"), ends so: asked of every
  // word, this test turns most away before the word lists.
  constexpr size_t kSuffix = 2;
  if (word.size() <= kSuffix) return std::nullopt;
  const std::string_view suffix = word.substr(word.size() - kSuffix);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
  if (const auto spelled = wordOrdinalOf(word)) return spelled;
  int value = 0;
  for (const char c : word.substr(0, word.size() - kSuffix)) {
    if (c < '0' || c > '9') return std::nullopt;
    constexpr int kBase = 10;
    // Past any session or anniversary, and well before int overflows (found by fuzz_plain_text).
    constexpr int kLargest = 1'000'000;
    value = value * kBase + (c - '0');
    if (value > kLargest) return std::nullopt;
  }
  return value > 0 ? std::optional<int>(value) : std::nullopt;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}


}  // namespace

std::string_view claimKindName(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::Date: return "date";
    case ClaimKind::Place: return "place";
    case ClaimKind::Founded: return "founded";
    case ClaimKind::Since: return "since";
    case ClaimKind::Ordinal: return "ordinal";
  }
  return "date";
}

std::vector<Claim> ClaimExtractor::extract(const document::Document& document, const MentionSet& mentions) const {
  return extract(document, mentions, dates_);
}

std::vector<Claim> ClaimExtractor::extract(const document::Document& document, const MentionSet& mentions,
                                           const DateFinder& dates) const {
  std::vector<Claim> out;
  // Mentions are in document order: visit only blocks that have one.
  for (size_t m = 0; m < mentions.mentions.size();) {
    const uint32_t block = mentions.mentions[m].block;
    if (block < document.blocks.size()) {
      const auto& prose = document.blocks[block].prose;
      extractBlock(prose.text(), block, &prose, mentions, out, dates);
    }
    while (m < mentions.mentions.size() && mentions.mentions[m].block == block) ++m;
  }
  extractTables(document, mentions, dates, out);
  return out;
}

namespace {

// Extracts the claims of one block. Lives for one extractBlock() call.
class BlockClaims {
 public:
  BlockClaims(const FactBase& facts, const config::Lexicon& lexicon, const MentionSet& mentions, std::string_view prose,
              uint32_t block, const document::ProseText* map, std::vector<FoundDate> dates, std::vector<Claim>& out)
      : facts_(facts), lexicon_(lexicon), mentions_(mentions), prose_(prose), block_(block), map_(map), dates_(std::move(dates)),
        dateUsed_(dates_.size(), false), dateStatedFor_(dates_.size()), placeUsed_(mentions.mentions.size(), false), out_(out) {}

  void run(const std::vector<size_t>& blockMentions) {
    for (const base::Range sentence : annotate::splitSentences(prose_)) {
      sentence_ = sentence;
      inSentence_.clear();
      for (const size_t m : blockMentions)
        if (sentence.contains(mentionAt(m).prose)) inSentence_.push_back(m);
      if (inSentence_.empty()) continue;
      for (const size_t m : inSentence_)
        if (isSubject(m)) parenthetical(m);
      for (const size_t m : inSentence_)
        if (isEventLike(m) && kindOf(m) != EntityKind::RecurringSession) attributive(m);
      words_ = words(prose_, sentence);
      ordinals_.clear();
      for (size_t w = 0; w < words_.size(); ++w) wordCue(w);
      for (const size_t claim : ordinals_) dateOrdinal(out_[claim]);
    }
  }

 private:
  [[nodiscard]] const Mention& mentionAt(size_t m) const { return mentions_.mentions[m]; }
  [[nodiscard]] EntityKind kindOf(size_t m) const { return facts_.entity(mentionAt(m).entity).kind; }
  [[nodiscard]] bool isSubject(size_t m) const {
    const EntityKind kind = kindOf(m);
    return kind != EntityKind::Person && kind != EntityKind::Place && kind != EntityKind::Office;
  }
  [[nodiscard]] bool isEventLike(size_t m) const {
    const EntityKind kind = kindOf(m);
    return kind == EntityKind::Agreement || kind == EntityKind::Document || kind == EntityKind::Event ||
           kind == EntityKind::RecurringSession;
  }

  Claim& emit(ClaimKind kind, size_t mention, base::Range range, std::string cue) {
    Claim claim;
    claim.kind = kind;
    claim.mention = mention;
    claim.block = block_;
    claim.prose = range;
    claim.source = map_ != nullptr ? map_->toSource(range) : range;
    claim.cue = std::move(cue);
    out_.push_back(std::move(claim));
    return out_.back();
  }
  void emitDate(ClaimKind kind, size_t mention, size_t date, std::string cue) {
    dateUsed_[date] = true;
    dateStatedFor_[date] = {kind, mention};
    emit(kind, mention, dates_[date].range, std::move(cue)).date = dates_[date].value;
  }
  void emitPlace(size_t mention, size_t place, std::string cue) {
    placeUsed_[place] = true;
    const EntityIndex entity = mentionAt(place).entity;
    emit(ClaimKind::Place, mention, mentionAt(place).prose, std::move(cue)).place =
        PlaceValue{entity, facts_.entity(entity).name};
  }

  // Words (alphanumeric runs) in prose_[from, to).
  [[nodiscard]] size_t wordCount(base::Offset from, base::Offset to) const {
    size_t count = 0;
    bool inWord = false;
    for (base::Offset i = from; i < to && i < prose_.size(); ++i) {
      const bool alnum = isAsciiAlnum(prose_[i]);
      if (alnum && !inWord) ++count;
      inWord = alnum;
    }
    return count;
  }

  // Words in prose_[from, to), a date and the preposition before it counted as none: a date set
  // off between a place and its subject ("It was in Dushanbe, on 14 June 2011, that ...") does not
  // part them.
  [[nodiscard]] size_t wordsBetween(base::Offset from, base::Offset to) const {
    size_t count = wordCount(from, to);
    for (const auto& date : dates_) {
      if (date.range.begin >= from && date.range.end <= to)
        count -= std::min(count, wordCount(date.range.begin, date.range.end) + 1);
    }
    return count;
  }

  [[nodiscard]] std::vector<size_t> datesIn(base::Offset from, base::Offset to) const {
    std::vector<size_t> found;
    for (size_t d = 0; d < dates_.size(); ++d)
      if (!dateUsed_[d] && dates_[d].range.begin >= from && dates_[d].range.end <= to) found.push_back(d);
    return found;
  }
  [[nodiscard]] std::vector<size_t> placesIn(base::Offset from, base::Offset to) const {
    std::vector<size_t> found;
    for (const size_t m : inSentence_) {
      const auto& range = mentionAt(m).prose;
      if (!placeUsed_[m] && kindOf(m) == EntityKind::Place && range.begin >= from && range.end <= to)
        found.push_back(m);
    }
    return found;
  }
  template <typename Predicate>
  [[nodiscard]] std::optional<size_t> nearestBefore(base::Offset offset, Predicate predicate) const {
    std::optional<size_t> best;
    for (const size_t m : inSentence_)
      if (predicate(m) && mentionAt(m).prose.end <= offset) best = m;
    return best;
  }
  template <typename Predicate>
  [[nodiscard]] std::optional<size_t> firstAfter(base::Offset offset, Predicate predicate) const {
    for (const size_t m : inSentence_)
      if (predicate(m) && mentionAt(m).prose.begin >= offset) return m;
    return std::nullopt;
  }
  // The mention before `offset`, else the first after `after`, that `predicate` accepts.
  template <typename Predicate>
  [[nodiscard]] std::optional<size_t> subjectAround(base::Offset offset, base::Offset after, Predicate predicate) const {
    auto subject = nearestBefore(offset, predicate);
    return subject ? subject : firstAfter(after, predicate);
  }
  [[nodiscard]] std::optional<size_t> mentionStartingAt(size_t offset) const {
    while (offset < sentence_.end && prose_[offset] == ' ') ++offset;
    for (const size_t m : inSentence_)
      if (mentionAt(m).prose.begin == offset) return m;
    return std::nullopt;
  }

  // "(Astana, 14 June 2011)" right after mention `m`; in a list item or a caption, also
  // "X: Astana, 14 June 2011" and "X — Astana, 14 June 2011", when nothing but a place and a date
  // follows. "(created in 1997)" is a founding date.
  void parenthetical(size_t m) {
    size_t pos = mentionAt(m).prose.end;
    while (pos < sentence_.end && prose_[pos] == ' ') ++pos;
    if (pos >= sentence_.end) return;
    base::Offset from = 0;
    base::Offset to = 0;
    if (prose_[pos] == '(') {
      const size_t close = prose_.find(')', pos);
      if (close == std::string_view::npos || close > sentence_.end) return;
      from = static_cast<base::Offset>(pos + 1);
      to = static_cast<base::Offset>(close);
      if (parentheticalFounding(m, from, to)) return;
    } else if (const size_t skip = separatorLength(pos); skip > 0) {
      from = static_cast<base::Offset>(pos + skip);
      to = static_cast<base::Offset>(sentence_.end);
      while (to > from && (prose_[to - 1] == '.' || prose_[to - 1] == ' ' || prose_[to - 1] == ';')) --to;
      if (!onlyPlaceAndDate(from, to)) return;
    } else {
      return;
    }
    const std::vector<size_t> inside = datesIn(from, to);
    for (const size_t d : inside) emitDate(ClaimKind::Date, m, d, "parenthetical");
    const std::vector<size_t> places = placesIn(from, to);
    for (const size_t p : places) emitPlace(m, p, "parenthetical");
    if (places.empty() && !inside.empty()) freePlace(m, from, to, inside);
  }

  // ":" or a spaced dash (" — ", " – ") at `pos`: its length with the space after, else 0.
  [[nodiscard]] size_t separatorLength(size_t pos) const {
    const std::string_view rest = prose_.substr(pos);
    if (rest.starts_with(": ")) return 2;
    if (pos > 0 && prose_[pos - 1] == ' ' &&
        (rest.starts_with("\xE2\x80\x94 ") || rest.starts_with("\xE2\x80\x93 ")))
      return 4;
    return 0;
  }

  // True when prose_[from, to) is a date and at most one place: "Astana, 14 June 2011",
  // "14 June 2011, Astana" (comma-separated parts; the place one to three capitalised words).
  [[nodiscard]] bool onlyPlaceAndDate(base::Offset from, base::Offset to) const {
    const std::vector<size_t> inside = datesIn(from, to);
    if (inside.size() != 1) return false;
    const base::Range date = dates_[inside.front()].range;
    int places = 0;
    size_t partBegin = from;
    while (partBegin < to) {
      size_t partEnd = prose_.find(',', partBegin);
      if (partEnd == std::string_view::npos || partEnd > to) partEnd = to;
      const std::string_view part = trim(prose_.substr(partBegin, partEnd - partBegin));
      const auto partStart = static_cast<base::Offset>(part.data() - prose_.data());
      const base::Range range{partStart, static_cast<base::Offset>(partStart + part.size())};
      if (date.overlaps(range) && !(date.begin <= range.begin && range.end <= date.end)) return false;  // more than the date
      if (!part.empty() && !date.overlaps(range)) {
        const std::vector<Word> partWords = words(prose_, range);
        constexpr size_t kMaxPlaceWords = 3;
        if (partWords.empty() || partWords.size() > kMaxPlaceWords || ++places > 1) return false;
        for (const Word& word : partWords)
          if (prose_[word.range.begin] < 'A' || prose_[word.range.begin] > 'Z') return false;
      }
      partBegin = partEnd + 1;
    }
    return true;
  }

  // "(created in 1997)", "(established in 1946)": a founding date, not a date of signing.
  bool parentheticalFounding(size_t m, base::Offset from, base::Offset to) {
    const std::vector<Word> inside = words(prose_, {from, to});
    if (inside.empty()) return false;
    const bool setUp = inside.size() > 1 && inside[0].lower == "set" && inside[1].lower == "up";
    if (!setUp && !lexicon_.contains(config::WordList::FoundingVerbs, inside[0].lower)) return false;
    const base::Offset cueEnd = setUp ? inside[1].range.end : inside[0].range.end;
    const std::vector<size_t> found = datesIn(cueEnd, to);
    if (found.empty()) return true;
    const std::string_view gap = trim(prose_.substr(cueEnd, dates_[found.front()].range.begin - cueEnd));
    if (gap == "in" || gap == "on" || gap.empty()) emitDate(ClaimKind::Founded, m, found.front(), setUp ? "set up" : inside[0].lower);
    return true;
  }

  // "the June 2011 Memorandum" (a date right before the mention, after "the" or at the start of
  // the sentence) and "the Joint Declaration of 5 April 2010" (a date right after "of").
  void attributive(size_t m) {
    const base::Range mention = mentionAt(m).prose;
    for (size_t d = 0; d < dates_.size(); ++d) {
      if (dateUsed_[d] || !sentence_.contains(dates_[d].range)) continue;
      const base::Range date = dates_[d].range;
      if (date.end <= mention.begin && trim(prose_.substr(date.end, mention.begin - date.end)).empty()) {
        const std::string_view before = trim(prose_.substr(sentence_.begin, date.begin - sentence_.begin));
        if (before.empty() || before.ends_with(" the") || before == "the" || before == "The" ||
            before.ends_with(" The")) {
          emitDate(ClaimKind::Date, m, d, "attributive");
          return;
        }
      }
      if (date.begin >= mention.end && trim(prose_.substr(mention.end, date.begin - mention.end)) == "of") {
        emitDate(ClaimKind::Date, m, d, "of");
        return;
      }
    }
  }

  // A place the fact base does not know: the first capitalised part that is not a date.
  void freePlace(size_t m, base::Offset from, base::Offset to, const std::vector<size_t>& inside) {
    size_t partBegin = from;
    while (partBegin < to) {
      size_t partEnd = prose_.find(',', partBegin);
      if (partEnd == std::string_view::npos || partEnd > to) partEnd = to;
      const std::string_view part = trim(prose_.substr(partBegin, partEnd - partBegin));
      const auto partStart = static_cast<base::Offset>(part.data() - prose_.data());
      const base::Range partRange{partStart, static_cast<base::Offset>(partStart + part.size())};
      const bool isDate =
          std::any_of(inside.begin(), inside.end(), [&](size_t d) { return dates_[d].range.overlaps(partRange); });
      if (!part.empty() && !isDate && part.front() >= 'A' && part.front() <= 'Z') {
        emit(ClaimKind::Place, m, partRange, "parenthetical").place = PlaceValue{std::nullopt, std::string(part)};
        return;
      }
      partBegin = partEnd + 1;
    }
  }

  void wordCue(size_t w) {
    const Word& word = words_[w];
    if (const auto ordinal = ordinalOf(word.lower)) {
      sessionOrdinal(w, *ordinal);
    } else if (lexicon_.contains(config::WordList::EventVerbs, word.lower)) {
      eventCue(word);
    } else if (word.lower == "set" && w + 1 < words_.size() && words_[w + 1].lower == "up") {
      foundingCue(word.range.begin, words_[w + 1].range.end, "set up");
    } else if (lexicon_.contains(config::WordList::FoundingVerbs, word.lower)) {
      foundingCue(word.range.begin, word.range.end, word.lower);
    } else if (word.lower == "since") {
      sinceCue(word);
    }
  }

  // "<N>th session of [the] <mention>" or "<mention>'s <N>th session".
  void sessionOrdinal(size_t w, int ordinal) {
    const Word& word = words_[w];
    if (w + 1 >= words_.size()) return;
    // "the first meeting of the Council since its enlargement", "its first session in the new
    // format": "first" in words describes more often than it numbers. "1st" still counts.
    if (word.lower == "first") return;
    const std::string_view noun = words_[w + 1].lower;
    const auto calls = [&](size_t m) { return callsASession(m, noun); };
    if (std::none_of(inSentence_.begin(), inSentence_.end(), calls)) return;
    if (w + 2 < words_.size() && words_[w + 2].lower == "of") {
      size_t after = words_[w + 2].range.end;
      if (w + 3 < words_.size() && words_[w + 3].lower == "the" &&
          trim(prose_.substr(after, words_[w + 3].range.begin - after)).empty())
        after = words_[w + 3].range.end;
      if (const auto m = mentionStartingAt(after); m && isSubject(*m) && calls(*m)) emitOrdinal(*m, word.range, ordinal);
      return;
    }
    constexpr base::Offset kPossessiveGap = 5;  // "’s " is five bytes
    const auto owner = nearestBefore(word.range.begin, [&](size_t m) {
      return isSubject(m) && calls(m) && mentionAt(m).possessive &&
             word.range.begin - mentionAt(m).prose.end <= kPossessiveGap;
    });
    if (owner) {
      emitOrdinal(*owner, word.range, ordinal);
      return;
    }
    // "at its 61st session, the Commission ...": the one session series the sentence names.
    if (w == 0 || !lexicon_.contains(config::WordList::Determiners, words_[w - 1].lower)) return;
    std::optional<size_t> series;
    for (const size_t m : inSentence_) {
      if (kindOf(m) != EntityKind::RecurringSession || !calls(m)) continue;
      if (series && mentionAt(*series).entity != mentionAt(m).entity) return;  // two series: silent
      if (!series) series = m;
    }
    if (series) emitOrdinal(*series, word.range, ordinal);
  }

  // True when `noun` after an ordinal names one of mention `m`'s sessions: its entity's
  // session-words, "session" by default ("the 60th session of the CND", "the 17th meeting of the
  // Council of Heads of State"; not "the 5th meeting of the CND", a meeting within a session).
  [[nodiscard]] bool callsASession(size_t m, std::string_view noun) const {
    const std::vector<std::string>& words = facts_.entity(mentionAt(m).entity).sessionWords;
    if (words.empty()) return noun == "session";
    return std::find(words.begin(), words.end(), noun) != words.end();
  }

  void emitOrdinal(size_t mention, base::Range range, int ordinal) {
    emit(ClaimKind::Ordinal, mention, range, "session").ordinal = ordinal;
    ordinals_.push_back(out_.size() - 1);
  }

  // Sets the date an ordinal claim's sentence gives it (Claim::judgedAt), from the sentence's dates
  // that no other statement took (a founding year, another mention's date of signing).
  void dateOrdinal(Claim& claim) const {
    std::vector<size_t> inSentence;
    for (size_t d = 0; d < dates_.size(); ++d) {
      const auto& statedFor = dateStatedFor_[d];
      const bool other = statedFor && (statedFor->first != ClaimKind::Date || statedFor->second != claim.mention);
      if (sentence_.contains(dates_[d].range) && !other && !isAttributiveYear(dates_[d].range)) inSentence.push_back(d);
    }
    if (inSentence.empty()) return;
    const base::Range first = dates_[inSentence.front()].range;
    const std::string opener = base::asciiLowered(trim(prose_.substr(sentence_.begin, first.begin - sentence_.begin)));
    const bool opens = first.end <= claim.prose.begin &&
                       (opener.empty() || lexicon_.contains(config::WordList::DateOpeners, opener));
    if (opens || inSentence.size() == 1) {
      claim.judgedAt = dates_[inSentence.front()].value;
    } else {
      claim.dateUncertain = true;
    }
  }

  // "with an eye on the 2016 drug meeting": a year written right before a lower-case word that is
  // no verb, preposition, determiner or clause opener of the lexicon is that other thing's year,
  // not a date the sentence states.
  [[nodiscard]] bool isAttributiveYear(base::Range date) const {
    constexpr size_t kYearDigits = 4;
    const std::string_view text = prose_.substr(date.begin, date.size());
    if (text.size() != kYearDigits || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return false;
    const auto next = std::lower_bound(words_.begin(), words_.end(), date.end,
                                       [](const Word& word, base::Offset at) { return word.range.begin < at; });
    if (next == words_.end() || prose_.substr(date.end, next->range.begin - date.end) != " ") return false;
    const char first = prose_[next->range.begin];
    if (first < 'a' || first > 'z') return false;
    static constexpr std::array kFunctionWords = {
        config::WordList::ClauseOpeners, config::WordList::Determiners,     config::WordList::NameConnectors,
        config::WordList::DateOpeners,   config::WordList::PassiveAuxiliaries, config::WordList::PastCues,
        config::WordList::FutureCues,    config::WordList::ModalCues,       config::WordList::PastBreakers,
        config::WordList::FutureBreakers, config::WordList::EventVerbs,     config::WordList::FoundingVerbs};
    return std::none_of(kFunctionWords.begin(), kFunctionWords.end(),
                        [&](config::WordList list) { return lexicon_.contains(list, next->lower); });
  }

  // "signed / concluded / adopted / held": places and dates of the nearest event-like mention.
  void eventCue(const Word& word) {
    const auto eventLike = [this](size_t m) { return isEventLike(m); };
    // "X was signed in Astana": a passive cue's subject stands before it. When that subject is
    // an instrument the fact base does not know, a known one later in the sentence is not it.
    const auto w = static_cast<size_t>(&word - words_.data());
    const bool passive = w > 0 && lexicon_.contains(config::WordList::PassiveAuxiliaries, words_[w - 1].lower);
    const auto subject = passive ? nearestBefore(word.range.begin, eventLike)
                                 : subjectAround(word.range.begin, word.range.end, eventLike);
    if (!subject) return;
    base::Offset clauseEnd = sentence_.end;
    // "... was signed; today the Secretary-General recalled it": a semicolon ends the clause.
    if (const size_t semicolon = prose_.find(';', word.range.end); semicolon < sentence_.end)
      clauseEnd = static_cast<base::Offset>(semicolon);
    for (const size_t m : inSentence_) {
      if (m != *subject && isEventLike(m) && mentionAt(m).prose.begin > word.range.end &&
          mentionAt(m).prose.begin < clauseEnd) {
        clauseEnd = mentionAt(m).prose.begin;
        break;
      }
    }
    auto places = placesIn(word.range.end, clauseEnd);
    if (places.empty()) {
      // "It was in Bishkek that the Memorandum was signed", "In Bishkek, the Memorandum was
      // signed": a place right before the subject. Farther back it may be where someone spoke.
      const auto before = placesIn(sentence_.begin, mentionAt(*subject).prose.begin);
      constexpr size_t kNearWords = 2;
      if (!before.empty() && wordsBetween(mentionAt(before.back()).prose.end, mentionAt(*subject).prose.begin) <= kNearWords)
        places.push_back(before.back());
    }
    if (!places.empty()) {
      emitPlace(*subject, places.front(), word.lower);
    } else {
      freePlaceAfterCue(*subject, word, clauseEnd);
    }
    const base::Offset afterSubject = std::max(word.range.end, mentionAt(*subject).prose.end);
    auto found = datesIn(afterSubject, clauseEnd);
    if (found.empty()) found = datesIn(sentence_.begin, mentionAt(*subject).prose.begin);
    if (!found.empty()) emitDate(ClaimKind::Date, *subject, found.front(), word.lower);
  }

  // "signed in Nairobi on …": a place the fact base does not know, written right after the cue
  // as "in" and capitalised words that are neither a date nor a known entity.
  void freePlaceAfterCue(size_t subject, const Word& cue, base::Offset clauseEnd) {
    const auto w = static_cast<size_t>(&cue - words_.data());
    if (w + 2 >= words_.size() || words_[w + 1].lower != "in") return;
    const auto isCapitalised = [&](size_t i) {
      const char first = prose_[words_[i].range.begin];
      return first >= 'A' && first <= 'Z';
    };
    size_t last = w + 2;
    if (!isCapitalised(last) || words_[last].range.end > clauseEnd) return;
    while (last + 1 < words_.size() && isCapitalised(last + 1) &&
           trim(prose_.substr(words_[last].range.end, words_[last + 1].range.begin - words_[last].range.end)).empty())
      ++last;
    const base::Range name{words_[w + 2].range.begin, words_[last].range.end};
    // "signed in English and Russian": the languages of a text, not where it was signed.
    if (lexicon_.contains(config::WordList::NotPlaces, words_[w + 2].lower)) return;
    // "signed in June 2011": a date (used or not by another claim), not a place.
    if (std::any_of(dates_.begin(), dates_.end(), [&](const auto& date) { return date.range.overlaps(name); })) return;
    for (const size_t m : inSentence_) {
      if (mentionAt(m).prose.overlaps(name)) return;  // a known entity, not a place name
    }
    emit(ClaimKind::Place, subject, name, cue.lower).place =
        PlaceValue{std::nullopt, std::string(prose_.substr(name.begin, name.size()))};
  }

  // "established in 1997": the founding date of the nearest subject.
  void foundingCue(base::Offset cueBegin, base::Offset cueEnd, const std::string& cue) {
    const auto found = datesIn(cueEnd, sentence_.end);
    if (found.empty()) return;
    const std::string_view gap = trim(prose_.substr(cueEnd, dates_[found.front()].range.begin - cueEnd));
    if (gap != "in" && gap != "on" && !gap.empty()) return;
    // The subject stands before the verb ("UNODC, created in 1997,") or, when the verb opens the
    // sentence, after it ("Founded in 2001, the SCO ..."); never after it otherwise ("A national
    // agency, founded in 1999, joined the SCO experts" is not about the SCO).
    const auto isSubjectMention = [this](size_t m) { return isSubject(m); };
    auto subject = nearestBefore(cueBegin, isSubjectMention);
    if (!subject && trim(prose_.substr(sentence_.begin, cueBegin - sentence_.begin)).empty())
      subject = firstAfter(cueEnd, isSubjectMention);
    if (subject) emitDate(ClaimKind::Founded, *subject, found.front(), cue);
  }

  // "since 2004": the start of the nearest subject.
  void sinceCue(const Word& word) {
    const auto found = datesIn(word.range.end, sentence_.end);
    if (found.empty() || !trim(prose_.substr(word.range.end, dates_[found.front()].range.begin - word.range.end)).empty())
      return;
    const auto subject = subjectAround(word.range.begin, word.range.end, [this](size_t m) { return isSubject(m); });
    if (subject) emitDate(ClaimKind::Since, *subject, found.front(), "since");
  }

  const FactBase& facts_;
  const config::Lexicon& lexicon_;
  const MentionSet& mentions_;
  std::string_view prose_;
  uint32_t block_;
  const document::ProseText* map_;
  std::vector<FoundDate> dates_;
  std::vector<bool> dateUsed_;
  // Per date: the claim that took it (kind, mention), so an ordinal is not dated by a founding
  // year or by another instrument's date of signing.
  std::vector<std::optional<std::pair<ClaimKind, size_t>>> dateStatedFor_;
  std::vector<size_t> ordinals_;  // indices into out_ of this sentence's ordinal claims, dated at its end
  std::vector<bool> placeUsed_;
  std::vector<Claim>& out_;
  base::Range sentence_;
  std::vector<size_t> inSentence_;
  std::vector<Word> words_;
};

}  // namespace

namespace {

// The source line holding `offset`: [begin, end) without its line break.
base::Range lineAround(std::string_view source, size_t offset) {
  const size_t newline = offset == 0 ? std::string_view::npos : source.rfind('\n', offset - 1);
  const size_t begin = newline == std::string_view::npos ? 0 : newline + 1;
  size_t end = source.find('\n', offset);
  if (end == std::string_view::npos) end = source.size();
  if (end > begin && source[end - 1] == '\r') --end;
  return {static_cast<base::Offset>(begin), static_cast<base::Offset>(end)};
}

// The cells of a table row as written: "| a | b |" -> {"a", "b"} (trimmed).
std::vector<std::string_view> rowCells(std::string_view line) {
  line = trim(line);
  if (line.starts_with('|')) line.remove_prefix(1);
  if (line.ends_with('|')) line.remove_suffix(1);
  std::vector<std::string_view> cells;
  size_t begin = 0;
  while (true) {
    const size_t bar = line.find('|', begin);
    cells.push_back(trim(line.substr(begin, bar == std::string_view::npos ? std::string_view::npos : bar - begin)));
    if (bar == std::string_view::npos) break;
    begin = bar + 1;
  }
  return cells;
}

// "|---|:--:|": a GFM delimiter row.
bool isDelimiterRow(std::string_view line) {
  line = trim(line);
  return !line.empty() && line.find('-') != std::string_view::npos &&
         line.find_first_not_of("|:- \t") == std::string_view::npos;
}

// The column of a cell starting at source offset `at` on the line [line.begin, line.end).
size_t columnOf(std::string_view source, base::Range line, size_t at) {
  const std::string_view before = trim(source.substr(line.begin, at - line.begin));
  size_t bars = static_cast<size_t>(std::count(before.begin(), before.end(), '|'));
  if (before.starts_with('|')) --bars;
  return bars;
}

}  // namespace

namespace {

// The header row of the table holding the row at `row`: the line above the delimiter row above
// it, every line between being a table row. nullopt when `row` is itself the header or no
// delimiter row is found.
std::optional<base::Range> tableHeaderOf(std::string_view source, base::Range row) {
  base::Range line = row;
  while (line.begin > 0) {
    line = lineAround(source, line.begin - 1);
    const std::string_view text = source.substr(line.begin, line.size());
    if (isDelimiterRow(text)) {
      if (line.begin == 0) return std::nullopt;
      return lineAround(source, line.begin - 1);
    }
    if (!trim(text).starts_with('|')) return std::nullopt;
  }
  return std::nullopt;
}

bool isClaimSubject(EntityKind kind) {
  return kind != EntityKind::Person && kind != EntityKind::Place && kind != EntityKind::Office;
}

}  // namespace

std::optional<size_t> ClaimExtractor::rowSubject(const MentionSet& mentions, const std::vector<uint32_t>& cells) const {
  std::optional<size_t> subject;
  for (size_t n = 0; n < mentions.mentions.size(); ++n) {
    const Mention& other = mentions.mentions[n];
    if (std::find(cells.begin(), cells.end(), other.block) == cells.end() ||
        !isClaimSubject(facts_.entity(other.entity).kind))
      continue;
    if (subject && mentions.mentions[*subject].entity != other.entity) return std::nullopt;  // two entities
    if (!subject) subject = n;
  }
  return subject;
}

void ClaimExtractor::cellClaim(const document::Document& document, const MentionSet& mentions, size_t subject,
                               uint32_t block, CellType type, const DateFinder& dates, std::vector<Claim>& out) const {
  const document::Block& value = document.blocks[block];
  const std::string_view prose = value.prose.text();
  const std::string_view text = trim(prose);
  if (text.empty()) return;
  const auto textBegin = static_cast<base::Offset>(text.data() - prose.data());
  const base::Range whole{textBegin, static_cast<base::Offset>(textBegin + text.size())};
  const auto emit = [&](ClaimKind claimKind) -> Claim& {
    Claim claim;
    claim.kind = claimKind;
    claim.mention = subject;
    claim.block = block;
    claim.prose = whole;
    claim.source = value.prose.toSource(whole);
    claim.cue = "table";
    out.push_back(std::move(claim));
    return out.back();
  };
  const std::vector<FoundDate> found = dates.findInBlock(prose, block);
  if (type != CellType::Place && found.size() == 1 && found.front().range == whole) {
    emit(ClaimKind::Date).date = found.front().value;
    return;
  }
  if (type == CellType::Date || !found.empty()) return;
  // A place: a known place mention filling the cell, else (under a place header) the cell's words.
  std::optional<facts::PlaceValue> place;
  for (const Mention& other : mentions.mentions) {
    if (other.block == block && other.prose == whole && facts_.entity(other.entity).kind == EntityKind::Place)
      place = facts::PlaceValue{other.entity, facts_.entity(other.entity).name};
  }
  if (!place && type == CellType::Place && text.front() >= 'A' && text.front() <= 'Z')
    place = facts::PlaceValue{std::nullopt, std::string(text)};
  if (place) emit(ClaimKind::Place).place = std::move(place);
}

void ClaimExtractor::extractTables(const document::Document& document, const MentionSet& mentions,
                                   const DateFinder& dates, std::vector<Claim>& out) const {
  const std::string_view source = document.source.text();
  std::optional<base::Offset> lastRow;  // one row at a time: the row of the first subject mention met
  for (const Mention& mention : mentions.mentions) {
    const document::Block& cell = document.blocks[mention.block];
    if (cell.kind != document::BlockKind::TableCell || !isClaimSubject(facts_.entity(mention.entity).kind)) continue;
    const base::Range row = lineAround(source, cell.source.begin);
    if (lastRow && *lastRow == row.begin) continue;
    lastRow = row.begin;
    const auto header = tableHeaderOf(source, row);
    if (!header) continue;  // a header cell states nothing
    const std::vector<std::string_view> headings = rowCells(source.substr(header->begin, header->size()));
    const bool blankHeader = std::all_of(headings.begin(), headings.end(), [](auto h) { return h.empty(); });
    // The row's cells: blocks are in source order, so they are one run, found by binary search.
    std::vector<uint32_t> cells;
    const auto firstCell = std::partition_point(document.blocks.begin(), document.blocks.end(),
                                                [&](const document::Block& b) { return b.source.begin < row.begin; });
    for (auto it = firstCell; it != document.blocks.end() && it->source.begin < row.end; ++it)
      if (it->kind == document::BlockKind::TableCell) cells.push_back(static_cast<uint32_t>(it - document.blocks.begin()));
    const auto subject = rowSubject(mentions, cells);  // exactly one entity the row is about
    if (!subject) continue;
    for (const uint32_t b : cells) {
      if (b == mentions.mentions[*subject].block) continue;
      const size_t column = columnOf(source, row, document.blocks[b].source.begin);
      const std::string heading = column < headings.size() ? base::asciiLowered(headings[column]) : std::string();
      CellType type = CellType::Any;
      if (lexicon_.contains(config::WordList::DateHeaders, heading)) {
        type = CellType::Date;
      } else if (lexicon_.contains(config::WordList::PlaceHeaders, heading)) {
        type = CellType::Place;
      } else if (!blankHeader) {
        continue;  // another header: states nothing read here
      }
      cellClaim(document, mentions, *subject, b, type, dates, out);
    }
  }
}

bool ClaimExtractor::isOtherInstance(std::string_view prose, const Mention& mention) const {
  const EntityKind kind = facts_.entity(mention.entity).kind;
  if (kind != EntityKind::Agreement && kind != EntityKind::Document && kind != EntityKind::Event) return false;
  size_t end = mention.prose.begin;
  while (end > 0 && prose[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && isAsciiAlnum(prose[begin - 1])) --begin;
  return begin < end && lexicon_.contains(config::WordList::OtherInstance, base::asciiLowered(prose.substr(begin, end - begin)));
}

void ClaimExtractor::extractBlock(std::string_view prose, uint32_t block, const document::ProseText* map,
                                  const MentionSet& mentions, std::vector<Claim>& out) const {
  extractBlock(prose, block, map, mentions, out, dates_);
}

void ClaimExtractor::extractBlock(std::string_view prose, uint32_t block, const document::ProseText* map,
                                  const MentionSet& mentions, std::vector<Claim>& out, const DateFinder& dates) const {
  // Mentions are in document order: this block's are one run.
  const auto run = std::lower_bound(mentions.mentions.begin(), mentions.mentions.end(), block,
                                    [](const Mention& m, uint32_t b) { return m.block < b; });
  std::vector<size_t> blockMentions;
  for (auto it = run; it != mentions.mentions.end() && it->block == block; ++it)
    blockMentions.push_back(static_cast<size_t>(it - mentions.mentions.begin()));
  if (blockMentions.empty()) return;
  const size_t first = out.size();
  BlockClaims claims(facts_, lexicon_, mentions, prose, block, map, dates.findInBlock(prose, block), out);
  claims.run(blockMentions);
  // "A new Memorandum of Understanding between ...": perhaps another instrument of the same title.
  // Its values were still taken (so they attach to no other mention); they are dropped here.
  out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                           [&](const Claim& claim) { return isOtherInstance(prose, mentions.mentions[claim.mention]); }),
            out.end());
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                   [](const Claim& a, const Claim& b) { return a.prose.begin < b.prose.begin; });
}

}  // namespace galley::annotate
