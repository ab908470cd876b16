#!/bin/sh
# make po-check, tested: one copy of the tree with a different fault in
# each file (po-check reports every problem it finds, so one run covers
# them all, and a fault cannot hide another); po-check must fail and name
# each fault. (po-check.test.sh itself shows the real tree passes.)
B=${B:-build}
top=$(pwd)
mkdir -p "$B/tests"
d=$(cd "$B/tests" && pwd)/po-check-catches
rm -rf "$d"
mkdir -p "$d/tree"
cp -R po README.md "$d/tree/"
t=$d/tree
fail=0
say() { echo "FAIL: $*"; fail=1; }
dom=
for x in po/*/; do
    set -- "$x"*.pot
    [ -f "$1" ] && { dom=${x%/}; break; }
done

# po/de.po: the English of a message changed (here: the .po is from an
# older English), msgmerge marked the translation fuzzy with the old
# English in "#|"; someone dropped the flag without reviewing it: stale
sed 's/^msgid "Check whether the server exists."$/msgid "Check if the server exists."/' \
    po/de.po > "$d/de-old.po"
msgmerge -q --previous -o "$t/po/de.po" "$d/de-old.po" po/errcat-csbs.pot
grep -q '^#| msgid "Check if the server exists."' "$t/po/de.po" ||
    say "msgmerge did not mark the changed message"
sed -i '/^#, fuzzy$/d' "$t/po/de.po"
# po/zh_CN.po: an untranslated message, and 共享盘 for 共享云硬盘
sed -i '0,/^msgstr "公共"$/s//msgstr ""/; s/共享云硬盘/共享盘/' "$t/po/zh_CN.po"
# po/zh_TW.po: an address in the header, no Plural-Forms
sed -i 's/^"Language-Team: \(.*\)\\n"$/"Language-Team: \1 <zh@example.org>\\n"/
        /^"Plural-Forms: /d' "$t/po/zh_TW.po"
# the README's table no longer what po-stats says
sed -i 's/^| German | `de` | \([0-9]*\)\//| German | `de` | 1\1\//' "$t/README.md"
# no glossary for de
rm "$t/po/glossary/de.tbx"
if [ -n "$dom" ]; then
    # the other domain: de fuzzy, zh_CN with a wrong Language and a stray
    # XML tag, zh_TW missing
    msgattrib --set-fuzzy -o "$t/$dom/de.po" "$dom/de.po"
    sed -i 's/^"Language: zh_CN\\n"$/"Language: zh_HK\\n"/' "$t/$dom/zh_CN.po"
    awk '!done && /^msgstr "[^"]/ { sub(/^msgstr "/, "msgstr \"<b>"); done = 1 }
         { print }' "$dom/zh_CN.po" > "$t/$dom/zh_CN.tmp" &&
        sed 's/^"Language: zh_CN\\n"$/"Language: zh_HK\\n"/' "$t/$dom/zh_CN.tmp" \
            > "$t/$dom/zh_CN.po" && rm "$t/$dom/zh_CN.tmp"
    rm -f "$t/$dom/zh_TW.po"
fi

(cd "$t" && B="$d/b" sh "$top/tests/po-check.test.sh") > "$d/out" 2>&1 &&
    say "po-check passed a tree full of faults"

expect() {
    grep -q -- "$2" "$d/out" || say "$1 not reported (expected '$2')"
}
expect stale 'FAIL: po/de.po: stale'
expect untranslated 'FAIL: po/zh_CN.po incomplete: .*untranslated'
expect glossary "FAIL: glossary po/glossary/zh_CN.tbx on po/zh_CN.po"
expect 共享盘 "forbidden variant '共享盘'"
expect address 'FAIL: po/zh_TW.po: header gives an e-mail address'
expect plural-forms 'FAIL: po/zh_TW.po: header Plural-Forms missing'
expect readme "FAIL: README.md's list of languages is not current"
expect no-glossary 'FAIL: po/glossary/de.tbx missing'
if [ -n "$dom" ]; then
    expect fuzzy "FAIL: $dom/de.po incomplete: .*fuzzy"
    expect language "FAIL: $dom/zh_CN.po: header Language is not zh_CN"
    expect pofilter "FAIL: pofilter on $dom/zh_CN.po"
    expect missing "FAIL: $dom/zh_TW.po missing"
fi
# and nothing else: a fault-free file must not be reported
grep '^FAIL' "$d/out" | grep -v -e 'po/de.po: stale' -e 'po/zh_CN.po incomplete' \
    -e 'glossary po/glossary/zh_CN.tbx' -e 'po/zh_TW.po: header' \
    -e "README.md's list" -e 'po/glossary/de.tbx missing' \
    ${dom:+-e "$dom/de.po incomplete" -e "$dom/zh_CN.po: header Language"} \
    ${dom:+-e "pofilter on $dom/zh_CN.po" -e "$dom/zh_TW.po missing"} \
    -e 'i18nspector errors in' > "$d/unexpected"
[ -s "$d/unexpected" ] && { say "po-check reported what is not broken:"; cat "$d/unexpected"; }
[ $fail -eq 0 ] || { echo "po-check said:"; sed 's/^/    /' "$d/out"; }
[ $fail -eq 0 ] && echo "po-check-catches: every fault caught, nothing else"
exit $fail
