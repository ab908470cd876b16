#!/bin/sh
# Every shipped language (po/LINGUAS), asked for by its BCP 47 tag as a web
# client sends it (zh-TW, pt-BR; zh-Hant, zh-HK and zh-Hant-MO for zh_TW,
# which Hong Kong and Macau read too), makes errcat print
# CSBS.6000's module, description, message and measure as po/LL.po has
# them, and no English: the .mo files are built and found.
B=${B:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
errcat=$B/errcat
d=$B/tests/translations-cli
rm -rf "$d"
mkdir -p "$d"
fail=0
unset LANGUAGE LC_ALL LC_MESSAGES LANG

# the translations of CSBS.6000's texts in one .po, one per line
expected() {
    "$PYTHON" -c '
import sys, polib
want = {("module", "Shared"), ("description", "The server does not exist."),
        ("message", "server do not exist"),
        ("measure", "Check whether the server exists.")}
got = [e.msgstr for e in polib.pofile(sys.argv[1])
       if (e.msgctxt, e.msgid) in want and e.msgstr]
if len(got) != len(want):
    sys.exit("%s: CSBS.6000 is not fully translated" % sys.argv[1])
print("\n".join(got))' "$1"
}

n=0
for l in $(sed 's/#.*//' po/LINGUAS); do
    tags=$(echo "$l" | tr _ -)
    case $l in zh_TW) tags="$tags zh-Hant zh-HK zh-Hant-MO" ;; esac
    expected "po/$l.po" > "$d/$l.want" || { fail=1; continue; }
    for t in $tags; do
        n=$((n + 1))
        "$errcat" --lang "$t" CSBS.6000 > "$d/$t.out" 2>&1 ||
            { echo "FAIL: errcat --lang $t CSBS.6000 failed"; cat "$d/$t.out"
              fail=1; continue; }
        while IFS= read -r s; do
            grep -qF -- "$s" "$d/$t.out" ||
                { echo "FAIL: errcat --lang $t: '$s' not printed"; fail=1; }
        done < "$d/$l.want"
        grep -q "The server does not exist\|Check whether the server" \
            "$d/$t.out" && { echo "FAIL: errcat --lang $t printed English"
                             cat "$d/$t.out"; fail=1; }
    done
done
[ $fail -eq 0 ] && echo "translations-cli: $n language tags, each in its language"
exit $fail
