#include "facts/FactPack.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "facts/FactLoader.h"

namespace galley::facts {

namespace {

int rank(base::Precision precision) {
  switch (precision) {
    case base::Precision::Day: return 0;
    case base::Precision::Month: return 1;
    case base::Precision::Year: return 2;
  }
  return 2;
}

// FNV-1a over what mention finding reads (each block's prose and where it starts in the source):
// tells two documents at one address apart, and one text parsed two ways (Markdown, plain text).
uint64_t fingerprint(const document::Document& document) {
  constexpr uint64_t kOffsetBasis = 14695981039346656037ULL;
  constexpr uint64_t kPrime = 1099511628211ULL;
  uint64_t hash = kOffsetBasis;
  const auto mix = [&hash](uint64_t value) {
    hash ^= value;
    hash *= kPrime;
  };
  mix(document.blocks.size());
  for (const auto& block : document.blocks) {
    mix(block.source.begin);
    mix(block.prose.text().size());
    for (const char c : block.prose.text()) mix(static_cast<unsigned char>(c));
  }
  return hash;
}

// What identifies a fact file's content for the shared cache.
std::string fileStamp(const std::string& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  const auto time = std::filesystem::last_write_time(path, error);
  return path + "\n" + std::to_string(size) + "\n" + std::to_string(time.time_since_epoch().count());
}

}  // namespace

std::shared_ptr<const FactPack> FactPack::loadShared(const std::vector<std::string>& paths, base::ErrorList& errors) {
  // Process-wide on purpose: rules are built independently (one factory call each) and the LSP
  // server rebuilds them on config changes; weak entries never keep a pack alive on their own.
  static std::mutex mutex;
  static std::map<std::vector<std::string>, std::weak_ptr<const FactPack>> packs;
  std::vector<std::string> key;
  key.reserve(paths.size());
  for (const auto& path : paths) key.push_back(fileStamp(path));
  const std::lock_guard<std::mutex> lock(mutex);
  if (auto found = packs[key].lock()) return found;
  auto pack = load(paths, errors);
  if (pack) packs[key] = pack;
  std::erase_if(packs, [](const auto& entry) { return entry.second.expired(); });
  return pack;
}

std::shared_ptr<const MentionSet> FactPack::mentionsIn(const document::Document& document) const {
  const uint64_t print = fingerprint(document);
  {
    const std::lock_guard<std::mutex> lock(cacheMutex_);
    for (auto it = cache_.begin(); it != cache_.end(); ++it) {
      if (it->document != &document || it->fingerprint != print) continue;
      CachedMentions hit = *it;
      cache_.erase(it);
      cache_.push_back(hit);
      return hit.mentions;
    }
  }
  // Found outside the lock: two threads on two documents must not wait for each other.
  auto mentions = std::make_shared<const MentionSet>(finder_.find(document));
  const std::lock_guard<std::mutex> lock(cacheMutex_);
  if (cache_.size() >= kCachedDocuments) cache_.erase(cache_.begin());
  cache_.push_back({&document, print, mentions});
  return mentions;
}

std::shared_ptr<const FactPack> FactPack::load(const std::vector<std::string>& paths, base::ErrorList& errors) {
  FactLoader loader;
  for (const auto& path : paths) loader.addFile(path);
  auto facts = loader.load();
  if (!facts || !loader.errors().empty()) {
    errors.insert(errors.end(), loader.errors().begin(), loader.errors().end());
    return nullptr;
  }
  return std::make_shared<const FactPack>(std::move(*facts));
}

std::vector<std::string> FactPack::filesIn(const std::string& directory) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    const std::string name = entry.path().filename().string();
    const std::string extension = entry.path().extension().string();
    if (entry.is_regular_file(error) && name.starts_with("facts") && (extension == ".yaml" || extension == ".yml"))
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

FactPack::FactPack(FactBase facts) : facts_(std::move(facts)), finder_(facts_), extractor_(facts_, dates_) {}

std::string describeDate(const base::DateInterval& date) {
  const base::CivilDate first = base::civilFromDays(date.first);
  const base::CivilDate last = base::civilFromDays(date.last);
  switch (date.precision) {
    case base::Precision::Year: return std::to_string(first.year);
    case base::Precision::Month: return std::string(base::monthName(first.month)) + " " + std::to_string(first.year);
    case base::Precision::Day: break;
  }
  if (date.first == date.last) return base::formatDayMonthYear(first);
  if (first.year == last.year && first.month == last.month)
    return std::to_string(first.day) + "\xE2\x80\x93" + base::formatDayMonthYear(last);
  return base::formatDayMonthYear(first) + " \xE2\x80\x93 " + base::formatDayMonthYear(last);
}

std::string describeDateAt(const base::DateInterval& fact, base::Precision precision) {
  if (rank(precision) <= rank(fact.precision)) return describeDate(fact);
  const base::CivilDate first = base::civilFromDays(fact.first);
  if (precision == base::Precision::Month) return describeDate(base::DateInterval::month(first.year, first.month));
  return describeDate(base::DateInterval::year(first.year));
}

}  // namespace galley::facts
