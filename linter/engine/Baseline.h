// Baseline: the findings an archive already had, so that a gate reports only new ones.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Expected.h"
#include "diag/Diagnostic.h"

namespace galley::engine {

// A multiset of finding identities (diag::findingIdentity hashed: rule, path, covered text and a
// little context; never the line). The file is text, one finding a line, sorted so that it diffs
// well: "<16 hex digits> <rule> <path>" after a "# galley baseline 1" header. Not thread-safe:
// use it from the thread that receives results.
class Baseline {
 public:
  // Reads a baseline file. Fails (Environment) when unreadable, (InvalidInput, located at the
  // line) when a line is malformed or the header is missing.
  static base::Expected<Baseline> load(const std::string& path);

  // Drops from `diagnostics` (of the file `path` with bytes `text`) each finding the baseline
  // holds, one recorded occurrence absorbing one finding; returns how many were dropped.
  size_t filter(std::string_view path, std::string_view text, std::vector<diag::Diagnostic>& diagnostics);

  // Records every finding of one file.
  void record(std::string_view path, std::string_view text, const std::vector<diag::Diagnostic>& diagnostics);
  // Writes the recorded findings to `path` whole or not at all (engine/AtomicWrite: a temporary
  // file beside it, synced, renamed over it), so a failed write leaves any old baseline whole and a
  // read-only baseline is refused. Returns an Environment error naming `path` when it cannot write.
  [[nodiscard]] std::optional<base::Error> write(const std::string& path) const;

  [[nodiscard]] size_t size() const { return lines_.size(); }

 private:
  std::map<uint64_t, unsigned> remaining_;  // identity hash -> occurrences not yet matched
  std::vector<std::string> lines_;          // recorded, for write()
};

}  // namespace galley::engine
