// `galley explain RULE`: a rule's documentation, options, self-test examples and link.
#pragma once

#include <string>
#include <vector>

namespace galley::tools {

// Prints the rule's id, kind, pack, default severity, description, its YAML as written in the
// pack (the options), its self-tests as "flagged"/"accepted" examples and its link. Returns 0;
// 2 when the rule is unknown (with a suggestion) or on a usage or configuration error.
int runExplainCommand(const std::vector<std::string>& args);

}  // namespace galley::tools
