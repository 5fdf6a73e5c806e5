// Fix application: picks non-overlapping fixes from a lint result, applies them, re-lints, repeats.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diag/Diagnostic.h"
#include "engine/Engine.h"

namespace galley::engine {

// Which fixes to apply and how long to keep going.
struct FixOptions {
  // Apply unsafe fixes too (`--unsafe`). Default: safe fixes only.
  bool unsafe = false;
  // Lint-and-fix rounds before giving up (a fix that keeps re-creating its finding). Default: 10.
  unsigned maxPasses = 10;
};

// The edits of a set of fixes that can go in together, and how many fixes they came from.
struct EditPlan {
  std::vector<diag::Edit> edits;  // sorted by range, pairwise non-overlapping
  size_t fixes = 0;
};

// Chooses, in diagnostic order, every applicable fix whose edits touch none chosen before: two
// edits conflict when their ranges overlap or start at the same offset (two insertions at one
// point have no defined order). A fix is taken whole or not at all. Edits reaching into the byte
// order mark (before `contentStart`) or past `size` are never taken. When `crlf` is set, a bare
// "\n" in replacement text becomes "\r\n", so a CRLF file keeps its line ends.
EditPlan planEdits(const std::vector<diag::Diagnostic>& diagnostics, const FixOptions& options,
                   base::Offset contentStart, base::Offset size, bool crlf);

// `text` with `edits` (REQUIRES: as planEdits returns them) applied.
std::string applyEdits(std::string_view text, const std::vector<diag::Edit>& edits);

// True when the buffer's first line ends with "\r\n" (the file's line-end convention).
bool usesCrlf(std::string_view text);

// The outcome of fixing one buffer in memory.
struct FixResult {
  std::string text;                         // the buffer after every round
  size_t fixesApplied = 0;                  // over every round
  unsigned passes = 0;                      // rounds that changed the text
  bool converged = true;                    // false: still changing after maxPasses rounds
  FileResult remaining;                     // the lint of `text`: what is left
};

// Lints `bytes` (named `path`, whose extension picks the format) with `engine`, applies the
// planned fixes, and repeats on the new text until a round applies nothing or `maxPasses` rounds
// ran. Never touches the disk. Thread safety: as Engine::lint.
FixResult fixBuffer(const Engine& engine, const std::string& path, std::string bytes, const FixOptions& options);

}  // namespace galley::engine
