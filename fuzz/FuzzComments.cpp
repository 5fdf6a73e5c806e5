// Fuzz target: the comment scanners: inline suppressions (engine) and fixture expectations (tools),
// on a Markdown draft, plus the same bytes as a plain-text fixture's sidecar.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "document/Parser.h"
#include "engine/Suppressions.h"
#include "tools/FixtureSpec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  const galley::document::Document document =
      galley::document::parseDocument(galley::base::SourceBuffer("fuzz.md", text));
  static const std::vector<std::string> kKnown = {"galley.invalid-utf8", "t.one", "t.two"};
  std::vector<galley::diag::Diagnostic> warnings;
  const galley::engine::Suppressions suppressions(document, kKnown, warnings);
  // One diagnostic per line start, so every directive has something to suppress.
  std::vector<galley::diag::Diagnostic> diagnostics;
  const auto& source = document.source;
  for (uint32_t line = 1; line <= source.lineCount() && line <= 64; ++line) {
    galley::diag::Diagnostic diagnostic;
    diagnostic.ruleId = line % 2 == 0 ? "t.one" : "t.two";
    diagnostic.range = source.lineRange(line);
    diagnostics.push_back(diagnostic);
  }
  suppressions.apply(source, diagnostics);
  galley::tools::FixtureSpec spec = galley::tools::FixtureSpec::fromDocument(document);
  spec.addSidecar(text, "fuzz.txt.expect");
  return 0;
}
