// RuleSet: the loaded rules of every pack, ready to run on documents. The engine's entry point.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/Annotations.h"
#include "base/Error.h"
#include "checks/Check.h"
#include "checks/RegexSafety.h"
#include "config/RuleConfig.h"
#include "diag/Diagnostic.h"
#include "document/Document.h"

namespace galley::config {
struct LoadedConfigs;
}  // namespace galley::config

namespace galley::checks {

struct LoadedRules;
class LiteralBank;

// Checks a configuration rebuilt with its own options, run instead of the pack's, by rule id.
using CheckOverrides = std::map<std::string, std::shared_ptr<const Check>, std::less<>>;

// One failed self-test: which rule, where the test is written, what went wrong.
struct SelfTestFailure {
  std::string ruleId;
  base::Location where;
  std::string message;
};

struct SelfTestReport {
  std::vector<SelfTestFailure> failures;
  size_t passed = 0;
  [[nodiscard]] bool ok() const { return failures.empty(); }
};

// Rules with their built checks, in load order. Immutable after loading: run() and
// runSelfTests() are const and may be called from many threads at once. Movable, not copyable.
class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  // Loads every pack directory given (each is rules/<pack>/, or a directory holding packs).
  // Every problem in every file is reported; rules with problems are left out, the rest load.
  static LoadedRules load(const std::vector<std::string>& packDirs);
  // Loads one rule file's `text` as part of `pack` (tests, tools); `path` is used in locations.
  static LoadedRules loadText(const std::string& path, std::string text, const std::string& pack);

  // Runs every enabled check (or only those whose id is in `only`, when non-empty: `only` may name
  // disabled rules, as the fixture runner does) on `document`, appending to `sink`.
  // A rule in `replaced` runs that check instead of its own.
  // With `locality` set, only the checks of that locality run (engine/LintSession runs the two
  // apart and keeps block-local findings of unchanged blocks).
  void run(const document::Document& document, annotate::Annotations& annotations, diag::DiagnosticSink& sink,
           const std::set<std::string>& only = {}, const CheckOverrides* replaced = nullptr,
           std::optional<Locality> locality = std::nullopt) const;

  // Rule `id` built again with `options` (a config file's `options:`) laid over its pack's keys.
  // Only the kind's own keys may be set; unknown keys and bad values are reported, located in the
  // config file, and nullptr is returned.
  std::shared_ptr<const Check> withOptions(std::string_view id, const config::RuleOptions& options,
                                           base::ErrorList& errors) const;

  // CPU time (this thread's) that run() may spend on one document; once spent, the remaining rules
  // are skipped with one galley.time-budget warning. A rule already running is not interrupted
  // (regex searches are bounded by Boost's own limits). Default: kDefaultCpuBudget. Not thread-safe:
  // set it before the first run().
  void setCpuBudget(std::chrono::nanoseconds budget);
  static constexpr std::chrono::nanoseconds kDefaultCpuBudget = std::chrono::seconds(10);

  [[nodiscard]] bool hasRule(std::string_view id) const;
  // Every loaded rule id (enabled or not), sorted.
  [[nodiscard]] std::vector<std::string> ruleIds() const;
  [[nodiscard]] size_t size() const;
  // The rule's validated config, or nullptr.
  [[nodiscard]] const config::RuleConfig* rule(std::string_view id) const;
  // Folders of annotated drafts the rule files name with `fixtures:` (absolute or as resolved
  // from each file's folder), in load order.
  [[nodiscard]] const std::vector<std::string>& fixtureDirs() const { return fixtureDirs_; }
  // What the enabled checks read from Annotations.
  [[nodiscard]] AnnotationNeeds needs() const;

  // Runs each rule's `tests:` (bad: must fire that rule, good: must not), disabled rules too, each
  // text parsed as Markdown with only that rule on. Returns the failures and the passing count.
  [[nodiscard]] SelfTestReport runSelfTests() const;

 private:
  struct Entry {
    config::RuleConfig config;
    std::unique_ptr<Check> check;
  };
  static LoadedRules build(config::LoadedConfigs configs);

  // The regex rules' literals, found for all of them in one scan per text (RegexPrefilter.h);
  // declared first so that it outlives the checks that read it.
  std::unique_ptr<LiteralBank> literals_;
  std::vector<Entry> entries_;
  std::vector<std::string> fixtureDirs_;
  std::chrono::nanoseconds cpuBudget_ = kDefaultCpuBudget;
};

// What RuleSet::load produced. `errors` empty => every rule loaded.
struct LoadedRules {
  RuleSet rules;
  base::ErrorList errors;
  base::ErrorList warnings;  // e.g. rules of a deprecated kind
};

}  // namespace galley::checks
