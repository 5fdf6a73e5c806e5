#include "checks/Dictionary.h"

#include <hunspell/hunspell.hxx>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include "annotate/Words.h"
#include "base/Ascii.h"
#include "facts/FactBase.h"

namespace galley::checks {

namespace {

bool validLanguage(const std::string& language) {
  return !language.empty() && std::all_of(language.begin(), language.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// "en_GB" -> "hunspell-en-gb": the Debian package that installs it.
std::string packageFor(const std::string& language) {
  std::string package = "hunspell-";
  for (const char c : language) {
    package += c == '_' ? '-' : base::asciiLower(c);
  }
  return package;
}

// The affix file `path` with Hunspell's n-gram and compound suggestions turned off, held in an
// anonymous in-memory file. Those two searches scan the whole word list for every unknown word:
// 30-50 ms a word with en_GB, against 0.2-4 ms for the edit-based suggestions left (a misspelt
// "recieve" still gets "receive"; a made-up word gets none rather than a far guess). An unknown
// word typed in an editor or a page in another language would otherwise stall every lint.
// Empty (the caller loads `path` as it is) when the file cannot be read or copied.
class LimitedAffixFile {
 public:
  explicit LimitedAffixFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return;
    std::string text;
    for (std::string line; std::getline(in, line);) {
      // Hunspell refuses a file that sets either option twice.
      if (line.starts_with("MAXNGRAMSUGS") || line.starts_with("MAXCPDSUGS")) continue;
      text += line;
      text += '\n';
    }
    text += "MAXNGRAMSUGS 0\nMAXCPDSUGS 0\n";
    fd_ = memfd_create("galley-affix", MFD_CLOEXEC);
    if (fd_ < 0) return;
    size_t written = 0;
    while (written < text.size()) {
      const ssize_t n = ::write(fd_, text.data() + written, text.size() - written);
      if (n <= 0) {
        ::close(fd_);
        fd_ = -1;
        return;
      }
      written += static_cast<size_t>(n);
    }
  }
  ~LimitedAffixFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  LimitedAffixFile(const LimitedAffixFile&) = delete;
  LimitedAffixFile& operator=(const LimitedAffixFile&) = delete;
  LimitedAffixFile(LimitedAffixFile&&) = delete;
  LimitedAffixFile& operator=(LimitedAffixFile&&) = delete;

  // A path Hunspell can open while this object lives, or empty (also where /proc is not mounted:
  // Hunspell given an affix file it cannot open would take every word for a misspelling).
  [[nodiscard]] std::string path() const {
    if (fd_ < 0) return {};
    std::string path = "/proc/self/fd/" + std::to_string(fd_);
    return ::access(path.c_str(), R_OK) == 0 ? path : std::string();
  }

 private:
  int fd_ = -1;
};

std::unique_ptr<Hunspell> openHunspell(const std::string& affix, const std::string& words) {
  const LimitedAffixFile limited(affix);
  const std::string path = limited.path();
  return std::make_unique<Hunspell>(path.empty() ? affix.c_str() : path.c_str(), words.c_str());
}

}  // namespace

Dictionary::Dictionary(const std::string& affix, const std::string& words) : hunspell_(openHunspell(affix, words)) {}

Dictionary::~Dictionary() = default;

std::shared_ptr<const Dictionary> Dictionary::loadShared(const std::string& language,
                                                         const std::vector<std::string>& directories,
                                                         const base::Location& where, base::ErrorList& errors) {
  if (!validLanguage(language)) {
    errors.push_back(base::Error::invalidInput(
        "dictionary '" + language + "' is not a dictionary name (such as en_GB or en_US)", where));
    return nullptr;
  }
  std::vector<std::string> searched = directories;
  for (const std::string_view directory : kSystemDirectories) searched.emplace_back(directory);
  std::string affix;
  std::string words;
  for (const std::string& directory : searched) {
    const std::filesystem::path base = std::filesystem::path(directory) / language;
    std::error_code ec;
    if (std::filesystem::is_regular_file(base.string() + ".aff", ec) &&
        std::filesystem::is_regular_file(base.string() + ".dic", ec)) {
      affix = base.string() + ".aff";
      words = base.string() + ".dic";
      break;
    }
  }
  if (affix.empty()) {
    std::string list;
    for (const std::string& directory : searched) list += (list.empty() ? "" : ", ") + directory;
    errors.push_back(base::Error::environment("dictionary '" + language + "' not found: no " + language + ".aff and " +
                                                   language + ".dic in " + list + " (install the Debian package " +
                                                   packageFor(language) + ")",
                                               where));
    return nullptr;
  }
  static std::mutex cacheMutex;
  static std::map<std::string, std::weak_ptr<const Dictionary>> cache;
  const std::lock_guard lock(cacheMutex);
  std::weak_ptr<const Dictionary>& slot = cache[words];
  if (auto shared = slot.lock()) return shared;
  auto dictionary = std::make_shared<const Dictionary>(affix, words);
  slot = dictionary;
  return dictionary;
}

bool Dictionary::knows(std::string_view word) const {
  const std::lock_guard lock(mutex_);
  if (const auto it = memo_.find(word); it != memo_.end()) return it->second;
  std::string key(word);
  const bool known = hunspell_->spell(key);
  if (memo_.size() >= kMemoLimit) memo_.clear();
  memo_.emplace(std::move(key), known);
  return known;
}

bool Dictionary::hasWordOneSlipFrom(std::string_view word) const {
  // The search asks Hunspell about every variant, some 54 per letter, each a look-up as long as
  // the word: quadratic, and a pasted 1,000-letter run took seconds. No dictionary word is near
  // this long, so nothing lies one slip from a longer one.
  constexpr size_t kLongestSlipWord = 40;
  if (word.size() > kLongestSlipWord) return false;
  std::string lower = base::asciiLowered(word);
  const std::lock_guard lock(mutex_);
  if (const auto it = slipMemo_.find(lower); it != slipMemo_.end()) return it->second;
  const bool found = slipFrom(lower);
  if (slipMemo_.size() >= kMemoLimit) slipMemo_.clear();
  slipMemo_.emplace(std::move(lower), found);
  return found;
}

bool Dictionary::slipFrom(const std::string& lower) const {
  const auto known = [&](const std::string& candidate) { return !candidate.empty() && hunspell_->spell(candidate); };
  std::string candidate;
  for (size_t i = 0; i < lower.size(); ++i) {
    candidate = lower;
    candidate.erase(i, 1);
    if (known(candidate)) return true;
    if (i + 1 < lower.size()) {
      candidate = lower;
      std::swap(candidate[i], candidate[i + 1]);
      if (known(candidate)) return true;
    }
  }
  for (size_t i = 0; i <= lower.size(); ++i) {
    for (char letter = 'a'; letter <= 'z'; ++letter) {
      if (i < lower.size() && lower[i] != letter) {
        candidate = lower;
        candidate[i] = letter;
        if (known(candidate)) return true;
      }
      candidate = lower;
      candidate.insert(i, 1, letter);
      if (known(candidate)) return true;
    }
  }
  return false;
}

std::vector<std::string> Dictionary::suggest(std::string_view word, size_t limit) const {
  const std::lock_guard lock(mutex_);
  auto it = suggestions_.find(word);
  if (it == suggestions_.end()) {
    std::string key(word);
    // Hunspell's suggestions cost milliseconds: a corpus asks about the same unknown word often.
    if (suggestions_.size() >= kMemoLimit) suggestions_.clear();
    it = suggestions_.emplace(std::move(key), hunspell_->suggest(std::string(word))).first;
  }
  std::vector<std::string> suggestions(it->second.begin(), it->second.begin() + static_cast<std::ptrdiff_t>(std::min(limit, it->second.size())));
  return suggestions;
}

namespace {

void addWordsOf(std::string_view text, base::StringSet& words) {
  for (const annotate::Word& word : annotate::findWords(text)) {
    const std::string plain = annotate::plainWord(text.substr(word.prose.begin, word.prose.size()));
    words.insert(plain);
    for (const std::string_view part : annotate::hyphenParts(plain)) words.emplace(part);
  }
}

}  // namespace

void addNameWords(const facts::FactBase& facts, base::StringSet& words) {
  for (const facts::Entity& entity : facts.entities()) {
    for (const std::string_view name : entity.allNames()) addWordsOf(name, words);
    for (const std::string& title : entity.titles) addWordsOf(title, words);
  }
}

bool addVocabulary(const std::string& path, const base::Location& where, base::StringSet& words,
                   base::ErrorList& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors.push_back(base::Error::invalidInput("cannot read vocabulary file '" + path + "'", where));
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (const size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    addWordsOf(line, words);
  }
  return true;
}

}  // namespace galley::checks
