// The reference date of a document: what "today" and "last month" mean in it.
#pragma once

#include <optional>
#include <string_view>

#include "base/Calendar.h"
#include "dates/DateRecognizer.h"

namespace galley::dates {

// Returns the reference date: the front matter `date` when it is a valid ISO day ("2017-03-14")
// or a full written date ("14 March 2017"); else the dateline, i.e. the first expression in
// `firstParagraph` that names a full day with its year ("VIENNA, 14 March 2017 - ..."); else
// nullopt. A dateline without a year ("VIENNA, 14 March") gives nullopt: the year is never guessed.
std::optional<base::CivilDate> referenceDate(std::optional<std::string_view> frontMatterDate,
                                             std::string_view firstParagraph, const DateRecognizer& recognizer);

}  // namespace galley::dates
