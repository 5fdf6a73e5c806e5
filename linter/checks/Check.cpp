#include "checks/Check.h"

#include <algorithm>

namespace galley::checks {

Check::Check(const config::RuleConfig& rule, Scope scope)
    : id_(rule.id), severity_(rule.severity), message_(rule.message), link_(rule.link), scope_(scope) {}

diag::Diagnostic Check::diagnostic(base::Range source, MessageValues values) const {
  diag::Diagnostic out;
  out.ruleId = id_;
  out.severity = severity_;
  out.range = source;
  out.message = message_.render(values);
  out.link = link_;
  return out;
}

void Check::forEachSpan(const document::Document& document, annotate::Annotations& annotations,
                        const std::function<void(size_t, base::Range)>& visit) const {
  if (scope_.sentences()) {
    for (const annotate::Sentence& sentence : annotations.sentences()) {
      if (scope_.includes(document.blocks[sentence.block])) visit(sentence.block, sentence.prose);
    }
    return;
  }
  for (size_t i = 0; i < document.blocks.size(); ++i) {
    const document::Block& block = document.blocks[i];
    if (scope_.includes(block)) visit(i, {0, static_cast<base::Offset>(block.prose.text().size())});
  }
}

Check::ScopeSpans Check::scopeSpans(const document::Document& document, annotate::Annotations& annotations) const {
  ScopeSpans result;
  forEachSpan(document, annotations, [&](size_t block, base::Range span) { result.spans_.emplace_back(block, span); });
  return result;
}

bool Check::ScopeSpans::contains(size_t block, base::Range range) const {
  const auto it = std::partition_point(spans_.begin(), spans_.end(), [&](const auto& s) {
    return s.first < block || (s.first == block && s.second.end <= range.begin);
  });
  return it != spans_.end() && it->first == block && it->second.contains(range);
}

}  // namespace galley::checks
