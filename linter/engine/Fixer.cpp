#include "engine/Fixer.h"

#include <algorithm>

namespace galley::engine {

namespace {

bool conflicts(const diag::Edit& a, const diag::Edit& b) {
  return a.range.overlaps(b.range) || a.range.begin == b.range.begin;
}

std::string withCrlf(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

}  // namespace

bool usesCrlf(std::string_view text) {
  const size_t newline = text.find('\n');
  return newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r';
}

EditPlan planEdits(const std::vector<diag::Diagnostic>& diagnostics, const FixOptions& options,
                   base::Offset contentStart, base::Offset size, bool crlf) {
  EditPlan plan;
  for (const diag::Diagnostic& diagnostic : diagnostics) {
    if (!diagnostic.fix || diagnostic.fix->edits.empty()) continue;
    if (diagnostic.fix->applicability == diag::Applicability::Unsafe && !options.unsafe) continue;
    const auto& edits = diagnostic.fix->edits;
    const bool usable = std::all_of(edits.begin(), edits.end(), [&](const diag::Edit& edit) {
      if (edit.range.begin < contentStart || edit.range.end > size || edit.range.begin > edit.range.end) return false;
      return std::none_of(plan.edits.begin(), plan.edits.end(),
                          [&](const diag::Edit& taken) { return conflicts(edit, taken); });
    });
    // A fix's own edits must not conflict with each other either.
    bool selfConsistent = true;
    for (size_t i = 0; i < edits.size() && selfConsistent; ++i)
      for (size_t j = i + 1; j < edits.size() && selfConsistent; ++j) selfConsistent = !conflicts(edits[i], edits[j]);
    if (!usable || !selfConsistent) continue;
    for (const diag::Edit& edit : edits) plan.edits.push_back({edit.range, crlf ? withCrlf(edit.text) : edit.text});
    ++plan.fixes;
  }
  std::sort(plan.edits.begin(), plan.edits.end(),
            [](const diag::Edit& a, const diag::Edit& b) { return a.range.begin < b.range.begin; });
  return plan;
}

std::string applyEdits(std::string_view text, const std::vector<diag::Edit>& edits) {
  std::string out;
  out.reserve(text.size());
  base::Offset at = 0;
  for (const diag::Edit& edit : edits) {
    out.append(text.substr(at, edit.range.begin - at));
    out += edit.text;
    at = edit.range.end;
  }
  out.append(text.substr(at));
  return out;
}

FixResult fixBuffer(const Engine& engine, const std::string& path, std::string bytes, const FixOptions& options) {
  FixResult result;
  const bool crlf = usesCrlf(bytes);
  result.remaining = engine.lint(base::SourceBuffer(path, std::move(bytes)));
  while (true) {
    const base::SourceBuffer& source = *result.remaining.source;
    const EditPlan plan = planEdits(result.remaining.diagnostics, options, source.contentStart(), source.size(), crlf);
    if (plan.edits.empty()) break;
    std::string next = applyEdits(source.text(), plan.edits);
    if (next == source.text()) break;  // fixes that rewrite text with itself
    if (result.passes == options.maxPasses) {
      result.converged = false;
      break;
    }
    ++result.passes;
    result.fixesApplied += plan.fixes;
    result.remaining = engine.lint(base::SourceBuffer(path, std::move(next)));
  }
  result.text = std::string(result.remaining.source->text());
  return result;
}

}  // namespace galley::engine
