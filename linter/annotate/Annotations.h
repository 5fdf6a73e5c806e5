// Annotations: facts about a Document computed once, lazily, and shared by all checks.
#pragma once

#include <cstdint>
#include <mutex>
#include <vector>

#include "base/Range.h"
#include "document/Document.h"

namespace galley::annotate {

// A sentence: a range of one block's prose (prose offsets, not source offsets).
struct Sentence {
  uint32_t block = 0;
  base::Range prose;
};

// Computes what checks need on first request. One instance per document run; not shared between
// threads (each file is checked on one thread). The Document must outlive it.
class Annotations {
 public:
  explicit Annotations(const document::Document& document) : document_(document) {}

  [[nodiscard]] const document::Document& document() const { return document_; }
  // Sentences of every block, in order.
  const std::vector<Sentence>& sentences();

 private:
  const document::Document& document_;
  bool sentencesDone_ = false;
  std::vector<Sentence> sentences_;
};

}  // namespace galley::annotate
