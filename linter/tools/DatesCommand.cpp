// `galley dates`: prints what the date engine finds in a text (a debugging aid and the measurement hook).
#include "tools/DatesCommand.h"

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/Calendar.h"
#include "dates/DateRecognizer.h"

namespace galley::tools {

namespace {

constexpr int kUsageError = 2;

constexpr std::string_view kHelp =
    "usage: galley dates [--ref YYYY-MM-DD] [--format text|json] [--month-first] TEXT...\n"
    "       galley dates --batch [--month-first] < LINES\n"
    "\n"
    "Shows the date expressions Galley finds in TEXT and their normalized values.\n"
    "\n"
    "  --ref DATE      reference date for 'today', 'last month', 'the day before' (ISO day)\n"
    "  --format FMT    text (default) or json: {\"dates\": [{\"text\", \"start_offset\", \"end_offset\",\n"
    "                  \"kind\", \"start\", \"end\", \"precision\"}]}; start and end are the first and\n"
    "                  last day (inclusive ISO days), precision says what was written (day|month|year)\n"
    "  --month-first   read ambiguous numeric dates (03/04/2017) month first (default: day first)\n"
    "  --batch         read 'reference_date<TAB>text' lines on stdin, write one JSON object per line;\n"
    "                  an empty reference leaves relative dates unresolved; a malformed one\n"
    "                  gives {\"dates\": []} for that line\n"
    "  -h, --help      show this help\n";

nlohmann::json toJson(std::string_view text, const dates::DateExpression& e) {
  nlohmann::json item;
  item["text"] = std::string(text.substr(e.range.begin, e.range.size()));
  item["start_offset"] = e.range.begin;
  item["end_offset"] = e.range.end;
  item["kind"] = std::string(dates::kindName(e.kind));
  if (e.value) {
    // Whole days, as Duckling (value + grain) and chrono (a Date) print theirs: "June 2011" is
    // 2011-06-01..2011-06-30 with precision month.
    item["start"] = base::DateInterval{e.value->first, e.value->first, base::Precision::Day}.isoFirst();
    item["end"] = base::DateInterval{e.value->last, e.value->last, base::Precision::Day}.isoFirst();
    item["precision"] = std::string(base::precisionName(e.value->precision));
  } else {
    item["start"] = nullptr;
    item["end"] = nullptr;
    item["precision"] = nullptr;
  }
  if (e.basis != dates::Basis::None) item["resolved_against"] = std::string(dates::basisName(e.basis));
  if (e.problem != dates::Problem::None) item["problem"] = std::string(dates::problemName(e.problem));
  if (e.weekday) {
    item["weekday"] = std::string(base::weekdayName(*e.weekday));
    if (e.weekdayMismatch()) item["weekday_mismatch"] = true;
  }
  return item;
}

nlohmann::json datesJson(std::string_view text, const std::vector<dates::DateExpression>& found) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : found) list.push_back(toJson(text, e));
  return nlohmann::json{{"dates", std::move(list)}};
}

std::optional<base::CivilDate> parseReference(std::string_view text) {
  const auto interval = base::parseIsoInterval(text);
  if (!interval || interval->precision != base::Precision::Day) return std::nullopt;
  return base::civilFromDays(interval->first);
}

void printText(std::string_view text, const std::vector<dates::DateExpression>& found) {
  for (const auto& e : found) {
    std::string line = "\"" + std::string(text.substr(e.range.begin, e.range.size())) + "\" [" +
                       std::to_string(e.range.begin) + "," + std::to_string(e.range.end) + ") " +
                       std::string(dates::kindName(e.kind)) + " ";
    if (e.value) {
      line += e.value->isoFirst();
      if (e.value->first != e.value->last || e.value->isoFirst() != e.value->isoLast()) line += ".." + e.value->isoLast();
      line += " (" + std::string(base::precisionName(e.value->precision)) + ")";
    } else {
      line += "unresolved (" + std::string(dates::problemName(e.problem)) + ")";
    }
    if (e.basis != dates::Basis::None) line += " against " + std::string(dates::basisName(e.basis));
    if (e.weekdayMismatch())
      line += "; written weekday " + std::string(base::weekdayName(*e.weekday)) + " but the date is a " +
              std::string(base::weekdayName(base::weekday(*e.written)));
    std::cout << line << '\n';
  }
  if (found.empty()) std::cout << "no dates found\n";
}

int runBatch(const dates::DateRecognizer& recognizer) {
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto tab = line.find('\t');
    std::optional<base::CivilDate> reference;
    std::string_view text = line;
    if (tab != std::string::npos) {
      const std::string_view field = std::string_view(line).substr(0, tab);
      text = std::string_view(line).substr(tab + 1);
      if (!field.empty()) {
        reference = parseReference(field);
        if (!reference) {  // a malformed reference date: nothing is trusted on this line
          std::cout << R"({"dates":[]})" << '\n';
          continue;
        }
      }
    }
    std::cout << datesJson(text, recognizer.recognize(text, reference)).dump() << '\n';
  }
  std::cout.flush();
  return 0;
}

int usage(const std::string& message) {
  std::cerr << "galley dates: " << message << "\n(see galley dates --help)\n";
  return kUsageError;
}

}  // namespace

// NOLINTNEXTLINE(readability-function-cognitive-complexity): a flat option loop; FIXME(split) once the shared ArgParser settles.
int runDatesCommand(const std::vector<std::string>& args) {
  std::optional<base::CivilDate> reference;
  bool json = false;
  bool batch = false;
  dates::DateRecognizerOptions options;
  std::string text;
  bool haveText = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kHelp;
      return 0;
    }
    if (arg == "--batch") {
      batch = true;
    } else if (arg == "--month-first") {
      options.monthFirst = true;
    } else if (arg == "--ref" || arg.rfind("--ref=", 0) == 0) {
      std::string value;
      if (arg == "--ref") {
        if (i + 1 >= args.size()) return usage("--ref needs a date (YYYY-MM-DD)");
        value = args[++i];
      } else {
        value = arg.substr(std::string_view("--ref=").size());
      }
      reference = parseReference(value);
      if (!reference) return usage("--ref: '" + value + "' is not a valid date (YYYY-MM-DD)");
    } else if (arg == "--format" || arg.rfind("--format=", 0) == 0) {
      std::string value;
      if (arg == "--format") {
        if (i + 1 >= args.size()) return usage("--format needs text or json");
        value = args[++i];
      } else {
        value = arg.substr(std::string_view("--format=").size());
      }
      if (value == "json") json = true;
      else if (value == "text") json = false;
      else return usage("--format: '" + value + "' is not one of text, json");
    } else if (arg == "--") {
      for (++i; i < args.size(); ++i) {
        if (haveText) text += ' ';
        text += args[i];
        haveText = true;
      }
    } else if (arg.size() > 1 && arg[0] == '-' && arg[1] == '-') {
      return usage("unknown option '" + arg + "'");
    } else {
      if (haveText) text += ' ';
      text += arg;
      haveText = true;
    }
  }
  const dates::DateRecognizer recognizer(options);
  if (batch) {
    if (haveText) return usage("--batch reads stdin; give no TEXT");
    return runBatch(recognizer);
  }
  if (!haveText) return usage("no TEXT given");
  const auto found = recognizer.recognize(text, reference);
  if (json) std::cout << datesJson(text, found).dump(2) << '\n';
  else printText(text, found);
  return 0;
}

}  // namespace galley::tools
