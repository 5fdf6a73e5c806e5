// Clauses: the tense and modality of the clause a date belongs to ("met on 13 March and will meet
// on 8 June" gives each date its own verb).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/Range.h"
#include "config/Lexicon.h"

namespace galley::annotate {

// Past: "was held", "met", "signed"; Future: "will", "is scheduled for", "next"; Neutral: a modal or
// reported plan ("would", "may", "was expected to") that fixes no direction and hides any cue
// further away: the clause's time is not known.
enum class Tense { Past, Future, Neutral };

// The tense of the clause the date at `date` belongs to, inside `sentence` of `text` (one block's
// prose; all ranges are prose offsets). `dates` are the date ranges inside the sentence, whose
// words are never cues ("next" in "next Monday").
//
// The words come from `lexicon` (tense.*, clauses.*); the grammar over them is here. A sentence is
// cut into clauses at ";", an em dash and words that open a clause of their own ("and", "but",
// "which", "that", "while", ...). The nearest verb cue before the date in its clause
// decides, else the first one after it, else an adjective cue ("the upcoming forum"), else the
// nearest verb cue in an earlier clause. A past verb is detached from a later date by "for",
// "until", "ending", an infinitive ("agreed to meet on"), a future one from an earlier date by
// "anniversary of", "since", "after"; a participial phrase set off by a comma detaches both.
// Returns nullopt when nothing decides (or the cue is detached). Pure and thread-safe.
std::optional<Tense> clauseTense(const config::Lexicon& lexicon, std::string_view text, base::Range sentence,
                                 const std::vector<base::Range>& dates, base::Range date);

}  // namespace galley::annotate
