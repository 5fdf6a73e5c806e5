// Registry: every check kind Galley knows, with its factory and lifecycle stage.
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "base/Error.h"
#include "checks/Check.h"
#include "config/KindSchema.h"
#include "config/RuleConfig.h"

namespace galley::checks {

// Builds a check from a rule whose header the loader validated. On bad kind-specific options it
// appends located errors (all of them) and returns nullptr.
using CheckFactory = std::unique_ptr<Check> (*)(const config::RuleConfig& rule, base::ErrorList& errors);

// One kind: its id (kebab-case, as rules name it in `kind:`), factory and schema.
struct KindEntry {
  std::string_view id;
  CheckFactory factory = nullptr;
  config::Stability stability = config::Stability::Stable;
  std::span<const std::string_view> options;
  std::span<const std::string_view> placeholders;
};

// Every kind, sorted by id. The table is static and immutable.
std::span<const KindEntry> registeredKinds();
// The kind named `id`, or nullptr.
const KindEntry* findKind(std::string_view id);
// The registry in the shape the config loader validates against.
std::vector<config::KindSchema> kindSchemas();

}  // namespace galley::checks
