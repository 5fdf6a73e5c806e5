#include "base/Typography.h"

#include <algorithm>
#include <array>

namespace galley::base {

namespace {

// Every variant is a multi-byte UTF-8 sequence: ASCII bytes are never looked up.
constexpr unsigned kFirstNonAscii = 0x80;

bool isAscii(char c) { return static_cast<unsigned char>(c) < kFirstNonAscii; }

// Each typographic variant and its plain form (see Typography.h).
struct Fold {
  std::string_view from;
  std::string_view to;
};
constexpr std::array<Fold, 20> kFolds = {{
    {"\u2010", "-"},  {"\u2011", "-"},  {"\u2012", "-"},  {"\u2013", "-"},  {"\u2014", "-"},
    {"\u2212", "-"},  {"\u00A0", " "},  {"\u2007", " "},  {"\u2009", " "},  {"\u202F", " "},
    {"\u2018", "'"},  {"\u2019", "'"},  {"\u201C", "\""}, {"\u201D", "\""}, {"\u00AD", ""},
    {"\u200B", ""},   {"\u2060", ""},   {"\uFEFF", ""},   {"\u2015", "-"},  {"\u2E3A", "-"},
}};

// The fold of the character starting at text[at], or nullptr when it stays as it is.
const Fold* foldAt(std::string_view text, size_t at) {
  const std::string_view rest = text.substr(at);
  for (const Fold& fold : kFolds)
    if (rest.starts_with(fold.from)) return &fold;
  return nullptr;
}

// Every variant starts with one of these lead bytes: a text without them folds to itself.
bool mayFold(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return !isAscii(c) &&
           std::any_of(kFolds.begin(), kFolds.end(), [c](const Fold& fold) { return fold.from.front() == c; });
  });
}

}  // namespace

FoldedText::FoldedText(std::string_view text) : original_(text) {
  if (!mayFold(text)) return;
  folded_.reserve(text.size());
  begins_.reserve(text.size());
  ends_.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    const Fold* fold = isAscii(text[at]) ? nullptr : foldAt(text, at);
    if (fold == nullptr) {
      folded_.push_back(text[at]);
      begins_.push_back(static_cast<Offset>(at));
      ends_.push_back(static_cast<Offset>(at + 1));
      ++at;
      continue;
    }
    changed_ = true;
    for (const char c : fold->to) {
      folded_.push_back(c);
      begins_.push_back(static_cast<Offset>(at));
      ends_.push_back(static_cast<Offset>(at + fold->from.size()));
    }
    at += fold->from.size();
  }
  if (!changed_) {
    folded_.clear();
    begins_.clear();
    ends_.clear();
  }
}

Range FoldedText::toOriginal(Range folded) const {
  if (!changed_) return folded;
  const auto at = [&](Offset i) { return i < begins_.size() ? begins_[i] : static_cast<Offset>(original_.size()); };
  if (folded.empty()) return {at(folded.begin), at(folded.begin)};
  return {begins_[folded.begin], ends_[folded.end - 1]};
}

Range FoldedText::toFolded(Range original) const {
  if (!changed_) return original;
  const auto begin = std::lower_bound(begins_.begin(), begins_.end(), original.begin) - begins_.begin();
  const auto end = std::lower_bound(begins_.begin(), begins_.end(), original.end) - begins_.begin();
  return {static_cast<Offset>(begin), static_cast<Offset>(end)};
}

std::string foldTypography(std::string_view text) { return std::string(FoldedText(text).text()); }

}  // namespace galley::base
