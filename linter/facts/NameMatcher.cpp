#include "facts/NameMatcher.h"

#include <algorithm>
#include <cassert>
#include <deque>
#include <iterator>
#include <map>

namespace galley::facts {

namespace {

constexpr uint8_t kLead2 = 0xC2;       // lead byte of U+0080..U+00BF
constexpr uint8_t kNoBreakSpace = 0xA0;  // second byte of U+00A0
constexpr uint8_t kLead3 = 0xE2;       // lead byte of U+2000..U+2FFF
constexpr uint8_t kPunctuation = 0x80;   // second byte of U+2000..U+203F
constexpr uint8_t kMathOperators = 0x88; // second byte of U+2200..U+223F
constexpr uint8_t kFirstDash = 0x90;     // U+2010 hyphen
constexpr uint8_t kLastDash = 0x95;      // U+2015 horizontal bar
constexpr uint8_t kRightQuote = 0x99;    // U+2019
constexpr uint8_t kNarrowNoBreak = 0xAF; // U+202F
constexpr uint8_t kMinus = 0x92;         // U+2212 (with kMathOperators)
constexpr uint8_t kFirstNonAscii = 0x80;

bool isAsciiSpace(uint8_t byte) {
  return byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f' || byte == '\v';
}

bool isWordByte(uint8_t byte) {
  return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
         byte >= kFirstNonAscii;
}

// What one source character normalises to: a space, an apostrophe, or itself; and its length.
struct Folded {
  char out;
  uint32_t length;
  bool copy;  // copy the bytes unchanged (out unused)
};

Folded fold(std::string_view text, size_t i) {
  const auto byte = static_cast<uint8_t>(text[i]);
  if (isAsciiSpace(byte) || byte == '-') return {' ', 1, false};
  if (byte >= 'A' && byte <= 'Z') return {static_cast<char>(byte - 'A' + 'a'), 1, false};
  if (byte == kLead2 && i + 1 < text.size() && static_cast<uint8_t>(text[i + 1]) == kNoBreakSpace)
    return {' ', 2, false};
  if (byte == kLead3 && i + 2 < text.size()) {
    const auto second = static_cast<uint8_t>(text[i + 1]);
    const auto third = static_cast<uint8_t>(text[i + 2]);
    if (second == kPunctuation && ((third >= kFirstDash && third <= kLastDash) || third == kNarrowNoBreak))
      return {' ', 3, false};
    if (second == kPunctuation && third == kRightQuote) return {'\'', 3, false};
    if (second == kMathOperators && third == kMinus) return {' ', 3, false};
  }
  return {0, 1, true};
}

// Normalises `text`; origins[i] is the source offset of normalised byte i (origins.back() is the
// end of the text).
void normalizeWithOrigins(std::string_view text, std::string& out, std::vector<uint32_t>* origins) {
  // The normalised text is never longer than the source: both are sized once and written by index
  // (a push_back per byte was a third of the mention finder's time).
  out.resize(text.size());
  if (origins != nullptr) origins->resize(text.size() + 1);
  size_t length = 0;
  size_t i = 0;
  while (i < text.size()) {
    const Folded folded = fold(text, i);
    if (folded.copy || folded.out != ' ' || length == 0 || out[length - 1] != ' ') {
      out[length] = folded.copy ? text[i] : folded.out;
      if (origins != nullptr) (*origins)[length] = static_cast<uint32_t>(i);
      ++length;
    }
    i += folded.length;
  }
  out.resize(length);
  if (origins != nullptr) {
    origins->resize(length + 1);
    (*origins)[length] = static_cast<uint32_t>(text.size());
  }
}

}  // namespace

std::string normalizeName(std::string_view text) {
  std::string out;
  normalizeWithOrigins(text, out, nullptr);
  const size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  const size_t last = out.find_last_not_of(' ');
  return out.substr(first, last - first + 1);
}

bool isAcronym(std::string_view name) {
  int letters = 0;
  for (const char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

NameMatcher::PatternId NameMatcher::add(std::string_view name) {
  assert(!built_);
  std::string key = normalizeName(name);
  if (key.empty()) return kNoPattern;
  const bool acronym = isAcronym(name);
  if (const auto it = keyIndex_.find(key); it != keyIndex_.end()) {
    patterns_[it->second].acronymOnly = patterns_[it->second].acronymOnly && acronym;
    return it->second;
  }
  if (children_.empty()) {
    children_.emplace_back();
    terminal_.push_back(kNoPattern);
    depth_.push_back(0);
  }
  uint32_t node = 0;
  for (const char c : key) {
    const auto byte = static_cast<uint8_t>(c);
    auto& kids = children_[node];
    const auto it = std::find_if(kids.begin(), kids.end(), [byte](const auto& kid) { return kid.first == byte; });
    if (it != kids.end()) {
      node = it->second;
      continue;
    }
    const auto next = static_cast<uint32_t>(children_.size());
    kids.emplace_back(byte, next);
    children_.emplace_back();
    terminal_.push_back(kNoPattern);
    depth_.push_back(depth_[node] + 1);
    node = next;
  }
  const auto id = static_cast<PatternId>(patterns_.size());
  terminal_[node] = id;
  patterns_.push_back({key, acronym});
  keyIndex_.emplace(std::move(key), id);
  return id;
}

void NameMatcher::build() {
  assert(!built_);
  built_ = true;
  if (children_.empty()) {
    children_.emplace_back();
    terminal_.push_back(kNoPattern);
    depth_.push_back(0);
  }
  constexpr size_t kByteValues = 256;
  byteClass_.assign(kByteValues, 0);
  classCount_ = 1;
  for (const auto& kids : children_)
    for (const auto& [byte, child] : kids)
      if (byteClass_[byte] == 0) byteClass_[byte] = static_cast<uint8_t>(classCount_++);
  // More than 255 distinct bytes cannot happen (at most 255 non-zero classes fit in uint8_t).

  const size_t nodes = children_.size();
  delta_.assign(nodes * classCount_, 0);
  dictLink_.assign(nodes, 0);
  std::vector<uint32_t> fail(nodes, 0);
  std::deque<uint32_t> queue;
  for (const auto& [byte, child] : children_[0]) {
    delta_[byteClass_[byte]] = child;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    const uint32_t node = queue.front();
    queue.pop_front();
    const size_t row = static_cast<size_t>(node) * classCount_;
    const size_t failRow = static_cast<size_t>(fail[node]) * classCount_;
    for (uint32_t cls = 0; cls < classCount_; ++cls) delta_[row + cls] = delta_[failRow + cls];
    for (const auto& [byte, child] : children_[node]) {
      const uint32_t cls = byteClass_[byte];
      fail[child] = delta_[failRow + cls];
      dictLink_[child] = terminal_[fail[child]] != kNoPattern ? fail[child] : dictLink_[fail[child]];
      delta_[row + cls] = child;
      queue.push_back(child);
    }
  }
  children_.clear();
  children_.shrink_to_fit();
  if (nodes <= size_t{UINT16_MAX} + 1) {
    narrowDelta_.reserve(delta_.size());
    for (const uint32_t next : delta_) narrowDelta_.push_back(static_cast<uint16_t>(next));  // next < nodes
    delta_ = {};
  }
}

std::vector<NameMatcher::Match> NameMatcher::findAll(std::string_view text) const {
  assert(built_);
  std::vector<Match> matches;
  std::string norm;
  std::vector<uint32_t> origins;
  normalizeWithOrigins(text, norm, &origins);
  const auto scan = [&](const auto& delta) {
    uint32_t state = 0;
    for (size_t p = 0; p < norm.size(); ++p) {
      const auto byte = static_cast<uint8_t>(norm[p]);
      state = delta[static_cast<size_t>(state) * classCount_ + byteClass_[byte]];
      uint32_t node = terminal_[state] != kNoPattern ? state : dictLink_[state];
      while (node != 0) {
        const PatternId id = terminal_[node];
        const size_t end = p + 1;
        const size_t begin = end - depth_[node];
        node = dictLink_[node];
        const auto first = static_cast<uint8_t>(norm[begin]);
        const auto last = static_cast<uint8_t>(norm[end - 1]);
        if (isWordByte(first) && begin > 0 && isWordByte(static_cast<uint8_t>(norm[begin - 1]))) continue;
        if (isWordByte(last) && end < norm.size() && isWordByte(static_cast<uint8_t>(norm[end]))) continue;
        const base::Range range{origins[begin], origins[end]};
        if (patterns_[id].acronymOnly) {
          const std::string_view surface = text.substr(range.begin, range.size());
          if (std::any_of(surface.begin(), surface.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
        }
        matches.push_back({range, id});
      }
    }
  };
  if (narrowDelta_.empty())
    scan(delta_);
  else
    scan(narrowDelta_);
  return matches;
}

std::vector<NameMatcher::Match> NameMatcher::selectLongest(std::vector<Match> matches) {
  // Longest first, so "the Memorandum of Understanding between ..." beats a shorter name that
  // starts one word earlier; among equals, the leftmost.
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.range.size() != b.range.size()) return a.range.size() > b.range.size();
    return a.range.begin < b.range.begin;
  });
  std::map<base::Offset, Match> kept;  // by begin
  for (const auto& match : matches) {
    const auto next = kept.lower_bound(match.range.begin);
    if (next != kept.end() && next->second.range.begin < match.range.end) continue;
    if (next != kept.begin() && std::prev(next)->second.range.end > match.range.begin) continue;
    kept.emplace(match.range.begin, match);
  }
  std::vector<Match> ordered;
  ordered.reserve(kept.size());
  for (const auto& [begin, match] : kept) ordered.push_back(match);
  return ordered;
}

}  // namespace galley::facts
