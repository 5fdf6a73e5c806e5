// LintSession: one buffer linted again after every edit (an editor's open document), redoing only
// what the edit changed.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "annotate/BlockMemo.h"
#include "base/SourceBuffer.h"
#include "diag/Diagnostic.h"
#include "document/Document.h"
#include "document/MarkdownParser.h"
#include "engine/Engine.h"
#include "engine/FileSettings.h"

namespace galley::engine {

// Holds what the last lint of the buffer left to reuse:
//  - the Markdown block tree, which the next parse edits and re-parses where the text changed
//    (tree-sitter's incremental parse);
//  - per-block annotation results (annotate::BlockMemo: the titles written in each block);
//  - the findings of block-local checks (checks::Locality::Block) per block: a block whose kind,
//    prose and offset map are unchanged, in a document whose front matter and settings are
//    unchanged, keeps them (moved with the block); only new or changed blocks are checked again.
// Document-wide checks run on every lint. The result always equals Engine::lint of the same text.
// Not thread-safe: one session per document, used by one thread.
class LintSession {
 public:
  LintSession();
  ~LintSession();
  LintSession(const LintSession&) = delete;
  LintSession& operator=(const LintSession&) = delete;
  LintSession(LintSession&&) = delete;
  LintSession& operator=(LintSession&&) = delete;

  // What engine.lint(buffer) gives. A different engine than the last call's (rules reloaded)
  // starts afresh.
  [[nodiscard]] FileResult lint(const Engine& engine, base::SourceBuffer buffer);
  // How many blocks the last lint ran the block-local checks on afresh (the rest kept theirs).
  [[nodiscard]] size_t blocksChecked() const { return blocksChecked_; }

 private:
  friend class Engine;
  struct CachedBlock {
    document::Block block;
    std::string sourceText;                     // the block's bytes, markup included
    std::vector<diag::Diagnostic> diagnostics;  // at the block's offsets then
  };
  // Appends the block-local checks' findings on `document` to `sink`: cached ones for unchanged
  // blocks, fresh ones for the others. Returns false (sink untouched, cache cleared) when a check
  // hit a regex or time limit, whose findings depend on the whole run: the caller runs them whole.
  bool blockFindings(const RuleHooks& hooks, const document::Document& document,
                     const std::shared_ptr<const FileSettings>& settings, diag::DiagnosticSink& sink);
  void forget();          // all: another engine
  void forgetFindings();  // the block-local findings

  uint64_t engineSerial_ = 0;
  std::unique_ptr<document::MarkdownParser> markdown_;
  annotate::BlockMemo memo_;
  // What the cached findings were computed under: they are dropped when any of it changes.
  std::shared_ptr<const FileSettings> settings_;
  std::vector<document::FrontMatterField> frontMatter_;
  document::Format format_ = document::Format::Markdown;
  std::vector<CachedBlock> blocks_;
  size_t blocksChecked_ = 0;
};

}  // namespace galley::engine
