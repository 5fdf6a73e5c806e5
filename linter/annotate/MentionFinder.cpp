#include "annotate/MentionFinder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

#include "base/Ascii.h"

namespace galley::annotate {

using facts::Entity;
using facts::EntityIndex;
using facts::EntityKind;
using facts::FactBase;
using facts::NameMatcher;

namespace {

// The text between two matches, lower-cased, whitespace collapsed and trimmed.
std::string gapText(std::string_view prose, base::Offset from, base::Offset to) {
  std::string out;
  if (to < from) return "<overlap>";
  for (const char c : prose.substr(from, to - from)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(base::asciiLower(c));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool isPossessiveAt(std::string_view prose, base::Offset end) {
  const std::string_view rest = prose.substr(end);
  if (rest.starts_with("'s") || rest.starts_with("\xE2\x80\x99s")) {
    const size_t after = rest.starts_with("'s") ? 2 : 4;
    return after >= rest.size() || std::isalnum(static_cast<unsigned char>(rest[after])) == 0;
  }
  // "the Nations' staff": a bare apostrophe after a final s.
  return end > 0 && prose[end - 1] == 's' && (rest.starts_with("'") || rest.starts_with("\xE2\x80\x99"));
}

// The next word of `prose` from `at`, skipping blanks: [begin, end) of its letters.
base::Range nextWord(std::string_view prose, size_t at) {
  while (at < prose.size() && (prose[at] == ' ' || prose[at] == '\n')) ++at;
  size_t end = at;
  while (end < prose.size() && (std::isalnum(static_cast<unsigned char>(prose[end])) != 0 || prose[end] == '-')) ++end;
  return {static_cast<base::Offset>(at), static_cast<base::Offset>(end)};
}

bool startsWithCapital(std::string_view word) {
  return !word.empty() && std::isupper(static_cast<unsigned char>(word.front())) != 0;
}

// True when a name just matched runs on into a longer title: "the Memorandum of Cooperation
// between the BSEN and ..." or "the Joint Declaration on Maritime Security" is another instrument
// that merely starts like a known one's short name. Such a match names nothing the fact base knows.
// Dates and places after "on"/"in" ("the Memorandum on 14 June") do not continue a name.
bool continuesIntoLongerName(std::string_view prose, base::Offset end) {
  const base::Range link = nextWord(prose, end);
  const std::string_view linkWord = prose.substr(link.begin, link.size());
  if (link.begin != end + 1 || linkWord.empty()) return false;  // punctuation or nothing follows
  if (linkWord == "between" || linkWord == "among" || linkWord == "concerning") return true;
  if (linkWord != "of" && linkWord != "on" && linkWord != "for") return false;
  base::Range next = nextWord(prose, link.end);
  std::string_view word = prose.substr(next.begin, next.size());
  if (word == "the") {
    next = nextWord(prose, next.end);
    word = prose.substr(next.begin, next.size());
  }
  static constexpr std::array<std::string_view, 19> kNotNames = {
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return startsWithCapital(word) && std::find(kNotNames.begin(), kNotNames.end(), word) == kNotNames.end();
}

// The title modifier (lexicon titles.modifiers) ending right before `at`, lower case, or "".
std::string modifierBefore(std::string_view prose, base::Offset at, const config::Lexicon& lexicon) {
  size_t end = at;
  while (end > 0 && prose[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && std::isalpha(static_cast<unsigned char>(prose[begin - 1])) != 0) --begin;
  if (begin == end || end == at) return "";
  std::string word(prose.substr(begin, end - begin));
  std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
  return lexicon.contains(config::WordList::TitleModifiers, word) ? word : "";
}

bool isNamedInstrument(EntityKind kind) {
  return kind == EntityKind::Agreement || kind == EntityKind::Document || kind == EntityKind::Event;
}

}  // namespace

MentionSet MentionFinder::find(const document::Document& document) const {
  MentionSet out;
  for (uint32_t i = 0; i < document.blocks.size(); ++i) {
    const auto& prose = document.blocks[i].prose;
    findInBlock(prose.text(), i, &prose, out);
  }
  return out;
}

namespace {

// One selected match in a block: a mention, a title form, or both.
struct Item {
  base::Range range;
  std::optional<size_t> mention;                           // index into MentionSet::mentions
  std::vector<std::pair<EntityIndex, uint32_t>> titles;    // (office, title form) it may be
  std::optional<EntityIndex> officeEntity;                 // the match names an office entity
};

// A title phrase and the items it covers.
struct Phrase {
  TitleMention title;
  size_t firstItem = 0;
  size_t lastItem = 0;
};

// Builds title phrases and pairs them with people, for one block.
class TitlePairer {
 public:
  TitlePairer(const FactBase& facts, std::string_view prose, const std::vector<Item>& items, const MentionSet& out)
      : facts_(facts), prose_(prose), items_(items), out_(out) {}

  std::vector<Phrase> phrases(uint32_t block) const {
    std::vector<Phrase> found;
    for (size_t i = 0; i < items_.size(); ++i) {
      if (items_[i].titles.empty() && !items_[i].officeEntity) continue;
      Phrase phrase = makePhrase(i, block);
      i = phrase.lastItem;
      found.push_back(std::move(phrase));
    }
    return found;
  }

  // "<phrase> <person>", "<phrase> and <phrase> <person>", "<person>, [the] <phrase>". Later
  // phrases first, so a chain inherits its last phrase's person.
  void pair(std::vector<Phrase>& phrases) const {
    for (size_t p = phrases.size(); p-- > 0;) {
      Phrase& phrase = phrases[p];
      const size_t next = phrase.lastItem + 1;
      if (next < items_.size()) {
        const std::string gap = gapText(prose_, items_[phrase.lastItem].range.end, items_[next].range.begin);
        const bool chained = (gap == "and" || gap == ",") && p + 1 < phrases.size() && phrases[p + 1].firstItem == next;
        // "The Executive Director of UNODC, Yury Fedotov, said": the name set off by commas.
        const bool apposed = gap == "," && !chained && opensWithThe(phrase) && closesApposition(items_[next]);
        if ((gap.empty() || apposed) && isKind(items_[next], EntityKind::Person)) {
          phrase.title.person = items_[next].mention;
        } else if (chained) {
          phrase.title.person = phrases[p + 1].title.person;
        }
      }
      if (phrase.title.person || phrase.firstItem == 0 || namesItsOwnHolder(phrase)) continue;
      const Item& before = items_[phrase.firstItem - 1];
      if (!isKind(before, EntityKind::Person)) continue;
      const std::string gap = gapText(prose_, before.range.end, items_[phrase.firstItem].range.begin);
      if (gap == "," || gap == ", the" || gap == ", now" || gap == ", then") phrase.title.person = before.mention;
    }
  }

 private:
  [[nodiscard]] std::optional<EntityIndex> entityOf(const Item& item) const {
    if (!item.mention) return std::nullopt;
    return out_.mentions[*item.mention].entity;
  }
  [[nodiscard]] bool isKind(const Item& item, EntityKind kind) const {
    const auto entity = entityOf(item);
    return entity && facts_.entity(*entity).kind == kind;
  }

  // True when "the" stands right before the phrase, or before a modifier before it ("the then").
  [[nodiscard]] bool opensWithThe(const Phrase& phrase) const {
    size_t end = items_[phrase.firstItem].range.begin;
    for (int words = 0; words < 2; ++words) {
      while (end > 0 && prose_[end - 1] == ' ') --end;
      size_t begin = end;
      while (begin > 0 && std::isalpha(static_cast<unsigned char>(prose_[begin - 1])) != 0) --begin;
      if (begin == end) return false;
      const std::string_view word = prose_.substr(begin, end - begin);
      if (word == "the" || word == "The") return true;
      end = begin;
    }
    return false;
  }
  // True when a comma (or the end of the sentence) follows the person: the apposition is closed.
  [[nodiscard]] bool closesApposition(const Item& person) const {
    const size_t end = person.range.end;
    return end >= prose_.size() || prose_[end] == ',' || prose_[end] == '.' || prose_[end] == ';';
  }

  // "Yury Fedotov, Executive Director Ann Smith": a capitalised word right after the phrase is
  // the title's own holder, a name the fact base does not know, so the person before the comma
  // is someone else (attendance lists run "<title> <name>, <title> <name>").
  [[nodiscard]] bool namesItsOwnHolder(const Phrase& phrase) const {
    const base::Offset end = items_[phrase.lastItem].range.end;
    const base::Range next = nextWord(prose_, end);
    return next.begin == end + 1 && prose_[end] == ' ' && startsWithCapital(prose_.substr(next.begin, next.size()));
  }

  // The organisation written before ("SCO Secretary-General") or after ("... of the SCO").
  void attachOrganisation(Phrase& phrase, size_t i) const {
    TitleMention& title = phrase.title;
    const Item& item = items_[i];
    if (i > 0 && isKind(items_[i - 1], EntityKind::Organisation)) {
      const std::string gap = gapText(prose_, items_[i - 1].range.end, item.range.begin);
      if (gap.empty() || gap == "'s" || gap == "\xE2\x80\x99s") {
        title.organisation = entityOf(items_[i - 1]);
        phrase.firstItem = i - 1;
        return;
      }
    }
    if (i + 1 < items_.size() && isKind(items_[i + 1], EntityKind::Organisation)) {
      const std::string gap = gapText(prose_, item.range.end, items_[i + 1].range.begin);
      if (gap == "of" || gap == "of the") {
        title.organisation = entityOf(items_[i + 1]);
        phrase.lastItem = i + 1;
      }
    }
  }

  // The canonical form of the title words, taken from the offices it may name: house style
  // belongs to the organisation ("Secretary-General" for the UN, "Secretary General" for the
  // OSCE), so when those offices write it differently the form is unknown and left empty.
  [[nodiscard]] std::string agreedForm(const Item& item, const std::vector<EntityIndex>& offices) const {
    std::string agreed;
    for (const auto& [office, form] : item.titles) {
      if (std::find(offices.begin(), offices.end(), office) == offices.end()) continue;
      const std::string& candidate = facts_.entity(office).titles[form];
      if (agreed.empty()) {
        agreed = candidate;
      } else if (agreed != candidate) {
        return {};
      }
    }
    return agreed;
  }

  [[nodiscard]] Phrase makePhrase(size_t i, uint32_t block) const {
    const Item& item = items_[i];
    Phrase phrase{{}, i, i};
    TitleMention& title = phrase.title;
    title.block = block;
    title.titleProse = item.range;
    std::vector<EntityIndex> offices;
    if (item.officeEntity) {
      offices.push_back(*item.officeEntity);
      title.canonical = facts_.entity(*item.officeEntity).name;
    } else {
      for (const auto& [office, form] : item.titles) offices.push_back(office);
    }
    attachOrganisation(phrase, i);
    if (title.organisation && !item.officeEntity) {
      std::vector<EntityIndex> narrowed;
      std::copy_if(offices.begin(), offices.end(), std::back_inserter(narrowed),
                   [&](EntityIndex office) { return facts_.entity(office).organisation == title.organisation; });
      title.organisationMatches = !narrowed.empty();
      if (!narrowed.empty()) offices = std::move(narrowed);
    }
    if (!item.officeEntity) title.canonical = agreedForm(item, offices);
    title.offices = std::move(offices);
    title.prose = {items_[phrase.firstItem].range.begin, items_[phrase.lastItem].range.end};
    return phrase;
  }

  const FactBase& facts_;
  std::string_view prose_;
  const std::vector<Item>& items_;
  const MentionSet& out_;
};

}  // namespace

void MentionFinder::findInBlock(std::string_view prose, uint32_t block, const document::ProseText* map,
                                MentionSet& out) const {
  const auto toSource = [map](base::Range range) { return map != nullptr ? map->toSource(range) : range; };
  std::vector<Item> items;
  for (const auto& match : NameMatcher::selectLongest(names_.matcher().findAll(prose))) {
    Item item;
    item.range = match.range;
    for (const auto& target : names_.targets(match.pattern)) {
      if (target.title) {
        item.titles.emplace_back(target.entity, target.form);
      } else if (isNamedInstrument(facts_.entity(target.entity).kind) &&
                 continuesIntoLongerName(prose, match.range.end)) {
        continue;  // the start of another instrument's title, not this one
      } else if (!item.mention) {  // one entity per name: the loader rejects shared names
        item.mention = out.mentions.size();
        out.mentions.push_back({target.entity, block, match.range, toSource(match.range),
                                isPossessiveAt(prose, match.range.end)});
        if (facts_.entity(target.entity).kind == EntityKind::Office) item.officeEntity = target.entity;
      }
    }
    items.push_back(std::move(item));
  }
  const TitlePairer pairer(facts_, prose, items, out);
  std::vector<Phrase> phrases = pairer.phrases(block);
  pairer.pair(phrases);
  for (auto& phrase : phrases) {
    phrase.title.source = toSource(phrase.title.prose);
    phrase.title.modifier = modifierBefore(prose, phrase.title.prose.begin, lexicon_);
    out.titles.push_back(std::move(phrase.title));
  }
}

}  // namespace galley::annotate
