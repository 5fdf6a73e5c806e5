#include "document/Document.h"

#include <algorithm>
#include <array>
#include <utility>

namespace galley::document {

namespace {
constexpr std::array<std::pair<BlockKind, std::string_view>, 7> kScopeNames = {{
    {BlockKind::Title, "title"},
    {BlockKind::Heading, "heading"},
    {BlockKind::Paragraph, "paragraph"},
    {BlockKind::ListItem, "list"},
    {BlockKind::Quote, "quote"},
    {BlockKind::TableCell, "table"},
    {BlockKind::FrontMatter, "front-matter"},
}};
}  // namespace

std::string_view scopeName(BlockKind kind) {
  for (const auto& [k, name] : kScopeNames) {
    if (k == kind) return name;
  }
  return "paragraph";
}

std::optional<BlockKind> parseScope(std::string_view name) {
  for (const auto& [k, n] : kScopeNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

void ProseText::appendSource(std::string_view text, base::Offset sourceBegin) {
  if (text.empty()) return;
  const auto proseBegin = static_cast<uint32_t>(text_.size());
  if (!segments_.empty()) {
    Segment& last = segments_.back();
    if (last.proseBegin + last.length == proseBegin && last.sourceBegin + last.length == sourceBegin &&
        (synthetic_.empty() || synthetic_.back().first < proseBegin)) {
      last.length += static_cast<uint32_t>(text.size());
      text_ += text;
      return;
    }
  }
  segments_.push_back({proseBegin, sourceBegin, static_cast<uint32_t>(text.size())});
  text_ += text;
}

void ProseText::appendSynthetic(std::string_view text, base::Offset anchor) {
  for (size_t i = 0; i < text.size(); ++i) synthetic_.emplace_back(static_cast<uint32_t>(text_.size() + i), anchor);
  text_ += text;
}

void ProseText::appendLineBreak(base::Offset anchor) {
  lineBreaks_.push_back(static_cast<uint32_t>(text_.size()));
  appendSynthetic(" ", anchor);
}

base::Offset ProseText::toSource(uint32_t offset) const {
  // Segment containing offset, or the synthetic anchor, or the end of the previous segment.
  const auto it = std::upper_bound(segments_.begin(), segments_.end(), offset,
                                   [](uint32_t value, const Segment& s) { return value < s.proseBegin; });
  if (it != segments_.begin()) {
    const Segment& s = *std::prev(it);
    if (offset < s.proseBegin + s.length) return s.sourceBegin + (offset - s.proseBegin);
  }
  const auto syn = std::lower_bound(synthetic_.begin(), synthetic_.end(), std::make_pair(offset, base::Offset{0}));
  if (syn != synthetic_.end() && syn->first == offset) return syn->second;
  if (it != segments_.begin()) {
    const Segment& s = *std::prev(it);
    return s.sourceBegin + s.length;
  }
  return segments_.empty() ? 0 : segments_.front().sourceBegin;
}

base::Range ProseText::toSource(base::Range prose) const {
  if (prose.empty()) {
    const base::Offset at = toSource(prose.begin);
    return {at, at};
  }
  const base::Offset begin = toSource(prose.begin);
  const base::Offset end = toSource(prose.end - 1) + 1;
  return {begin, std::max(begin, end)};
}

bool ProseText::isContiguous(base::Range prose) const {
  if (prose.empty()) return true;
  const auto it = std::upper_bound(segments_.begin(), segments_.end(), prose.begin,
                                   [](uint32_t value, const Segment& s) { return value < s.proseBegin; });
  if (it == segments_.begin()) return false;
  const Segment& s = *std::prev(it);
  return prose.begin >= s.proseBegin && prose.end <= s.proseBegin + s.length;
}

const FrontMatterField* Document::field(std::string_view key) const {
  for (const auto& f : frontMatter) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

bool ProseText::equalsShifted(const ProseText& other, int64_t shift) const {
  const auto moved = [shift](base::Offset a, base::Offset b) { return static_cast<int64_t>(a) + shift == static_cast<int64_t>(b); };
  if (text_ != other.text_ || lineBreaks_ != other.lineBreaks_ || segments_.size() != other.segments_.size() ||
      synthetic_.size() != other.synthetic_.size())
    return false;
  for (size_t i = 0; i < segments_.size(); ++i) {
    const Segment& a = segments_[i];
    const Segment& b = other.segments_[i];
    if (a.proseBegin != b.proseBegin || a.length != b.length || !moved(a.sourceBegin, b.sourceBegin)) return false;
  }
  for (size_t i = 0; i < synthetic_.size(); ++i) {
    if (synthetic_[i].first != other.synthetic_[i].first || !moved(synthetic_[i].second, other.synthetic_[i].second))
      return false;
  }
  return true;
}

void ProseText::shift(int64_t by) {
  const auto moved = [by](base::Offset offset) { return static_cast<base::Offset>(static_cast<int64_t>(offset) + by); };
  for (Segment& segment : segments_) segment.sourceBegin = moved(segment.sourceBegin);
  for (auto& [proseOffset, anchor] : synthetic_) anchor = moved(anchor);
}

void Block::shift(int64_t by) {
  source = {static_cast<base::Offset>(static_cast<int64_t>(source.begin) + by),
            static_cast<base::Offset>(static_cast<int64_t>(source.end) + by)};
  prose.shift(by);
}

bool Block::equalsShifted(const Block& other, int64_t shift) const {
  return kind == other.kind && inQuote == other.inQuote && headingLevel == other.headingLevel && key == other.key &&
         static_cast<int64_t>(source.begin) + shift == static_cast<int64_t>(other.source.begin) &&
         source.size() == other.source.size() && prose.equalsShifted(other.prose, shift);
}

}  // namespace galley::document
