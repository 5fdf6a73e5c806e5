// The help texts of `galley` and its commands (kept together so the CLI surface reads in one place).
#pragma once

#include <string>

namespace galley::tools {

std::string mainHelp();   // galley --help
std::string checkHelp();  // galley check --help
std::string testHelp();   // galley test --help

}  // namespace galley::tools
