#include "annotate/SearchText.h"

#include <algorithm>

#include "annotate/NameSpans.h"

namespace galley::annotate {

SearchText::SearchText(std::string_view prose, const config::Lexicon& lexicon) : folded_(prose), lexicon_(&lexicon) {}

bool SearchText::inName(base::Range folded) const {
  if (!names_) names_ = capitalisedNames(folded_.text(), *lexicon_);
  // Names are disjoint and in order: from the first one ending after the range's start.
  auto it = std::upper_bound(names_->begin(), names_->end(), folded.begin,
                             [](base::Offset at, const base::Range& name) { return at < name.end; });
  for (; it != names_->end() && it->begin < folded.end; ++it) {
    if (it->begin < folded.begin) return true;  // inside a name that starts before it
  }
  return false;
}

}  // namespace galley::annotate
