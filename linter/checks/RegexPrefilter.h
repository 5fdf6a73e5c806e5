// RegexPrefilter: the literals every match of a regex must contain, found in one scan, so that the
// regex runs only where a match can start.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/regex.hpp>

#include "annotate/Annotations.h"
#include "base/LiteralAutomaton.h"
#include "base/Range.h"
#include "checks/Patterns.h"
#include "checks/RegexSafety.h"

namespace galley::checks {

// One literal a match may contain: every match of the analysed pattern contains one of the set's
// literals starting at most `maxBefore` bytes after the match's start.
struct RequiredLiteral {
  std::string text;  // ASCII-lower-cased when the pattern ignores case
  size_t maxBefore = 0;
};

// Derives, from regex source in Perl syntax, a set of literals such that every match contains one
// of them at a bounded distance from its start (Boost matches bytes, so distances are bytes).
// Returns nullopt when no such set is found, or when its shortest literal is shorter than
// `minLength` (a short literal hits too often to save anything): the caller then runs the regex
// everywhere, as without a prefilter. Conservative: syntax it does not model (inline flags,
// conditionals, \Q..\E, Unicode properties) gives nullopt, never a wrong set.
// With `ignoreCase`, literals are ASCII-lower-cased and non-ASCII bytes are not used.
std::optional<std::vector<RequiredLiteral>> requiredLiterals(std::string_view pattern, bool ignoreCase,
                                                             size_t minLength = 3);

// The required literals of every prefiltered regex of a rule set in one case-folding automaton, so
// that a text is scanned once for all of the set's regexes rather than once per rule (a literal of
// a case-sensitive regex is compared exactly where the folded one is found). Built at load, then
// read-only (thread-safe); the hits of a text are kept in the document's Annotations
// (ownedBy(this)), so each text of a draft is scanned at most once.
class LiteralBank {
 public:
  using Slot = uint32_t;

  // Registers one regex's literals (ASCII-lower-cased when `ignoreCase`, else as written);
  // returns its slot. REQUIRES: build() not yet called.
  Slot add(const std::vector<RequiredLiteral>& literals, bool ignoreCase);
  // REQUIRES: called once, after every add().
  void build();

  // Sorted, merged ranges of `text` offsets (over the whole text) where a match of slot `slot`'s
  // regex may start; every slot's are found on the first ask about `text` in this document.
  // `text` must stay unchanged and in place while `annotations` lives (a block's prose or its
  // search text). REQUIRES: build() called.
  const std::vector<base::Range>& candidateStarts(annotate::Annotations& annotations, std::string_view text,
                                                  Slot slot) const;
  // The same for a text scanned on its own, now, with nothing kept (offsets into `text`).
  [[nodiscard]] std::vector<base::Range> candidateStarts(std::string_view text, Slot slot) const;

 private:
  struct Owner {
    Slot slot = 0;
    size_t maxBefore = 0;
    std::string exact;  // a case-sensitive regex's literal as written; empty: any case matches
  };
  using TextHits = std::vector<std::vector<base::Range>>;  // by slot
  using DocumentHits = std::map<std::pair<const char*, size_t>, TextHits>;  // by the text's place and size
  [[nodiscard]] TextHits scan(std::string_view text) const;

  base::LiteralAutomaton automaton_{true};
  std::vector<std::vector<Owner>> owners_;  // by literal id: the slots whose regex needs it
  size_t slots_ = 0;
};

// A compiled regex and, when its source yields required literals, an automaton over them.
// forEachMatch() gives exactly the matches an unfiltered scan gives (same positions, same
// groups): the literals only say where a match may start, and the regex decides there.
// Immutable after construction; forEachMatch() is const and thread-safe.
class PrefilteredRegex {
 public:
  // `regex`: the compiled pattern; `analysed`: source whose matches start where `regex`'s do (the
  // user's pattern inside wordBounded()'s zero-width guards, say); empty for no prefilter.
  PrefilteredRegex(const boost::regex& regex, std::string_view analysed, bool ignoreCase);

  [[nodiscard]] const boost::regex& regex() const { return regex_; }
  // True when matches are searched only around literal hits.
  [[nodiscard]] bool filtered() const { return own_ != nullptr; }

  // Calls `visit` with each non-empty match inside text[span.begin, span.end), in order, as
  // checks::forEachMatch(regex(), ...) would.
  template <typename Visit>
  void forEachMatch(std::string_view text, base::Range span, Visit&& visit) const;
  // The same matches, with the literals found by the rule set's bank (one scan of `text` for all
  // its regexes, kept in `annotations`) when this regex is enrolled, else as above. `text`: as
  // LiteralBank::candidateStarts requires.
  template <typename Visit>
  void forEachMatch(annotate::Annotations& annotations, std::string_view text, base::Range span,
                    Visit&& visit) const;

  // Hands this regex's literals to `bank`, whose scans it then reads (no-op when unfiltered).
  // `bank` must outlive this object and be built before the first forEachMatch with annotations.
  void enrol(LiteralBank& bank);

 private:
  // Sorted, merged ranges of text offsets where a match may start, inside `span`.
  [[nodiscard]] std::vector<base::Range> candidateStarts(std::string_view text, base::Range span) const;
  // Runs the regex anchored at each position of `starts` (sorted, merged; clipped to `span`).
  template <typename Visit>
  void matchAround(const std::vector<base::Range>& starts, std::string_view text, base::Range span,
                   Visit&& visit) const;

  boost::regex regex_;
  bool ignoreCase_ = false;
  std::vector<RequiredLiteral> literals_;  // what the filter was built from, for enrol()
  std::shared_ptr<const LiteralBank> own_;  // this regex's literals alone (slot 0); null: unfiltered
  const LiteralBank* bank_ = nullptr;
  LiteralBank::Slot slot_ = 0;
};

template <typename Visit>
void PrefilteredRegex::forEachMatch(std::string_view text, base::Range span, Visit&& visit) const {
  if (!filtered()) {
    checks::forEachMatch(regex_, text, span, visit);
    return;
  }
  matchAround(candidateStarts(text, span), text, span, visit);
}

template <typename Visit>
void PrefilteredRegex::forEachMatch(annotate::Annotations& annotations, std::string_view text, base::Range span,
                                    Visit&& visit) const {
  if (bank_ == nullptr) {
    forEachMatch(text, span, visit);
    return;
  }
  matchAround(bank_->candidateStarts(annotations, text, slot_), text, span, visit);
}

template <typename Visit>
void PrefilteredRegex::matchAround(const std::vector<base::Range>& starts, std::string_view text, base::Range span,
                                   Visit&& visit) const {
  const char* const base = text.data();
  auto flags = boost::match_default;
  if (span.begin > 0) flags |= boost::match_prev_avail;
  // What cregex_iterator does (each search with the span's start as its base, so lookbehinds
  // stop there alike), anchored at each position a match may start.
  boost::cmatch match;
  base::Offset pos = span.begin;
  auto first = std::partition_point(starts.begin(), starts.end(), [&](base::Range r) { return r.end <= span.begin; });
  for (auto it = first; it != starts.end() && it->begin < span.end; ++it) {
    const base::Offset end = std::min(it->end, span.end);
    for (base::Offset at = std::max(pos, it->begin); at < end; ++at) {
      bool found = false;
      try {
        found = boost::regex_search(base + at, base + span.end, match, regex_, flags | boost::match_continuous,
                                    base + span.begin);
      } catch (const std::runtime_error& error) {  // Boost's complexity or stack limit, as forEachMatch reports it
        throw RegexLimitError(base, span, error.what());
      }
      if (!found || match[0].length() == 0) continue;
      visit(match);
      pos = static_cast<base::Offset>(match[0].second - base);
      at = pos - 1;
    }
  }
}

}  // namespace galley::checks
