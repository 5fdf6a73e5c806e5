#include "config/ProjectConfig.h"

#include <array>
#include <filesystem>
#include <memory>
#include <set>
#include <utility>

#include <yaml-cpp/yaml.h>

#include "base/FileText.h"
#include "config/NearestName.h"
#include "config/YamlNodes.h"
#include "config/YamlSource.h"

namespace galley::config {

namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 8> kTopKeys = {"extends", "packs",        "rules",          "overrides",
                                                      "ignore",  "organisation", "reference-date", "date-order"};
constexpr std::array<std::string_view, 2> kOverrideKeys = {"files", "rules"};
constexpr std::array<std::string_view, 4> kLevelNames = {"off", "info", "warning", "error"};
constexpr std::array<std::string_view, 2> kDateOrders = {"day-first", "month-first"};
constexpr std::array<std::string_view, 2> kReferenceModes = {"front-matter", "dateline"};
constexpr std::array<std::string_view, 2> kRuleMapKeys = {"severity", "options"};
// An extends chain deeper than this is surely a mistake (cycles are caught separately).
constexpr size_t kMaxExtendsDepth = 32;
constexpr size_t kIsoDateLength = 10;
constexpr unsigned kDecimal = 10;

std::string withSuggestion(std::string message, std::string_view word, std::span<const std::string_view> valid) {
  if (const auto near = nearestName(word, valid)) message += " (did you mean '" + *near + "'?)";
  return message;
}

std::string normalise(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = path;
  std::string out = absolute.lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

// Reads one file into `config`, recursing into `extends:` first. `chain` holds the files being read.
class Reader {
 public:
  explicit Reader(ProjectConfig& config, base::ErrorList& errors) : config_(config), errors_(errors) {}

  void readFile(const std::string& path, const std::optional<base::Location>& namedAt) {
    base::Expected<std::string> text = base::readFileText(path);
    if (!text) {
      const std::string why = " (" + text.error().message() + ")";
      errors_.push_back(base::Error::environment(namedAt ? "extended config file not found: " + path + why
                                                         : "cannot read config file" + why,
                                                 namedAt ? *namedAt : base::Location{path, 0, 0}));
      return;
    }
    readText(path, std::move(*text), namedAt);
  }

  void readText(const std::string& path, std::string text, const std::optional<base::Location>& namedAt) {
    const std::string normalised = normalise(path);
    if (chain_.contains(normalised)) {
      errors_.push_back(base::Error::invalidInput("'extends' makes a cycle back to " + path,
                                                  namedAt ? *namedAt : base::Location{path, 0, 0}));
      return;
    }
    if (chain_.size() >= kMaxExtendsDepth) {
      errors_.push_back(base::Error::invalidInput("'extends' chain is too deep", namedAt.value_or(base::Location{path, 0, 0})));
      return;
    }
    chain_.insert(normalised);
    config_.files.push_back(normalised);
    const auto sourcePtr = std::make_shared<const YamlSource>(path, std::move(text));
    const YamlSource& source = *sourcePtr;
    const std::shared_ptr<const YamlSource> outer = std::exchange(source_, sourcePtr);
    YAML::Node root;
    try {
      root = YAML::Load(source.text());
    } catch (const YAML::Exception& e) {
      errors_.push_back(base::Error::invalidInput(e.msg, source.location(e.mark)));
      chain_.erase(normalised);
      source_ = outer;
      return;
    }
    if (root.IsDefined() && !root.IsNull()) {
      if (root.IsMap())
        readRoot(root, source, fs::path(normalised).parent_path().string());
      else
        fail("a config file must be a map of settings, not " + std::string(describeNode(root)), source, root);
    }
    chain_.erase(normalised);
    source_ = outer;
  }

 private:
  void fail(std::string message, const YamlSource& source, const YAML::Node& node) {
    errors_.push_back(base::Error::invalidInput(std::move(message), source.location(node.Mark())));
  }

  std::optional<std::string> scalar(const YAML::Node& node, const YamlSource& source, std::string_view what) {
    if (node.IsScalar()) return node.Scalar();
    fail(std::string(what) + " must be a string, not " + std::string(describeNode(node)), source, node);
    return std::nullopt;
  }

  // A string or a list of strings.
  std::vector<Located<std::string>> strings(const YAML::Node& node, const YamlSource& source, std::string_view what) {
    std::vector<Located<std::string>> out;
    if (node.IsScalar()) {
      out.push_back(source.locate(node.Mark(), node.Scalar()));
    } else if (node.IsSequence()) {
      for (const YAML::Node& item : node) {
        if (const auto text = scalar(item, source, std::string(what) + " entries")) out.push_back(source.locate(item.Mark(), *text));
      }
    } else {
      fail(std::string(what) + " must be a string or a list of strings, not " + std::string(describeNode(node)), source, node);
    }
    return out;
  }

  void readRoot(const YAML::Node& root, const YamlSource& source, const std::string& baseDir) {
    for (auto it = root.begin(); it != root.end(); ++it) {
      const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
      if (std::find(kTopKeys.begin(), kTopKeys.end(), key) == kTopKeys.end())
        fail(withSuggestion("unknown key '" + key + "'", key, kTopKeys), source, it->first);
    }
    // Extended files first, so that this file's own settings come after and win.
    if (const YAML::Node extends = findKey(root, "extends"); extends.IsDefined() && !extends.IsNull()) {
      for (const Located<std::string>& target : strings(extends, source, "'extends'")) {
        const fs::path path = fs::path(target.value).is_absolute() ? fs::path(target.value) : fs::path(baseDir) / target.value;
        readFile(path.lexically_normal().string(), target.where);
      }
    }
    if (const YAML::Node packs = findKey(root, "packs"); packs.IsDefined() && !packs.IsNull()) {
      for (Located<std::string> pack : strings(packs, source, "'packs'")) {
        // A name without a slash is a bundled pack; anything else is a directory from here.
        if (pack.value.find('/') != std::string::npos || pack.value.starts_with('.'))
          pack.value = normalise(fs::path(baseDir) / pack.value);
        config_.packs.push_back(std::move(pack));
      }
    }
    if (const YAML::Node rules = findKey(root, "rules"); rules.IsDefined() && !rules.IsNull())
      readRules(rules, source, config_.rules);
    if (const YAML::Node overrides = findKey(root, "overrides"); overrides.IsDefined() && !overrides.IsNull())
      readOverrides(overrides, source, baseDir);
    if (const YAML::Node ignore = findKey(root, "ignore"); ignore.IsDefined() && !ignore.IsNull()) {
      for (const Located<std::string>& line : strings(ignore, source, "'ignore'")) {
        IgnorePattern pattern = parseIgnoreLine(line.value, baseDir);
        if (pattern.glob.empty()) {
          errors_.push_back(base::Error::invalidInput("empty ignore pattern", line.where));
          continue;
        }
        config_.ignore.push_back(std::move(pattern));
      }
    }
    readScalars(root, source);
  }

  // organisation, reference-date and date-order.
  void readScalars(const YAML::Node& root, const YamlSource& source) {
    if (const YAML::Node organisation = findKey(root, "organisation"); organisation.IsDefined()) {
      if (const auto text = scalar(organisation, source, "'organisation'")) {
        if (text->empty())
          fail("'organisation' must not be empty", source, organisation);
        else
          config_.organisation = source.locate(organisation.Mark(), *text);
      }
    }
    if (const YAML::Node reference = findKey(root, "reference-date"); reference.IsDefined())
      readReferenceDate(reference, source);
    if (const YAML::Node order = findKey(root, "date-order"); order.IsDefined()) {
      if (const auto text = scalar(order, source, "'date-order'")) {
        if (*text == "day-first" || *text == "month-first") {
          config_.dateOrder = Located<DateOrder>{*text == "day-first" ? DateOrder::DayFirst : DateOrder::MonthFirst,
                                                 source.location(order.Mark()), false};
        } else {
          fail(withSuggestion("'date-order' must be day-first or month-first, not '" + *text + "'", *text, kDateOrders),
               source, order);
        }
      }
    }
  }

  void readReferenceDate(const YAML::Node& node, const YamlSource& source) {
    const auto text = scalar(node, source, "'reference-date'");
    if (!text) return;
    ReferenceDateSetting setting;
    if (*text == "front-matter") {
      setting.mode = ReferenceDateMode::FrontMatter;
    } else if (*text == "dateline") {
      setting.mode = ReferenceDateMode::Dateline;
    } else if (const auto date = parseIsoDay(*text)) {
      setting.mode = ReferenceDateMode::Fixed;
      setting.date = *date;
    } else {
      fail(withSuggestion("'reference-date' must be front-matter, dateline or a date (YYYY-MM-DD), not '" + *text + "'",
                          *text, kReferenceModes),
           source, node);
      return;
    }
    config_.referenceDate = Located<ReferenceDateSetting>{setting, source.location(node.Mark()), false};
  }

  void readRules(const YAML::Node& rules, const YamlSource& source, std::vector<RuleSetting>& out) {
    if (!rules.IsMap()) {
      fail("'rules' must be a map of rule ids (or globs) to off, info, warning or error, not " +
               std::string(describeNode(rules)),
           source, rules);
      return;
    }
    for (auto it = rules.begin(); it != rules.end(); ++it) {
      const auto id = scalar(it->first, source, "a rule id");
      if (!id) continue;
      YAML::Node value = it->second;
      std::optional<RuleOptions> options;
      if (value.IsMap()) {
        // The long form: {severity: LEVEL, options: {KEY: VALUE}}.
        for (auto key = value.begin(); key != value.end(); ++key) {
          const std::string name = key->first.IsScalar() ? key->first.Scalar() : std::string();
          if (std::find(kRuleMapKeys.begin(), kRuleMapKeys.end(), name) == kRuleMapKeys.end())
            fail(withSuggestion("unknown key '" + name + "'", name, kRuleMapKeys), source, key->first);
        }
        if (const YAML::Node map = findKey(value, "options"); map.IsDefined()) {
          if (!map.IsMap())
            fail("'options' must be a map of the rule's keys, not " + std::string(describeNode(map)), source, map);
          else if (id->find_first_of("*?[") != std::string::npos)
            fail("'options' need one rule id, not a pattern: rules of different kinds take different options", source,
                 it->first);
          else
            options = RuleOptions(map, source_, source.location(map.Mark()));
        }
        value = findKey(value, "severity");
        if (!value.IsDefined()) {
          fail("missing 'severity'", source, it->second);
          continue;
        }
      }
      const auto level = scalar(value, source, "a rule's severity");
      if (!level) continue;
      const auto parsed = parseRuleLevel(*level);
      if (!parsed) {
        fail(withSuggestion("severity must be off, info, warning or error, not '" + *level + "'", *level, kLevelNames),
             source, value);
        continue;
      }
      out.push_back({source.locate(it->first.Mark(), *id), *parsed, std::move(options)});
    }
  }

  void readOverrides(const YAML::Node& overrides, const YamlSource& source, const std::string& baseDir) {
    if (!overrides.IsSequence()) {
      fail("'overrides' must be a list of {files, rules} maps, not " + std::string(describeNode(overrides)), source,
           overrides);
      return;
    }
    for (const YAML::Node& entry : overrides) {
      if (!entry.IsMap()) {
        fail("an override must be a map with 'files' and 'rules', not " + std::string(describeNode(entry)), source, entry);
        continue;
      }
      for (auto it = entry.begin(); it != entry.end(); ++it) {
        const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
        if (std::find(kOverrideKeys.begin(), kOverrideKeys.end(), key) == kOverrideKeys.end())
          fail(withSuggestion("unknown override key '" + key + "'", key, kOverrideKeys), source, it->first);
      }
      ConfigOverride override;
      override.baseDir = baseDir;
      const YAML::Node files = findKey(entry, "files");
      if (!files.IsDefined() || files.IsNull())
        fail("an override needs 'files' (globs relative to this file's folder)", source, entry);
      else
        override.files = strings(files, source, "'files'");
      const YAML::Node rules = findKey(entry, "rules");
      if (!rules.IsDefined() || rules.IsNull())
        fail("an override needs 'rules'", source, entry);
      else
        readRules(rules, source, override.rules);
      config_.overrides.push_back(std::move(override));
    }
  }

  ProjectConfig& config_;
  base::ErrorList& errors_;
  std::set<std::string> chain_;
  std::shared_ptr<const YamlSource> source_;  // the file being read (rule options keep it alive)
};

}  // namespace

std::optional<RuleLevel> parseRuleLevel(std::string_view text) {
  if (text == "off") return RuleLevel::Off;
  if (text == "info") return RuleLevel::Info;
  if (text == "warning") return RuleLevel::Warning;
  if (text == "error") return RuleLevel::Error;
  return std::nullopt;
}

std::string_view ruleLevelName(RuleLevel level) {
  switch (level) {
    case RuleLevel::Off: return "off";
    case RuleLevel::Info: return "info";
    case RuleLevel::Warning: return "warning";
    case RuleLevel::Error: return "error";
  }
  return "off";
}

std::optional<base::CivilDate> parseIsoDay(std::string_view text) {
  if (text.size() != kIsoDateLength || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](size_t from, size_t count) -> std::optional<unsigned> {
    unsigned value = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * kDecimal + static_cast<unsigned>(text[i] - '0');
    }
    return value;
  };
  const auto year = number(0, 4);
  const auto month = number(5, 2);
  const auto day = number(8, 2);
  if (!year || !month || !day) return std::nullopt;
  const base::CivilDate date{static_cast<int>(*year), *month, *day};
  if (!base::isValidDate(date)) return std::nullopt;
  return date;
}

LoadedProjectConfig loadProjectConfig(const std::string& path) {
  LoadedProjectConfig loaded;
  loaded.config.path = normalise(path);
  loaded.config.baseDir = fs::path(loaded.config.path).parent_path().string();
  Reader reader(loaded.config, loaded.errors);
  reader.readFile(path, std::nullopt);
  return loaded;
}

LoadedProjectConfig parseProjectConfig(const std::string& path, const std::string& text) {
  LoadedProjectConfig loaded;
  loaded.config.path = normalise(path);
  loaded.config.baseDir = fs::path(loaded.config.path).parent_path().string();
  Reader reader(loaded.config, loaded.errors);
  reader.readText(path, text, std::nullopt);
  return loaded;
}

}  // namespace galley::config
