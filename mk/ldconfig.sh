#!/bin/sh
# After make install or uninstall: runs ldconfig when root installs into a
# directory the dynamic linker searches, without DESTDIR; otherwise says
# how the shared library will be found, when it will not be.
#   DESTDIR=... sh mk/ldconfig.sh LIBDIR [uninstall]
# (after uninstall: ldconfig to forget the library, and no notes)
set -u
libdir=$1
mode=${2:-install}
[ -z "${DESTDIR:-}" ] || exit 0
PATH=$PATH:/sbin:/usr/sbin
command -v ldconfig >/dev/null 2>&1 || exit 0
real=$(cd "$libdir" 2>/dev/null && pwd -P) || exit 0
searched=no
for d in $(ldconfig -N -v 2>/dev/null | sed -n 's/^\(\/[^:]*\):.*/\1/p'); do
    [ "$(cd "$d" 2>/dev/null && pwd -P)" = "$real" ] && { searched=yes; break; }
done
if [ $searched = yes ] && [ "$(id -u)" = 0 ]; then
    echo "  LDCONFIG"
    ldconfig
elif [ "$mode" = uninstall ]; then
    :
elif [ $searched = yes ]; then
    echo "note: run ldconfig as root for the new $libdir/liberrcat.so"
else
    echo "note: the dynamic linker does not search $libdir: add it to" \
        "/etc/ld.so.conf.d/ and run ldconfig, or set LD_LIBRARY_PATH"
fi
