#include "document/NestingGuard.h"

namespace galley::document {

namespace {
constexpr int kTabWidth = 4;
constexpr int kColumnsPerListLevel = 2;
constexpr int kMaxOrderedDigits = 9;  // CommonMark: an ordered list marker has 1-9 digits

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool endsMarker(std::string_view text, base::Offset at, base::Offset end) {
  return at == end || text[at] == ' ' || text[at] == '\t';
}
}  // namespace

LinePrefix scanLinePrefix(std::string_view text, base::Offset begin, base::Offset end) {
  LinePrefix prefix;
  int indent = 0;
  base::Offset pos = begin;
  bool leading = true;
  int markers = 0;
  while (pos < end) {
    const char c = text[pos];
    if (c == ' ' || c == '\t') {
      if (leading) indent += c == '\t' ? kTabWidth : 1;
      ++pos;
      continue;
    }
    leading = false;
    if (c == '>') {
      ++markers;
      prefix.quote = true;
      ++pos;
      continue;
    }
    if ((c == '-' || c == '+' || c == '*') && endsMarker(text, pos + 1, end)) {
      ++markers;
      ++pos;
      continue;
    }
    if (isDigit(c)) {
      base::Offset digitsEnd = pos;
      while (digitsEnd < end && isDigit(text[digitsEnd]) && digitsEnd - pos < kMaxOrderedDigits) ++digitsEnd;
      if (digitsEnd < end && (text[digitsEnd] == '.' || text[digitsEnd] == ')') &&
          endsMarker(text, digitsEnd + 1, end)) {
        ++markers;
        pos = digitsEnd + 1;
        continue;
      }
    }
    break;
  }
  prefix.contentBegin = pos;
  prefix.depth = markers == 0 ? 0 : markers + indent / kColumnsPerListLevel;
  return prefix;
}

std::vector<base::Range> findOverDeepLines(std::string_view text, base::Offset begin, int limit) {
  std::vector<base::Range> runs;
  const auto size = static_cast<base::Offset>(text.size());
  base::Offset lineBegin = begin;
  while (lineBegin < size) {
    const auto newline = text.find('\n', lineBegin);
    const base::Offset next = newline == std::string_view::npos ? size : static_cast<base::Offset>(newline) + 1;
    base::Offset contentEnd = newline == std::string_view::npos ? size : static_cast<base::Offset>(newline);
    if (contentEnd > lineBegin && text[contentEnd - 1] == '\r') --contentEnd;
    if (scanLinePrefix(text, lineBegin, contentEnd).depth > limit) {
      if (!runs.empty() && runs.back().end == lineBegin)
        runs.back().end = next;
      else
        runs.push_back({lineBegin, next});
    }
    lineBegin = next;
  }
  return runs;
}

}  // namespace galley::document
