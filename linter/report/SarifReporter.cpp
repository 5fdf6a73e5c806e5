#include "report/SarifReporter.h"

#include <utility>

#include "base/FileUri.h"
#include "report/Escaping.h"

namespace galley::report {

namespace {

using Json = nlohmann::ordered_json;

std::string_view levelName(diag::Severity severity) {
  switch (severity) {
    case diag::Severity::Error: return "error";
    case diag::Severity::Warning: return "warning";
    case diag::Severity::Info: return "note";
  }
  return "warning";
}

Json message(std::string_view text) { return Json{{"text", text}}; }

Json region(const base::SourceBuffer& source, base::Range range) {
  const base::LineColumn begin = source.lineColumn(range.begin);
  const base::LineColumn end = source.lineColumn(range.end);
  return Json{{"startLine", begin.line}, {"startColumn", begin.column}, {"endLine", end.line}, {"endColumn", end.column}};
}

Json physical(std::string_view path, Json region) {
  Json location{{"artifactLocation", {{"uri", base::pathToUri(path)}}}};
  if (!region.empty()) location["region"] = std::move(region);
  return location;
}

// The first sentence (or line) of a rule's description: SARIF's shortDescription is one line.
std::string shortText(const RuleInfo& rule) {
  std::string text = rule.description.substr(0, rule.description.find('\n'));
  if (const size_t stop = text.find(". "); stop != std::string::npos) text.erase(stop + 1);
  return text.empty() ? rule.id : text;
}

Json result(const base::SourceBuffer& source, const diag::Diagnostic& diagnostic,
            const std::map<std::string, size_t, std::less<>>& ruleIndex) {
  Json out;
  out["ruleId"] = diagnostic.ruleId;
  if (const auto it = ruleIndex.find(diagnostic.ruleId); it != ruleIndex.end()) out["ruleIndex"] = it->second;
  out["level"] = levelName(diagnostic.severity);
  out["message"] = message(diagnostic.message);
  out["locations"] = Json::array({Json{{"physicalLocation", physical(source.path(), region(source, diagnostic.range))}}});
  if (!diagnostic.notes.empty()) {
    Json related = Json::array();
    int id = 0;
    for (const diag::Note& note : diagnostic.notes) {
      Json where;
      if (note.range) {
        where = physical(source.path(), region(source, *note.range));
      } else {
        Json noteRegion;
        if (note.line > 0) noteRegion["startLine"] = note.line;
        if (note.line > 0 && note.column > 0) noteRegion["startColumn"] = note.column;
        where = physical(note.path.empty() ? source.path() : note.path, std::move(noteRegion));
      }
      std::string text = note.message;
      if (!note.sourceUrl.empty()) text += " (source: " + note.sourceUrl + ")";
      related.push_back(Json{{"id", id++}, {"physicalLocation", std::move(where)}, {"message", message(text)}});
    }
    out["relatedLocations"] = std::move(related);
  }
  if (diagnostic.fix && !diagnostic.fix->edits.empty()) {
    Json replacements = Json::array();
    for (const diag::Edit& edit : diagnostic.fix->edits) {
      replacements.push_back(
          Json{{"deletedRegion", region(source, edit.range)}, {"insertedContent", {{"text", edit.text}}}});
    }
    const bool safe = diagnostic.fix->applicability == diag::Applicability::Safe;
    Json fix{{"description", message(diagnostic.fix->title + (safe ? "" : " (unsafe)"))},
             {"artifactChanges",
              Json::array({Json{{"artifactLocation", {{"uri", base::pathToUri(source.path())}}},
                                {"replacements", std::move(replacements)}}})}};
    out["fixes"] = Json::array({std::move(fix)});
  }
  if (!diagnostic.link.empty()) out["properties"] = Json{{"helpUri", diagnostic.link}};
  return out;
}

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

SarifReporter::SarifReporter(std::ostream& out, ReporterOptions options) : out_(out), options_(std::move(options)) {
  for (size_t i = 0; i < options_.rules.size(); ++i) ruleIndex_.emplace(options_.rules[i].id, i);
}

void SarifReporter::openIfNeeded() {
  if (opened_) return;
  opened_ = true;
  Json driver{{"name", "galley"}};
  if (!options_.toolVersion.empty()) driver["version"] = options_.toolVersion;
  Json rules = Json::array();
  for (const RuleInfo& rule : options_.rules) {
    Json entry{{"id", rule.id}, {"shortDescription", message(shortText(rule))}};
    if (!rule.description.empty()) entry["fullDescription"] = message(rule.description);
    if (!rule.link.empty()) entry["helpUri"] = rule.link;
    rules.push_back(std::move(entry));
  }
  driver["rules"] = std::move(rules);
  // The document is written by hand around the streamed results, so it never sits in memory whole.
  out_ << R"({"$schema": )" << dump(kSchemaUri) << R"(, "version": "2.1.0", "runs": [{"tool": )"
       << dump(Json{{"driver", std::move(driver)}}) << R"(, "columnKind": "unicodeCodePoints", "results": [)";
}

void SarifReporter::addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  openIfNeeded();
  std::string text;
  for (const diag::Diagnostic& diagnostic : diagnostics) {
    text += any_ ? ",\n" : "\n";
    text += dump(result(source, diagnostic, ruleIndex_));
    any_ = true;
  }
  out_ << text;
}

void SarifReporter::addError(const base::Error& error) {
  Json notification{{"level", "error"}, {"message", message(error.message())}};
  if (const auto& where = error.location()) {
    Json errorRegion;
    if (where->line > 0) errorRegion["startLine"] = where->line;
    if (where->line > 0 && where->column > 0) errorRegion["startColumn"] = where->column;
    notification["locations"] = Json::array({Json{{"physicalLocation", physical(where->path, std::move(errorRegion))}}});
  }
  notifications_.push_back(std::move(notification));
}

void SarifReporter::finish(const RunSummary& /*summary*/) {
  openIfNeeded();
  Json invocation{{"executionSuccessful", notifications_.empty()}};
  if (!notifications_.empty()) invocation["toolExecutionNotifications"] = std::move(notifications_);
  out_ << (any_ ? "\n], " : "], ") << "\"invocations\": [" << dump(invocation) << "]}]}\n";
  out_.flush();
}

}  // namespace galley::report
