#!/usr/bin/python3
"""Checks translations against a glossary (po/glossary/LL.tbx).

    glossary.py LL.tbx FILE.po...

LL.tbx's target language (xml:lang) must be the one its name says.

For every translated, non-fuzzy message whose English (msgid or
msgid_plural) contains one of a concept's English forms, each msgstr must
contain one of the concept's required target terms and none of its
forbidden variants. Rules:

- Placeholders (%s, %1$s, %(name)s, {name}) are taken out of both sides
  first: a placeholder's name is not text.
- English side: a form matches as whole words (no letter, digit or
  underscore right before or after it), in any letter case, with any run
  of white space where the form has a space. Only the forms listed
  match: plurals and other inflections are listed as forms of their own.
  Where forms of several concepts overlap, the one that starts first
  wins, then the longer: "backup policy" is the policy, not a backup,
  and "Cloud Backup and Recovery" (a name) is not a backup either.
- Target side: terms are found as substrings, in any letter case (CJK
  writes no spaces between words; German builds compounds). The
  required terms of every concept the English matched are taken out
  before forbidden variants are looked for, so a forbidden variant may
  be part of a required term (a required 云服务器 does not trip a
  forbidden 服务器, nor a required "Cloud Backup and Recovery" a
  forbidden "Backup").
- A deliberate departure is written in the message's translator comment
  as "glossary-exception: CONCEPT-ID: reason"; the concept is then not
  checked for that message. A reason is required, and an exception
  naming no concept of the glossary is an error.

Prints FILE:LINE: error: ... for each violation and exits 1 when there
was one, 2 when the glossary or a PO file cannot be read. Refuses a
glossary with a document type declaration: nothing is ever loaded from
outside the file.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

import polib

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
FORBIDDEN = "forbidden"


class GlossaryError(Exception):
    pass


class Concept:
    def __init__(self, ident, forms, required, forbidden, note):
        self.ident = ident
        self.forms = forms
        self.required = required
        self.forbidden = forbidden
        self.note = note
        # longest form first: an alternation takes the first that fits
        self.pattern = re.compile(
            "|".join(r"(?<![\w])" + r"\s+".join(map(re.escape, f.split()))
                     + r"(?![\w])"
                     for f in sorted(forms, key=len, reverse=True)),
            re.IGNORECASE)


# printf (with %N$ and flags), Python %(name)X, a bare %(name), {field}
PLACEHOLDER = re.compile(
    r"%(?:\d+\$|\([^)]*\))?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspr%]"
    r"|%\([^)]*\)|\{[^{}]*\}")


def without_placeholders(text):
    return PLACEHOLDER.sub(" ", text)


def matched(concepts, source):
    """The concepts whose forms occur in source, each with the text that
    matched; overlapping matches go to the leftmost, then longest."""
    spans = []
    for c in concepts:
        for m in c.pattern.finditer(source):
            spans.append((m.start(), m.start() - m.end(), c, m.group(0)))
    spans.sort(key=lambda s: (s[0], s[1]))
    found, end = {}, -1
    for start, neglen, c, text in spans:
        if start < end:
            continue
        end = start - neglen
        found.setdefault(c.ident, (c, text))
    return list(found.values())


def text_of(elem):
    return "".join(elem.itertext()).strip() if elem is not None else ""


def load(path):
    """Reads a glossary; returns (language, [Concept])."""
    with open(path, "rb") as f:
        data = f.read()
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise GlossaryError(f"{path}: a document type declaration is refused")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise GlossaryError(f"{path}:{e.position[0]}:{e.position[1]}: {e}")
    if root.tag != "martif":
        raise GlossaryError(f"{path}: not a TBX file (root <{root.tag}>)")
    concepts = []
    language = None
    seen = set()
    for entry in root.iter("termEntry"):
        ident = entry.get("id", "")
        if not ident or ident in seen:
            raise GlossaryError(f"{path}: termEntry id '{ident}' missing "
                                "or duplicate")
        seen.add(ident)
        sets = entry.findall("langSet")
        if len(sets) != 2 or sets[0].get(XML_LANG) != "en":
            raise GlossaryError(f"{path}: {ident}: needs an en langSet, "
                                "then one of the target language")
        lang = sets[1].get(XML_LANG)
        if language is None:
            language = lang
        elif lang != language:
            raise GlossaryError(f"{path}: {ident}: language {lang}, "
                                f"the file's is {language}")
        forms = [text_of(t) for t in sets[0].iter("term")]
        required, forbidden, note = [], [], ""
        for tig in sets[1].findall("tig"):
            term = text_of(tig.find("term"))
            if not term:
                raise GlossaryError(f"{path}: {ident}: a tig without a term")
            status = tig.findtext("termNote", "").strip()
            if status == PREFERRED:
                required.append(term)
                note = note or tig.findtext("note", "").strip()
            elif status == FORBIDDEN:
                forbidden.append(term)
            else:
                raise GlossaryError(f"{path}: {ident}: term '{term}' has "
                                    f"status '{status}'")
        if not forms or not all(forms) or not required:
            raise GlossaryError(f"{path}: {ident}: needs English forms and "
                                "a required term")
        concepts.append(Concept(ident, forms, required, forbidden, note))
    if not concepts:
        raise GlossaryError(f"{path}: no termEntry")
    return language, concepts


def check_text(hits, target):
    """Returns the problems of one translation with the concepts that its
    English matched (hits: [(Concept, matched text)])."""
    folded = without_placeholders(target).casefold()
    rest = folded
    for r in sorted((r.casefold() for c, _ in hits for r in c.required),
                    key=len, reverse=True):
        rest = rest.replace(r, "\0")
    problems = []
    for c, found in hits:
        use = " or ".join(f"'{r}'" for r in c.required)
        if not any(r.casefold() in folded for r in c.required):
            problems.append((c, f"'{found}' is translated without {use}"))
        for v in c.forbidden:
            if v.casefold() in rest:
                problems.append((c, f"'{found}' is translated with the "
                                 f"forbidden variant '{v}' (use {use})"))
    return problems


EXCEPTION = re.compile(r"^glossary-exception:\s*(\S*?)\s*:\s*(.*)$")


def exceptions(path, e, known):
    """The concept ids a message's translator comment exempts it from."""
    ids, bad = set(), []
    for line in e.tcomment.splitlines():
        m = EXCEPTION.match(line.strip())
        if not m:
            continue
        if m.group(1) not in known or not m.group(2).strip():
            bad.append(f"{path}:{e.linenum}: error: '{line.strip()}' needs "
                       "a concept id of the glossary and a reason")
        ids.add(m.group(1))
    return ids, bad


def check_po(path, concepts):
    try:
        po = polib.pofile(path)
    except (OSError, ValueError) as e:
        raise GlossaryError(f"{path}: {e}")
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    errors = 0
    known = {c.ident for c in concepts}
    for e in po:
        if e.obsolete or "fuzzy" in e.flags or not e.translated():
            continue
        # polib counts from the entry's first comment; report its msgid
        n = e.linenum
        while n <= len(lines) and not lines[n - 1].startswith("msgid "):
            n += 1
        e.linenum = n
        skip, bad = exceptions(path, e, known)
        for b in bad:
            print(b)
        errors += len(bad)
        source = without_placeholders(e.msgid + "\n" + e.msgid_plural)
        targets = [e.msgstr] if not e.msgid_plural else \
            [e.msgstr_plural[k] for k in sorted(e.msgstr_plural)]
        hits = [h for h in matched(concepts, source) if h[0].ident not in skip]
        for t in targets:
            for c, p in check_text(hits, t):
                print(f"{path}:{e.linenum}: error: {p} (glossary: {c.ident})")
                errors += 1
    return errors


def main(argv):
    if len(argv) < 3:
        print("usage: glossary.py GLOSSARY.tbx FILE.po...", file=sys.stderr)
        return 2
    try:
        language, concepts = load(argv[1])
        stem = os.path.basename(argv[1]).rsplit(".", 1)[0]
        if language.lower() != stem.replace("_", "-").lower():
            raise GlossaryError(f"{argv[1]}: its language is {language}, "
                                f"its name says {stem}")
        errors = sum(check_po(p, concepts) for p in argv[2:])
    except (OSError, GlossaryError) as e:
        print(f"glossary.py: {e}", file=sys.stderr)
        return 2
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
