// Lexicon: the words Galley reads drafts by (cue verbs, tense and modality cues, clause openers,
// title modifiers), loaded from YAML and validated like a rule pack.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/Error.h"
#include "base/StringSet.h"

namespace galley::config {

// Every word list a lexicon holds. The YAML key of each is "<section>: <list>" (wordListKey()).
enum class WordList {
  EventVerbs,          // claims.event-verbs: "signed", "adopted", "held" (place and date of an event)
  FoundingVerbs,       // claims.founding-verbs: "established", "founded" (a founding date)
  PassiveAuxiliaries,  // claims.passive-auxiliaries: "was", "is" before an event verb
  NotPlaces,           // claims.not-places: "signed in English": no place
  OtherInstance,       // claims.other-instance: "another", "a new", "a later" <instrument>: maybe not the known one
  DateHeaders,         // claims.date-headers: a table column headed "Date", "Signed", "Held"
  PlaceHeaders,        // claims.place-headers: a table column headed "Place", "City", "Venue"
  PastCues,            // tense.past: verbs that put a clause in the past
  FutureCues,          // tense.future: verbs that put a clause in the future
  ModalCues,           // tense.modal: "would", "may": no direction, and nothing further away counts
  FutureAdjectives,    // tense.future-adjectives: "next", "upcoming" (weak: only without a verb)
  PastBreakers,        // tense.past-breakers: "until", "for" between a past verb and a later date
  FutureBreakers,      // tense.future-breakers: "since", "after" between a future verb and an earlier date
  ClauseOpeners,       // clauses.openers: "and", "but", "which" open a clause of their own
  RelativeOpeners,     // clauses.relative-openers: "which", "who": the clause ends at its comma
  Determiners,         // clauses.determiners: "to the" is a preposition, "to meet" an infinitive
  TitleModifiers,      // titles.modifiers: "former", "acting", "then" before a title
  DateOpeners,         // titles.date-openers: "In May 2013, <title> ...": the title's own date
  SequenceJoining,     // sequence.joining: "then", "subsequently": the step after the cue is the later one
  SequenceAfter,       // sequence.after: "after", "following": the step the cue opens is the earlier one
  SequenceBefore,      // sequence.before: "before": the step the cue opens is the later one
  SequenceBlockers,    // sequence.blockers: "since", "the" before a joining cue ("since then", "the then")
  LaterOpeners,        // sequence.later-openers: "Subsequently, on ...": after the previous sentence
  EarlierOpeners,      // sequence.earlier-openers: "Previously, on ...": before the previous sentence
  NameConnectors,      // names.connectors: "of", "for" inside a capitalised name ("Forum for Security Co-operation")
  NameArticles,        // names.articles: "the", "a": a capitalised article does not start a name
  CalendarCues,        // calendar.cues: "on", "in" before a month or weekday name ("on Wendesday" is a slip)
  Count,
};

// "claims.event-verbs", ...: the list's section and key, as errors and docs name it.
std::string wordListKey(WordList list);

// Word lists, each sorted and free of duplicates. Words are lower-case ASCII letters, hyphens and
// apostrophes, one word each. Immutable once loaded; safe to share between threads.
//
//   config::Lexicon lexicon = config::Lexicon::standard();  // the bundled words
//   lexicon.addFile("rules/my-pack/lexicon.yaml", errors);   // a pack adds its own
//   if (lexicon.contains(config::WordList::EventVerbs, "inked")) ...
class Lexicon {
 public:
  // The bundled lexicon (rules/lexicon.yaml, compiled into the binary). Built on first use;
  // thread-safe. Its words are checked by a unit test; were it ever invalid, the valid lists load.
  static const Lexicon& standard();

  // Adds the words of lexicon YAML `text` (errors print `path`) to the lists. Every problem is
  // appended to `errors`, located: malformed YAML, a top level that is not a mapping, unknown
  // sections and lists (with the nearest valid name), a list that is not a list of single words.
  // Returns true when `text` had no error (its valid lists are added either way).
  bool add(const std::string& path, std::string_view text, base::ErrorList& errors);
  // As add(), reading `path`. An unreadable file is an Environment error.
  bool addFile(const std::string& path, base::ErrorList& errors);

  // True when `word` (lower case) is in `list`. One hash look-up: the model asks about most words
  // of a draft (a binary search of string compares was 1% of a bundled run's CPU).
  [[nodiscard]] bool contains(WordList list, std::string_view word) const;
  [[nodiscard]] const std::vector<std::string>& words(WordList list) const {
    return lists_[static_cast<std::size_t>(list)];
  }

 private:
  std::array<std::vector<std::string>, static_cast<std::size_t>(WordList::Count)> lists_;  // sorted
  std::array<base::StringSet, static_cast<std::size_t>(WordList::Count)> sets_;             // the same words
};

// The text of rules/lexicon.yaml (generated at build time from the file).
std::string_view standardLexiconText();

}  // namespace galley::config
