#include "dates/DateExpression.h"

namespace galley::dates {

std::string_view kindName(DateKind kind) {
  switch (kind) {
    case DateKind::Absolute: return "absolute";
    case DateKind::Partial: return "partial";
    case DateKind::Range: return "range";
    case DateKind::Deictic: return "deictic";
    case DateKind::Anaphoric: return "anaphoric";
    case DateKind::Duration: return "duration";
  }
  return "absolute";
}

std::string_view basisName(Basis basis) {
  switch (basis) {
    case Basis::None: return "none";
    case Basis::Reference: return "reference";
    case Basis::PreviousDate: return "previous-date";
    case Basis::ContextYear: return "context-year";
  }
  return "none";
}

std::string_view problemName(Problem problem) {
  switch (problem) {
    case Problem::None: return "none";
    case Problem::ImpossibleDate: return "impossible-date";
    case Problem::ReversedRange: return "reversed-range";
    case Problem::NoAnchor: return "no-anchor";
    case Problem::NoYear: return "no-year";
  }
  return "none";
}

bool DateExpression::weekdayMismatch() const {
  if (!weekday || !written || !base::isValidDate(*written)) return false;
  return base::weekday(*written) != *weekday;
}

}  // namespace galley::dates
