#include "document/FrontMatter.h"

#include <algorithm>
#include <utility>

#include "document/ProseBuilder.h"

namespace galley::document {

namespace {
bool isKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.';
}
bool isBlank(char c) { return c == ' ' || c == '\t'; }

// Feeds a double-quoted scalar's inside to `builder`; false when it has no closing quote.
bool feedDoubleQuoted(std::string_view text, base::Offset pos, base::Offset end, ProseBuilder& builder,
                      base::Range& inner) {
  inner.begin = pos;
  base::Offset run = pos;
  while (pos < end) {
    const char c = text[pos];
    if (c == '"') {
      builder.text({run, pos});
      inner.end = pos;
      return true;
    }
    if (c == '\\' && pos + 1 < end) {
      builder.text({run, pos});
      const char e = text[pos + 1];
      if (e == 'n' || e == 't')
        builder.synthetic(" ", pos);
      else
        builder.text({pos + 1, pos + 2});
      pos += 2;
      run = pos;
      continue;
    }
    ++pos;
  }
  return false;
}

bool feedSingleQuoted(std::string_view text, base::Offset pos, base::Offset end, ProseBuilder& builder,
                      base::Range& inner) {
  inner.begin = pos;
  base::Offset run = pos;
  while (pos < end) {
    if (text[pos] == '\'') {
      if (pos + 1 < end && text[pos + 1] == '\'') {  // '' is one quote
        builder.text({run, pos + 1});
        pos += 2;
        run = pos;
        continue;
      }
      builder.text({run, pos});
      inner.end = pos;
      return true;
    }
    ++pos;
  }
  return false;
}

void readLine(std::string_view text, base::Offset begin, base::Offset end, const std::vector<base::Range>& invalid,
              std::vector<FrontMatterField>& fields, std::vector<Block>& blocks) {
  base::Offset pos = begin;
  while (pos < end && isKeyChar(text[pos])) ++pos;
  if (pos == begin || pos >= end || text[pos] != ':') return;
  const std::string_view key = text.substr(begin, pos - begin);
  ++pos;
  if (pos < end && !isBlank(text[pos])) return;  // "a:b" is a plain scalar, not a key
  while (pos < end && isBlank(text[pos])) ++pos;
  if (pos == end) return;  // nested mapping or sequence follows
  const char first = text[pos];
  static constexpr std::string_view kUnsupported = "|>[{&*!%@`#";
  if (kUnsupported.find(first) != std::string_view::npos) return;

  Block block;
  block.kind = BlockKind::FrontMatter;
  block.key = std::string(key);
  ProseBuilder builder(text, block.prose, invalid);
  base::Range inner;
  if (first == '"') {
    if (!feedDoubleQuoted(text, pos + 1, end, builder, inner)) return;
  } else if (first == '\'') {
    if (!feedSingleQuoted(text, pos + 1, end, builder, inner)) return;
  } else {
    base::Offset valueEnd = pos;
    while (valueEnd < end && !(text[valueEnd] == '#' && isBlank(text[valueEnd - 1]))) ++valueEnd;
    while (valueEnd > pos && isBlank(text[valueEnd - 1])) --valueEnd;
    inner = {pos, valueEnd};
    builder.text(inner);
  }
  block.source = inner;
  fields.push_back({block.key, block.prose.text(), inner});
  blocks.push_back(std::move(block));
}
}  // namespace

void readFrontMatter(std::string_view text, base::Range block, const std::vector<base::Range>& invalid,
                     std::vector<FrontMatterField>& fields, std::vector<Block>& blocks) {
  base::Offset lineBegin = block.begin;
  bool first = true;
  while (lineBegin < block.end) {
    const auto newline = text.find('\n', lineBegin);
    const base::Offset next =
        newline == std::string_view::npos || newline >= block.end ? block.end : static_cast<base::Offset>(newline) + 1;
    base::Offset lineEnd = std::min<base::Offset>(next, block.end);
    while (lineEnd > lineBegin && (text[lineEnd - 1] == '\n' || text[lineEnd - 1] == '\r')) --lineEnd;
    const std::string_view line = text.substr(lineBegin, lineEnd - lineBegin);
    if (!first && line.starts_with("---")) break;  // the closing fence
    if (!first) readLine(text, lineBegin, lineEnd, invalid, fields, blocks);
    first = false;
    lineBegin = next;
  }
}

}  // namespace galley::document
