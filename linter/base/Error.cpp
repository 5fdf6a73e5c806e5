#include "base/Error.h"

namespace galley::base {

std::string Error::toString() const {
  std::string out;
  if (location_ && !location_->path.empty()) {
    out += location_->path;
    if (location_->line > 0) {
      out += ':' + std::to_string(location_->line);
      if (location_->column > 0) out += ':' + std::to_string(location_->column);
    }
    out += ": ";
  }
  out += "error: ";
  out += message_;
  return out;
}

}  // namespace galley::base
