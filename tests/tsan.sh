#!/bin/sh
# make tsan: runs each runtime test binary built with -fsanitize=thread;
# any ThreadSanitizer report fails (TSAN_OPTIONS=halt_on_error=1).
#   B=build/tsan sh tests/tsan.sh BINARY...
# Kernels with many random mmap bits break TSan's memory layout; setarch -R
# (no address randomisation) works around that where it is allowed.
run=
if command -v setarch >/dev/null 2>&1 && setarch "$(uname -m)" -R true 2>/dev/null
then
    run="setarch $(uname -m) -R"
fi
fail=0
for t in "$@"; do
    log=$t.tsan.log
    if $run "$t" > "$log" 2>&1; then
        echo "PASS: tsan $(basename "$t")"
        grep -h '^stress:' "$log"
    else
        echo "FAIL: tsan $(basename "$t")"
        sed 's/^/    /' "$log" | tail -n 80
        fail=1
    fi
done
exit $fail
