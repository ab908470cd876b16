#!/bin/sh
# The errcat command on a catalog with absent fields (tests/golden/absent.xml,
# its tables as errcat-gen writes them): no "HTTP 0", no empty lines, no
# empty JSON values; an entry without code is found by id and value.
B=${B:-build}
CC=${CC:-cc}
d=$B/tests/absent-cli
rm -rf "$d"
mkdir -p "$d"
cat > "$d/catalogs.c" <<'C'
#include "cli.h"
#include "absent.h"
const struct errcat_catalog *const cli_catalogs[] = { &absent_catalog, NULL };
C
# the command reads catalog XML through errcat-gen's objects; under make
# sanitize they are built with ASan and UBSan, so the command is too
gen_obj=$(ls "$B"/src/gen/*.o | grep -v '/main\.o$')
san=
[ "${ERRCAT_SANITIZE:-}" != address ] ||
    san="-fsanitize=address,undefined -fno-sanitize-recover=all"
$CC $san -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Isrc/include -Isrc/lib \
    -Isrc/cli -Isrc/gen -Itests/golden -o "$d/errcat" \
    $(ls src/cli/*.c | grep -v '/catalogs\.c$') "$d/catalogs.c" tests/golden/absent.c \
    $gen_obj "$B/src/lib/placeholder.o" "$B/schema_rng.o" "$B/liberrcat.a" \
    $(pkg-config --libs libxml-2.0) -lunistring -ljansson -lpthread ||
    exit 1
fail=0
run() {                 # run EXPECTED-OUTPUT-FILE ARG...
    want=$1
    shift
    unset LANGUAGE LC_ALL LC_MESSAGES LANG
    "$d/errcat" "$@" > "$d/out" 2> "$d/err" || { cat "$d/err"; fail=1; }
    diff -u "$want" "$d/out" || fail=1
}
cat > "$d/plan.txt" <<'T'
plan_limit_exceeded (HTTP 413): Maximum number of plans allowed (%(allowed)s) exceeded
  message: Maximum number of plans allowed (%(allowed)s) exceeded
  id:      plan_limit_exceeded (ABS_PLAN_LIMIT_EXCEEDED = 9437186)
  locale:  en
T
run "$d/plan.txt" plan_limit_exceeded
run "$d/plan.txt" 9437186
cat > "$d/bare.txt" <<'T'
bare: Something went wrong.
  id:      bare (ABS_BARE = 9437188)
  locale:  en
T
run "$d/bare.txt" ABS_BARE
cat > "$d/vault.txt" <<'T'
ABS.0002 (Backup): The vault does not exist.
  id:      vault_missing (ABS_VAULT_MISSING = 9437187)
  locale:  en

ABS.0002 (HTTP 400): quota exceeded
  message: quota exceeded
  measure: Ask for a larger quota.
  id:      old_quota (ABS_OLD_QUOTA = 9437189)
  note:    not used currently
  locale:  en
T
run "$d/vault.txt" ABS.0002
cat > "$d/plan.json" <<'T'
{"id": "plan_limit_exceeded", "http_status": 413, "message": "Maximum number of plans allowed (5) exceeded", "unused": false, "locale": "en", "args": ["5"]}
T
run "$d/plan.json" --json --arg 5 plan_limit_exceeded
cat > "$d/bare.json" <<'T'
{"id": "bare", "description": "Something went wrong.", "unused": false, "locale": "en"}
T
run "$d/bare.json" --json bare
exit $fail
