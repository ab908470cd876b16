#!/bin/sh
# errcat-gen import and import-po as commands: the seed page to a new
# catalog that passes check; `import --into catalog/csbs.xml` of the seed
# changes no byte; a newer table's changes reported one line each, new
# rows appended, missing entries kept or retired; bad rows refused with
# nothing written; a localized twin table (the Chinese descriptions of
# po/zh_CN.po) restored as fuzzy suggestions that pass msgfmt -c.
B=${B:-build}
gen=$(pwd)/$B/errcat-gen
d=$(pwd)/$B/tests/import
rm -rf "$d"
mkdir -p "$d"
fail=0
no() { echo "FAIL: $*"; fail=1; }

# tests/import/seed.md is the project's copy of the CSBS page; the
# shared original, when CI has it beside the clone, must not differ
if [ -f ../shared/seed/000_db9db0084231eb8f.txt ]; then
    cmp -s ../shared/seed/000_db9db0084231eb8f.txt tests/import/seed.md ||
        no "tests/import/seed.md differs from ../shared/seed"
else
    echo "NOTE: ../shared/seed not present; using tests/import/seed.md only"
fi

# a new catalog from the seed, accepted by check
"$gen" import --name csbs --prefix CSBS --domain errcat-csbs \
    -o "$d/csbs.xml" tests/import/seed.md 2> "$d/err.txt" || no "import seed"
grep -q '66 entries, 6 modules' "$d/err.txt" || no "seed: not 66 entries"
# the seed's two warnings, at the table's line and column
grep -q "^tests/import/seed.md:44:87: warning: placeholder '%(destination_region)' has no conversion" \
    "$d/err.txt" || no "seed: CSBS.8012 warning"
grep -q "^tests/import/seed.md:66:176: warning: unbalanced '\"' in message" \
    "$d/err.txt" || no "seed: CSBS.6018 warning"
"$gen" check "$d/csbs.xml" 2> /dev/null || no "imported seed fails check"
# importing twice gives the same bytes (ids are stable)
"$gen" import --name csbs --prefix CSBS --domain errcat-csbs \
    -o "$d/again.xml" tests/import/seed.md 2> /dev/null
sed 's|again.xml|csbs.xml|' "$d/again.xml" | cmp -s - "$d/csbs.xml" ||
    no "re-import differs"
# a page of 9000 rows, whose rows are split on two threads, gives the
# catalog its two halves give when read one after the other on one; a
# bad row in the second half is reported at its line
awk 'BEGIN {
    print "| Module | HTTP Status Code | Error Code | Description | Error Message |"
    print "|---|---|---|---|---|"
    for (i = 1; i <= 9000; i++)
        printf "| M%d | 400 | BIG.%05d | Row **%d** a\\|b<br>c | Row %d `%%s` \\| é |\n", \
            i % 7, i, i, i
}' > "$d/big.md"
{ sed -n 1,2p "$d/big.md"; sed -n 3,4502p "$d/big.md"; } > "$d/big1.md"
{ sed -n 1,2p "$d/big.md"; sed -n 4503,9002p "$d/big.md"; } > "$d/big2.md"
"$gen" import --name big -o "$d/big.xml" "$d/big.md" 2> "$d/err.txt" ||
    { no "import of a 9000-row page"; cat "$d/err.txt"; }
grep -q '9000 entries, 7 modules' "$d/err.txt" || no "9000-row page: $(cat "$d/err.txt")"
"$gen" import --name big -o "$d/halves.xml" "$d/big1.md" "$d/big2.md" \
    2> /dev/null || no "import of the two halves"
sed 1,2d "$d/big.xml" > "$d/big.body"
sed 1,2d "$d/halves.xml" > "$d/halves.body"
cmp -s "$d/big.body" "$d/halves.body" ||
    no "a page split on two threads differs from its halves read in turn"
sed '8003s/| 400 |/| 4000 |/' "$d/big.md" > "$d/bigbad.md"
"$gen" import -o "$d/bigbad.xml" "$d/bigbad.md" 2> "$d/err.txt" &&
    no "bad row in a 9000-row page accepted"
grep -q "bigbad.md:8003:[0-9]*: error: HTTP status '4000'" "$d/err.txt" ||
    no "bad row in a 9000-row page: $(cat "$d/err.txt")"
[ ! -e "$d/bigbad.xml" ] || no "bigbad.xml written"

# every format, each to a catalog that passes check
for t in grid.rst list-table.rst page.html export.csv export.tsv; do
    "$gen" import -o "$d/$t.xml" "tests/import/$t" 2> "$d/err.txt" ||
        { no "import $t"; cat "$d/err.txt"; }
    "$gen" check "$d/$t.xml" 2> /dev/null || no "$t: fails check"
done

# --into the catalog the seed became: no byte changes
cp catalog/csbs.xml catalog/csbs.numbers "$d/"
mkdir -p "$d/into"
cp catalog/csbs.xml catalog/csbs.numbers "$d/into/"
"$gen" import --into "$d/into/csbs.xml" tests/import/seed.md 2> "$d/err.txt" ||
    no "--into seed"
cmp -s catalog/csbs.xml "$d/into/csbs.xml" || no "--into seed changed bytes"
grep -q '66 rows, 0 changes, 0 new entries, 0 entries not in the table' \
    "$d/err.txt" || no "--into seed summary"

# a newer table: one text and one status changed, one row gone, one new
sed -e 's/| The server has stopped. | The server has stopped. |/| The ECS has stopped. | The server has stopped. |/' \
    -e 's/^| 500 | CSBS.9998 |/| 503 | CSBS.9998 |/' \
    -e '/CSBS.6040/d' tests/import/seed.md > "$d/newer.md"
cat >> "$d/newer.md" <<'TABLE'

| Module | HTTP Status Code | Error Code | Description | Error Message | Measure |
|---|---|---|---|---|---|
| Quota management | 400 | CSBS.7001 | The quota is **exhausted**. | Quota (%s) exhausted \| retry later | Ask for a `larger` quota. |
TABLE
"$gen" import --into "$d/into/csbs.xml" "$d/newer.md" 2> "$d/err.txt" ||
    { no "--into newer"; cat "$d/err.txt"; }
grep -q 'newer.md:11: note: CSBS.6001: description: "The server has stopped." → "The ECS has stopped."' "$d/err.txt" ||
    no "description change not reported"
grep -q 'newer.md:23: note: CSBS.9998: status: "500" → "503"' "$d/err.txt" ||
    no "status change not reported"
grep -q "warning: CSBS.6040: entry 'job_not_found' is not in the table: kept" \
    "$d/err.txt" || no "missing entry not reported"
diff catalog/csbs.xml "$d/into/csbs.xml" > "$d/diff.txt"
grep -q '^>   <module id="quota_management">Quota management</module>' \
    "$d/diff.txt" || no "new module not declared"
grep -q '^>     <message>Quota (%s) exhausted | retry later</message>' \
    "$d/diff.txt" || no "new entry not appended"
grep -q '^>   <entry id="quota_exhausted" code="CSBS.7001" http-status="400" module="quota_management">' \
    "$d/diff.txt" || no "new entry's id"
grep -q '^<' "$d/diff.txt" && [ "$(grep -c '^<' "$d/diff.txt")" -ne 2 ] &&
    no "more than the two changed lines replaced"
grep -q 'job_not_found' "$d/into/csbs.xml" || no "missing entry removed"
"$gen" check "$d/into/csbs.xml" 2> /dev/null || no "updated catalog fails check"
# comments, notes and args survive
grep -q '<note>CBR is Cloud Backup' "$d/into/csbs.xml" || no "note lost"
head -4 "$d/into/csbs.xml" | grep -q 'match on: they are carried verbatim' ||
    no "comment lost"
"$gen" import --into "$d/into/csbs.xml" --retire-missing "$d/newer.md" \
    2> "$d/err.txt" || no "--retire-missing"
grep -q 'job_not_found' "$d/into/csbs.xml" && no "--retire-missing kept it"
"$gen" check "$d/into/csbs.xml" 2> /dev/null || no "retired catalog fails check"

# a changed message whose placeholders the <arg> notes no longer fit:
# the notes are rewritten and that is reported
cp catalog/csbs.xml "$d/args.xml"
sed 's/| Resource (%s) type (%s) is not support protection. |/| Resource (%(resource_id)s) is not support protection. |/' \
    tests/import/seed.md > "$d/args.md"
"$gen" import --into "$d/args.xml" "$d/args.md" 2> "$d/err.txt" ||
    { no "--into with new placeholders"; cat "$d/err.txt"; }
grep -q "args.md:12: note: CSBS.6003: the message's placeholders changed" \
    "$d/err.txt" || no "rewritten args not reported"
grep -q '<arg name="resource_id">resource_id (not described in the table)</arg>' \
    "$d/args.xml" || no "args not rewritten"
[ "$(diff catalog/csbs.xml "$d/args.xml" | grep -c '^< *<arg>')" -eq 2 ] ||
    no "old args kept"

# a Module | Error Code | Description table: the other fields absent;
# --into a catalog of it fills them in, in the schema's order
"$gen" import -o "$d/mcd.xml" tests/import/module-code-description.md \
    2> "$d/err.txt" || { no "Module | Error Code | Description"; cat "$d/err.txt"; }
"$gen" check "$d/mcd.xml" 2> /dev/null || no "mcd: fails check"
grep -q '<message>' "$d/mcd.xml" && no "mcd: a message invented"
"$gen" import --into "$d/mcd.xml" tests/import/grid.rst 2> "$d/err.txt" ||
    { no "--into filling absent fields"; cat "$d/err.txt"; }
grep -q 'grid.rst:13: note: CSBS.1001: message: (none) → "The policy is executing backup."' \
    "$d/err.txt" || no "added message not reported"
"$gen" check "$d/mcd.xml" 2> /dev/null || no "filled mcd fails check"

# the English reference pages errcat-gen docs makes of catalog/csbs.xml
# import back to its entries: --into changes no byte
"$gen" docs -o "$d/docs" --format md,html,rst catalog/csbs.xml 2> /dev/null ||
    no "docs"
for f in md html rst; do
    cp catalog/csbs.xml "$d/docs-$f.xml"
    "$gen" import --into "$d/docs-$f.xml" "$d/docs/en/csbs.$f" 2> "$d/err.txt" ||
        { no "--into from the $f page"; cat "$d/err.txt"; }
    grep -q '66 rows, 0 changes, 0 new entries, 0 entries not in the table' \
        "$d/err.txt" || { no "$f page: not the catalog's 66 entries"; cat "$d/err.txt"; }
    cmp -s catalog/csbs.xml "$d/docs-$f.xml" || no "$f page changed the catalog"
    "$gen" import -o "$d/docs-new-$f.xml" "$d/docs/en/csbs.$f" 2> /dev/null ||
        no "import -o from the $f page"
done

# bad rows: every one reported with its line, nothing written
printf '| Module | HTTP Status Code | Error Code | Description | Error Message | Measure |\n|---|---|---|---|---|---|\n| Shared | 4000 | CSBS.1 | a | b | c |\n| Shared | 400 | CSBS.2 | b | c | d | e |\n' \
    > "$d/bad.md"
cp "$d/into/csbs.xml" "$d/before.xml"
"$gen" import -o "$d/bad.xml" "$d/bad.md" 2> "$d/err.txt"
[ $? -eq 1 ] || no "bad rows: exit status"
[ -e "$d/bad.xml" ] && no "bad rows: a catalog was written"
grep -q "bad.md:3:12: error: HTTP status '4000' is not 100 to 599" "$d/err.txt" ||
    no "bad status not reported"
grep -q 'bad.md:4: error: row has 7 cells' "$d/err.txt" || no "bad row not reported"
"$gen" import --into "$d/into/csbs.xml" "$d/bad.md" 2> /dev/null
cmp -s "$d/before.xml" "$d/into/csbs.xml" || no "bad rows changed the catalog"
"$gen" import -o "$d/x.xml" 2> /dev/null; [ $? -eq 2 ] || no "no table: usage"
"$gen" import "$d/bad.md" 2> /dev/null; [ $? -eq 2 ] || no "no -o: usage"

# import-po: the Chinese descriptions of po/zh_CN.po as a table (状态码,
# 错误码, 错误描述), the translations removed from a copy of the .po
msgcat --no-wrap po/zh_CN.po | awk '
BEGIN { print "错误码,状态码,错误描述" }
/^#\. [A-Za-z_]+\.[0-9]+, HTTP [0-9]+/ {
    code = $2; sub(",", "", code); st = $4; sub(",", "", st); next }
/^msgctxt "description"/ { want = 1; next }
/^msgctxt/ { want = 0 }
want && /^msgstr "/ {
    s = substr($0, 9, length($0) - 9)
    gsub(/""/, "\"", s); gsub(/\\"/, "\"\"", s); gsub(/\\n/, "\n", s)
    gsub(/\\\\/, "\\", s)
    print code "," st ",\"" s "\""; want = 0 }' > "$d/zh_CN.csv"
[ "$(wc -l < "$d/zh_CN.csv")" -gt 60 ] || no "zh_CN table not made"
msgfilter --keep-header -i po/zh_CN.po -o "$d/zh_CN.po" sed -e d ||
    no "msgfilter"
"$gen" import-po --lang zh_CN -o "$d/zh_CN.po" catalog/csbs.xml \
    "$d/zh_CN.csv" 2> "$d/err.txt" || { no "import-po"; cat "$d/err.txt"; }
msgfmt -c -o /dev/null "$d/zh_CN.po" || no "import-po result fails msgfmt -c"
# the descriptions restored, each fuzzy, the other texts still empty
msggrep -J -e '^description$' po/zh_CN.po | msgattrib --no-location \
    --no-wrap --clear-fuzzy | sed '/^#/d' > "$d/want.po"
msggrep -J -e '^description$' "$d/zh_CN.po" | msgattrib --only-fuzzy \
    --no-location --no-wrap --clear-fuzzy | sed '/^#/d' > "$d/got.po"
diff "$d/want.po" "$d/got.po" > /dev/null || no "descriptions not restored"
[ "$(msgattrib --only-fuzzy "$d/zh_CN.po" | grep -c '^msgctxt ')" -eq \
  "$(grep -c '^msgctxt "description"' po/zh_CN.po)" ] ||
    no "not every description fuzzy"
grep -q '^# suggested by errcat-gen import-po from .*zh_CN.csv:2 (CSBS.0001)' \
    "$d/zh_CN.po" || no "translator comment"
# an existing translation is never overwritten
cp po/zh_CN.po "$d/full.po"
sed 's/^\(CSBS.0001,400,\).*/\1"改过的描述"/' "$d/zh_CN.csv" > "$d/changed.csv"
"$gen" import-po --lang zh_CN -o "$d/full.po" catalog/csbs.xml \
    "$d/changed.csv" 2> /dev/null || no "import-po on a full .po"
cmp -s po/zh_CN.po "$d/full.po" || no "import-po overwrote translations"
# a suggestion whose placeholders differ is dropped and reported
printf 'Error Code,HTTP Status Code,Error Message\nCSBS.6003,400,资源 (%%s) 类型不支持保护。\n' \
    > "$d/ph.csv"
rm -f "$d/new.po"
"$gen" import-po --lang zh_CN -o "$d/new.po" catalog/csbs.xml "$d/ph.csv" \
    2> "$d/err.txt" || no "import-po into a new .po"
grep -q 'ph.csv:2: warning: CSBS.6003: message suggestion dropped' \
    "$d/err.txt" || no "placeholder mismatch not reported"
# (msgfmt warns that the new header's fields are still to be filled in)
msgfmt -c -o /dev/null "$d/new.po" 2> "$d/msgfmt.txt" ||
    { no "new .po fails msgfmt -c"; cat "$d/msgfmt.txt"; }
exit $fail
