// Where the bundled rule packs and fixtures live: next to the installed binary, else the source tree.
#pragma once

#include <optional>
#include <string>

namespace galley::engine {

// `<prefix>/share/galley/rules` when the running binary is `<prefix>/bin/galley` and that
// directory exists; else the source tree's `rules/` if it exists; else nullopt.
std::optional<std::string> bundledRulesDir();

// The same for fixtures: `<prefix>/share/galley/fixtures`, else the source tree's `fixtures/`.
std::optional<std::string> bundledFixturesDir();

}  // namespace galley::engine
