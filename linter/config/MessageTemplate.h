// Message templates with named placeholders: "Write '{expected}', not '{found}'".
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/Expected.h"

namespace galley::config {

// A parsed template. `{name}` is a placeholder (name: letters, digits, '_' or '-'); `{{` and `}}`
// stand for literal braces. Immutable after parsing; safe to share between threads.
class MessageTemplate {
 public:
  MessageTemplate() = default;

  // Fails (InvalidInput, no location: the caller knows where the template is) on an unclosed or
  // empty placeholder or a stray '}'.
  static base::Expected<MessageTemplate> parse(std::string_view text);

  // Placeholder names in order of first appearance, without duplicates.
  [[nodiscard]] std::vector<std::string> placeholders() const;
  [[nodiscard]] const std::string& source() const { return source_; }

  // Substitutes each placeholder by its value in `values`; a placeholder with no value is left as
  // written ("{name}"), which validation at load rules out for shipped kinds.
  [[nodiscard]] std::string render(std::span<const std::pair<std::string_view, std::string_view>> values) const;

 private:
  struct Piece {
    std::string text;
    bool placeholder = false;
  };
  std::string source_;
  std::vector<Piece> pieces_;
};

}  // namespace galley::config
