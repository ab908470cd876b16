#!/bin/sh
# The generated header declares one distinct constant per entry and
# compiles alone as C99, C11 and C++ with -Wall -Wextra -pedantic -Werror;
# the tables compile and link as C99.
set -e
B=${B:-build}
CC=${CC:-cc}
CXX=${CXX:-c++}
d=$B/tests/header
mkdir -p "$d"
for h in generated/*.h; do
    printf '#include "%s"\nint main(void) { return 0; }\n' "$(basename "$h")" \
        > "$d/use.c"
    for std in c99 c11; do
        $CC -std=$std -Wall -Wextra -pedantic -Werror -Igenerated \
            -c "$d/use.c" -o "$d/use.o"
    done
    cp "$d/use.c" "$d/use.cc"
    $CXX -Wall -Wextra -pedantic -Werror -Igenerated -c "$d/use.cc" \
        -o "$d/use.o"
done
n=$(grep -c '^    CSBS_[A-Z0-9_]* = [0-9]*,\{0,1\}$' generated/csbs.h)
distinct_names=$(grep -o '^    CSBS_[A-Z0-9_]*' generated/csbs.h | sort -u | wc -l)
distinct_values=$(grep -o ' = [0-9]*' generated/csbs.h | sort -u | wc -l)
echo "constants: $n, distinct names: $distinct_names, values: $distinct_values"
[ "$n" -eq 66 ] && [ "$distinct_names" -eq 66 ] && [ "$distinct_values" -eq 66 ]
$CC -std=c99 -Wall -Wextra -Werror -Isrc/include -Igenerated -c generated/csbs.c \
    -o "$d/csbs.o"
