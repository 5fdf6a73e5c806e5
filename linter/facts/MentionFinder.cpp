#include "facts/MentionFinder.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace galley::facts {

namespace {

// The text between two matches, lower-cased, whitespace collapsed and trimmed.
std::string gapText(std::string_view prose, base::Offset from, base::Offset to) {
  std::string out;
  if (to < from) return "<overlap>";
  for (const char c : prose.substr(from, to - from)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool isPossessiveAt(std::string_view prose, base::Offset end) {
  const std::string_view rest = prose.substr(end);
  if (rest.starts_with("'s") || rest.starts_with("\xE2\x80\x99s")) {
    const size_t after = rest.starts_with("'s") ? 2 : 4;
    return after >= rest.size() || !std::isalnum(static_cast<unsigned char>(rest[after]));
  }
  // "the Nations' staff": a bare apostrophe after a final s.
  return end > 0 && prose[end - 1] == 's' && (rest.starts_with("'") || rest.starts_with("\xE2\x80\x99"));
}

}  // namespace

MentionFinder::MentionFinder(const FactBase& facts) : facts_(facts) {
  auto addTarget = [this](std::string_view text, Target target) {
    const NameMatcher::PatternId id = matcher_.add(text);
    if (id == NameMatcher::kNoPattern) return;
    if (targets_.size() <= id) targets_.resize(id + 1);
    targets_[id].push_back(target);
  };
  for (EntityIndex i = 0; i < facts_.entities().size(); ++i) {
    const Entity& entity = facts_.entity(i);
    for (const auto name : entity.allNames()) addTarget(name, {false, i, 0});
    for (uint32_t form = 0; form < entity.titles.size(); ++form) addTarget(entity.titles[form], {true, i, form});
  }
  matcher_.build();
}

MentionSet MentionFinder::find(const document::Document& document) const {
  MentionSet out;
  for (uint32_t i = 0; i < document.blocks.size(); ++i) {
    const auto& prose = document.blocks[i].prose;
    findInBlock(prose.text(), i, &prose, out);
  }
  return out;
}

void MentionFinder::findInBlock(std::string_view prose, uint32_t block, const document::ProseText* map,
                                MentionSet& out) const {
  const auto toSource = [map](base::Range range) { return map != nullptr ? map->toSource(range) : range; };

  // One item per selected match: a mention, a title form, or both.
  struct Item {
    base::Range range;
    std::optional<size_t> mention;  // index into out.mentions
    std::vector<Target> titles;     // title targets (offices)
    std::optional<EntityIndex> officeEntity;
  };
  std::vector<Item> items;
  for (const auto& match : NameMatcher::selectLongest(matcher_.findAll(prose))) {
    Item item;
    item.range = match.range;
    for (const auto& target : targets_[match.pattern]) {
      if (target.title) {
        item.titles.push_back(target);
        continue;
      }
      if (item.mention) continue;  // one entity per name: the loader rejects shared names
      Mention mention;
      mention.entity = target.entity;
      mention.block = block;
      mention.prose = match.range;
      mention.source = toSource(match.range);
      mention.possessive = isPossessiveAt(prose, match.range.end);
      item.mention = out.mentions.size();
      out.mentions.push_back(mention);
      if (facts_.entity(target.entity).kind == EntityKind::Office) item.officeEntity = target.entity;
    }
    items.push_back(std::move(item));
  }

  const auto entityOf = [&](const Item& item) -> std::optional<EntityIndex> {
    if (!item.mention) return std::nullopt;
    return out.mentions[*item.mention].entity;
  };
  const auto isKind = [&](const Item& item, EntityKind kind) {
    const auto entity = entityOf(item);
    return entity && facts_.entity(*entity).kind == kind;
  };

  // Title phrases, with the item span they cover.
  struct Phrase {
    TitleMention title;
    size_t firstItem;
    size_t lastItem;
  };
  std::vector<Phrase> phrases;
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    if (item.titles.empty() && !item.officeEntity) continue;
    Phrase phrase{{}, i, i};
    TitleMention& title = phrase.title;
    title.block = block;
    title.titleProse = item.range;
    std::vector<EntityIndex> offices;
    if (item.officeEntity) {
      offices.push_back(*item.officeEntity);
      title.canonical = facts_.entity(*item.officeEntity).name;
    } else {
      for (const auto& target : item.titles) offices.push_back(target.entity);
      const Target& first = item.titles.front();
      title.canonical = facts_.entity(first.entity).titles[first.form];
    }
    if (i > 0 && isKind(items[i - 1], EntityKind::Organisation)) {
      const std::string gap = gapText(prose, items[i - 1].range.end, item.range.begin);
      if (gap.empty() || gap == "'s" || gap == "\xE2\x80\x99s") {
        title.organisation = entityOf(items[i - 1]);
        phrase.firstItem = i - 1;
      }
    }
    if (!title.organisation && i + 1 < items.size() && isKind(items[i + 1], EntityKind::Organisation)) {
      const std::string gap = gapText(prose, item.range.end, items[i + 1].range.begin);
      if (gap == "of" || gap == "of the") {
        title.organisation = entityOf(items[i + 1]);
        phrase.lastItem = i + 1;
      }
    }
    if (title.organisation && !item.officeEntity) {
      std::vector<EntityIndex> narrowed;
      std::copy_if(offices.begin(), offices.end(), std::back_inserter(narrowed),
                   [&](EntityIndex office) { return facts_.entity(office).organisation == title.organisation; });
      title.organisationMatches = !narrowed.empty();
      if (!narrowed.empty()) offices = std::move(narrowed);
    }
    title.offices = std::move(offices);
    title.prose = {items[phrase.firstItem].range.begin, items[phrase.lastItem].range.end};
    title.source = toSource(title.prose);
    const size_t last = phrase.lastItem;
    phrases.push_back(std::move(phrase));
    i = last;
  }

  // Pair phrases with people: "<phrase> <person>", "<phrase> and <phrase> <person>",
  // "<person>, [the] <phrase>". Later phrases first, so a chain inherits its last phrase's person.
  for (size_t p = phrases.size(); p-- > 0;) {
    Phrase& phrase = phrases[p];
    const size_t next = phrase.lastItem + 1;
    if (next < items.size()) {
      const std::string gap = gapText(prose, items[phrase.lastItem].range.end, items[next].range.begin);
      if (gap.empty() && isKind(items[next], EntityKind::Person)) {
        phrase.title.person = items[next].mention;
      } else if ((gap == "and" || gap == ",") && p + 1 < phrases.size() && phrases[p + 1].firstItem == next) {
        phrase.title.person = phrases[p + 1].title.person;
      }
    }
    if (!phrase.title.person && phrase.firstItem > 0 && isKind(items[phrase.firstItem - 1], EntityKind::Person)) {
      const std::string gap = gapText(prose, items[phrase.firstItem - 1].range.end, items[phrase.firstItem].range.begin);
      if (gap == "," || gap == ", the" || gap == ", now" || gap == ", then") phrase.title.person = items[phrase.firstItem - 1].mention;
    }
  }
  for (auto& phrase : phrases) out.titles.push_back(std::move(phrase.title));
}

}  // namespace galley::facts
