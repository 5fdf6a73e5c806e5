// Fuzz target: the date recognizer on raw text, without and with a reference date.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dates/DateRecognizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);  // NOLINT
  static const galley::dates::DateRecognizer recognizer;
  constexpr galley::base::CivilDate kReference{2024, 6, 15};
  for (const auto& reference : {std::optional<galley::base::CivilDate>(), std::optional(kReference)}) {
    galley::base::Offset last = 0;
    for (const auto& found : recognizer.recognize(text, reference)) {
      // Documented contract: in text order, inside the text, never overlapping.
      if (found.range.begin < last || found.range.end < found.range.begin || found.range.end > text.size()) std::abort();
      last = found.range.end;
    }
  }
  return 0;
}
