#!/bin/sh
# Replays every fuzz target's seed corpus (tests/fuzz/corpus/NAME) and every
# crash input ever found (tests/fuzz/regress/NAME) through the target's
# code, built without libFuzzer by make check as $B/tests/replay_NAME, so a
# fixed crash stays fixed under make check, make sanitize and make valgrind.
B=${B:-build}
fail=0
for t in catalog format accept match mo import_md import_html import_rst import_csv; do
    bin=$B/tests/replay_$t
    [ -x "$bin" ] || { echo "$bin is not built: run make check"; exit 77; }
    set -- tests/fuzz/corpus/$t
    [ ! -d tests/fuzz/regress/$t ] || set -- "$@" tests/fuzz/regress/$t
    if [ $t = mo ]; then
        for mo in "$B"/locale/*/LC_MESSAGES/*.mo; do
            [ ! -f "$mo" ] || set -- "$@" "$mo"
        done
    fi
    # the generator's diagnostics for hostile inputs are expected: not shown
    if ! "$bin" "$@" 2> "$B/tests/replay_$t.err"; then
        tail -n 40 "$B/tests/replay_$t.err"
        echo "FAIL: replay of $t"
        fail=1
    else
        tail -n 1 "$B/tests/replay_$t.err"
    fi
done
exit $fail
