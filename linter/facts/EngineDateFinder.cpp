#include "facts/EngineDateFinder.h"

#include <algorithm>

namespace galley::facts {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where the inner date of a duration starts: after "since" or after the "in" of "established in".
// Returns `range.begin` when the cue's shape is not found (the whole phrase is then the value).
base::Offset innerBegin(std::string_view text, const dates::DateExpression& date) {
  const std::string_view phrase = text.substr(date.range.begin, date.range.size());
  size_t at = 0;
  if (date.cue == dates::Cue::Since) {
    while (at < phrase.size() && !isSpace(phrase[at])) ++at;  // the word "since"
  } else {
    const size_t in = phrase.find(" in ");
    if (in == std::string_view::npos) return date.range.begin;
    at = in + 3;
  }
  while (at < phrase.size() && isSpace(phrase[at])) ++at;
  return at < phrase.size() ? date.range.begin + static_cast<base::Offset>(at) : date.range.begin;
}

}  // namespace

std::vector<FoundDate> EngineDateFinder::find(std::string_view /*text*/) const { return {}; }

std::vector<FoundDate> EngineDateFinder::findInBlock(std::string_view text, uint32_t block) const {
  std::vector<FoundDate> out;
  // Annotations are in document order, so one block's dates are one run.
  const auto first = std::lower_bound(dates_.begin(), dates_.end(), block,
                                      [](const annotate::DateMention& m, uint32_t b) { return m.block < b; });
  for (auto it = first; it != dates_.end() && it->block == block; ++it) {
    const dates::DateExpression& date = it->date;
    if (date.range.end > text.size()) continue;  // not this prose: never expected, never trusted
    if (date.kind == dates::DateKind::Duration) {
      // Only durations anchored on a date ("since 2004", "established in 1997") carry a claim.
      if (!date.inner || (date.cue != dates::Cue::Since && date.cue != dates::Cue::Established)) continue;
      out.push_back({{innerBegin(text, date), date.range.end}, *date.inner});
      continue;
    }
    if (!date.value) continue;
    out.push_back({date.range, *date.value});
  }
  return out;
}

}  // namespace galley::facts
