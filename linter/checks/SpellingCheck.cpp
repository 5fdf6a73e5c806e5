#include "checks/SpellingCheck.h"

#include <algorithm>
#include <filesystem>

#include "annotate/Words.h"
#include "base/Ascii.h"
#include "base/Calendar.h"
#include "checks/FactCheck.h"
#include "checks/Slip.h"
#include "config/NearestName.h"
#include "facts/FactPack.h"

namespace galley::checks {

namespace {

// "Vienna" -> "vienna": the lower-case form of an ASCII-capitalised word (others unchanged).
std::string lowerFirst(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

std::vector<std::string> filesBeside(const std::filesystem::path& directory, std::string_view prefix,
                                     std::string_view extension) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(directory.empty() ? "." : directory, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && name.starts_with(prefix) && name.ends_with(extension))
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Capitalised words shorter than this are initials and Chinese given names ("Yi", "Yu"): skipped.
constexpr size_t kShortestCapitalised = 4;

// True when `suggestion` is an ordinary (lower-case) word, or its capitalised form, one edit from
// `word` (a letter dropped, added, changed, or two neighbours swapped; case aside).
bool isSlipOfCommonWord(const Dictionary& dictionary, std::string_view word, const std::string& suggestion) {
  if (suggestion.empty() || suggestion.find(' ') != std::string::npos) return false;
  const std::string common = lowerFirst(suggestion);
  if (common.size() > 1 && common[1] >= 'A' && common[1] <= 'Z') return false;  // an acronym
  // Hunspell rejects the lower-case form of a proper noun ("moscow"), so this asks for a common word.
  if (!dictionary.knows(common)) return false;
  return config::editDistance(word, suggestion, {.ignoreCase = true, .adjacentSwaps = true}) <= 1;
}

// Month and weekday names this long may also be misspelt by a changed or added letter
// ("Septamber"); shorter ones only by a typo, as real names lie a changed letter away ("Augusta").
constexpr size_t kLongCalendarName = 7;

// The month or weekday name `word` is one slip from, or empty: a letter dropped, doubled or two
// swapped ("Janury", "Wendesday"). "May" is too short to judge, and a word one slip from two
// names is left alone.
std::string_view calendarNameSlipped(std::string_view word) {
  std::string_view found;
  const auto consider = [&](std::string_view name) {
    if (name.size() < kShortestCapitalised) return true;
    const Slip slip = slipBetween(word, name);
    if (slip == Slip::Typo || (slip == Slip::Change && name.size() >= kLongCalendarName)) {
      if (!found.empty()) return false;
      found = name;
    }
    return true;
  };
  constexpr unsigned kMonths = 12;
  constexpr unsigned kWeekdays = 7;
  for (unsigned month = 1; month <= kMonths; ++month)
    if (!consider(base::monthName(month))) return {};
  for (unsigned day = 0; day < kWeekdays; ++day)
    if (!consider(base::weekdayName(day))) return {};
  return found;
}

// "15", "2024", "5th": a day or a year beside a month or weekday name.
bool isDayOrYear(std::string_view word) {
  constexpr size_t kLongestNumber = 4;
  size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  if (digits == 0 || digits > kLongestNumber) return false;
  const std::string_view suffix = word.substr(digits);
  return suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
}

// Only spaces, and at most one comma, between two words: "Wendesday, 5 June", "Janury 15".
bool onlySpacesOrCommaBetween(std::string_view gap) {
  if (gap.empty()) return false;
  size_t commas = 0;
  for (const char c : gap) {
    if (c == ',') {
      ++commas;
    } else if (c != ' ') {
      return false;
    }
  }
  return commas <= 1;
}

}  // namespace

SpellingCheck::SpellingCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const Dictionary> dictionary,
                             base::StringSet known, unsigned suggestions)
    : Check(rule, scope), dictionary_(std::move(dictionary)), known_(std::move(known)), suggestions_(suggestions) {}

std::unique_ptr<Check> SpellingCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const size_t errorsBefore = errors.size();
  const auto scope = Scope::parse(rule.scope, errors);
  const std::filesystem::path directory = std::filesystem::path(rule.where.path).parent_path();
  const unsigned suggestions = rule.options.getUnsigned("suggestions", 3, errors);

  std::string language = "en_GB";
  if (auto named = rule.options.getString("dictionary", errors)) language = named->value;
  std::vector<std::string> directories;
  if (auto listed = rule.options.getStringList("dictionary-path", errors)) {
    for (const auto& dir : *listed) directories.push_back((directory / dir.value).string());
  }
  auto dictionary = Dictionary::loadShared(language, directories, rule.options.location("dictionary"), errors);

  base::StringSet known;
  if (auto listed = rule.options.getStringList("vocabulary", errors)) {
    for (const auto& file : *listed)
      addVocabulary((directory / file.value).string(), file.where, known, errors);
  } else {
    for (const std::string& file : filesBeside(directory, "vocabulary", ".txt"))
      addVocabulary(file, rule.where, known, errors);
  }
  // Names: the listed fact files, or those beside the rule file when there are any.
  if (rule.options.has("facts") || !facts::FactPack::filesIn(directory.empty() ? "." : directory.string()).empty()) {
    if (auto pack = loadRuleFacts(rule, errors)) addNameWords(pack->facts(), known);
  }
  if (errors.size() != errorsBefore || !scope || !dictionary) return nullptr;
  return std::make_unique<SpellingCheck>(rule, *scope, std::move(dictionary), std::move(known), suggestions);
}

bool SpellingCheck::accepts(std::string_view word) const {
  if (known_.contains(word) || (base::isAsciiUpper(word.front()) && known_.contains(lowerFirst(word)))) return true;
  if (dictionary_->knows(word)) return true;
  // "co-operation", "long-term": the whole compound or each of its parts.
  const std::vector<std::string_view> parts = annotate::hyphenParts(word);
  if (parts.size() < 2) return false;
  return std::all_of(parts.begin(), parts.end(), [&](std::string_view part) {
    return part.size() < 2 || known_.contains(part) || known_.contains(lowerFirst(part)) ||
           dictionary_->knows(part);
  });
}

std::string_view SpellingCheck::calendarSlipAt(const config::Lexicon& lexicon, std::string_view text,
                                              base::Range span, const std::vector<annotate::Word>& words, size_t w,
                                              std::string_view plain) const {
  // Asked of every capitalised word: the slip test against 19 short names first, the dictionary
  // only for the rare word one slip from one of them.
  if (plain.size() < kShortestCapitalised || words[w].hyphenated) return {};
  const std::string_view name = calendarNameSlipped(plain);
  if (name.empty() || accepts(plain)) return {};
  const auto wordText = [&](size_t i) { return text.substr(span.begin + words[i].prose.begin, words[i].prose.size()); };
  const auto gap = [&](size_t left) {
    return text.substr(span.begin + words[left].prose.end, words[left + 1].prose.begin - words[left].prose.end);
  };
  const bool hasNext = w + 1 < words.size() && onlySpacesOrCommaBetween(gap(w));
  const bool hasPrevious = w > 0 && onlySpacesOrCommaBetween(gap(w - 1));
  // "Sunda Strait": a capitalised word after it makes it part of a longer name.
  if (hasNext && gap(w).find(',') == std::string_view::npos && words[w + 1].capitalised &&
      calendarNameSlipped(wordText(w + 1)).empty() && !accepts(wordText(w + 1)))
    return {};
  if (hasNext && isDayOrYear(wordText(w + 1))) return name;
  if (hasPrevious && isDayOrYear(wordText(w - 1))) return name;
  if (hasPrevious && gap(w - 1).find(',') == std::string_view::npos &&
      lexicon.contains(config::WordList::CalendarCues, base::asciiLowered(wordText(w - 1))))
    return name;
  return {};
}

bool SpellingCheck::isMisspelt(std::string_view plain, bool capitalised) const {
  if (plain.size() < 2 || accepts(plain)) return false;
  if (!capitalised) return true;
  // A capitalised word is a name the fact base does not know ("Aktau", "Alimova") unless it is
  // one slip from an ordinary word ("Goverments", "Comittee") and Hunspell offers that word.
  return plain.size() >= kShortestCapitalised && dictionary_->hasWordOneSlipFrom(plain);
}

void SpellingCheck::report(const document::Block& block, base::Range range, bool capitalised,
                           diag::DiagnosticSink& sink) const {
  const std::string found = std::string(std::string_view(block.prose.text()).substr(range.begin, range.size()));
  const std::string plain = annotate::plainWord(found);
  const std::vector<std::string> suggestions = dictionary_->suggest(plain, suggestions_);
  if (capitalised && (suggestions.empty() || !isSlipOfCommonWord(*dictionary_, plain, suggestions.front()))) return;
  reportWith(block, range, suggestions, sink);
}

void SpellingCheck::reportWith(const document::Block& block, base::Range range,
                               const std::vector<std::string>& suggestions, diag::DiagnosticSink& sink) const {
  const std::string found = std::string(std::string_view(block.prose.text()).substr(range.begin, range.size()));
  std::string offered;
  for (size_t i = 0; i < suggestions.size(); ++i) {
    if (i > 0) offered += i + 1 == suggestions.size() ? " or " : ", ";
    offered += '\'';
    offered += suggestions[i];
    offered += '\'';
  }
  if (!offered.empty()) offered = " (did you mean " + offered + "?)";
  const std::string expected = suggestions.empty() ? std::string() : suggestions.front();
  const std::array<std::pair<std::string_view, std::string_view>, 3> values{
      {{"found", found}, {"expected", expected}, {"suggestions", offered}}};
  diag::Diagnostic diagnostic = this->diagnostic(block.prose.toSource(range), values);
  if (!expected.empty() && block.prose.isContiguous(range)) {
    diagnostic.fix = diag::Fix{"Write '" + expected + "'", diag::Applicability::Unsafe,
                               {diag::Edit{block.prose.toSource(range), expected}}};
  }
  sink.report(std::move(diagnostic));
}

void SpellingCheck::run(const document::Document& document, annotate::Annotations& annotations,
                        diag::DiagnosticSink& sink) const {
  const std::vector<annotate::Sentence>& sentences = annotations.sentences();
  forEachSpan(document, annotations, [&](size_t blockIndex, base::Range span) {
    const document::Block& block = document.blocks[blockIndex];
    if (block.kind == document::BlockKind::FrontMatter && block.key != "title") return;
    // Headlines capitalise every word; elsewhere only a sentence's first word is capitalised
    // without being a name.
    const bool headline = block.kind == document::BlockKind::Heading || block.kind == document::BlockKind::Title ||
                          block.kind == document::BlockKind::FrontMatter;
    std::vector<base::Offset> starts;
    for (const annotate::Sentence& sentence : sentences) {
      if (sentence.block == blockIndex) starts.push_back(sentence.prose.begin);
    }
    const std::string_view text = block.prose.text();
    const std::vector<annotate::Word>& words = annotations.words(static_cast<uint32_t>(blockIndex), span);
    for (size_t w = 0; w < words.size(); ++w) {
      const annotate::Word& word = words[w];
      if (word.inLink || word.hasDigit || word.otherScript || word.allCaps || word.mixedCase) continue;
      const base::Range range{span.begin + word.prose.begin, span.begin + word.prose.end};
      // Inside a sentence, a capitalised word is a name: only a sentence's first word (no earlier
      // word of this span at or after the sentence's start) is checked.
      const base::Offset previousEnd = w == 0 ? span.begin : span.begin + words[w - 1].prose.end;
      const bool initial = (w == 0 && span.begin == 0) || std::any_of(starts.begin(), starts.end(), [&](base::Offset start) {
                             return start <= range.begin && start >= previousEnd;
                           });
      const std::string plain = annotate::plainWord(text.substr(range.begin, range.size()));
      if (word.capitalised) {
        const std::string_view month = calendarSlipAt(annotations.lexicon(), text, span, words, w, plain);
        if (!month.empty()) {
          reportWith(block, range, {std::string(month)}, sink);
          continue;
        }
      }
      if (word.capitalised && !headline && !initial) continue;
      if (isMisspelt(plain, word.capitalised)) report(block, range, word.capitalised, sink);
    }
  });
}

}  // namespace galley::checks
