#include "config/RuleOptions.h"

#include <yaml-cpp/yaml.h>

#include "config/YamlNodes.h"
#include "config/YamlSource.h"

namespace galley::config {

struct RuleOptions::Impl {
  YAML::Node map;
  std::shared_ptr<const YamlSource> source;
  base::Location ruleWhere;
  std::shared_ptr<const Impl> under;  // the options this map overrides (a pack's rule), or null
};

namespace {

// `label` names what is wrong: "'swap'", "an item of 'tokens'".
base::Error wrongShape(const YamlSource& source, const YAML::Node& node, const std::string& label,
                       std::string_view expected) {
  return base::Error::invalidInput(label + " must be " + std::string(expected) + ", not " + std::string(describeNode(node)),
                                   source.location(node.Mark()));
}

std::string quoted(std::string_view key) { return "'" + std::string(key) + "'"; }
std::string itemOf(std::string_view key) { return "an item of '" + std::string(key) + "'"; }

}  // namespace

RuleOptions::RuleOptions(const YAML::Node& ruleMap, std::shared_ptr<const YamlSource> source, base::Location ruleWhere)
    : impl_(std::make_shared<const Impl>(Impl{ruleMap, std::move(source), std::move(ruleWhere), nullptr})) {}

RuleOptions RuleOptions::over(const RuleOptions& base) const {
  if (!impl_) return base;
  RuleOptions options;
  options.impl_ = std::make_shared<const Impl>(Impl{impl_->map, impl_->source, impl_->ruleWhere, base.impl_});
  return options;
}

std::vector<Located<std::string>> RuleOptions::ownKeys() const {
  std::vector<Located<std::string>> keys;
  if (!impl_ || !impl_->map.IsMap()) return keys;
  for (auto it = impl_->map.begin(); it != impl_->map.end(); ++it)
    keys.push_back(impl_->source->locate(it->first.Mark(), it->first.IsScalar() ? it->first.Scalar() : std::string()));
  return keys;
}

std::pair<YAML::Node, const YamlSource*> RuleOptions::lookup(std::string_view key) const {
  for (const Impl* level = impl_.get(); level != nullptr; level = level->under.get()) {
    YAML::Node node = findKey(level->map, key);
    if (node.IsDefined()) return {node, level->source.get()};
  }
  return {YAML::Node(YAML::NodeType::Undefined), nullptr};
}

bool RuleOptions::has(std::string_view key) const {
  return impl_ && lookup(key).first.IsDefined();
}

base::Location RuleOptions::location(std::string_view key) const {
  if (!impl_) return {};
  const auto [node, source] = lookup(key);
  return node.IsDefined() ? source->location(node.Mark()) : impl_->ruleWhere;
}

bool RuleOptions::getBool(std::string_view key, bool fallback, base::ErrorList& errors) const {
  if (!impl_) return fallback;
  const auto [node, source] = lookup(key);
  if (!node.IsDefined()) return fallback;
  bool value = fallback;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
    errors.push_back(wrongShape(*source, node, quoted(key), "true or false"));
    return fallback;
  }
  return value;
}

unsigned RuleOptions::getUnsigned(std::string_view key, unsigned fallback, base::ErrorList& errors) const {
  if (!impl_) return fallback;
  const auto [node, source] = lookup(key);
  if (!node.IsDefined()) return fallback;
  unsigned value = fallback;
  if (!node.IsScalar() || !YAML::convert<unsigned>::decode(node, value)) {
    errors.push_back(wrongShape(*source, node, quoted(key), "a whole number"));
    return fallback;
  }
  return value;
}

std::optional<Located<std::string>> RuleOptions::getString(std::string_view key, base::ErrorList& errors) const {
  if (!impl_) return std::nullopt;
  const auto [node, source] = lookup(key);
  if (!node.IsDefined()) return std::nullopt;
  if (!node.IsScalar()) {
    errors.push_back(wrongShape(*source, node, quoted(key), "a string"));
    return std::nullopt;
  }
  return source->locate(node.Mark(), node.Scalar());
}

std::optional<std::vector<Located<std::string>>> RuleOptions::getStringList(std::string_view key,
                                                                           base::ErrorList& errors) const {
  if (!impl_) return std::nullopt;
  const auto [node, source] = lookup(key);
  if (!node.IsDefined()) return std::nullopt;
  std::vector<Located<std::string>> out;
  if (node.IsScalar()) {
    out.push_back(source->locate(node.Mark(), node.Scalar()));
    return out;
  }
  if (!node.IsSequence()) {
    errors.push_back(wrongShape(*source, node, quoted(key), "a string or a list of strings"));
    return std::nullopt;
  }
  bool ok = true;
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) {
      errors.push_back(wrongShape(*source, item, itemOf(key), "a string"));
      ok = false;
      continue;
    }
    out.push_back(source->locate(item.Mark(), item.Scalar()));
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::vector<std::pair<Located<std::string>, Located<std::string>>>> RuleOptions::getStringMap(
    std::string_view key, base::ErrorList& errors) const {
  if (!impl_) return std::nullopt;
  const auto [node, source] = lookup(key);
  if (!node.IsDefined()) return std::nullopt;
  if (!node.IsMap()) {
    errors.push_back(wrongShape(*source, node, quoted(key), "a map of text to text"));
    return std::nullopt;
  }
  std::vector<std::pair<Located<std::string>, Located<std::string>>> out;
  bool ok = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) {
      errors.push_back(wrongShape(*source, it->first, "a key of " + quoted(key), "a string"));
      ok = false;
      continue;
    }
    if (!it->second.IsScalar()) {
      errors.push_back(
          wrongShape(*source, it->second, "the value of " + quoted(it->first.Scalar()) + " in " + quoted(key), "a string"));
      ok = false;
      continue;
    }
    out.emplace_back(source->locate(it->first.Mark(), it->first.Scalar()),
                     source->locate(it->second.Mark(), it->second.Scalar()));
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::vector<std::vector<Located<std::string>>>> RuleOptions::getStringGroups(
    std::string_view key, base::ErrorList& errors) const {
  if (!impl_) return std::nullopt;
  const auto [node, source] = lookup(key);
  if (!node.IsDefined()) return std::nullopt;
  if (!node.IsSequence()) {
    errors.push_back(wrongShape(*source, node, quoted(key), "a list of lists of strings"));
    return std::nullopt;
  }
  std::vector<std::vector<Located<std::string>>> out;
  bool ok = true;
  for (const YAML::Node& group : node) {
    std::vector<Located<std::string>> forms;
    if (group.IsScalar()) {
      forms.push_back(source->locate(group.Mark(), group.Scalar()));
    } else if (group.IsSequence()) {
      for (const YAML::Node& item : group) {
        if (!item.IsScalar()) {
          errors.push_back(wrongShape(*source, item, itemOf(key), "a string"));
          ok = false;
          continue;
        }
        forms.push_back(source->locate(item.Mark(), item.Scalar()));
      }
    } else {
      errors.push_back(wrongShape(*source, group, itemOf(key), "a list of strings"));
      ok = false;
      continue;
    }
    out.push_back(std::move(forms));
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace galley::config
