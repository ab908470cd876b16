#!/bin/sh
# Runs every test of `make check` and ends with one line: N passed, N failed.
#   B=build sh tests/run.sh UNIT_TEST_BINARY...
# Each test's output goes to $B/tests/NAME.log and is shown when it fails.
# A test script exits 77 to say it was skipped; the reason is shown loudly.
B=${B:-build}
pass=0
fail=0
skip=0
failed=
mkdir -p "$B/tests"

run() {
    name=$1
    shift
    log=$B/tests/$name.log
    "$@" > "$log" 2>&1
    st=$?
    if [ $st -eq 0 ]; then
        pass=$((pass + 1))
        echo "PASS: $name"
    elif [ $st -eq 77 ]; then
        skip=$((skip + 1))
        echo "SKIP: $name -- NOT RUN: $(tail -n 1 "$log")"
    else
        fail=$((fail + 1))
        failed="$failed $name"
        echo "FAIL: $name (exit $st)"
        sed 's/^/    /' "$log"
    fi
}

for t in "$@"; do
    run "$(basename "$t")" "$t"
done
for t in tests/*.test.sh tests/golden/run.sh tests/bad/run.sh; do
    [ -f "$t" ] || continue
    case $t in
    tests/golden/*) name=golden ;;
    tests/bad/*) name=bad-catalogs ;;
    *) name=$(basename "$t" .test.sh) ;;
    esac
    run "$name" env B="$B" CC="${CC:-cc}" CXX="${CXX:-c++}" sh "$t"
done

[ -z "$failed" ] || echo "failed:$failed"
[ $skip -eq 0 ] || echo "WARNING: $skip test(s) skipped: see SKIP lines above"
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
