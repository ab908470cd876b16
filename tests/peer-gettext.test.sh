#!/bin/sh
# errcat's reading of the environment against GNU gettext and Python's
# gettext on the same .mo files (tests/peer/gettext_peer.py): every entry
# x field x environment; a disagreement not listed there with its reason
# fails. Needs gettext, python3 and localedef with the C locale's source
# (Debian: gettext, python3, locales), which .ci/deps check installs.
B=${B:-build}
py=/usr/bin/python3
[ -x $py ] || py=python3
d=$B/tests/peer
mkdir -p "$d"
for t in gettext localedef; do
    command -v $t >/dev/null || { echo "$t not found: run .ci/deps check"; exit 1; }
done
[ -f "$B/tests/errcat_peer" ] || { echo "$B/tests/errcat_peer not built"; exit 1; }
exec $py tests/peer/gettext_peer.py "$B/tests/errcat_peer" "$(pwd)/$B/locale" \
    "$(pwd)/$d/fixture-locale" "$d"
