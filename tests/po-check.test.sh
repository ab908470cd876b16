#!/bin/sh
# make po-check (and part of make check): every shipped translation, in
# every text domain, is ready to ship. The shipped languages are those of
# po/LINGUAS; the domains are the PO directories: po/ (the catalogs'
# domain, po/errcat-csbs.pot) and each po/*/ that holds a .pot (errcat's
# own domain in po/errcat/). For each language and domain, LL.po:
#   - exists, is 100 % translated with nothing fuzzy, and holds every
#     message of the .pot (msgcmp);
#   - has no stale message: one that msgmerge marked because its English
#     changed (a "#|" previous msgid) fails until someone reviewed it and
#     removed the "#|" lines with the fuzzy flag;
#   - passes msgfmt -c, and i18nspector with no E: line;
#   - has an honest header: Language is LL, Plural-Forms and
#     Language-Team are set, and Last-Translator and Language-Team give
#     no e-mail address: errcat has no translation team's address, so
#     any address there is someone else's or invented;
#   - passes pofilter's checks that apply to its language (placeholders,
#     numbers, URLs, e-mail addresses, XML tags, escapes and white
#     space; not the punctuation and capitalisation checks, which
#     misfire on CJK full-width punctuation and on German);
#   - keeps to po/glossary/LL.tbx (tests/glossary.py), which must be valid
#     against po/glossary/glossary.rng.
# Finally the README's list of languages must be what make po-stats says.
# Runs on the tree in the current directory (tests/po-check-catches.test.sh
# runs it on broken copies).
here=$(cd "$(dirname "$0")/.." && pwd)
B=${B:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
d=$B/tests/po-check
mkdir -p "$d"
fail=0

say() { echo "FAIL: $*"; fail=1; }

langs=$(sed 's/#.*//' po/LINGUAS)
[ -n "$langs" ] || say "po/LINGUAS lists no language"

dirs=po
for x in po/*/; do
    set -- "$x"*.pot
    [ -f "$1" ] && dirs="$dirs ${x%/}"
done

for dir in $dirs; do
    set -- "$dir"/*.pot
    if [ $# -ne 1 ] || [ ! -f "$1" ]; then
        say "$dir: needs exactly one .pot (the domain's template), has: $*"
        continue
    fi
    pot=$1
    for l in $langs; do
        f=$dir/$l.po
        if [ ! -f "$f" ]; then
            say "$f missing: $l is shipped (po/LINGUAS) in every domain"
            continue
        fi
        msgfmt -c -o /dev/null "$f" > "$d/msgfmt.err" 2>&1 ||
            { say "msgfmt -c $f"; cat "$d/msgfmt.err"; }
        stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$f" 2>&1)
        case $stats in
        *untranslated*|*fuzzy*) say "$f incomplete: $stats" ;;
        esac
        msgcmp --use-fuzzy --use-untranslated "$f" "$pot" > "$d/msgcmp.err" 2>&1 ||
            { say "$f does not hold every message of $pot"
              cat "$d/msgcmp.err"; }
        # "#|" lines of live (not obsolete) messages: English changed
        grep -n '^#|' "$f" > "$d/stale.txt" &&
            { say "$f: stale: the English of these messages changed since" \
                  "they were translated; review each translation, then" \
                  "remove its fuzzy flag and its \"#|\" lines"
              sed "s|^|    $f:|" "$d/stale.txt"; }
        # unwrapped: msgmerge wraps a long field (Arabic's Plural-Forms)
        header=$(msgcat --no-wrap "$f" | sed -n '/^msgid ""$/,/^$/p')
        printf '%s\n' "$header" | grep -qx "\"Language: $l\\\\n\"" ||
            say "$f: header Language is not $l"
        for h in Plural-Forms Language-Team; do
            printf '%s\n' "$header" | grep -q "^\"$h: ..*\\\\n\"" ||
                say "$f: header $h missing or empty"
        done
        printf '%s\n' "$header" |
            grep -Eq '^"(Last-Translator|Language-Team): .*@' &&
            say "$f: header gives an e-mail address in Last-Translator or" \
                "Language-Team; errcat has none for its translators"
        i18nspector "$f" > "$d/i18nspector.out" 2>&1
        grep '^E:' "$d/i18nspector.out" && say "i18nspector errors in $f"
        case $l in
        zh*|ja*|ko*) extra= ;;          # no spaces between words
        *) extra="-t doublespacing" ;;
        esac
        rm -f "$d/pofilter.po"
        pofilter --progress=none --language="$l" -t variables -t printf \
            -t pythonbraceformat -t numbers -t urls -t emails -t xmltags \
            -t escapes -t newlines -t tabs -t startwhitespace \
            -t endwhitespace $extra "$f" "$d/pofilter.po" \
            > "$d/pofilter.log" 2>&1 ||
            { say "pofilter could not run on $f"; cat "$d/pofilter.log"; }
        if [ -s "$d/pofilter.po" ] && grep -q '^msgid "[^"]' "$d/pofilter.po"
        then
            say "pofilter on $f"; cat "$d/pofilter.po"
        fi
        g=po/glossary/$l.tbx
        if [ ! -f "$g" ]; then
            say "$g missing: every shipped language has a glossary"
            continue
        fi
        "$PYTHON" "$here/tests/glossary.py" "$g" "$f" || say "glossary $g on $f"
    done
done

for l in $langs; do
    g=po/glossary/$l.tbx
    [ -f "$g" ] || continue
    xmllint --noout --relaxng "$here/po/glossary/glossary.rng" "$g" \
        > "$d/xmllint.out" 2>&1 || { say "$g is not valid"; cat "$d/xmllint.out"; }
done

sh "$here/tests/po-stats.sh" --check-readme README.md ||
    say "README.md's list of languages is not current: run make po-readme"

[ $fail -eq 0 ] && echo "po-check: $(echo $langs | wc -w) languages in" \
    "$(echo $dirs | wc -w) domain(s): all complete, current and clean"
exit $fail
