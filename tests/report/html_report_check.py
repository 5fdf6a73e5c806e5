#!/usr/bin/env python3
"""Reads a `galley check --format html` page and prints what a reader of it sees, as JSON.

Fails (exit 1, saying why) when the page is not well-formed XML, loads or runs anything (src=,
<link>, <script>, <img>, <iframe>, CSS url() or @import), or puts an http(s) address in any
attribute but the href of a plain <a> link. Addresses in text (a draft's own Markdown link, shown
in its source line) are text, not references. Otherwise prints {"findings": [[path, line, column, rule, severity,
underlined text of the first line, first gutter line number], ...]} in document order.
"""
import json
import re
import sys
from xml.dom import minidom


def fail(message):
    print(f"html_report_check: {message}", file=sys.stderr)
    sys.exit(1)


def text_of(node):
    if node.nodeType == node.TEXT_NODE:
        return node.data
    return "".join(text_of(child) for child in node.childNodes)


def elements(node):
    for child in node.childNodes:
        if child.nodeType == child.ELEMENT_NODE:
            yield child
            yield from elements(child)


def main():
    raw = open(sys.argv[1], encoding="utf-8").read()
    try:
        document = minidom.parseString(raw.encode("utf-8"))
    except Exception as error:  # expat's ExpatError names line and column
        fail(f"not well-formed: {error}")
    findings = []
    for element in elements(document):
        name = element.tagName.lower()
        if name in ("script", "link", "iframe", "img", "object", "embed", "base"):
            fail(f"<{name}> element: the report must not load or run anything")
        for index in range(element.attributes.length):
            attribute = element.attributes.item(index)
            value = attribute.value
            if attribute.name.lower() in ("src", "srcset", "background", "action"):
                fail(f"{attribute.name}= on <{name}>")
            if re.search(r"https?://", value) and not (name == "a" and attribute.name == "href"):
                fail(f"address in {attribute.name}= of <{name}>: {value}")
        if name == "style" and re.search(r"url\(|@import|https?://", text_of(element)):
            fail("the style sheet refers to another resource")
        if name == "a" and re.search(r"https?://", element.getAttribute("href") or ""):
            if not element.getAttribute("href").startswith(("http://", "https://")):
                fail(f"odd link {element.getAttribute('href')}")
    # An address in text (a draft's own Markdown link, shown as source) is text, not a reference.
    if re.search(r"<(script|link|img|iframe)\b", raw, re.IGNORECASE):
        fail("a resource-loading element in the raw markup")
    for section in document.getElementsByTagName("section"):
        path = section.getAttribute("data-path")
        for div in section.getElementsByTagName("div"):
            if not div.getAttribute("data-rule"):
                continue
            classes = div.getAttribute("class").split()
            severity = next(c for c in classes if c in ("error", "warning", "info"))
            pre = div.getElementsByTagName("pre")[0]
            marks = pre.getElementsByTagName("mark")
            if not marks or severity not in marks[0].getAttribute("class").split():
                fail(f"finding at {path}:{div.getAttribute('data-line')} has no underline of its severity")
            gutter = next(s for s in pre.getElementsByTagName("span") if s.getAttribute("class") == "ln")
            findings.append([path, int(div.getAttribute("data-line")), int(div.getAttribute("data-column")),
                             div.getAttribute("data-rule"), severity, text_of(marks[0]), int(text_of(gutter))])
    print(json.dumps({"findings": findings}))


main()
