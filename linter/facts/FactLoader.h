// FactLoader: reads facts*.yaml files into a validated FactBase, reporting every error located.
#pragma once

#include <string>
#include <vector>

#include "base/Error.h"
#include "base/Expected.h"
#include "facts/FactBase.h"

namespace galley::facts {

// Collects fact files, then validates them together (references may cross files).
//
//   FactLoader loader;
//   loader.addFile("rules/sco-un/facts.yaml");
//   auto facts = loader.load();
//   if (!facts) for (const auto& e : loader.errors()) std::cerr << e.toString() << '\n';
//
// Errors are InvalidInput with the YAML file and 1-based line/column of the offending node:
// malformed YAML, unknown keys (with the nearest valid key, by config::nearestName as for rule
// packs; columns count code points, as config::YamlSource does), keys that do not apply to the
// entity's kind, missing required fields, malformed or impossible dates, start after end,
// duplicate ids, unknown or wrong-kind references between entities, unknown source ids, two
// entities claiming one name (after case/dash normalisation), and overlapping terms of a
// single-holder office. An unreadable file is an Environment error.
// Not thread-safe; use one loader per load.
class FactLoader {
 public:
  // Adds the text of a fact file; `path` is what errors and notes print.
  void addText(std::string path, std::string text);
  // Reads and adds a file. Returns false (and records an Environment error) when it cannot be read.
  bool addFile(const std::string& path);

  // Validates everything added so far. Returns the fact base when there is no error, else the
  // first error (all of them are in errors()). May be called once.
  base::Expected<FactBase> load();

  [[nodiscard]] const base::ErrorList& errors() const { return errors_; }

 private:
  struct Input {
    std::string path;
    std::string text;
  };
  std::vector<Input> inputs_;
  base::ErrorList errors_;
};

}  // namespace galley::facts
