// RuleConfig: one rule as loaded from a pack, with the header fields every kind shares.
#pragma once

#include <string>
#include <vector>

#include "base/Error.h"
#include "config/Located.h"
#include "config/MessageTemplate.h"
#include "config/RuleOptions.h"
#include "diag/Diagnostic.h"

namespace galley::config {

// One self-test case from a rule's `tests:` list.
struct RuleTest {
  enum class Expect { Bad, Good };  // Bad: the rule must fire; Good: it must not
  Expect expect = Expect::Bad;
  std::string text;
  base::Location where;
};

// A validated rule header. Kind-specific keys are read through `options` by the kind's factory.
struct RuleConfig {
  std::string id;      // "pack.name"
  std::string pack;    // the pack directory's name
  std::string kind;    // a kind the registry knows
  diag::Severity severity = diag::Severity::Warning;  // Default: warning
  MessageTemplate message;
  std::vector<Located<std::string>> scope;  // names as written; the checks layer interprets them
  std::string link;
  std::string description;
  bool enabled = true;  // Default: true
  // The organisations whose drafts the rule judges (front matter `organisation:`), as written:
  // "UN", "Shanghai Cooperation Organisation". A draft naming another organisation is not checked
  // by the rule; a draft naming none is. From the rule's `organisations:`, else its file's
  // top-level `organisations:`. Default: empty (every organisation).
  std::vector<std::string> organisations;
  std::vector<RuleTest> tests;
  base::Location where;  // the rule's first key
  RuleOptions options;
};

}  // namespace galley::config
