// BlockMemo: what annotation steps found in one block, kept between lints of a buffer being edited
// (engine::LintSession), so that an unchanged block is not annotated again.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "annotate/ClaimExtractor.h"
#include "annotate/Clauses.h"
#include "annotate/MentionFinder.h"
#include "annotate/TitleForms.h"
#include "dates/DateRecognizer.h"

namespace galley::annotate {

// Entries are keyed by everything the step reads (the block's prose, the mentions in it, the fact
// pack's address), never by position, so a hit is what the step would compute; offsets into the document
// are fixed up by the caller. Entries unused for a whole lint are dropped. Not thread-safe.
class BlockMemo {
 public:
  // Starts another lint: what the last lint did not use is forgotten.
  void startLint() {
    titles_.startLint();
    mentions_.startLint();
    dates_.startLint();
    tenses_.startLint();
    claims_.startLint();
  }
  void clear() {
    titles_ = {};
    mentions_ = {};
    dates_ = {};
    tenses_ = {};
    claims_ = {};
  }
  // The dates recognized in a block (offsets in its prose) and what the block left for the next.
  struct Dates {
    std::vector<dates::DateExpression> found;
    dates::RecognizerCarry carry;
  };
  // Dates of a block with this key (its prose, what it follows, the reference date), or nullptr.
  const Dates* dates(const std::string& key) { return dates_.find(key); }
  void keepDates(std::string key, Dates found) { dates_.keep(std::move(key), std::move(found)); }
  // The clause tenses of a block's dates, keyed by their places and the block's prose, or nullptr.
  const std::vector<std::optional<Tense>>* tenses(const std::string& key) { return tenses_.find(key); }
  void keepTenses(std::string key, std::vector<std::optional<Tense>> found) { tenses_.keep(std::move(key), std::move(found)); }
  // Claims of a block with this key (its prose and dates, the fact pack's address), mention
  // indices counted from the block's first mention, or nullptr.
  const std::vector<Claim>* claims(const std::string& key) { return claims_.find(key); }
  void keepClaims(std::string key, std::vector<Claim> found) { claims_.keep(std::move(key), std::move(found)); }
  // Titles found in a block with this key (TitleFormFinder::findInBlock), or nullptr.
  const std::vector<WrittenTitle>* titles(const std::string& key) { return titles_.find(key); }
  void keepTitles(std::string key, std::vector<WrittenTitle> titles) { titles_.keep(std::move(key), std::move(titles)); }
  // Mentions and title phrases found in a block with this key (MentionFinder::findInBlock, with
  // block 0 and mention indices counted from 0), or nullptr.
  const MentionSet* mentions(const std::string& key) { return mentions_.find(key); }
  void keepMentions(std::string key, MentionSet found) { mentions_.keep(std::move(key), std::move(found)); }

 private:
  template <typename Value>
  class Generations {
   public:
    void startLint() {
      previous_ = std::move(current_);
      current_.clear();
    }
    const Value* find(const std::string& key) {
      if (const auto kept = current_.find(key); kept != current_.end()) return &kept->second;
      const auto found = previous_.find(key);
      if (found == previous_.end()) return nullptr;
      return &current_.emplace(key, std::move(found->second)).first->second;
    }
    void keep(std::string key, Value value) { current_.insert_or_assign(std::move(key), std::move(value)); }

   private:
    std::unordered_map<std::string, Value> current_;
    std::unordered_map<std::string, Value> previous_;  // the last lint's, moved over when used
  };
  Generations<std::vector<WrittenTitle>> titles_;
  Generations<MentionSet> mentions_;
  Generations<Dates> dates_;
  Generations<std::vector<std::optional<Tense>>> tenses_;
  Generations<std::vector<Claim>> claims_;
};

}  // namespace galley::annotate
