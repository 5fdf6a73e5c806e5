// ReviewApi: the JSON API behind the review page (check, list, open, fix, save), free of HTTP.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "checks/RuleSet.h"
#include "engine/Engine.h"
#include "serve/PathGuard.h"

namespace galley::serve {

inline constexpr int kHttpOk = 200;

// An HTTP status and the JSON body to send with it. Errors carry {"error": message}.
struct ApiReply {
  int status = kHttpOk;
  nlohmann::json body;
};

// Each method answers one endpoint (README, "Review page"). Request bodies are JSON objects;
// anything else is a 400. Offsets in replies are given twice: `begin`/`end` in UTF-8 bytes (what
// other tools and /api/fix use) and `from`/`to` in UTF-16 code units (what a browser's strings
// index). Only paths PathGuard accepts are read or written; nothing from a request is executed.
// Thread safety: const methods may be called from many threads (the engine allows it).
class ReviewApi {
 public:
  // All three must outlive the API.
  ReviewApi(const engine::Engine& engine, const checks::RuleSet& rules, const PathGuard& guard)
      : engine_(engine), rules_(rules), guard_(guard) {}

  // POST /api/check {text, path}: the findings in `text`, linted as the draft `path` (which need
  // not exist; its extension picks Markdown or plain text; default "pasted.md").
  [[nodiscard]] ApiReply check(const std::string& body) const;
  // GET /api/files: {"files": [relative paths]} of the folder's drafts.
  [[nodiscard]] ApiReply files() const;
  // GET /api/file?path=P: {"path", "text", "diagnostics"}. 403 outside the folder, 404 missing.
  [[nodiscard]] ApiReply file(const std::string& path) const;
  // POST /api/fix {text, path, finding?: {rule, begin, end}}: `text` with the safe fix of that one
  // finding applied (409 when the text no longer has it), or with every safe fix when `finding`
  // is absent; replies {"text", "fixesApplied", "diagnostics"}. Writes nothing.
  [[nodiscard]] ApiReply fix(const std::string& body) const;
  // POST /api/save {path, text, original}: replaces the folder file `path` with `text` atomically,
  // provided it still holds `original` (what the page loaded; 409 otherwise). Replies like /api/file.
  [[nodiscard]] ApiReply save(const std::string& body) const;

 private:
  [[nodiscard]] nlohmann::json lintReply(const std::string& path, const std::string& lintPath, std::string text) const;
  [[nodiscard]] std::string lintPathFor(const std::string& requested) const;

  const engine::Engine& engine_;
  const checks::RuleSet& rules_;
  const PathGuard& guard_;
};

}  // namespace galley::serve
