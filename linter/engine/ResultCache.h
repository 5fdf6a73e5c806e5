// ResultCache: a draft's final diagnostics on disk, keyed by everything that could change them.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/Diagnostic.h"
#include "engine/FileSettings.h"

namespace galley::engine {

// One entry per (file content, settings, run identity): a file under DIR/v1/xx/<key>. The run
// identity (`runKey`) must hash Galley's own build, the rule packs, facts and lexicon; the
// per-file settings (active rules, severities, dates) are hashed here. Entries carry their full
// key, size and a checksum: a corrupt, truncated or foreign entry is a miss, never trusted.
// Thread-safe: lookups and stores on any thread (stores write a temporary file and rename it).
class ResultCache {
 public:
  ResultCache(std::string dir, std::string runKey);

  // The cached diagnostics of a draft with bytes `text` under `settings` (may be null), or nullopt.
  [[nodiscard]] std::optional<std::vector<diag::Diagnostic>> lookup(std::string_view text,
                                                                     const FileSettings* settings) const;
  // Stores them. A failure (full disk, read-only cache) stores nothing and leaves every entry as it
  // was (a temporary file renamed into place, removed on failure); the run goes on, since the cache
  // is an optimisation, and the first failure is kept for storeFailure().
  void store(std::string_view text, const FileSettings* settings, const std::vector<diag::Diagnostic>& diagnostics) const;

  // "PATH: why" for the first store that failed, or nullopt; for one warning at the end of a run.
  [[nodiscard]] std::optional<std::string> storeFailure() const;

  // $XDG_CACHE_HOME/galley, else $HOME/.cache/galley; nullopt when neither is set.
  static std::optional<std::string> defaultDir();

 private:
  [[nodiscard]] std::string keyFor(std::string_view text, const FileSettings* settings) const;
  [[nodiscard]] std::string pathFor(const std::string& key) const;

  std::string dir_;
  std::string runKey_;
  void noteFailure(const std::string& path, const std::string& why) const;

  mutable std::atomic<uint64_t> counter_{0};  // makes temporary names unique between threads
  mutable std::mutex failureMutex_;
  mutable std::optional<std::string> failure_;  // guarded by failureMutex_
};

// Serialises diagnostics (every field) and reads them back; nullopt on any malformation.
std::string serialiseDiagnostics(const std::vector<diag::Diagnostic>& diagnostics);
std::optional<std::vector<diag::Diagnostic>> parseDiagnostics(std::string_view bytes);

}  // namespace galley::engine
