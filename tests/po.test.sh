#!/bin/sh
# The catalogs' template: po/*.pot passes msgfmt -c and i18nspector with
# no error, and every text of the seed table is a msgid of the .pot
# verbatim. The translations themselves are po-check.test.sh's.
B=${B:-build}
d=$B/tests/po
mkdir -p "$d"
fail=0
for f in po/*.pot; do
    msgfmt -c -o /dev/null "$f" 2> "$d/msgfmt.err" ||
        { echo "FAIL: msgfmt -c $f"; cat "$d/msgfmt.err"; fail=1; }
done
i18nspector po/*.pot > "$d/i18nspector.out" 2>&1
grep '^E:' "$d/i18nspector.out" && { echo "FAIL: i18nspector errors"; fail=1; }

# The seed table beside the checkout (CI lays ../shared there).
seed=../shared/seed/000_db9db0084231eb8f.txt
if [ -f "$seed" ]; then
    awk -F' \\| ' '
    /^\| (Module|---)/ { next }
    /^\| / {
        sub(/^\| /, ""); sub(/( \|)+$/, "")
        n = split($0, c, / \| /)
        first = (c[1] ~ /^[0-9][0-9][0-9]$/) ? 1 : 2
        for (i = first + 2; i <= first + 4; i++) print c[i]
    }' "$seed" | sort -u > "$d/seed.txt"
    rows=$(grep -c '^| .* | [A-Za-z]*\.[0-9]* |' "$seed")
    [ "$rows" -eq 66 ] || { echo "FAIL: seed has $rows rows, expected 66"; fail=1; }
    missing=0
    # The .pot wraps long lines as msgcat does: compare unwrapped.
    msgcat --no-wrap -o "$d/nowrap.pot" po/errcat-csbs.pot || fail=1
    while IFS= read -r t; do
        esc=$(printf '%s' "$t" | sed 's/\\/\\\\/g; s/"/\\"/g')
        grep -qxF "msgid \"$esc\"" "$d/nowrap.pot" || {
            echo "FAIL: not a msgid of the .pot: $t"; missing=$((missing + 1)); }
    done < "$d/seed.txt"
    echo "seed texts checked: $(wc -l < "$d/seed.txt") distinct, $missing missing"
    [ $missing -eq 0 ] || fail=1
else
    echo "NOTE: $seed not found: seed comparison not run (catalog tests still ran)"
fi
exit $fail
