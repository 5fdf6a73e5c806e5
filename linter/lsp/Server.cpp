#include "lsp/Server.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "base/FileUri.h"
#include "engine/ConfigResolver.h"
#include "lsp/JsonText.h"
#include "engine/Fixer.h"

namespace galley::lsp {

namespace {

using nlohmann::json;

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestCancelled = -32800;

// LSP DiagnosticSeverity.
constexpr int kLspError = 1;
constexpr int kLspWarning = 2;
constexpr int kLspInformation = 3;
constexpr int kChangeIncremental = 2;
// UTF-8 continuation bytes are 10xxxxxx.
constexpr unsigned kContinuationMask = 0xC0U;
constexpr unsigned kContinuationBits = 0x80U;

const char* const kFixAllKind = "source.fixAll.galley";
// A client's debounceMs above this is taken as this: now + a huge duration overflows the clock.
constexpr int64_t kMaxDebounceMs = 60'000;

int lspSeverity(diag::Severity severity) {
  switch (severity) {
    case diag::Severity::Error: return kLspError;
    case diag::Severity::Warning: return kLspWarning;
    case diag::Severity::Info: return kLspInformation;
  }
  return kLspWarning;
}

// A field of `object` as a string, or "" (wrong types are the caller's InvalidParams).
const json& field(const json& object, const char* name) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  const auto found = object.find(name);
  return found == object.end() ? kNull : *found;
}

// An LSP position field (a uinteger): integers as sent; other numbers clamped to [0, 2^32 - 1],
// since converting 1e300 to an integer is undefined behaviour; other types throw json::type_error
// (the request's InvalidParams).
int64_t positionNumber(const json& value) {
  if (!value.is_number_float()) return value.get<int64_t>();
  const double number = value.get<double>();
  if (!(number > 0)) return 0;
  return number >= static_cast<double>(UINT32_MAX) ? int64_t{UINT32_MAX} : static_cast<int64_t>(number);
}

bool isMarkdownPath(const std::string& path) {
  const size_t dot = path.rfind('.');
  return dot == std::string::npos || path.substr(dot) != ".txt";
}

// The smallest single edit turning `before` into `after` (common prefix and suffix kept).
diag::Edit minimalEdit(std::string_view before, std::string_view after) {
  size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
    ++suffix;
  // Keep UTF-8 sequences whole: back off to a character start.
  while (prefix > 0 && prefix < before.size() &&
         (static_cast<unsigned char>(before[prefix]) & kContinuationMask) == kContinuationBits)
    --prefix;
  while (suffix > 0 && (static_cast<unsigned char>(before[before.size() - suffix]) & kContinuationMask) == kContinuationBits) --suffix;
  return {{static_cast<base::Offset>(prefix), static_cast<base::Offset>(before.size() - suffix)},
          std::string(after.substr(prefix, after.size() - suffix - prefix))};
}

// The workspace's folder: the first workspace folder, else rootUri, else rootPath; nullopt when
// the client names none (or not as a file).
std::optional<std::string> workspaceRoot(const json& params) {
  const json& folders = field(params, "workspaceFolders");
  if (folders.is_array() && !folders.empty() && field(folders[0], "uri").is_string())
    return base::pathFromUri(field(folders[0], "uri").get<std::string>());
  if (const json& uri = field(params, "rootUri"); uri.is_string()) return base::pathFromUri(uri.get<std::string>());
  if (const json& path = field(params, "rootPath"); path.is_string()) return path.get<std::string>();
  return std::nullopt;
}

// The absolute file URI of a note in another file (a fact's line in the fact-base YAML).
std::string noteUri(const diag::Note& note) {
  // Pack paths are absolute (Workspace makes the rule folders so); a relative one is the current
  // directory's, where the loader opened it.
  return note.path.empty() ? std::string() : base::pathToUri(engine::absolutePath(note.path));
}

// Hover Markdown for one finding: the message, the rule's explanation (description, a flagged and
// an accepted example), the notes with each fact's source (title linked to its URL) and its line.
std::string hoverText(const diag::Diagnostic& diagnostic, const config::RuleConfig* rule) {
  std::string text = fmt::format("**{}** ({}): {}", diagnostic.ruleId, diag::severityName(diagnostic.severity), diagnostic.message);
  if (rule != nullptr) {
    // The rule's explanation: its description, then one flagged and one accepted self-test.
    if (!rule->description.empty()) text += "\n\n" + rule->description;
    for (const auto expect : {config::RuleTest::Expect::Bad, config::RuleTest::Expect::Good}) {
      const auto test = std::find_if(rule->tests.begin(), rule->tests.end(), [&](const auto& t) { return t.expect == expect; });
      if (test != rule->tests.end())
        text += fmt::format("\n\n{}: {}", expect == config::RuleTest::Expect::Bad ? "Flagged" : "Accepted", test->text);
    }
  }
  for (const diag::Note& note : diagnostic.notes) {
    // The cited title is written once, as the link to the source.
    std::string message = note.message;
    const std::string cited = " (source: " + note.sourceTitle + ")";
    if (!note.sourceTitle.empty() && message.ends_with(cited)) message.resize(message.size() - cited.size());
    text += "\n\n- " + message;
    if (!note.sourceTitle.empty() && !note.sourceUrl.empty())
      text += fmt::format("\n  - Source: [{}]({})", note.sourceTitle, note.sourceUrl);
    else if (!note.sourceTitle.empty())
      text += "\n  - Source: " + note.sourceTitle;
    else if (!note.sourceUrl.empty())
      text += fmt::format("\n  - Source: <{}>", note.sourceUrl);
    if (!note.range && !note.path.empty())
      text += fmt::format("\n  - Written in [{}:{}]({}#L{})", std::filesystem::path(note.path).filename().string(), note.line,
                          noteUri(note), note.line);
  }
  if (!diagnostic.link.empty()) text += fmt::format("\n\n[Rule documentation]({})", diagnostic.link);
  return text;
}

}  // namespace

Server::Server(ServerOptions options, Send send, Log log)
    : options_(std::move(options)), send_(std::move(send)), log_(std::move(log)) {}

void Server::handle(const std::string& body) {
  const json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    replyError(nullptr, kParseError, "invalid JSON");
    return;
  }
  try {
    dispatch(message);
  } catch (const json::exception& error) {
    // A field of the wrong type deep in the params: the message is bad, the server is fine.
    const json& id = field(message, "id");
    if (!id.is_null() && field(message, "method").is_string())
      replyError(id, kInvalidParams, std::string("invalid params: ") + error.what());
    else
      log_(std::string("galley lsp: ignored a malformed notification: ") + error.what());
  }
}

void Server::dispatch(const json& message) {
  if (!message.is_object()) {
    replyError(nullptr, kInvalidRequest, "a message must be a JSON object");
    return;
  }
  const json& id = field(message, "id");
  const json& method = field(message, "method");
  if (!method.is_string()) {
    if (!id.is_null() && (field(message, "result") != nullptr || field(message, "error") != nullptr)) return;  // a response
    replyError(id.is_string() || id.is_number_integer() ? id : json(nullptr), kInvalidRequest, "no method");
    return;
  }
  const json& params = field(message, "params");
  if (id.is_null() && !message.contains("id")) {
    notification(method.get<std::string>(), params);
    return;
  }
  if (!id.is_string() && !id.is_number_integer()) {
    replyError(nullptr, kInvalidRequest, "id must be a string or an integer");
    return;
  }
  request(id, method.get<std::string>(), params);
}

void Server::send(const json& message) {
  send_(message.dump(-1, ' ', false, json::error_handler_t::replace));
}

void Server::reply(const json& id, json result) {
  send(json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::replyWithDiagnostics(const json& id, const OpenDocument& document, const std::string& items) {
  send_(R"({"jsonrpc":"2.0","id":)" + id.dump() + R"(,"result":{"kind":"full","resultId":")" +
        std::to_string(document.resultVersion) + R"(","items":)" + items + "}}");
}

void Server::replyError(const json& id, int code, const std::string& message) {
  send(json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::request(const json& id, const std::string& method, const json& params) {
  if (method == "initialize") {
    if (initialized_) {
      replyError(id, kInvalidRequest, "initialize was already received");
      return;
    }
    reply(id, initialize(params));
    return;
  }
  if (!initialized_) {
    replyError(id, kServerNotInitialized, "initialize first");
    return;
  }
  if (shutdown_) {
    replyError(id, kInvalidRequest, "the server is shutting down");
    return;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    reply(id, nullptr);
  } else if (method == "textDocument/codeAction") {
    reply(id, codeActions(params));
  } else if (method == "textDocument/hover") {
    reply(id, hover(params));
  } else if (method == "textDocument/diagnostic") {
    OpenDocument* document = find(params);
    if (document == nullptr) {
      replyError(id, kInvalidParams, "document not open");
      return;
    }
    if (document->lintDue) {
      // Answered when the debounce passes (or cancelled before).
      waitingPulls_[document->uri].push_back(id);
      return;
    }
    if (!document->result) lintNow(*document);
    replyWithDiagnostics(id, *document, diagnosticsText(*document->result));
  } else {
    replyError(id, kMethodNotFound, "unknown method " + method);
  }
}

void Server::notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_) return;  // notifications before initialize are dropped, as the spec says
  if (method == "textDocument/didOpen") {
    didOpen(params);
  } else if (method == "textDocument/didChange") {
    didChange(params);
  } else if (method == "textDocument/didClose") {
    didClose(params);
  } else if (method == "textDocument/didSave") {
    didSave(params);
  } else if (method == "workspace/didChangeWatchedFiles") {
    didChangeWatchedFiles(params);
  } else if (method == "$/cancelRequest") {
    const json& id = field(params, "id");
    for (auto& [uri, ids] : waitingPulls_) {
      const auto found = std::find(ids.begin(), ids.end(), id);
      if (found == ids.end()) continue;
      replyError(id, kRequestCancelled, "cancelled");
      ids.erase(found);
      return;
    }
  }
  // "initialized", "$/setTrace" and unknown notifications need nothing.
}

json Server::initialize(const json& params) {
  initialized_ = true;
  const json& capabilities = field(params, "capabilities");
  const json& encodings = field(field(capabilities, "general"), "positionEncodings");
  if (encodings.is_array() && std::find(encodings.begin(), encodings.end(), json("utf-8")) != encodings.end())
    encoding_ = PositionEncoding::Utf8;
  pull_ = field(field(capabilities, "textDocument"), "diagnostic").is_object();
  const json& init = field(params, "initializationOptions");
  if (const json& debounce = field(init, "debounceMs"); debounce.is_number_integer() && debounce.get<int64_t>() >= 0)
    options_.debounce = std::chrono::milliseconds(std::min(debounce.get<int64_t>(), kMaxDebounceMs));
  if (const json& dirs = field(init, "rules"); dirs.is_array()) {
    // Relative folders are the workspace's, as the user wrote them in the client's settings.
    const std::optional<std::string> root = workspaceRoot(params);
    for (const json& dir : dirs) {
      if (!dir.is_string()) continue;
      const std::filesystem::path path = dir.get<std::string>();
      options_.ruleDirs.push_back(root && path.is_relative() ? (std::filesystem::path(*root) / path).string() : path.string());
    }
  }
  if (const json& noDefaults = field(init, "noDefaultRules"); noDefaults.is_boolean())
    options_.useBundledRules = !noDefaults.get<bool>();
  workspace_ = std::make_unique<Workspace>(options_.ruleDirs, options_.useBundledRules);
  reloadConfiguration(true);
  json result;
  result["capabilities"] = {
      {"positionEncoding", encoding_ == PositionEncoding::Utf8 ? "utf-8" : "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", kChangeIncremental}, {"save", {{"includeText", false}}}}},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix", kFixAllKind}}}},
      {"hoverProvider", true},
  };
  if (pull_)
    result["capabilities"]["diagnosticProvider"] = {{"interFileDependencies", false}, {"workspaceDiagnostics", false}};
  result["serverInfo"] = {{"name", "galley"}, {"version", GALLEY_VERSION}};
  return result;
}

void Server::reloadConfiguration(bool packsToo) {
  std::vector<std::string> paths;
  paths.reserve(documents_.size());
  for (const auto& [uri, document] : documents_) paths.push_back(document.path);
  publishProblems(workspace_->reload(paths, packsToo));
  rules_ = workspace_->rules();
  engine_ = workspace_->engine();
}

void Server::publishProblems(const std::vector<ConfigProblem>& problems) {
  std::map<std::string, json> byFile;
  for (const ConfigProblem& problem : problems) {
    const auto& where = problem.error.location();
    if (!where || where->path.empty()) {
      log_("galley lsp: " + problem.error.toString() + " (" + problem.outcome + ")");
      continue;
    }
    const uint32_t line = where->line > 0 ? where->line - 1 : 0;
    const uint32_t column = where->column > 0 ? where->column - 1 : 0;
    const json at = {{"line", line}, {"character", column}};
    byFile[base::pathToUri(engine::absolutePath(where->path))].push_back(
        {{"range", {{"start", at}, {"end", at}}},
         {"severity", kLspError},
         {"source", "galley"},
         {"message", problem.error.message() + " (" + problem.outcome + ")"}});
  }
  for (const std::string& uri : problemFiles_) {
    if (!byFile.contains(uri))
      send({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
  }
  problemFiles_.clear();
  for (auto& [uri, diagnostics] : byFile) {
    problemFiles_.insert(uri);
    send({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", {{"uri", uri}, {"diagnostics", std::move(diagnostics)}}}});
  }
}

OpenDocument* Server::find(const json& params) {
  const json& uri = field(field(params, "textDocument"), "uri");
  if (!uri.is_string()) return nullptr;
  const auto found = documents_.find(uri.get<std::string>());
  return found == documents_.end() ? nullptr : &found->second;
}

void Server::didOpen(const json& params) {
  const json& item = field(params, "textDocument");
  OpenDocument document;
  document.uri = item.at("uri").get<std::string>();
  document.text = item.at("text").get<std::string>();
  document.version = field(item, "version").is_number_integer() ? field(item, "version").get<int64_t>() : 0;
  const json& language = field(item, "languageId");
  document.path = base::pathFromUri(document.uri).value_or(document.uri);
  // An untitled buffer gets its format from the language the client names.
  if (!base::pathFromUri(document.uri)) document.path += (language == "plaintext" ? ".txt" : ".md");
  document.lintDue = Clock::now();  // first lint without waiting
  const std::string path = document.path;
  documents_[document.uri] = std::move(document);
  // A draft in a folder not seen before may bring its own .galley.yaml (and packs).
  if (workspace_->discover(path)) reloadConfiguration(false);
}

void Server::didChange(const json& params) {
  OpenDocument* document = find(params);
  if (document == nullptr) return;
  const json& changes = params.at("contentChanges");
  for (const json& change : changes) {
    const json& range = field(change, "range");
    const std::string text = change.at("text").get<std::string>();
    if (range.is_null()) {
      document->text = text;
      continue;
    }
    const base::SourceBuffer source(document->path, document->text);
    base::Offset begin = offset(source, range.at("start"));
    base::Offset end = offset(source, range.at("end"));
    if (end < begin) std::swap(begin, end);
    document->text.replace(begin, end - begin, text);
  }
  if (const json& version = field(field(params, "textDocument"), "version"); version.is_number_integer())
    document->version = version.get<int64_t>();
  document->lintDue = Clock::now() + options_.debounce;
}

void Server::didClose(const json& params) {
  OpenDocument* document = find(params);
  if (document == nullptr) return;
  const std::string uri = document->uri;
  for (const json& id : waitingPulls_[uri]) replyError(id, kRequestCancelled, "document closed");
  waitingPulls_.erase(uri);
  documents_.erase(uri);
  if (!pull_)
    send({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
}

void Server::didSave(const json& params) {
  const json& uri = field(field(params, "textDocument"), "uri");
  if (!uri.is_string()) return;
  // A saved .galley.yaml, rule or fact file is a changed file for clients that do not watch files.
  didChangeWatchedFiles({{"changes", json::array({{{"uri", uri}, {"type", 2}}})}});
}

void Server::didChangeWatchedFiles(const json& params) {
  const json& changes = field(params, "changes");
  // Without a list of changes, anything may have changed.
  Reload needed = changes.is_array() ? Reload::None : Reload::Packs;
  if (changes.is_array()) {
    for (const json& change : changes) {
      const auto path = base::pathFromUri(field(change, "uri").is_string() ? field(change, "uri").get<std::string>() : "");
      if (path) needed = std::max(needed, workspace_->affectedBy(*path));
    }
  }
  if (needed == Reload::None) return;  // a draft saved, say
  reloadConfiguration(needed == Reload::Packs);
  for (auto& [uri, document] : documents_) document.lintDue = Clock::now();
}

std::optional<Clock::time_point> Server::nextDeadline() const {
  std::optional<Clock::time_point> next;
  for (const auto& [uri, document] : documents_)
    if (document.lintDue && (!next || *document.lintDue < *next)) next = document.lintDue;
  return next;
}

void Server::runDue(Clock::time_point now) {
  for (auto& [uri, document] : documents_) {
    if (!document.lintDue || *document.lintDue > now) continue;
    lintNow(document);
    if (!pull_) publish(document);
    const auto waiting = waitingPulls_.find(uri);
    if (waiting == waitingPulls_.end()) continue;
    const std::string items = diagnosticsText(*document.result);
    for (const json& id : waiting->second) replyWithDiagnostics(id, document, items);
    waitingPulls_.erase(waiting);
  }
}

void Server::lintNow(OpenDocument& document) {
  document.result = document.session->lint(*engine_, base::SourceBuffer(document.path, document.text));
  document.resultVersion = document.version;
  document.lintDue.reset();
}

const engine::FileResult* Server::freshResult(OpenDocument& document) {
  if (document.lintDue || !document.result) lintNow(document);
  return &*document.result;
}

void Server::publish(const OpenDocument& document) {
  std::string message = R"({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":)";
  appendJsonString(message, document.uri);
  message += R"(,"version":)" + std::to_string(document.resultVersion) + R"(,"diagnostics":)";
  message += diagnosticsText(*document.result);
  message += "}}";
  send_(message);
}

json Server::range(const base::SourceBuffer& source, base::Range bytes) const {
  const Position start = toPosition(source, std::min(bytes.begin, source.size()), encoding_);
  const Position end = toPosition(source, std::min(bytes.end, source.size()), encoding_);
  return {{"start", {{"line", start.line}, {"character", start.character}}},
          {"end", {{"line", end.line}, {"character", end.character}}}};
}

base::Offset Server::offset(const base::SourceBuffer& source, const json& position) const {
  const int64_t line = positionNumber(position.at("line"));
  const int64_t character = positionNumber(position.at("character"));
  if (line < 0 || character < 0) return 0;
  return toOffset(source, {static_cast<uint32_t>(std::min<int64_t>(line, UINT32_MAX)),
                           static_cast<uint32_t>(std::min<int64_t>(character, UINT32_MAX))},
                  encoding_);
}

void Server::appendDiagnostic(std::string& out, const base::SourceBuffer& source, const diag::Diagnostic& diagnostic,
                              const std::string& uri) const {
  const auto appendRange = [&](base::Range bytes) {
    const Position start = toPosition(source, std::min(bytes.begin, source.size()), encoding_);
    const Position end = toPosition(source, std::min(bytes.end, source.size()), encoding_);
    appendJsonRange(out, start.line, start.character, end.line, end.character);
  };
  out += R"({"range":)";
  appendRange(diagnostic.range);
  out += R"(,"severity":)";
  out += std::to_string(lspSeverity(diagnostic.severity));
  out += R"(,"code":)";
  appendJsonString(out, diagnostic.ruleId);
  out += R"(,"source":"galley","message":)";
  appendJsonString(out, diagnostic.message);
  if (!diagnostic.link.empty()) {
    out += R"(,"codeDescription":{"href":)";
    appendJsonString(out, diagnostic.link);
    out += "}";
  }
  bool first = true;
  for (const diag::Note& note : diagnostic.notes) {
    if (!note.range && note.path.empty()) continue;
    out += first ? R"(,"relatedInformation":[)" : ",";
    first = false;
    out += R"({"location":{"uri":)";
    if (note.range) {
      appendJsonString(out, uri);
      out += R"(,"range":)";
      appendRange(*note.range);
    } else {
      const uint32_t line = note.line > 0 ? note.line - 1 : 0;
      const uint32_t column = note.column > 0 ? note.column - 1 : 0;
      appendJsonString(out, noteUriOf(note));
      out += R"(,"range":)";
      appendJsonRange(out, line, column, line, column);
    }
    out += R"(},"message":)";
    appendJsonString(out, note.sourceUrl.empty() ? note.message : note.message + " (source: " + note.sourceUrl + ")");
    out += "}";
  }
  if (!first) out += "]";
  out += "}";
}

std::string Server::diagnosticsText(const engine::FileResult& result) const {
  std::string out = "[";
  if (result.source) {
    const std::string uri = uriOf(result.source->path());
    for (const diag::Diagnostic& diagnostic : result.diagnostics) {
      if (out.size() > 1) out += ",";
      appendDiagnostic(out, *result.source, diagnostic, uri);
    }
  }
  out += "]";
  return out;
}

json Server::toLsp(const base::SourceBuffer& source, const diag::Diagnostic& diagnostic) const {
  std::string text;
  appendDiagnostic(text, source, diagnostic, uriOf(source.path()));
  return json::parse(text);
}

json Server::codeActions(const json& params) {
  json actions = json::array();
  OpenDocument* document = find(params);
  if (document == nullptr) return actions;
  const engine::FileResult& result = *freshResult(*document);
  const base::SourceBuffer& source = *result.source;
  const base::Offset begin = offset(source, params.at("range").at("start"));
  const base::Offset end = offset(source, params.at("range").at("end"));
  const json& only = field(field(params, "context"), "only");
  auto wanted = [&](const std::string& kind) {
    if (!only.is_array()) return true;
    return std::any_of(only.begin(), only.end(), [&](const json& prefix) {
      return prefix.is_string() && (kind == prefix.get<std::string>() || kind.starts_with(prefix.get<std::string>() + "."));
    });
  };
  auto editOf = [&](const std::vector<diag::Edit>& edits) {
    json textEdits = json::array();
    for (const diag::Edit& edit : edits) textEdits.push_back({{"range", range(source, edit.range)}, {"newText", edit.text}});
    return json{{"changes", {{document->uri, textEdits}}}};
  };
  if (wanted("quickfix")) {
    for (const diag::Diagnostic& diagnostic : result.diagnostics) {
      // A diagnostic touches the request when the ranges meet (an empty range at either edge counts).
      if (diagnostic.range.end < begin || diagnostic.range.begin > end) continue;
      const json lspDiagnostic = toLsp(source, diagnostic);
      if (diagnostic.fix && !diagnostic.fix->edits.empty()) {
        actions.push_back({{"title", diagnostic.fix->title},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({lspDiagnostic})},
                           {"isPreferred", diagnostic.fix->applicability == diag::Applicability::Safe},
                           {"edit", editOf(diagnostic.fix->edits)}});
      }
      if (isMarkdownPath(document->path)) {
        // The directive goes on its own line above the flagged line, with the same indentation.
        const base::Range line = source.lineRange(source.lineColumn(diagnostic.range.begin).line);
        const std::string_view text = source.slice(line);
        const size_t indent = text.find_first_not_of(" \t") == std::string_view::npos ? 0 : text.find_first_not_of(" \t");
        const std::string lineEnd = engine::usesCrlf(source.text()) ? "\r\n" : "\n";
        const diag::Edit insert{{line.begin, line.begin},
                                std::string(text.substr(0, indent)) + "<!-- galley-disable-next-line " + diagnostic.ruleId +
                                    " -->" + lineEnd};
        actions.push_back({{"title", "Disable " + diagnostic.ruleId + " on this line"},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({lspDiagnostic})},
                           {"edit", editOf({insert})}});
      }
    }
  }
  if (wanted(kFixAllKind)) {
    const engine::FixResult fixed = engine::fixBuffer(*engine_, document->path, document->text, engine::FixOptions{});
    if (fixed.text != document->text)
      actions.push_back({{"title", "Fix all safe Galley findings"},
                         {"kind", kFixAllKind},
                         {"edit", editOf({minimalEdit(document->text, fixed.text)})}});
  }
  return actions;
}

const std::string& Server::noteUriOf(const diag::Note& note) const {
  auto found = noteUris_.find(note.path);
  if (found == noteUris_.end()) found = noteUris_.emplace(note.path, noteUri(note)).first;
  return found->second;
}

std::string Server::uriOf(const std::string& path) const {
  for (const auto& [uri, document] : documents_)
    if (document.path == path) return uri;
  return base::pathToUri(engine::absolutePath(path));
}

json Server::hover(const json& params) {
  OpenDocument* document = find(params);
  if (document == nullptr) return nullptr;
  const engine::FileResult& result = *freshResult(*document);
  const base::SourceBuffer& source = *result.source;
  const base::Offset at = offset(source, params.at("position"));
  std::string text;
  std::optional<base::Range> covered;
  for (const diag::Diagnostic& diagnostic : result.diagnostics) {
    if (at < diagnostic.range.begin || at > diagnostic.range.end) continue;
    if (!text.empty()) text += "\n\n---\n\n";
    text += hoverText(diagnostic, rules_ ? rules_->rule(diagnostic.ruleId) : nullptr);
    covered = covered ? base::Range{std::min(covered->begin, diagnostic.range.begin), std::max(covered->end, diagnostic.range.end)}
                      : diagnostic.range;
  }
  if (text.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", range(source, *covered)}};
}

}  // namespace galley::lsp
