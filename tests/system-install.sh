#!/bin/sh
# make check-system-install: `make install` into /usr/local as root, as
# on a real machine, inside a private mount namespace (unshare -m) whose
# /usr/local is an empty tmpfs with Debian's skeleton and whose /etc is a
# copy, so that nothing outside changes. Checks that install runs
# ldconfig, that a program built with pkg-config errcat-csbs runs with no
# LD_LIBRARY_PATH and prints CSBS.6000 in Chinese and German with no
# environment, that man finds the four pages, that the installed errcat
# answers, and that uninstall leaves /usr/local as it was. Needs root and
# unshare; not part of make check.
#   B=build/sys MAKE=make sh tests/system-install.sh    (after make B=build/sys)
set -u
B=${B:-build/sys}
MAKE=${MAKE:-make}
[ "$(id -u)" = 0 ] || { echo "check-system-install: needs root"; exit 77; }
command -v unshare >/dev/null 2>&1 || { echo "check-system-install: needs unshare"; exit 77; }
top=$(pwd)
d=$top/$B/system
rm -rf "$d"
mkdir -p "$d"
cp -a /etc "$d/etc" 2>/dev/null
cat > "$d/run.sh" <<EOT
set -u
mount -t tmpfs tmpfs /usr/local || exit 77
mkdir -p /usr/local/bin /usr/local/etc /usr/local/games /usr/local/include \
    /usr/local/lib /usr/local/man /usr/local/sbin /usr/local/share/man \
    /usr/local/src
mount --bind "$d/etc" /etc || exit 77
fail=0
(cd /usr/local && find . | sort) > "$d/before"
"$MAKE" --no-print-directory B="$B" install > "$d/install.log" 2>&1 ||
    { cat "$d/install.log"; echo "FAIL: make install"; exit 1; }
grep -q LDCONFIG "$d/install.log" || { echo "FAIL: ldconfig not run"; fail=1; }
cat > "$d/app.c" <<'EOC'
#include <stdio.h>
#include <errcat/errcat.h>
#include <errcat/csbs.h>
int main(void)
{
    const struct errcat_locale *de, *zh;
    errcat_locale_get(&csbs_catalog, "de", &de);
    errcat_locale_get(&csbs_catalog, "zh_CN", &zh);
    puts(errcat_describe(&csbs_catalog, zh, CSBS_SERVER_NOT_FOUND));
    puts(errcat_describe(&csbs_catalog, de, CSBS_SERVER_NOT_FOUND));
    return 0;
}
EOC
cd "$d" && cc -o app app.c \$(pkg-config --cflags --libs errcat-csbs) ||
    { echo "FAIL: cc app.c \\\$(pkg-config --cflags --libs errcat-csbs)"; exit 1; }
env -i ./app > app.out || { echo "FAIL: app does not run"; fail=1; }
printf '%s\n' '云服务器不存在。' 'Der Server ist nicht vorhanden.' | diff -u - app.out ||
    { echo "FAIL: app output"; fail=1; }
if command -v man >/dev/null 2>&1; then
    for p in errcat errcat-gen "3 errcat" "5 errcat-catalog"; do
        man -w \$p > /dev/null || { echo "FAIL: man \$p"; fail=1; }
    done
fi
env -i /usr/local/bin/errcat --lang de CSBS.6000 | grep -q 'Der Server ist nicht vorhanden.' ||
    { echo "FAIL: installed errcat"; fail=1; }
cd "$top" && "$MAKE" --no-print-directory B="$B" uninstall > "$d/uninstall.log" 2>&1 ||
    { cat "$d/uninstall.log"; echo "FAIL: make uninstall"; fail=1; }
(cd /usr/local && find . | sort) | diff -u "$d/before" - ||
    { echo "FAIL: uninstall did not leave /usr/local as it was"; fail=1; }
[ \$fail -eq 0 ] && echo "system install: ldconfig, pkg-config app in zh_CN and de, man, errcat, uninstall: all good"
exit \$fail
EOT
unshare -m sh "$d/run.sh"
