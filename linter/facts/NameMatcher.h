// NameMatcher: finds many names in a text in one pass (an Aho-Corasick automaton over normalised
// names), case-, dash- and whitespace-tolerant and word-bounded.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/Range.h"

namespace galley::facts {

// The key names are matched on: ASCII letters lower-cased; every run of whitespace (including
// no-break space) and dashes (hyphen-minus, U+2010..U+2015, U+2212) becomes one space; U+2019 becomes
// an apostrophe; leading and trailing spaces dropped. "SCO–UNODC" and "sco-unodc" share the key
// "sco unodc", so do "Secretary General" and "Secretary-General".
std::string normalizeName(std::string_view text);

// True for a name written as an acronym ("UNODC", "CND"): at least two letters, none lower case.
// Acronyms only match text written in capitals, so "UN" does not match the French "un".
bool isAcronym(std::string_view name);

// Built once from a set of names, then shared read-only: find() is const and thread-safe.
// Cost of find(): linear in the text, independent of the number of names (a dense automaton over
// the byte classes the names use), plus the number of hits.
class NameMatcher {
 public:
  using PatternId = uint32_t;

  // A hit: `range` in the original text; `pattern` as add() returned it.
  struct Match {
    base::Range range;
    PatternId pattern = 0;
  };

  // Adds a name; names with the same key share one id. REQUIRES: build() not yet called.
  // Returns the pattern id, or kNoPattern when the name normalises to nothing.
  PatternId add(std::string_view name);
  // Builds the automaton. REQUIRES: called once, after every add().
  void build();

  [[nodiscard]] size_t patternCount() const { return patterns_.size(); }
  [[nodiscard]] const std::string& key(PatternId pattern) const { return patterns_[pattern].key; }

  // Every word-bounded occurrence of every name, overlapping ones included, ordered by end then
  // by length (longest first). A name starting (ending) with a letter or digit must not be
  // preceded (followed) by one; "UNODC's" matches "UNODC", "UNODCs" does not.
  [[nodiscard]] std::vector<Match> findAll(std::string_view text) const;

  // Longest-match selection: keeps non-overlapping matches, preferring the longest, then the
  // earliest. Returns them in text order.
  static std::vector<Match> selectLongest(std::vector<Match> matches);

  static constexpr PatternId kNoPattern = UINT32_MAX;

 private:
  struct Pattern {
    std::string key;
    bool acronymOnly = true;  // every name added for this key is an acronym
  };

  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, PatternId> keyIndex_;
  // Trie during add(); dense transitions after build().
  std::vector<std::vector<std::pair<uint8_t, uint32_t>>> children_;
  std::vector<PatternId> terminal_;   // node -> pattern ending here, or kNoPattern
  std::vector<uint32_t> dictLink_;    // node -> nearest proper suffix node that is terminal (0: none)
  std::vector<uint32_t> depth_;       // node -> key length in bytes
  std::vector<uint8_t> byteClass_;    // byte -> class (0: a byte no name uses)
  uint32_t classCount_ = 1;
  std::vector<uint32_t> delta_;       // node * classCount_ + class -> next node
  // delta_ in 16 bits when every node number fits (the bundled facts: 8,200 nodes, 46 classes),
  // delta_ then left empty: half the table, which the scan reads at every byte and misses in cache.
  std::vector<uint16_t> narrowDelta_;
  bool built_ = false;
};

}  // namespace galley::facts
