// Fuzz target: a rule file's YAML through the pack loader, the check factories and the rules' own self-tests.
#include <cstddef>
#include <cstdint>
#include <string>

#include "checks/RuleSet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  galley::checks::LoadedRules loaded = galley::checks::RuleSet::loadText("fuzz.yaml", std::move(text), "fuzz");
  for (const galley::base::Error& error : loaded.errors) (void)error.toString();
  // Rules that load run their `tests:` texts: fuzzed rules on fuzzed drafts.
  if (loaded.errors.empty()) (void)loaded.rules.runSelfTests();
  return 0;
}
