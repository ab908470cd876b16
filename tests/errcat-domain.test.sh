#!/bin/sh
# errcat's own text domain (po/errcat/): the template is what xgettext
# makes of the sources now and is committed as such; every language of
# po/errcat/LINGUAS is complete, current and passes msgfmt -c, i18nspector
# and pofilter; and the command speaks the language it is asked for, with
# no English label left.
B=${B:-build}
errcat=$B/errcat
d=$B/tests/errcat-domain
rm -rf "$d"
mkdir -p "$d"
fail=0

# The template: make builds $B/errcat.pot from the sources before check.
cmp -s "$B/errcat.pot" po/errcat/errcat.pot ||
    { echo "FAIL: po/errcat/errcat.pot is stale: run make regen"; fail=1; }
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 &&
   git diff --quiet HEAD -- src 2>/dev/null; then
    git diff --quiet HEAD -- po/errcat/errcat.pot || {
        echo "FAIL: po/errcat/errcat.pot differs from the committed one"
        echo "although src/ does not: commit it"; fail=1; }
fi

langs=$(sed 's/#.*//' po/errcat/LINGUAS)
[ -n "$langs" ] || { echo "FAIL: po/errcat/LINGUAS names no language"; fail=1; }
for l in $langs; do
    po=po/errcat/$l.po
    msgfmt -c -o /dev/null "$po" 2> "$d/msgfmt.err" ||
        { echo "FAIL: msgfmt -c $po"; cat "$d/msgfmt.err"; fail=1; }
    stats=$(msgfmt --statistics -o /dev/null "$po" 2>&1)
    case $stats in
    *untranslated*|*fuzzy*) echo "FAIL: $po incomplete: $stats"; fail=1 ;;
    esac
    msgcmp "$po" po/errcat/errcat.pot 2> "$d/msgcmp.err" ||
        { echo "FAIL: $po does not match the template"; cat "$d/msgcmp.err"
          fail=1; }
    pofilter --progress=none --language="$l" -t printf -t untranslated \
        "$po" "$d/pofilter-$l.po" > "$d/pofilter-$l.log" 2>&1
    if [ -s "$d/pofilter-$l.po" ] && grep -q '^msgid "[^"]' "$d/pofilter-$l.po"
    then
        echo "FAIL: pofilter on $po"; cat "$d/pofilter-$l.po"; fail=1
    fi
    [ -f "$B/locale/$l/LC_MESSAGES/errcat.mo" ] ||
        { echo "FAIL: $l: errcat.mo not built"; fail=1; }
done
i18nspector po/errcat/errcat.pot po/errcat/*.po > "$d/i18nspector.out" 2>&1
grep '^E:' "$d/i18nspector.out" && { echo "FAIL: i18nspector errors"; fail=1; }

# The command in each language: no English label, usage or message.
unset LANGUAGE LC_ALL LC_MESSAGES LANG
english='message:|measure:|args:|id:|note:|locale:|negotiated from|usage:|unknown code|Try .errcat --help'
for l in $langs; do
    "$errcat" --lang "$l" CSBS.6000 > "$d/$l.txt" 2>&1
    "$errcat" --lang "$l" --arg ecs-01 CSBS.6004 >> "$d/$l.txt" 2>&1
    "$errcat" --lang "$l" --help >> "$d/$l.txt" 2>&1
    "$errcat" --lang "$l" CSBS.4242 >> "$d/$l.txt" 2>&1
    "$errcat" --lang "$l" --frobnicate >> "$d/$l.txt" 2>&1
    if grep -Eiq "$english" "$d/$l.txt"; then
        echo "FAIL: English left in errcat --lang $l:"
        grep -Ein "$english" "$d/$l.txt"; fail=1
    fi
    "$errcat" --accept-language "$(echo "$l" | tr _ -)" CSBS.6000 > "$d/$l-accept.txt" 2>&1
    if grep -Eiq "$english" "$d/$l-accept.txt"; then
        echo "FAIL: English left in errcat --accept-language $l:"
        cat "$d/$l-accept.txt"; fail=1
    fi
done
# Without --lang, the environment by gettext's rules, as for the catalog.
env LANG=C.UTF-8 LANGUAGE=zh_CN "$errcat" CSBS.6000 > "$d/env.txt" 2>&1
grep -q '^  语言环境：' "$d/env.txt" ||
    { echo "FAIL: LANG=C.UTF-8 LANGUAGE=zh_CN: no Chinese label"
      cat "$d/env.txt"; fail=1; }
env LANG=C LANGUAGE=zh_CN "$errcat" CSBS.6000 > "$d/c.txt" 2>&1
grep -q '^  locale:  en$' "$d/c.txt" ||
    { echo "FAIL: LANG=C: not English"; cat "$d/c.txt"; fail=1; }
exit $fail
