#!/bin/sh
# make valgrind: errcat-gen and the errcat CLI under
#   valgrind --leak-check=full --error-exitcode=N
# on the shipped catalog, every hostile catalog of tests/bad/, the golden
# catalogs, the fuzz corpora (through the replay programs), and the CLI on
# a few commands. Any memory error or leak fails, and so does an exit
# status other than the one expected.
#
# The error exit code is 99, not 1: the generator's own status for a bad
# catalog is 1, and must stay distinguishable from a valgrind finding.
B=${B:-build}
top=$(pwd)
work=$top/$B/tests/valgrind.work
VG="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 --track-fds=no"
gen=$top/$B/errcat-gen
cli=$top/$B/errcat

command -v valgrind >/dev/null 2>&1 ||
    { echo "valgrind is not installed (.ci/deps valgrind installs it)"; exit 1; }
rm -rf "$work"
mkdir -p "$work"
pass=0
fail=0

# expect STATUS NAME COMMAND...: runs COMMAND under valgrind in $work.
expect() {
    want=$1 name=$2
    shift 2
    (cd "$work" && $VG "$@") > "$work/out" 2> "$work/err"
    got=$?
    if [ "$got" -eq "$want" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name: exit $got, expected $want"
        [ "$got" -ne 99 ] || echo "    (99: valgrind found an error)"
        sed 's/^/    /' "$work/err" | tail -n 40
    fi
}

# The generator, on a copy of the tree's catalog so nothing in it changes.
mkdir -p "$work/cat"
cp catalog/csbs.xml catalog/csbs.numbers "$work/cat/"
expect 0 "errcat-gen check csbs" "$gen" check "$work/cat/csbs.xml"
expect 1 "errcat-gen check --Werror csbs" "$gen" check --Werror \
    "$work/cat/csbs.xml"
expect 0 "errcat-gen generate csbs" "$gen" generate -o "$work/out-csbs" \
    "$work/cat/csbs.xml"
expect 2 "errcat-gen usage" "$gen" generate "$work/cat/csbs.xml"
expect 2 "errcat-gen missing file" "$gen" check "$work/none.xml"
for xml in tests/bad/*.xml tests/golden/*.xml tests/roundtrip/*.xml; do
    case=$(basename "$xml" .xml)
    d=$work/$(basename "$(dirname "$xml")")-$case
    mkdir -p "$d"
    cp "$xml" "$d/"
    [ ! -f "${xml%.xml}.numbers.in" ] ||
        cp "${xml%.xml}.numbers.in" "$d/$case.numbers"
    want=0
    [ ! -f "${xml%.xml}.err" ] || want=$(sed -n 's/^exit: //p' "${xml%.xml}.err")
    expect "$want" "errcat-gen generate $xml" "$gen" generate -o "$d/out" \
        "$d/$case.xml"
done

# The fuzz corpora through each target's code.
for t in catalog format accept match mo import_md import_html import_rst \
    import_csv; do
    bin=$top/$B/tests/replay_$t
    [ -x "$bin" ] || continue
    set -- "$top/tests/fuzz/corpus/$t"
    [ ! -d "tests/fuzz/regress/$t" ] || set -- "$@" "$top/tests/fuzz/regress/$t"
    expect 0 "replay $t" "$bin" "$@"
done

# errcat-gen import and import-po: each table format, an update in
# place, a draft .po.
for t in seed.md page.html grid.rst list-table.rst export.csv export.tsv; do
    expect 0 "errcat-gen import $t" "$gen" import -o "$work/import-$t.xml" \
        "$top/tests/import/$t"
done
expect 0 "errcat-gen import --into" "$gen" import --into "$work/cat/csbs.xml" \
    --retire-missing "$top/tests/import/grid.rst"
cp catalog/csbs.xml "$work/cat/csbs.xml"
expect 0 "errcat-gen import-po" "$gen" import-po --lang zh_CN \
    -o "$work/zh_CN.po" "$work/cat/csbs.xml" "$top/tests/import/page.html"

# The CLI.
expect 0 "errcat CSBS.6000" "$cli" CSBS.6000
expect 0 "errcat --lang zh_CN" "$cli" --lang zh_CN CSBS.6000 CSBS.8026
expect 0 "errcat --lang de --json" "$cli" --lang de --json CSBS.6004
expect 0 "errcat --json --all" "$cli" --json --all
expect 0 "errcat --accept-language" "$cli" \
    --accept-language 'fr;q=0.9, de;q=0.8' CSBS.6000
expect 0 "errcat --body" "$cli" --lang de --json --body \
    '{"error_code":"CSBS.8026","error_msg":"volume backup is not supported replication."}'
expect 1 "errcat unknown code" "$cli" CSBS.0000
expect 1 "errcat unmatched body" "$cli" --body \
    '{"error_code":"CSBS.6000","error_msg":"nothing like it"}'
expect 2 "errcat bad locale" "$cli" --lang ../../etc CSBS.6000
expect 2 "errcat usage" "$cli" --no-such-option

echo "valgrind: $pass passed, $fail failed"
[ $fail -eq 0 ]
