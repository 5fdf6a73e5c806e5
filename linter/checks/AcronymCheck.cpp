#include "checks/AcronymCheck.h"

#include <algorithm>
#include <optional>

#include "checks/FactCheck.h"
#include "facts/NameMatcher.h"

namespace galley::checks {

namespace {

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isWordChar(char c) { return (c >= 'a' && c <= 'z') || isUpper(c) || (c >= '0' && c <= '9') || c == '-'; }

// Small words allowed inside an expansion; "The" at a sentence start is one too.
bool isConnector(std::string_view word) {
  return word == "of" || word == "on" || word == "and" || word == "for" || word == "the" || word == "in" ||
         word == "The";
}

// Length of the space ending at `end`: a space (1), a no-break space (2 bytes), else 0.
base::Offset spaceBefore(std::string_view text, base::Offset end) {
  if (end >= 1 && text[end - 1] == ' ') return 1;
  if (end >= 2 && text.substr(end - 2, 2) == "\xC2\xA0") return 2;
  return 0;
}

// The capitalised run of words ending at `end` ("United Nations Office for Drug Control"), with
// connectors allowed inside but not at its start.
base::Range expansionBefore(std::string_view text, base::Offset end) {
  base::Offset begin = end;
  base::Offset cursor = end;
  while (cursor > 0) {
    base::Offset wordEnd = cursor;
    while (spaceBefore(text, wordEnd) > 0) wordEnd -= spaceBefore(text, wordEnd);
    base::Offset wordBegin = wordEnd;
    while (wordBegin > 0 && isWordChar(text[wordBegin - 1])) --wordBegin;
    if (wordBegin == wordEnd) break;
    const std::string_view word = text.substr(wordBegin, wordEnd - wordBegin);
    const bool connector = isConnector(word);
    if (!isUpper(word.front()) && !connector) break;
    if (!connector) begin = wordBegin;
    cursor = wordBegin;
  }
  return {begin, end};
}

// True when `text` is one of the entity's names (after case/dash normalisation).
bool isNameOf(const facts::Entity& entity, std::string_view text) {
  const std::string key = facts::normalizeName(text);
  const auto names = entity.allNames();
  return std::any_of(names.begin(), names.end(), [&](std::string_view name) {
    std::string candidate = facts::normalizeName(name);
    if (candidate.starts_with("the ")) candidate.erase(0, 4);
    return candidate == key;
  });
}

// True when `written` is one of the entity's acronyms exactly as the fact base spells it: "UNODC"
// is an acronym use, "ASTANA" in an upper-case dateline is the name Astana, not an acronym.
bool isAcronymOf(const facts::Entity& entity, std::string_view written) {
  if (!facts::isAcronym(written)) return false;
  const auto names = entity.allNames();
  return std::any_of(names.begin(), names.end(), [&](std::string_view name) { return name == written; });
}

// The definition shape around an acronym mention, if any: "<expansion> (ACR)" or "ACR (<expansion>)".
base::Range expansionAround(std::string_view text, const annotate::Mention& mention) {
  if (mention.prose.begin >= 2 && text[mention.prose.begin - 1] == '(' && mention.prose.end < text.size() &&
      text[mention.prose.end] == ')' && text[mention.prose.begin - 2] == ' ')
    return expansionBefore(text, mention.prose.begin - 2);
  if (text.substr(mention.prose.end).starts_with(" (")) {
    const size_t close = text.find(')', mention.prose.end);
    if (close != std::string_view::npos) return {mention.prose.end + 2, static_cast<base::Offset>(close)};
  }
  return {};
}

// Running prose, where an acronym is defined at its first use: not a headline, heading, table cell
// (labels, like headings, use the short form) or front matter.
bool isBody(const document::Block& block) {
  return block.kind != document::BlockKind::Title && block.kind != document::BlockKind::Heading &&
         block.kind != document::BlockKind::FrontMatter && block.kind != document::BlockKind::TableCell;
}

}  // namespace

// One use of a known acronym in the document, with its definition if it is one.
struct AcronymCheck::Use {
  const annotate::Mention* mention = nullptr;
  std::string_view acronym;
  base::Range expansion{};  // prose of mention->block; empty when not a definition
  bool definition = false;

  // Reads the use at `mention`, whose block's prose is `text`.
  static Use read(const facts::Entity& entity, std::string_view text, const annotate::Mention& mention) {
    Use use{&mention, text.substr(mention.prose.begin, mention.prose.size()), expansionAround(text, mention), false};
    // "Later the Commission on Narcotic Drugs (CND)": the expansion is the entity's name inside it.
    if (use.expansion.end <= mention.prose.begin) {
      for (base::Offset at = use.expansion.begin; at < use.expansion.end; ++at) {
        if (at != use.expansion.begin && spaceBefore(text, at) == 0) continue;
        if (isNameOf(entity, text.substr(at, use.expansion.end - at))) {
          use.expansion.begin = at;
          break;
        }
      }
    }
    const std::string_view written = text.substr(use.expansion.begin, use.expansion.size());
    // Not an expansion unless it has as many capitalised words as the acronym has letters, roughly.
    const auto capitals = static_cast<size_t>(std::count_if(written.begin(), written.end(), isUpper));
    use.definition = !use.expansion.empty() && capitals >= 2 && capitals + 1 >= use.acronym.size();
    return use;
  }
};

AcronymCheck::AcronymCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack,
                           Problem problem, std::vector<std::string> known)
    : Check(rule, scope), pack_(std::move(pack)), problem_(problem), known_(std::move(known)) {
  std::sort(known_.begin(), known_.end());
}

std::unique_ptr<Check> AcronymCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const size_t errorsBefore = errors.size();
  const auto scope = Scope::parse(rule.scope, errors);
  Problem problem = Problem::Expansion;
  if (auto name = rule.options.getString("problem", errors)) {
    constexpr std::array<std::pair<std::string_view, Problem>, 4> kProblems{{
        {"expansion", Problem::Expansion},
        {"undefined", Problem::Undefined},
        {"twice", Problem::Twice},
        {"two-ways", Problem::TwoWays},
    }};
    const auto* const it = std::find_if(kProblems.begin(), kProblems.end(),
                                        [&](const auto& entry) { return entry.first == name->value; });
    if (it == kProblems.end()) {
      errors.push_back(base::Error::invalidInput(
          "unknown problem '" + name->value + "' (expansion, undefined, twice, two-ways)", name->where));
    } else {
      problem = it->second;
    }
  }
  std::vector<std::string> known;
  if (auto listed = rule.options.getStringList("known", errors))
    for (auto& acronym : *listed) known.push_back(std::move(acronym.value));
  auto pack = loadRuleFacts(rule, errors);
  if (errors.size() != errorsBefore || !scope || !pack) return nullptr;
  return std::make_unique<AcronymCheck>(rule, *scope, std::move(pack), problem, std::move(known));
}

void AcronymCheck::run(const document::Document& document, annotate::Annotations& annotations,
                       diag::DiagnosticSink& sink) const {
  const facts::FactBase& base = pack_->facts();
  const annotate::MentionSet& mentions = annotations.mentions(*pack_);
  std::vector<Use> definitions;
  // By entity: its full name or a definition was written in the body; its first use in the body
  // that came before both, waiting for a definition that would show it was used too early.
  std::vector<bool> named(base.entities().size(), false);
  std::vector<std::optional<Use>> early(base.entities().size());
  for (const annotate::Mention& mention : mentions.mentions) {
    const document::Block& block = document.blocks[mention.block];
    const std::string_view text = block.prose.text();
    const bool body = isBody(block);
    const facts::Entity& entity = base.entity(mention.entity);
    if (!isAcronymOf(entity, text.substr(mention.prose.begin, mention.prose.size()))) {
      if (body) named[mention.entity] = true;
      continue;
    }
    if (!scope().includes(block)) continue;
    const Use use = Use::read(entity, text, mention);
    if (problem_ == Problem::Undefined && body) {
      auto& pending = early[mention.entity];
      if (use.definition && pending) {
        reportUndefined(document, *pending, sink);
        pending.reset();
      } else if (!use.definition && !named[mention.entity] && !pending) {
        pending = use;
      }
    }
    if (body && use.definition) named[mention.entity] = true;
    if (use.definition) definitions.push_back(use);
  }
  if (problem_ == Problem::Undefined) return;

  std::vector<const Use*> first(base.entities().size(), nullptr);
  for (const Use& use : definitions) {
    if (problem_ == Problem::Expansion) {
      reportExpansion(document, use, sink);
      continue;
    }
    const Use*& earlier = first[use.mention->entity];
    if (earlier == nullptr) {
      earlier = &use;
    } else {
      reportRedefinition(document, use, *earlier, sink);
    }
  }
}

void AcronymCheck::reportUndefined(const document::Document& document, const Use& use,
                                   diag::DiagnosticSink& sink) const {
  if (std::binary_search(known_.begin(), known_.end(), std::string(use.acronym))) return;
  const facts::FactBase& base = pack_->facts();
  const annotate::Mention& mention = *use.mention;
  const facts::Entity& entity = base.entity(mention.entity);
  const std::array<std::pair<std::string_view, std::string_view>, 3> values{
      {{"acronym", use.acronym}, {"found", use.acronym}, {"expected", entity.name}}};
  diag::Diagnostic diagnostic = this->diagnostic(mention.source, values);
  diagnostic.notes.push_back(factNote(base, entity.where, entity.sources,
                                      "the fact base expands " + std::string(use.acronym) + " as " + entity.name));
  if (!mention.possessive && document.blocks[mention.block].prose.isContiguous(mention.prose)) {
    const std::string replacement = entity.name + " (" + std::string(use.acronym) + ")";
    diagnostic.fix = diag::Fix{"Write '" + replacement + "'", diag::Applicability::Unsafe,
                               {diag::Edit{mention.source, replacement}}};
  }
  sink.report(std::move(diagnostic));
}

void AcronymCheck::reportExpansion(const document::Document& document, const Use& use,
                                   diag::DiagnosticSink& sink) const {
  const facts::FactBase& base = pack_->facts();
  const document::ProseText& prose = document.blocks[use.mention->block].prose;
  const std::string_view written = std::string_view(prose.text()).substr(use.expansion.begin, use.expansion.size());
  const facts::Entity& entity = base.entity(use.mention->entity);
  if (isNameOf(entity, written)) return;
  const std::array<std::pair<std::string_view, std::string_view>, 3> values{
      {{"acronym", use.acronym}, {"found", written}, {"expected", entity.name}}};
  diag::Diagnostic diagnostic = this->diagnostic(prose.toSource(use.expansion), values);
  diagnostic.notes.push_back(factNote(base, entity.where, entity.sources,
                                      "the fact base expands " + std::string(use.acronym) + " as " + entity.name));
  if (prose.isContiguous(use.expansion)) {
    diagnostic.fix = diag::Fix{"Write '" + entity.name + "'", diag::Applicability::Unsafe,
                               {diag::Edit{prose.toSource(use.expansion), entity.name}}};
  }
  sink.report(std::move(diagnostic));
}

void AcronymCheck::reportRedefinition(const document::Document& document, const Use& use, const Use& earlier,
                                      diag::DiagnosticSink& sink) const {
  const facts::Entity& entity = pack_->facts().entity(use.mention->entity);
  const document::ProseText& prose = document.blocks[use.mention->block].prose;
  const std::string_view written = std::string_view(prose.text()).substr(use.expansion.begin, use.expansion.size());
  const document::ProseText& firstProse = document.blocks[earlier.mention->block].prose;
  const std::string_view firstWritten =
      std::string_view(firstProse.text()).substr(earlier.expansion.begin, earlier.expansion.size());
  const bool same = facts::normalizeName(firstWritten) == facts::normalizeName(written);
  if (same != (problem_ == Problem::Twice)) return;
  // A wrong expansion is the `expansion` problem's; two ways means two right ones.
  if (!same && (!isNameOf(entity, written) || !isNameOf(entity, firstWritten))) return;
  const std::array<std::pair<std::string_view, std::string_view>, 3> values{
      {{"acronym", use.acronym}, {"found", written}, {"expected", firstWritten}}};
  // The whole definition, closing parenthesis included.
  base::Range whole{std::min(use.expansion.begin, use.mention->prose.begin),
                    std::max(use.expansion.end, use.mention->prose.end)};
  if (whole.end < prose.text().size() && prose.text()[whole.end] == ')') ++whole.end;
  diag::Diagnostic diagnostic = this->diagnostic(prose.toSource(whole), values);
  diag::Note note;
  note.message = std::string(use.acronym) + " was first defined here";
  note.range = firstProse.toSource(earlier.expansion);
  diagnostic.notes.push_back(std::move(note));
  sink.report(std::move(diagnostic));
}

}  // namespace galley::checks
