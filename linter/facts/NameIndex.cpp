#include "facts/NameIndex.h"

namespace galley::facts {

NameIndex::NameIndex(const FactBase& facts) {
  auto addTarget = [this](std::string_view text, NameTarget target) {
    const NameMatcher::PatternId id = matcher_.add(text);
    if (id == NameMatcher::kNoPattern) return;
    if (targets_.size() <= id) targets_.resize(id + 1);
    targets_[id].push_back(target);
  };
  for (EntityIndex i = 0; i < facts.entities().size(); ++i) {
    const Entity& entity = facts.entity(i);
    for (const auto name : entity.allNames()) addTarget(name, {false, i, 0});
    for (uint32_t form = 0; form < entity.titles.size(); ++form) addTarget(entity.titles[form], {true, i, form});
  }
  matcher_.build();
}

}  // namespace galley::facts
