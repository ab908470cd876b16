#!/bin/sh
# errcat --json-embed: the --json output with <, >, &, U+2028 and U+2029
# as \u escapes, so a page can put it inside <script>; it parses to the
# same values as --json. And a body with a NUL in a string is reported
# as that.
B=${B:-build}
errcat=$B/errcat
d=$B/tests/json-embed
rm -rf "$d"
mkdir -p "$d"
py=/usr/bin/python3
[ -x $py ] || py=python3
fail=0
arg=$(printf '</script><!--&amp;\342\200\250\342\200\251')
"$errcat" --json --arg "$arg" CSBS.6004 > "$d/plain.json" || fail=1
"$errcat" --json-embed --arg "$arg" CSBS.6004 > "$d/embed.json" || fail=1
"$errcat" --json-embed --all > "$d/all.json" || fail=1
for f in "$d/embed.json" "$d/all.json"; do
    if grep -q '[<>&]' "$f" || grep -q "$(printf '\342\200[\250\251]')" "$f"
    then
        echo "FAIL: raw <, >, & or U+2028/9 in $f"; fail=1
    fi
done
grep -qF '\u003c/script\u003e\u003c!--\u0026amp;\u2028\u2029' "$d/embed.json" ||
    { echo "FAIL: escapes missing"; cat "$d/embed.json"; fail=1; }
$py -c 'import json, sys
a, b = (json.load(open(f, encoding="utf-8")) for f in sys.argv[1:3])
sys.exit(0 if a == b else "--json-embed means something else than --json")' \
    "$d/plain.json" "$d/embed.json" || fail=1
"$errcat" --json-embed --all | $py -c 'import json, sys; json.load(sys.stdin)' ||
    { echo "FAIL: --json-embed --all is not JSON"; fail=1; }
"$errcat" --body '{"error_code":"CSBS.6000","error_msg":"a\u0000b"}' \
    > /dev/null 2> "$d/nul.err"
[ $? -eq 1 ] || { echo "FAIL: NUL body: exit status"; fail=1; }
grep -q 'NUL' "$d/nul.err" ||
    { echo "FAIL: NUL body not named"; cat "$d/nul.err"; fail=1; }
exit $fail
