// Fuzz target: fix application (engine/Fixer) on arbitrary text with arbitrary fixes decoded from
// the input, then, for some inputs, `galley fix`'s whole loop (fixBuffer) with the bundled rules.
// The text is the front of the input (so a draft is a good seed); the fixes come from its tail.
// Invariants checked (std::abort() on a breach, so libFuzzer keeps the input):
//   planEdits: edits sorted, pairwise apart (no overlap, no shared start), inside
//     [contentStart, size], whole fixes only, unsafe fixes only when asked, CRLF kept;
//   applyEdits: every byte outside the edits kept in order, the length adds up;
//   valid UTF-8 in, edits on character boundaries with valid UTF-8 replacements: valid UTF-8 out;
//   fixBuffer: the byte order mark stays, valid UTF-8 stays valid, what is left is the lint of the text.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "LintTarget.h"
#include "engine/Fixer.h"

namespace {

using galley::base::Offset;
namespace diag = galley::diag;
namespace engine = galley::engine;

constexpr size_t kMaxDiagnostics = 12;
constexpr size_t kMaxEditsPerFix = 4;
constexpr size_t kMaxReplacement = 24;

void require(bool condition) {
  if (!condition) std::abort();
}

bool validUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const uint32_t length = galley::base::validUtf8SequenceLength(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

bool onCharacterBoundary(std::string_view text, Offset at) {
  constexpr unsigned kContinuationMask = 0xC0U;
  constexpr unsigned kContinuationBits = 0x80U;
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & kContinuationMask) != kContinuationBits;
}

// An offset near `size` most of the time (so ranges land inside), sometimes anywhere.
Offset offsetIn(FuzzedDataProvider& input, size_t size) {
  if (input.ConsumeIntegralInRange<int>(0, 15) == 0) return input.ConsumeIntegral<Offset>();
  return input.ConsumeIntegralInRange<Offset>(0, static_cast<Offset>(size + 2));
}

std::vector<diag::Diagnostic> decodeFixes(FuzzedDataProvider& input, size_t textSize) {
  std::vector<diag::Diagnostic> diagnostics(input.ConsumeIntegralInRange<size_t>(0, kMaxDiagnostics));
  for (diag::Diagnostic& diagnostic : diagnostics) {
    diagnostic.ruleId = "fuzz.rule";
    if (input.ConsumeBool()) continue;  // a finding without a fix
    diag::Fix fix;
    fix.applicability = input.ConsumeBool() ? diag::Applicability::Safe : diag::Applicability::Unsafe;
    fix.edits.resize(input.ConsumeIntegralInRange<size_t>(0, kMaxEditsPerFix));
    for (diag::Edit& edit : fix.edits) {
      edit.range.begin = offsetIn(input, textSize);
      edit.range.end = input.ConsumeBool() ? edit.range.begin : offsetIn(input, textSize);
      edit.text = input.ConsumeRandomLengthString(kMaxReplacement);
    }
    diagnostic.fix = std::move(fix);
  }
  return diagnostics;
}

void checkPlan(const std::vector<diag::Diagnostic>& diagnostics, const engine::EditPlan& plan, const engine::FixOptions& options,
               Offset contentStart, Offset size, bool crlf) {
  size_t offered = 0;
  size_t offeredEdits = 0;
  for (const diag::Diagnostic& diagnostic : diagnostics) {
    if (!diagnostic.fix || diagnostic.fix->edits.empty()) continue;
    if (diagnostic.fix->applicability == diag::Applicability::Unsafe && !options.unsafe) continue;
    ++offered;
    offeredEdits += diagnostic.fix->edits.size();
  }
  require(plan.fixes <= offered);
  require(plan.edits.size() <= offeredEdits);
  require((plan.fixes == 0) == plan.edits.empty());
  for (size_t i = 0; i < plan.edits.size(); ++i) {
    const diag::Edit& edit = plan.edits[i];
    require(edit.range.begin <= edit.range.end && edit.range.begin >= contentStart && edit.range.end <= size);
    if (i > 0) {
      const diag::Edit& before = plan.edits[i - 1];
      require(before.range.end <= edit.range.begin && before.range.begin < edit.range.begin);
    }
    if (crlf) {
      for (size_t k = 0; k < edit.text.size(); ++k) require(edit.text[k] != '\n' || (k > 0 && edit.text[k - 1] == '\r'));
    }
  }
}

void checkApplied(std::string_view text, const std::vector<diag::Edit>& edits, const std::string& out) {
  size_t expectedSize = text.size();
  for (const diag::Edit& edit : edits) expectedSize = expectedSize - edit.range.size() + edit.text.size();
  require(out.size() == expectedSize);
  // Walk both: unedited stretches equal, replacements in place.
  size_t in = 0;
  size_t at = 0;
  for (const diag::Edit& edit : edits) {
    const size_t keep = edit.range.begin - in;
    require(std::string_view(out).substr(at, keep) == text.substr(in, keep));
    at += keep;
    require(std::string_view(out).substr(at, edit.text.size()) == edit.text);
    at += edit.text.size();
    in = edit.range.end;
  }
  require(std::string_view(out).substr(at) == text.substr(in));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider input(data, size);
  // The tail drives the choices; what is left at the front is the text.
  const bool runEngine = input.ConsumeIntegralInRange<int>(0, 7) == 0;
  engine::FixOptions options;
  options.unsafe = input.ConsumeBool();
  const size_t textSize = input.remaining_bytes() / 2;
  std::vector<diag::Diagnostic> diagnostics = decodeFixes(input, textSize);
  const std::string text = input.ConsumeRemainingBytesAsString();
  const galley::base::SourceBuffer source("fuzz.md", text);
  const bool crlf = engine::usesCrlf(text);

  const engine::EditPlan plan = engine::planEdits(diagnostics, options, source.contentStart(), source.size(), crlf);
  checkPlan(diagnostics, plan, options, source.contentStart(), source.size(), crlf);
  const std::string out = engine::applyEdits(text, plan.edits);
  checkApplied(text, plan.edits, out);
  const bool cleanEdits = std::all_of(plan.edits.begin(), plan.edits.end(), [&](const diag::Edit& edit) {
    return onCharacterBoundary(text, edit.range.begin) && onCharacterBoundary(text, edit.range.end) && validUtf8(edit.text);
  });
  if (validUtf8(text) && cleanEdits) require(validUtf8(out));
  if (source.contentStart() > 0) require(out.compare(0, source.contentStart(), text, 0, source.contentStart()) == 0);

  if (runEngine) {
    const engine::Engine& linter = galley::fuzz::bundledEngine();
    const engine::FixResult fixed = engine::fixBuffer(linter, "fuzz.md", text, options);
    require(fixed.remaining.source && fixed.remaining.source->text() == fixed.text);
    require(fixed.passes <= options.maxPasses);
    require(fixed.passes > 0 || fixed.text == text);
    if (source.contentStart() > 0) require(fixed.text.compare(0, source.contentStart(), text, 0, source.contentStart()) == 0);
    // Checks make their edits on character boundaries with valid text, so valid input stays valid.
    if (validUtf8(text)) require(validUtf8(fixed.text));
  }
  return 0;
}
