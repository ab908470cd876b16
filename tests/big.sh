#!/bin/sh
# make check-big: catalogs far larger than any real one.
#  - A 200 MB catalog is refused before it is read: the exact diagnostic,
#    exit status 1, nothing written, in seconds and little memory.
#  - A catalog just under the 128 MiB limit (about 100 MB, 400,000
#    entries) is checked in bounded time and memory: the loader and
#    validator are linear, not quadratic, in the file.
# Memory is bounded with ulimit -v, time with timeout. Writes about
# 300 MB under $B/tests/big (removed at the end).
B=${B:-build}
gen=$(pwd)/$B/errcat-gen
dir=$(pwd)/$B/tests/big
BIG_ENTRIES=${BIG_ENTRIES:-400000}
fail=0

rm -rf "$dir"
mkdir -p "$dir"
cd "$dir" || exit 1

# catalog FILE ENTRIES [PAD]: a valid catalog of ENTRIES entries; PAD
# bytes of text in each description.
catalog() {
    awk -v n="$2" -v pad="${3:-0}" 'BEGIN {
        s = ""
        for (i = 0; i < pad; i++) s = s "x"
        print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        print "<catalog version=\"1\" name=\"big\" number=\"3\" domain=\"errcat-big\" prefix=\"BIG\">"
        print "  <module id=\"m\">Module</module>"
        for (i = 1; i <= n; i++) {
            printf "  <entry id=\"e%d\" code=\"BIG.%d\" http-status=\"400\" module=\"m\">\n", i, i
            printf "    <description>Description %d %s.</description>\n", i, s
            printf "    <message>Message %d (%%s).</message>\n", i
            print "    <arg>the thing</arg>"
            printf "    <measure>Measure %d.</measure>\n", i
            print "  </entry>"
        }
        print "</catalog>"
    }' > "$1"
}

# run NAME MAXSECS MAXKB WANT_STATUS COMMAND...
run() {
    name=$1 secs=$2 kb=$3 want=$4
    shift 4
    start=$(date +%s)
    ( ulimit -v "$kb" && exec timeout "$secs" "$@" ) > out.txt 2> err.txt
    got=$?
    took=$(($(date +%s) - start))
    echo "$name: exit $got in ${took}s (limits ${secs}s, $((kb / 1024)) MiB)"
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $name: exit $got, expected $want"
        head -n 5 err.txt
        fail=1
    fi
}

echo "writing a 200 MB catalog"
catalog big200.xml 480000 200
ls -l big200.xml
run "200 MB catalog refused" 30 262144 1 "$gen" generate -o out big200.xml
if [ "$(cat err.txt)" != "big200.xml: error: file larger than 128 MiB: not read" ]
then
    echo "FAIL: unexpected diagnostic:"
    cat err.txt
    fail=1
fi
[ ! -e out ] && [ ! -e big200.numbers ] ||
    { echo "FAIL: output written for a refused catalog"; fail=1; }
rm -f big200.xml

echo "writing a catalog of $BIG_ENTRIES entries"
catalog big100.xml "$BIG_ENTRIES" 20
ls -l big100.xml
run "$BIG_ENTRIES entries checked" 120 1572864 0 "$gen" check big100.xml
[ ! -s err.txt ] || { echo "FAIL: diagnostics:"; head err.txt; fail=1; }
run "$BIG_ENTRIES entries generated" 240 1572864 0 "$gen" generate -o out \
    big100.xml
ls -l out 2>/dev/null
cd .. && rm -rf "$dir"
[ $fail -eq 0 ] && echo "check-big: passed"
exit $fail
