#!/bin/sh
# errcat-gen as a command: exit statuses, the seed's two warnings, several
# catalogs in one run, determinism, nothing written on failure.
B=${B:-build}
gen=$(pwd)/$B/errcat-gen
top=$(pwd)
d=$top/$B/tests/gen-cli
rm -rf "$d"
mkdir -p "$d"
fail=0
expect() {              # expect STATUS DESCRIPTION COMMAND...
    want=$1 what=$2
    shift 2
    "$@" > "$d/out.txt" 2> "$d/err.txt"
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $what: exit $got, expected $want"
        cat "$d/err.txt"
        fail=1
    fi
}

expect 0 "check csbs" "$gen" check catalog/csbs.xml
grep -c ': warning: ' "$d/err.txt" | grep -qx 2 || { echo "FAIL: not 2 warnings"; fail=1; }
grep -q '^catalog/csbs.xml:[0-9]*:37: warning: placeholder .%(destination_region). has no conversion character' "$d/err.txt" || { echo "FAIL: 8012 warning"; fail=1; }
grep -q "^catalog/csbs.xml:[0-9]*:87: warning: unbalanced '\"' in message" "$d/err.txt" || { echo "FAIL: 6018 warning"; fail=1; }
expect 1 "check --Werror csbs" "$gen" check --Werror catalog/csbs.xml
grep -c ': error: ' "$d/err.txt" | grep -qx 2 || { echo "FAIL: not 2 errors"; fail=1; }
expect 2 "no command" "$gen"
expect 2 "bad command" "$gen" frobnicate catalog/csbs.xml
expect 2 "bad option" "$gen" check --frob catalog/csbs.xml
expect 2 "generate without -o" "$gen" generate catalog/csbs.xml
expect 2 "no catalog" "$gen" check
expect 2 "missing file" "$gen" check no-such-file.xml
expect 0 "help" "$gen" --help

# two catalogs in one run, each with its own domain and prefix
mkdir -p "$d/two/catalog"
cp catalog/csbs.xml catalog/csbs.numbers tests/golden/basic.xml "$d/two/catalog/"
(cd "$d/two" && "$gen" generate -o out --pot-dir po catalog/csbs.xml catalog/basic.xml 2>/dev/null) ||
    { echo "FAIL: two catalogs"; fail=1; }
for f in out/csbs.h out/csbs.c out/basic.h out/basic.c po/errcat-csbs.pot po/errcat-basic.pot catalog/basic.numbers; do
    [ -f "$d/two/$f" ] || { echo "FAIL: two catalogs: no $f"; fail=1; }
done
cmp -s "$d/two/out/csbs.h" generated/csbs.h || { echo "FAIL: csbs.h differs when generated with another catalog"; fail=1; }
printf '#include "csbs.h"\n#include "basic.h"\nint main(void) { return (int)CSBS_SERVER_NOT_FOUND == (int)BASIC_DISK_FULL; }\n' > "$d/two/use.c"
cc -std=c99 -Wall -Wextra -pedantic -Werror -I"$d/two/out" -Isrc/include "$d/two/use.c" \
    "$d/two/out/csbs.c" "$d/two/out/basic.c" -o "$d/two/use" && "$d/two/use" ||
    { echo "FAIL: two catalogs do not link into one program with distinct values"; fail=1; }

# where errcat-gen runs from changes no byte: run from elsewhere with an
# absolute path, the outputs and the record equal the committed ones
mkdir -p "$d/abs/catalog" "$d/elsewhere"
cp catalog/csbs.xml catalog/csbs.numbers "$d/abs/catalog/"
(cd "$d/elsewhere" && "$gen" generate -o "$d/abs/out" --pot-dir "$d/abs/po" \
    "$d/abs/catalog/csbs.xml" 2>/dev/null) || { echo "FAIL: absolute path"; fail=1; }
for f in out/csbs.h:generated/csbs.h out/csbs.c:generated/csbs.c \
         po/errcat-csbs.pot:po/errcat-csbs.pot catalog/csbs.numbers:catalog/csbs.numbers; do
    cmp -s "$d/abs/${f%%:*}" "${f#*:}" ||
        { echo "FAIL: ${f#*:} differs when generated from another directory"; fail=1; }
done
# --root names the catalog by its path from there, resolved
(cd "$d/elsewhere" && "$gen" generate -o "$d/abs/root" --root "$d/abs/catalog/.." \
    ../abs/catalog/csbs.xml 2>/dev/null) || { echo "FAIL: --root"; fail=1; }
grep -q '^#: catalog/csbs.xml:7$' "$d/abs/root/errcat-csbs.pot" &&
    grep -q '^    "catalog/csbs.xml", 1, 1048576,$' "$d/abs/root/csbs.c" &&
    grep -q '^# Numbering record of catalog/csbs.xml,' "$d/abs/catalog/csbs.numbers" ||
    { echo "FAIL: --root: outputs do not name catalog/csbs.xml"; fail=1; }
expect 2 "catalog outside --root" "$gen" generate -o "$d/abs/x" --root "$d/elsewhere" \
    "$d/abs/catalog/csbs.xml"
grep -q 'is not under --root' "$d/err.txt" && [ ! -e "$d/abs/x" ] ||
    { echo "FAIL: outside --root"; cat "$d/err.txt"; fail=1; }

# "write %%" only for a percent sign that starts no conversion at all
cat > "$d/percent.xml" <<'EOF2'
<catalog version="1" name="pct" number="5" domain="p" prefix="P">
  <entry id="a"><message>Maximum number of plans allowed (%(allowed)d) exceeded</message><arg name="allowed">limit</arg></entry>
  <entry id="b"><message>Disk 100% used</message></entry>
  <entry id="c"><message>value %5.2f and %-10s, %lu</message><arg>v</arg><arg>w</arg><arg>x</arg></entry>
  <entry id="d"><message>ends with %</message></entry>
</catalog>
EOF2
expect 0 "percent hints" "$gen" check "$d/percent.xml"
[ "$(grep -c 'write %% for a percent sign' "$d/err.txt")" -eq 1 ] &&
    grep -q ":5:36: warning: '%' is not a placeholder; .*(write %%" "$d/err.txt" &&
    ! grep -q "%(allowed)d" "$d/err.txt" && ! grep -q "%5.2f" "$d/err.txt" ||
    { echo "FAIL: %% hint"; cat "$d/err.txt"; fail=1; }

# the warnings real tables deserve are errors under --Werror
expect 0 "repeats warn" "$gen" check tests/golden/repeats.xml
expect 1 "repeats --Werror" "$gen" check --Werror tests/golden/repeats.xml
[ "$(grep -c ': error: ' "$d/err.txt")" -eq 10 ] ||
    { echo "FAIL: --Werror: not 10 errors"; cat "$d/err.txt"; fail=1; }

# diagnostics are capped: the first 1000, then how many more
mkdir -p "$d/many"
awk 'BEGIN {
    print "<catalog version=\"1\" name=\"many\" number=\"5\" domain=\"m\" prefix=\"M\">"
    for (i = 1; i <= 1500; i++)
        printf "<entry id=\"e%d\" code=\"bad code\"><description>D%d</description></entry>\n", i, i
    print "</catalog>" }' > "$d/many/many.xml"
expect 1 "1500 errors" "$gen" check "$d/many/many.xml"
[ "$(grep -c ': error: code ' "$d/err.txt")" -eq 1000 ] &&
    [ "$(tail -n 1 "$d/err.txt")" = "errcat-gen: 500 more errors and warnings not shown (the first 1000 are)" ] ||
    { echo "FAIL: diagnostics not capped at 1000"; tail -n 2 "$d/err.txt"; fail=1; }

# same number twice: refused, nothing written
mkdir -p "$d/clash"
sed 's/number="7"/number="1"/; s/name="basic"/name="other"/; s/domain="errcat-basic"/domain="errcat-other"/; s/prefix="BASIC"/prefix="OTHER"/' \
    tests/golden/basic.xml > "$d/clash/other.xml"
cp catalog/csbs.xml catalog/csbs.numbers "$d/clash/"
(cd "$d/clash" && expect 1 "two catalogs with one number" "$gen" generate -o out csbs.xml other.xml)
grep -q 'catalog number also used by' "$d/err.txt" || { echo "FAIL: clash message"; cat "$d/err.txt"; fail=1; }
[ ! -e "$d/clash/out" ] && [ ! -e "$d/clash/other.numbers" ] ||
    { echo "FAIL: clash wrote files"; fail=1; }

# deterministic, SOURCE_DATE_EPOCH honoured
mkdir -p "$d/det"
cp catalog/csbs.xml catalog/csbs.numbers "$d/det/"
(cd "$d/det" && "$gen" generate -o a csbs.xml && "$gen" generate -o b csbs.xml) 2>/dev/null
for f in csbs.h csbs.c errcat-csbs.pot; do
    cmp -s "$d/det/a/$f" "$d/det/b/$f" || { echo "FAIL: $f not deterministic"; fail=1; }
done
(cd "$d/det" && SOURCE_DATE_EPOCH=1764201600 "$gen" generate -o c csbs.xml) 2>/dev/null
grep -q '^"POT-Creation-Date: 2025-11-27 00:00+0000\\n"$' "$d/det/c/errcat-csbs.pot" ||
    { echo "FAIL: SOURCE_DATE_EPOCH"; fail=1; }

# an unwritable output directory: exit 2, no temp file, old files intact
if [ "$(id -u)" != 0 ]; then
    mkdir -p "$d/ro/out"
    cp catalog/csbs.xml catalog/csbs.numbers "$d/ro/"
    chmod 555 "$d/ro/out"
    (cd "$d/ro" && expect 2 "unwritable output" "$gen" generate -o out csbs.xml)
    [ -z "$(ls "$d/ro/out")" ] || { echo "FAIL: files left in unwritable dir"; fail=1; }
    chmod 755 "$d/ro/out"
fi
# -o names a file, not a directory: exit 2, nothing written anywhere
mkdir -p "$d/notdir"
cp catalog/csbs.xml catalog/csbs.numbers "$d/notdir/"
: > "$d/notdir/file"
cp "$d/notdir/csbs.numbers" "$d/notdir/numbers.before"
(cd "$d/notdir" && expect 2 "output is a file" "$gen" generate -o file csbs.xml)
cmp -s "$d/notdir/csbs.numbers" "$d/notdir/numbers.before" || { echo "FAIL: record touched"; fail=1; }
ls "$d/notdir" | grep -q '\.tmp$' && { echo "FAIL: temp file left"; fail=1; }
[ $fail -eq 0 ] && echo "errcat-gen command tests passed"
exit $fail
