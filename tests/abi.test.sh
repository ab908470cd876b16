#!/bin/sh
# The shared libraries export exactly the public API, under their version
# node: liberrcat the functions errcat.h declares, a catalog library its
# NAME_catalog object; and their ABI equals the committed baseline
# abi/LIB.abi (abidiff): an addition, a removal or a changed type fails
# until `make abi-update` records it on purpose.
B=${B:-build}
d=$B/tests/abi
mkdir -p "$d"
fail=0

# Every function errcat.h declares, comments stripped by the preprocessor
# (errcat_catalog.h, all static inline, left out).
${CC:-cc} -E -P -DERRCAT_CATALOG_H src/lib/errcat.h | tr '\n' ' ' |
    grep -o 'errcat_[a-z0-9_]* *(' | sed 's/ *($//' | sort -u > "$d/declared"
[ -s "$d/declared" ] || { echo "FAIL: no declaration found in errcat.h"; exit 1; }
nm -D --defined-only "$B/liberrcat.so.1" | awk '$2 == "T" { print $3 }' |
    sort -u > "$d/exported"
sed 's/$/@@ERRCAT_1/' "$d/declared" | diff -u - "$d/exported" > "$d/diff" || {
    echo "FAIL: liberrcat.so exports other than errcat.h's functions at ERRCAT_1"
    cat "$d/diff"; fail=1; }
nm -D --defined-only "$B/liberrcat.so.1" | awk '$2 != "T" && $2 != "A"' \
    > "$d/other"
[ ! -s "$d/other" ] || {
    echo "FAIL: liberrcat.so exports data"; cat "$d/other"; fail=1; }
echo "liberrcat.so: $(wc -l < "$d/exported") functions, as declared"

for so in "$B"/liberrcat-*.so.1; do
    [ -f "$so" ] || continue
    name=${so##*/liberrcat-}
    name=${name%.so.1}
    nm -D --defined-only "$so" | awk '$2 != "A" { print $3 }' > "$d/$name"
    echo "${name}_catalog@@ERRCAT_CATALOG_1" | diff -u - "$d/$name" || {
        echo "FAIL: liberrcat-$name.so exports more than ${name}_catalog"
        fail=1; }
done

for abi in abi/*.abi; do
    lib=$(basename "$abi" .abi)
    so=$B/$lib.so.1
    [ -f "$so" ] || { echo "FAIL: $abi has no $so"; fail=1; continue; }
    if abidiff --no-show-locs --headers-dir2 src/include/errcat "$abi" "$so" \
            > "$d/$lib.diff" 2>&1; then
        echo "$lib.so: ABI as in $abi"
    else
        echo "FAIL: $lib.so's ABI differs from $abi:"
        cat "$d/$lib.diff"
        echo "If the change is meant: make abi-update, and commit abi/"
        fail=1
    fi
done
exit $fail
