#!/usr/bin/env python3
"""Turn a rules-N.tsv written by the shared make_rules.py into a Galley pack.

Usage: substitution_pack.py RULES.tsv PACKDIR

Writes PACKDIR/substitutions.yaml: one `substitution` rule whose swap map holds every row (the
pattern without its \\b guards, which Galley's whole-word matching already implies), the way a prh
dictionary is one textlint rule; a stem with no closing \\b gets \\w* to reach the word's end. Galley's expected values are literal text, so a prh back-reference
("$1 $3") stays as written; the rows that use one never occur in the benchmark corpus.
"""
import os
import sys


def quote(text):
    return "'" + text.replace("'", "''") + "'"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, pack = sys.argv[1], sys.argv[2]
    rows = []
    with open(source, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            pattern, expected = line.split("\t", 1)
            if pattern.startswith("\\b"):
                pattern = pattern[2:]
            if pattern.endswith("\\b"):
                pattern = pattern[:-2]
            elif pattern[-1:].isalpha():
                pattern += "\\w*"  # a stem ("co-operat"): the whole word is the match
            rows.append((pattern, expected))
    os.makedirs(pack, exist_ok=True)
    with open(os.path.join(pack, "substitutions.yaml"), "w", encoding="utf-8") as f:
        f.write(f"# {len(rows)} substitutions from {os.path.basename(source)} (bench/substitution_pack.py)\n")
        f.write("rules:\n  - id: house-style\n    kind: substitution\n    severity: warning\n")
        f.write("    message: \"Write '{expected}', not '{found}'\"\n    regex: true\n    swap:\n")
        for pattern, expected in rows:
            f.write(f"      {quote(pattern)}: {quote(expected)}\n")


if __name__ == "__main__":
    main()
