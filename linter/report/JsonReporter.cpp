#include "report/JsonReporter.h"

#include <nlohmann/json.hpp>

namespace galley::report {

namespace {

using Json = nlohmann::ordered_json;

void putSpan(Json& object, const base::SourceBuffer& source, base::Range range) {
  const base::LineColumn begin = source.lineColumn(range.begin);
  const base::LineColumn end = source.lineColumn(range.end);
  object["line"] = begin.line;
  object["column"] = begin.column;
  object["end_line"] = end.line;
  object["end_column"] = end.column;
}

Json toJson(const base::SourceBuffer& source, const diag::Diagnostic& diagnostic) {
  Json object;
  object["path"] = source.path();
  putSpan(object, source, diagnostic.range);
  object["severity"] = diag::severityName(diagnostic.severity);
  object["rule"] = diagnostic.ruleId;
  object["message"] = diagnostic.message;
  if (diagnostic.fix) {
    Json fix;
    fix["safe"] = diagnostic.fix->applicability == diag::Applicability::Safe;
    fix["title"] = diagnostic.fix->title;
    fix["edits"] = Json::array();
    for (const diag::Edit& edit : diagnostic.fix->edits) {
      Json jsonEdit;
      putSpan(jsonEdit, source, edit.range);
      jsonEdit["text"] = edit.text;
      fix["edits"].push_back(std::move(jsonEdit));
    }
    object["fix"] = std::move(fix);
  } else {
    object["fix"] = nullptr;
  }
  object["notes"] = Json::array();
  for (const diag::Note& note : diagnostic.notes) {
    Json jsonNote;
    if (note.range) {
      jsonNote["path"] = source.path();
      putSpan(jsonNote, source, *note.range);
    } else {
      jsonNote["path"] = note.path;
      jsonNote["line"] = note.line;
      jsonNote["column"] = note.column;
    }
    jsonNote["message"] = note.message;
    if (!note.sourceUrl.empty()) jsonNote["url"] = note.sourceUrl;
    object["notes"].push_back(std::move(jsonNote));
  }
  object["link"] = diagnostic.link.empty() ? Json(nullptr) : Json(diagnostic.link);
  return object;
}

}  // namespace

void JsonReporter::openIfNeeded() {
  if (opened_) return;
  out_ << "{\"version\": " << kVersion << ", \"diagnostics\": [";
  opened_ = true;
}

void JsonReporter::addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  openIfNeeded();
  std::string out;
  for (const diag::Diagnostic& diagnostic : diagnostics) {
    out += any_ ? ",\n" : "\n";
    out += toJson(source, diagnostic).dump(-1, ' ', false, Json::error_handler_t::replace);
    any_ = true;
  }
  out_ << out;
}

void JsonReporter::addError(const base::Error& error) {
  Json object;
  const auto& where = error.location();
  object["path"] = where ? where->path : std::string();
  object["line"] = where ? where->line : 0;
  object["column"] = where ? where->column : 0;
  object["message"] = error.message();
  errors_ += errors_.empty() ? "\n" : ",\n";
  errors_ += object.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void JsonReporter::finish(const RunSummary& /*summary*/) {
  openIfNeeded();
  out_ << (any_ ? "\n]" : "]") << ", \"errors\": [" << errors_ << (errors_.empty() ? "]}\n" : "\n]}\n");
  out_.flush();
}

}  // namespace galley::report
