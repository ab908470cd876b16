#!/bin/sh
# Golden tests of errcat-gen: for each tests/golden/CASE.xml, the outputs
# must equal CASE.h, CASE.c, CASE.pot and CASE.numbers byte for byte, or
# its diagnostics and exit status must equal CASE.err (then no file at all
# may be written). CASE.numbers.in, if present, is the record to start from.
# Also used for tests/bad/ (GOLDEN_DIR=tests/bad).
B=${B:-build}
dir=${GOLDEN_DIR:-tests/golden}
gen=$(pwd)/$B/errcat-gen
work=$(pwd)/$B/tests/$(basename "$dir").work
pass=0
fail=0

for xml in "$dir"/*.xml; do
    case=$(basename "$xml" .xml)
    rm -rf "$work/$case"
    mkdir -p "$work/$case"
    cp "$xml" "$work/$case/$case.xml"
    [ -f "$dir/$case.numbers.in" ] &&
        cp "$dir/$case.numbers.in" "$work/$case/$case.numbers"
    (
        cd "$work/$case" || exit 2
        if [ -f "$OLDPWD/$dir/$case.err" ]; then
            before=$(ls -la)
            timeout 60 "$gen" generate -o out "$case.xml" 2> actual.err
            echo "exit: $?" >> actual.err
            diff -u "$OLDPWD/$dir/$case.err" actual.err || exit 1
            [ ! -e out ] || { echo "$case: output written on error"; exit 1; }
            [ -f "$OLDPWD/$dir/$case.numbers.in" ] || [ ! -e "$case.numbers" ] ||
                { echo "$case: record written on error"; exit 1; }
            exit 0
        fi
        timeout 60 "$gen" generate -o out "$case.xml" 2> actual.err ||
            { cat actual.err; exit 1; }
        for kind in h c; do
            diff -u "$OLDPWD/$dir/$case.$kind" out/*."$kind" || exit 1
        done
        diff -u "$OLDPWD/$dir/$case.pot" out/*.pot || exit 1
        diff -u "$OLDPWD/$dir/$case.numbers" "$case.numbers" || exit 1
        if [ -f "$OLDPWD/$dir/$case.warn" ]; then
            diff -u "$OLDPWD/$dir/$case.warn" actual.err || exit 1
        else
            [ ! -s actual.err ] || { cat actual.err; exit 1; }
        fi
    )
    if [ $? -eq 0 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $dir/$case"
    fi
done
echo "$dir: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
