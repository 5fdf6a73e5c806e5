#include "facts/FactPack.h"

#include <algorithm>
#include <filesystem>

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

}  // namespace

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
