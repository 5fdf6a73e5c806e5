#include "checks/TitleCheck.h"

#include "checks/FactCheck.h"
#include "checks/Patterns.h"

namespace galley::checks {

namespace {

// The offices `person` held, as "Executive Director of the United Nations Office on Drugs and Crime".
std::string officesOf(const facts::FactBase& base, const facts::Entity& person) {
  std::string out;
  for (const auto& tenure : person.holds) {
    const std::string& name = base.entity(tenure.office).name;
    if (out.find(name) != std::string::npos) continue;
    if (!out.empty()) out += "; ";
    out += name;
  }
  return out.empty() ? "no office in the fact base" : out;
}

// When a title is judged: at its own sentence's date ("In May 2013, ..."), else at the reference
// date. nullopt when it is not judged: "former", "acting", "the then ..." mean another time; when
// its sentence holds another date, which one it speaks of is not known; with no date at all.
std::optional<base::DateInterval> judgedAt(const annotate::TitleMention& title,
                                           const std::optional<base::CivilDate>& reference) {
  if (!title.modifier.empty() || title.dateUncertain) return std::nullopt;
  if (title.judgedAt) return title.judgedAt;
  if (reference) return base::DateInterval::day(*reference);
  return std::nullopt;
}

// "2013", "2013-05" or "2011-06-14": the interval as its precision allows.
std::string describeInterval(const base::DateInterval& interval) {
  const std::string first = interval.isoFirst();
  return first == interval.isoLast() ? first : first + " to " + interval.isoLast();
}

}  // namespace

TitleCheck::TitleCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack,
                       bool period)
    : Check(rule, scope), pack_(std::move(pack)), period_(period) {}

TitleCheck::TitleCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack,
                       std::vector<boost::regex> ignore)
    : Check(rule, scope), pack_(std::move(pack)), form_(true), ignore_(std::move(ignore)) {}

std::unique_ptr<Check> TitleCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const size_t errorsBefore = errors.size();
  const auto scope = Scope::parse(rule.scope, errors);
  const bool period = rule.options.getBool("period", true, errors);
  bool form = false;
  if (auto problem = rule.options.getString("problem", errors)) {
    if (problem->value == "form") {
      form = true;
    } else if (problem->value != "holder") {
      errors.push_back(base::Error::invalidInput("unknown problem '" + problem->value + "' (holder, form)",
                                                 problem->where));
    }
  }
  std::vector<boost::regex> ignore;
  if (auto listed = rule.options.getStringList("ignore", errors)) {
    for (const auto& pattern : *listed)
      if (auto compiled = compileRegex(pattern.value, false, pattern, errors)) ignore.push_back(*compiled);
  }
  auto pack = loadRuleFacts(rule, errors);
  if (errors.size() != errorsBefore || !scope || !pack) return nullptr;
  if (form) return std::make_unique<TitleCheck>(rule, *scope, std::move(pack), std::move(ignore));
  return std::make_unique<TitleCheck>(rule, *scope, std::move(pack), period);
}

void TitleCheck::runForm(const document::Document& document, const annotate::MentionSet& mentions,
                         diag::DiagnosticSink& sink) const {
  const facts::FactBase& base = pack_->facts();
  for (const annotate::TitleMention& title : mentions.titles) {
    // A bare "secretary-general" may be anyone's; with a person or an organisation it is the office.
    if ((!title.person && !title.organisation) || !scope().includes(document.blocks[title.block])) continue;
    const document::ProseText& prose = document.blocks[title.block].prose;
    const std::string written(prose.text().substr(title.titleProse.begin, title.titleProse.size()));
    if (title.canonical.empty() || written == title.canonical) continue;
    // Guarded like every other pattern: a runaway `ignore:` regex costs this rule the file, not the process.
    if (std::any_of(ignore_.begin(), ignore_.end(),
                    [&](const boost::regex& pattern) { return matchesWhole(pattern, prose.text(), title.titleProse); }))
      continue;
    const std::string person = title.person ? base.entity(mentions.mentions[*title.person].entity).name : "";
    const std::array<std::pair<std::string_view, std::string_view>, 3> values{
        {{"person", person}, {"title", written}, {"expected", title.canonical}}};
    diag::Diagnostic diagnostic = this->diagnostic(prose.toSource(title.titleProse), values);
    if (prose.isContiguous(title.titleProse)) {
      diagnostic.fix = diag::Fix{"Write '" + title.canonical + "'", diag::Applicability::Safe,
                                 {diag::Edit{prose.toSource(title.titleProse), title.canonical}}};
    }
    sink.report(std::move(diagnostic));
  }
}

void TitleCheck::run(const document::Document& document, annotate::Annotations& annotations,
                     diag::DiagnosticSink& sink) const {
  const facts::FactBase& base = pack_->facts();
  const annotate::MentionSet& mentions = annotations.mentions(*pack_);
  if (form_) {
    runForm(document, mentions, sink);
    return;
  }
  for (const annotate::TitleMention& title : mentions.titles) {
    if (!title.person || !scope().includes(document.blocks[title.block])) continue;
    const facts::EntityIndex personIndex = mentions.mentions[*title.person].entity;
    const facts::Entity& person = base.entity(personIndex);
    const document::ProseText& prose = document.blocks[title.block].prose;
    const std::string written(prose.text().substr(title.prose.begin, title.prose.size()));

    std::vector<const facts::Tenure*> held;
    for (const auto office : title.offices)
      for (const auto* tenure : base.tenures(personIndex, office)) held.push_back(tenure);
    if (title.organisation && !title.organisationMatches) held.clear();  // "UNODC Secretary-General"
    if (held.empty()) {
      const std::string expected = officesOf(base, person);
      const std::array<std::pair<std::string_view, std::string_view>, 3> values{
          {{"person", person.name}, {"title", written}, {"expected", expected}}};
      diag::Diagnostic diagnostic = this->diagnostic(title.source, values);
      if (!person.holds.empty()) {
        diagnostic.notes.push_back(factNote(base, person.holds.front().where, person.holds.front().sources,
                                            "the fact base lists " + person.name + " as " + expected));
      } else {
        diagnostic.notes.push_back(factNote(base, person.where, person.sources,
                                            "the fact base lists no office for " + person.name));
      }
      sink.report(std::move(diagnostic));
      continue;
    }
    const auto& reference = annotations.referenceDate();
    const auto judged = period_ ? judgedAt(title, reference) : std::nullopt;
    if (!judged) continue;
    const base::DateInterval day = *judged;
    if (std::any_of(held.begin(), held.end(), [&](const facts::Tenure* tenure) { return tenure->covers(day); }))
      continue;
    const auto termText = [](const facts::Tenure& tenure) {
      return (tenure.from ? tenure.from->isoFirst() : std::string("?")) + " to " +
             (tenure.to ? tenure.to->isoLast() : std::string("now"));
    };
    std::string expected = title.judgedAt ? "not in office in " + describeInterval(day)
                                          : "not in office on " + base::formatDayMonthYear(*reference);
    std::optional<std::pair<facts::EntityIndex, const facts::Tenure*>> holder;
    for (const auto office : title.offices) {
      const auto holders = base.holdersAt(office, day);
      if (holders.empty()) continue;
      holder = holders.front();
      expected += "; " + base.entity(holder->first).name + " was";
      break;
    }
    const std::array<std::pair<std::string_view, std::string_view>, 3> values{
        {{"person", person.name}, {"title", written}, {"expected", expected}}};
    diag::Diagnostic diagnostic = this->diagnostic(title.source, values);
    diagnostic.notes.push_back(factNote(base, held.front()->where, held.front()->sources,
                                        person.name + "'s term in the fact base: " + termText(*held.front())));
    if (holder) {
      diagnostic.notes.push_back(factNote(base, holder->second->where, holder->second->sources,
                                          base.entity(holder->first).name + "'s term: " + termText(*holder->second)));
    }
    sink.report(std::move(diagnostic));
  }
}

}  // namespace galley::checks
