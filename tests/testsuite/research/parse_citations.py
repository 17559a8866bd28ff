"""Reads the BibTeX and RIS files given as arguments with real parsers (bibtexparser and
rispy from PyPI) and prints what they read as JSON: per file, its entries with their fields.

BibTeX values are printed as the parser returns them and, under "text", with the LaTeX text
commands of a value written back as the characters they stand for (the standard commands
kennis writes: \\&, \\%, \\$, \\#, \\_, \\textbackslash{}, \\textbraceleft{},
\\textbraceright{}, \\textasciitilde{}, \\textasciicircum{}), and the braces that only group
removed. A value with anything else after a backslash is reported as an error."""

import json
import re
import sys

import bibtexparser
import rispy

COMMANDS = {
    r"\textbackslash{}": "\\",
    r"\textbraceleft{}": "{",
    r"\textbraceright{}": "}",
    r"\textasciitilde{}": "~",
    r"\textasciicircum{}": "^",
    r"\&": "&",
    r"\%": "%",
    r"\$": "$",
    r"\#": "#",
    r"\_": "_",
}
PATTERN = re.compile("|".join(re.escape(c) for c in sorted(COMMANDS, key=len, reverse=True)))


def text(value):
    """The value as text: the commands become their characters, grouping braces go."""
    if "\\" in PATTERN.sub("", value):
        raise SystemExit(f"an unknown LaTeX command in {value!r}")
    out = []
    pos = 0
    for m in PATTERN.finditer(value):
        out.append(value[pos:m.start()].replace("{", "").replace("}", ""))
        out.append(COMMANDS[m.group(0)])
        pos = m.end()
    out.append(value[pos:].replace("{", "").replace("}", ""))
    return "".join(out)


def names(value):
    # BibTeX splits names at " and " outside braces.
    depth, start, parts = 0, 0, []
    i = 0
    while i < len(value):
        c = value[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and value.startswith(" and ", i):
            parts.append(value[start:i])
            start = i + 5
            i += 4
        i += 1
    parts.append(value[start:])
    return [text(p.strip()) for p in parts]


out = {}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read()
    if path.endswith(".bib"):
        library = bibtexparser.parse_string(data)
        if library.failed_blocks:
            raise SystemExit(f"{path}: bibtexparser could not read {len(library.failed_blocks)} block(s)")
        entries = []
        for entry in library.entries:
            fields = {f.key: f.value for f in entry.fields}
            entries.append({
                "type": entry.entry_type,
                "key": entry.key,
                "raw": fields,
                "text": {k: text(v) for k, v in fields.items() if k != "author"},
                "authors": names(fields.get("author", "")),
            })
        out[path] = entries
    else:
        if not data.endswith("ER  - \r\n") or "\n" in data.replace("\r\n", ""):
            raise SystemExit(f"{path}: not one RIS tag per CRLF line")
        out[path] = rispy.loads(data)
print(json.dumps(out, ensure_ascii=False))
