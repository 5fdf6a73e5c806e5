// Engine: checks drafts end to end (read, parse, annotate, rules, suppressions) over a thread pool.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/Annotations.h"
#include "base/Error.h"
#include "base/SourceBuffer.h"
#include "checks/Check.h"
#include "diag/Diagnostic.h"
#include "document/Document.h"
#include "engine/FileSettings.h"
#include "engine/InputCollector.h"
#include "engine/ResultCache.h"

namespace galley::engine {

// Rule ids of the diagnostics the engine itself makes (always on; suppressible like any rule).
inline constexpr std::string_view kInvalidUtf8Rule = "galley.invalid-utf8";
inline constexpr std::string_view kNestingTooDeepRule = "galley.nesting-too-deep";
// A block whose inline markup (or a whole file whose Markdown structure) was not parsed: too costly.
inline constexpr std::string_view kMarkupNotParsedRule = "galley.markup-not-parsed";

// 16 MiB: far above any communiqué, low enough that a stray dump is refused quickly.
inline constexpr uint64_t kDefaultMaxFileSize = uint64_t{16} << 20U;

// What the engine runs on each document; the CLI binds it to a checks::RuleSet, tests to fakes.
struct RuleHooks {
  // Runs the rules on one document. Called from several threads at once: must be thread-safe.
  std::function<void(const document::Document&, annotate::Annotations&, diag::DiagnosticSink&)> run;
  // Every rule id `run` may report; suppression comments naming other ids are warned about.
  std::vector<std::string> ruleIds;
  // Optional: runs only the rules the settings made active (which may name rules disabled by
  // default), with the checks the settings rebuilt with a config's options. Used when a
  // configuration picked the rules; without it `run` runs and other rules' findings are dropped.
  std::function<void(const document::Document&, annotate::Annotations&, diag::DiagnosticSink&, const FileSettings&)>
      runSelected;
  // Optional: runs only the checks of one locality, as `runSelected` does when `settings` is set
  // and as `run` does otherwise. LintSession needs it to keep block-local findings; without it a
  // session lints the whole buffer every time.
  std::function<void(const document::Document&, annotate::Annotations&, diag::DiagnosticSink&, const FileSettings*,
                     checks::Locality)>
      runPart;
};

struct EngineOptions {
  // Larger files are refused with an input error. Default: kDefaultMaxFileSize.
  uint64_t maxFileSize = kDefaultMaxFileSize;
  // Worker threads. 0: the hardware concurrency. 1: everything on the calling thread. Default: 0.
  unsigned jobs = 0;
  // Optional: the configuration's settings for a draft path (active rules, severities, dates).
  // Called from the worker threads: must be thread-safe. Default: none, the packs' defaults apply.
  std::function<std::shared_ptr<const FileSettings>(const std::string& path)> settingsFor;
  // Optional: finished results of unchanged files (not used for standard input). Default: none.
  std::shared_ptr<const ResultCache> cache;
};

// The outcome for one input: either its diagnostics (with the source they point into) or an error.
struct FileResult {
  std::string path;
  std::unique_ptr<base::SourceBuffer> source;  // null when `error` is set
  std::vector<diag::Diagnostic> diagnostics;   // sorted, deduplicated, suppressions applied
  std::optional<base::Error> error;            // unreadable, missing, too large, binary
  std::shared_ptr<const FileSettings> settings;  // what the configuration decided; null without one
};

// Checks inputs independently and hands back results in input order. Draft problems (invalid
// UTF-8, absurd nesting) are diagnostics; only inputs that cannot be read at all are errors.
// Thread safety: run() and lint() may be called concurrently; the hooks must allow it.
class LintSession;

class Engine {
 public:
  Engine(RuleHooks hooks, EngineOptions options);

  // Checks one buffer: parse (format from the path), annotate, run the rules, add engine
  // diagnostics, apply inline suppressions, sort and dedupe.
  [[nodiscard]] FileResult lint(base::SourceBuffer buffer) const;

  // Reads and checks each input on the worker threads and calls `onResult` for each, on the
  // calling thread, strictly in input order. At most a few results wait for printing at once,
  // so memory does not grow with the number of inputs.
  void run(const std::vector<Input>& inputs, const std::function<void(FileResult&)>& onResult) const;

  // Reads standard input whole. Fails (InvalidInput) above `maxBytes` or on a NUL byte.
  static base::Expected<base::SourceBuffer> readStdin(const std::string& displayName, uint64_t maxBytes);

 private:
  friend class LintSession;
  [[nodiscard]] FileResult lintInput(const Input& input) const;
  // With `session`, parses and checks incrementally (LintSession.h); the result is the same.
  [[nodiscard]] FileResult lintWith(base::SourceBuffer buffer, std::shared_ptr<const FileSettings> settings,
                                    LintSession* session = nullptr) const;

  uint64_t serial_;  // tells a LintSession that the engine (and so the rules) it cached for changed
  RuleHooks hooks_;
  EngineOptions options_;
  std::vector<std::string> knownRuleIds_;  // hooks_.ruleIds plus the engine's own, sorted
};

}  // namespace galley::engine
