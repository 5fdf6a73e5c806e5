// Fuzz target: a Markdown draft (front matter included) through parse, annotations, every bundled rule, suppressions.
#include "LintTarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return galley::fuzz::lintOne(data, size, "fuzz.md");
}
