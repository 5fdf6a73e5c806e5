#include "annotate/ReferenceDate.h"

#include <cctype>
#include <string>

namespace galley::annotate {

namespace {

// True when `range` of a paragraph's `text` is shaped like a dateline: only capitalised words before
// it ("VIENNA,", "New York,"), not a preposition opening a story ("On 14 June 2011, the two ..."),
// and a dash, full stop, colon or bracket after it.
bool looksLikeDateline(std::string_view text, base::Range range) {
  constexpr std::size_t kMaxPlaceWords = 5;
  std::size_t words = 0;
  for (std::size_t i = 0; i < range.begin; ++i) {
    const bool starts = std::isalpha(static_cast<unsigned char>(text[i])) != 0 &&
                        (i == 0 || std::isalpha(static_cast<unsigned char>(text[i - 1])) == 0);
    if (!starts) continue;
    if (std::islower(static_cast<unsigned char>(text[i])) != 0 || ++words > kMaxPlaceWords) return false;
    std::string word;
    for (std::size_t k = i; k < range.begin && std::isalpha(static_cast<unsigned char>(text[k])) != 0; ++k)
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
    if (word == "on" || word == "in" || word == "since" || word == "by" || word == "from" || word == "as" ||
        word == "at" || word == "after" || word == "before" || word == "until" || word == "during")
      return false;
  }
  std::size_t next = range.end;
  while (next < text.size() && text[next] == ' ') ++next;
  if (next >= text.size()) return true;
  const std::string_view rest = text.substr(next);
  return rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xE2\x80\x93") || rest[0] == '-' || rest[0] == '.' ||
         rest[0] == ':' || rest[0] == '(' || rest[0] == ')';
}

struct FirstDay {
  base::CivilDate day;
  base::Range range;  // in the text searched
};

// The first day named in `text` when it states its year; nullopt when that day has no year
// ("14 March") or is impossible, or when no day is named.
std::optional<FirstDay> firstFullDay(std::string_view text, const dates::DateRecognizer& recognizer) {
  for (const dates::DateExpression& e : recognizer.recognize(text, std::nullopt)) {
    if (e.kind != dates::DateKind::Absolute) continue;
    if (e.basis != dates::Basis::None || !e.value || e.value->precision != base::Precision::Day) return std::nullopt;
    return FirstDay{base::civilFromDays(e.value->first), e.range};
  }
  return std::nullopt;
}

}  // namespace

std::string_view referenceOriginName(ReferenceOrigin origin) {
  switch (origin) {
    case ReferenceOrigin::FrontMatter: return "front matter";
    case ReferenceOrigin::Dateline: return "dateline";
    case ReferenceOrigin::Configured: return "configuration";
    case ReferenceOrigin::None: break;
  }
  return "none";
}

ReferenceDate decideReferenceDate(const document::Document& document, const dates::DateRecognizer& recognizer,
                                  const config::ReferenceDateSetting& setting) {
  using Mode = config::ReferenceDateMode;
  if (setting.mode == Mode::Fixed) return {setting.date, ReferenceOrigin::Configured, std::nullopt};
  const auto* field = setting.mode == Mode::Dateline ? nullptr : document.field("date");
  if (field != nullptr) {
    if (auto iso = base::parseIsoInterval(field->value); iso && iso->precision == base::Precision::Day)
      return {base::civilFromDays(iso->first), ReferenceOrigin::FrontMatter, field->valueSource};
    if (auto written = firstFullDay(field->value, recognizer))
      return {written->day, ReferenceOrigin::FrontMatter, field->valueSource};
  }
  if (setting.mode == Mode::FrontMatter) return {};
  for (const auto& block : document.blocks) {
    if (block.kind != document::BlockKind::Paragraph) continue;
    // The dateline is the first dated sentence of the first paragraph.
    const std::string_view text = block.prose.text();
    const auto first = firstFullDay(text, recognizer);
    if (!first || !looksLikeDateline(text, first->range)) return {};
    return {first->day, ReferenceOrigin::Dateline, block.prose.toSource(first->range)};
  }
  return {};
}

}  // namespace galley::annotate
