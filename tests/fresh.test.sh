#!/bin/sh
# generated/ and po/*.pot are what errcat-gen makes of catalog/ now, and,
# in a git checkout whose catalog/ is committed, are committed as such.
B=${B:-build}
d=$B/tests/fresh
rm -rf "$d"
mkdir -p "$d/catalog" "$d/out"
cp catalog/*.xml catalog/*.numbers "$d/catalog/" || exit 1
(cd "$d" && ../../errcat-gen generate -o out catalog/*.xml) 2>/dev/null || {
    echo "errcat-gen failed on catalog/"; exit 1; }
st=0
for f in "$d"/out/*.h "$d"/out/*.c; do
    cmp -s "$f" "generated/$(basename "$f")" || {
        echo "generated/$(basename "$f") is stale: run make regen"; st=1; }
done
for f in "$d"/out/*.pot; do
    cmp -s "$f" "po/$(basename "$f")" || {
        echo "po/$(basename "$f") is stale: run make regen"; st=1; }
done
for f in "$d"/catalog/*.numbers; do
    cmp -s "$f" "catalog/$(basename "$f")" || {
        echo "catalog/$(basename "$f") is stale: run make regen"; st=1; }
done
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 &&
   git diff --quiet HEAD -- catalog/*.xml 2>/dev/null; then
    git diff --quiet HEAD -- generated po/*.pot catalog/*.numbers || {
        echo "generated/, po/*.pot or catalog/*.numbers differ from the"
        echo "committed ones although catalog/*.xml does not: commit them"
        git diff --stat HEAD -- generated po/*.pot catalog/*.numbers
        st=1
    }
fi
exit $st
