#!/bin/sh
# cli_catalogs.sh - the setting of bench/run.sh's cli_200_catalogs figure:
# errcat installed into DIR/prefix (make install, a build of its own in
# DIR/build), with 200 compiled catalogs of 300 entries each installed
# beside it; every catalog has its own codes (Cnnn.000001 ...).
#   B=build sh bench/cli_catalogs.sh DIR
# Then DIR/prefix/bin/errcat C200.000300 is answered by the last catalog.
set -u
B=${B:-build}
dir=$1
n=200
entries=300
mkdir -p "$dir/xml" "$dir/compiled" || exit 2
dir=$(cd "$dir" && pwd)         # PREFIX is compiled in: absolute
if [ ! -f "$dir/xml/stamp" ] || [ bench/mkcatalog -nt "$dir/xml/stamp" ]; then
    rm -f "$dir/xml"/*.xml "$dir/xml"/*.numbers
    i=1
    while [ $i -le $n ]; do
        c=$(printf '%03d' $i)
        sh bench/mkcatalog $entries "cat$c" $((100 + i)) |
            sed -e "s/code=\"SYN\./code=\"C$c./" \
                -e "s/prefix=\"SYN\"/prefix=\"C$c\"/" \
                > "$dir/xml/cat$c.xml" || exit 1
        i=$((i + 1))
    done
    touch "$dir/xml/stamp"
fi
if [ ! -f "$dir/compiled/stamp" ] || [ "$B/errcat-gen" -nt "$dir/compiled/stamp" ] \
   || [ "$dir/xml/stamp" -nt "$dir/compiled/stamp" ]; then
    "$B/errcat-gen" generate -o "$dir/gen" --compiled "$dir/compiled" \
        "$dir/xml"/*.xml > "$dir/gen.log" 2>&1 ||
        { tail -n 5 "$dir/gen.log" >&2; exit 1; }
    touch "$dir/compiled/stamp"
fi
make -s -j2 B="$dir/build" PREFIX="$dir/prefix" install > "$dir/install.log" 2>&1 ||
    { tail -n 10 "$dir/install.log" >&2; exit 1; }
cp "$dir/compiled"/*.errcat "$dir/prefix/share/errcat/catalogs/" || exit 1
