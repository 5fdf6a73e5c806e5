#include "document/ProseBuilder.h"

#include <algorithm>
#include <utility>

namespace galley::document {

namespace {
bool isBlank(char c) { return c == ' ' || c == '\t'; }
bool isLineEnd(char c) { return c == '\n' || c == '\r'; }
}  // namespace

ProseBuilder::ProseBuilder(std::string_view source, ProseText& out, const std::vector<base::Range>& invalid)
    : source_(source), out_(out), invalid_(invalid) {}

void ProseBuilder::setExcluded(std::vector<base::Range> excluded) {
  excluded_ = std::move(excluded);
  excludedCursor_ = 0;
}

void ProseBuilder::text(base::Range range) {
  base::Offset pos = range.begin;
  const base::Offset end = std::min<base::Offset>(range.end, static_cast<base::Offset>(source_.size()));
  while (pos < end) {
    // Skip exclusions that end before pos; stop at the next one that starts in [pos, end).
    while (excludedCursor_ < excluded_.size() && excluded_[excludedCursor_].end <= pos) ++excludedCursor_;
    base::Offset stop = end;
    if (excludedCursor_ < excluded_.size()) {
      const base::Range ex = excluded_[excludedCursor_];
      if (ex.begin <= pos) {
        pos = std::min(end, ex.end);
        continue;
      }
      stop = std::min(stop, ex.begin);
    }
    // Split [pos, stop) at line ends.
    while (pos < stop) {
      base::Offset lineEnd = pos;
      while (lineEnd < stop && !isLineEnd(source_[lineEnd])) ++lineEnd;
      segment(pos, lineEnd);
      if (lineEnd < stop) lineBreak(lineEnd);
      pos = lineEnd;
      while (pos < stop && isLineEnd(source_[pos])) ++pos;
    }
  }
}

void ProseBuilder::segment(base::Offset begin, base::Offset end) {
  if (begin == end) return;
  base::Offset first = begin;
  const bool dropLeading = pendingBreak_ || out_.text().empty() || !pendingSpace_.empty();
  if (dropLeading) {
    while (first < end && isBlank(source_[first])) ++first;
  }
  base::Offset last = end;
  while (last > first && isBlank(source_[last - 1])) --last;
  if (first == last) {
    // Only whitespace: remember it as a word separator unless one is pending already.
    if (!dropLeading && begin < end) pendingSpace_ = {begin, end};
    return;
  }
  flushPending();
  appendChecked(first, last);
  if (last < end) pendingSpace_ = {last, end};
}

void ProseBuilder::synthetic(std::string_view text, base::Offset anchor) {
  if (text.empty()) return;
  flushPending();
  out_.appendSynthetic(text, anchor);
}

void ProseBuilder::lineBreak(base::Offset anchor) {
  if (!pendingBreak_) breakAnchor_ = anchor;
  pendingBreak_ = true;
  pendingSpace_ = {};
}

void ProseBuilder::flushPending() {
  if (out_.text().empty()) {
    pendingBreak_ = false;
    pendingSpace_ = {};
    return;
  }
  if (pendingBreak_) {
    out_.appendLineBreak(breakAnchor_);
  } else if (!pendingSpace_.empty()) {
    appendChecked(pendingSpace_.begin, pendingSpace_.end);
  }
  pendingBreak_ = false;
  pendingSpace_ = {};
}

void ProseBuilder::appendChecked(base::Offset begin, base::Offset end) {
  if (!invalid_.empty()) {
    auto it = std::lower_bound(invalid_.begin(), invalid_.end(), begin,
                               [](base::Range r, base::Offset value) { return r.end <= value; });
    for (; it != invalid_.end() && it->begin < end; ++it) {
      const base::Offset badBegin = std::max(begin, it->begin);
      if (badBegin > begin) out_.appendSource(source_.substr(begin, badBegin - begin), begin);
      out_.appendSynthetic(kProseReplacement, badBegin);
      begin = std::min(end, it->end);
    }
  }
  if (begin < end) out_.appendSource(source_.substr(begin, end - begin), begin);
}

}  // namespace galley::document
