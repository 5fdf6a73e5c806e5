#include "report/TextReporter.h"

#include <fmt/format.h>

#include "report/SourceExcerpt.h"

namespace galley::report {

namespace {

constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kRed = "\033[1;31m";
constexpr std::string_view kMagenta = "\033[1;35m";
constexpr std::string_view kCyan = "\033[1;36m";
constexpr std::string_view kGreen = "\033[1;32m";
constexpr std::string_view kReset = "\033[0m";

std::string_view severityStyle(diag::Severity severity) {
  switch (severity) {
    case diag::Severity::Error: return kRed;
    case diag::Severity::Warning: return kMagenta;
    case diag::Severity::Info: return kCyan;
  }
  return kBold;
}

std::string plural(size_t count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

// "replace 'X' with 'Y'", "insert 'Y'" or "delete 'X'" for each edit, joined by "; ".
std::string describeFix(const base::SourceBuffer& source, const diag::Fix& fix) {
  std::string out;
  for (const diag::Edit& edit : fix.edits) {
    if (!out.empty()) out += "; ";
    const std::string before = escapeForLine(source.slice(edit.range));
    const std::string after = escapeForLine(edit.text);
    if (edit.range.empty())
      out += fmt::format("insert '{}'", after);
    else if (edit.text.empty())
      out += fmt::format("delete '{}'", before);
    else
      out += fmt::format("replace '{}' with '{}'", before, after);
  }
  return out;
}

}  // namespace

std::string TextReporter::paint(std::string_view text, std::string_view style) const {
  if (!options_.color) return std::string(text);
  return fmt::format("{}{}{}", style, text, kReset);
}

std::string TextReporter::formatDiagnostic(const base::SourceBuffer& source, const diag::Diagnostic& diagnostic) const {
  const base::LineColumn at = source.lineColumn(diagnostic.range.begin);
  std::string out = paint(fmt::format("{}:{}:{}:", source.path(), at.line, at.column), kBold);
  out += ' ';
  out += paint(fmt::format("{}:", diag::severityName(diagnostic.severity)), severityStyle(diagnostic.severity));
  out += fmt::format(" {} [{}]\n", escapeForLine(diagnostic.message), diagnostic.ruleId);
  for (const Excerpt& excerpt : makeExcerpts(source, diagnostic.range)) {
    out += excerpt.line;
    out += '\n';
    out += paint(excerpt.caret, kGreen);
    out += '\n';
  }
  if (diagnostic.fix && !diagnostic.fix->edits.empty()) {
    const bool safe = diagnostic.fix->applicability == diag::Applicability::Safe;
    out += paint(safe ? "fix:" : "fix (unsafe):", kGreen);
    out += ' ';
    out += describeFix(source, *diagnostic.fix);
    out += '\n';
  }
  for (const diag::Note& note : diagnostic.notes) {
    std::string where;
    if (note.range) {
      const base::LineColumn noteAt = source.lineColumn(note.range->begin);
      where = fmt::format("{}:{}:{}: ", source.path(), noteAt.line, noteAt.column);
    } else if (!note.path.empty()) {
      where = note.path;
      if (note.line > 0) where += fmt::format(":{}", note.line);
      if (note.line > 0 && note.column > 0) where += fmt::format(":{}", note.column);
      where += ": ";
    }
    if (!where.empty()) out += paint(where, kBold);
    out += paint("note:", kBold);
    out += ' ';
    out += escapeForLine(note.message);
    if (!note.sourceUrl.empty()) out += fmt::format(" (source: {})", note.sourceUrl);
    out += '\n';
  }
  return out;
}

void TextReporter::addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  for (const diag::Diagnostic& diagnostic : diagnostics) out_ << formatDiagnostic(source, diagnostic);
  out_.flush();
}

std::string TextReporter::summaryLine(const RunSummary& summary) {
  return fmt::format("{} checked: {}, {}, {} ({:.2f} s)", plural(summary.files, "file"), plural(summary.errors, "error"),
                     plural(summary.warnings, "warning"), plural(summary.infos, "info"), summary.seconds);
}

void TextReporter::finish(const RunSummary& summary) {
  if (options_.summary) out_ << summaryLine(summary) << '\n';
  out_.flush();
}

}  // namespace galley::report
