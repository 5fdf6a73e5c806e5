#include "checks/ChronologyTenseCheck.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/Calendar.h"

namespace galley::checks {

namespace {

// Neutral: a cue that fixes no direction ("would", "may", "was expected to") and so hides any
// cue further away: the clause's time is not known.
enum class Tense { Past, Future, Neutral };

struct Cue {
  std::string_view word;
  Tense tense;
  bool weak = false;  // an adjective ("next", "upcoming"): used only when the clause has no verb cue
};

// Words that fix a clause's time. Past participles count as past unless a form of "be" before them
// says otherwise ("will be held", "is held every year").
constexpr std::array kCues = {
    Cue{"adopted", Tense::Past},      Cue{"appointed", Tense::Past},    Cue{"approved", Tense::Past},
    Cue{"attended", Tense::Past},     Cue{"began", Tense::Past},        Cue{"can", Tense::Neutral},
    Cue{"closed", Tense::Past},       Cue{"concluded", Tense::Past},    Cue{"convened", Tense::Past},
    Cue{"could", Tense::Neutral},     Cue{"due", Tense::Future},        Cue{"ended", Tense::Past},
    Cue{"expected", Tense::Future},   Cue{"forthcoming", Tense::Future, true},
    Cue{"had", Tense::Past},          Cue{"held", Tense::Past},         Cue{"hosted", Tense::Past},
    Cue{"intends", Tense::Future},    Cue{"launched", Tense::Past},     Cue{"may", Tense::Neutral},
    Cue{"met", Tense::Past},          Cue{"might", Tense::Neutral},     Cue{"must", Tense::Neutral},
    Cue{"next", Tense::Future, true}, Cue{"opened", Tense::Past},       Cue{"planned", Tense::Future},
    Cue{"plans", Tense::Future},      Cue{"ratified", Tense::Past},     Cue{"scheduled", Tense::Future},
    Cue{"shall", Tense::Future},      Cue{"should", Tense::Neutral},    Cue{"signed", Tense::Past},
    Cue{"took", Tense::Past},         Cue{"upcoming", Tense::Future, true},
    Cue{"visited", Tense::Past},      Cue{"was", Tense::Past},          Cue{"were", Tense::Past},
    Cue{"will", Tense::Future},       Cue{"would", Tense::Neutral},
};

// Words that open a new clause with its own verb: a date after them is not governed by a verb
// before them ("met on 13 March and will meet again on 8 June").
constexpr std::array<std::string_view, 13> kClauseOpeners = {"although", "and",   "because", "but",   "that",
                                                             "though",   "when",  "whereas", "which", "while",
                                                             "who",      "whose", "yet"};

// Between a past verb and a later date, these make the date a target or a plan, not the time of
// the verb ("agreed on a plan for 2020", "appointed for a term ending 31 December 2018").
constexpr std::array<std::string_view, 9> kPastBreakers = {"ahead", "ending", "for",   "prepare", "preparations",
                                                           "till",  "toward", "towards", "until"};
// Between a future verb and an earlier date, these make the date a past event being recalled
// ("will mark the anniversary of the founding in 2001").
constexpr std::array<std::string_view, 9> kFutureBreakers = {"after",  "ago",   "earlier",  "following", "former",
                                                             "previous", "prior", "recalled", "since"};
// Determiners after "to": "to the summit" is a preposition, "to meet" an infinitive.
constexpr std::array<std::string_view, 10> kDeterminers = {"a",    "all",  "an",  "her",   "his",
                                                           "its", "the",  "their", "these", "this"};

template <std::size_t N>
bool isOneOf(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

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
std::vector<WordAt> words(std::string_view text, base::Range range, const std::vector<base::Range>& dates) {
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
    if (!w.inDate && isOneOf(kClauseOpeners, w.word)) {
      ++clause;
      relative = w.word == "which" || w.word == "who" || w.word == "whose";
    }
    w.clause = clause;
    w.relative = relative;
    out.push_back(std::move(w));
  }
  return out;
}

const Cue* findCue(std::string_view word) {
  const auto* it = std::find_if(kCues.begin(), kCues.end(), [&](const Cue& c) { return c.word == word; });
  return it == kCues.end() ? nullptr : &*it;
}

bool isBe(std::string_view w) { return w == "be" || w == "is" || w == "are" || w == "being" || w == "am"; }

// The tense word `i` gives its clause, or nullopt when it is no cue. `weak` receives whether the cue
// is an adjective.
std::optional<Tense> tenseAt(const std::vector<WordAt>& ws, size_t i, bool& weak) {
  if (ws[i].inDate) return std::nullopt;
  // "plan to meet", "intend to sign": the verb form, not the noun ("the plan of 2 March").
  if ((ws[i].word == "plan" || ws[i].word == "intend" || ws[i].word == "aim" || ws[i].word == "aims") &&
      i + 1 < ws.size() && ws[i + 1].word == "to") {
    weak = false;
    return Tense::Future;
  }
  const Cue* cue = findCue(ws[i].word);
  if (cue == nullptr) return std::nullopt;
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
bool detached(const std::vector<WordAt>& ws, size_t from, size_t to, Tense tense) {
  for (size_t k = from + 1; k < to; ++k) {
    if (ws[k].inDate) continue;
    const std::string& w = ws[k].word;
    if (opensParticiplePhrase(ws, k)) return true;
    if (tense == Tense::Past) {
      if (isOneOf(kPastBreakers, w)) return true;
      // "agreed to meet on ...": an infinitive is a plan made in the past.
      if (w == "to" && k + 1 < to && !ws[k + 1].capital && !ws[k + 1].inDate && !isOneOf(kDeterminers, ws[k + 1].word))
        return true;
    } else if (tense == Tense::Future && (isOneOf(kFutureBreakers, w) || (w == "anniversary" && k + 1 < to &&
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
bool participleBefore(const std::vector<WordAt>& ws, size_t at) {
  if (at == 0) return false;
  size_t i = at - 1;
  if ((ws[i].word == "on" || ws[i].word == "in" || ws[i].word == "at") && i > 0) --i;
  return findCue(ws[i].word) == nullptr && isPastVerb(ws, i);
}

// The first verb cue after a date (its words end before `firstAfter`, start at `firstInside`) in
// its clause, or nullopt; `weakTense` receives the first adjective cue when it had none.
std::optional<Tense> tenseAfter(const std::vector<WordAt>& ws, size_t firstInside, size_t firstAfter,
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
    const auto t = tenseAt(ws, k, weak);
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
std::optional<Tense> tenseFor(const std::vector<WordAt>& ws, base::Range date) {
  const auto firstInside = static_cast<size_t>(
      std::partition_point(ws.begin(), ws.end(), [&](const WordAt& w) { return w.offset < date.begin; }) - ws.begin());
  if (participleBefore(ws, firstInside)) return Tense::Past;
  const auto firstAfter = static_cast<size_t>(
      std::partition_point(ws.begin(), ws.end(), [&](const WordAt& w) { return w.offset < date.end; }) - ws.begin());
  const int clause = firstInside > 0 ? ws[firstInside - 1].clause : 0;
  std::optional<Tense> weakTense;
  bool weak = false;
  size_t i = firstInside;
  for (; i > 0 && ws[i - 1].clause == clause; --i) {
    const auto t = tenseAt(ws, i - 1, weak);
    if (!t) continue;
    if (!weak) return *t != Tense::Neutral && detached(ws, i - 1, firstInside, *t) ? std::nullopt : t;
    if (!weakTense && !detached(ws, i - 1, firstInside, *t)) weakTense = t;
  }
  if (const auto after = tenseAfter(ws, firstInside, firstAfter, weakTense)) return after;
  if (weakTense) return weakTense;
  for (; i > 0; --i) {
    const auto t = tenseAt(ws, i - 1, weak);
    if (t && !weak) return *t != Tense::Neutral && detached(ws, i - 1, firstInside, *t) ? std::nullopt : t;
  }
  return std::nullopt;
}

// True for dates the tense of a clause says nothing about: durations, bare weekdays, deictic dates
// that carry their own direction ("last year", "next week"), and years used as labels ("the 2030
// Agenda"), which are told apart by not following a preposition of time.
bool judged(const dates::DateExpression& e, std::string_view text) {
  if (!e.value || e.kind == dates::DateKind::Duration) return false;
  // "in March" took its year from the text around it: a tense that disagrees more likely means the
  // guess was wrong ("will return in March", written in November) than the text.
  if (e.basis == dates::Basis::ContextYear) return false;
  const std::string_view written = text.substr(e.range.begin, e.range.size());
  if (e.kind == dates::DateKind::Deictic) return !e.weekday && written.find("this") != std::string_view::npos;
  if (e.value->precision == base::Precision::Year && e.kind != dates::DateKind::Range) {
    std::size_t end = e.range.begin;
    while (end > 0 && text[end - 1] == ' ') --end;
    std::size_t begin = end;
    while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1])) != 0) --begin;
    std::string before(text.substr(begin, end - begin));
    std::transform(before.begin(), before.end(), before.begin(), [](unsigned char c) { return std::tolower(c); });
    return before == "in" || before == "during" || before == "throughout";
  }
  return true;
}

// The word just before `offset` in `text`, lower case.
std::string wordBefore(std::string_view text, uint32_t offset) {
  std::size_t end = offset;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ',')) --end;
  std::size_t begin = end;
  while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1])) != 0) --begin;
  std::string w(text.substr(begin, end - begin));
  std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
  return w;
}

// The ranges of the dates of `block` inside `sentence`, so that words inside them ("next" in "next
// Monday") are not cues.
std::vector<base::Range> datesIn(const std::vector<annotate::DateMention>& mentions, uint32_t block,
                                 base::Range sentence) {
  std::vector<base::Range> out;
  auto it = std::partition_point(mentions.begin(), mentions.end(), [&](const annotate::DateMention& d) {
    return d.block < block || (d.block == block && d.date.range.begin < sentence.begin);
  });
  for (; it != mentions.end() && it->block == block && it->date.range.begin < sentence.end; ++it)
    out.push_back(it->date.range);
  return out;
}

// True when `tense` contradicts a date after (or before) the reference date. `previous` is the word
// before the date: "completed by 2020" and "postponed to 5 May" name a deadline or a target; "the
// decisions of 2 March" a past event named in a plan.
bool contradicts(Tense tense, bool after, bool before, const std::string& previous) {
  if (tense == Tense::Past)
    return after && previous != "by" && previous != "before" && previous != "to" && previous != "until" &&
           previous != "till" && previous != "through";
  if (tense == Tense::Future) return before && previous != "of" && previous != "dated" && previous != "since";
  return false;
}

// True when `range` of a paragraph's `text` is shaped like a dateline: only capitalised words before
// it ("VIENNA,", "New York,"), not a preposition opening a story ("On 14 June 2011, the two ..."),
// and a dash, full stop, colon or bracket after it.
bool looksLikeDateline(std::string_view text, base::Range range) {
  constexpr std::size_t kMaxPlaceWords = 5;
  std::size_t words = 0;
  for (std::size_t i = 0; i < range.begin; ++i) {
    const bool starts = std::isalpha(static_cast<unsigned char>(text[i])) != 0 &&
                        (i == 0 || std::isalpha(static_cast<unsigned char>(text[i - 1])) == 0);
    if (!starts) continue;
    if (std::islower(static_cast<unsigned char>(text[i])) != 0 || ++words > kMaxPlaceWords) return false;
    std::string word;
    for (std::size_t k = i; k < range.begin && std::isalpha(static_cast<unsigned char>(text[k])) != 0; ++k)
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
    if (word == "on" || word == "in" || word == "since" || word == "by" || word == "from" || word == "as" ||
        word == "at" || word == "after" || word == "before" || word == "until" || word == "during")
      return false;
  }
  std::size_t next = range.end;
  while (next < text.size() && text[next] == ' ') ++next;
  if (next >= text.size()) return true;
  const std::string_view rest = text.substr(next);
  return rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xE2\x80\x93") || rest[0] == '-' || rest[0] == '.' ||
         rest[0] == ':' || rest[0] == '(' || rest[0] == ')';
}

// Where the reference date was written, when it can be trusted as the date of the release: the
// front matter's `date`, else a dateline-shaped first date in the first paragraph. nullopt when the
// reference came from a first paragraph that tells a story ("On 14 June 2011, the two signed ...");
// then tenses are not judged, since everything after that date would look like the future.
std::optional<base::Range> referenceSource(const document::Document& document,
                                           const std::vector<annotate::DateMention>& mentions, int64_t ref) {
  if (const auto* field = document.field("date")) return field->valueSource;
  for (const auto& m : mentions) {
    if (m.date.value && m.date.value->first == ref && m.date.value->last == ref && m.date.basis == dates::Basis::None) {
      const document::ProseText& prose = document.blocks[m.block].prose;
      if (!looksLikeDateline(prose.text(), m.date.range)) return std::nullopt;
      return prose.toSource(m.date.range);
    }
  }
  return std::nullopt;
}

// True when the date mention `index` was counted from a date stated earlier in its own block
// (the anchor the recognizer used is the value of one of them).
bool anchoredInSameBlock(const std::vector<annotate::DateMention>& mentions, std::size_t index) {
  const annotate::DateMention& m = mentions[index];
  if (!m.date.anchor) return false;
  for (std::size_t i = index; i-- > 0 && mentions[i].block == m.block;) {
    if (mentions[i].date.value && *mentions[i].date.value == *m.date.anchor) return true;
  }
  return false;
}

}  // namespace

ChronologyTenseCheck::ChronologyTenseCheck(const config::RuleConfig& rule, Scope scope) : Check(rule, scope) {}

std::unique_ptr<Check> ChronologyTenseCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const auto scope = Scope::parse(rule.scope, errors);
  if (!scope) return nullptr;
  return std::make_unique<ChronologyTenseCheck>(rule, *scope);
}

void ChronologyTenseCheck::run(const document::Document& document, annotate::Annotations& annotations,
                               diag::DiagnosticSink& sink) const {
  const auto& reference = annotations.referenceDate();
  if (!reference) return;
  const int64_t ref = base::daysFromCivil(*reference);
  const std::string referenceText = base::formatDayMonthYear(*reference);
  const auto& sentences = annotations.sentences();
  const auto& mentions = annotations.dates();
  const std::optional<base::Range> datelineSource = referenceSource(document, mentions, ref);
  if (!datelineSource) return;
  const ScopeSpans spans = scopeSpans(document, annotations);
  for (std::size_t index = 0; index < mentions.size(); ++index) {
    const annotate::DateMention& m = mentions[index];
    const dates::DateExpression& e = m.date;
    const std::string& text = document.blocks[m.block].prose.text();
    if (!judged(e, text)) continue;
    // A date counted from a date in an earlier paragraph ("The following week, experts will
    // visit" after a paragraph of past events) is only as sure as the guess of what it counts
    // from: a writer often means the release's own date. Judging tense against such a guess
    // reports sound prose, so it is judged only when its anchor sits in the same paragraph.
    if (e.basis == dates::Basis::PreviousDate && !anchoredInSameBlock(mentions, index)) continue;
    // "The day before, 15 May": the explicit gloss is judged; the anaphoric date counted from
    // whatever came before would only repeat another rule's finding.
    constexpr uint32_t kGlossGap = 8;
    if (e.kind == dates::DateKind::Anaphoric && index + 1 < mentions.size() && mentions[index + 1].block == m.block &&
        mentions[index + 1].date.range.begin <= e.range.end + kGlossGap)
      continue;
    const bool after = e.value->first > ref;
    const bool before = e.value->last < ref;
    if (!after && !before) continue;
    if (!spans.contains(m.block, e.range)) continue;
    // Sentences are in document order: binary search for the one holding the date.
    const auto sentence = std::partition_point(sentences.begin(), sentences.end(), [&](const annotate::Sentence& s) {
      return s.block < m.block || (s.block == m.block && s.prose.end <= e.range.begin);
    });
    if (sentence == sentences.end() || sentence->block != m.block || !sentence->prose.contains(e.range)) continue;
    const auto tense = tenseFor(words(text, sentence->prose, datesIn(mentions, m.block, sentence->prose)), e.range);
    if (!tense || !contradicts(*tense, after, before, wordBefore(text, e.range.begin))) continue;
    const std::string_view found = std::string_view(text).substr(e.range.begin, e.range.size());
    const std::string_view tenseName = *tense == Tense::Past ? "past" : "future";
    const std::array<std::pair<std::string_view, std::string_view>, 3> values{
        {{"found", found}, {"tense", tenseName}, {"reference", referenceText}}};
    diag::Diagnostic d = diagnostic(document.blocks[m.block].prose.toSource(e.range), values);
    diag::Note note;
    note.message = "the reference date is " + referenceText;
    note.range = datelineSource;
    d.notes.push_back(std::move(note));
    sink.report(std::move(d));
  }
}

}  // namespace galley::checks
