// LiteralAutomaton: finds every occurrence of many byte strings in one pass (Aho-Corasick).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace galley::base {

// A set of literals searched all at once: the cost of a scan is linear in the text (one table
// lookup per byte over the byte classes the literals use) plus the number of hits, whatever the
// number of literals. With `foldAsciiCase`, literals and text are compared with ASCII letters
// lower-cased (other bytes exactly).
// Built once, then read-only: forEach() is const and safe to call from several threads at once.
class LiteralAutomaton {
 public:
  using LiteralId = uint32_t;

  explicit LiteralAutomaton(bool foldAsciiCase = false) : fold_(foldAsciiCase) {}

  // Adds a non-empty literal; equal literals (after folding) share one id, numbered from 0.
  // REQUIRES: build() not yet called; !literal.empty().
  LiteralId add(std::string_view literal);
  // Builds the automaton. REQUIRES: called once, after every add().
  void build();

  [[nodiscard]] size_t size() const { return lengths_.size(); }
  [[nodiscard]] size_t length(LiteralId id) const { return lengths_[id]; }
  [[nodiscard]] bool foldsCase() const { return fold_; }

  // Calls `visit(id, end)` for every occurrence of every literal in `text`, overlapping ones
  // included, where text[end - length(id), end) is the occurrence; in order of `end`.
  // REQUIRES: build() called.
  template <typename Visit>
  void forEach(std::string_view text, Visit&& visit) const {
    uint32_t state = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      const auto byte = static_cast<uint8_t>(text[i]);
      state = delta_[static_cast<size_t>(state) * classCount_ + byteClass_[byte]];
      for (uint32_t node = output_[state]; node != 0; node = dictLink_[node]) {
        visit(terminal_[node], i + 1);
      }
    }
  }

 private:
  [[nodiscard]] uint8_t key(char c) const;

  bool fold_;
  std::unordered_map<std::string, LiteralId> ids_;
  std::vector<size_t> lengths_;  // by literal id
  // Trie during add(); dense transitions after build(). Node 0 is the root.
  std::vector<std::vector<std::pair<uint8_t, uint32_t>>> children_;
  std::vector<LiteralId> terminal_;  // node -> literal ending here (valid where the node is terminal)
  std::vector<bool> isTerminal_;
  std::vector<uint32_t> output_;     // node -> itself if terminal, else its nearest terminal suffix (0: none)
  std::vector<uint32_t> dictLink_;   // node -> nearest terminal proper suffix (0: none)
  std::vector<uint16_t> byteClass_;  // byte -> class (0: a byte no literal uses)
  uint32_t classCount_ = 1;
  std::vector<uint32_t> delta_;      // node * classCount_ + class -> next node
};

}  // namespace galley::base
