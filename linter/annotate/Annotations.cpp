#include "annotate/Annotations.h"

#include "annotate/SentenceSplitter.h"

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

}  // namespace galley::annotate
