#include "config/MessageTemplate.h"

#include <algorithm>
#include <cctype>

namespace galley::config {

namespace {
bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-'; }
}  // namespace

base::Expected<MessageTemplate> MessageTemplate::parse(std::string_view text) {
  MessageTemplate result;
  result.source_ = std::string(text);
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) result.pieces_.push_back({std::move(literal), false});
    literal.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      literal += '{';
      ++i;
    } else if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      literal += '}';
      ++i;
    } else if (c == '{') {
      const size_t close = text.find('}', i + 1);
      if (close == std::string_view::npos)
        return base::Unexpected(base::Error::invalidInput("unclosed '{' in message template"));
      const std::string_view name = text.substr(i + 1, close - i - 1);
      if (name.empty() || !std::all_of(name.begin(), name.end(), isNameChar)) {
        return base::Unexpected(base::Error::invalidInput("invalid placeholder '{" + std::string(name) +
                                                          "}' in message template (write '{{' for a brace)"));
      }
      flush();
      result.pieces_.push_back({std::string(name), true});
      i = close;
    } else if (c == '}') {
      return base::Unexpected(base::Error::invalidInput("stray '}' in message template (write '}}' for a brace)"));
    } else {
      literal += c;
    }
  }
  flush();
  return result;
}

std::vector<std::string> MessageTemplate::placeholders() const {
  std::vector<std::string> names;
  for (const Piece& piece : pieces_) {
    if (piece.placeholder && std::find(names.begin(), names.end(), piece.text) == names.end())
      names.push_back(piece.text);
  }
  return names;
}

std::string MessageTemplate::render(std::span<const std::pair<std::string_view, std::string_view>> values) const {
  std::string out;
  for (const Piece& piece : pieces_) {
    if (!piece.placeholder) {
      out += piece.text;
      continue;
    }
    const auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == piece.text; });
    if (it != values.end()) {
      out += it->second;
    } else {
      out += '{';
      out += piece.text;
      out += '}';
    }
  }
  return out;
}

}  // namespace galley::config
