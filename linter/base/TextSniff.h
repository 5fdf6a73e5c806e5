// TextSniff: refuses bytes that are not a UTF-8 draft (UTF-16/UTF-32 text, binary files) up front.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/Error.h"

namespace galley::base {

// How many leading bytes are searched for a NUL byte when deciding that a file is binary.
inline constexpr size_t kBinarySniffBytes = 8192;

// Returns an InvalidInput error located in `path` when `bytes` cannot be a UTF-8 draft, else nullopt:
//   - a UTF-32 or UTF-16 byte order mark (line 1, column 1): Galley reads UTF-8 only and says how to
//     convert. It does not convert itself: every offset, fix and caret is in the file's own bytes,
//     and a converted buffer could not be written back by `--fix` without changing the encoding;
//   - a NUL byte in the first kBinarySniffBytes bytes (its line and column): a binary file.
// `noun` names the input in the message ("file", "input").
std::optional<Error> sniffNonUtf8Draft(std::string_view bytes, const std::string& path, std::string_view noun);

}  // namespace galley::base
