#include "checks/SubstitutionCheck.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <optional>

#include "annotate/SearchText.h"
#include "checks/Patterns.h"

namespace galley::checks {

namespace {

struct Hit {
  base::Range range;
  size_t key = 0;
};

// Leftmost first; at one position the longest wins; later hits overlapping a kept one are dropped.
std::vector<Hit> resolveOverlaps(std::vector<Hit> hits) {
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.range.begin != b.range.begin ? a.range.begin < b.range.begin : a.range.size() > b.range.size();
  });
  std::vector<Hit> kept;
  for (const Hit& hit : hits) {
    if (kept.empty() || kept.back().range.end <= hit.range.begin) kept.push_back(hit);
  }
  return kept;
}

}  // namespace

SubstitutionCheck::SubstitutionCheck(const config::RuleConfig& rule, Scope scope, PrefilteredRegex regex,
                                     std::vector<KeyGroup> keys, std::vector<std::string> expected, bool inNames)
    : Check(rule, scope), regex_(std::move(regex)), keys_(std::move(keys)), written_(std::move(expected)),
      inNames_(inNames) {
  expected_.reserve(written_.size());
  for (const std::string& text : written_) expected_.push_back(base::foldTypography(text));
}

std::unique_ptr<Check> SubstitutionCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const size_t errorsBefore = errors.size();
  const auto scope = Scope::parse(rule.scope, errors);
  const bool ignoreCase = rule.options.getBool("ignorecase", false, errors);
  const bool isRegex = rule.options.getBool("regex", false, errors);
  const bool inNames = rule.options.getBool("in-names", false, errors);
  const auto swap = rule.options.getStringMap("swap", errors);
  if (!rule.options.has("swap")) {
    errors.push_back(base::Error::invalidInput("a 'substitution' rule needs a 'swap' map", rule.where));
  } else if (swap && swap->empty()) {
    errors.push_back(base::Error::invalidInput("'swap' is empty", rule.options.location("swap")));
  }
  std::vector<std::string> expected;
  std::vector<KeyGroup> keys;
  std::optional<boost::regex> regex;
  std::string alternation;
  if (swap && !swap->empty()) {
    // Literal phrases go longest first, so the alternation prefers "Under-Secretary General" to
    // "Secretary General" at one position; regex keys keep their order.
    std::vector<size_t> order(swap->size());
    std::iota(order.begin(), order.end(), size_t{0});
    if (!isRegex) {
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return (*swap)[a].first.value.size() > (*swap)[b].first.value.size();
      });
    }
    for (const auto& [found, replacement] : *swap) expected.push_back(replacement.value);
    int nextCapture = 1;
    for (const size_t key : order) {
      const auto& [found, replacement] = (*swap)[key];
      if (found.value.empty()) {
        errors.push_back(base::Error::invalidInput("a 'swap' key is empty", found.where));
        continue;
      }
      if (!isRegex && !ignoreCase && found.value == replacement.value) {
        errors.push_back(
            base::Error::invalidInput("swap entry '" + found.value + "' maps to itself and never fires", found.where));
      }
      std::string pattern = isRegex ? found.value : literalPattern(found.value);
      // Checked alone so that an error points into the key; its own groups shift the numbering.
      const auto alone = isRegex ? compileRegex(pattern, ignoreCase, found, errors) : std::optional<boost::regex>();
      if (isRegex && !alone) continue;
      if (!alternation.empty()) alternation += '|';
      alternation += "(" + pattern + ")";
      keys.push_back({nextCapture, key});
      nextCapture += 1 + (alone ? static_cast<int>(alone->mark_count()) : 0);
    }
    if (errors.size() == errorsBefore) regex = compileRegex(wordBounded(alternation), ignoreCase, swap->front().first, errors);
  }
  if (errors.size() != errorsBefore || !scope || !regex) return nullptr;
  return std::make_unique<SubstitutionCheck>(rule, *scope, PrefilteredRegex(*regex, alternation, ignoreCase),
                                             std::move(keys), std::move(expected), inNames);
}
void SubstitutionCheck::enrolLiterals(LiteralBank& bank) {
  regex_.enrol(bank);
}

void SubstitutionCheck::run(const document::Document& document, annotate::Annotations& annotations,
                            diag::DiagnosticSink& sink) const {
  forEachSpan(document, annotations, [&](size_t blockIndex, base::Range span) {
    const document::ProseText& prose = document.blocks[blockIndex].prose;
    const annotate::SearchText& search = annotations.searchText(static_cast<uint32_t>(blockIndex));
    const std::string_view text = search.text();
    std::vector<Hit> hits;
    regex_.forEachMatch(annotations, text, search.toFolded(span), [&](const boost::cmatch& match) {
      const auto key = std::find_if(keys_.begin(), keys_.end(), [&](const KeyGroup& k) { return match[k.captureGroup].matched; });
      if (key == keys_.end()) return;
      const auto begin = static_cast<base::Offset>(match[0].first - text.data());
      hits.push_back({{begin, begin + static_cast<base::Offset>(match[0].length())}, key->key});
    });
    // Overlaps are settled before skipping correct text, so a right form claims its words.
    // Both compare folded: "Secretary‑General" (U+2011) is the right form.
    for (const Hit& hit : resolveOverlaps(std::move(hits))) {
      if (text.substr(hit.range.begin, hit.range.size()) == expected_[hit.key]) continue;
      if (!inNames_ && search.inName(hit.range)) continue;  // a name is written as its owner writes it
      const base::Range range = search.toProse(hit.range);
      const std::string_view found = std::string_view(prose.text()).substr(range.begin, range.size());
      const std::string& expected = written_[hit.key];
      const std::array<std::pair<std::string_view, std::string_view>, 2> values{
          {{"found", found}, {"expected", expected}}};
      diag::Diagnostic out = diagnostic(prose.toSource(range), values);
      if (prose.isContiguous(range)) {
        out.fix = diag::Fix{"Replace with '" + expected + "'", diag::Applicability::Safe,
                            {diag::Edit{prose.toSource(range), expected}}};
      }
      sink.report(std::move(out));
    }
  });
}

}  // namespace galley::checks
