#include "annotate/ClaimExtractor.h"

#include <algorithm>
#include <array>

#include "annotate/SentenceSplitter.h"

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

bool isAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool isTensWord(std::string_view word) {
  return word == "twenty" || word == "thirty" || word == "forty" || word == "fifty" || word == "sixty" ||
         word == "seventy" || word == "eighty" || word == "ninety";
}

std::vector<Word> words(std::string_view text, base::Range within) {
  std::vector<Word> out;
  size_t i = within.begin;
  while (i < within.end) {
    if (!isAlnum(text[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    Word word;
    while (i < within.end && isAlnum(text[i])) {
      const char c = text[i++];
      word.lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      // "sixty-first" is one word (an ordinal), not "sixty" and "first".
      if (i + 1 < within.end && text[i] == '-' && isAlnum(text[i + 1]) && isTensWord(word.lower)) {
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
  if (const auto spelled = wordOrdinalOf(word)) return spelled;
  constexpr size_t kSuffix = 2;
  if (word.size() <= kSuffix) return std::nullopt;
  const std::string_view suffix = word.substr(word.size() - kSuffix);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
  int value = 0;
  for (const char c : word.substr(0, word.size() - kSuffix)) {
    if (c < '0' || c > '9') return std::nullopt;
    constexpr int kBase = 10;
    value = value * kBase + (c - '0');
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
  return out;
}

namespace {

// Extracts the claims of one block. Lives for one extractBlock() call.
class BlockClaims {
 public:
  BlockClaims(const FactBase& facts, const config::Lexicon& lexicon, const MentionSet& mentions, std::string_view prose,
              uint32_t block, const document::ProseText* map, std::vector<FoundDate> dates, std::vector<Claim>& out)
      : facts_(facts), lexicon_(lexicon), mentions_(mentions), prose_(prose), block_(block), map_(map), dates_(std::move(dates)),
        dateUsed_(dates_.size(), false), placeUsed_(mentions.mentions.size(), false), out_(out) {}

  void run(const std::vector<size_t>& blockMentions) {
    for (const base::Range sentence : annotate::splitSentences(prose_)) {
      sentence_ = sentence;
      inSentence_.clear();
      for (const size_t m : blockMentions)
        if (sentence.contains(mentionAt(m).prose)) inSentence_.push_back(m);
      if (inSentence_.empty()) continue;
      for (const size_t m : inSentence_)
        if (isSubject(m)) parenthetical(m);
      words_ = words(prose_, sentence);
      for (size_t w = 0; w < words_.size(); ++w) wordCue(w);
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
      const bool alnum = isAlnum(prose_[i]);
      if (alnum && !inWord) ++count;
      inWord = alnum;
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

  // "(Astana, 14 June 2011)" right after mention `m`.
  void parenthetical(size_t m) {
    size_t pos = mentionAt(m).prose.end;
    while (pos < sentence_.end && prose_[pos] == ' ') ++pos;
    if (pos >= sentence_.end || prose_[pos] != '(') return;
    const size_t close = prose_.find(')', pos);
    if (close == std::string_view::npos || close > sentence_.end) return;
    const auto from = static_cast<base::Offset>(pos + 1);
    const auto to = static_cast<base::Offset>(close);
    const std::vector<size_t> inside = datesIn(from, to);
    for (const size_t d : inside) emitDate(ClaimKind::Date, m, d, "parenthetical");
    const std::vector<size_t> places = placesIn(from, to);
    for (const size_t p : places) emitPlace(m, p, "parenthetical");
    if (places.empty() && !inside.empty()) freePlace(m, from, to, inside);
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
    if (w + 1 >= words_.size() || words_[w + 1].lower != "session") return;
    if (w + 2 < words_.size() && words_[w + 2].lower == "of") {
      size_t after = words_[w + 2].range.end;
      if (w + 3 < words_.size() && words_[w + 3].lower == "the" &&
          trim(prose_.substr(after, words_[w + 3].range.begin - after)).empty())
        after = words_[w + 3].range.end;
      if (const auto m = mentionStartingAt(after); m && isSubject(*m))
        emit(ClaimKind::Ordinal, *m, word.range, "session").ordinal = ordinal;
      return;
    }
    constexpr base::Offset kPossessiveGap = 5;  // "’s " is five bytes
    const auto owner = nearestBefore(word.range.begin, [&](size_t m) {
      return isSubject(m) && mentionAt(m).possessive && word.range.begin - mentionAt(m).prose.end <= kPossessiveGap;
    });
    if (owner) emit(ClaimKind::Ordinal, *owner, word.range, "session").ordinal = ordinal;
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
    for (const size_t m : inSentence_) {
      if (m != *subject && isEventLike(m) && mentionAt(m).prose.begin > word.range.end) {
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
      if (!before.empty() &&
          wordCount(mentionAt(before.back()).prose.end, mentionAt(*subject).prose.begin) <= kNearWords)
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
    const auto subject = subjectAround(cueBegin, cueEnd, [this](size_t m) { return isSubject(m); });
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
  std::vector<bool> placeUsed_;
  std::vector<Claim>& out_;
  base::Range sentence_;
  std::vector<size_t> inSentence_;
  std::vector<Word> words_;
};

}  // namespace

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
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                   [](const Claim& a, const Claim& b) { return a.prose.begin < b.prose.begin; });
}

}  // namespace galley::annotate
