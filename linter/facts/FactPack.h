// FactPack: a pack's loaded fact base with its compiled name index, ready for checks and the
// per-document model (annotate/Annotations) to share. Reads no draft.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <typeindex>
#include <typeinfo>
#include <unordered_map>
#include <vector>

#include "base/Calendar.h"
#include "base/Error.h"
#include "config/Lexicon.h"
#include "facts/FactBase.h"
#include "facts/NameIndex.h"

namespace galley::facts {

// Immutable after load(); share one instance between checks and threads. Not copyable or movable:
// the name index was built from the fact base inside it, and the per-document model keys its
// mention and claim sets by the pack's address.
class FactPack {
 public:
  // Loads and validates `paths` together, with the lexicon.yaml beside the first of them when there
  // is one (its words add to the bundled lexicon). On any error appends every error (located) to
  // `errors` and returns nullptr.
  static std::shared_ptr<const FactPack> load(const std::vector<std::string>& paths, base::ErrorList& errors);
  // As load(), but every caller naming the same files (unchanged on disk: same size and mtime) gets
  // the same instance for as long as one caller holds it, so the rules of a pack load its facts
  // once. Thread-safe. Errors are reported to every caller that triggers a load.
  static std::shared_ptr<const FactPack> loadShared(const std::vector<std::string>& paths, base::ErrorList& errors);
  // The fact files of a pack directory: facts*.yaml and facts*.yml, sorted; empty when none.
  static std::vector<std::string> filesIn(const std::string& directory);

  explicit FactPack(FactBase facts, config::Lexicon lexicon = config::Lexicon::standard());
  FactPack(const FactPack&) = delete;
  FactPack& operator=(const FactPack&) = delete;
  FactPack(FactPack&&) = delete;
  FactPack& operator=(FactPack&&) = delete;
  ~FactPack() = default;

  [[nodiscard]] const FactBase& facts() const { return facts_; }
  [[nodiscard]] const NameIndex& names() const { return names_; }
  // The words claims about this pack's entities are read by: the bundled lexicon plus the pack's.
  [[nodiscard]] const config::Lexicon& lexicon() const { return lexicon_; }

  // What a later layer derives from this pack alone (the title-form index of annotate/), built by
  // `build` (returning std::shared_ptr<const T>) on the first call for T and kept as long as the
  // pack: every document reads the same one. Thread-safe; `build` runs under the pack's lock.
  template <typename T, typename Build>
  [[nodiscard]] const T& derived(Build&& build) const {
    const std::lock_guard lock(derivedMutex_);
    std::shared_ptr<const void>& slot = derived_[std::type_index(typeid(T))];
    if (!slot) slot = std::shared_ptr<const T>(build());
    return *static_cast<const T*>(slot.get());
  }

 private:
  FactBase facts_;
  NameIndex names_;
  config::Lexicon lexicon_;
  mutable std::mutex derivedMutex_;
  mutable std::unordered_map<std::type_index, std::shared_ptr<const void>> derived_;
};

// A date as the house writes it: "14 June 2011", "June 2011", "2011", "13–17 March 2017".
std::string describeDate(const base::DateInterval& date);
// `fact` written at `precision` (no finer than the fact knows): the value a fix should write.
std::string describeDateAt(const base::DateInterval& fact, base::Precision precision);

}  // namespace galley::facts
