#include "serve/ReviewApi.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <vector>

#include "base/SourceBuffer.h"
#include "engine/AtomicWrite.h"
#include "engine/Fixer.h"
#include "serve/RequestGuard.h"

namespace galley::serve {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kBadRequest = 400;
constexpr int kForbidden = 403;
constexpr int kNotFound = 404;
constexpr int kConflict = 409;
constexpr int kServerError = 500;

ApiReply failure(int status, const std::string& message) { return {status, {{"error", message}}}; }

int statusOf(PathProblem problem) {
  switch (problem) {
    case PathProblem::Outside: return kForbidden;
    case PathProblem::Missing: return kNotFound;
    case PathProblem::NotADraft:
    case PathProblem::None: break;
  }
  return kBadRequest;
}

// The request body as a JSON object, or nullopt (malformed JSON, invalid UTF-8, not an object).
std::optional<json> parseObject(const std::string& body) {
  json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  return parsed;
}

std::optional<std::string> stringField(const json& object, const char* name) {
  const auto found = object.find(name);
  if (found == object.end() || !found->is_string()) return std::nullopt;
  return found->get<std::string>();
}

// UTF-16 code units before each byte offset of `text` (a browser's string index).
class Utf16Index {
 public:
  explicit Utf16Index(std::string_view text) : units_(text.size() + 1, 0) {
    uint32_t units = 0;
    for (size_t i = 0; i < text.size();) {
      const size_t length = std::max<size_t>(1, base::validUtf8SequenceLength(text, i));
      for (size_t k = 0; k < length && i + k <= text.size(); ++k) units_[i + k] = units;
      units += length == 4 ? 2 : 1;  // four-byte sequences are surrogate pairs
      i += length;
    }
    units_[text.size()] = units;
  }
  [[nodiscard]] uint32_t at(base::Offset offset) const { return units_[std::min<size_t>(offset, units_.size() - 1)]; }

 private:
  std::vector<uint32_t> units_;
};

json noteJson(const base::SourceBuffer& source, const diag::Note& note) {
  json out = {{"message", note.message}, {"sourceTitle", note.sourceTitle}, {"sourceUrl", note.sourceUrl}};
  if (note.range) {
    out["where"] = "line " + std::to_string(source.lineColumn(note.range->begin).line);
  } else if (!note.path.empty()) {
    out["where"] = fs::path(note.path).filename().string() + ":" + std::to_string(note.line);
  } else {
    out["where"] = "";
  }
  return out;
}

}  // namespace

std::string ReviewApi::lintPathFor(const std::string& requested) const {
  const ResolvedPath resolved = guard_.resolve(requested);
  if (resolved.problem == PathProblem::None) return resolved.file.string();
  // A pasted draft: its name picks the format and the folder's configuration applies to it.
  std::string name = fs::path(requested).filename().string();
  if (name.empty() || name.front() == '.' || !engine::isDraftExtension(name)) name = "pasted.md";
  return (guard_.folder() / name).string();
}

json ReviewApi::lintReply(const std::string& path, const std::string& lintPath, std::string text) const {
  const engine::FileResult result = engine_.lint(base::SourceBuffer(lintPath, std::move(text)));
  json diagnostics = json::array();
  if (!result.source) return {{"path", path}, {"diagnostics", diagnostics}};
  const base::SourceBuffer& source = *result.source;
  const Utf16Index utf16(source.text());
  for (const diag::Diagnostic& d : result.diagnostics) {
    const base::LineColumn at = source.lineColumn(d.range.begin);
    const config::RuleConfig* rule = rules_.rule(d.ruleId);
    json notes = json::array();
    for (const diag::Note& note : d.notes) notes.push_back(noteJson(source, note));
    json fix = nullptr;
    if (d.fix && !d.fix->edits.empty())
      fix = {{"title", d.fix->title}, {"safe", d.fix->applicability == diag::Applicability::Safe}};
    diagnostics.push_back({{"rule", d.ruleId},
                           {"severity", diag::severityName(d.severity)},
                           {"message", d.message},
                           {"begin", d.range.begin},
                           {"end", d.range.end},
                           {"from", utf16.at(d.range.begin)},
                           {"to", utf16.at(d.range.end)},
                           {"line", at.line},
                           {"column", at.column},
                           {"explanation", rule != nullptr ? rule->description : std::string()},
                           {"link", d.link},
                           {"notes", std::move(notes)},
                           {"fix", std::move(fix)}});
  }
  return {{"path", path}, {"diagnostics", std::move(diagnostics)}};
}

ApiReply ReviewApi::check(const std::string& body) const {
  const auto request = parseObject(body);
  if (!request) return failure(kBadRequest, "the body must be a JSON object");
  const auto text = stringField(*request, "text");
  if (!text) return failure(kBadRequest, "'text' (a string) is required");
  const std::string path = stringField(*request, "path").value_or("pasted.md");
  return {kHttpOk, lintReply(path, lintPathFor(path), *text)};
}

ApiReply ReviewApi::files() const {
  json list = json::array();
  for (const std::string& path : guard_.drafts()) list.push_back(path);
  return {kHttpOk, {{"files", std::move(list)}}};
}

ApiReply ReviewApi::file(const std::string& path) const {
  const ResolvedPath resolved = guard_.resolve(path);
  if (resolved.problem != PathProblem::None) return failure(statusOf(resolved.problem), resolved.message);
  auto buffer = base::SourceBuffer::readFile(resolved.file.string(), kMaxRequestBody);
  if (!buffer) return failure(kBadRequest, buffer.error().message());
  std::string text(buffer->text());
  json reply = lintReply(path, resolved.file.string(), text);
  reply["text"] = std::move(text);
  return {kHttpOk, std::move(reply)};
}

ApiReply ReviewApi::fix(const std::string& body) const {
  const auto request = parseObject(body);
  if (!request) return failure(kBadRequest, "the body must be a JSON object");
  const auto text = stringField(*request, "text");
  if (!text) return failure(kBadRequest, "'text' (a string) is required");
  const std::string path = stringField(*request, "path").value_or("pasted.md");
  const std::string lintPath = lintPathFor(path);
  std::string fixed;
  size_t applied = 0;
  const auto finding = request->find("finding");
  if (finding == request->end() || finding->is_null()) {
    engine::FixResult result = engine::fixBuffer(engine_, lintPath, *text, engine::FixOptions{});
    fixed = std::move(result.text);
    applied = result.fixesApplied;
  } else {
    const auto rule = finding->is_object() ? stringField(*finding, "rule") : std::nullopt;
    const json& begin = finding->is_object() ? finding->value("begin", json()) : json();
    const json& end = finding->is_object() ? finding->value("end", json()) : json();
    if (!rule || !begin.is_number_unsigned() || !end.is_number_unsigned())
      return failure(kBadRequest, "'finding' must be {rule, begin, end} as /api/check gave it");
    const engine::FileResult result = engine_.lint(base::SourceBuffer(lintPath, *text));
    const diag::Diagnostic* chosen = nullptr;
    for (const diag::Diagnostic& d : result.diagnostics) {
      if (d.ruleId == *rule && d.range.begin == begin.get<uint64_t>() && d.range.end == end.get<uint64_t>() && d.fix &&
          d.fix->applicability == diag::Applicability::Safe)
        chosen = &d;
    }
    if (chosen == nullptr || !result.source) return failure(kConflict, "that finding (with a safe fix) is not in the text any more");
    const base::SourceBuffer& source = *result.source;
    const engine::EditPlan plan = engine::planEdits({*chosen}, engine::FixOptions{}, source.contentStart(), source.size(),
                                                    engine::usesCrlf(source.text()));
    fixed = engine::applyEdits(source.text(), plan.edits);
    applied = plan.fixes;
  }
  json reply = lintReply(path, lintPath, fixed);
  reply["text"] = std::move(fixed);
  reply["fixesApplied"] = applied;
  return {kHttpOk, std::move(reply)};
}

ApiReply ReviewApi::save(const std::string& body) const {
  const auto request = parseObject(body);
  if (!request) return failure(kBadRequest, "the body must be a JSON object");
  const auto path = stringField(*request, "path");
  const auto text = stringField(*request, "text");
  const auto original = stringField(*request, "original");
  if (!path || !text || !original) return failure(kBadRequest, "'path', 'text' and 'original' (strings) are required");
  const ResolvedPath resolved = guard_.resolve(*path);
  if (resolved.problem != PathProblem::None) return failure(statusOf(resolved.problem), resolved.message);
  auto current = base::SourceBuffer::readFile(resolved.file.string(), kMaxRequestBody);
  if (!current) return failure(kBadRequest, current.error().message());
  if (current->text() != *original)
    return failure(kConflict, "the file changed on disk since it was opened; open it again");
  if (const auto error = engine::replaceFileAtomically(resolved.file.string(), *original, *text))
    return failure(kServerError, error->toString());
  json reply = lintReply(*path, resolved.file.string(), *text);
  reply["text"] = *text;
  reply["saved"] = true;
  return {kHttpOk, std::move(reply)};
}

}  // namespace galley::serve
