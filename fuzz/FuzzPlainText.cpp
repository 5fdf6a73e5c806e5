// Fuzz target: a plain-text draft through parse, annotations, every bundled rule, suppressions.
#include "LintTarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return galley::fuzz::lintOne(data, size, "fuzz.txt");
}
