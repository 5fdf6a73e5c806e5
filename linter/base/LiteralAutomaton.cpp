#include "base/LiteralAutomaton.h"

#include <algorithm>
#include <cassert>
#include <deque>

namespace galley::base {

namespace {
constexpr size_t kByteValues = 256;
}  // namespace

uint8_t LiteralAutomaton::key(char c) const {
  const auto byte = static_cast<uint8_t>(c);
  if (fold_ && byte >= 'A' && byte <= 'Z') return static_cast<uint8_t>(byte - 'A' + 'a');
  return byte;
}

LiteralAutomaton::LiteralId LiteralAutomaton::add(std::string_view literal) {
  assert(delta_.empty() && !literal.empty());
  std::string folded;
  folded.reserve(literal.size());
  for (const char c : literal) folded += static_cast<char>(key(c));
  if (const auto it = ids_.find(folded); it != ids_.end()) return it->second;
  const auto id = static_cast<LiteralId>(lengths_.size());
  ids_.emplace(folded, id);
  lengths_.push_back(folded.size());

  if (children_.empty()) {
    children_.emplace_back();
    terminal_.push_back(0);
    isTerminal_.push_back(false);
  }
  uint32_t node = 0;
  for (const char c : folded) {
    const auto byte = static_cast<uint8_t>(c);
    auto& edges = children_[node];
    const auto edge = std::find_if(edges.begin(), edges.end(), [&](const auto& e) { return e.first == byte; });
    if (edge != edges.end()) {
      node = edge->second;
      continue;
    }
    const auto next = static_cast<uint32_t>(children_.size());
    edges.emplace_back(byte, next);
    children_.emplace_back();
    terminal_.push_back(0);
    isTerminal_.push_back(false);
    node = next;
  }
  terminal_[node] = id;
  isTerminal_[node] = true;
  return id;
}

void LiteralAutomaton::build() {
  if (children_.empty()) {
    children_.emplace_back();
    terminal_.push_back(0);
    isTerminal_.push_back(false);
  }
  // Byte classes: one per byte the literals use; with folding, both cases of a letter share one.
  byteClass_.assign(kByteValues, 0);
  std::vector<uint16_t> classOfKey(kByteValues, 0);
  for (const auto& edges : children_) {
    for (const auto& [byte, next] : edges) {
      if (classOfKey[byte] == 0) classOfKey[byte] = static_cast<uint16_t>(classCount_++);
    }
  }
  for (size_t b = 0; b < kByteValues; ++b) byteClass_[b] = classOfKey[key(static_cast<char>(b))];

  const size_t nodes = children_.size();
  delta_.assign(nodes * classCount_, 0);
  std::vector<uint32_t> fail(nodes, 0);
  output_.assign(nodes, 0);
  dictLink_.assign(nodes, 0);
  // Breadth first: a node's failure link and row are final before its children's.
  std::deque<uint32_t> queue;
  for (const auto& [byte, next] : children_[0]) {
    delta_[classOfKey[byte]] = next;
    queue.push_back(next);
  }
  while (!queue.empty()) {
    const uint32_t node = queue.front();
    queue.pop_front();
    const uint32_t link = fail[node];
    output_[node] = isTerminal_[node] ? node : output_[link];
    dictLink_[node] = output_[link];
    const size_t row = static_cast<size_t>(node) * classCount_;
    const size_t linkRow = static_cast<size_t>(link) * classCount_;
    for (uint32_t c = 0; c < classCount_; ++c) delta_[row + c] = delta_[linkRow + c];
    for (const auto& [byte, next] : children_[node]) {
      fail[next] = delta_[linkRow + classOfKey[byte]];
      delta_[row + classOfKey[byte]] = next;
      queue.push_back(next);
    }
  }
  children_.clear();
  children_.shrink_to_fit();
}

}  // namespace galley::base
