// BlockMemo: what annotation steps found in one block, kept between lints of a buffer being edited
// (engine::LintSession), so that an unchanged block is not annotated again.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "annotate/TitleForms.h"

namespace galley::annotate {

// Entries are keyed by everything the step reads (the block's prose, the mentions in it, the fact
// pack), never by position, so a hit is what the step would compute; offsets into the document
// are fixed up by the caller. Entries unused for a whole lint are dropped. Not thread-safe.
class BlockMemo {
 public:
  // Starts another lint: what the last lint did not use is forgotten.
  void startLint() {
    previousTitles_ = std::move(titles_);
    titles_.clear();
  }
  void clear() {
    titles_.clear();
    previousTitles_.clear();
  }
  // Titles found in a block with this key (TitleFormFinder::findInBlock), or nullptr.
  const std::vector<WrittenTitle>* titles(const std::string& key) {
    if (const auto kept = titles_.find(key); kept != titles_.end()) return &kept->second;
    const auto found = previousTitles_.find(key);
    if (found == previousTitles_.end()) return nullptr;
    return &titles_.emplace(key, std::move(found->second)).first->second;
  }
  void keepTitles(std::string key, std::vector<WrittenTitle> titles) { titles_.emplace(std::move(key), std::move(titles)); }

 private:
  std::unordered_map<std::string, std::vector<WrittenTitle>> titles_;
  std::unordered_map<std::string, std::vector<WrittenTitle>> previousTitles_;
};

}  // namespace galley::annotate
