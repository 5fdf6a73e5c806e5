#include "annotate/Clauses.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace galley::annotate {

namespace {

struct Cue {
  std::string_view word;
  Tense tense;
  bool weak = false;  // an adjective ("next", "upcoming"): used only when the clause has no verb cue
};

struct WordAt {
  std::string word;  // lower case
  uint32_t offset = 0;
  bool capital = false;
  bool inDate = false;  // part of a date expression: "next" in "next Monday" is not a cue
  int clause = 0;       // clause number within the sentence
  bool commaBefore = false;  // a comma between the previous word and this one
  bool relative = false;     // the clause opened with "which", "who" or "whose": it ends at a comma
};

bool isClausePunctuation(std::string_view text, uint32_t i) {
  return text[i] == ';' || text.substr(i, 3) == "\xE2\x80\x94";  // ";" or an em dash
}

// The words of `range` with their clause numbers. `dates` are the date ranges inside it.
std::vector<WordAt> words(const config::Lexicon& lex, std::string_view text, base::Range range, const std::vector<base::Range>& dates) {
  std::vector<WordAt> out;
  int clause = 0;
  bool relative = false;
  bool comma = false;
  uint32_t i = range.begin;
  while (i < range.end) {
    if (std::isalpha(static_cast<unsigned char>(text[i])) == 0) {
      if (isClausePunctuation(text, i)) {
        ++clause;
        relative = false;
      }
      comma = comma || text[i] == ',';
      ++i;
      continue;
    }
    WordAt w;
    w.offset = i;
    w.commaBefore = std::exchange(comma, false);
    w.capital = std::isupper(static_cast<unsigned char>(text[i])) != 0;
    while (i < range.end && std::isalpha(static_cast<unsigned char>(text[i])) != 0)
      w.word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
    w.inDate = std::any_of(dates.begin(), dates.end(), [&](base::Range d) { return d.contains(w.offset); });
    if (!w.inDate && lex.contains(config::WordList::ClauseOpeners, w.word)) {
      ++clause;
      relative = lex.contains(config::WordList::RelativeOpeners, w.word);
    }
    w.clause = clause;
    w.relative = relative;
    out.push_back(std::move(w));
  }
  return out;
}

// The cue `word` is in the lexicon's tense lists, if any. Past participles count as past unless a
// form of "be" before them says otherwise ("will be held", "is held every year"): see tenseAt().
std::optional<Cue> findCue(const config::Lexicon& lex, std::string_view word) {
  if (lex.contains(config::WordList::PastCues, word)) return Cue{word, Tense::Past};
  if (lex.contains(config::WordList::FutureCues, word)) return Cue{word, Tense::Future};
  if (lex.contains(config::WordList::ModalCues, word)) return Cue{word, Tense::Neutral};
  if (lex.contains(config::WordList::FutureAdjectives, word)) return Cue{word, Tense::Future, true};
  return std::nullopt;
}

bool isBe(std::string_view w) { return w == "be" || w == "is" || w == "are" || w == "being" || w == "am"; }

// The tense word `i` gives its clause, or nullopt when it is no cue. `weak` receives whether the cue
// is an adjective.
std::optional<Tense> tenseAt(const config::Lexicon& lex, const std::vector<WordAt>& ws, size_t i, bool& weak) {
  if (ws[i].inDate) return std::nullopt;
  // "plan to meet", "intend to sign": the verb form, not the noun ("the plan of 2 March").
  if ((ws[i].word == "plan" || ws[i].word == "intend" || ws[i].word == "aim" || ws[i].word == "aims") &&
      i + 1 < ws.size() && ws[i + 1].word == "to") {
    weak = false;
    return Tense::Future;
  }
  // "is to take place", "are to meet": a plan (not "is to the north").
  if ((ws[i].word == "is" || ws[i].word == "are") && i + 2 < ws.size() && ws[i + 1].word == "to" &&
      !ws[i + 2].inDate && !ws[i + 2].capital && !lex.contains(config::WordList::Determiners, ws[i + 2].word)) {
    weak = false;
    return Tense::Future;
  }
  const auto cue = findCue(lex, ws[i].word);
  if (!cue) return std::nullopt;
  weak = cue->weak;
  const std::string_view before = i > 0 ? std::string_view(ws[i - 1].word) : std::string_view();
  if (cue->word == "will" && (before == "political" || before == "good" || before == "the" || before == "their" ||
                              before == "its" || before == "our"))
    return std::nullopt;  // the noun: "political will"
  // "was expected to", "was originally planned for": a plan told from the past, before or after today.
  const auto pastAuxiliary = [](std::string_view w) { return w == "was" || w == "were" || w == "had" || w == "been"; };
  if (cue->tense == Tense::Future && cue->word != "will" && cue->word != "shall" &&
      (pastAuxiliary(before) || (i > 1 && pastAuxiliary(ws[i - 2].word))))
    return Tense::Neutral;
  // "the convoy planned for 28 September had been delayed": without "is" or "are" before it, a
  // scheduling participle describes a noun, and the clause's verb, if any, decides.
  if (cue->word == "planned" || cue->word == "scheduled" || cue->word == "expected" || cue->word == "due") {
    const std::string_view twoBefore = i > 1 ? std::string_view(ws[i - 2].word) : std::string_view();
    const bool adverb = before == "now" || before == "still" || before == "also" || before == "currently";
    weak = !(isBe(before) || (adverb && isBe(twoBefore)));
  }
  if (cue->tense == Tense::Past && cue->word != "was" && cue->word != "were" && cue->word != "had" && isBe(before)) {
    // A participle after "be": "will be held" and "is to be held" are future, "may be held" and
    // "is held every year" say nothing.
    const std::string_view twoBefore = i > 1 ? std::string_view(ws[i - 2].word) : std::string_view();
    if (before == "be" && (twoBefore == "will" || twoBefore == "shall" || twoBefore == "to")) return Tense::Future;
    return Tense::Neutral;
  }
  return cue->tense;
}

// True when `ws[k]` opens a participial phrase set off by a comma (", covering the period up to 31
// December", ", marking ten years since 2007"): a date inside it is not the time of the main verb.
bool opensParticiplePhrase(const std::vector<WordAt>& ws, size_t k) {
  constexpr std::size_t kMinLength = 5;  // "-ing" words shorter than this are "king", "sing", "ring"
  return ws[k].commaBefore && !ws[k].inDate && ws[k].word.size() >= kMinLength && ws[k].word.ends_with("ing");
}

// True when words (from, to) hold something that detaches a date from a verb of tense `tense`
// before it.
bool detached(const config::Lexicon& lex, const std::vector<WordAt>& ws, size_t from, size_t to, Tense tense) {
  for (size_t k = from + 1; k < to; ++k) {
    if (ws[k].inDate) continue;
    const std::string& w = ws[k].word;
    if (opensParticiplePhrase(ws, k)) return true;
    if (tense == Tense::Past) {
      if (lex.contains(config::WordList::PastBreakers, w)) return true;
      // "agreed to meet on ...": an infinitive is a plan made in the past.
      if (w == "to" && k + 1 < to && !ws[k + 1].capital && !ws[k + 1].inDate && !lex.contains(config::WordList::Determiners, ws[k + 1].word))
        return true;
    } else if (tense == Tense::Future && (lex.contains(config::WordList::FutureBreakers, w) || (w == "anniversary" && k + 1 < to &&
                                                                           ws[k + 1].word == "of"))) {
      return true;
    }
  }
  return false;
}

// True when `ws[k]` looks like a past verb ("discussed", "reviewed"): an "-ed" word of five letters
// or more, not "-eed", not after a form of "be" or "to".
bool isPastVerb(const std::vector<WordAt>& ws, size_t k) {
  constexpr std::size_t kMinLength = 5;  // "need", "seed", "bed" are not participles
  const std::string& w = ws[k].word;
  if (ws[k].inDate || w.size() < kMinLength || !w.ends_with("ed") || w.ends_with("eed")) return false;
  return k == 0 || (!isBe(ws[k - 1].word) && ws[k - 1].word != "been" && ws[k - 1].word != "to");
}

// True when the date whose first word is `ws[at]` directly follows a past participle, perhaps
// through "on", "in" or "at": "founded on 15 June 2001", "signed in 2011". Participles the cue table
// knows ("scheduled for") and passives after "be" ("will be celebrated on") are left to tenseFor.
bool participleBefore(const config::Lexicon& lex, const std::vector<WordAt>& ws, size_t at) {
  if (at == 0) return false;
  size_t i = at - 1;
  if ((ws[i].word == "on" || ws[i].word == "in" || ws[i].word == "at") && i > 0) --i;
  return !findCue(lex, ws[i].word) && isPastVerb(ws, i);
}

// The first verb cue after a date (its words end before `firstAfter`, start at `firstInside`) in
// its clause, or nullopt; `weakTense` receives the first adjective cue when it had none.
std::optional<Tense> tenseAfter(const config::Lexicon& lex, const std::vector<WordAt>& ws, size_t firstInside, size_t firstAfter,
                                std::optional<Tense>& weakTense) {
  const int clause = firstInside > 0 ? ws[firstInside - 1].clause : 0;
  // "The plan, which runs to 2018, was extended": a relative clause ends at its comma, and so does a
  // participial phrase ("The report, covering the period up to 31 December, will be issued").
  bool parenthetical = false;
  for (size_t k = firstInside; k-- > 0 && ws[k].clause == clause;) {
    if (opensParticiplePhrase(ws, k)) parenthetical = true;
    if (ws[k].commaBefore) break;
  }
  bool weak = false;
  for (size_t k = firstAfter;
       k < ws.size() && ws[k].clause == clause && !((ws[k].relative || parenthetical) && ws[k].commaBefore); ++k) {
    const auto t = tenseAt(lex, ws, k, weak);
    if (t && !weak) return t;
    if (t && !weakTense) weakTense = t;
    // "The next meeting, on 20 February, discussed ...": a past verb the table lacks still beats
    // an adjective cue.
    if (!t && weakTense && isPastVerb(ws, k)) return Tense::Past;
  }
  return std::nullopt;
}

// The tense of the clause a date at `date` belongs to: its nearest verb cue before it in the
// clause, else its first verb cue after it in the clause, else an adjective cue in the clause,
// else the nearest cue in an earlier clause of the sentence. nullopt when nothing decides.
std::optional<Tense> tenseFor(const config::Lexicon& lex, const std::vector<WordAt>& ws, base::Range date) {
  const auto firstInside = static_cast<size_t>(
      std::partition_point(ws.begin(), ws.end(), [&](const WordAt& w) { return w.offset < date.begin; }) - ws.begin());
  if (participleBefore(lex, ws, firstInside)) return Tense::Past;
  const auto firstAfter = static_cast<size_t>(
      std::partition_point(ws.begin(), ws.end(), [&](const WordAt& w) { return w.offset < date.end; }) - ws.begin());
  const int clause = firstInside > 0 ? ws[firstInside - 1].clause : 0;
  std::optional<Tense> weakTense;
  bool weak = false;
  size_t i = firstInside;
  for (; i > 0 && ws[i - 1].clause == clause; --i) {
    const auto t = tenseAt(lex, ws, i - 1, weak);
    if (!t) continue;
    if (!weak) return *t != Tense::Neutral && detached(lex, ws, i - 1, firstInside, *t) ? std::nullopt : t;
    if (!weakTense && !detached(lex, ws, i - 1, firstInside, *t)) weakTense = t;
  }
  if (const auto after = tenseAfter(lex, ws, firstInside, firstAfter, weakTense)) return after;
  if (weakTense) return weakTense;
  for (; i > 0; --i) {
    const auto t = tenseAt(lex, ws, i - 1, weak);
    if (t && !weak) return *t != Tense::Neutral && detached(lex, ws, i - 1, firstInside, *t) ? std::nullopt : t;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Tense> clauseTense(const config::Lexicon& lexicon, std::string_view text, base::Range sentence,
                                 const std::vector<base::Range>& dates, base::Range date) {
  return tenseFor(lexicon, words(lexicon, text, sentence, dates), date);
}

}  // namespace galley::annotate
