// SimpleDateFinder: a small built-in date matcher for claim extraction (until the date engine lands).
#pragma once

#include "annotate/DateFinder.h"

namespace galley::annotate {

// Recognises "14 June 2011", "June 14, 2011", "13-17 March 2017" / "13–17 March 2017" (one
// interval), "June 2011" and a bare year "2011" (1000..2999, not part of a symbol such as
// "E/CN.7/2017/11"). Impossible days ("31 June 2011") are skipped. Month names are English, any case.
class SimpleDateFinder final : public DateFinder {
 public:
  [[nodiscard]] std::vector<FoundDate> find(std::string_view text) const override;
};

}  // namespace galley::annotate
