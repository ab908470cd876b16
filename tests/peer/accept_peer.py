"""accept_peer.py - errcat_locale_accept against an RFC 4647 section 3.4
Lookup written here, with webob and babel as further witnesses, on
seeded-random Accept-Language headers (scripts, regions, variants,
private use, q=0, malformed items, repeats, "*", case, whitespace, long
lists) over the fixture catalog's translations.

    python3 accept_peer.py DRIVER CATALOG_LOCALEDIR FIXTURE_LOCALEDIR [N]

The Lookup here parses as RFC 9110 12.5.4 says (a malformed item is
skipped), tries acceptable ranges by q then header order, truncates each
subtag by subtag (dropping a singleton left last), and reads q=0 as webob
does: a range with q=0 makes that exact tag not acceptable, nothing more.
errcat's deliberate differences are rules applied on top of it (RULES);
errcat must agree with the Lookup plus all of them on every header, and
each difference from the plain Lookup, webob or babel is counted under
the rule (or the witness's own behaviour) that explains it.
"""

import itertools
import os
import random
import re
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib  # noqa: E402

warnings.simplefilter("ignore", DeprecationWarning)
from webob import acceptparse  # noqa: E402
import babel.core  # noqa: E402

# The fixture locales the driver's directory holds, as tags; la.mo is
# ISO-8859-1, so not a translation errcat uses.
AVAILABLE = ["de", "de-AT", "zh-CN", "zh-TW", "xx", "fr-CA", "pt", "en"]
NAME = {"de": "de", "de-at": "de_AT", "zh-cn": "zh_CN", "zh-tw": "zh_TW",
        "xx": "xx", "fr-ca": "fr_CA", "pt": "pt", "en": "en", None: "en"}
CAP = 64

RULES = {
    "star": "'*' means the source English where it stands (unless en is "
            "excluded); Lookup skips '*'",
    "chinese": "Chinese tags go by script: zh, zh-Hans-*, zh-SG to zh_CN, "
               "zh-Hant-*, zh-HK, zh-MO to zh_TW, never across scripts "
               "(zh-Hans-CN also names zh_CN when excluded); Lookup "
               "truncates zh-Hant-CN to zh and matches tags literally",
    "cap": "only the 64 best acceptable items (a repeated tag counts "
           "once) are considered, however long the header",
}
WEBOB_INVALID = ("webob ignores the whole header when one item is "
                 "malformed (or the header is empty); errcat skips the "
                 "item, as RFC 9110 5.6.1 lets recipients")
BABEL_LANGUAGE_ONLY = ("babel falls back from a tag to its language alone "
                       "and maps bare languages through its alias table "
                       "(de to de_DE), where Lookup truncates subtag by "
                       "subtag")

TAG = re.compile(r"^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$")
QVALUE = re.compile(r"^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$")


def parse(header):
    """RFC 9110 Accept-Language: [(tag, q, position)], malformed items
    skipped."""
    items = []
    for pos, raw in enumerate(header.split(",")):
        raw = raw.strip(" \t")
        m = re.match(r"^([^; \t]*)[ \t]*(?:;[ \t]*(.*))?$", raw)
        if not m or not TAG.match(m.group(1)):
            continue
        q = 1.0
        if m.group(2) is not None:
            w = m.group(2)
            if len(w) < 2 or w[0] not in "qQ" or w[1] != "=" \
                    or not QVALUE.match(w[2:]):
                continue
            q = float(w[2:])
        items.append((m.group(1), q, pos))
    return items


def truncations(rng):
    """RFC 4647 3.4: the range, then shorter by one subtag at a time, a
    singleton left last going with it."""
    sub = rng.lower().split("-")
    while sub:
        yield "-".join(sub)
        sub.pop()
        if len(sub) >= 2 and len(sub[-1]) == 1:
            sub.pop()


def chinese(rng):
    """errcat's Chinese candidates of rng, by script (None: not Chinese)."""
    sub = rng.lower().split("-")
    if sub[0] != "zh":
        return None
    script = region = None
    stage = 0
    for s in sub[1:]:
        if len(s) == 1:
            break
        if len(s) == 4 and s.isalpha() and stage < 1:
            script, stage = s, 1
        elif stage < 2 and ((len(s) == 2 and s.isalpha())
                            or (len(s) == 3 and s.isdigit())):
            region, stage = s, 2
        else:
            stage = 3
    hant_regions = ("tw", "hk", "mo")
    hant = script == "hant" or (script is None and region in hant_regions)
    home = "tw" if hant else "cn"
    out = []
    if region and (region in hant_regions) == hant and region != home:
        out.append("zh-" + region)
    out.append("zh-" + home)
    if not hant:
        out.append("zh")
    return out


def lookup(header, rules=()):
    """RFC 4647 Lookup over AVAILABLE, plus the named deliberate rules."""
    items = parse(header)
    avail = [a.lower() for a in AVAILABLE]
    excluded = {t.lower() for t, q, _ in items if q == 0 and t != "*"}

    def not_ok(tag):
        if tag in excluded:
            return True
        if "chinese" in rules and tag in ("zh-cn", "zh-tw"):
            return ("zh-hans-cn" if tag == "zh-cn" else "zh-hant-tw") \
                in excluded
        return False

    ranges = sorted([it for it in items if it[1] > 0],
                    key=lambda it: (-it[1], it[2]))
    if "cap" in rules:
        seen, kept = set(), []
        for t, q, p in ranges:
            if t.lower() not in seen:
                seen.add(t.lower())
                kept.append((t, q, p))
        ranges = kept[:CAP]
    for t, q, p in ranges:
        if t == "*":
            if "star" in rules and not not_ok("en"):
                return "en"
            continue
        cands = chinese(t) if "chinese" in rules else None
        for c in cands if cands is not None else truncations(t):
            if c in avail and not not_ok(c):
                return c
    return None


def webob_lookup(header):
    h = acceptparse.create_accept_language_header(header)
    valid = isinstance(h, acceptparse.AcceptLanguageValidHeader)
    r = h.lookup(language_tags=AVAILABLE, default="en")
    return valid, (r.lower() if r else None)


def babel_lookup(header):
    ranges = sorted([it for it in parse(header) if it[1] > 0],
                    key=lambda it: (-it[1], it[2]))
    r = babel.core.negotiate_locale([t for t, q, p in ranges], AVAILABLE,
                                    sep="-")
    return r.lower() if r else None


# ---- random headers ----------------------------------------------------

LANGS = ["de", "DE", "zh", "ZH", "en", "EN", "fr", "pt", "xx", "ja", "es",
         "la", "ar"]
SCRIPTS = ["Hans", "Hant", "hant", "HANS", "Latn", "Cyrl", "Arab"]
REGIONS = ["AT", "at", "CH", "DE", "CN", "TW", "tw", "HK", "MO", "SG",
           "CA", "BR", "PT", "US", "GB", "419", "001"]
VARIANTS = ["1996", "1901", "fonipa", "valencia", "yue"]
TAILS = ["-x-priv", "-x-a-b", "-u-co-phonebk", "-a-foo", "-x-" + "p" * 8]
QS = ["", "", "", ";q=1", ";q=0.9", ";q=0.5", ";q=0.5", ";q=0.001",
      ";q=0", ";q=0", ";q=0.0", ";q=0.000", ";Q=0.7", ";q=1.000", " ;q=0.8",
      "; q=0.3", ";q=0."]
BAD_QS = [";q=0.5000", ";q=1.5", ";q=2", ";q=-1", ";x=1", ";q", ";q=0.5;a=b",
          ";q = 0.5", ";q=.5"]
BAD_ITEMS = ["de_DE", "-de", "de--CH", "123", "de-", "toolongsubtag",
             "de-abcdefghi", "d@e", "é", "*-de", "de CH", "\"de\""]
SPACES = ["", "", "", " ", "  ", "\t", " \t"]


def random_tag(r):
    t = r.choice(LANGS)
    if r.random() < 0.3:
        t += "-" + r.choice(SCRIPTS)
    if r.random() < 0.55:
        t += "-" + r.choice(REGIONS)
    if r.random() < 0.12:
        t += "-" + r.choice(VARIANTS)
    if r.random() < 0.1:
        t += r.choice(TAILS)
    if r.random() < 0.05:    # out of order
        t = r.choice(LANGS) + "-" + r.choice(VARIANTS) + "-" \
            + r.choice(REGIONS)
    if r.random() < 0.02:    # longer than a locale name
        t += "".join("-" + "abcdefgh" for _ in range(8))
    return t


def random_header(r):
    n = r.choice([1, 1, 2, 2, 3, 3, 4, 5, 6, 8])
    if r.random() < 0.06:
        n = r.randint(60, 140)
    items = []
    for _ in range(n):
        x = r.random()
        if x < 0.07:
            it = "*" + r.choice(QS)
        elif x < 0.11:
            it = r.choice(BAD_ITEMS) + r.choice(QS)
        elif x < 0.14:
            it = random_tag(r) + r.choice(BAD_QS)
        elif x < 0.22 and items:
            it = r.choice(items).strip()        # a repeat
            if r.random() < 0.5:
                it = it.split(";")[0] + r.choice(QS)
        else:
            it = random_tag(r) + r.choice(QS)
        items.append(r.choice(SPACES) + it + r.choice(SPACES))
    if r.random() < 0.04:
        items.insert(r.randrange(len(items) + 1), "")
    return ",".join(items)


FIXED = [
    "en;q=0, *, de;q=0.5", "de, de-x-priv;q=0", "de, de-1996;q=0",
    "de, de-CH;q=0", "de-CH, de;q=0", "zh-Hant-CN", "zh-Hans-TW",
    "de-CH, de;q=0" + ", fr;q=0.5" * 63, "*", "*;q=0", "", "zh", "zh-HK",
    "de-AT-1996", "de-Latn-AT", "zh-Hans-CN;q=0, zh-CN",
]


def main():
    driver, catalog_dir, fixture_dir = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 2500
    r = random.Random(4647)
    headers = FIXED + [random_header(r) for _ in range(n)]
    drv = peerlib.Driver(driver, catalog_dir, fixture_dir)
    rep = peerlib.Report("Accept-Language peers")
    for h in headers:
        if "\n" in h:
            continue
        got = drv.accept(h)
        full = NAME[lookup(h, RULES)]
        plain = NAME[lookup(h)]
        rep.compare("the RFC 4647 Lookup with errcat's rules")
        if got != full:
            rep.new_difference("%r: errcat %s, Lookup with errcat's rules %s"
                               % (h, got, full))
            continue

        def because(other):
            """The fewest rules that explain errcat's answer over other's:
            without them, the Lookup gives other's."""
            names = sorted(RULES)
            for size in range(1, len(names) + 1):
                for combo in itertools.combinations(names, size):
                    rest = {k for k in names if k not in combo}
                    if NAME[lookup(h, rest)] == other:
                        return "; and ".join(RULES[k] for k in combo)
            return None

        rep.compare("the plain RFC 4647 Lookup")
        if got != plain:
            reason = because(plain)
            if reason:
                rep.listed_difference("the plain RFC 4647 Lookup", reason)
            else:
                rep.new_difference("%r: errcat %s, Lookup %s, no rule says "
                                   "why" % (h, got, plain))
        valid, wb = webob_lookup(h)
        wb = NAME[wb]
        rep.compare("webob")
        if got != wb:
            if not valid:
                rep.listed_difference("webob", WEBOB_INVALID)
            elif wb == plain and because(plain):
                rep.listed_difference("webob", because(plain))
            else:
                rep.new_difference("%r: errcat %s, webob %s, Lookup %s"
                                   % (h, got, wb, plain))
        if not any(q == 0 for t, q, p in parse(h)) \
                and not any(t == "*" for t, q, p in parse(h)):
            bb = NAME[babel_lookup(h)]
            rep.compare("babel")
            if got != bb:
                if bb != plain:
                    rep.listed_difference("babel", BABEL_LANGUAGE_ONLY)
                elif because(plain):
                    rep.listed_difference("babel", because(plain))
                else:
                    rep.new_difference("%r: errcat %s, babel %s" % (h, got,
                                                                     bb))
    drv.close()
    print("headers: %d (%d fixed, %d seeded-random)" % (len(headers),
                                                         len(FIXED), n))
    rep.finish()


if __name__ == "__main__":
    main()
