// ReferenceDate: the one decision of what "today" is in a draft, and where it was written.
#pragma once

#include <optional>

#include "base/Calendar.h"
#include "base/Range.h"
#include "config/ProjectConfig.h"
#include "dates/DateRecognizer.h"
#include "document/Document.h"

namespace galley::annotate {

enum class ReferenceOrigin {
  None,         // no trustworthy date of issue: nothing is judged against "today"
  FrontMatter,  // the front matter's `date`
  Dateline,     // the first paragraph's dateline ("VIENNA, 14 March 2017 — ...")
  Configured,   // a fixed date from the configuration (`reference-date:`) or `--ref`
};

// "none", "front matter", "dateline", "configuration".
std::string_view referenceOriginName(ReferenceOrigin origin);

struct ReferenceDate {
  std::optional<base::CivilDate> date;  // set exactly when origin is not None
  ReferenceOrigin origin = ReferenceOrigin::None;
  std::optional<base::Range> source;    // where it is written, in the document's source (none when Configured)
};

// Decides the reference date of `document`, once for every check and for resolving relative dates:
//  - the front matter `date` when it is a valid ISO day ("2017-03-14") or a full written date;
//  - else the first date of the first paragraph when it names a full day with its year AND is
//    shaped like a dateline: only capitalised words before it ("VIENNA,", "New York,"), no
//    preposition opening a story ("On 14 June 2011, the two signed ..."), and a dash, full stop,
//    colon or bracket (or nothing) after it;
//  - else none. A dateline without a year ("VIENNA, 14 March") gives none: the year is never
//    guessed, and a story's first date is not the date of issue.
// `setting` (the configuration's `reference-date:`, or `--ref`) narrows that: FrontMatter and
// Dateline read only that source, Fixed gives its date whatever the draft says.
ReferenceDate decideReferenceDate(const document::Document& document, const dates::DateRecognizer& recognizer,
                                  const config::ReferenceDateSetting& setting = {});

}  // namespace galley::annotate
