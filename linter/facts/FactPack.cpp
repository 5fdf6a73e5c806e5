#include "facts/FactPack.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

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

// What identifies a fact file's content for the shared cache.
std::string fileStamp(const std::string& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  const auto time = std::filesystem::last_write_time(path, error);
  return path + "\n" + std::to_string(size) + "\n" + std::to_string(time.time_since_epoch().count());
}

// The pack's lexicon.yaml (beside its first fact file), or "" when it has none.
std::string lexiconBeside(const std::vector<std::string>& paths) {
  if (paths.empty()) return "";
  std::error_code error;
  const std::filesystem::path lexicon = std::filesystem::path(paths.front()).parent_path() / "lexicon.yaml";
  return std::filesystem::is_regular_file(lexicon, error) ? lexicon.string() : "";
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
  if (const std::string lexicon = lexiconBeside(paths); !lexicon.empty()) key.push_back(fileStamp(lexicon));
  const std::lock_guard<std::mutex> lock(mutex);
  if (auto found = packs[key].lock()) return found;
  auto pack = load(paths, errors);
  if (pack) packs[key] = pack;
  std::erase_if(packs, [](const auto& entry) { return entry.second.expired(); });
  return pack;
}

std::shared_ptr<const FactPack> FactPack::load(const std::vector<std::string>& paths, base::ErrorList& errors) {
  FactLoader loader;
  for (const auto& path : paths) loader.addFile(path);
  auto facts = loader.load();
  config::Lexicon lexicon = config::Lexicon::standard();
  base::ErrorList lexiconErrors;
  if (const std::string extra = lexiconBeside(paths); !extra.empty()) lexicon.addFile(extra, lexiconErrors);
  if (!facts || !loader.errors().empty() || !lexiconErrors.empty()) {
    errors.insert(errors.end(), loader.errors().begin(), loader.errors().end());
    errors.insert(errors.end(), lexiconErrors.begin(), lexiconErrors.end());
    return nullptr;
  }
  return std::make_shared<const FactPack>(std::move(*facts), std::move(lexicon));
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

FactPack::FactPack(FactBase facts, config::Lexicon lexicon)
    : facts_(std::move(facts)), names_(facts_), lexicon_(std::move(lexicon)) {}

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
