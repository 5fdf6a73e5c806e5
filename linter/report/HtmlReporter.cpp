#include "report/HtmlReporter.h"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "report/Escaping.h"
#include "report/SourceExcerpt.h"

namespace galley::report {

namespace {

// Colours follow the usual editor convention (red, amber, blue); underlines are wavy so they read
// as findings, not links, and print in black and white through their style.
constexpr std::string_view kStyle = R"(
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 1.5rem;color:#1b1b1b;background:#fff}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.6rem 0 .4rem;word-break:break-all}
.summary{color:#444}.toc{columns:2;font-size:.9rem}.toc li{break-inside:avoid}
.count{color:#555;font-size:.85rem}.clean{color:#2a6a2a}
.finding{border-left:4px solid #999;margin:.6rem 0;padding:.3rem .7rem;background:#fafafa}
.finding.error{border-color:#c62828}.finding.warning{border-color:#d98200}.finding.info{border-color:#1e5fb4}
.sev{font-weight:600;text-transform:uppercase;font-size:.75rem;letter-spacing:.04em}
.error .sev{color:#c62828}.warning .sev{color:#9a5c00}.info .sev{color:#1e5fb4}
.rule{font-family:ui-monospace,monospace;font-size:.85rem;color:#555}
pre.src{margin:.3rem 0;padding:.3rem .5rem;background:#fff;border:1px solid #e3e3e3;overflow-x:auto;font-size:.85rem}
.ln{display:inline-block;min-width:3.5em;color:#888;user-select:none}
mark{background:none;color:inherit;text-decoration-line:underline;text-decoration-style:wavy;text-decoration-skip-ink:none;text-underline-offset:3px}
mark.error{text-decoration-color:#c62828;background:#fdecec}mark.warning{text-decoration-color:#d98200;background:#fff4e0}
mark.info{text-decoration-color:#1e5fb4;background:#eaf1fb}
.fix{margin:.2rem 0;font-size:.9rem}.notes{margin:.2rem 0;padding-left:1.2rem;font-size:.9rem;color:#333}
.explain{margin:.2rem 0;font-size:.9rem;color:#444}.input-error{color:#c62828}
)";

std::string_view severityClass(diag::Severity severity) { return diag::severityName(severity); }

// Only web links become links: a fact base naming "javascript:" or "file:" gets plain text.
bool isWebLink(std::string_view url) { return url.starts_with("https://") || url.starts_with("http://"); }

// The source lines `range` touches (at most kMaxExcerptLines), each with a line-number gutter
// and the part inside the range wrapped in <mark class=SEVERITY>. A line longer than
// kMaxExcerptLineBytes is named, not shown.
std::string excerptHtml(const base::SourceBuffer& source, base::Range range, diag::Severity severity) {
  const uint32_t firstLine = source.lineColumn(range.begin).line;
  const base::LineColumn end = source.lineColumn(range.end);
  // A range ending at a line's first character stops on the line before.
  const uint32_t lastLine = end.column == 1 && end.line > firstLine ? end.line - 1 : end.line;
  std::string out = "<pre class=\"src\">";
  for (uint32_t number = firstLine; number <= lastLine && number < firstLine + kMaxExcerptLines; ++number) {
    if (number > firstLine) out += '\n';
    const base::Range line = source.lineRange(number);
    out += fmt::format("<span class=\"ln\">{}</span>", number);
    if (line.size() > kMaxExcerptLineBytes) {
      out += fmt::format("(line of {} bytes, not shown)", line.size());
      continue;
    }
    const base::Offset from = std::clamp(range.begin, line.begin, line.end);
    const base::Offset to = std::clamp(range.end, from, line.end);
    out += xmlEscape(source.slice({line.begin, from}));
    out += fmt::format("<mark class=\"{}\">", severityClass(severity));
    out += xmlEscape(source.slice({from, to}));
    out += "</mark>";
    out += xmlEscape(source.slice({to, line.end}));
  }
  return out + "</pre>";
}

std::string noteHtml(const base::SourceBuffer& source, const diag::Note& note) {
  std::string where;
  if (note.range) {
    const base::LineColumn at = source.lineColumn(note.range->begin);
    where = fmt::format("line {}:{}: ", at.line, at.column);
  } else if (!note.path.empty()) {
    where = note.line > 0 ? fmt::format("{}:{}:{}: ", note.path, note.line, note.column) : note.path + ": ";
  }
  std::string out = "<li>" + xmlEscape(where) + xmlEscape(note.message);
  if (isWebLink(note.sourceUrl)) {
    const std::string& label = note.sourceTitle.empty() ? note.sourceUrl : note.sourceTitle;
    out += fmt::format(R"( <a href="{}" rel="noreferrer">{}</a>)", xmlEscape(note.sourceUrl), xmlEscape(label));
  }
  return out + "</li>";
}

}  // namespace

void HtmlReporter::addFile(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  const size_t index = ++sectionCount_;
  const std::string path = xmlEscape(source.path());
  contents_ += fmt::format("<li><a href=\"#file-{}\">{}</a> <span class=\"count\">{}</span></li>\n", index, path,
                           diagnostics.empty() ? std::string("clean") : fmt::format("{} finding{}", diagnostics.size(),
                                                                                    diagnostics.size() == 1 ? "" : "s"));
  sections_ += fmt::format("<section class=\"file\" id=\"file-{}\" data-path=\"{}\">\n<h2>{}</h2>\n", index, path, path);
  if (diagnostics.empty()) sections_ += "<p class=\"clean\">No findings.</p>\n";
  size_t number = 0;
  for (const diag::Diagnostic& diagnostic : diagnostics) {
    const base::LineColumn at = source.lineColumn(diagnostic.range.begin);
    const std::string_view severity = severityClass(diagnostic.severity);
    sections_ += fmt::format(
        "<div class=\"finding {}\" id=\"f-{}-{}\" data-line=\"{}\" data-column=\"{}\" data-rule=\"{}\">\n"
        "<div><span class=\"sev\">{}</span> <a href=\"#f-{}-{}\">{}:{}</a> {} <span class=\"rule\">[{}]</span></div>\n",
        severity, index, ++number, at.line, at.column, xmlEscape(diagnostic.ruleId), severity, index, number, at.line,
        at.column, xmlEscape(diagnostic.message), xmlEscape(diagnostic.ruleId));
    sections_ += excerptHtml(source, diagnostic.range, diagnostic.severity) + "\n";
    const auto rule = std::find_if(options_.rules.begin(), options_.rules.end(),
                                   [&](const RuleInfo& info) { return info.id == diagnostic.ruleId; });
    if (rule != options_.rules.end() && !rule->description.empty())
      sections_ += "<p class=\"explain\">" + xmlEscape(rule->description) + "</p>\n";
    if (diagnostic.fix && !diagnostic.fix->edits.empty()) {
      const bool safe = diagnostic.fix->applicability == diag::Applicability::Safe;
      sections_ += fmt::format("<p class=\"fix\">Fix ({}): {}</p>\n", safe ? "safe, galley fix applies it" : "unsafe, review it",
                               xmlEscape(diagnostic.fix->title));
    }
    if (!diagnostic.notes.empty()) {
      sections_ += "<ul class=\"notes\">";
      for (const diag::Note& note : diagnostic.notes) sections_ += noteHtml(source, note);
      sections_ += "</ul>\n";
    }
    sections_ += "</div>\n";
  }
  sections_ += "</section>\n";
}

void HtmlReporter::addError(const base::Error& error) {
  const size_t index = ++sectionCount_;
  const std::string path = xmlEscape(error.location() ? error.location()->path : std::string("<input>"));
  contents_ += fmt::format("<li><a href=\"#file-{}\">{}</a> <span class=\"count\">not checked</span></li>\n", index, path);
  sections_ += fmt::format("<section class=\"file\" id=\"file-{}\" data-path=\"{}\">\n<h2>{}</h2>\n"
                           "<p class=\"input-error\">Not checked: {}</p>\n</section>\n",
                           index, path, path, xmlEscape(error.toString()));
}

void HtmlReporter::finish(const RunSummary& summary) {
  out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
       << "<title>Galley report</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
       << "<h1>Galley report</h1>\n"
       << fmt::format("<p class=\"summary\">{} file{} checked: {} error{}, {} warning{}, {} info{}{}.</p>\n", summary.files,
                      summary.files == 1 ? "" : "s", summary.errors, summary.errors == 1 ? "" : "s", summary.warnings,
                      summary.warnings == 1 ? "" : "s", summary.infos, summary.infos == 1 ? "" : "s",
                      options_.toolVersion.empty() ? std::string() : " (galley " + xmlEscape(options_.toolVersion) + ")")
       << "<nav><ul class=\"toc\">\n" << contents_ << "</ul></nav>\n" << sections_ << "</body>\n</html>\n";
  out_.flush();
}

}  // namespace galley::report
