#!/bin/sh
# errcat-gen docs on the shipped catalog: every page of every language of
# po/LINGUAS in Markdown, HTML and reStructuredText; HTML parsed by
# html5lib (strict), RST by docutils with warnings as errors; the status
# page's counts agree with msgfmt --statistics, also for a .po with a
# fuzzy and an untranslated message; bad input writes nothing.
B=${B:-build}
PY=/usr/bin/python3
GEN=$B/errcat-gen
d=$B/tests/docs
rm -rf "$d"
mkdir -p "$d"
fail=0
err() { echo "FAIL: $*"; fail=1; }

$PY -c 'import html5lib, docutils' 2>/dev/null || {
    echo "python3-html5lib and python3-docutils are missing: NOT RUN"
    exit 77
}

langs="en $(sed -e 's/#.*//' po/LINGUAS)"
$GEN docs -o "$d/out" --po-dir po --format md,html,rst catalog/csbs.xml \
    2> "$d/err" || { cat "$d/err"; err "docs failed"; }
codes=$(sed -n 's/.* code="\([^"]*\)".*/\1/p' catalog/csbs.xml | sort -u)
for l in $langs; do
    for ext in md html rst; do
        f=$d/out/$l/csbs.$ext
        [ -s "$f" ] || { err "$f missing"; continue; }
        for c in $codes; do
            grep -qF "$c" "$f" || err "$f: no $c"
        done
    done
    case $l in
    ar*|he*|fa*|ur*) dir=rtl ;;
    *) dir=ltr ;;
    esac
    # On a right-to-left page a placeholder of a localized template is
    # isolated left to right.
    if [ $dir = rtl ] && ! grep -q '<span dir="ltr">%s</span>' \
            "$d/out/$l/csbs.html"; then
        err "$l: placeholders are not isolated on a right-to-left page"
    fi
    tag=$(echo "$l" | sed 's/_/-/')
    grep -q "<html lang=\"$tag\" dir=\"$dir\">" "$d/out/$l/csbs.html" ||
        err "$l: html has not lang=$tag dir=$dir"
    if grep -qx "$l" po/errcat/LINGUAS; then
        # The headings and sentences come from errcat's own domain.
        grep -q '^# Error Codes$' "$d/out/$l/csbs.md" &&
            err "$l: the page heading is not translated"
    fi
done
for f in status.md status.html; do
    [ -s "$d/out/$f" ] || err "$f missing"
done

# 66 entries: 66 table rows, module groups merged.
rows=$(grep -c '^| ' "$d/out/en/csbs.md")
[ "$rows" = 67 ] || err "en/csbs.md: $rows table lines, want 67 (header + 66)"
[ "$(grep -c '<tr id="entry-' "$d/out/en/csbs.html")" = 66 ] ||
    err "en/csbs.html: not 66 rows"
grep -q 'rowspan="' "$d/out/en/csbs.html" || err "no rowspan in the HTML"
grep -q '^|  | 400 | CSBS.6000 |' "$d/out/en/csbs.md" ||
    err "a module's later rows do not leave the cell empty"
grep -q 'src=\|<link\|@import\|url(' "$d/out/en/csbs.html" &&
    err "the HTML page loads an external resource"

# Parsers as the peers: html5lib strict, docutils with warnings fatal.
$PY - "$d/out" <<'PY' || fail=1
import glob, io, sys
import html5lib
import docutils.core, docutils.utils
bad = 0
for f in sorted(glob.glob(sys.argv[1] + "/**/*.html", recursive=True)):
    try:
        html5lib.HTMLParser(strict=True).parse(open(f, "rb").read())
    except Exception as e:
        print("FAIL: %s: not well-formed HTML: %s" % (f, e)); bad = 1
for f in sorted(glob.glob(sys.argv[1] + "/*/*.rst")):
    warn = io.StringIO()
    try:
        docutils.core.publish_doctree(open(f, encoding="utf-8").read(),
            source_path=f, settings_overrides={"report_level": 2,
            "halt_level": 2, "warning_stream": warn})
    except Exception as e:
        print("FAIL: %s: docutils: %s %s" % (f, e, warn.getvalue())); bad = 1
sys.exit(bad)
PY

# The status page against msgfmt --statistics, per language.
stat_of() {     # counts "T F U" of msgfmt --statistics for a .po
    LC_ALL=C msgfmt --statistics -o /dev/null "$1" 2>&1 | awk '
        { t = f = u = 0
          for (i = 1; i <= NF; i++) {
            if ($(i+1) ~ /^translated/) t = $i
            if ($(i+1) ~ /^fuzzy/) f = $i
            if ($(i+1) ~ /^untranslated/) u = $i } }
        END { print t, f, u }'
}
status_of() {   # the same from status.md: "T F U" of language $2
    sed -n "s/^| $2 | \([0-9]*\) ([^)]*) | \([0-9]*\) | \([0-9]*\) |.*/\1 \2 \3/p" "$1"
}
for l in $(sed -e 's/#.*//' po/LINGUAS); do
    want=$(stat_of "po/$l.po")
    got=$(status_of "$d/out/status.md" "$l")
    [ "$want" = "$got" ] || err "status of $l: '$got', msgfmt says '$want'"
done

# A language with one fuzzy and one untranslated message.
mkdir -p "$d/po"
echo de > "$d/po/LINGUAS"
awk '/^msgid "The server does not exist."$/ { hit = 1 }
     hit && /^msgstr / { print "msgstr \"\""; hit = 0; next }
     { print }' po/de.po > "$d/po/de.po.1"
# the second: fuzzy, by inserting the flag before its msgctxt
awk '
    { buf[++n] = $0 }
    END {
        for (i = 1; i <= n; i++) {
            if (buf[i] ~ /^msgctxt "measure"$/ &&
                buf[i + 1] == "msgid \"Check whether the server exists.\"")
                print "#, fuzzy"
            print buf[i]
        }
    }' "$d/po/de.po.1" > "$d/po/de.po"
want=$(stat_of "$d/po/de.po")
[ "$want" != "$(stat_of po/de.po)" ] || err "the test .po did not change"
$GEN docs -o "$d/out2" --po-dir "$d/po" catalog/csbs.xml 2> "$d/err2" ||
    { cat "$d/err2"; err "docs with a fuzzy .po failed"; }
got=$(status_of "$d/out2/status.md" de)
[ "$want" = "$got" ] || err "status with fuzzy: '$got', msgfmt says '$want'"
grep -q '^- CSBS.6000 measure: "Check whether the server exists." (fuzzy)$' \
    "$d/out2/status.md" || err "the fuzzy message is not listed"
grep -q '^- CSBS.6000 description: "The server does not exist."$' \
    "$d/out2/status.md" || err "the untranslated message is not listed"
# A fuzzy or missing translation shows the English source.
grep -q '| CSBS.6000 | The server does not exist. |' "$d/out2/de/csbs.md" ||
    err "an untranslated description is not shown in English"

# Bad input: a language without its .po, a broken .po; nothing written.
printf 'de\nfr\n' > "$d/po/LINGUAS"
if $GEN docs -o "$d/out3" --po-dir "$d/po" catalog/csbs.xml 2> "$d/err3"; then
    err "a missing .po was accepted"
fi
grep -q "cannot open '$d/po/fr.po'" "$d/err3" || err "no error for fr.po"
[ ! -e "$d/out3" ] || [ -z "$(find "$d/out3" -type f)" ] ||
    err "pages were written despite an error"
printf 'de\n' > "$d/po/LINGUAS"
printf 'msgid "a"\nmsgstr "b\n' > "$d/po/de.po"
$GEN docs -o "$d/out4" --po-dir "$d/po" catalog/csbs.xml 2> "$d/err4" &&
    err "a broken .po was accepted"
grep -q "^$d/po/de.po:2:8: error: unterminated string$" "$d/err4" ||
    { cat "$d/err4"; err "no FILE:LINE:COL for the broken .po"; }
printf 'fr/../x\n' > "$d/po/LINGUAS"
$GEN docs -o "$d/out5" --po-dir "$d/po" catalog/csbs.xml 2> "$d/err5" &&
    err "a language name with a path was accepted"
grep -q "LINGUAS:1:1: error: 'fr/../x' is not a language name" "$d/err5" ||
    { cat "$d/err5"; err "no error for a path in LINGUAS"; }
$GEN docs -o "$d/out6" --format pdf catalog/csbs.xml 2> /dev/null
[ $? = 2 ] || err "an unknown format is not a usage error"

[ $fail = 0 ] && echo "docs: all pages of" $langs "checked"
exit $fail
