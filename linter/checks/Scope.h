// Scope: which blocks of a document a rule looks at, and whether matches must stay inside a sentence.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/Error.h"
#include "config/Located.h"
#include "document/Document.h"

namespace galley::checks {

// Parsed from a rule's `scope:` (heading, paragraph, sentence, title, list, quote, table,
// front-matter). Naming no block kind means every block; "sentence" adds the sentence restriction.
// A block inside a block quote is in the "quote" scope whatever its own kind. Immutable.
class Scope {
 public:
  Scope() = default;  // every block, no sentence restriction

  // Appends a located error for each unknown name (with a suggestion) and returns nullopt then.
  static std::optional<Scope> parse(const std::vector<config::Located<std::string>>& names, base::ErrorList& errors);

  [[nodiscard]] bool includes(const document::Block& block) const;
  [[nodiscard]] bool sentences() const { return sentences_; }

 private:
  static constexpr uint32_t kAllKinds = ~uint32_t{0};
  static uint32_t bit(document::BlockKind kind) { return uint32_t{1} << static_cast<uint32_t>(kind); }

  uint32_t kinds_ = kAllKinds;
  bool sentences_ = false;
};

}  // namespace galley::checks
