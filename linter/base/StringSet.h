// Hash containers of strings that can be asked with a string_view, without building a
// std::string per look-up: the spelling checks ask about every word of a draft.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace galley::base {

struct StringHash {
  using is_transparent = void;  // NOLINT(readability-identifier-naming): the name the standard asks for
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace galley::base
