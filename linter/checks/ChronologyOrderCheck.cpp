#include "checks/ChronologyOrderCheck.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/Lexicon.h"

namespace galley::checks {

namespace {

// Where a cue stands relative to the steps it orders.
enum class Shape {
  Joining,         // "X, followed by Y", "X; then Y": the step after the cue is the later one
  JoiningReverse,  // "Y after X", "X before Y" read from the right: "Y, after X" puts the step before the cue later
  Leading,         // "After X, Y": the cue opens the earlier step
  LeadingReverse,  // "Before X, Y": the cue opens the later step
};

struct CueHit {
  uint32_t offset = 0;
  std::string_view cue;
  Shape shape = Shape::Joining;
};

bool isWordChar(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The lexicon's copy of `word` in `list` (so the view outlives the caller's buffer), or empty.
std::string_view lexiconWord(const config::Lexicon& lexicon, config::WordList list, std::string_view word) {
  const auto& words = lexicon.words(list);
  const auto it = std::lower_bound(words.begin(), words.end(), word);
  return it != words.end() && *it == word ? std::string_view(*it) : std::string_view();
}

// Sequence cues (lexicon sequence.*) found as whole words in `range` of `text`. A cue after a
// sequence.blockers word ("since then", "the then minister") orders nothing. sequence.after and
// sequence.before cues open the earlier/later step when they come before the sentence's first
// comma, and join two steps otherwise. "followed by" is read as a pair.
// FIXME(issue 7): the cue reading belongs in the model (annotate/), as the tense cues moved.
std::vector<CueHit> findCues(const config::Lexicon& lexicon, std::string_view text, base::Range range) {
  std::vector<CueHit> hits;
  uint32_t i = range.begin;
  std::string previous;
  bool sawComma = false;
  while (i < range.end) {
    if (!isWordChar(text[i])) {
      if (text[i] == ',' || text[i] == ';') sawComma = true;
      ++i;
      continue;
    }
    const uint32_t start = i;
    std::string word;
    while (i < range.end && isWordChar(text[i]))
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
    const bool blocked = lexicon.contains(config::WordList::SequenceBlockers, previous);
    if (word == "by" && previous == "followed") {
      hits.push_back({start, "followed by", Shape::Joining});
    } else if (const auto joining = lexiconWord(lexicon, config::WordList::SequenceJoining, word);
               !joining.empty() && !blocked) {
      hits.push_back({start, joining, Shape::Joining});
    } else if (const auto after = lexiconWord(lexicon, config::WordList::SequenceAfter, word);
               !after.empty() && !blocked) {
      hits.push_back({start, after, sawComma ? Shape::JoiningReverse : Shape::Leading});
    } else if (const auto before = lexiconWord(lexicon, config::WordList::SequenceBefore, word); !before.empty()) {
      hits.push_back({start, before, sawComma ? Shape::Joining : Shape::LeadingReverse});
    }
    previous = std::move(word);
  }
  return hits;
}

// The lower-case words of `text`, split at anything that is not a letter.
std::vector<std::string> wordsOf(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : text) {
    if (isWordChar(c)) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// True when the step after a joining cue is in the cue's own phrase: no comma between them, or only
// a preposition after one ("then, on 2 June"). "was followed by statements, including one recalling
// the resolution adopted on 21 November 2016" does not date the step that follows.
bool inCuePhrase(std::string_view text, uint32_t cue, uint32_t date) {
  const std::string_view between = text.substr(cue, date - cue);
  if (between.find(',') == std::string_view::npos) return true;
  const std::vector<std::string> words = wordsOf(between);
  // words[0] is the cue's own last word ("then", "by" of "followed by").
  return words.size() == 1 || (words.size() == 2 && (words[1] == "on" || words[1] == "in" || words[1] == "during"));
}

using Dated = std::vector<const annotate::DateMention*>;
using Steps = std::pair<const annotate::DateMention*, const annotate::DateMention*>;

// The cues of a sentence whose dated steps are `dated`. A cue orders two of them: with fewer, no
// cue can say anything, and the sentence is not read for cues at all.
std::vector<CueHit> cuesToRead(const config::Lexicon& lexicon, std::string_view text, base::Range sentence,
                               const Dated& dated) {
  if (dated.size() < 2) return {};
  return findCues(lexicon, text, sentence);
}

// The two steps a cue orders as (the step that should come first, the one that should come
// second), or nullopt when the cue is part of a date ("the day after") or lacks a dated step on
// either side.
std::optional<Steps> orderedSteps(const CueHit& hit, const Dated& dated, std::string_view text) {
  const bool insideDate =
      std::any_of(dated.begin(), dated.end(), [&](const auto* m) { return m->date.range.contains(hit.offset); });
  if (insideDate) return std::nullopt;
  const auto firstAfter =
      std::find_if(dated.begin(), dated.end(), [&](const auto* m) { return m->date.range.begin > hit.offset; });
  if (hit.shape == Shape::Leading || hit.shape == Shape::LeadingReverse) {
    // "After X, Y": Y is the first date past the comma that closes the cue's phrase.
    if (firstAfter == dated.end()) return std::nullopt;
    const auto comma = text.find(',', (*firstAfter)->date.range.end);
    if (comma == std::string_view::npos) return std::nullopt;
    const auto y = std::find_if(firstAfter + 1, dated.end(), [&](const auto* m) { return m->date.range.begin > comma; });
    if (y == dated.end()) return std::nullopt;
    return hit.shape == Shape::Leading ? Steps{*firstAfter, *y} : Steps{*y, *firstAfter};
  }
  if (firstAfter == dated.begin() || firstAfter == dated.end()) return std::nullopt;
  if (!inCuePhrase(text, hit.offset, (*firstAfter)->date.range.begin)) return std::nullopt;
  return hit.shape == Shape::Joining ? Steps{*(firstAfter - 1), *firstAfter} : Steps{*firstAfter, *(firstAfter - 1)};
}

// True when a date names a document or a label rather than when a step happened: "the report of 13
// March", "a letter dated 2 March", "the 2018 plan" (a year after "the" or "a").
bool namesADocument(std::string_view text, const dates::DateExpression& e) {
  std::size_t end = e.range.begin;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ',')) --end;
  std::size_t begin = end;
  while (begin > 0 && isWordChar(text[begin - 1])) --begin;
  std::string before(text.substr(begin, end - begin));
  std::transform(before.begin(), before.end(), before.begin(), [](unsigned char c) { return std::tolower(c); });
  if (before == "of" || before == "dated") return true;
  return e.value && e.value->precision == base::Precision::Year && (before == "the" || before == "a" || before == "its");
}

// True for the dates that can stand for a step: stated, not durations or relative to another date.
bool isStepDate(const dates::DateExpression& e) {
  return e.value && (e.kind == dates::DateKind::Absolute || e.kind == dates::DateKind::Partial ||
                     e.kind == dates::DateKind::Range);
}

// A sentence-opening sequence adverb ("Subsequently, on ...", "Later, on ...", "Most recently, ..."):
// its name, and whether it says the sentence comes after (true) or before (false) the previous one.
std::optional<std::pair<std::string_view, bool>> openingAdverb(const config::Lexicon& lexicon,
                                                                std::string_view sentence) {
  constexpr size_t kHead = 24;
  std::string head;
  for (const char c : sentence.substr(0, kHead)) head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto opens = [&](std::string_view word) {
    return head.starts_with(word) && (head.size() == word.size() || !isWordChar(head[word.size()]));
  };
  // Two-word openers are read as pairs; one-word ones come from the lexicon.
  for (const std::string_view later : {"most recently", "more recently"})
    if (opens(later)) return std::make_pair(later, true);
  if (opens("before that")) return std::make_pair(std::string_view("before that"), false);
  for (const std::string& later : lexicon.words(config::WordList::LaterOpeners))
    if (opens(later)) return std::make_pair(std::string_view(later), true);
  for (const std::string& earlier : lexicon.words(config::WordList::EarlierOpeners))
    if (opens(earlier)) return std::make_pair(std::string_view(earlier), false);
  return std::nullopt;
}

// True when a date at `date` in a sentence starting at `sentence` dates the step the opening
// adverb introduces: after the adverb come at most one of "on", "in", "by" or "during" ("Subsequently
// on 4 June", "Later, in 2018"), or a short phrase closed by a comma before it ("Later that week,
// on 4 June"). "Subsequently, the text agreed in 2011 was reviewed" names a past document, not when
// the step happened.
bool datesTheStep(std::string_view text, uint32_t sentence, uint32_t date, std::string_view adverb) {
  const std::string_view between = text.substr(sentence + adverb.size(), date - sentence - adverb.size());
  const auto isPreposition = [](const std::string& w) { return w == "on" || w == "in" || w == "by" || w == "during"; };
  const auto comma = between.rfind(',');
  const std::vector<std::string> tail = wordsOf(comma == std::string_view::npos ? between : between.substr(comma));
  if (tail.size() > 1 || (tail.size() == 1 && !isPreposition(tail[0]))) return false;
  constexpr std::size_t kMaxPhrase = 3;  // "Later that same week,"
  return comma == std::string_view::npos || wordsOf(between.substr(0, comma)).size() <= kMaxPhrase;
}

}  // namespace

ChronologyOrderCheck::ChronologyOrderCheck(const config::RuleConfig& rule, Scope scope) : Check(rule, scope) {}

std::unique_ptr<Check> ChronologyOrderCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const auto scope = Scope::parse(rule.scope, errors);
  if (!scope) return nullptr;
  return std::make_unique<ChronologyOrderCheck>(rule, *scope);
}

void ChronologyOrderCheck::report(const document::ProseText& prose, const Steps& steps, std::string_view cue,
                                  diag::DiagnosticSink& sink) const {
  const auto* x = steps.first;   // the step that should come first
  const auto* y = steps.second;  // the step that should come second
  if (y->date.value->last >= x->date.value->first) return;
  const std::string_view text = prose.text();
  const std::array<std::pair<std::string_view, std::string_view>, 3> values{
      {{"found", text.substr(y->date.range.begin, y->date.range.size())},
       {"earlier", text.substr(x->date.range.begin, x->date.range.size())},
       {"cue", cue}}};
  diag::Diagnostic d = diagnostic(prose.toSource(y->date.range), values);
  diag::Note note;
  note.message = "the step it is ordered against";
  note.range = prose.toSource(x->date.range);
  d.notes.push_back(std::move(note));
  sink.report(std::move(d));
}

void ChronologyOrderCheck::run(const document::Document& document, annotate::Annotations& annotations,
                               diag::DiagnosticSink& sink) const {
  const auto& mentions = annotations.dates();
  forEachSpan(document, annotations, [&](size_t block, base::Range span) {
    const document::ProseText& prose = document.blocks[block].prose;
    const std::string_view text = prose.text();
    // Sentences and mentions are in document order: binary search for this block's first ones.
    const auto& sentences = annotations.sentences();
    auto sentenceIt = std::partition_point(sentences.begin(), sentences.end(),
                                           [&](const annotate::Sentence& s) { return s.block < block; });
    const annotate::DateMention* previousStep = nullptr;  // the main date of the last dated sentence
    for (; sentenceIt != sentences.end() && sentenceIt->block == block; ++sentenceIt) {
      const annotate::Sentence& sentence = *sentenceIt;
      if (!span.contains(sentence.prose)) continue;
      Dated dated;
      auto m = std::partition_point(mentions.begin(), mentions.end(), [&](const annotate::DateMention& d) {
        return d.block < block || (d.block == block && d.date.range.begin < sentence.prose.begin);
      });
      for (; m != mentions.end() && m->block == block && m->date.range.begin < sentence.prose.end; ++m)
        if (sentence.prose.contains(m->date.range) && m->date.value && m->date.kind != dates::DateKind::Duration &&
            !namesADocument(text, m->date))
          dated.push_back(&*m);
      for (const CueHit& hit : cuesToRead(annotations.lexicon(), text, sentence.prose, dated))
        if (const auto steps = orderedSteps(hit, dated, text)) report(prose, *steps, hit.cue, sink);
      // The sentence's step is its first date, when that is a stated one ("Later this year, ... on
      // 2 March" is about this year, not 2 March).
      if (dated.empty() || !isStepDate(dated.front()->date)) continue;
      const auto* main = dated.front();
      const auto adverb = openingAdverb(annotations.lexicon(), text.substr(sentence.prose.begin, sentence.prose.size()));
      if (adverb && previousStep != nullptr && datesTheStep(text, sentence.prose.begin, main->date.range.begin, adverb->first))
        report(prose, adverb->second ? Steps{previousStep, main} : Steps{main, previousStep}, adverb->first, sink);
      previousStep = main;
    }
  });
}

}  // namespace galley::checks
