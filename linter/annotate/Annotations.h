// Annotations: facts about a Document computed once, lazily, and shared by all checks.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

#include "base/Calendar.h"
#include "base/Range.h"
#include "dates/DateExpression.h"
#include "document/Document.h"

namespace galley::annotate {

// A sentence: a range of one block's prose (prose offsets, not source offsets).
struct Sentence {
  uint32_t block = 0;
  base::Range prose;
};

// A date expression in one block's prose: `date.range` (and `date.weekdayRange`) are prose offsets
// of `block`; map them with the block's ProseText::toSource.
struct DateMention {
  uint32_t block = 0;
  dates::DateExpression date;
};

// Computes what checks need on first request. One instance per document run; not shared between
// threads (each file is checked on one thread). The Document must outlive it.
class Annotations {
 public:
  explicit Annotations(const document::Document& document) : document_(document) {}

  [[nodiscard]] const document::Document& document() const { return document_; }
  // Sentences of every block, in order.
  const std::vector<Sentence>& sentences();
  // Date expressions of every prose block except front matter, in document order. Relative ones
  // are resolved against referenceDate(); anaphoric ones against the previous date, across blocks.
  // Numeric dates are read day first.
  const std::vector<DateMention>& dates();
  // The document's reference date: front matter `date`, else the dateline (the first date of the
  // first paragraph, when it states its year), else nullopt.
  const std::optional<base::CivilDate>& referenceDate();

 private:
  const document::Document& document_;
  bool sentencesDone_ = false;
  std::vector<Sentence> sentences_;
  bool datesDone_ = false;
  std::vector<DateMention> dates_;
  std::optional<base::CivilDate> referenceDate_;
};

}  // namespace galley::annotate
