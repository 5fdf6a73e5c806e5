#include "checks/NameSpellingCheck.h"

#include <algorithm>
#include <array>
#include <bit>
#include <filesystem>
#include <optional>

#include "annotate/Words.h"
#include "base/Ascii.h"
#include "checks/FactCheck.h"
#include "checks/Slip.h"
#include "config/NearestName.h"

namespace galley::checks {

namespace {

// Known words shorter than this are never targets: too many real names lie one letter away.
constexpr size_t kShortestTarget = 4;
// Target lengths the guards ask for (documented in the header).
constexpr size_t kTypoLength = 6;       // dropped, doubled or swapped letter
constexpr size_t kChangeLength = 8;     // changed or added letter
constexpr size_t kTwoSlipsLength = 10;  // two slips
constexpr size_t kConfirmedTwoSlipsLength = 8;
constexpr size_t kLongSurname = 12;        // two slips in a surname, unconfirmed

bool closeEnough(Slip slip, size_t targetLength, bool confirmed, bool person) {
  switch (slip) {
    case Slip::None: return false;
    case Slip::Typo: return targetLength >= (confirmed ? kShortestTarget : kTypoLength);
    // Surnames differ from one another by a vowel (Karimov, Kerimov; Mirzayev, Mirzoyev; Rahmon,
    // Rahman): a changed letter in a surname needs the given name, or a long name.
    case Slip::Change:
      return targetLength >= (confirmed ? kShortestTarget : person ? kTwoSlipsLength : kChangeLength);
    // Two slips in a surname are another surname as often as not (Mirzoyev, Mirziyoyev).
    case Slip::Two:
      return targetLength >= (confirmed ? kConfirmedTwoSlipsLength : person ? kLongSurname : kTwoSlipsLength);
  }
  return false;
}

// The plain words of `name`.
std::vector<std::string> wordsOf(std::string_view name) {
  std::vector<std::string> out;
  for (const annotate::Word& word : annotate::findWords(name)) {
    // Named, not a temporary inside the for-range: the parts are views into it.
    const std::string plain = annotate::plainWord(name.substr(word.prose.begin, word.prose.size()));
    for (const std::string_view part : annotate::hyphenParts(plain)) out.emplace_back(part);
  }
  return out;
}

// "w v" as {from "w", to "v"}; nothing unless it is two different runs of lower-case ASCII letters.
std::optional<NameSpellingCheck::Romanisation> parseRomanisation(std::string_view text) {
  const size_t space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view from = text.substr(0, space);
  const std::string_view to = text.substr(space + 1);
  const auto letters = [](std::string_view group) {
    return !group.empty() && std::all_of(group.begin(), group.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  if (!letters(from) || !letters(to) || from == to) return std::nullopt;
  return NameSpellingCheck::Romanisation{std::string(from), std::string(to)};
}

bool onlySpaceBetween(std::string_view text, base::Offset from, base::Offset to) {
  if (to < from) return false;
  const std::string_view gap = text.substr(from, to - from);
  if (gap.empty()) return false;
  return gap == " " || gap == "\xC2\xA0";
}

}  // namespace

NameSpellingCheck::NameSpellingCheck(const config::RuleConfig& rule, Scope scope,
                                     std::shared_ptr<const facts::FactPack> pack,
                                     std::shared_ptr<const Dictionary> dictionary, std::vector<std::string> honorifics,
                                     std::vector<std::string> endings, std::vector<Romanisation> romanisations)
    : Check(rule, scope),
      pack_(std::move(pack)),
      dictionary_(std::move(dictionary)),
      honorifics_(honorifics.begin(), honorifics.end()),
      endings_(std::move(endings)),
      romanisations_(std::move(romanisations)) {
  for (const std::string& ending : endings_) reach_ = std::max(reach_, ending.size());
  const facts::FactBase& base = pack_->facts();
  addNameWords(base, known_);
  std::unordered_set<std::string> seen;  // word + previous word + entity: aliases repeat surnames
  for (facts::EntityIndex index = 0; index < base.entities().size(); ++index) {
    const facts::Entity& entity = base.entity(index);
    const bool person = entity.kind == facts::EntityKind::Person;
    if (!person && entity.kind != facts::EntityKind::Organisation && entity.kind != facts::EntityKind::Place) continue;
    for (const std::string_view name : entity.allNames()) {
      const std::vector<std::string> words = wordsOf(name);
      for (size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (word.size() < kShortestTarget || word[0] < 'A' || word[0] > 'Z') continue;
        if (std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) continue;
        // A person's given name is no target (the `name` kind judges it, with the surname); an
        // organisation's ordinary words ("Cooperation") are the dictionary's business. A place's
        // name is always one, dictionary word or not ("Shanghai" is also a verb).
        if (person && i == 0 && words.size() > 1) continue;
        if (entity.kind == facts::EntityKind::Organisation && dictionary_->knows(base::asciiLowered(word))) continue;
        std::string previous = person && i > 0 ? words[i - 1] : std::string();
        std::string key = word;
        key.append(1, '\n').append(previous).append(1, '\n').append(std::to_string(index));
        if (!seen.insert(std::move(key)).second) continue;
        targets_.push_back({word, index, person, std::move(previous), byteMask(word), romanisedKey(word)});
      }
    }
  }
}

std::unique_ptr<Check> NameSpellingCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const size_t errorsBefore = errors.size();
  const auto scope = Scope::parse(rule.scope, errors);
  auto pack = loadRuleFacts(rule, errors);
  const std::filesystem::path directory = std::filesystem::path(rule.where.path).parent_path();
  std::string language = "en_GB";
  if (auto named = rule.options.getString("dictionary", errors)) language = named->value;
  std::vector<std::string> directories;
  if (auto listed = rule.options.getStringList("dictionary-path", errors)) {
    for (const auto& dir : *listed) directories.push_back((directory / dir.value).string());
  }
  auto dictionary = Dictionary::loadShared(language, directories, rule.options.location("dictionary"), errors);
  std::vector<std::string> honorifics;
  if (auto listed = rule.options.getStringList("honorifics", errors)) {
    for (const auto& word : *listed) honorifics.push_back(word.value);
  }
  std::vector<std::string> endings;
  if (auto listed = rule.options.getStringList("accept-endings", errors)) {
    for (const auto& ending : *listed) endings.push_back(ending.value);
  }
  std::vector<Romanisation> romanisations;
  if (auto listed = rule.options.getStringList("romanisations", errors)) {
    for (const auto& pair : *listed) {
      if (auto parsed = parseRomanisation(pair.value)) {
        romanisations.push_back(std::move(*parsed));
      } else {
        errors.push_back(base::Error::invalidInput(
            "a romanisation is two different groups of lower-case letters, 'from to' (as \"w v\"), not '" +
                pair.value + "'",
            pair.where));
      }
    }
  }
  if (errors.size() != errorsBefore || !scope || !pack || !dictionary) return nullptr;
  return std::make_unique<NameSpellingCheck>(rule, *scope, std::move(pack), std::move(dictionary),
                                             std::move(honorifics), std::move(endings), std::move(romanisations));
}

std::string NameSpellingCheck::romanisedKey(std::string_view word) const {
  std::string key = base::asciiLowered(word);
  for (const Romanisation& romanisation : romanisations_) {
    for (size_t at = key.find(romanisation.from); at != std::string::npos;
         at = key.find(romanisation.from, at + romanisation.to.size())) {
      key.replace(at, romanisation.from.size(), romanisation.to);
    }
  }
  return key;
}

bool NameSpellingCheck::isCommon(std::string_view word) const {
  const std::string plain = annotate::plainWord(word);
  if (honorifics_.contains(plain) || known_.contains(plain)) return true;
  if (dictionary_->knows(base::asciiLowered(plain))) return true;
  const std::vector<std::string_view> parts = annotate::hyphenParts(plain);
  return parts.size() > 1 && std::all_of(parts.begin(), parts.end(), [&](std::string_view part) {
           return known_.contains(part) || dictionary_->knows(base::asciiLowered(part));
         });
}

uint64_t NameSpellingCheck::byteMask(std::string_view word) {
  constexpr unsigned kBits = 64;
  uint64_t mask = 0;
  for (const char c : word) mask |= uint64_t{1} << (static_cast<unsigned char>(c) % kBits);
  return mask;
}

const NameSpellingCheck::Target* NameSpellingCheck::nearestTarget(const std::string& found,
                                                                   const Neighbour& before) const {
  const Target* best = nullptr;
  size_t bestDistance = 0;
  bool ambiguous = false;
  const uint64_t foundBytes = byteMask(found);
  // Only a given name can confirm a surname romanised another way: keyed once, and only then.
  const std::string foundRomanised =
      romanisations_.empty() || before.text.empty() ? std::string() : romanisedKey(found);
  const auto consider = [&](const Target& target, size_t distance) {
    if (best == nullptr || distance < bestDistance) {
      best = &target;
      bestDistance = distance;
      ambiguous = false;
    } else if (distance == bestDistance && best->entity != target.entity && best->word != target.word) {
      ambiguous = true;  // as close to another entity's name: say nothing
    }
  };
  for (const Target& target : targets_) {
    if (target.word.size() > found.size() + 2 || found.size() > target.word.size() + reach_) continue;
    const bool isForm = std::any_of(endings_.begin(), endings_.end(), [&](const std::string& ending) {
      return found.size() == target.word.size() + ending.size() && found.starts_with(target.word) &&
             found.ends_with(ending);
    });
    if (isForm) return nullptr;  // "Alimova": another form of a known name, not a slip
    if (!foundRomanised.empty() && target.person && before.text == target.previous &&
        foundRomanised == target.romanised) {
      consider(target, 1);  // "Ghada Vali": the person's own given name, the surname read alike
      continue;
    }
    if (std::popcount(foundBytes & ~target.bytes) > 2 || std::popcount(target.bytes & ~foundBytes) > 2) continue;
    const Slip slip = slipBetween(found, target.word);
    if (slip == Slip::None) continue;
    bool confirmed = false;
    if (target.person && !before.text.empty()) {
      // After a capitalised word: the person's own given name confirms; a title, honorific or
      // acronym is neutral; any other name ("Timur", or another known person's "Vladimir") may
      // belong to someone the fact base does not know.
      if (!target.previous.empty() && before.text == target.previous) {
        confirmed = true;
      } else if (!before.acronym && !honorifics_.contains(before.text) && !dictionary_->knows(base::asciiLowered(before.text))) {
        continue;
      }
    } else if (!before.text.empty() && !before.acronym && !isCommon(before.text)) {
      continue;
    }
    if (!closeEnough(slip, target.word.size(), confirmed, target.person)) continue;
    consider(target, slipDistance(found, target.word));  // 1 or 2: the slip was one
  }
  return ambiguous ? nullptr : best;
}

void NameSpellingCheck::report(const document::Block& block, base::Range range, std::string_view written,
                               const Target& target, diag::DiagnosticSink& sink) const {
  const facts::FactBase& base = pack_->facts();
  const facts::Entity& entity = base.entity(target.entity);
  const std::array<std::pair<std::string_view, std::string_view>, 3> values{
      {{"found", written}, {"expected", target.word}, {"name", entity.name}}};
  diag::Diagnostic diagnostic = this->diagnostic(block.prose.toSource(range), values);
  diagnostic.notes.push_back(factNote(base, entity.where, entity.sources, "the fact base writes " + entity.name));
  if (block.prose.isContiguous(range)) {
    diagnostic.fix = diag::Fix{"Write '" + target.word + "'", diag::Applicability::Unsafe,
                               {diag::Edit{block.prose.toSource(range), target.word}}};
  }
  sink.report(std::move(diagnostic));
}

void NameSpellingCheck::run(const document::Document& document, annotate::Annotations& annotations,
                            diag::DiagnosticSink& sink) const {
  forEachSpan(document, annotations, [&](size_t blockIndex, base::Range span) {
    const document::Block& block = document.blocks[blockIndex];
    if (block.kind == document::BlockKind::FrontMatter && block.key != "title") return;
    const std::string_view text = std::string_view(block.prose.text()).substr(span.begin, span.size());
    const std::vector<annotate::Word>& words = annotations.words(static_cast<uint32_t>(blockIndex), span);
    const auto wordText = [&](const annotate::Word& word) { return text.substr(word.prose.begin, word.prose.size()); };
    // The capitalised word right beside word `w` (`step` -1 or +1), when only a space separates them.
    const auto neighbour = [&](size_t w, int step) {
      const size_t other = step < 0 ? w - 1 : w + 1;
      if ((step < 0 && w == 0) || other >= words.size() || !words[other].capitalised) return Neighbour{};
      const base::Range gap = step < 0 ? base::Range{words[other].prose.end, words[w].prose.begin}
                                       : base::Range{words[w].prose.end, words[other].prose.begin};
      if (!onlySpaceBetween(text, gap.begin, gap.end)) return Neighbour{};
      return Neighbour{annotate::plainWord(wordText(words[other])), words[other].allCaps};
    };
    for (size_t w = 0; w < words.size(); ++w) {
      const annotate::Word& word = words[w];
      if (!word.capitalised || word.allCaps || word.mixedCase || word.hasDigit || word.otherScript || word.inLink || word.hyphenated)
        continue;
      const std::string found = annotate::plainWord(wordText(word));
      if (found.size() < kShortestTarget - 1 || known_.contains(found) || dictionary_->knows(found)) continue;
      const Neighbour after = neighbour(w, 1);
      if (!after.text.empty() && !after.acronym && !isCommon(after.text)) continue;  // part of an unknown name
      if (const Target* target = nearestTarget(found, neighbour(w, -1))) {
        report(block, {span.begin + word.prose.begin, span.begin + word.prose.end}, wordText(word), *target, sink);
      }
    }
  });
}

}  // namespace galley::checks
