#include "annotate/Annotations.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "annotate/EngineDateFinder.h"
#include "annotate/Organisation.h"
#include "annotate/SentenceSplitter.h"
#include "base/Ascii.h"
#include "dates/DateRecognizer.h"

namespace galley::annotate {

const std::vector<Sentence>& Annotations::sentences() {
  if (!sentencesDone_) {
    for (uint32_t i = 0; i < document_.blocks.size(); ++i) {
      for (const base::Range range : splitSentences(document_.blocks[i].prose.text())) {
        sentences_.push_back({i, range});
      }
    }
    sentencesDone_ = true;
  }
  return sentences_;
}

const std::vector<Word>& Annotations::words(uint32_t block, base::Range span) {
  const auto key = std::make_tuple(block, span.begin, span.end);
  auto it = words_.find(key);
  if (it == words_.end()) {
    const std::string_view prose = document_.blocks[block].prose.text();
    it = words_.emplace(key, findWords(prose.substr(span.begin, span.size()))).first;
  }
  return it->second;
}

const SearchText& Annotations::searchText(uint32_t block) {
  if (searchTexts_.size() != document_.blocks.size()) searchTexts_.resize(document_.blocks.size());
  auto& slot = searchTexts_[block];
  if (!slot) slot = std::make_unique<SearchText>(document_.blocks[block].prose.text(), config::Lexicon::standard());
  return *slot;
}

namespace {

// The memo key of a block's prose as the date recognizer reads it: after `carry`, with the
// reference date and day order of this lint.
std::string datesKey(std::string_view prose, const dates::RecognizerCarry& carry, const ReferenceDate& reference,
                     bool monthFirst) {
  std::string key;
  const auto interval = [&key](const std::optional<base::DateInterval>& value) {
    if (value) key += fmt::format("{}:{}:{}", value->first, value->last, static_cast<int>(value->precision));
    key += '|';
  };
  interval(carry.lastDate);
  interval(carry.lastDay);
  if (reference.date) key += fmt::format("{}-{}-{}", reference.date->year, reference.date->month, reference.date->day);
  key += monthFirst ? "|m|" : "|d|";
  key += prose;
  return key;
}

}  // namespace

const std::string& Annotations::organisation() {
  if (!organisation_) {
    organisation_ = organisationOf(document_);
    if (organisation_->empty()) organisation_ = settings_.organisation;
  }
  return *organisation_;
}

const ReferenceDate& Annotations::reference() {
  dates();
  return reference_;
}

const std::vector<DateMention>& Annotations::dates() {
  if (datesDone_) return dates_;
  datesDone_ = true;
  dates::DateRecognizerOptions options;
  options.monthFirst = settings_.dateOrder == config::DateOrder::MonthFirst;
  const dates::DateRecognizer recognizer(options);
  reference_ = decideReferenceDate(document_, recognizer, settings_.referenceDate);
  // Block after block, each read as following the one before (RecognizerCarry), so that "the day
  // before" may refer to a date in an earlier block; a block is read again only when it or what
  // it follows changed (BlockMemo, when linting a buffer being edited).
  dates::RecognizerCarry carry;
  for (uint32_t i = 0; i < document_.blocks.size(); ++i) {
    const auto& block = document_.blocks[i];
    if (block.kind == document::BlockKind::FrontMatter) continue;
    if (memo_ == nullptr) {
      for (const dates::DateExpression& e : recognizer.recognize(block.prose.text(), reference_.date, carry))
        dates_.push_back({i, e});
      continue;
    }
    std::string key = datesKey(block.prose.text(), carry, reference_, options.monthFirst);
    const BlockMemo::Dates* found = memo_->dates(key);
    if (found == nullptr) {
      BlockMemo::Dates fresh;
      fresh.found = recognizer.recognize(block.prose.text(), reference_.date, carry);
      fresh.carry = carry;
      memo_->keepDates(key, std::move(fresh));
      found = memo_->dates(key);
    }
    carry = found->carry;
    for (const dates::DateExpression& e : found->found) dates_.push_back({i, e});
  }
  placeFloatingDatesByTense();
  return dates_;
}

// The recognizer places "16 June" or "on Tuesday" after the reference date (the date parsers'
// convention). A release knows better: what happened took place on the latest such day before
// the dateline, what is planned on the next one after it; with no tense to tell, the nearest.
void Annotations::placeFloatingDatesByTense() {
  if (!reference_.date) return;
  for (size_t i = 0; i < dates_.size(); ++i) {
    dates::DateExpression& e = dates_[i].date;
    if (!e.floating || !e.value || e.kind == dates::DateKind::Range) continue;
    const std::optional<Tense> tense = tenseOf(i);
    const dates::Direction direction = !tense                   ? dates::Direction::Nearest
                                       : *tense == Tense::Past   ? dates::Direction::LatestPast
                                       : *tense == Tense::Future ? dates::Direction::Next
                                                                 : dates::Direction::Nearest;
    // A known tense decides the year; a weekday written with the day is then checked against it
    // ("was held on Friday, 8 June" in a release of 9 June 2017 is a Thursday's date, not 2018's).
    dates::FloatingDate floating = *e.floating;
    if (direction != dates::Direction::Nearest && floating.month && floating.day) floating.weekday.reset();
    const auto placed = dates::placeFloating(floating, *reference_.date, direction);
    if (!placed) continue;
    e.value = placed;
    if (e.written && e.floating->day) e.written = base::civilFromDays(placed->first);
  }
}

std::optional<Tense> Annotations::tenseOf(size_t index) {
  const auto& mentions = dates();
  if (tenses_.size() != mentions.size()) tenses_.resize(mentions.size());
  if (tenses_[index]) return *tenses_[index];
  if (memo_ != nullptr) {
    memoiseBlockTenses(mentions[index].block);
  } else {
    tenses_[index] = clauseTenseOf(index);
  }
  return *tenses_[index];
}

std::optional<Tense> Annotations::clauseTenseOf(size_t index) {
  const auto& mentions = dates_;
  const DateMention& m = mentions[index];
  const auto& all = sentences();
  // Sentences are in document order: binary search for the one holding the date.
  const auto sentence = std::partition_point(all.begin(), all.end(), [&](const Sentence& s) {
    return s.block < m.block || (s.block == m.block && s.prose.end <= m.date.range.begin);
  });
  if (sentence == all.end() || sentence->block != m.block || !sentence->prose.contains(m.date.range)) return std::nullopt;
  // The dates inside the sentence: their words ("next" in "next Monday") are no cues.
  std::vector<base::Range> inside;
  auto it = std::partition_point(mentions.begin(), mentions.end(), [&](const DateMention& d) {
    return d.block < m.block || (d.block == m.block && d.date.range.begin < sentence->prose.begin);
  });
  for (; it != mentions.end() && it->block == m.block && it->date.range.begin < sentence->prose.end; ++it)
    inside.push_back(it->date.range);
  return clauseTense(lexicon_, document_.blocks[m.block].prose.text(), sentence->prose, inside, m.date.range);
}

// A date's tense reads its block's prose and the places of the block's dates, nothing else: the
// tenses of a block's dates are kept by that key.
void Annotations::memoiseBlockTenses(uint32_t block) {
  const auto first = std::partition_point(dates_.begin(), dates_.end(), [&](const DateMention& d) { return d.block < block; });
  const auto last = std::partition_point(first, dates_.end(), [&](const DateMention& d) { return d.block <= block; });
  const auto begin = static_cast<size_t>(first - dates_.begin());
  const auto end = static_cast<size_t>(last - dates_.begin());
  std::string key;
  for (auto it = first; it != last; ++it) key += fmt::format("{}-{},", it->date.range.begin, it->date.range.end);
  key += '|';
  key += document_.blocks[block].prose.text();
  const std::vector<std::optional<Tense>>* kept = memo_->tenses(key);
  if (kept == nullptr) {
    std::vector<std::optional<Tense>> fresh;
    fresh.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) fresh.push_back(clauseTenseOf(i));
    memo_->keepTenses(key, std::move(fresh));
    kept = memo_->tenses(key);
  }
  for (size_t i = begin; i < end; ++i) tenses_[i] = (*kept)[i - begin];
}

namespace {

// True when prose[from, to) is blank or one word of `openers` ("In", "On"): a date right after it
// opens the sentence ("In May 2013, ...").
bool onlyOpener(const config::Lexicon& lexicon, std::string_view prose, size_t from, size_t to) {
  std::string word;
  for (size_t i = from; i < to; ++i) {
    const char c = prose[i];
    if (c == ' ' || c == '\n') {
      if (!word.empty() && i + 1 < to) return false;  // a second word
      continue;
    }
    word.push_back(base::asciiLower(c));
  }
  return word.empty() || lexicon.contains(config::WordList::DateOpeners, word);
}

}  // namespace

void Annotations::dateTitles(MentionSet& found) {
  if (found.titles.empty()) return;
  const auto& all = sentences();
  const auto& mentions = dates();
  for (TitleMention& title : found.titles) {
    const auto sentence = std::partition_point(all.begin(), all.end(), [&](const Sentence& s) {
      return s.block < title.block || (s.block == title.block && s.prose.end <= title.prose.begin);
    });
    if (sentence == all.end() || sentence->block != title.block || !sentence->prose.contains(title.prose)) continue;
    const std::string_view prose = document_.blocks[title.block].prose.text();
    auto it = std::partition_point(mentions.begin(), mentions.end(), [&](const DateMention& d) {
      return d.block < title.block || (d.block == title.block && d.date.range.begin < sentence->prose.begin);
    });
    bool first = true;
    for (; it != mentions.end() && it->block == title.block && it->date.range.begin < sentence->prose.end; ++it) {
      const dates::DateExpression& date = it->date;
      // A semicolon between them starts another clause with its own time ("On 14 June 2011, the
      // text was signed; today Secretary-General ...").
      if (first && date.value && date.range.end <= title.prose.begin &&
          onlyOpener(lexicon_, prose, sentence->prose.begin, date.range.begin) &&
          prose.substr(date.range.end, title.prose.begin - date.range.end).find(';') == std::string_view::npos) {
        title.judgedAt = date.value;
        break;  // later dates in the sentence are what the dated clause goes on to say
      }
      first = false;
      // Dates told from the day of issue ("the past six years", "since 2004") do not move it, nor
      // does the day of issue itself (the dateline, "talks ... on 16 September 2014").
      const bool explicitDate = date.kind == dates::DateKind::Absolute || date.kind == dates::DateKind::Partial ||
                                date.kind == dates::DateKind::Range;
      const bool dayOfIssue = reference_.date && date.value && date.value->overlaps(base::DateInterval::day(*reference_.date));
      if (explicitDate && !dayOfIssue) title.dateUncertain = true;
    }
  }
}

Annotations::PackModel& Annotations::modelOf(const facts::FactPack& pack) {
  for (auto& model : packs_)
    if (model->pack == &pack) return *model;
  packs_.push_back(std::make_unique<PackModel>());
  packs_.back()->pack = &pack;
  return *packs_.back();
}

const MentionSet& Annotations::mentions(const facts::FactPack& pack) {
  PackModel& model = modelOf(pack);
  if (!model.mentions) {
    model.mentions = memo_ == nullptr ? MentionFinder(pack).find(document_) : memoisedMentions(pack);
    dateTitles(*model.mentions);
  }
  return *model.mentions;
}

namespace {

// The memo key of a block's prose as read with `pack` (packs live as long as the rules holding
// them, and so as long as the memo's owner).
std::string packKey(const facts::FactPack& pack, std::string_view prose) {
  std::string key = std::to_string(reinterpret_cast<uintptr_t>(&pack));
  key += '|';
  key += prose;
  return key;
}

}  // namespace

MentionSet Annotations::memoisedMentions(const facts::FactPack& pack) {
  std::optional<MentionFinder> finder;
  MentionSet out;
  for (uint32_t i = 0; i < document_.blocks.size(); ++i) {
    const document::ProseText& prose = document_.blocks[i].prose;
    std::string key = packKey(pack, prose.text());
    const MentionSet* found = memo_->mentions(key);
    if (found == nullptr) {
      if (!finder) finder.emplace(pack);
      MentionSet fresh;
      finder->findInBlock(prose.text(), 0, nullptr, fresh);
      memo_->keepMentions(key, std::move(fresh));
      found = memo_->mentions(key);
    }
    const size_t first = out.mentions.size();
    for (Mention mention : found->mentions) {
      mention.block = i;
      mention.source = prose.toSource(mention.prose);
      out.mentions.push_back(mention);
    }
    for (TitleMention title : found->titles) {
      title.block = i;
      title.source = prose.toSource(title.prose);
      if (title.person) *title.person += first;
      out.titles.push_back(std::move(title));
    }
  }
  return out;
}

std::vector<Claim> Annotations::memoisedClaims(const facts::FactPack& pack, const MentionSet& found) {
  const EngineDateFinder finder(dates());
  const ClaimExtractor extractor(pack.facts(), finder, pack.lexicon());
  std::vector<Claim> out;
  for (size_t first = 0; first < found.mentions.size();) {
    const uint32_t block = found.mentions[first].block;
    size_t end = first;
    while (end < found.mentions.size() && found.mentions[end].block == block) ++end;
    const document::ProseText& prose = document_.blocks.at(block).prose;
    // The prose fixes the block's mentions (memoisedMentions); its dates come from dates().
    std::string key = packKey(pack, prose.text());
    for (const FoundDate& date : finder.findInBlock(prose.text(), block)) {
      key += fmt::format("|{}-{}:{}:{}:{}", date.range.begin, date.range.end, date.value.first, date.value.last,
                         static_cast<int>(date.value.precision));
    }
    const std::vector<Claim>* kept = memo_->claims(key);
    if (kept == nullptr) {
      std::vector<Claim> fresh;
      extractor.extractBlock(prose.text(), block, &prose, found, fresh, finder);
      // A block's claims are about its own mentions, so they hold indices relative to the first.
      if (!std::all_of(fresh.begin(), fresh.end(), [&](const Claim& c) { return c.mention >= first && c.mention < end; })) {
        out.insert(out.end(), fresh.begin(), fresh.end());
        first = end;
        continue;
      }
      for (Claim& claim : fresh) claim.mention -= first;
      memo_->keepClaims(key, std::move(fresh));
      kept = memo_->claims(key);
    }
    for (Claim claim : *kept) {
      claim.mention += first;
      claim.block = block;
      claim.source = prose.toSource(claim.prose);
      out.push_back(std::move(claim));
    }
    first = end;
  }
  extractor.extractTables(document_, found, finder, out);
  return out;
}

const std::vector<WrittenTitle>& Annotations::titleForms(const facts::FactPack& pack) {
  PackModel& model = modelOf(pack);
  if (model.titleForms) return *model.titleForms;
  const MentionSet& found = mentions(pack);
  // Built from the pack alone (its forms and their index), once for every document.
  const auto& finder = pack.derived<TitleFormFinder>(
      [&] { return std::make_shared<const TitleFormFinder>(pack.facts(), pack.lexicon()); });
  if (memo_ == nullptr) {
    model.titleForms = finder.find(document_, found);
    return *model.titleForms;
  }
  // Block by block, each found again only when its prose or its mentions changed.
  std::vector<WrittenTitle> out;
  size_t next = 0;  // mentions are in block order
  for (uint32_t i = 0; i < document_.blocks.size(); ++i) {
    const document::ProseText& prose = document_.blocks[i].prose;
    MentionSet here;
    while (next < found.mentions.size() && found.mentions[next].block < i) ++next;
    for (size_t m = next; m < found.mentions.size() && found.mentions[m].block == i; ++m)
      here.mentions.push_back(found.mentions[m]);
    std::string key = packKey(pack, prose.text());
    for (const Mention& m : here.mentions) {
      key += '|' + std::to_string(m.entity) + ',' + std::to_string(m.prose.begin) + ',' + std::to_string(m.prose.end) +
             (m.possessive ? "s" : "");
    }
    const std::vector<WrittenTitle>* titles = memo_->titles(key);
    if (titles == nullptr) {
      std::vector<WrittenTitle> fresh;
      finder.findInBlock(prose.text(), i, &prose, here, fresh);
      memo_->keepTitles(key, std::move(fresh));
      titles = memo_->titles(key);
    }
    for (WrittenTitle title : *titles) {
      title.block = i;
      title.source = prose.toSource(title.prose);
      out.push_back(std::move(title));
    }
  }
  model.titleForms = std::move(out);
  return *model.titleForms;
}

const std::vector<Claim>& Annotations::claims(const facts::FactPack& pack) {
  PackModel& model = modelOf(pack);
  if (!model.claims) {
    const MentionSet& found = mentions(pack);
    if (found.mentions.empty()) {
      model.claims.emplace();
    } else if (memo_ == nullptr) {
      const EngineDateFinder finder(dates());
      model.claims = ClaimExtractor(pack.facts(), finder, pack.lexicon()).extract(document_, found);
    } else {
      model.claims = memoisedClaims(pack, found);
    }
  }
  return *model.claims;
}

}  // namespace galley::annotate
