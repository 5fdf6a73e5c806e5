#include "annotate/Annotations.h"

#include <string>

#include "annotate/SentenceSplitter.h"
#include "dates/DateRecognizer.h"
#include "dates/ReferenceDate.h"

namespace galley::annotate {

const std::vector<Sentence>& Annotations::sentences() {
  if (!sentencesDone_) {
    for (uint32_t i = 0; i < document_.blocks.size(); ++i) {
      for (const base::Range range : splitSentences(document_.blocks[i].prose.text())) {
        sentences_.push_back({i, range});
      }
    }
    sentencesDone_ = true;
  }
  return sentences_;
}

namespace {

// Joins blocks so that no date expression can run from one block into the next: "|" between
// blocks is punctuation no date form accepts.
constexpr std::string_view kBlockSeparator = "\n|\n";

}  // namespace

const std::optional<base::CivilDate>& Annotations::referenceDate() {
  dates();
  return referenceDate_;
}

const std::vector<DateMention>& Annotations::dates() {
  if (datesDone_) return dates_;
  datesDone_ = true;
  const dates::DateRecognizer recognizer;
  std::optional<std::string_view> frontMatterDate;
  if (const auto* field = document_.field("date")) frontMatterDate = field->value;
  std::string_view firstParagraph;
  for (const auto& block : document_.blocks) {
    if (block.kind == document::BlockKind::Paragraph) {
      firstParagraph = block.prose.text();
      break;
    }
  }
  referenceDate_ = dates::referenceDate(frontMatterDate, firstParagraph, recognizer);
  // One pass over all prose, so that "the day before" may refer to a date in an earlier block.
  std::string joined;
  std::vector<std::pair<uint32_t, uint32_t>> starts;  // (joined offset, block index)
  for (uint32_t i = 0; i < document_.blocks.size(); ++i) {
    const auto& block = document_.blocks[i];
    if (block.kind == document::BlockKind::FrontMatter) continue;
    if (!joined.empty()) joined += kBlockSeparator;
    starts.emplace_back(static_cast<uint32_t>(joined.size()), i);
    joined += block.prose.text();
  }
  std::size_t current = 0;
  for (dates::DateExpression& e : recognizer.recognize(joined, referenceDate_)) {
    while (current + 1 < starts.size() && starts[current + 1].first <= e.range.begin) ++current;
    const uint32_t shift = starts[current].first;
    e.range = {e.range.begin - shift, e.range.end - shift};
    if (!e.weekdayRange.empty()) e.weekdayRange = {e.weekdayRange.begin - shift, e.weekdayRange.end - shift};
    dates_.push_back({starts[current].second, e});
  }
  return dates_;
}

}  // namespace galley::annotate
