// Check: the base class of every check kind (one subclass per kind, built from a validated rule).
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annotate/Annotations.h"
#include "base/Range.h"
#include "checks/Scope.h"
#include "config/RuleConfig.h"
#include "diag/Diagnostic.h"
#include "document/Document.h"

namespace galley::checks {

class LiteralBank;

// Which annotations a check reads, so that the engine computes only what loaded checks need.
struct AnnotationNeeds {
  bool sentences = false;
  AnnotationNeeds& operator|=(AnnotationNeeds other) {
    sentences = sentences || other.sentences;
    return *this;
  }
};

// What a check's findings in one block depend on. Block: only that block (its kind, text and
// offset map, its sentences) plus what the whole document shares (front matter, organisation,
// configuration), so a block unchanged since the last lint keeps its findings (engine/LintSession).
// Document: anything else (other blocks, dates resolved across blocks, the fact base's mentions).
enum class Locality { Document, Block };

// Placeholder values for a rule's message template: {"found", "..."}, {"expected", "..."}.
using MessageValues = std::span<const std::pair<std::string_view, std::string_view>>;

// A check built from one rule. Subclasses validate their own options in a static
// `create(const config::RuleConfig&, base::ErrorList&)` (returning nullptr after appending located
// errors) and precompile everything there, so run() does no parsing or regex compilation.
// run() is const and keeps no state between calls: one instance serves any number of documents,
// from several threads at once (each thread with its own Annotations and sink).
class Check {
 public:
  Check(const config::RuleConfig& rule, Scope scope);
  virtual ~Check() = default;
  Check(const Check&) = delete;
  Check& operator=(const Check&) = delete;
  Check(Check&&) = delete;
  Check& operator=(Check&&) = delete;

  // Appends a diagnostic to `sink` for every problem in `document`. Never fails: a draft's
  // problems are diagnostics. `annotations` must belong to `document`.
  virtual void run(const document::Document& document, annotate::Annotations& annotations,
                   diag::DiagnosticSink& sink) const = 0;
  // What run() reads from `annotations`. Default: sentences when the scope names "sentence".
  [[nodiscard]] virtual AnnotationNeeds needs() const { return {scope_.sentences()}; }
  // See Locality. Default: Document, which is always correct; Block is a promise run() keeps.
  [[nodiscard]] virtual Locality locality() const { return Locality::Document; }
  // Hands the literals of the check's regexes to the rule set's `bank` (RegexPrefilter.h), which
  // then finds them for every rule in one scan of each text. Called once, at load, before the
  // bank is built; `bank` outlives the check. Default: the check has no prefiltered regex.
  virtual void enrolLiterals(LiteralBank& /*bank*/) {}

  [[nodiscard]] const std::string& id() const { return id_; }
  [[nodiscard]] diag::Severity severity() const { return severity_; }

 protected:
  [[nodiscard]] const Scope& scope() const { return scope_; }

  // A diagnostic at `source` (bytes of the document) carrying the rule's id, severity and link and
  // its message rendered with `values`.
  [[nodiscard]] diag::Diagnostic diagnostic(base::Range source, MessageValues values) const;

  // Calls `visit(blockIndex, proseRange)` for each stretch of prose the rule searches: each block in
  // scope whole, or each of its sentences when the scope names "sentence".
  void forEachSpan(const document::Document& document, annotate::Annotations& annotations,
                   const std::function<void(size_t, base::Range)>& visit) const;

  // The spans forEachSpan() visits, kept in document order, for checks that start from
  // annotations (dates, mentions) and need to ask whether one lies in the rule's scope.
  class ScopeSpans {
   public:
    // True when prose `range` of `block` lies inside one span. O(log spans).
    [[nodiscard]] bool contains(size_t block, base::Range range) const;

   private:
    friend class Check;
    std::vector<std::pair<size_t, base::Range>> spans_;
  };
  [[nodiscard]] ScopeSpans scopeSpans(const document::Document& document, annotate::Annotations& annotations) const;

 private:
  std::string id_;
  diag::Severity severity_;
  config::MessageTemplate message_;
  std::string link_;
  Scope scope_;
};

}  // namespace galley::checks
