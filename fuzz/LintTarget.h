// Shared body of the draft fuzz targets: one buffer through the whole engine with the bundled rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "checks/RuleSet.h"
#include "engine/Engine.h"
#include "engine/RuleLoading.h"

namespace galley::fuzz {

// The bundled packs, loaded once per process (every input then reuses them, as the LSP server does).
inline const checks::RuleSet& bundledRules() {
  static const auto* const rules = [] {
    std::ostringstream err;
    auto loaded = engine::loadRules(engine::RuleSelection{}, err);
    if (!loaded) {
      std::cerr << "fuzz: the bundled rules do not load:\n" << err.str();
      std::abort();
    }
    return loaded.release();  // lives as long as the process
  }();
  return *rules;
}

// One engine over the bundled packs, single-threaded.
inline const engine::Engine& bundledEngine() {
  static const engine::Engine engine(engine::hooksFor(bundledRules()), engine::EngineOptions{.maxFileSize = engine::kDefaultMaxFileSize, .jobs = 1});
  return engine;
}

// Lints `data` as the file `path` (its extension picks the parser) and reads back every position a
// reporter would print, so the offset <-> line/column tables are exercised on every diagnostic.
inline int lintOne(const uint8_t* data, size_t size, const char* path) {
  std::string bytes(reinterpret_cast<const char*>(data), size);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  engine::FileResult result = bundledEngine().lint(base::SourceBuffer(path, std::move(bytes)));
  if (result.source) {
    for (const diag::Diagnostic& diagnostic : result.diagnostics) {
      if (diagnostic.range.begin > diagnostic.range.end || diagnostic.range.end > result.source->size()) std::abort();
      (void)result.source->lineColumn(diagnostic.range.begin);
      (void)result.source->utf16Column(diagnostic.range.end);
      (void)result.source->slice(diagnostic.range);
    }
  }
  return 0;
}

}  // namespace galley::fuzz
