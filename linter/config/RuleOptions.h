// RuleOptions: typed, located access to a rule's kind-specific YAML keys.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/Error.h"
#include "config/Located.h"

namespace YAML {  // NOLINT(readability-identifier-naming): yaml-cpp's namespace
class Node;
}  // namespace YAML

namespace galley::config {

class YamlSource;

// A view of one rule's YAML map for check factories (after clang-tidy's OptionsView). Every getter
// returns nullopt (or the fallback) when the key is absent; when the value has the wrong shape it
// also appends a located InvalidInput error to `errors`. Getters never throw.
// Immutable; cheap to copy (shares the parsed YAML); safe to read from several threads.
class RuleOptions {
 public:
  RuleOptions() = default;  // no keys at all
  RuleOptions(const YAML::Node& ruleMap, std::shared_ptr<const YamlSource> source, base::Location ruleWhere);

  // These options (a config file's `options:` for one rule) laid over `base` (the rule's keys in its
  // pack): a key written here wins, every other key reads through to `base`.
  [[nodiscard]] RuleOptions over(const RuleOptions& base) const;
  // The keys written in this map itself (not those read through to a base), located.
  [[nodiscard]] std::vector<Located<std::string>> ownKeys() const;

  [[nodiscard]] bool has(std::string_view key) const;
  // Where the key's value is written; the rule's own location when the key is absent.
  [[nodiscard]] base::Location location(std::string_view key) const;

  // `true`/`false` (also yes/no, on/off as YAML 1.1 allows).
  bool getBool(std::string_view key, bool fallback, base::ErrorList& errors) const;
  // A non-negative integer.
  unsigned getUnsigned(std::string_view key, unsigned fallback, base::ErrorList& errors) const;
  // A scalar.
  std::optional<Located<std::string>> getString(std::string_view key, base::ErrorList& errors) const;
  // A scalar or a list of scalars (a scalar is a list of one).
  std::optional<std::vector<Located<std::string>>> getStringList(std::string_view key, base::ErrorList& errors) const;
  // A map of scalar -> scalar, in the order written.
  std::optional<std::vector<std::pair<Located<std::string>, Located<std::string>>>> getStringMap(
      std::string_view key, base::ErrorList& errors) const;
  // A list whose items are lists of scalars (or single scalars, a group of one).
  std::optional<std::vector<std::vector<Located<std::string>>>> getStringGroups(std::string_view key,
                                                                               base::ErrorList& errors) const;

 private:
  // The value of `key` and the file it is written in; an undefined node when no level has it.
  [[nodiscard]] std::pair<YAML::Node, const YamlSource*> lookup(std::string_view key) const;

  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace galley::config
