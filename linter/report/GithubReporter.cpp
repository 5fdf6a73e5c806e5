#include "report/GithubReporter.h"

#include <fmt/format.h>

namespace galley::report {

namespace {

std::string_view commandName(diag::Severity severity) {
  switch (severity) {
    case diag::Severity::Error: return "error";
    case diag::Severity::Warning: return "warning";
    case diag::Severity::Info: return "notice";
  }
  return "warning";
}

std::string escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

// What the annotation's body says: the message, then the fix and the notes on their own lines.
std::string body(const base::SourceBuffer& source, const diag::Diagnostic& diagnostic) {
  std::string text = diagnostic.message;
  if (diagnostic.fix && !diagnostic.fix->edits.empty()) {
    const bool safe = diagnostic.fix->applicability == diag::Applicability::Safe;
    text += fmt::format("\n{}: {}", safe ? "fix" : "fix (unsafe)", diagnostic.fix->title);
  }
  for (const diag::Note& note : diagnostic.notes) {
    text += "\nnote: ";
    if (note.range) {
      const base::LineColumn at = source.lineColumn(note.range->begin);
      text += fmt::format("line {}, column {}: ", at.line, at.column);
    } else if (!note.path.empty()) {
      text += note.line > 0 ? fmt::format("{}:{}: ", note.path, note.line) : note.path + ": ";
    }
    text += note.message;
    if (!note.sourceUrl.empty()) text += " (source: " + note.sourceUrl + ")";
  }
  return text;
}

}  // namespace

std::string GithubReporter::escapeData(std::string_view text) { return escape(text, false); }
std::string GithubReporter::escapeProperty(std::string_view text) { return escape(text, true); }

void GithubReporter::addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  std::string out;
  for (const diag::Diagnostic& diagnostic : diagnostics) {
    const base::LineColumn begin = source.lineColumn(diagnostic.range.begin);
    const base::LineColumn end = source.lineColumn(diagnostic.range.end);
    out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                       commandName(diagnostic.severity), escapeProperty(source.path()), begin.line, begin.column,
                       end.line, end.column, escapeProperty(diagnostic.ruleId), escapeData(body(source, diagnostic)));
  }
  out_ << out;
}

void GithubReporter::addError(const base::Error& error) {
  std::string properties;
  if (const auto& where = error.location()) {
    properties = " file=" + escapeProperty(where->path);
    if (where->line > 0) properties += fmt::format(",line={}", where->line);
    if (where->line > 0 && where->column > 0) properties += fmt::format(",col={}", where->column);
  }
  out_ << "::error" << properties << "::" << escapeData(error.message()) << '\n';
}

void GithubReporter::finish(const RunSummary& /*summary*/) { out_.flush(); }

}  // namespace galley::report
