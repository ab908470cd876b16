#!/bin/sh
# Catalogs shaped as real services write them (tests/shapes/): a Module |
# Error Code | Description table, a Python exception module, a printf
# catalog and a str.format catalog. Each is clean under --Werror and
# generates; tests/roundtrip.test.sh compiles its outputs as C99, C11 and
# C++ and round-trips every text through the tables and the .pot. Here:
# its German .po matches the .pot, builds a .mo that passes msgfmt -c, and
# liberrcat gives every text translated from it (absent fields as "").
B=${B:-build}
CC=${CC:-cc}
top=$(pwd)
gen=$top/$B/errcat-gen
work=$top/$B/tests/shapes
command -v msgfmt >/dev/null 2>&1 ||
    { echo "msgfmt is not installed (.ci/deps check installs it)"; exit 77; }
# under make sanitize liberrcat.a is built with ASan and UBSan: so is the
# program linked with it
san=
[ "${ERRCAT_SANITIZE:-}" != address ] ||
    san="-fsanitize=address,undefined -fno-sanitize-recover=all"
rm -rf "$work"
mkdir -p "$work"
fail=0
failed() {
    echo "FAIL: $1: $2"
    fail=$((fail + 1))
}

for xml in tests/shapes/*.xml; do
    shape=$(basename "$xml" .xml)
    dir=$work/$shape
    mkdir -p "$dir/locale/de/LC_MESSAGES"
    cp "$xml" "$dir/"
    (cd "$dir" && "$gen" check --Werror "$shape.xml") > "$dir/check.out" 2>&1 &&
        [ ! -s "$dir/check.out" ] ||
        { cat "$dir/check.out"; failed "$shape" "not clean under --Werror"; continue; }
    (cd "$dir" && "$gen" generate -o out "$shape.xml") ||
        { failed "$shape" "does not generate"; continue; }
    pot=$(ls "$dir"/out/*.pot)
    domain=$(basename "$pot" .pot)
    name=$(basename "$(ls "$dir"/out/*.c)" .c)
    po=tests/shapes/$shape.de.po
    msgcmp "$po" "$pot" 2> "$dir/msgcmp.err" ||
        { cat "$dir/msgcmp.err"; failed "$shape" "$po does not match the .pot"; }
    stats=$(msgfmt --statistics -o /dev/null "$po" 2>&1)
    case $stats in
    *untranslated*|*fuzzy*) failed "$shape" "$po incomplete: $stats" ;;
    esac
    msgfmt -c -o "$dir/locale/de/LC_MESSAGES/$domain.mo" "$po" ||
        { failed "$shape" "msgfmt -c rejects $po"; continue; }
    $CC $san -std=c99 -Wall -Wextra -Werror -Isrc/include -Isrc/lib -I"$dir/out" \
        -DCATALOG="${name}_catalog" -o "$dir/translated" \
        tests/shapes/translated.c "$dir/out/$name.c" "$B/liberrcat.a" \
        -ljansson -lpthread || { failed "$shape" "translated.c does not build"; continue; }
    "$dir/translated" "$dir/locale" de | sort -u > "$dir/runtime.txt" ||
        { failed "$shape" "liberrcat does not read the German .mo"; continue; }
    # shellcheck disable=SC2016
    msgexec -i "$po" sh -c '[ -z "$MSGEXEC_MSGID" ] ||
        { printf "%s|%s|" "$MSGEXEC_MSGCTXT" "$MSGEXEC_MSGID"; cat; echo; }' |
        sort -u > "$dir/po.txt"
    cmp -s "$dir/po.txt" "$dir/runtime.txt" || {
        diff "$dir/po.txt" "$dir/runtime.txt" | head -20
        failed "$shape" "liberrcat's German texts differ from $po"
    }
done
[ $fail -eq 0 ] || { echo "$fail failure(s)"; exit 1; }
echo "shapes: every catalog shape checks clean, generates and translates"
