#!/bin/sh
# errcat-gen's .pot files are byte for byte what GNU msgcat writes of them,
# so msgmerge, msgcat and Weblate rewrite nothing: the shipped .pot, the
# golden ones, hand-picked wrapping cases (tests/wrap/edge.xml) and
# catalogs of seeded-random texts (tests/wrap/texts.awk).
B=${B:-build}
gen=$(pwd)/$B/errcat-gen
d=$B/tests/pot-msgcat
command -v msgcat >/dev/null 2>&1 ||
    { echo "msgcat is not installed (.ci/deps check installs it)"; exit 77; }
rm -rf "$d"
mkdir -p "$d"
fail=0
same() {                # same POT: msgcat leaves it as it is
    msgcat "$1" > "$d/msgcat.out" 2> "$d/msgcat.err" ||
        { echo "FAIL: msgcat refuses $1"; cat "$d/msgcat.err"; fail=1; return; }
    diff -u "$1" "$d/msgcat.out" > "$d/diff" ||
        { echo "FAIL: msgcat rewrites $1:"; head -40 "$d/diff"; fail=1; }
}
for pot in po/*.pot tests/golden/*.pot; do
    same "$pot"
done
cp tests/wrap/edge.xml "$d/"
(cd "$d" && "$gen" generate -o out edge.xml) || { echo "FAIL: edge.xml"; fail=1; }
same "$d/out/errcat-edge.pot"
for seed in 1 2 3; do
    mkdir -p "$d/$seed"
    awk -v seed=$seed -v n=300 -f tests/wrap/texts.awk > "$d/$seed/wrap.xml"
    (cd "$d/$seed" && "$gen" generate -o out wrap.xml 2>/dev/null) ||
        { echo "FAIL: random catalog $seed"; fail=1; continue; }
    same "$d/$seed/out/errcat-wrap.pot"
done
[ $fail -eq 0 ] && echo "every .pot is as msgcat writes it"
exit $fail
