#include "config/PackLoader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <set>

#include <yaml-cpp/yaml.h>

#include "base/FileText.h"
#include "config/NearestName.h"
#include "config/YamlBudget.h"
#include "config/YamlNodes.h"
#include "config/YamlSource.h"

namespace galley::config {

namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 10> kHeaderKeys = {"id",   "kind",    "severity",    "message", "scope",
                                                          "link", "enabled", "description", "tests", "organisations"};
constexpr std::array<std::string_view, 3> kTopLevelKeys = {"fixtures", "organisations", "rules"};
constexpr std::array<std::string_view, 3> kSeverityNames = {"error", "warning", "info"};
constexpr std::array<std::string_view, 2> kTestKeys = {"bad", "good"};

// A pack's lexicon.yaml adds words (config/Lexicon.h); it is never a rule file.
bool isLexiconFile(const fs::path& path) { return path.stem().string() == "lexicon"; }

bool isRuleFile(const fs::path& path) {
  const std::string ext = path.extension().string();
  return (ext == ".yaml" || ext == ".yml") && !isLexiconFile(path);
}

bool isFactFile(const fs::path& path) { return path.filename().string().starts_with("facts"); }

bool isValidRuleName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
  });
}

std::vector<fs::path> ruleFilesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec) && isRuleFile(entry.path())) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

PackLoader::PackLoader(std::span<const KindSchema> kinds) : kinds_(kinds) {}

void PackLoader::addDirectory(const std::string& dir) {
  std::error_code ec;
  const fs::path path(dir);
  if (!fs::is_directory(path, ec)) {
    result_.errors.push_back(base::Error::environment("rule pack directory not found", base::Location{dir, 0, 0}));
    return;
  }
  if (!ruleFilesIn(path).empty()) {
    std::string name = path.filename().string();
    if (name.empty()) name = path.parent_path().filename().string();  // "rules/un-style/"
    addPack(dir, name);
    return;
  }
  std::vector<fs::path> packs;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.is_directory(ec) && !ruleFilesIn(entry.path()).empty()) packs.push_back(entry.path());
  }
  if (ec) {
    result_.errors.push_back(base::Error::environment("cannot list directory: " + ec.message(), base::Location{dir, 0, 0}));
    return;
  }
  if (packs.empty()) {
    result_.errors.push_back(
        base::Error::invalidInput("no rule files (*.yaml) here or in its subdirectories", base::Location{dir, 0, 0}));
    return;
  }
  std::sort(packs.begin(), packs.end());
  for (const fs::path& pack : packs) addPack(pack.string(), pack.filename().string());
}

void PackLoader::addPack(const std::string& dir, const std::string& pack) {
  result_.packDirs.push_back(dir);
  for (const fs::path& file : ruleFilesIn(dir)) {
    if (isFactFile(file)) continue;  // fact bases have their own loader
    const base::Expected<std::string> text = base::readFileText(file.string());
    if (!text) {
      result_.errors.push_back(base::Error::environment("cannot read rule file: " + text.error().message(),
                                                        base::Location{file.string(), 0, 0}));
      continue;
    }
    addFile(file.string(), *text, pack);
  }
}

void PackLoader::addFile(const std::string& path, std::string text, const std::string& pack) {
  auto source = std::make_shared<const YamlSource>(path, std::move(text));
  if (auto bomb = checkAliasExpansion(source->text())) {
    result_.errors.push_back(base::Error::invalidInput(bomb->message, source->location(bomb->mark)));
    return;
  }
  YAML::Node root;
  try {
    root = YAML::Load(source->text());
  } catch (const YAML::Exception& e) {
    result_.errors.push_back(base::Error::invalidInput(e.msg, source->location(e.mark)));
    return;
  }
  if (!root.IsDefined() || root.IsNull()) return;  // an empty file holds no rules
  if (!root.IsMap()) {
    result_.errors.push_back(base::Error::invalidInput(
        "a rule file must be a map with a 'rules:' list, not " + std::string(describeNode(root)),
        source->location(root.Mark())));
    return;
  }
  for (auto it = root.begin(); it != root.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
    if (std::find(kTopLevelKeys.begin(), kTopLevelKeys.end(), key) == kTopLevelKeys.end()) {
      result_.errors.push_back(base::Error::invalidInput(unknownKeyMessage(key, kTopLevelKeys, "top-level key"),
                                                         source->location(it->first.Mark())));
    }
  }
  fileOrganisations_.clear();
  const RuleOptions top(root, source, source->location(root.Mark()));
  if (auto listed = top.getStringList("organisations", result_.errors))
    fileOrganisations_ = organisationNames(*listed, result_.errors);
  // `fixtures:` names folders of annotated drafts for `galley test --rules`, relative to this file.
  if (auto folders = top.getStringList("fixtures", result_.errors)) {
    namespace fs = std::filesystem;
    for (const Located<std::string>& folder : *folders) {
      const fs::path resolved = (fs::path(path).parent_path() / folder.value).lexically_normal();
      std::error_code ec;
      if (!fs::is_directory(resolved, ec))
        result_.errors.push_back(base::Error::invalidInput("'fixtures': no folder '" + folder.value + "' beside this file",
                                                           folder.where));
      else
        result_.fixtureDirs.push_back(resolved.string());
    }
  }
  const YAML::Node rules = findKey(root, "rules");
  if (!rules.IsDefined()) {
    result_.errors.push_back(base::Error::invalidInput("missing 'rules:' list", source->location(root.Mark())));
    return;
  }
  if (rules.IsNull()) return;
  if (!rules.IsSequence()) {
    result_.errors.push_back(base::Error::invalidInput(
        "'rules' must be a list, not " + std::string(describeNode(rules)), source->location(rules.Mark())));
    return;
  }
  for (const YAML::Node& rule : rules) addRule(rule, source, pack);
}

void PackLoader::addRule(const YAML::Node& node, const std::shared_ptr<const YamlSource>& source,
                         const std::string& pack) {
  const base::Location where = source->location(node.Mark());
  if (!node.IsMap()) {
    result_.errors.push_back(
        base::Error::invalidInput("a rule must be a map, not " + std::string(describeNode(node)), where));
    return;
  }
  base::ErrorList errors;
  RuleConfig rule;
  rule.pack = pack;
  rule.where = where;
  rule.options = RuleOptions(node, source, where);

  const KindSchema* schema = readKind(rule, errors);  // first: it decides which other keys are valid
  checkKeys(node, *source, schema, errors);
  readId(rule, errors);
  readHeader(rule, schema, errors);
  rule.organisations = fileOrganisations_;
  if (auto listed = rule.options.getStringList("organisations", errors))
    rule.organisations = organisationNames(*listed, errors);
  readTests(node, *source, rule, errors);

  if (!rule.id.empty()) {
    const auto [first, inserted] = firstDefinition_.try_emplace(rule.id, where);
    if (!inserted) {
      const base::Location& at = first->second;
      errors.push_back(base::Error::invalidInput("duplicate rule id '" + rule.id + "' (first defined at " + at.path +
                                                     ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ")",
                                                 rule.options.location("id")));
    }
  }

  if (!errors.empty()) {
    result_.errors.insert(result_.errors.end(), std::make_move_iterator(errors.begin()),
                          std::make_move_iterator(errors.end()));
    if (schema != nullptr) result_.rejected.push_back(std::move(rule));
    return;
  }
  result_.rules.push_back(std::move(rule));
}

const KindSchema* PackLoader::readKind(RuleConfig& rule, base::ErrorList& errors) {
  const auto kind = rule.options.getString("kind", errors);
  if (!kind) {
    if (!rule.options.has("kind")) errors.push_back(base::Error::invalidInput("rule has no 'kind'", rule.where));
    return nullptr;
  }
  rule.kind = kind->value;
  const auto found = std::find_if(kinds_.begin(), kinds_.end(), [&](const KindSchema& k) { return k.name == kind->value; });
  if (found == kinds_.end()) {
    std::vector<std::string_view> names;
    names.reserve(kinds_.size());
    for (const KindSchema& k : kinds_) names.push_back(k.name);
    std::sort(names.begin(), names.end());
    std::string message = unknownKeyMessage(kind->value, names, "kind");
    message += "; valid kinds: " + joinChoices(names, ", ");
    errors.push_back(base::Error::invalidInput(message, kind->where));
    return nullptr;
  }
  if (found->stability == Stability::Removed) {
    errors.push_back(base::Error::invalidInput("kind '" + kind->value + "' has been removed", kind->where));
    return nullptr;
  }
  if (found->stability == Stability::Deprecated)
    result_.warnings.push_back(base::Error::invalidInput("kind '" + kind->value + "' is deprecated", kind->where));
  return &*found;
}

void PackLoader::checkKeys(const YAML::Node& node, const YamlSource& source, const KindSchema* schema,
                           base::ErrorList& errors) {
  // Every key must be a header key or one of the kind's options; duplicates are mistakes too.
  std::vector<std::string_view> validKeys(kHeaderKeys.begin(), kHeaderKeys.end());
  if (schema != nullptr) validKeys.insert(validKeys.end(), schema->options.begin(), schema->options.end());
  std::set<std::string, std::less<>> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const base::Location keyWhere = source.location(it->first.Mark());
    if (!it->first.IsScalar()) {
      errors.push_back(base::Error::invalidInput("a rule's keys must be strings", keyWhere));
      continue;
    }
    const std::string& key = it->first.Scalar();
    if (!seen.insert(key).second) {
      errors.push_back(base::Error::invalidInput("key '" + key + "' is given twice", keyWhere));
      continue;
    }
    if (std::find(validKeys.begin(), validKeys.end(), key) != validKeys.end()) continue;
    // With the kind unknown its own keys are unknown too: report only likely typos of header keys.
    if (schema != nullptr || nearestName(key, validKeys))
      errors.push_back(base::Error::invalidInput(unknownKeyMessage(key, validKeys, "key"), keyWhere));
  }
}

void PackLoader::readId(RuleConfig& rule, base::ErrorList& errors) {
  const auto id = rule.options.getString("id", errors);
  if (!id) {
    if (!rule.options.has("id")) errors.push_back(base::Error::invalidInput("rule has no 'id'", rule.where));
    return;
  }
  std::string name = id->value;
  if (name.find('.') != std::string::npos) {
    if (!name.starts_with(rule.pack + ".")) {
      errors.push_back(base::Error::invalidInput(
          "rule id '" + name + "' must start with its pack's name '" + rule.pack + ".' (or be a short name)", id->where));
      return;
    }
    name.erase(0, rule.pack.size() + 1);
  }
  if (!isValidRuleName(name)) {
    errors.push_back(
        base::Error::invalidInput("rule name '" + name + "' may hold only letters, digits, '-' and '_'", id->where));
    return;
  }
  rule.id = rule.pack + "." + name;
}

void PackLoader::readHeader(RuleConfig& rule, const KindSchema* schema, base::ErrorList& errors) {
  const RuleOptions& keys = rule.options;
  if (const auto severity = keys.getString("severity", errors)) {
    if (const auto parsed = diag::parseSeverity(severity->value)) {
      rule.severity = *parsed;
    } else {
      errors.push_back(base::Error::invalidInput(
          "invalid severity '" + severity->value + "' (expected " + joinChoices(kSeverityNames) + ")", severity->where));
    }
  }

  if (const auto message = keys.getString("message", errors)) {
    auto parsed = MessageTemplate::parse(message->value);
    if (parsed) {
      rule.message = std::move(*parsed);
      if (schema != nullptr) checkPlaceholders(rule, *schema, message->where, errors);
    } else {
      errors.push_back(base::Error::invalidInput(parsed.error().message(), message->where));
    }
  } else if (!keys.has("message")) {
    errors.push_back(base::Error::invalidInput("rule has no 'message'", rule.where));
  }

  if (auto scope = keys.getStringList("scope", errors)) rule.scope = std::move(*scope);
  if (auto link = keys.getString("link", errors)) rule.link = std::move(link->value);
  if (auto description = keys.getString("description", errors)) rule.description = std::move(description->value);
  rule.enabled = keys.getBool("enabled", true, errors);
}

std::vector<std::string> PackLoader::organisationNames(const std::vector<Located<std::string>>& listed,
                                                       base::ErrorList& errors) {
  std::vector<std::string> names;
  for (const auto& name : listed) {
    if (name.value.find_first_not_of(" \t") == std::string::npos) {
      errors.push_back(base::Error::invalidInput("an organisation's name is empty", name.where));
      continue;
    }
    names.push_back(name.value);
  }
  return names;
}

void PackLoader::checkPlaceholders(const RuleConfig& rule, const KindSchema& schema, const base::Location& where,
                                   base::ErrorList& errors) {
  const auto& provided = schema.placeholders;
  for (const std::string& name : rule.message.placeholders()) {
    if (std::find(provided.begin(), provided.end(), name) != provided.end()) continue;
    std::vector<std::string> braced;
    braced.reserve(provided.size());
    for (const std::string_view p : provided) braced.push_back("{" + std::string(p) + "}");
    const std::vector<std::string_view> views(braced.begin(), braced.end());
    errors.push_back(base::Error::invalidInput("unknown placeholder '{" + name + "}' in message; kind '" + rule.kind +
                                                   "' provides " +
                                                   (views.empty() ? std::string("none") : joinChoices(views, " and ")),
                                               where));
  }
}

void PackLoader::readTests(const YAML::Node& node, const YamlSource& source, RuleConfig& rule,
                           base::ErrorList& errors) {
  const YAML::Node tests = findKey(node, "tests");
  if (!tests.IsDefined() || tests.IsNull()) return;
  if (!tests.IsSequence()) {
    errors.push_back(base::Error::invalidInput(
        "'tests' must be a list of 'bad:'/'good:' items, not " + std::string(describeNode(tests)),
        source.location(tests.Mark())));
    return;
  }
  for (const YAML::Node& test : tests) {
    const base::Location testWhere = source.location(test.Mark());
    if (!test.IsMap() || test.size() != 1 || !test.begin()->first.IsScalar()) {
      errors.push_back(base::Error::invalidInput("each test must be a map with one key, 'bad:' or 'good:'", testWhere));
      continue;
    }
    const std::string& key = test.begin()->first.Scalar();
    const YAML::Node value = test.begin()->second;
    if (key != "bad" && key != "good") {
      errors.push_back(base::Error::invalidInput(unknownKeyMessage(key, kTestKeys, "test key"), testWhere));
      continue;
    }
    if (!value.IsScalar()) {
      errors.push_back(base::Error::invalidInput(
          "'" + key + "' must be a string, not " + std::string(describeNode(value)), source.location(value.Mark())));
      continue;
    }
    rule.tests.push_back({key == "bad" ? RuleTest::Expect::Bad : RuleTest::Expect::Good, value.Scalar(),
                          source.location(value.Mark())});
  }
}

LoadedConfigs PackLoader::finish() && { return std::move(result_); }

}  // namespace galley::config
