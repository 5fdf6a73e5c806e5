#include "checks/ChronologyTenseCheck.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "base/Calendar.h"

namespace galley::checks {

namespace {

// True when `range` of `block` lies inside one of `spans` (in document order, as forEachSpan gives them).
bool inSpans(const std::vector<std::pair<size_t, base::Range>>& spans, size_t block, base::Range range) {
  const auto it = std::partition_point(spans.begin(), spans.end(), [&](const auto& s) {
    return s.first < block || (s.first == block && s.second.end <= range.begin);
  });
  return it != spans.end() && it->first == block && it->second.contains(range);
}

enum class Tense { Past, Future };

struct Cue {
  std::string_view words;  // one or two lower-case words
  Tense tense;
};

// Verb forms that fix a clause's time. Kept short and unambiguous: "held" alone is past ("was
// held", "held talks"), "will" and "shall" are future, as are the scheduling phrases.
constexpr std::array kCues = {
    Cue{"was", Tense::Past},          Cue{"were", Tense::Past},         Cue{"held", Tense::Past},
    Cue{"signed", Tense::Past},       Cue{"adopted", Tense::Past},      Cue{"met", Tense::Past},
    Cue{"took", Tense::Past},         Cue{"opened", Tense::Past},       Cue{"closed", Tense::Past},
    Cue{"visited", Tense::Past},      Cue{"had", Tense::Past},          Cue{"will", Tense::Future},
    Cue{"shall", Tense::Future},      Cue{"expected", Tense::Future},   Cue{"scheduled", Tense::Future},
    Cue{"planned", Tense::Future},    Cue{"upcoming", Tense::Future},   Cue{"forthcoming", Tense::Future},
};

struct WordAt {
  std::string word;
  uint32_t offset = 0;
};

std::vector<WordAt> words(std::string_view text, base::Range range) {
  std::vector<WordAt> out;
  uint32_t i = range.begin;
  while (i < range.end) {
    if (std::isalpha(static_cast<unsigned char>(text[i])) == 0) {
      ++i;
      continue;
    }
    WordAt w;
    w.offset = i;
    while (i < range.end && std::isalpha(static_cast<unsigned char>(text[i])) != 0)
      w.word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
    out.push_back(std::move(w));
  }
  return out;
}

std::optional<Tense> cueTense(const std::string& word) {
  for (const Cue& cue : kCues)
    if (cue.words == word) return cue.tense;
  return std::nullopt;
}

// The tense governing a date at `date` in a sentence: the nearest cue before it, else the first after.
// A participle after "be" ("will be held", "is to be signed") is not past.
std::optional<Tense> tenseAt(const std::vector<WordAt>& sentenceWords, size_t i) {
  auto tense = cueTense(sentenceWords[i].word);
  if (tense == Tense::Past && i > 0 && sentenceWords[i - 1].word == "be") return Tense::Future;
  return tense;
}

std::optional<Tense> tenseFor(const std::vector<WordAt>& sentenceWords, base::Range date) {
  std::optional<Tense> before;
  for (size_t i = 0; i < sentenceWords.size() && sentenceWords[i].offset < date.begin; ++i)
    if (auto t = tenseAt(sentenceWords, i)) before = t;
  if (before) return before;
  for (size_t i = 0; i < sentenceWords.size(); ++i) {
    if (sentenceWords[i].offset < date.end) continue;
    if (auto t = tenseAt(sentenceWords, i)) return t;
  }
  return std::nullopt;
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
  // Where the reference came from, for the note: the first mention naming that exact day.
  std::optional<base::Range> datelineSource;
  if (const auto* field = document.field("date")) {
    datelineSource = field->valueSource;
  } else {
    for (const auto& m : mentions) {
      if (m.date.value && m.date.value->first == ref && m.date.value->last == ref && m.date.basis == dates::Basis::None) {
        datelineSource = document.blocks[m.block].prose.toSource(m.date.range);
        break;
      }
    }
  }
  std::vector<std::pair<size_t, base::Range>> spans;
  forEachSpan(document, annotations, [&](size_t block, base::Range span) { spans.emplace_back(block, span); });
  for (const annotate::DateMention& m : mentions) {
    const dates::DateExpression& e = m.date;
    if (!e.value || e.kind == dates::DateKind::Duration) continue;
    if (e.weekday && e.kind == dates::DateKind::Deictic) continue;  // bare weekdays are a guess of week
    const bool after = e.value->first > ref;
    const bool before = e.value->last < ref;
    if (!after && !before) continue;
    const bool inScope = inSpans(spans, m.block, e.range);
    if (!inScope) continue;
    // Sentences are in document order: binary search for the one holding the date.
    const auto sentence = std::partition_point(sentences.begin(), sentences.end(), [&](const annotate::Sentence& s) {
      return s.block < m.block || (s.block == m.block && s.prose.end <= e.range.begin);
    });
    if (sentence == sentences.end() || sentence->block != m.block || !sentence->prose.contains(e.range)) continue;
    const std::string& text = document.blocks[m.block].prose.text();
    const auto tense = tenseFor(words(text, sentence->prose), e.range);
    if (!tense || (*tense == Tense::Past && !after) || (*tense == Tense::Future && !before)) continue;
    const std::string_view found = std::string_view(text).substr(e.range.begin, e.range.size());
    const std::string_view tenseName = *tense == Tense::Past ? "past" : "future";
    const std::array<std::pair<std::string_view, std::string_view>, 3> values{
        {{"found", found}, {"tense", tenseName}, {"reference", referenceText}}};
    diag::Diagnostic d = diagnostic(document.blocks[m.block].prose.toSource(e.range), values);
    diag::Note note;
    note.message = "the reference date is " + referenceText;
    if (datelineSource) note.range = datelineSource;
    d.notes.push_back(std::move(note));
    sink.report(std::move(d));
  }
}

}  // namespace galley::checks
