// FactPack: a pack's loaded fact base with its compiled mention finder and claim extractor, ready
// for checks to share.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/Calendar.h"
#include "base/Error.h"
#include "facts/ClaimExtractor.h"
#include "facts/FactBase.h"
#include "facts/MentionFinder.h"
#include "facts/SimpleDateFinder.h"

namespace galley::facts {

// Immutable after load(); share one instance between checks and threads. Not copyable or movable:
// the finder and the extractor refer to the fact base inside it.
class FactPack {
 public:
  // Loads and validates `paths` together. On any error appends every error (located) to `errors`
  // and returns nullptr.
  static std::shared_ptr<const FactPack> load(const std::vector<std::string>& paths, base::ErrorList& errors);
  // The fact files of a pack directory: facts*.yaml and facts*.yml, sorted; empty when none.
  static std::vector<std::string> filesIn(const std::string& directory);

  explicit FactPack(FactBase facts);
  FactPack(const FactPack&) = delete;
  FactPack& operator=(const FactPack&) = delete;
  FactPack(FactPack&&) = delete;
  FactPack& operator=(FactPack&&) = delete;
  ~FactPack() = default;

  [[nodiscard]] const FactBase& facts() const { return facts_; }
  [[nodiscard]] const MentionFinder& mentions() const { return finder_; }
  [[nodiscard]] const ClaimExtractor& claims() const { return extractor_; }

 private:
  FactBase facts_;
  SimpleDateFinder dates_;
  MentionFinder finder_;
  ClaimExtractor extractor_;
};

// A date as the house writes it: "14 June 2011", "June 2011", "2011", "13–17 March 2017".
std::string describeDate(const base::DateInterval& date);
// `fact` written at `precision` (no finer than the fact knows): the value a fix should write.
std::string describeDateAt(const base::DateInterval& fact, base::Precision precision);

}  // namespace galley::facts
