#!/bin/sh
# Creates directories for make install and records those it creates.
#   DESTDIR=... sh mk/install-dirs.sh RECORD DIR...
# Each DIR is made with its missing parents; every directory that did not
# exist is appended to RECORD without DESTDIR, so that uninstall removes
# the directories install created and no other.
set -u
record=$1
shift
for dir in "$@"; do
    p=$dir
    new=
    while [ ! -d "$p" ]; do
        new="$p
$new"
        p=$(dirname "$p")
    done
    mkdir -p "$dir" || exit 1
    printf '%s' "$new" | while IFS= read -r d; do
        [ -n "$d" ] && printf '%s\n' "${d#"${DESTDIR:-}"}"
    done >> "$record" || exit 1
done
