// NameIndex: every name, alias, symbol and title form of a fact base compiled into one matcher, so
// the per-document mention scan (annotate/MentionFinder) costs one pass whatever the base's size.
#pragma once

#include <cstdint>
#include <vector>

#include "facts/FactBase.h"
#include "facts/NameMatcher.h"

namespace galley::facts {

// What a matched name stands for.
struct NameTarget {
  bool title = false;        // a title form of `entity` (an office); else a name of `entity`
  EntityIndex entity = 0;
  uint32_t form = 0;         // index into the office's titles
};

// Built once per fact base, then read-only and safe to share between threads. The FactBase must
// outlive it (it reads the base only while building).
class NameIndex {
 public:
  explicit NameIndex(const FactBase& facts);

  [[nodiscard]] const NameMatcher& matcher() const { return matcher_; }
  // What pattern `id` (as the matcher reports it) names: one entry per entity or title form.
  [[nodiscard]] const std::vector<NameTarget>& targets(NameMatcher::PatternId id) const { return targets_[id]; }

 private:
  NameMatcher matcher_;
  std::vector<std::vector<NameTarget>> targets_;  // pattern id -> what it names
};

}  // namespace galley::facts
