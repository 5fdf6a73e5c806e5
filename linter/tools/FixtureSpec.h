// The expectations a fixture states about itself: inline comments (Markdown) or a sidecar (plain text).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diag/Diagnostic.h"
#include "document/Document.h"

namespace galley::tools {

// One expectation about one line of a fixture.
struct Expectation {
  bool mustFire = true;             // "expect:" (true) or "ok:" (false: the rule must stay silent there)
  std::string ruleId;
  uint32_t line = 0;                // 1-based line of the fixture it is about
  std::optional<uint32_t> column;   // 1-based code-point column the diagnostic must start at
  std::optional<std::string> text;  // the exact source text the diagnostic's range must cover
  std::string writtenAt;            // "path:line" of the annotation, for failure messages
};

// What a fixture expects. Formats:
//   Markdown (and any draft with comments): an HTML comment
//     <!-- expect: pack.rule [col=N] [line=+N] ["source text"] -->
//     <!-- ok: pack.rule [line=+N] -->
//   is about the next line that is neither blank nor a comment-only line (or, with line=+N, the
//   N-th line after that one: inside a table, where a comment would end the table); several may
//   stack.
//     <!-- galley-fixture: clean -->  (or a file name starting with "clean") marks a clean fixture.
//   Sidecar PATH.expect (for plain text; optional for Markdown), one per line:
//     LINE[:COL] pack.rule ["source text"]     must fire
//     LINE !pack.rule                          must not fire
//     clean                                    a clean fixture
//     # comment, blank lines ignored
// A fixture with no expectation at all is clean too: with every rule on, nothing may fire.
struct FixtureSpec {
  std::vector<Expectation> expectations;
  bool clean = false;
  std::vector<std::string> problems;  // malformed annotations ("path:line: ..."); the fixture fails

  // Reads the annotations in `document`'s comments (fixture file name decides `clean` as above).
  static FixtureSpec fromDocument(const document::Document& document);
  // Adds the lines of a sidecar (`sidecarPath` is used in messages only).
  void addSidecar(std::string_view sidecarText, const std::string& sidecarPath);

  // The ids the fixture is about: the rules to enable for it (empty when clean).
  [[nodiscard]] std::set<std::string> ruleIds() const;
  [[nodiscard]] bool runsAllRules() const { return clean || expectations.empty(); }

  // Failure messages for `diagnostics` (of `source`) against the expectations; empty = pass.
  // Each diagnostic meets at most one expectation; any diagnostic meeting none is a failure.
  [[nodiscard]] std::vector<std::string> compare(const base::SourceBuffer& source,
                                                 const std::vector<diag::Diagnostic>& diagnostics) const;
};

}  // namespace galley::tools
