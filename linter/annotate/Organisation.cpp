#include "annotate/Organisation.h"

#include <algorithm>
#include <cctype>

#include "base/Typography.h"

namespace galley::annotate {

namespace {

// Lower case, folded, single spaces, no leading "the ".
std::string comparable(std::string_view name) {
  const std::string folded = base::foldTypography(name);
  std::string out;
  for (const char c : folded) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.starts_with("the ")) out.erase(0, 4);
  return out;
}

}  // namespace

std::string organisationOf(const document::Document& document) {
  for (const std::string_view key : {"organisation", "organization"}) {
    if (const document::FrontMatterField* field = document.field(key)) {
      std::string value = comparable(field->value).empty() ? std::string() : field->value;
      const auto notSpace = [](unsigned char c) { return std::isspace(c) == 0; };
      value.erase(value.begin(), std::find_if(value.begin(), value.end(), notSpace));
      value.erase(std::find_if(value.rbegin(), value.rend(), notSpace).base(), value.end());
      if (!value.empty()) return value;
    }
  }
  return {};
}

bool organisationListed(std::string_view organisation, std::span<const std::string> listed) {
  if (listed.empty()) return true;
  const std::string wanted = comparable(organisation);
  if (wanted.empty()) return true;
  return std::any_of(listed.begin(), listed.end(), [&](const std::string& name) { return comparable(name) == wanted; });
}

}  // namespace galley::annotate
