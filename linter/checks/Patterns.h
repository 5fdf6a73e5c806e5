// Regex helpers shared by the check kinds: whole-word patterns and located compilation.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <boost/regex.hpp>

#include "base/Error.h"
#include "base/Range.h"
#include "config/Located.h"

namespace galley::checks {

// Galley's notion of a word for matching: letters, digits, '_', non-ASCII letters (not dashes,
// curly quotes or no-break spaces), and hyphens inside a compound ("Under-Secretary-General" is one word, so "Secretary-General" is not found
// inside it). Spaces in a literal phrase match any run of whitespace (a line break included).

// Regex source matching `phrase` literally (metacharacters escaped), not yet word-bounded.
std::string literalPattern(std::string_view phrase);
// Wraps regex source so that it matches only whole words.
std::string wordBounded(std::string_view pattern);

// True when every match of regex source `pattern` must begin with an ASCII letter, digit or '_',
// judged conservatively from the first atom of each alternative (false when unsure).
bool startsWithWordByte(std::string_view pattern);

// Compiles `pattern` (Perl syntax, optionally case-insensitive). On failure appends an error with
// Boost's message, located at the offending position inside `origin` when it can be pinpointed, and
// returns nullopt. `origin` is the YAML value the pattern came from (for literals: the phrase).
std::optional<boost::regex> compileRegex(const std::string& pattern, bool ignoreCase,
                                         const config::Located<std::string>& origin, base::ErrorList& errors);

// Like compileRegex, but first checks `userPattern` alone so that an error's position refers to what
// the user wrote, then compiles wordBounded(userPattern).
std::optional<boost::regex> compileWordRegex(const config::Located<std::string>& userPattern, bool ignoreCase,
                                             base::ErrorList& errors);

// Calls `visit` with each non-empty match of `regex` inside text[span.begin, span.end), in order.
// Lookbehinds see the text before the span, so word boundaries hold at its start.
using MatchVisitor = std::function<void(const boost::cmatch&)>;
void forEachMatch(const boost::regex& regex, std::string_view text, base::Range span, const MatchVisitor& visit);

// True when `regex` matches the whole of text[span.begin, span.end) (boost::regex_match: the span
// read on its own, nothing before it visible). When Boost gives up (complexity or stack limit) it
// throws RegexLimitError located at `span` of `text`, as forEachMatch does, so RuleSet::run turns it
// into a galley.regex-limit warning for the rule and file instead of ending the process.
bool matchesWhole(const boost::regex& regex, std::string_view text, base::Range span);

}  // namespace galley::checks
