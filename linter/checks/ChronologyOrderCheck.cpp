#include "checks/ChronologyOrderCheck.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace galley::checks {

namespace {

enum class Direction { Forward, Backward };  // Forward: the step after the cue comes later

struct CueHit {
  uint32_t offset = 0;
  std::string_view cue;
  Direction direction = Direction::Forward;
  bool leading = false;  // "after X, Y": the cue opens the first step instead of joining two
};

// Sequence cues found as whole lower-case words in `range` of `text`.
std::vector<CueHit> findCues(std::string_view text, base::Range range) {
  std::vector<CueHit> hits;
  uint32_t i = range.begin;
  std::string previous;
  while (i < range.end) {
    if (std::isalpha(static_cast<unsigned char>(text[i])) == 0) {
      ++i;
      continue;
    }
    const uint32_t start = i;
    std::string word;
    while (i < range.end && std::isalpha(static_cast<unsigned char>(text[i])) != 0)
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
    if (word == "by" && previous == "followed") hits.push_back({start, "followed by", Direction::Forward, false});
    else if (word == "then" || word == "subsequently" || word == "afterwards")
      hits.push_back({start, word == "then" ? "then" : word == "subsequently" ? "subsequently" : "afterwards",
                      Direction::Forward, false});
    else if (word == "after") hits.push_back({start, "after", Direction::Forward, true});
    else if (word == "before") hits.push_back({start, "before", Direction::Backward, true});
    previous = std::move(word);
  }
  return hits;
}

using Dated = std::vector<const annotate::DateMention*>;

// The two steps a cue orders: (the step it refers to, the step ordered against it), or nullopt
// when the cue is part of a date ("the day after") or lacks a dated step on either side.
std::optional<std::pair<const annotate::DateMention*, const annotate::DateMention*>> orderedSteps(const CueHit& hit,
                                                                                                  const Dated& dated) {
  const bool insideDate =
      std::any_of(dated.begin(), dated.end(), [&](const auto* m) { return m->date.range.contains(hit.offset); });
  if (insideDate) return std::nullopt;
  const auto firstAfter =
      std::find_if(dated.begin(), dated.end(), [&](const auto* m) { return m->date.range.begin > hit.offset; });
  if (hit.leading) {
    if (firstAfter == dated.end() || firstAfter + 1 == dated.end()) return std::nullopt;
    return std::make_pair(*firstAfter, *(firstAfter + 1));
  }
  if (firstAfter == dated.begin() || firstAfter == dated.end()) return std::nullopt;
  return std::make_pair(*(firstAfter - 1), *firstAfter);
}

}  // namespace

ChronologyOrderCheck::ChronologyOrderCheck(const config::RuleConfig& rule, Scope scope) : Check(rule, scope) {}

std::unique_ptr<Check> ChronologyOrderCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const auto scope = Scope::parse(rule.scope, errors);
  if (!scope) return nullptr;
  return std::make_unique<ChronologyOrderCheck>(rule, *scope);
}

void ChronologyOrderCheck::run(const document::Document& document, annotate::Annotations& annotations,
                               diag::DiagnosticSink& sink) const {
  const auto& mentions = annotations.dates();
  forEachSpan(document, annotations, [&](size_t block, base::Range span) {
    const std::string_view text = document.blocks[block].prose.text();
    // Sentences and mentions are in document order: binary search for this block's first ones.
    const auto& sentences = annotations.sentences();
    auto sentenceIt = std::partition_point(sentences.begin(), sentences.end(),
                                           [&](const annotate::Sentence& s) { return s.block < block; });
    for (; sentenceIt != sentences.end() && sentenceIt->block == block; ++sentenceIt) {
      const annotate::Sentence& sentence = *sentenceIt;
      if (!span.contains(sentence.prose)) continue;
      Dated dated;
      auto m = std::partition_point(mentions.begin(), mentions.end(), [&](const annotate::DateMention& d) {
        return d.block < block || (d.block == block && d.date.range.begin < sentence.prose.begin);
      });
      for (; m != mentions.end() && m->block == block && m->date.range.begin < sentence.prose.end; ++m)
        if (sentence.prose.contains(m->date.range) && m->date.value && m->date.kind != dates::DateKind::Duration)
          dated.push_back(&*m);
      if (dated.size() < 2) continue;
      for (const CueHit& hit : findCues(text, sentence.prose)) {
        const auto steps = orderedSteps(hit, dated);
        if (!steps) continue;
        const auto* x = steps->first;   // the step the cue refers to
        const auto* y = steps->second;  // the step ordered relative to it
        const bool backwards = hit.direction == Direction::Forward ? y->date.value->last < x->date.value->first
                                                                   : y->date.value->first > x->date.value->last;
        if (!backwards) continue;
        const std::array<std::pair<std::string_view, std::string_view>, 3> values{
            {{"found", text.substr(y->date.range.begin, y->date.range.size())},
             {"earlier", text.substr(x->date.range.begin, x->date.range.size())},
             {"cue", hit.cue}}};
        const document::ProseText& prose = document.blocks[block].prose;
        diag::Diagnostic d = diagnostic(prose.toSource(y->date.range), values);
        diag::Note note;
        note.message = "the step it is ordered against";
        note.range = prose.toSource(x->date.range);
        d.notes.push_back(std::move(note));
        sink.report(std::move(d));
      }
    }
  });
}

}  // namespace galley::checks
