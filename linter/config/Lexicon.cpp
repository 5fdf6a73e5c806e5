#include "config/Lexicon.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <iostream>

#include "base/FileText.h"
#include "config/NearestName.h"
#include "config/YamlNodes.h"
#include "config/YamlSource.h"

namespace galley::config {

namespace {

struct ListName {
  WordList list;
  std::string_view section;
  std::string_view key;
};

constexpr std::array<ListName, static_cast<std::size_t>(WordList::Count)> kLists = {{
    {WordList::EventVerbs, "claims", "event-verbs"},
    {WordList::FoundingVerbs, "claims", "founding-verbs"},
    {WordList::PassiveAuxiliaries, "claims", "passive-auxiliaries"},
    {WordList::NotPlaces, "claims", "not-places"},
    {WordList::OtherInstance, "claims", "other-instance"},
    {WordList::DateHeaders, "claims", "date-headers"},
    {WordList::PlaceHeaders, "claims", "place-headers"},
    {WordList::PastCues, "tense", "past"},
    {WordList::FutureCues, "tense", "future"},
    {WordList::ModalCues, "tense", "modal"},
    {WordList::FutureAdjectives, "tense", "future-adjectives"},
    {WordList::PastBreakers, "tense", "past-breakers"},
    {WordList::FutureBreakers, "tense", "future-breakers"},
    {WordList::ClauseOpeners, "clauses", "openers"},
    {WordList::RelativeOpeners, "clauses", "relative-openers"},
    {WordList::Determiners, "clauses", "determiners"},
    {WordList::TitleModifiers, "titles", "modifiers"},
    {WordList::DateOpeners, "titles", "date-openers"},
    {WordList::SequenceJoining, "sequence", "joining"},
    {WordList::SequenceAfter, "sequence", "after"},
    {WordList::SequenceBefore, "sequence", "before"},
    {WordList::SequenceBlockers, "sequence", "blockers"},
    {WordList::LaterOpeners, "sequence", "later-openers"},
    {WordList::EarlierOpeners, "sequence", "earlier-openers"},
    {WordList::NameConnectors, "names", "connectors"},
    {WordList::NameArticles, "names", "articles"},
    {WordList::CalendarCues, "calendar", "cues"},
}};

constexpr std::array<std::string_view, 7> kSections = {"claims", "tense", "clauses", "names", "titles", "sequence",
                                                      "calendar"};

bool isWord(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || c == '-' || c == '\'';
  });
}

}  // namespace

std::string wordListKey(WordList list) {
  const ListName& name = kLists[static_cast<std::size_t>(list)];
  return std::string(name.section) + "." + std::string(name.key);
}

const Lexicon& Lexicon::standard() {
  static const Lexicon kStandard = [] {
    Lexicon built;
    base::ErrorList errors;
    built.add("rules/lexicon.yaml", standardLexiconText(), errors);
    for (const auto& error : errors) std::cerr << error.toString() << '\n';  // a build defect: say so
    return built;
  }();
  return kStandard;
}

bool Lexicon::addFile(const std::string& path, base::ErrorList& errors) {
  const base::Expected<std::string> text = base::readFileText(path);
  if (!text) {
    errors.push_back(base::Error::environment("cannot read lexicon file: " + text.error().message(), base::Location{path, 0, 0}));
    return false;
  }
  return add(path, *text, errors);
}

bool Lexicon::add(const std::string& path, std::string_view text, base::ErrorList& errors) {
  const size_t before = errors.size();
  const YamlSource source(path, std::string(text));
  YAML::Node root;
  try {
    root = YAML::Load(source.text());
  } catch (const YAML::Exception& e) {
    errors.push_back(base::Error::invalidInput("malformed YAML: " + e.msg, source.location(e.mark)));
    return false;
  }
  if (root.IsNull()) return true;
  if (!root.IsMap()) {
    errors.push_back(base::Error::invalidInput(
        "a lexicon is a mapping of sections (claims, tense, clauses, names, titles), not " + std::string(describeNode(root)),
        source.location(root.Mark())));
    return false;
  }
  for (const auto& section : root) {
    const std::string sectionName = section.first.IsScalar() ? section.first.Scalar() : std::string("<complex key>");
    if (std::find(kSections.begin(), kSections.end(), sectionName) == kSections.end()) {
      errors.push_back(base::Error::invalidInput(unknownKeyMessage(sectionName, kSections, "lexicon section"),
                                                 source.location(section.first.Mark())));
      continue;
    }
    if (!section.second.IsMap()) {
      errors.push_back(base::Error::invalidInput("'" + sectionName + "' must be a mapping of word lists, not " +
                                                     std::string(describeNode(section.second)),
                                                 source.location(section.second.Mark())));
      continue;
    }
    std::vector<std::string_view> keys;
    for (const auto& name : kLists)
      if (name.section == sectionName) keys.push_back(name.key);
    for (const auto& list : section.second) {
      const std::string key = list.first.IsScalar() ? list.first.Scalar() : std::string("<complex key>");
      const auto* name = std::find_if(kLists.begin(), kLists.end(), [&](const ListName& n) {
        return n.section == sectionName && n.key == key;
      });
      if (name == kLists.end()) {
        errors.push_back(base::Error::invalidInput(unknownKeyMessage(key, keys, "word list") + " in '" + sectionName + "'",
                                                   source.location(list.first.Mark())));
        continue;
      }
      if (!list.second.IsSequence()) {
        std::string message = "'" + wordListKey(name->list);
        message += "' must be a list of words, not ";
        message += describeNode(list.second);
        errors.push_back(base::Error::invalidInput(std::move(message), source.location(list.second.Mark())));
        continue;
      }
      auto& words = lists_[static_cast<std::size_t>(name->list)];
      for (const auto& item : list.second) {
        if (!item.IsScalar() || !isWord(item.Scalar())) {
          errors.push_back(base::Error::invalidInput(
              "a lexicon word is one lower-case word (letters, '-' or an apostrophe), not " +
                  (item.IsScalar() ? "'" + item.Scalar() + "'" : std::string(describeNode(item))),
              source.location(item.Mark())));
          continue;
        }
        words.push_back(item.Scalar());
      }
      std::sort(words.begin(), words.end());
      words.erase(std::unique(words.begin(), words.end()), words.end());
      sets_[static_cast<std::size_t>(name->list)].insert(words.begin(), words.end());
    }
  }
  return errors.size() == before;
}

bool Lexicon::contains(WordList list, std::string_view word) const {
  return sets_[static_cast<std::size_t>(list)].contains(word);
}

}  // namespace galley::config
