#include "checks/Patterns.h"

#include <algorithm>
#include <cctype>

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
}  // namespace

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
  std::string out(kBefore);
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
  for (boost::cregex_iterator it(base + span.begin, base + span.end, regex, flags); it != end; ++it) {
    if ((*it)[0].length() > 0) visit(*it);
  }
}

}  // namespace galley::checks
