// A value read from a YAML file together with where it was written.
#pragma once

#include <cstddef>
#include <string>

#include "base/Error.h"
#include "base/SourceBuffer.h"

namespace galley::config {

// `where` is the value's first character (1-based line and code-point column). `verbatim` is true
// when the value's text appears unchanged in the file from `where` on (a one-line plain or quoted
// scalar without escapes), so positions inside it can be located exactly.
template <typename T>
struct Located {
  T value{};
  base::Location where;
  bool verbatim = false;
};

// The location of byte `offset` inside a located string: exact when verbatim, else its start.
inline base::Location locationInside(const Located<std::string>& located, size_t offset) {
  base::Location where = located.where;
  if (located.verbatim && offset <= located.value.size() && where.column > 0)
    where.column += base::countCodePoints(std::string_view(located.value).substr(0, offset));
  return where;
}

}  // namespace galley::config
