// RegexPrefilter: the literals every match of a regex must contain, found in one scan, so that the
// regex runs only where a match can start.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <boost/regex.hpp>

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
  [[nodiscard]] bool filtered() const { return filter_.size() > 0; }

  // Calls `visit` with each non-empty match inside text[span.begin, span.end), in order, as
  // checks::forEachMatch(regex(), ...) would.
  template <typename Visit>
  void forEachMatch(std::string_view text, base::Range span, Visit&& visit) const;

 private:
  // Sorted, merged ranges of text offsets where a match may start, inside `span`.
  [[nodiscard]] std::vector<base::Range> candidateStarts(std::string_view text, base::Range span) const;

  boost::regex regex_;
  base::LiteralAutomaton filter_;
  std::vector<size_t> maxBefore_;  // by literal id
};

template <typename Visit>
void PrefilteredRegex::forEachMatch(std::string_view text, base::Range span, Visit&& visit) const {
  const char* const base = text.data();
  auto flags = boost::match_default;
  if (span.begin > 0) flags |= boost::match_prev_avail;
  if (!filtered()) {
    checks::forEachMatch(regex_, text, span, visit);
    return;
  }
  // What cregex_iterator does (each search with the span's start as its base, so lookbehinds
  // stop there alike), anchored at each position a match may start.
  boost::cmatch match;
  base::Offset pos = span.begin;
  for (const base::Range starts : candidateStarts(text, span)) {
    for (base::Offset at = std::max(pos, starts.begin); at < starts.end; ++at) {
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
