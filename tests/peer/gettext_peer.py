"""gettext_peer.py - errcat_locale_get(cat, NULL) against GNU gettext (the
`gettext` program with TEXTDOMAINDIR) and Python's gettext module, on the
same .mo files: every entry x field of the shipped catalog, in each of the
environments below.

    python3 gettext_peer.py DRIVER LOCALEDIR FIXTURE_LOCALEDIR WORKDIR

glibc uses LANG & co. only when the system has that locale: otherwise it
runs in the C locale and ignores LANGUAGE. errcat does not need the locale
installed (deliberately). So that the comparison means something, the
suite compiles the C locale's definition once with localedef into
WORKDIR/locales and links it under the names listed INSTALLED (LOCPATH):
for those, gettext runs as on a system that has them, and any difference
is errcat's. An environment naming a locale that is not installed is run
twice: as is (the difference is listed, with its reason) and with the
locale installed, which errcat must then match exactly.
"""

import gettext as pygettext
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib  # noqa: E402

DOMAIN = "errcat-csbs"
FIELDS = ("description", "message", "measure", "module")
SEP = "\x1f"

# Locales present on the "system" of the comparison (LOCPATH), spelt as
# glibc looks them up: the name as written, then its normalised codeset.
INSTALLED = ("de_DE.UTF-8", "de_DE.utf8", "zh_CN.UTF-8", "zh_CN.utf8",
             "de_AT.UTF-8", "de_AT.utf8", "en_US.UTF-8", "en_US.utf8",
             "zh_TW.UTF-8", "zh_TW.utf8", "de_DE.UTF-8@euro",
             "de_DE.utf8@euro", "de_DE", "fr_FR.UTF-8", "fr_FR.utf8")
# Named by an environment below but not installed.
NOT_INSTALLED = ("de_CH.UTF-8", "de_CH.utf8", "pt_BR.UTF-8", "pt_BR.utf8")

NOT_INSTALLED_REASON = ("a locale works without being installed: glibc "
                        "falls back to C (ignoring LANGUAGE) when the "
                        "system lacks it, errcat does not")
PY_LANGUAGE_UNDER_C = ("Python's gettext reads LANGUAGE first even in the C "
                       "locale, which GNU gettext (and errcat) ignore there")
EN_IS_SOURCE = ("'en' in LANGUAGE means the source English; GNU and Python "
                "gettext look for an en .mo, find none and go on")
BCP47 = ("BCP 47 names are accepted (de-CH is de_CH); gettext takes them "
         "as directory names, which do not exist")
ZH_HANS = ("plain zh is Simplified Chinese (zh-Hans-CN by likely subtags) "
           "and goes to zh_CN; GNU gettext looks for a zh .mo only")

# Each: the environment; for GNU gettext, optionally an environment in
# which GNU gettext gives errcat's deliberate answer, with the reason; for
# Python, optionally the reason of a listed difference.
ENVS = [
    dict(env={}),
    dict(env={"LANG": "de_DE.UTF-8"}),
    dict(env={"LANG": "zh_CN.UTF-8"}),
    dict(env={"LANG": "de_AT.UTF-8"}),
    dict(env={"LANG": "de_DE.utf8"}),
    dict(env={"LANG": "de_DE.UTF-8@euro"}),
    dict(env={"LANG": "de_DE"}),
    dict(env={"LC_ALL": "zh_CN.UTF-8", "LANG": "de_DE.UTF-8"}),
    dict(env={"LC_MESSAGES": "de_DE.UTF-8", "LANG": "zh_CN.UTF-8"}),
    dict(env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "de_DE.UTF-8"}),
    dict(env={"LC_ALL": "C", "LANG": "de_DE.UTF-8"}),
    dict(env={"LANG": "C"}),
    dict(env={"LANG": "C.UTF-8"}),
    dict(env={"LANG": "POSIX"}),
    dict(env={"LANG": "C", "LANGUAGE": "de"}, py=PY_LANGUAGE_UNDER_C),
    dict(env={"LANG": "POSIX", "LANGUAGE": "zh_CN"}, py=PY_LANGUAGE_UNDER_C),
    dict(env={"LC_ALL": "C", "LANG": "de_DE.UTF-8", "LANGUAGE": "zh_CN"},
         py=PY_LANGUAGE_UNDER_C),
    dict(env={"LANG": "C.UTF-8", "LANGUAGE": "de"}),
    dict(env={"LC_ALL": "C.UTF-8", "LANGUAGE": "zh_CN:de"}),
    dict(env={"LANG": "C.utf8", "LANGUAGE": "fr:de"}),
    dict(env={"LANG": "de_DE.UTF-8", "LANGUAGE": "C:zh_CN"}),
    dict(env={"LANG": "de_DE.UTF-8", "LANGUAGE": "POSIX:zh_CN"}),
    dict(env={"LANG": "de_DE.UTF-8", "LANGUAGE": "fr:zh_CN"}),
    dict(env={"LANG": "de_DE.UTF-8", "LANGUAGE": "fr:it"}),
    dict(env={"LANG": "zh_CN.UTF-8", "LANGUAGE": ""}),
    dict(env={"LANG": "en_US.UTF-8", "LANGUAGE": "de_DE.UTF-8:zh_CN"}),
    dict(env={"LANG": "en_US.UTF-8"}),
    dict(env={"LANG": "fr_FR.UTF-8", "LANGUAGE": "de_AT:zh_CN"}),
    dict(env={"LANG": "C.UTF-8", "LANGUAGE": "C.UTF-8:zh_CN"}),
    dict(env={"LANG": "zh_TW.UTF-8"}),
    dict(env={"LANG": "C.UTF-8", "LANGUAGE": "de@euro"}),
    dict(env={"LANG": "de_CH.UTF-8"}),
    dict(env={"LANG": "pt_BR.UTF-8", "LANGUAGE": "zh_CN"}),
    dict(env={"LANG": "C.UTF-8", "LANGUAGE": "en:de"},
         gnu=({"LANGUAGE": "C"}, EN_IS_SOURCE), py=EN_IS_SOURCE),
    dict(env={"LANG": "de_DE.UTF-8", "LANGUAGE": "fr:en_GB:zh_CN"},
         gnu=({"LANGUAGE": "C"}, EN_IS_SOURCE), py=EN_IS_SOURCE),
    dict(env={"LANG": "C.UTF-8", "LANGUAGE": "de-CH"},
         gnu=({"LANGUAGE": "de_CH"}, BCP47), py=BCP47),
    dict(env={"LANG": "C.UTF-8", "LANGUAGE": "zh"},
         gnu=({"LANGUAGE": "zh_CN"}, ZH_HANS)),
]

VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def make_locales(work):
    """WORKDIR/locales/{some,all}: the C locale compiled once, linked under
    the installed names (some) and every name used (all)."""
    base = os.path.abspath(os.path.join(work, "locales", "base.UTF-8"))
    if not os.path.isdir(base):
        os.makedirs(os.path.dirname(base), exist_ok=True)
        r = subprocess.run(["localedef", "-i", "C", "-f", "UTF-8", base],
                           capture_output=True, text=True)
        if r.returncode not in (0, 1) or not os.path.isfile(
                os.path.join(base, "LC_CTYPE")):
            sys.exit("localedef failed (Debian package locales?): "
                     + r.stderr)
    dirs = {}
    for kind, names in (("some", INSTALLED),
                        ("all", INSTALLED + NOT_INSTALLED)):
        d = os.path.join(work, "locales", kind)
        os.makedirs(d, exist_ok=True)
        for n in names:
            link = os.path.join(d, n)
            if not os.path.lexists(link):
                os.symlink(base, link)
        dirs[kind] = d
    return dirs


def gnu_texts(env, locpath, localedir, msgids):
    """GNU gettext's translation of msgids (context, msgid) in env: one
    `gettext -s` per context, the messages kept apart by SEP."""
    out = {}
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "TEXTDOMAINDIR": localedir, "LOCPATH": locpath}
    base.update(env)
    for ctx in FIELDS:
        ids = sorted({m for c, m in msgids if c == ctx})
        args = ["gettext", "-d", DOMAIN, "-c", ctx, "-s", "--"]
        for i, m in enumerate(ids):
            if i:
                args.append(SEP)
            args.append(m)
        r = subprocess.run(args, env=base, capture_output=True)
        if r.returncode != 0:
            sys.exit("gettext failed: " + r.stderr.decode("utf-8", "replace"))
        text = r.stdout.decode("utf-8")
        if text.endswith("\n"):
            text = text[:-1]
        parts = text.split(" " + SEP + " ")
        if len(parts) != len(ids):
            sys.exit("gettext -s output does not split into %d messages"
                     % len(ids))
        for m, t in zip(ids, parts):
            out[(ctx, m)] = t
    return out


def py_texts(env, localedir, msgids):
    """Python's gettext in env, by its own reading of the environment."""
    saved = {v: os.environ.get(v) for v in VARS}
    try:
        for v in VARS:
            os.environ.pop(v, None)
        os.environ.update(env)
        t = pygettext.translation(DOMAIN, localedir, fallback=True)
        return {(c, m): t.pgettext(c, m) for c, m in msgids}
    finally:
        for v, val in saved.items():
            if val is None:
                os.environ.pop(v, None)
            else:
                os.environ[v] = val


def po_quote(s):
    return '"' + (s.replace("\\", "\\\\").replace('"', '\\"')
                  .replace("\n", "\\n").replace("\t", "\\t")) + '"'


def ascii_mo(work, keys, header):
    """A de .mo of the catalog in ASCII: charset=ASCII in its header, or
    no header at all; each translation "[de] " + the source. Returns its
    locale directory."""
    d = os.path.join(work, "ascii-" + ("header" if header else "none"))
    os.makedirs(os.path.join(d, "de", "LC_MESSAGES"), exist_ok=True)
    po = os.path.join(d, "de.po")
    with open(po, "w", encoding="ascii") as f:
        if header:
            f.write('msgid ""\nmsgstr ""\n'
                    '"Content-Type: text/plain; charset=ASCII\\n"\n\n')
        for ctx, m in sorted(set(keys)):
            f.write("msgctxt %s\nmsgid %s\nmsgstr %s\n\n"
                    % (po_quote(ctx), po_quote(m), po_quote("[de] " + m)))
    r = subprocess.run(["msgfmt", "-o", os.path.join(
        d, "de", "LC_MESSAGES", DOMAIN + ".mo"), po], capture_output=True,
        text=True)
    if r.returncode != 0:
        sys.exit("msgfmt failed: " + r.stderr)
    return d


def env_locale(env):
    for v in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(v):
            return env[v]
    return None


def main():
    driver_path, localedir, fixture_dir, work = sys.argv[1:5]
    dirs = make_locales(work)
    drv = peerlib.Driver(driver_path, localedir, fixture_dir)
    source = drv.source()[1:]
    keys = [(FIELDS[i % 4], m) for i, m in enumerate(source)]
    rep = peerlib.Report("gettext peers")
    for case in ENVS:
        env = case["env"]
        drv.env(env)
        got = drv.texts()
        name, got = got[0], got[1:]
        assert len(got) == len(keys)
        label = " ".join("%s=%s" % kv for kv in env.items()) or "(empty)"
        loc = env_locale(env)
        gnu = gnu_texts(env, dirs["some"], localedir, keys)
        equiv, reason = None, None
        if loc in NOT_INSTALLED:
            equiv, reason = dict(env), NOT_INSTALLED_REASON
            gnu_eq = gnu_texts(env, dirs["all"], localedir, keys)
        elif "gnu" in case:
            equiv = dict(env)
            equiv.update(case["gnu"][0])
            reason = case["gnu"][1]
            gnu_eq = gnu_texts(equiv, dirs["some"], localedir, keys)
        py = py_texts(env, localedir, keys)
        for i, k in enumerate(keys):
            rep.compare("GNU gettext")
            rep.compare("Python gettext")
            what = "%s: %s %r: errcat %r" % (label, k[0], k[1][:40],
                                             got[i][:40])
            if got[i] != gnu[k]:
                if reason:
                    rep.listed_difference("GNU gettext", reason)
                else:
                    rep.new_difference("%s, GNU gettext %r" % (what,
                                                               gnu[k][:40]))
            if equiv is not None and got[i] != gnu_eq[k]:
                rep.new_difference("%s, GNU gettext as %s %r" % (
                    what, equiv, gnu_eq[k][:40]))
            if got[i] != py[k]:
                if case.get("py"):
                    rep.listed_difference("Python gettext", case["py"])
                else:
                    rep.new_difference("%s, Python %r" % (what, py[k][:40]))
        print("  %-60s -> %s" % (label, name))
    drv.close()
    # A .mo whose header says charset=ASCII, or that has none, is read by
    # GNU and Python gettext: by errcat too.
    env = {"LANG": "C.UTF-8", "LANGUAGE": "de"}
    for header in (True, False):
        d = ascii_mo(work, keys, header)
        drv = peerlib.Driver(driver_path, os.path.abspath(d), fixture_dir)
        drv.env(env)
        got = drv.texts()
        drv.close()
        gnu = gnu_texts(env, dirs["some"], os.path.abspath(d), keys)
        py = py_texts(env, os.path.abspath(d), keys)
        label = "ASCII .mo, %s" % ("charset=ASCII" if header else "no header")
        for i, k in enumerate(keys):
            for peer, their in (("GNU gettext", gnu), ("Python gettext", py)):
                rep.compare(peer)
                if got[i + 1] != their[k]:
                    rep.new_difference("%s: %s %r: errcat %r, %s %r" % (
                        label, k[0], k[1][:40], got[i + 1][:40], peer,
                        their[k][:40]))
        print("  %-60s -> %s" % (label, got[0]))
    print("environments: %d, texts each: %d" % (len(ENVS), len(keys)))
    rep.finish()


if __name__ == "__main__":
    main()
