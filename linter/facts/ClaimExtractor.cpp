#include "facts/ClaimExtractor.h"

#include <algorithm>
#include <array>

#include "annotate/SentenceSplitter.h"

namespace galley::facts {

namespace {

struct Word {
  base::Range range;
  std::string lower;
};

bool isAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

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
    }
    word.range = {static_cast<base::Offset>(start), static_cast<base::Offset>(i)};
    out.push_back(std::move(word));
  }
  return out;
}

// "60th" -> 60; "1st", "2nd", "3rd", "11th" accepted without checking the suffix's agreement.
std::optional<int> ordinalOf(std::string_view word) {
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

bool isOneOf(std::string_view word, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), word) != options.end();
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
  std::vector<Claim> out;
  for (uint32_t i = 0; i < document.blocks.size(); ++i) {
    const auto& prose = document.blocks[i].prose;
    extractBlock(prose.text(), i, &prose, mentions, out);
  }
  return out;
}

void ClaimExtractor::extractBlock(std::string_view prose, uint32_t block, const document::ProseText* map,
                                  const MentionSet& mentions, std::vector<Claim>& out) const {
  std::vector<size_t> blockMentions;
  for (size_t i = 0; i < mentions.mentions.size(); ++i)
    if (mentions.mentions[i].block == block) blockMentions.push_back(i);
  if (blockMentions.empty()) return;
  const std::vector<FoundDate> dates = dates_.find(prose);
  std::vector<bool> dateUsed(dates.size(), false);
  std::vector<bool> placeUsed(mentions.mentions.size(), false);

  const auto kindOf = [&](size_t m) { return facts_.entity(mentions.mentions[m].entity).kind; };
  const auto isSubject = [&](size_t m) {
    const EntityKind kind = kindOf(m);
    return kind != EntityKind::Person && kind != EntityKind::Place && kind != EntityKind::Office;
  };
  const auto isEventLike = [&](size_t m) {
    const EntityKind kind = kindOf(m);
    return kind == EntityKind::Agreement || kind == EntityKind::Document || kind == EntityKind::Event ||
           kind == EntityKind::RecurringSession;
  };
  const auto emit = [&](ClaimKind kind, size_t mention, base::Range range, std::string cue) -> Claim& {
    Claim claim;
    claim.kind = kind;
    claim.mention = mention;
    claim.block = block;
    claim.prose = range;
    claim.source = map != nullptr ? map->toSource(range) : range;
    claim.cue = std::move(cue);
    out.push_back(std::move(claim));
    return out.back();
  };
  const auto emitDate = [&](ClaimKind kind, size_t mention, size_t date, std::string cue) {
    dateUsed[date] = true;
    emit(kind, mention, dates[date].range, std::move(cue)).date = dates[date].value;
  };
  const auto emitPlace = [&](size_t mention, size_t place, std::string cue) {
    placeUsed[place] = true;
    const Entity& entity = facts_.entity(mentions.mentions[place].entity);
    emit(ClaimKind::Place, mention, mentions.mentions[place].prose, std::move(cue)).place =
        PlaceValue{mentions.mentions[place].entity, entity.name};
  };

  for (const base::Range sentence : annotate::splitSentences(prose)) {
    std::vector<size_t> inSentence;
    for (const size_t m : blockMentions)
      if (sentence.contains(mentions.mentions[m].prose)) inSentence.push_back(m);
    if (inSentence.empty()) continue;
    const auto datesIn = [&](base::Offset from, base::Offset to) {
      std::vector<size_t> found;
      for (size_t d = 0; d < dates.size(); ++d)
        if (!dateUsed[d] && dates[d].range.begin >= from && dates[d].range.end <= to) found.push_back(d);
      return found;
    };
    const auto placesIn = [&](base::Offset from, base::Offset to) {
      std::vector<size_t> found;
      for (const size_t m : inSentence) {
        const auto& range = mentions.mentions[m].prose;
        if (!placeUsed[m] && kindOf(m) == EntityKind::Place && range.begin >= from && range.end <= to) found.push_back(m);
      }
      return found;
    };

    // Parentheticals right after a mention: "(Astana, 14 June 2011)".
    for (const size_t m : inSentence) {
      if (!isSubject(m)) continue;
      size_t pos = mentions.mentions[m].prose.end;
      while (pos < sentence.end && prose[pos] == ' ') ++pos;
      if (pos >= sentence.end || prose[pos] != '(') continue;
      const size_t close = prose.find(')', pos);
      if (close == std::string_view::npos || close > sentence.end) continue;
      const auto from = static_cast<base::Offset>(pos + 1);
      const auto to = static_cast<base::Offset>(close);
      const std::vector<size_t> inside = datesIn(from, to);
      for (const size_t d : inside) emitDate(ClaimKind::Date, m, d, "parenthetical");
      const std::vector<size_t> places = placesIn(from, to);
      for (const size_t p : places) emitPlace(m, p, "parenthetical");
      if (!places.empty() || inside.empty()) continue;
      // A place the fact base does not know: the first part that is not a date.
      size_t partBegin = from;
      while (partBegin < to) {
        size_t partEnd = prose.find(',', partBegin);
        if (partEnd == std::string_view::npos || partEnd > to) partEnd = to;
        const std::string_view part = trim(prose.substr(partBegin, partEnd - partBegin));
        const auto partStart = static_cast<base::Offset>(part.data() - prose.data());
        const base::Range partRange{partStart, static_cast<base::Offset>(partStart + part.size())};
        const bool isDate = std::any_of(inside.begin(), inside.end(),
                                        [&](size_t d) { return dates[d].range.overlaps(partRange); });
        if (!part.empty() && !isDate && part.front() >= 'A' && part.front() <= 'Z') {
          emit(ClaimKind::Place, m, partRange, "parenthetical").place = PlaceValue{std::nullopt, std::string(part)};
          break;
        }
        partBegin = partEnd + 1;
      }
    }

    const std::vector<Word> sentenceWords = words(prose, sentence);
    const auto nearestBefore = [&](base::Offset offset, auto predicate) -> std::optional<size_t> {
      std::optional<size_t> best;
      for (const size_t m : inSentence)
        if (predicate(m) && mentions.mentions[m].prose.end <= offset) best = m;
      return best;
    };
    const auto firstAfter = [&](base::Offset offset, auto predicate) -> std::optional<size_t> {
      for (const size_t m : inSentence)
        if (predicate(m) && mentions.mentions[m].prose.begin >= offset) return m;
      return std::nullopt;
    };
    const auto mentionStartingAt = [&](size_t offset) -> std::optional<size_t> {
      while (offset < sentence.end && prose[offset] == ' ') ++offset;
      for (const size_t m : inSentence)
        if (mentions.mentions[m].prose.begin == offset) return m;
      return std::nullopt;
    };

    for (size_t w = 0; w < sentenceWords.size(); ++w) {
      const Word& word = sentenceWords[w];
      // "<N>th session of [the] <mention>"
      if (const auto ordinal = ordinalOf(word.lower); ordinal && w + 2 < sentenceWords.size() &&
                                                      sentenceWords[w + 1].lower == "session" &&
                                                      sentenceWords[w + 2].lower == "of") {
        size_t after = sentenceWords[w + 2].range.end;
        if (w + 3 < sentenceWords.size() && sentenceWords[w + 3].lower == "the" &&
            trim(prose.substr(after, sentenceWords[w + 3].range.begin - after)).empty())
          after = sentenceWords[w + 3].range.end;
        if (const auto m = mentionStartingAt(after); m && isSubject(*m))
          emit(ClaimKind::Ordinal, *m, word.range, "session").ordinal = *ordinal;
        continue;
      }
      // "<mention>'s <N>th session"
      if (const auto ordinal = ordinalOf(word.lower);
          ordinal && w + 1 < sentenceWords.size() && sentenceWords[w + 1].lower == "session") {
        const auto owner = nearestBefore(word.range.begin, [&](size_t m) {
          return isSubject(m) && mentions.mentions[m].possessive &&
                 word.range.begin - mentions.mentions[m].prose.end <= 4U + 1U;  // "'s " or "’s "
        });
        if (owner) emit(ClaimKind::Ordinal, *owner, word.range, "session").ordinal = *ordinal;
        continue;
      }
      if (isOneOf(word.lower, {"signed", "concluded", "adopted", "held", "agreed", "inked"})) {
        auto subject = nearestBefore(word.range.begin, isEventLike);
        if (!subject) subject = firstAfter(word.range.end, isEventLike);
        if (!subject) continue;
        base::Offset clauseEnd = sentence.end;
        for (const size_t m : inSentence)
          if (m != *subject && isEventLike(m) && mentions.mentions[m].prose.begin > word.range.end) {
            clauseEnd = mentions.mentions[m].prose.begin;
            break;
          }
        const base::Offset afterSubject = std::max(word.range.end, mentions.mentions[*subject].prose.end);
        if (const auto places = placesIn(word.range.end, clauseEnd); !places.empty())
          emitPlace(*subject, places.front(), word.lower);
        auto found = datesIn(afterSubject, clauseEnd);
        if (found.empty()) found = datesIn(sentence.begin, mentions.mentions[*subject].prose.begin);
        if (!found.empty()) emitDate(ClaimKind::Date, *subject, found.front(), word.lower);
        continue;
      }
      const bool setUp = word.lower == "set" && w + 1 < sentenceWords.size() && sentenceWords[w + 1].lower == "up";
      if (setUp || isOneOf(word.lower, {"established", "founded", "created"})) {
        const base::Offset cueEnd = setUp ? sentenceWords[w + 1].range.end : word.range.end;
        const auto found = datesIn(cueEnd, sentence.end);
        if (found.empty()) continue;
        const std::string_view gap = trim(prose.substr(cueEnd, dates[found.front()].range.begin - cueEnd));
        if (gap != "in" && gap != "on" && !gap.empty()) continue;
        auto subject = nearestBefore(word.range.begin, isSubject);
        if (!subject) subject = firstAfter(cueEnd, isSubject);
        if (subject) emitDate(ClaimKind::Founded, *subject, found.front(), setUp ? "set up" : word.lower);
        continue;
      }
      if (word.lower == "since") {
        const auto found = datesIn(word.range.end, sentence.end);
        if (found.empty() || !trim(prose.substr(word.range.end, dates[found.front()].range.begin - word.range.end)).empty())
          continue;
        auto subject = nearestBefore(word.range.begin, isSubject);
        if (!subject) subject = firstAfter(word.range.end, isSubject);
        if (subject) emitDate(ClaimKind::Since, *subject, found.front(), "since");
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Claim& a, const Claim& b) {
    return a.block != b.block ? a.block < b.block : a.prose.begin < b.prose.begin;
  });
}

}  // namespace galley::facts
