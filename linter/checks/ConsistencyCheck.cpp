#include "checks/ConsistencyCheck.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "annotate/SearchText.h"
#include "checks/Patterns.h"

namespace galley::checks {

namespace {

struct Use {
  size_t block = 0;
  base::Range prose;
  size_t form = 0;
  size_t group = 0;
};

}  // namespace

ConsistencyCheck::ConsistencyCheck(const config::RuleConfig& rule, Scope scope, PrefilteredRegex forms,
                                   std::vector<FormRef> refs, size_t groupCount,
                                   std::optional<PrefilteredRegex> exceptions, bool inNames)
    : Check(rule, scope),
      forms_(std::move(forms)),
      refs_(std::move(refs)),
      groupCount_(groupCount),
      exceptions_(std::move(exceptions)),
      inNames_(inNames) {}

std::unique_ptr<Check> ConsistencyCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const size_t errorsBefore = errors.size();
  const auto scope = Scope::parse(rule.scope, errors);
  const bool ignoreCase = rule.options.getBool("ignorecase", true, errors);
  const bool inNames = rule.options.getBool("in-names", false, errors);

  std::vector<std::vector<config::Located<std::string>>> written;
  if (auto forms = rule.options.getStringGroups("forms", errors)) {
    for (auto& group : *forms) {
      if (group.size() < 2) {
        const base::Location where = group.empty() ? rule.options.location("forms") : group.front().where;
        errors.push_back(base::Error::invalidInput("a 'forms' group needs at least two forms", where));
        continue;
      }
      written.push_back(std::move(group));
    }
  }
  if (auto either = rule.options.getStringMap("either", errors)) {
    for (auto& [first, second] : *either) written.push_back({std::move(first), std::move(second)});
  }
  if (written.empty() && errors.size() == errorsBefore) {
    errors.push_back(base::Error::invalidInput("a 'consistency' rule needs 'forms' or 'either' with at least one group",
                                               rule.where));
  }

  // Each form is checked alone first (so errors point into what the user wrote), then all are
  // joined into one alternation; a form's own capture groups shift the numbering of the next.
  std::string alternation;
  std::vector<FormRef> refs;
  int nextCapture = 1;
  for (size_t group = 0; group < written.size(); ++group) {
    for (size_t form = 0; form < written[group].size(); ++form) {
      const auto& pattern = written[group][form];
      const auto alone = compileRegex(pattern.value, ignoreCase, pattern, errors);
      if (!alone) continue;
      if (!alternation.empty()) alternation += '|';
      alternation += "(" + pattern.value + ")";
      refs.push_back({nextCapture, group, form});
      nextCapture += 1 + static_cast<int>(alone->mark_count());
    }
  }
  std::optional<boost::regex> forms;
  if (errors.size() == errorsBefore && !alternation.empty()) {
    forms = compileRegex(wordBounded(alternation), ignoreCase, written.front().front(), errors);
  }
  std::optional<PrefilteredRegex> exceptions;
  if (const auto phrases = rule.options.getStringList("exceptions", errors); phrases && !phrases->empty()) {
    std::string phrasesAlternation;
    for (const auto& phrase : *phrases) {
      if (!phrasesAlternation.empty()) phrasesAlternation += '|';
      phrasesAlternation += literalPattern(phrase.value);
    }
    if (auto regex = compileRegex(wordBounded(phrasesAlternation), ignoreCase, phrases->front(), errors))
      exceptions.emplace(*regex, phrasesAlternation, ignoreCase);
  }
  if (errors.size() != errorsBefore || !scope || !forms) return nullptr;
  return std::make_unique<ConsistencyCheck>(rule, *scope, PrefilteredRegex(*forms, alternation, ignoreCase),
                                            std::move(refs), written.size(), std::move(exceptions), inNames);
}

void ConsistencyCheck::enrolLiterals(LiteralBank& bank) {
  forms_.enrol(bank);
  if (exceptions_) exceptions_->enrol(bank);
}

void ConsistencyCheck::run(const document::Document& document, annotate::Annotations& annotations,
                           diag::DiagnosticSink& sink) const {
  // Every use of every form first; exception phrases are searched only in blocks where some form
  // was used (most blocks have none), which is where they could exclude anything.
  std::vector<Use> allUses;
  std::vector<std::pair<size_t, base::Range>> spans;
  forEachSpan(document, annotations, [&](size_t blockIndex, base::Range span) {
    spans.emplace_back(blockIndex, span);
    const annotate::SearchText& search = annotations.searchText(static_cast<uint32_t>(blockIndex));
    const std::string_view text = search.text();
    forms_.forEachMatch(annotations, text, search.toFolded(span), [&](const boost::cmatch& match) {
      const auto ref = std::find_if(refs_.begin(), refs_.end(), [&](const FormRef& r) { return match[r.captureGroup].matched; });
      if (ref == refs_.end()) return;
      const auto begin = static_cast<base::Offset>(match[0].first - text.data());
      const base::Range folded{begin, begin + static_cast<base::Offset>(match[0].length())};
      if (!inNames_ && search.inName(folded)) return;  // a name keeps its owner's spelling, and sets no precedent
      allUses.push_back({blockIndex, search.toProse(folded), ref->form, ref->group});
    });
  });
  if (allUses.empty()) return;

  // Words inside an exception phrase are not uses of any form.
  std::vector<std::pair<size_t, base::Range>> excluded;
  if (exceptions_) {
    std::vector<bool> used(document.blocks.size(), false);
    for (const Use& use : allUses) used[use.block] = true;
    for (const auto& [spanBlock, span] : spans) {
      if (!used[spanBlock]) continue;
      const size_t blockIndex = spanBlock;  // a structured binding cannot be captured (C++20)
      const std::string& text = document.blocks[blockIndex].prose.text();
      exceptions_->forEachMatch(annotations, text, span, [&](const boost::cmatch& match) {
        const auto begin = static_cast<base::Offset>(match[0].first - text.data());
        excluded.emplace_back(blockIndex, base::Range{begin, begin + static_cast<base::Offset>(match[0].length())});
      });
    }
  }
  const auto isExcluded = [&](size_t blockIndex, base::Range range) {
    return std::any_of(excluded.begin(), excluded.end(),
                       [&](const auto& e) { return e.first == blockIndex && e.second.overlaps(range); });
  };

  std::vector<std::vector<Use>> usesByGroup(groupCount_);
  for (const Use& use : allUses) {
    if (!isExcluded(use.block, use.prose)) usesByGroup[use.group].push_back(use);
  }

  for (std::vector<Use>& uses : usesByGroup) {
    if (uses.empty()) continue;
    // Document order; where two forms match the same words, the longer match counts.
    std::sort(uses.begin(), uses.end(), [](const Use& a, const Use& b) {
      return std::tuple(a.block, a.prose.begin, b.prose.size()) < std::tuple(b.block, b.prose.begin, a.prose.size());
    });
    const Use first = uses.front();
    const document::ProseText& firstProse = document.blocks[first.block].prose;
    const std::string_view firstText =
        std::string_view(firstProse.text()).substr(first.prose.begin, first.prose.size());
    const Use* previous = nullptr;
    for (const Use& use : uses) {
      const bool overlapsPrevious =
          previous != nullptr && previous->block == use.block && previous->prose.end > use.prose.begin;
      if (overlapsPrevious) continue;
      previous = &use;
      if (use.form == first.form) continue;
      const document::ProseText& prose = document.blocks[use.block].prose;
      const std::string_view found = std::string_view(prose.text()).substr(use.prose.begin, use.prose.size());
      const std::array<std::pair<std::string_view, std::string_view>, 2> values{
          {{"found", found}, {"first", firstText}}};
      diag::Diagnostic out = diagnostic(prose.toSource(use.prose), values);
      diag::Note note;
      note.message = "first used here as '" + std::string(firstText) + "'";
      note.range = firstProse.toSource(first.prose);
      out.notes.push_back(std::move(note));
      sink.report(std::move(out));
    }
  }
}

}  // namespace galley::checks
