#!/bin/sh
# Build hygiene on a machine that lacks packages, simulated with fake
# dpkg-query, id, sudo and ldconfig on PATH:
#  - .ci/deps names every missing package of all the tasks asked for in
#    one line, "as root: apt-get install ..." without sudo, "sudo
#    apt-get install ..." when sudo needs a password;
#  - make runs .ci/deps for the goals' tasks before any compiler starts,
#    under -j too;
#  - mk/ldconfig.sh runs ldconfig only for root, without DESTDIR, into a
#    directory the dynamic linker searches.
B=${B:-build}
top=$(pwd)
d=$top/$B/tests/deps
rm -rf "$d"
mkdir -p "$d/bin" "$d/sudo-bin"
fail=0
failed() { echo "FAIL: $*"; fail=1; }

# Nothing is installed; we are user 1000; no sudo in bin/.
printf '#!/bin/sh\nexit 1\n' > "$d/bin/dpkg-query"
printf '#!/bin/sh\necho 1000\n' > "$d/bin/id"
printf '#!/bin/sh\nexit 1\n' > "$d/sudo-bin/sudo"
chmod +x "$d/bin/dpkg-query" "$d/bin/id" "$d/sudo-bin/sudo"
sh=$(command -v sh)

PATH=$d/bin "$sh" .ci/deps check bench > "$d/out" 2>&1
st=$?
[ $st -eq 1 ] || failed ".ci/deps without packages exited $st"
[ "$(wc -l < "$d/out")" -eq 1 ] || { failed "hint is not one line"; cat "$d/out"; }
grep -q '^errcat: missing Debian packages; as root: apt-get install ' "$d/out" ||
    { failed "no 'as root: apt-get install' hint"; cat "$d/out"; }
for p in make gcc libxml2-dev libjansson-dev libcmocka-dev cmake abigail-tools \
         comerr-dev locales; do
    grep -q " $p\( \|$\)" "$d/out" || failed "hint misses $p"
done
n=$(tr ' ' '\n' < "$d/out" | grep -c '^gcc$')
[ "$n" -eq 1 ] || failed "hint names gcc $n times"

PATH=$d/sudo-bin:$d/bin "$sh" .ci/deps build > "$d/out" 2>&1
grep -q '^errcat: missing Debian packages; run: sudo apt-get install make gcc' "$d/out" ||
    { failed "no sudo hint when sudo asks for a password"; cat "$d/out"; }

# make: .ci/deps (here a fake that is slow and leaves a mark) finishes
# before the compiler (a fake that checks the mark) starts, under -j2.
cat > "$d/deps" <<'EOT'
#!/bin/sh
echo "$*" > "$MARK.sets"
sleep 1
touch "$MARK"
EOT
cat > "$d/cc" <<'EOT'
#!/bin/sh
[ -f "$MARK" ] || { echo "compiler ran before .ci/deps finished" >&2; exit 1; }
while [ $# -gt 0 ]; do
    case $1 in -o) touch "$2"; shift ;; esac
    shift
done
EOT
MARK=$d/mark make -j2 --no-print-directory B="$B/tests/deps/b" \
    DEPS="sh $d/deps" CC="sh $d/cc" "$B/tests/deps/b/errcat-gen" \
    > "$d/make.out" 2>&1 || { failed "make -j2 ran the compiler first"; cat "$d/make.out"; }
[ "$(cat "$d/mark.sets" 2>/dev/null)" = build ] ||
    failed "make errcat-gen asked .ci/deps for '$(cat "$d/mark.sets" 2>/dev/null)'"
rm -f "$d/mark" "$d/mark.sets"
# (make -n prints the deps command; bench and valgrind run no make.)
make -n --no-print-directory DEPS="echo DEPS" bench valgrind 2>/dev/null |
    grep -qx 'echo DEPS bench valgrind' ||
    failed "make bench valgrind does not ask for both tasks at once"

# ldconfig: root, no DESTDIR, a searched directory; else a note.
mkdir -p "$d/lib" "$d/other"
cat > "$d/bin/ldconfig" <<EOT
#!/bin/sh
if [ "\$1" = -N ]; then echo "$d/lib: (from fake.conf:1)"; exit 0; fi
touch "$d/ldconfig-ran"
EOT
printf '#!/bin/sh\necho 0\n' > "$d/bin/id"
chmod +x "$d/bin/ldconfig"
PATH=$d/bin:$PATH DESTDIR= sh mk/ldconfig.sh "$d/lib" > /dev/null
[ -f "$d/ldconfig-ran" ] || failed "ldconfig not run for root into a searched directory"
rm -f "$d/ldconfig-ran"
PATH=$d/bin:$PATH DESTDIR=$d/dest sh mk/ldconfig.sh "$d/lib" > /dev/null
[ ! -f "$d/ldconfig-ran" ] || failed "ldconfig run with DESTDIR"
PATH=$d/bin:$PATH DESTDIR= sh mk/ldconfig.sh "$d/other" > "$d/ld.out"
[ ! -f "$d/ldconfig-ran" ] || failed "ldconfig run for a directory it does not search"
grep -q "does not search $d/other" "$d/ld.out" || failed "no note for an unsearched directory"
printf '#!/bin/sh\necho 1000\n' > "$d/bin/id"
PATH=$d/bin:$PATH DESTDIR= sh mk/ldconfig.sh "$d/lib" > "$d/ld.out"
[ ! -f "$d/ldconfig-ran" ] || failed "ldconfig run by a user"
grep -q 'run ldconfig as root' "$d/ld.out" || failed "no note for a user"
exit $fail
