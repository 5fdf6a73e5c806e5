// The language server's state machine: JSON-RPC messages in, JSON-RPC messages out.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "checks/RuleSet.h"
#include "engine/Engine.h"
#include "engine/LintSession.h"
#include "lsp/Positions.h"
#include "lsp/Workspace.h"

namespace galley::lsp {

using Clock = std::chrono::steady_clock;

// Quiet time after a change before a document is linted again.
inline constexpr std::chrono::milliseconds kDefaultDebounce{20};

// How the server is set up before the client says anything.
struct ServerOptions {
  std::vector<std::string> ruleDirs;  // --rules DIR, in order
  bool useBundledRules = true;        // false with --no-default-rules
  // Quiet time after a change before the document is linted again (changes typed in a burst are
  // linted once). A client may override it with initializationOptions.debounceMs. Default: 20 ms.
  std::chrono::milliseconds debounce = kDefaultDebounce;
};

// One open document as the client last described it.
struct OpenDocument {
  std::string uri;
  std::string path;  // file path (or a made-up name whose extension gives the format)
  std::string text;
  int64_t version = 0;
  std::optional<Clock::time_point> lintDue;  // set: changed, not linted yet
  std::optional<engine::FileResult> result;  // the lint of `text` at `resultVersion`
  int64_t resultVersion = -1;
  // What the next lint of this document reuses from the last (parse tree, unchanged blocks' findings).
  std::unique_ptr<engine::LintSession> session = std::make_unique<engine::LintSession>();
};

// Handles one message at a time and sends responses and notifications through `send`. Never
// throws: malformed messages get JSON-RPC errors, unknown notifications are ignored. Linting is
// deferred: call runDue() when nextDeadline() passes (StdioLoop does).
// Not thread-safe: one thread drives it.
class Server {
 public:
  // One message's JSON text (the caller frames it). Text, not a tree: diagnostics, the bulk of
  // the traffic, are written straight as text (JsonText).
  using Send = std::function<void(const std::string&)>;
  using Log = std::function<void(const std::string&)>;

  Server(ServerOptions options, Send send, Log log);

  // One message body (JSON text, already unframed).
  void handle(const std::string& body);
  // Lints every document whose debounce has passed at `now`, publishing or answering pulls.
  void runDue(Clock::time_point now);
  // When runDue() next has work; nullopt when nothing is pending.
  [[nodiscard]] std::optional<Clock::time_point> nextDeadline() const;

  // True once `exit` arrived; exitCode() is then 0 when `shutdown` came first, else 1.
  [[nodiscard]] bool exited() const { return exited_; }
  [[nodiscard]] int exitCode() const { return shutdown_ ? 0 : 1; }

 private:
  void dispatch(const nlohmann::json& message);
  void request(const nlohmann::json& id, const std::string& method, const nlohmann::json& params);
  void notification(const std::string& method, const nlohmann::json& params);
  void send(const nlohmann::json& message);
  void reply(const nlohmann::json& id, nlohmann::json result);
  // A pull-diagnostics answer carrying `items` (diagnosticsText of the document's lint).
  void replyWithDiagnostics(const nlohmann::json& id, const OpenDocument& document, const std::string& items);
  void replyError(const nlohmann::json& id, int code, const std::string& message);

  nlohmann::json initialize(const nlohmann::json& params);
  void didOpen(const nlohmann::json& params);
  void didChange(const nlohmann::json& params);
  void didClose(const nlohmann::json& params);
  void didSave(const nlohmann::json& params);
  void didChangeWatchedFiles(const nlohmann::json& params);
  nlohmann::json codeActions(const nlohmann::json& params);
  nlohmann::json hover(const nlohmann::json& params);

  // Rereads the configs of the open drafts (and the packs when `packsToo`) through workspace_;
  // every problem becomes a diagnostic on its file, and files that had problems and have none now
  // are cleared. Keeps the last good configs and rules (Workspace).
  void reloadConfiguration(bool packsToo);
  // Publishes `problems` on their files (one list per file), clearing files that had some before.
  void publishProblems(const std::vector<ConfigProblem>& problems);
  // The document URI of a draft path (the client's URI for an open document), else a file URI.
  [[nodiscard]] std::string uriOf(const std::string& path) const;
  // The URI of a note's file (a fact base), made once per path: every publish writes it again.
  [[nodiscard]] const std::string& noteUriOf(const diag::Note& note) const;
  void lintNow(OpenDocument& document);
  void publish(const OpenDocument& document);
  // The lint's diagnostics as an LSP Diagnostic[] in JSON text.
  [[nodiscard]] std::string diagnosticsText(const engine::FileResult& result) const;
  void appendDiagnostic(std::string& out, const base::SourceBuffer& source, const diag::Diagnostic& diagnostic,
                        const std::string& uri) const;
  [[nodiscard]] nlohmann::json toLsp(const base::SourceBuffer& source, const diag::Diagnostic& diagnostic) const;
  [[nodiscard]] nlohmann::json range(const base::SourceBuffer& source, base::Range bytes) const;
  [[nodiscard]] base::Offset offset(const base::SourceBuffer& source, const nlohmann::json& position) const;
  OpenDocument* find(const nlohmann::json& params);
  // The document's current lint, computing it now when a change is still waiting.
  const engine::FileResult* freshResult(OpenDocument& document);

  ServerOptions options_;
  Send send_;
  Log log_;
  std::unique_ptr<Workspace> workspace_;  // made by initialize
  // What workspace_ gave at the last reload: the rules and the engine bound to the drafts' configs.
  std::shared_ptr<const checks::RuleSet> rules_;
  std::shared_ptr<const engine::Engine> engine_;
  std::set<std::string> problemFiles_;  // URIs with published configuration problems
  std::map<std::string, OpenDocument> documents_;
  mutable std::unordered_map<std::string, std::string> noteUris_;  // note path -> URI
  // Pull requests waiting for a document's lint: request id per URI.
  std::map<std::string, std::vector<nlohmann::json>> waitingPulls_;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  bool pull_ = false;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
};

}  // namespace galley::lsp
