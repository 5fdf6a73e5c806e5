#include "config/YamlBudget.h"

#include <exception>
#include <sstream>
#include <unordered_map>
#include <vector>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace galley::config {

namespace {

// Thrown from inside the event stream to stop the parse once the bound is crossed.
struct BudgetExceeded : std::exception {};

// Counts expanded nodes: each scalar, null and collection is one; an alias is its anchor's whole
// expanded subtree. `expanded_` is the running total of the current document.
class ExpansionCounter : public YAML::EventHandler {
 public:
  explicit ExpansionCounter(uint64_t maxExpansion) : maxExpansion_(maxExpansion) {}

  [[nodiscard]] const YAML::Mark& where() const { return where_; }

  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t anchor) override { leaf(anchor); }
  void OnScalar(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t anchor,
                const std::string& /*value*/) override {
    leaf(anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = sizes_.find(anchor);
    const uint64_t size = it == sizes_.end() ? 1 : it->second;
    expanded_ += size;
    added_ += size;
    if (added_ > maxExpansion_) {
      where_ = mark;
      throw BudgetExceeded{};
    }
  }
  void OnSequenceStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YAML::anchor_t anchor;
    uint64_t expandedBefore;
  };

  void leaf(YAML::anchor_t anchor) {
    ++expanded_;
    if (anchor != YAML::NullAnchor) sizes_[anchor] = 1;
  }
  void open(YAML::anchor_t anchor) {
    open_.push_back({anchor, expanded_});
    ++expanded_;
  }
  void close() {
    if (open_.empty()) return;
    const Open done = open_.back();
    open_.pop_back();
    if (done.anchor != YAML::NullAnchor) sizes_[done.anchor] = expanded_ - done.expandedBefore;
  }

  uint64_t maxExpansion_;
  uint64_t expanded_ = 0;
  uint64_t added_ = 0;
  std::vector<Open> open_;
  std::unordered_map<YAML::anchor_t, uint64_t> sizes_;
  YAML::Mark where_ = YAML::Mark::null_mark();
};

// Stops at the start of a second document: a rule, fact or config file is one YAML document
// (YAML::Load reads the first and would drop the rest without a word).
struct SecondDocument : std::exception {
  explicit SecondDocument(const YAML::Mark& at) : mark(at) {}
  YAML::Mark mark;
};
class SecondDocumentProbe : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { throw SecondDocument(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnAlias(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnScalar(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                const std::string& /*value*/) override {}
  void OnSequenceStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                       YAML::EmitterStyle::value /*style*/) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {}
  void OnMapEnd() override {}
};

}  // namespace

std::optional<YamlBudgetProblem> checkAliasExpansion(std::string_view text, uint64_t maxExpansion) {
  std::istringstream stream{std::string(text)};
  ExpansionCounter counter(maxExpansion);
  try {
    // The first document, which is all YAML::Load reads, then a look for a second one, never a
    // loop: yaml-cpp's HandleNextDocument never reports the end of some malformed streams (" , x"
    // is an endless run of empty documents). A loop over documents hung on them (found by
    // fuzz_rule_pack and fuzz_fact_base).
    YAML::Parser parser(stream);
    parser.HandleNextDocument(counter);
    SecondDocumentProbe probe;
    parser.HandleNextDocument(probe);
  } catch (const SecondDocument& second) {
    return YamlBudgetProblem{"more than one YAML document in the file (a rule, fact or configuration file is one "
                             "document; a '---' line or a stray ',' at the start of a line begins another)",
                             second.mark};
  } catch (const BudgetExceeded&) {
    return YamlBudgetProblem{"YAML aliases expand to more than " + std::to_string(maxExpansion) +
                                 " nodes (an alias bomb?); the file is not loaded",
                             counter.where()};
  } catch (const YAML::DeepRecursion& deep) {  // yaml-cpp's own message for it is "bad file"
    return YamlBudgetProblem{"YAML nested more than " + std::to_string(deep.depth()) +
                                 " levels deep; the file is not loaded",
                             deep.mark};
  } catch (const YAML::Exception&) {
    return std::nullopt;  // malformed: the loader's own parse reports it, located
  }
  return std::nullopt;
}

}  // namespace galley::config
