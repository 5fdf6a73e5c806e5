// The table of check kinds: one sorted line per kind. Adding a kind = its class + one line here.
#include "checks/Registry.h"

#include <algorithm>
#include <array>

#include "checks/AcronymCheck.h"
#include "checks/ChronologyAnaphoraCheck.h"
#include "checks/ChronologyOrderCheck.h"
#include "checks/ChronologyTenseCheck.h"
#include "checks/ConsistencyCheck.h"
#include "checks/DateFormatCheck.h"
#include "checks/DateValidityCheck.h"
#include "checks/ExistenceCheck.h"
#include "checks/FactCheck.h"
#include "checks/NameCheck.h"
#include "checks/NameSpellingCheck.h"
#include "checks/RepetitionCheck.h"
#include "checks/SpellingCheck.h"
#include "checks/SubstitutionCheck.h"
#include "checks/TitleCheck.h"
#include "checks/TitleFormCheck.h"

namespace galley::checks {

namespace {

using config::Stability;

// A kind's row, with options and placeholders taken from the class (kOptions, kPlaceholders).
template <typename Kind>
constexpr KindEntry kind(std::string_view id, Stability stability) {
  return {id, &Kind::create, stability, Kind::kOptions, Kind::kPlaceholders};
}

const std::array kKinds = {
    kind<AcronymCheck>("acronym", Stability::Stable),
    kind<ChronologyAnaphoraCheck>("chronology-anaphora", Stability::Stable),
    kind<ChronologyOrderCheck>("chronology-order", Stability::Stable),
    kind<ChronologyTenseCheck>("chronology-tense", Stability::Stable),
    kind<ConsistencyCheck>("consistency", Stability::Stable),
    kind<DateFormatCheck>("date-format", Stability::Stable),
    kind<DateValidityCheck>("date-validity", Stability::Stable),
    kind<ExistenceCheck>("existence", Stability::Stable),
    kind<FactCheck>("fact", Stability::Stable),
    kind<NameCheck>("name", Stability::Stable),
    kind<NameSpellingCheck>("name-spelling", Stability::Stable),
    kind<RepetitionCheck>("repetition", Stability::Stable),
    kind<SpellingCheck>("spelling", Stability::Stable),
    kind<SubstitutionCheck>("substitution", Stability::Stable),
    kind<TitleCheck>("title", Stability::Stable),
    kind<TitleFormCheck>("title-form", Stability::Stable),
};

}  // namespace

std::span<const KindEntry> registeredKinds() { return kKinds; }

const KindEntry* findKind(std::string_view id) {
  const auto* const it = std::find_if(kKinds.begin(), kKinds.end(), [&](const KindEntry& k) { return k.id == id; });
  return it == kKinds.end() ? nullptr : &*it;
}

std::vector<config::KindSchema> kindSchemas() {
  std::vector<config::KindSchema> schemas;
  schemas.reserve(kKinds.size());
  for (const KindEntry& k : kKinds) schemas.push_back({k.id, k.stability, k.options, k.placeholders});
  return schemas;
}

}  // namespace galley::checks
