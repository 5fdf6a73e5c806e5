#include "tools/Cli.h"

#include <cstdio>

namespace galley::tools {

// FIXME(skeleton): replaced by the command table in the foundation work.
int runCli(int /*argc*/, char** /*argv*/) {
  std::fputs("galley: not built yet\n", stderr);
  return 2;
}

}  // namespace galley::tools
