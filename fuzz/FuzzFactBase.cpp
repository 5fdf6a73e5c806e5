// Fuzz target: a fact file's YAML through the fact loader (parse, validation, cross references).
#include <cstddef>
#include <cstdint>
#include <string>

#include "facts/FactLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  galley::facts::FactLoader loader;
  loader.addText("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));  // NOLINT
  (void)loader.load();
  for (const galley::base::Error& error : loader.errors()) (void)error.toString();
  return 0;
}
