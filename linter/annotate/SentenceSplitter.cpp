#include "annotate/SentenceSplitter.h"

namespace galley::annotate {

// FIXME(skeleton): the real splitter (abbreviations, initials, quotes) replaces this.
std::vector<base::Range> splitSentences(std::string_view text) {
  if (text.empty()) return {};
  return {base::Range{0, static_cast<base::Offset>(text.size())}};
}

}  // namespace galley::annotate
