#!/bin/sh
# The errcat command over catalogs it was not built with: --catalog (XML
# and compiled), ERRCAT_CATALOG_PATH with broken catalogs among good ones,
# --list-catalogs, translations of such a catalog, --body - and @FILE past
# the argv limit, --version, and the installed command answering for a
# catalog installed beside it (make install into a staging prefix).
B=${B:-build}
top=$(pwd)
errcat=$top/$B/errcat
gen=$top/$B/errcat-gen
d=$top/$B/tests/catalogs
rm -rf "$d"
mkdir -p "$d/xml" "$d/good" "$d/broken" "$d/cwd" "$d/clash"
fail=0
unset LANGUAGE LC_ALL LC_MESSAGES LANG ERRCAT_CATALOG_PATH ERRCAT_LOCALEDIR

expect() {              # expect STATUS DESCRIPTION ARG...
    want=$1 what=$2
    shift 2
    "$errcat" "$@" > "$d/out.txt" 2> "$d/err.txt" < "${STDIN:-/dev/null}"
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $what: exit $got, expected $want"
        cat "$d/out.txt" "$d/err.txt"
        fail=1
    fi
}
has() {                 # has DESCRIPTION FILE FIXED-STRING
    grep -qF -- "$3" "$2" || { echo "FAIL: $1: no '$3' in"; cat "$2"; fail=1; }
}
hasnt() {               # hasnt DESCRIPTION FILE FIXED-STRING
    ! grep -qF -- "$3" "$2" || { echo "FAIL: $1: '$3' in"; cat "$2"; fail=1; }
}

# A second catalog, "basic" (number 7, codes BAS.*), as XML with its
# numbering record, and compiled by errcat-gen.
cp tests/golden/basic.xml tests/golden/basic.numbers "$d/xml/"
"$gen" generate -o "$d/gen" --compiled "$d/good" "$d/xml/basic.xml" ||
    { echo "FAIL: errcat-gen --compiled"; exit 1; }
[ -f "$d/good/basic.errcat" ] || { echo "FAIL: no basic.errcat"; exit 1; }
grep -v '^#' tests/golden/basic.numbers > "$d/want.numbers"
grep -v '^#' "$d/xml/basic.numbers" | cmp -s - "$d/want.numbers" ||
    { echo "FAIL: the numbering record changed"; fail=1; }

# --catalog: XML through errcat-gen's loader, and the compiled file.
expect 0 "--catalog XML" --catalog "$d/xml/basic.xml" BAS.0001
has "XML entry" "$d/out.txt" "BAS.0001 (HTTP 507, Core): The disk is full."
has "XML value" "$d/out.txt" "disk_full (BASIC_DISK_FULL = 7340033)"
expect 0 "--catalog compiled" --catalog "$d/good/basic.errcat" BAS.0003
[ "$(grep -c '^BAS.0003 ' "$d/out.txt")" = 2 ] ||
    { echo "FAIL: BAS.0003 does not show its 2 entries"; fail=1; }
expect 0 "built-in still answers" --catalog "$d/good/basic.errcat" CSBS.6000
has "CSBS" "$d/out.txt" "CSBS.6000 (HTTP 400, Shared)"
expect 0 "several --catalog" --catalog "$d/xml/basic.xml" \
    --catalog=tests/golden/basic.xml --list-catalogs
[ "$(grep -c '^basic	' "$d/out.txt")" = 1 ] ||
    { echo "FAIL: one catalog twice is listed twice"; fail=1; }
expect 2 "a named catalog that is missing" --catalog "$d/none.xml" CSBS.6000
has "missing" "$d/err.txt" "$d/none.xml"
expect 2 "a named catalog that is broken" --catalog tests/bad/unknown_module.xml \
    CSBS.6000
has "broken named" "$d/err.txt" \
    "tests/bad/unknown_module.xml:4:53: error: unknown module 'nowhere'"
expect 1 "without it, unknown" BAS.0001

# A catalog with absent fields (no code, status, module or texts) gives,
# compiled and loaded, what its generated tables give built in
# (tests/absent-cli.test.sh builds that command).
absent=$top/$B/tests/absent-cli/errcat
if [ -x "$absent" ]; then
    cp tests/golden/absent.xml tests/golden/absent.numbers "$d/xml/"
    "$gen" generate -o "$d/gen" --compiled "$d/good" "$d/xml/absent.xml" ||
        { echo "FAIL: errcat-gen --compiled absent.xml"; fail=1; }
    for c in complete plan_limit_exceeded vault_missing bare ABS.0001 \
             9437186; do
        "$absent" --json "$c" > "$d/want.json" 2>&1
        expect 0 "absent fields: $c" --catalog "$d/good/absent.errcat" \
            --json "$c"
        cmp -s "$d/want.json" "$d/out.txt" ||
            { echo "FAIL: absent fields: $c differs from the tables:";
              diff "$d/want.json" "$d/out.txt"; fail=1; }
    done
    rm -f "$d/good/absent.errcat"
else
    echo "FAIL: $absent is not built (tests/absent-cli.test.sh runs first)"
    fail=1
fi

# ERRCAT_CATALOG_PATH: a compiled catalog, found by code, id, constant and
# value; translations from ERRCAT_LOCALEDIR.
export ERRCAT_CATALOG_PATH="$d/good"
expect 0 "path: code" BAS.0002
has "path code" "$d/out.txt" "BAS.0002 (HTTP 503, Network & links)"
expect 0 "path: id" link-down
has "path id" "$d/out.txt" "BAS.0002"
expect 0 "path: constant" BASIC_QUOTA
has "path constant" "$d/out.txt" "BAS.0003 (HTTP 403, Core)"
expect 0 "path: value" 7340034
has "path value" "$d/out.txt" "BAS.0002"
expect 0 "path: --arg" --arg sda BAS.0001
has "path format" "$d/out.txt" "message: disk sda full"
expect 0 "path: --all" --json --all
[ "$(grep -c '^{"code": ' "$d/out.txt")" = 70 ] ||
    { echo "FAIL: --all does not give 66 + 4 entries"; fail=1; }
expect 0 "path: body" --body \
    '{"error_code":"BAS.0002","error_msg":"link l1 to h2 is down"}'
has "path body" "$d/out.txt" 'args:    ["l1", "h2"]'
mkdir -p "$d/locale/de/LC_MESSAGES"
cat > "$d/de.po" <<'EOF'
msgid ""
msgstr ""
"Project-Id-Version: basic\n"
"PO-Revision-Date: 2026-12-01 09:00+0000\n"
"Last-Translator: errcat tests\n"
"Language-Team: German\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Language: de\n"

msgctxt "description"
msgid "The disk is full."
msgstr "Die Platte ist voll."

msgctxt "module"
msgid "Core"
msgstr "Kern"
EOF
msgfmt -c -o "$d/locale/de/LC_MESSAGES/errcat-basic.mo" "$d/de.po" ||
    { echo "FAIL: msgfmt"; fail=1; }
ERRCAT_LOCALEDIR=$d/locale expect 0 "path: German" --lang de BAS.0001
has "German" "$d/out.txt" "BAS.0001 (HTTP 507, Kern): Die Platte ist voll."
ERRCAT_LOCALEDIR=$d/locale expect 0 "path: German, JSON" --json --lang de \
    BAS.0001
has "German locale" "$d/out.txt" '"locale": "de"'
# installed under another prefix: translations from that prefix's locale
o=$d/other/share
mkdir -p "$o/errcat/catalogs" "$o/locale/de/LC_MESSAGES"
cp "$d/good/basic.errcat" "$o/errcat/catalogs/"
cp "$d/locale/de/LC_MESSAGES/errcat-basic.mo" "$o/locale/de/LC_MESSAGES/"
ERRCAT_CATALOG_PATH=$o/errcat/catalogs expect 0 "other prefix: German" \
    --lang de BAS.0001
has "other prefix" "$d/out.txt" "BAS.0001 (HTTP 507, Kern): Die Platte ist voll."
ERRCAT_CATALOG_PATH=$o/errcat/catalogs ERRCAT_LOCALEDIR=$d/none \
    expect 0 "ERRCAT_LOCALEDIR over the prefix's" --lang de BAS.0001
has "ERRCAT_LOCALEDIR wins" "$d/out.txt" "BAS.0001 (HTTP 507, Core): The disk is full."
expect 0 "--list-catalogs" --list-catalogs
has "list basic" "$d/out.txt" \
    "basic	BASIC	number 7	domain errcat-basic	4 entries	$d/good/basic.errcat"
has "list csbs" "$d/out.txt" \
    "csbs	CSBS	number 1	domain errcat-csbs	66 entries	built in"

# Broken catalogs on the path are reported, with where, and skipped.
head -c 300 "$d/good/basic.errcat" > "$d/broken/a-cut.errcat"
# a text index out of range, deep in the file: found when it is opened
u32() {                 # u32 FILE OFFSET: the little-endian number there
    od -An -tu1 -j "$2" -N 4 "$1" |
        awk '{ print $1 + 256 * ($2 + 256 * ($3 + 256 * $4)) }'
}
deep=$(( $(u32 "$d/good/basic.errcat" 56) + 28 ))     # entry 0's measure
cp "$d/good/basic.errcat" "$d/broken/b-deep.errcat"
printf '\347\003\000\000' |
    dd of="$d/broken/b-deep.errcat" bs=1 seek=$deep conv=notrunc 2>/dev/null
cp tests/bad/unknown_module.xml "$d/broken/c-bad.xml"
printf 'not a catalog' > "$d/broken/d-junk.errcat"
export ERRCAT_CATALOG_PATH="$d/broken:$d/good"
expect 0 "broken ones skipped" BAS.0001
has "others answer" "$d/out.txt" "BAS.0001 (HTTP 507, Core)"
has "cut file" "$d/err.txt" \
    "$d/broken/a-cut.errcat: error: offset 12: file size differs from header (truncated?); catalog skipped"
has "XML error" "$d/err.txt" \
    "$d/broken/c-bad.xml:4:53: error: unknown module 'nowhere'"
has "XML skipped" "$d/err.txt" "$d/broken/c-bad.xml: catalog skipped"
has "junk" "$d/err.txt" "$d/broken/d-junk.errcat: error: not a compiled errcat catalog (bad magic); catalog skipped"
expect 0 "deep damage, listed" --list-catalogs
has "deep damage" "$d/err.txt" \
    "$d/broken/b-deep.errcat: error: offset $deep: text index out of range; catalog skipped"
hasnt "deep one not listed" "$d/out.txt" "b-deep"
has "good one listed" "$d/out.txt" "$d/good/basic.errcat"

# The same catalog twice is one; another with a taken number is skipped.
sed -e 's/name="basic"/name="other"/' -e 's/errcat-basic/errcat-other/' \
    -e 's/prefix="BASIC"/prefix="OTHER"/' tests/golden/basic.xml \
    > "$d/clash/other.xml"
sed -e 's/catalog basic 7/catalog other 7/' tests/golden/basic.numbers \
    > "$d/clash/other.numbers"
cp "$d/good/basic.errcat" "$d/clash/basic.errcat"
ERRCAT_CATALOG_PATH="$d/good:$d/clash" expect 0 "clash" --list-catalogs
has "clash warning" "$d/err.txt" "$d/clash/other.xml: warning: catalog other (number 7, domain errcat-other) collides with basic (number 7, domain errcat-basic) from $d/good/basic.errcat; skipped"
hasnt "same catalog again is quiet" "$d/err.txt" "clash/basic.errcat"
[ "$(grep -c '^basic	' "$d/out.txt")" = 1 ] ||
    { echo "FAIL: the same catalog listed twice"; fail=1; }

# Nothing from a directory nobody named: empty components are not ".".
cp "$d/good/basic.errcat" "$d/cwd/"
cp tests/golden/basic.xml "$d/cwd/"
(cd "$d/cwd" && ERRCAT_CATALOG_PATH=":" "$errcat" BAS.0001 \
    > "$d/out.txt" 2>&1) && { echo "FAIL: read the current directory"; fail=1; }
(cd "$d/cwd" && ERRCAT_CATALOG_PATH="::" "$errcat" --list-catalogs \
    > "$d/out.txt" 2>&1)
hasnt "no cwd" "$d/out.txt" "basic"
unset ERRCAT_CATALOG_PATH

# --body - and --body @FILE, beyond what argv can carry (128 kB).
long=$(head -c 200000 /dev/zero | tr '\0' x)
printf '{"error_code":"BAS.0001","error_msg":"disk %s full"}' "$long" \
    > "$d/body.json"
STDIN=$d/body.json expect 0 "--body -" --catalog "$d/good/basic.errcat" \
    --json --body -
has "stdin body" "$d/out.txt" '"id": "disk_full"'
[ "$(wc -c < "$d/out.txt")" -gt 200000 ] ||
    { echo "FAIL: the 200 kB argument is not in the output"; fail=1; }
expect 0 "--body @FILE" --catalog "$d/good/basic.errcat" --body "@$d/body.json"
has "file body" "$d/out.txt" "BAS.0001 (HTTP 507, Core)"
echo '{"error_code":"CSBS.6005","error_msg":"Server (ecs-01) is already in service."}' \
    > "$d/csbs.json"
STDIN=$d/csbs.json expect 0 "--body - built-in" --body -
has "stdin csbs" "$d/out.txt" 'args:    ["ecs-01"]'
expect 2 "--body @missing" --body "@$d/none.json"
has "missing body" "$d/err.txt" "$d/none.json: No such file or directory"
head -c 1048577 /dev/zero | tr '\0' ' ' > "$d/huge.json"
expect 2 "--body over ERRCAT_BODY_MAX" --body "@$d/huge.json"
has "huge body" "$d/err.txt" "is over 1 MiB"
STDIN=$d/huge.json expect 2 "stdin over ERRCAT_BODY_MAX" --body -
printf 'nope' > "$d/nope.json"
expect 1 "--body @FILE not JSON" --body "@$d/nope.json"
has "not JSON" "$d/err.txt" "not a JSON error body"

# --version as errcat-gen's.
expect 0 "--version" --version
v=$("$gen" --version | sed 's/^errcat-gen //')
[ "$(cat "$d/out.txt")" = "errcat $v" ] ||
    { echo "FAIL: errcat --version: '$(cat "$d/out.txt")', errcat-gen: $v";
      fail=1; }

# Installed: make install into a staging prefix; the installed command
# answers for a catalog installed into its catalog directory, unrebuilt.
p=$d/prefix
if make -s -j2 B="$B/stage" PREFIX="$p" install > "$d/install.log" 2>&1; then
    [ -f "$p/share/errcat/catalogs/csbs.errcat" ] ||
        { echo "FAIL: csbs.errcat not installed"; fail=1; }
    cp "$d/good/basic.errcat" "$p/share/errcat/catalogs/"
    mkdir -p "$p/share/locale/de/LC_MESSAGES"
    cp "$d/locale/de/LC_MESSAGES/errcat-basic.mo" "$p/share/locale/de/LC_MESSAGES/"
    errcat=$p/bin/errcat
    expect 0 "installed: code" --lang de BAS.0001
    has "installed German" "$d/out.txt" \
        "BAS.0001 (HTTP 507, Kern): Die Platte ist voll."
    expect 0 "installed: list" --list-catalogs
    has "installed list" "$d/out.txt" "$p/share/errcat/catalogs/basic.errcat"
    expect 0 "installed: csbs" --json --lang de CSBS.6000
    has "installed csbs" "$d/out.txt" '"locale": "de"'
    make -s B="$B/stage" PREFIX="$p" uninstall > "$d/uninstall.log" 2>&1
    [ ! -e "$p/share/errcat/catalogs/csbs.errcat" ] ||
        { echo "FAIL: uninstall left csbs.errcat"; fail=1; }
else
    echo "FAIL: make install into $p"
    tail -n 20 "$d/install.log"
    fail=1
fi
exit $fail
