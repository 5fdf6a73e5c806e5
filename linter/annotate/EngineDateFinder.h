// EngineDateFinder: claim extraction reads the date engine's findings (annotate::Annotations::dates())
// through the DateFinder interface, so every form the engine knows is compared with the fact base.
#pragma once

#include <vector>

#include "annotate/Annotations.h"
#include "annotate/DateFinder.h"

namespace galley::annotate {

// Adapts one document's date annotations. Holds a reference to `dates`, which must outlive it;
// immutable, so safe to share between threads for as long as the annotations live.
//
// What a claim can compare: absolute, partial and range dates ("14th of June 2011", "June 14,
// 2011", "mid-2011", "13-17 March 2017"), relative ones once the engine resolved them ("June of
// this year"), and the date inside a duration ("since 2004", "established in 1997"), reported at
// the inner date's words so the extractor sees its cue ("since", "established in") before it.
// Unresolved or impossible dates are left out: there is no value to compare.
class EngineDateFinder final : public DateFinder {
 public:
  explicit EngineDateFinder(const std::vector<annotate::DateMention>& dates) : dates_(dates) {}

  // Without a block the annotations cannot be placed: returns nothing.
  [[nodiscard]] std::vector<FoundDate> find(std::string_view text) const override;
  // The dates the engine found in block `block`, whose prose is `text`.
  [[nodiscard]] std::vector<FoundDate> findInBlock(std::string_view text, uint32_t block) const override;

 private:
  const std::vector<annotate::DateMention>& dates_;
};

}  // namespace galley::annotate
