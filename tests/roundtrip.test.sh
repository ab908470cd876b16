#!/bin/sh
# Every string of a catalog must come out of the generator byte for byte.
# For tests/roundtrip/*.xml (hostile but valid texts: */, /*, ??/,
# backslashes, quotes, %, newlines, CR, non-ASCII), the catalogs shaped as
# real services write them (tests/shapes/*.xml, absent fields and all) and
# catalog/csbs.xml:
#  - the generated .h and .c compile with -Wall -Wextra -pedantic -Werror
#    as C99 and C11 (gcc, and clang when present) and as C++ (g++);
#  - every id, code, module and text read back from the C tables equals
#    the XML text as libxml2's tree API reads it (tests/roundtrip/xmltext.c,
#    independent of errcat-gen's streaming loader);
#  - msgfmt -c accepts the .pot, and gettext's own PO parser (msgexec) reads
#    back from it exactly the msgctxt "\004" msgid keys of the C tables.
# Run by tests/run.sh; exits 0, 1 on a failure, 77 when a tool is missing.
set -u
B=${B:-build}
CC=${CC:-cc}
CXX=${CXX:-c++}
top=$(pwd)
gen=$top/$B/errcat-gen
work=$top/$B/tests/roundtrip.work
WFLAGS="-Wall -Wextra -pedantic -Werror"

for tool in msgexec msgfmt "$CXX"; do
    command -v "$tool" >/dev/null 2>&1 ||
        { echo "$tool is not installed (.ci/deps check installs it)"; exit 77; }
done
[ -x "$gen" ] || { echo "$gen is not built"; exit 1; }
XML_CFLAGS=$(pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
XML_LIBS=$(pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2)

rm -rf "$work"
mkdir -p "$work"
# shellcheck disable=SC2086
$CC -std=c99 $WFLAGS $XML_CFLAGS -o "$work/xmltext" tests/roundtrip/xmltext.c \
    $XML_LIBS || exit 1

fail=0
failed() {
    echo "FAIL: $1: $2"
    fail=$((fail + 1))
}

# Checks one catalog; $1 is its XML file.
check() {
    xml=$1
    case=$(basename "$xml" .xml)
    dir=$work/$case
    mkdir -p "$dir"
    cp "$xml" "$dir/$case.xml"
    numbers=${xml%.xml}.numbers
    [ -f "$numbers" ] && cp "$numbers" "$dir/$case.numbers"
    cd "$dir" || return
    if ! "$gen" generate -o out "$case.xml" 2> gen.err; then
        cat gen.err
        failed "$case" "errcat-gen failed"
        cd "$top" || exit 1
        return
    fi
    h=$(ls out/*.h)
    c=$(ls out/*.c)
    pot=$(ls out/*.pot)
    name=$(basename "$c" .c)
    inc="-I$top/src/include -I$top/src/lib -Iout"
    for std in c99 c11; do
        # shellcheck disable=SC2086
        $CC -std=$std $WFLAGS $inc -fsyntax-only -x c "$h" ||
            failed "$case" "$h does not compile as $std with $CC"
        # shellcheck disable=SC2086
        $CC -std=$std $WFLAGS $inc -c -o /dev/null "$c" ||
            failed "$case" "$c does not compile as $std with $CC"
        if command -v clang >/dev/null 2>&1; then
            # shellcheck disable=SC2086
            clang -std=$std $WFLAGS $inc -c -o /dev/null "$c" ||
                failed "$case" "$c does not compile as $std with clang"
        fi
    done
    # shellcheck disable=SC2086
    $CXX $WFLAGS $inc -fsyntax-only -x c++ "$h" ||
        failed "$case" "$h does not compile as C++"
    # shellcheck disable=SC2086
    $CXX $WFLAGS $inc -c -o /dev/null -x c++ "$c" ||
        failed "$case" "$c does not compile as C++"

    # shellcheck disable=SC2086
    if $CC -std=c99 $WFLAGS $inc -DCATALOG="${name}_catalog" -o dump \
        "$top/tests/roundtrip/dump.c" "$c"; then
        ./dump > from_c.bin
        "$work/xmltext" "$case.xml" > from_xml.bin
        cmp from_xml.bin from_c.bin ||
            failed "$case" "C tables differ from the XML (from_xml.bin, from_c.bin in $dir)"
        ./dump keys > keys_c.bin
    else
        failed "$case" "dump does not build"
    fi

    msgfmt -c -o /dev/null "$pot" 2> msgfmt.err ||
        { cat msgfmt.err; failed "$case" "msgfmt -c rejects $pot"; }
    # Each message's key as gettext reads it; the header has no msgid.
    # shellcheck disable=SC2016
    msgexec -i "$pot" sh -c '[ -n "$MSGEXEC_MSGID" ] || exit 0
        printf "%s\004%s" "$MSGEXEC_MSGCTXT" "$MSGEXEC_MSGID"; printf "\000"' \
        > keys_pot.bin || failed "$case" "msgexec cannot read $pot"
    [ -f keys_c.bin ] && { cmp keys_c.bin keys_pot.bin ||
        failed "$case" ".pot messages differ from the C tables (keys_c.bin, keys_pot.bin in $dir)"; }
    cd "$top" || exit 1
}

for xml in tests/roundtrip/*.xml tests/shapes/*.xml tests/golden/absent.xml \
    catalog/csbs.xml; do
    check "$xml"
done
[ $fail -eq 0 ] || { echo "$fail failure(s)"; exit 1; }
echo "roundtrip: all strings round-trip"
