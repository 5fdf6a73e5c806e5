// Dictionary: a Hunspell dictionary (en_GB, en_US, ...) loaded once and shared by the rules that
// name it: the `spelling` kind asks it about every word, the `name-spelling` kind about the words it
// might otherwise take for misspelt names.
#pragma once

#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/Error.h"
#include "base/StringSet.h"

class Hunspell;

namespace galley::checks {

// Thread-safe: Hunspell itself is not, so every call takes the instance's lock. Answers of knows()
// and suggest() are remembered (at most kMemoLimit words each, then forgotten all at once) so a
// corpus pays Hunspell once per distinct word, with memory that stays flat.
class Dictionary {
 public:
  // Directories searched for <language>.aff and <language>.dic after a rule's own
  // `dictionary-path`: where Debian's hunspell-* packages and older myspell ones install them.
  static constexpr std::array<std::string_view, 2> kSystemDirectories = {"/usr/share/hunspell",
                                                                         "/usr/share/myspell/dicts"};
  static constexpr size_t kMemoLimit = 1U << 16U;

  // The dictionary `language` (letters, digits, '_' and '-' only), looked for in `directories` and
  // then kSystemDirectories; every caller naming the same files gets the same instance while one
  // holds it. On failure (a bad name, the files missing) appends an error located at `where`, which
  // names the directories searched and the Debian package to install, and returns nullptr.
  static std::shared_ptr<const Dictionary> loadShared(const std::string& language,
                                                      const std::vector<std::string>& directories,
                                                      const base::Location& where, base::ErrorList& errors);

  Dictionary(const std::string& affix, const std::string& words);
  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;
  Dictionary(Dictionary&&) = delete;
  Dictionary& operator=(Dictionary&&) = delete;

  // True when Hunspell accepts `word` (UTF-8) as written; Hunspell also accepts a capitalised or
  // all-capitals form of a lower-case entry.
  [[nodiscard]] bool knows(std::string_view word) const;
  // True when an ordinary lower-case word of the dictionary lies one slip (a letter dropped,
  // added, changed, or two neighbours swapped; letters a-z) from `word` in lower case. Some
  // hundred dictionary look-ups, far cheaper than suggest(); remembered like knows(). False for a
  // word of over 40 bytes, longer than any dictionary word.
  [[nodiscard]] bool hasWordOneSlipFrom(std::string_view word) const;
  // Up to `limit` of Hunspell's edit-based suggestions for `word`, best first; empty when none
  // lies near. Its n-gram and compound searches are off: they cost 30-50 ms a word and guess far.
  [[nodiscard]] std::vector<std::string> suggest(std::string_view word, size_t limit) const;

 private:
  // hasWordOneSlipFrom's search, asking Hunspell; the caller holds mutex_.
  [[nodiscard]] bool slipFrom(const std::string& lower) const;

  mutable std::mutex mutex_;
  std::unique_ptr<Hunspell> hunspell_;
  mutable base::StringMap<bool> memo_;
  mutable base::StringMap<bool> slipMemo_;  // hasWordOneSlipFrom, by lower-case word
  mutable base::StringMap<std::vector<std::string>> suggestions_;
};

}  // namespace galley::checks

namespace galley::facts {
class FactBase;
}  // namespace galley::facts

namespace galley::checks {

// Every word of every name, alias and title form in `facts` ("Kassym-Jomart", "Kassym", "Jomart",
// "Tokayev", "UNODC", "Secretary-General"), in plain form (annotate::plainWord), added to `words`.
void addNameWords(const facts::FactBase& facts, base::StringSet& words);

// The words of a vocabulary file (UTF-8 text: one word or phrase a line, '#' starts a comment),
// added to `words`. Returns false, after appending an error located at `where`, when the file
// cannot be read.
bool addVocabulary(const std::string& path, const base::Location& where, base::StringSet& words,
                   base::ErrorList& errors);

}  // namespace galley::checks
