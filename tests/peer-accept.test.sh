#!/bin/sh
# Accept-Language negotiation against an RFC 4647 Lookup written in the
# test, with webob and babel as further witnesses, on 2500 seeded-random
# headers (tests/peer/accept_peer.py); a disagreement not listed there
# with its reason fails. Needs python3, python3-webob and python3-babel
# (.ci/deps check installs them).
B=${B:-build}
py=/usr/bin/python3
[ -x $py ] || py=python3
d=$(pwd)/$B/tests/peer
loc=$d/fixture-locale
rm -rf "$loc"
mkdir -p "$loc"
[ -f "$B/tests/errcat_peer" ] || { echo "$B/tests/errcat_peer not built"; exit 1; }
# The fixture's translations, and stand-ins under more names (their
# texts do not matter here, only that they exist).
for l in de de_AT zh_CN xx la zh_TW:zh_CN fr_CA:de pt:de; do
    name=${l%%:*} po=${l#*:}
    mkdir -p "$loc/$name/LC_MESSAGES"
    msgfmt -o "$loc/$name/LC_MESSAGES/errcat-fixture.mo" \
        "tests/fixtures/po/$po.po" || exit 1
done
exec $py tests/peer/accept_peer.py "$B/tests/errcat_peer" "$(pwd)/$B/locale" \
    "$loc" 2500
