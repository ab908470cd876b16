#!/bin/sh
# On a copy of the real catalog: moving two entries changes no value;
# deleting an entry and adding one gives the new one a fresh value and
# never the deleted one's.
set -e
B=${B:-build}
gen=$(pwd)/$B/errcat-gen
d=$B/tests/stable
rm -rf "$d"
mkdir -p "$d"
cp catalog/csbs.xml catalog/csbs.numbers "$d/"
cd "$d"
values() { grep -o '^    CSBS_[A-Z0-9_]* = [0-9]*' "$1" | sort; }
"$gen" generate -o before csbs.xml 2>/dev/null
# move two entries: server_not_found to the end, job_not_found to the front
block() {
    awk -v id="$1" '$0 ~ "<entry id=\"" id "\"" { on = 1 }
        on { print } on && /<\/entry>/ { on = 0 }' csbs.xml
}
block server_not_found > a.part
block job_not_found > b.part
awk '
/<entry id="(server_not_found|job_not_found)"/ { skip = 1 }
skip { if (/<\/entry>/) skip = 0; next }
/<entry / && !front { while ((getline l < "b.part") > 0) print l; front = 1 }
/<\/catalog>/ { while ((getline l < "a.part") > 0) print l }
{ print }
' csbs.xml > moved.xml
cmp -s moved.xml csbs.xml && { echo "nothing moved"; exit 1; }
mv moved.xml csbs.xml
"$gen" generate -o after csbs.xml 2>/dev/null
values before/csbs.h > v1
values after/csbs.h > v2
cmp v1 v2 || { echo "moving entries changed values"; diff v1 v2; exit 1; }
# delete server_stopped, add a new entry
old=$(grep -o 'CSBS_SERVER_STOPPED = [0-9]*' before/csbs.h | cut -d' ' -f3)
awk '
/<entry id="server_stopped"/ { skip = 1 }
skip { if (/<\/entry>/) skip = 0; next }
/<\/catalog>/ {
    print "  <entry id=\"brand_new\" code=\"CSBS.7777\" http-status=\"400\" module=\"shared\">"
    print "    <description>New.</description>"
    print "    <message>new</message>"
    print "    <measure>Retry.</measure>"
    print "  </entry>"
}
{ print }
' csbs.xml > changed.xml
mv changed.xml csbs.xml
"$gen" generate -o changed csbs.xml 2>/dev/null
new=$(grep -o 'CSBS_BRAND_NEW = [0-9]*' changed/csbs.h | cut -d' ' -f3)
echo "deleted value $old, new value $new"
[ -n "$old" ] && [ -n "$new" ] && [ "$new" != "$old" ]
[ "$new" -eq $(((1 << 20) + 67)) ]
grep -q "^3 server_stopped retired$" csbs.numbers
! grep -q CSBS_SERVER_STOPPED changed/csbs.h
# every other value unchanged
values changed/csbs.h | grep -v BRAND_NEW > v3
grep -v SERVER_STOPPED v1 > v4
cmp v3 v4
