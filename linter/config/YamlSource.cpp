#include "config/YamlSource.h"

#include <algorithm>

#include "base/SourceBuffer.h"

namespace galley::config {

YamlSource::YamlSource(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') lineStarts_.push_back(i + 1);
  }
}

std::string_view YamlSource::line(int index) const {
  if (index < 0 || static_cast<size_t>(index) >= lineStarts_.size()) return {};
  const size_t begin = lineStarts_[static_cast<size_t>(index)];
  size_t end = static_cast<size_t>(index) + 1 < lineStarts_.size() ? lineStarts_[static_cast<size_t>(index) + 1] - 1
                                                                    : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

base::Location YamlSource::location(const YAML::Mark& mark) const {
  base::Location where{path_, 0, 0};
  if (mark.is_null() || mark.line < 0) return where;
  where.line = static_cast<uint32_t>(mark.line) + 1;
  std::string_view text = line(mark.line);
  if (mark.line == 0 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM is no column
  const auto bytes = std::min(text.size(), static_cast<size_t>(std::max(mark.column, 0)));
  where.column = base::countCodePoints(text.substr(0, bytes)) + 1;
  return where;
}

Located<std::string> YamlSource::locate(const YAML::Mark& mark, std::string value) const {
  Located<std::string> located{std::move(value), location(mark), false};
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return located;
  std::string_view rest = line(mark.line);
  const auto column = static_cast<size_t>(mark.column);
  if (column > rest.size()) return located;
  rest.remove_prefix(column);
  if (!rest.empty() && (rest.front() == '\'' || rest.front() == '"')) {
    // yaml-cpp marks a quoted scalar at its opening quote; the value starts one column later.
    rest.remove_prefix(1);
    if (rest.starts_with(located.value) && located.value.find_first_of("\\'\"") == std::string::npos) {
      located.where.column += 1;
      located.verbatim = true;
    }
  } else if (rest.starts_with(located.value)) {
    located.verbatim = true;
  }
  return located;
}

}  // namespace galley::config
