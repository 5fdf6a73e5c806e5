// YamlSource: a rule file's text, for turning yaml-cpp marks into user-facing locations.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/mark.h>

#include "base/Error.h"
#include "config/Located.h"

namespace galley::config {

// yaml-cpp marks are 0-based and count columns in bytes; Galley prints 1-based code points.
// Immutable after construction; safe to share between threads.
class YamlSource {
 public:
  YamlSource(std::string path, std::string text);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const std::string& text() const { return text_; }

  // The 1-based location of `mark`; a null mark gives the path alone (line 0).
  [[nodiscard]] base::Location location(const YAML::Mark& mark) const;
  // `value` located at `mark`, with `verbatim` set when the file holds it unchanged there.
  [[nodiscard]] Located<std::string> locate(const YAML::Mark& mark, std::string value) const;

 private:
  [[nodiscard]] std::string_view line(int index) const;

  std::string path_;
  std::string text_;
  std::vector<size_t> lineStarts_;
};

}  // namespace galley::config
