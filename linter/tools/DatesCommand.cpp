#include "tools/DatesCommand.h"

#include <cstdio>

namespace galley::tools {

// FIXME(skeleton): the date engine work replaces this.
int runDatesCommand(const std::vector<std::string>& /*args*/) {
  std::fputs("galley dates: not built yet\n", stderr);
  return 2;
}

}  // namespace galley::tools
