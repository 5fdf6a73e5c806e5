#include "dates/ReferenceDate.h"

namespace galley::dates {

namespace {

// The first day named in `text` when it states its year; nullopt when that day has no year
// ("14 March") or is impossible, or when no day is named.
std::optional<base::CivilDate> firstFullDay(std::string_view text, const DateRecognizer& recognizer) {
  for (const DateExpression& e : recognizer.recognize(text, std::nullopt)) {
    if (e.kind != DateKind::Absolute) continue;
    if (e.basis != Basis::None || !e.value || e.value->precision != base::Precision::Day) return std::nullopt;
    return base::civilFromDays(e.value->first);
  }
  return std::nullopt;
}

}  // namespace

std::optional<base::CivilDate> referenceDate(std::optional<std::string_view> frontMatterDate,
                                             std::string_view firstParagraph, const DateRecognizer& recognizer) {
  if (frontMatterDate) {
    if (auto iso = base::parseIsoInterval(*frontMatterDate); iso && iso->precision == base::Precision::Day)
      return base::civilFromDays(iso->first);
    if (auto written = firstFullDay(*frontMatterDate, recognizer)) return written;
  }
  // The dateline is the first dated sentence of the first paragraph; a paragraph's first full
  // date is that sentence's date.
  return firstFullDay(firstParagraph, recognizer);
}

}  // namespace galley::dates
