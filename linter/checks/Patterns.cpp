#include "checks/Patterns.h"

#include <algorithm>
#include <cctype>

#include "checks/RegexSafety.h"

namespace galley::checks {

namespace {
// Lookarounds that make a match a whole word, as Patterns.h defines one.
// A non-ASCII character counts as a letter unless it is punctuation from U+2010..U+203F (dashes,
// curly quotes) or U+00A0..U+00BF (no-break space, guillemets), so "General’s" still ends a word.
constexpr std::string_view kBefore =
    R"((?<![[:alnum:]_-])(?:(?<![^\x00-\x7f])|(?<=\xE2\x80[\x90-\xBF])|(?<=\xC2[\xA0-\xBF])))";
constexpr std::string_view kAfter =
    R"((?![[:alnum:]_]|-[[:alnum:]])(?:(?![^\x00-\x7f])|(?=\xE2\x80[\x90-\xBF])|(?=\xC2[\xA0-\xBF])))";

// Boost appends "  The error occurred while parsing ... '>>>HERE>>>'." to its messages: the
// position is reported separately, so keep the first sentence only.
std::string shortMessage(const boost::regex_error& error) {
  std::string message = error.what();
  const size_t cut = message.find("  The error occurred");
  if (cut != std::string::npos) message.erase(cut);
  while (!message.empty() && (message.back() == '.' || message.back() == ' ')) message.pop_back();
  return message;
}

constexpr size_t kNone = std::string_view::npos;

bool isWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Index just past the bracket expression opening at pattern[open] ('['), or kNone.
size_t skipClass(std::string_view pattern, size_t open) {
  size_t i = open + 1;
  if (i < pattern.size() && pattern[i] == '^') ++i;
  if (i < pattern.size() && pattern[i] == ']') ++i;  // a leading ']' is literal
  while (i < pattern.size()) {
    if (pattern[i] == '\\') {
      i += 2;
    } else if (pattern[i] == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
      const size_t close = pattern.find(":]", i + 2);
      if (close == kNone) return kNone;
      i = close + 2;
    } else if (pattern[i] == ']') {
      return i + 1;
    } else {
      ++i;
    }
  }
  return kNone;
}

// Index just past the unit at pattern[i] that can hide '(', ')' and '|' as literals: an escape
// ("\(") or a bracket expression ("[|(]"); otherwise i + 1. kNone for an unterminated bracket.
size_t skipLiteralUnit(std::string_view pattern, size_t i) {
  if (pattern[i] == '\\') return i + 2;
  if (pattern[i] == '[') return skipClass(pattern, i);
  return i + 1;
}

// Index of the ')' closing the group opening at pattern[open] ('('), or kNone.
size_t findClose(std::string_view pattern, size_t open) {
  int depth = 0;
  for (size_t i = open; i < pattern.size();) {
    if (pattern[i] == '(') ++depth;
    if (pattern[i] == ')' && --depth == 0) return i;
    i = skipLiteralUnit(pattern, i);
    if (i == kNone) return kNone;
  }
  return kNone;
}

bool alternativesStartWithWordByte(std::string_view pattern);

// Whether every match of the alternative `pattern` (no top-level '|') begins with a word byte,
// judged from its first atom only: a word byte, a bracket expression of word bytes and ranges, or
// a plain or non-capturing group whose alternatives all qualify; never followed by '?', '*' or '{'.
bool alternativeStartsWithWordByte(std::string_view pattern) {
  if (pattern.empty()) return false;
  size_t end = 0;
  if (isWordByte(pattern[0])) {
    end = 1;
  } else if (pattern[0] == '[') {
    end = skipClass(pattern, 0);
    if (end == kNone || pattern[1] == '^') return false;
    const std::string_view members = pattern.substr(1, end - 2);
    if (members.empty() || members.front() == '-' || members.back() == '-') return false;
    if (!std::all_of(members.begin(), members.end(), [](char c) { return isWordByte(c) || c == '-'; })) return false;
  } else if (pattern[0] == '(') {
    const size_t close = findClose(pattern, 0);
    if (close == kNone) return false;
    size_t inner = 1;
    if (pattern.size() > 1 && pattern[1] == '?') {
      if (pattern.size() < 3 || pattern[2] != ':') return false;  // lookaround, flags, named groups
      inner = 3;
    }
    if (!alternativesStartWithWordByte(pattern.substr(inner, close - inner))) return false;
    end = close + 1;
  } else {
    return false;
  }
  return end >= pattern.size() || (pattern[end] != '?' && pattern[end] != '*' && pattern[end] != '{');
}

// Splits `pattern` at its top-level '|' and checks each alternative.
bool alternativesStartWithWordByte(std::string_view pattern) {
  int depth = 0;
  size_t begin = 0;
  for (size_t i = 0; i <= pattern.size();) {
    if (i == pattern.size() || (pattern[i] == '|' && depth == 0)) {
      if (!alternativeStartsWithWordByte(pattern.substr(begin, i - begin))) return false;
      begin = ++i;
      continue;
    }
    if (pattern[i] == '(') ++depth;
    if (pattern[i] == ')') --depth;
    i = skipLiteralUnit(pattern, i);
    if (i == kNone) return false;
  }
  return true;
}

}  // namespace

bool startsWithWordByte(std::string_view pattern) { return alternativesStartWithWordByte(pattern); }

std::string literalPattern(std::string_view phrase) {
  std::string out;
  bool inSpace = false;
  for (const char c : phrase) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (!inSpace) out += R"(\s+)";
      inSpace = true;
      continue;
    }
    inSpace = false;
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && static_cast<unsigned char>(c) < 0x80) out += '\\';
    out += c;
  }
  return out;
}

std::string wordBounded(std::string_view pattern) {
  // When every match starts with a word byte, kBefore implies Boost's start-of-word assertion;
  // stated first, it lets the matcher jump from word start to word start instead of trying the
  // lookbehinds at every byte (about twice as fast on the bundled packs' alternations).
  std::string out = startsWithWordByte(pattern) ? R"(\<)" : "";
  out += kBefore;
  out += "(?:";
  out += pattern;
  out += ")";
  out += kAfter;
  return out;
}

std::optional<boost::regex> compileRegex(const std::string& pattern, bool ignoreCase,
                                         const config::Located<std::string>& origin, base::ErrorList& errors) {
  boost::regex::flag_type flags = boost::regex::perl;
  if (ignoreCase) flags |= boost::regex::icase;
  try {
    return boost::regex(pattern, flags);
  } catch (const boost::regex_error& error) {
    const auto position = static_cast<size_t>(std::max<std::ptrdiff_t>(error.position(), 0));
    const bool inOrigin = pattern == origin.value;
    base::Location where = inOrigin ? config::locationInside(origin, position) : origin.where;
    std::string message = "invalid regular expression '" + origin.value + "': " + shortMessage(error);
    if (inOrigin) message += " (at offset " + std::to_string(position) + ")";
    errors.push_back(base::Error::invalidInput(message, std::move(where)));
    return std::nullopt;
  }
}

std::optional<boost::regex> compileWordRegex(const config::Located<std::string>& userPattern, bool ignoreCase,
                                             base::ErrorList& errors) {
  if (!compileRegex(userPattern.value, ignoreCase, userPattern, errors)) return std::nullopt;
  return compileRegex(wordBounded(userPattern.value), ignoreCase, userPattern, errors);
}

void forEachMatch(const boost::regex& regex, std::string_view text, base::Range span, const MatchVisitor& visit) {
  const char* const base = text.data();
  auto flags = boost::match_default;
  if (span.begin > 0) flags |= boost::match_prev_avail;
  const boost::cregex_iterator end;
  try {
    for (boost::cregex_iterator it(base + span.begin, base + span.end, regex, flags); it != end; ++it) {
      if ((*it)[0].length() > 0) visit(*it);
    }
  } catch (const RegexLimitError&) {
    throw;
  } catch (const std::runtime_error& error) {  // Boost's complexity or stack limit (error_complexity/_stack)
    throw RegexLimitError(base, span, error.what());
  }
}

bool matchesWhole(const boost::regex& regex, std::string_view text, base::Range span) {
  const char* const base = text.data();
  try {
    return boost::regex_match(base + span.begin, base + span.end, regex);
  } catch (const std::runtime_error& error) {  // Boost's complexity or stack limit, as forEachMatch reports it
    throw RegexLimitError(base, span, error.what());
  }
}

}  // namespace galley::checks
