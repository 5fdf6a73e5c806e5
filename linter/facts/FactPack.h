// FactPack: a pack's loaded fact base with its compiled mention finder and claim extractor, ready
// for checks to share.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/Calendar.h"
#include "base/Error.h"
#include "facts/ClaimExtractor.h"
#include "facts/FactBase.h"
#include "facts/MentionFinder.h"
#include "facts/SimpleDateFinder.h"

namespace galley::facts {

// Immutable after load() but for a small internal cache of mentions (guarded by a mutex); share one
// instance between checks and threads. Not copyable or movable: the finder and the extractor refer
// to the fact base inside it.
class FactPack {
 public:
  // Loads and validates `paths` together. On any error appends every error (located) to `errors`
  // and returns nullptr.
  static std::shared_ptr<const FactPack> load(const std::vector<std::string>& paths, base::ErrorList& errors);
  // As load(), but every caller naming the same files (unchanged on disk: same size and mtime) gets
  // the same instance for as long as one caller holds it, so the rules of a pack load its facts
  // once. Thread-safe. Errors are reported to every caller that triggers a load.
  static std::shared_ptr<const FactPack> loadShared(const std::vector<std::string>& paths, base::ErrorList& errors);
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
  // The mentions in `document`, found once and shared by every check of this pack: the last few
  // documents are cached, keyed by address and a fingerprint of the source (an address can be
  // reused by the next file). Thread-safe; the result never changes once returned.
  [[nodiscard]] std::shared_ptr<const MentionSet> mentionsIn(const document::Document& document) const;

 private:
  struct CachedMentions {
    const document::Document* document = nullptr;
    uint64_t fingerprint = 0;
    std::shared_ptr<const MentionSet> mentions;
  };
  // Enough for one document per worker thread on the machines Galley runs on, and then some.
  static constexpr size_t kCachedDocuments = 64;

  FactBase facts_;
  SimpleDateFinder dates_;
  MentionFinder finder_;
  ClaimExtractor extractor_;
  mutable std::mutex cacheMutex_;
  mutable std::vector<CachedMentions> cache_;  // least recently used first
};

// A date as the house writes it: "14 June 2011", "June 2011", "2011", "13–17 March 2017".
std::string describeDate(const base::DateInterval& date);
// `fact` written at `precision` (no finer than the fact knows): the value a fix should write.
std::string describeDateAt(const base::DateInterval& fact, base::Precision precision);

}  // namespace galley::facts
