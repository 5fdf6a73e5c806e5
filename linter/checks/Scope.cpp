#include "checks/Scope.h"

#include <array>
#include <string_view>

#include "config/NearestName.h"

namespace galley::checks {

namespace {
constexpr std::array<std::string_view, 8> kScopeNames = {"heading", "paragraph", "sentence", "title",
                                                         "list",    "quote",     "table",    "front-matter"};
}  // namespace

std::optional<Scope> Scope::parse(const std::vector<config::Located<std::string>>& names, base::ErrorList& errors) {
  Scope scope;
  bool ok = true;
  uint32_t kinds = 0;
  for (const auto& name : names) {
    if (name.value == "sentence") {
      scope.sentences_ = true;
    } else if (const auto kind = document::parseScope(name.value)) {
      kinds |= bit(*kind);
    } else {
      std::string message = "unknown scope '" + name.value + "'";
      if (const auto suggestion = config::nearestName(name.value, kScopeNames))
        message += " (did you mean '" + *suggestion + "'?)";
      message += "; valid scopes: " + config::joinChoices(kScopeNames, ", ");
      errors.push_back(base::Error::invalidInput(message, name.where));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  if (kinds != 0) scope.kinds_ = kinds;
  return scope;
}

bool Scope::includes(const document::Block& block) const {
  if ((kinds_ & bit(block.kind)) != 0) return true;
  return block.inQuote && (kinds_ & bit(document::BlockKind::Quote)) != 0;
}

}  // namespace galley::checks
