#!/bin/sh
# make po-check, tested: on copies of the tree with one fault each, it
# fails and names the fault; on the tree as it is, it passes.
B=${B:-build}
top=$(pwd)
d=$(cd "$B" 2>/dev/null && pwd)/tests/po-check-catches
[ -n "$d" ] || d=$top/$B/tests/po-check-catches
rm -rf "$d"
mkdir -p "$d"
fail=0
say() { echo "FAIL: $*"; fail=1; }

fresh() {
    rm -rf "$d/tree"
    mkdir -p "$d/tree"
    cp -R po README.md "$d/tree/"
}

# expect NAME PATTERN: po-check fails on $d/tree, saying PATTERN
expect() {
    (cd "$d/tree" && B="$d/b" sh "$top/tests/po-check.test.sh") \
        > "$d/$1.out" 2>&1 && { say "$1: po-check passed"; return; }
    grep -q -- "$2" "$d/$1.out" ||
        { say "$1: po-check failed without saying '$2'"; sed 's/^/    /' "$d/$1.out"; }
}

fresh
(cd "$d/tree" && B="$d/b" sh "$top/tests/po-check.test.sh") > "$d/clean.out" 2>&1 ||
    { say "po-check fails on a plain copy"; cat "$d/clean.out"; }

# the English of a message changes; msgmerge marks it fuzzy with #|
fresh
sed 's/^msgid "Check whether the server exists."$/msgid "Check whether the server still exists."/' \
    po/errcat-csbs.pot > "$d/tree/po/errcat-csbs.pot"
msgmerge -q --previous -o "$d/tree/po/de.po" po/de.po "$d/tree/po/errcat-csbs.pot"
expect fuzzy 'po/de.po incomplete: .*fuzzy'
# a translator drops the flag without reviewing: still stale
sed -i '/^#, fuzzy$/d' "$d/tree/po/de.po"
expect stale 'po/de.po: stale'

fresh
sed -i '0,/^msgstr "[^"]/s/^msgstr "[^"].*/msgstr ""/' "$d/tree/po/zh_CN.po"
expect untranslated 'po/zh_CN.po incomplete: .*untranslated'

fresh
for dir in "$d"/tree/po/*/; do
    [ -f "$dir/de.po" ] && rm "$dir/de.po" && break
done
if ls po/*/*.pot > /dev/null 2>&1; then
    expect missing-domain 'de.po missing'
fi

fresh
sed -i 's/^"Language: de\\n"$/"Language: fr\\n"/' "$d/tree/po/de.po"
expect language 'po/de.po: header Language is not de'

fresh
sed -i 's/^"Language-Team: German\\n"$/"Language-Team: German <de@example.org>\\n"/' \
    "$d/tree/po/de.po"
expect address 'po/de.po: header gives an e-mail address'
fresh
sed -i '/^"Plural-Forms: /d' "$d/tree/po/de.po"
expect plural-forms 'po/de.po: header Plural-Forms missing'

fresh
sed -i 's|^msgstr "Allgemein"$|msgstr "<b>Allgemein</b>"|' "$d/tree/po/de.po"
expect pofilter-xmltags 'pofilter on po/de.po'

fresh
sed -i 's/共享云硬盘/共享盘/' "$d/tree/po/zh_CN.po"
expect glossary 'glossary po/glossary/zh_CN.tbx on po/zh_CN.po'

fresh
rm "$d/tree/po/glossary/de.tbx"
expect no-glossary 'po/glossary/de.tbx missing'

fresh
sed -i 's/^| German | `de` | \([0-9]*\)\//| German | `de` | 1\1\//' "$d/tree/README.md"
expect readme "README.md's list of languages is not current"

[ $fail -eq 0 ] && echo "po-check-catches: every fault caught"
exit $fail
