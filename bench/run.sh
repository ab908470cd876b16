#!/bin/sh
# run.sh - `make bench`: builds and runs errcat's benchmarks beside the
# tools a user would pick instead (dgettext, com_err, xgettext --its,
# compile_et), prints a Markdown table and writes build/bench.json.
#   B=build CC=cc sh bench/run.sh       (make bench runs `make all` first)
# Inputs are made here: synthetic catalogs of 1k, 10k and 100k entries
# (bench/mkcatalog), their com_err tables (bench/mket) and a stand-in
# translation of the 100k one (bench/mkpo). What is slow to build is kept
# in build/bench/ and rebuilt only when its sources change. Timings never
# decide a test: this is not part of `make check`.
set -u

B=${B:-build}
CC=${CC:-cc}
BB=$B/bench
TOP=$(pwd)
JSON=$B/bench.json
RES=$BB/results.txt
# A generator run that takes longer than this is stopped and reported as
# such, so that `make bench` always ends.
GEN_TIMEOUT=${GEN_TIMEOUT:-120}
BCFLAGS="-O2 -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror"
BINC="-Ibench -Isrc/include -Isrc/lib -Igenerated -I$BB/gen"

say() { echo "  BENCH   $*" >&2; }
die() { echo "bench/run.sh: error: $*" >&2; exit 1; }
put() { echo "$1 $2" >> "$RES"; }

# stale OUT DEP...: true when OUT is missing or older than a DEP.
stale() {
    out=$1
    shift
    [ -e "$out" ] || return 0
    for d in "$@"; do
        [ -n "$(find "$d" -prune -newer "$out" 2>/dev/null)" ] && return 0
    done
    return 1
}

# median of the numbers on stdin; "null" when there are none.
median() {
    sort -g | awk '{ v[NR] = $1 }
        END { if (NR == 0) print "null";
              else if (NR % 2) print v[(NR + 1) / 2];
              else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# value KEY: the figure KEY gathered so far, or "null".
value() {
    awk -v k="$1" '$1 == k { v = $2 } END { print (v == "" ? "null" : v) }' \
        "$RES"
}

# timed KEY REPS CMD...: runs CMD REPS times under bench_runstat (the
# first run is a warm-up when REPS > 1, unless it took over 10 s: then it
# is the figure); records KEY_s (median wall time), KEY_rss_mb (median
# peak RSS) and KEY_cpu_s (median user + system time). CMD exiting 124
# means `timeout` stopped it: KEY_timeout_s.
timed() {
    key=$1
    reps=$2
    shift 2
    : > "$BB/runs.txt"
    i=0
    while [ "$i" -lt "$reps" ]; do
        "$BB/bench_runstat" "$BB/run.txt" "$@" >/dev/null 2>"$BB/run.err"
        rc=$?
        if [ "$rc" -ne 0 ]; then
            if [ "$rc" -eq 124 ]; then
                echo "bench/run.sh: warning: $key: stopped after" \
                     "${GEN_TIMEOUT} s" >&2
                put "${key}_timeout_s" "$GEN_TIMEOUT"
            else
                echo "bench/run.sh: warning: $key failed (exit $rc):" >&2
                sed 's/^/    /' "$BB/run.err" | head -5 >&2
            fi
            put "${key}_s" null
            put "${key}_rss_mb" null
            put "${key}_cpu_s" null
            return 1
        fi
        cat "$BB/run.txt" >> "$BB/runs.txt"
        if [ "$i" -eq 0 ] && [ "$reps" -gt 1 ]; then
            if awk '{ exit !($1 > 10) }' "$BB/run.txt"; then
                break           # slow enough that one run says it all
            fi
            : > "$BB/runs.txt"
        fi
        i=$((i + 1))
    done
    put "${key}_s" "$(awk '{ print $1 }' "$BB/runs.txt" | median)"
    put "${key}_rss_mb" "$(awk '{ print $2 }' "$BB/runs.txt" | median)"
    put "${key}_cpu_s" "$(awk '{ print $3 }' "$BB/runs.txt" | median)"
}

# pot_texts FILE: the (msgctxt, msgid) pairs of a .po or .pot, one a
# line, sorted: what must agree for the xgettext comparison to be fair.
pot_texts() {
    awk 'function flush() {
             if (have) print ctxt "\t" id
             have = 0; ctxt = ""; id = ""; cur = ""
         }
         function str(s) { sub(/^[a-z]* *"/, "", s); sub(/"$/, "", s); return s }
         /^$/ { flush(); next }
         /^msgctxt / { ctxt = str($0); cur = "c"; next }
         /^msgid / { id = str($0); have = 1; cur = "i"; next }
         /^"/ { if (cur == "c") ctxt = ctxt str($0)
                else if (cur == "i") id = id str($0)
                next }
         { cur = "" }
         END { flush() }' "$1" | LC_ALL=C sort
}

# cc_prog OUT SRC... [-- LIBS]: compiles a benchmark program when stale.
cc_prog() {
    out=$1
    shift
    srcs=
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
        srcs="$srcs $1"
        shift
    done
    [ $# -gt 0 ] && shift
    # shellcheck disable=SC2086
    if stale "$out" $srcs bench/bench.h; then
        say "CC $out"
        # shellcheck disable=SC2086
        $CC $BCFLAGS $BINC -o "$out" $srcs "$@" || die "cannot build $out"
    fi
}

# ---- Tools and inputs -------------------------------------------------------

sh .ci/deps bench || exit 1
for t in compile_et xgettext msgfmt "$B/errcat-gen"; do
    command -v "$t" >/dev/null 2>&1 || die "$t is missing"
done
[ -f "$B/liberrcat.a" ] && [ -f generated/csbs.c ] ||
    die "build liberrcat and generated/ first (make all)"
[ -f "$B/locale/de/LC_MESSAGES/errcat-csbs.mo" ] &&
    [ -f "$B/locale/zh_CN/LC_MESSAGES/errcat-csbs.mo" ] ||
    die "no de and zh_CN translations in $B/locale (make all)"
mkdir -p "$BB" "$BB/gen" "$BB/pot" || exit 2
: > "$RES"
put loadavg_start "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo null)"

cc_prog "$BB/bench_runstat" bench/bench_runstat.c

for n in 1000:1k:1001 10000:10k:1010 100000:100k:1100; do
    count=${n%%:*}
    rest=${n#*:}
    size=${rest%%:*}
    number=${rest#*:}
    xml=$BB/syn$size.xml
    if stale "$xml" bench/mkcatalog; then
        say "mkcatalog $count entries"
        sh bench/mkcatalog "$count" "syn$size" "$number" > "$xml.tmp" &&
            mv "$xml.tmp" "$xml" || die "mkcatalog failed"
    fi
done

# com_err tables: the 66 CSBS codes in one table; the 100k codes in 391.
if stale "$BB/et1/et_all.c" catalog/csbs.xml bench/mket; then
    say "mket csbs"
    sh bench/mket catalog/csbs.xml "$BB/et1" c || exit 1
    (cd "$BB/et1" && compile_et c000.et) >/dev/null || die "compile_et failed"
fi
if stale "$BB/et100k/et_all.c" "$BB/syn100k.xml" bench/mket; then
    say "mket 100k"
    sh bench/mket "$BB/syn100k.xml" "$BB/et100k" s || exit 1
    rm -f "$BB/libet100k.a"
fi
if stale "$BB/libet100k.a" "$BB/et100k/et_all.c"; then
    say "compile_et + cc the 391 tables (once)"
    (cd "$BB/et100k" && for f in s*.et; do compile_et "$f" || exit 1; done &&
        $CC -O1 -c s*.c && ar rcs ../libet100k.a s*.o) >/dev/null ||
        die "cannot build the 100k com_err tables"
fi

# Real locales for dgettext's two-locale test, when glibc's sources are
# here (package locales); liberrcat needs none.
LOCS=$BB/locales
if command -v localedef >/dev/null 2>&1 &&
   [ -f /usr/share/i18n/locales/de_DE ] && [ -f /usr/share/i18n/locales/zh_CN ]
then
    for l in de_DE zh_CN; do
        if [ ! -d "$LOCS/$l.UTF-8" ]; then
            say "localedef $l.UTF-8 (once)"
            mkdir -p "$LOCS"
            localedef -i "$l" -f UTF-8 "$LOCS/$l.UTF-8" >/dev/null 2>&1 ||
                rm -rf "$LOCS/$l.UTF-8"
        fi
    done
fi

# ---- Generation: errcat-gen against xgettext --its and compile_et ----------

slow=
for size in 1k 10k 100k; do
    if [ -n "$slow" ]; then
        # the smaller catalog hit the time limit: this one would too
        put "gen_${size}_s" null
        put "gen_${size}_rss_mb" null
        put "gen_${size}_cpu_s" null
        continue
    fi
    say "errcat-gen generate, $size entries"
    timed "gen_$size" 4 timeout "$GEN_TIMEOUT" "$B/errcat-gen" generate \
        -o "$BB/gen" --pot-dir "$BB/pot" "$BB/syn$size.xml" || slow=1
done
say "xgettext --its, 100k entries"
timed xgettext_100k 2 xgettext --its=bench/errcat.its \
    -o "$BB/xgettext-100k.pot" "$BB/syn100k.xml"
if [ "$(value xgettext_100k_s)" != null ] && [ -f "$BB/pot/errcat-syn100k.pot" ]
then
    pot_texts "$BB/xgettext-100k.pot" > "$BB/texts-xgettext.txt"
    pot_texts "$BB/pot/errcat-syn100k.pot" > "$BB/texts-errcat.txt"
    if cmp -s "$BB/texts-xgettext.txt" "$BB/texts-errcat.txt"; then
        put xgettext_same_texts 1
    else
        echo "bench/run.sh: warning: xgettext --its and errcat-gen extract" \
             "different texts" >&2
        put xgettext_same_texts 0
    fi
    put texts_100k "$(wc -l < "$BB/texts-errcat.txt")"
    rm -f "$BB/texts-xgettext.txt" "$BB/texts-errcat.txt"
fi
say "compile_et, 391 tables"
rm -rf "$BB/et100k-time"
mkdir -p "$BB/et100k-time" && cp "$BB"/et100k/s*.et "$BB/et100k-time/"
timed compile_et_100k 1 sh -c \
    'cd "$1" && for f in s*.et; do compile_et "$f" || exit 1; done' \
    sh "$BB/et100k-time"
rm -rf "$BB/et100k-time"

# ---- Import: errcat-gen import of a 100k-row Markdown table ----------------
# The 100k synthetic catalog as the table a service would publish
# (bench/mktable), imported to a new catalog.

md=$BB/syn100k.md
if stale "$md" "$BB/syn100k.xml" bench/mktable; then
    say "mktable 100k rows"
    sh bench/mktable < "$BB/syn100k.xml" > "$md.tmp" && mv "$md.tmp" "$md" ||
        die "mktable failed"
fi
say "errcat-gen import, 100k-row Markdown table"
timed import_100k 4 timeout "$GEN_TIMEOUT" "$B/errcat-gen" import \
    -o "$BB/import100k.xml" "$md"

# ---- The programs -----------------------------------------------------------

cc_prog "$BB/bench_floor" bench/bench_floor.c -- -lpthread
cc_prog "$BB/bench_lookup" bench/bench_lookup.c generated/csbs.c \
    "$B/liberrcat.a" -- -ljansson -lpthread
cc_prog "$BB/bench_gettext" bench/bench_gettext.c generated/csbs.c -- -lpthread
cc_prog "$BB/bench_comerr1" bench/bench_comerr.c "$BB/et1/c000.c" \
    "$BB/et1/et_all.c" -- -I"$BB/et1" -lcom_err -lpthread
cc_prog "$BB/bench_comerr100k" bench/bench_comerr.c "$BB/et100k/et_all.c" \
    "$BB/libet100k.a" -- -I"$BB/et100k" -lcom_err -lpthread

# The 100k catalog: its tables (big: -O1, kept) and a translation.
BIG=
if [ -f "$BB/gen/syn100k.c" ] && [ "$(value gen_100k_s)" != null ]; then
    if stale "$BB/syn100k.o" "$BB/gen/syn100k.c"; then
        say "CC syn100k.c (-O1, once)"
        $CC -O1 -std=c99 $BINC -c -o "$BB/syn100k.o" "$BB/gen/syn100k.c" ||
            die "cannot compile the 100k tables"
    fi
    mo=$BB/locale/de/LC_MESSAGES/errcat-syn100k.mo
    if stale "$mo" "$BB/pot/errcat-syn100k.pot" bench/mkpo; then
        say "msgfmt the 100k stand-in translation"
        mkdir -p "${mo%/*}"
        sh bench/mkpo "$BB/pot/errcat-syn100k.pot" de > "$BB/syn100k-de.po" &&
            msgfmt -c -o "$mo.tmp" "$BB/syn100k-de.po" && mv "$mo.tmp" "$mo" ||
            die "msgfmt failed on the 100k translation"
    fi
    cc_prog "$BB/bench_lookup100k" bench/bench_lookup.c "$BB/syn100k.o" \
        "$B/liberrcat.a" -- -DBENCH_CATALOG=syn100k_catalog -ljansson -lpthread
    BIG=$BB/bench_lookup100k
else
    echo "bench/run.sh: warning: no 100k tables: the 100k lookups are" \
         "not measured" >&2
fi

# ---- Reference pages: errcat-gen docs over the 100k catalog ----------------
# Markdown and HTML in English and German (the stand-in translation) plus
# the status page; the figure per language is the run's time less that of
# `errcat-gen check` (loading and checking the catalog, paid once), over
# the two languages.
if [ -f "$BB/syn100k-de.po" ]; then
    mkdir -p "$BB/docs-po"
    echo de > "$BB/docs-po/LINGUAS"
    cp "$BB/syn100k-de.po" "$BB/docs-po/de.po"
    say "errcat-gen docs, 100k entries, en + de"
    timed docs_100k_total 3 timeout "$GEN_TIMEOUT" "$B/errcat-gen" docs \
        -o "$BB/docs100k" --po-dir "$BB/docs-po" --format md,html \
        "$BB/syn100k.xml"
    timed check_100k 3 timeout "$GEN_TIMEOUT" "$B/errcat-gen" check \
        "$BB/syn100k.xml"
    t=$(value docs_100k_total_s)
    c=$(value check_100k_s)
    if [ "$t" != null ] && [ "$c" != null ]; then
        put docs_100k_s "$(awk -v t="$t" -v c="$c" \
            'BEGIN { printf "%.3f", (t - c) / 2 }')"
    else
        put docs_100k_s null
    fi
else
    put docs_100k_s null
fi

# ---- Runs -------------------------------------------------------------------

LOCALEDIR=$TOP/$B/locale
say "array floor, com_err"
"$BB/bench_floor" >> "$RES" || die "bench_floor failed"
"$BB/bench_comerr1" com_err_ns >> "$RES" || die "bench_comerr failed"
"$BB/bench_comerr100k" com_err_391_ns >> "$RES" || die "bench_comerr failed"
say "liberrcat, warm lookups and two threads"
"$BB/bench_lookup" warm "$LOCALEDIR" >> "$RES" || die "bench_lookup failed"
say "dgettext, warm lookups and two threads"
if [ -d "$LOCS/de_DE.UTF-8" ] && [ -d "$LOCS/zh_CN.UTF-8" ]; then
    LOCPATH=$TOP/$LOCS "$BB/bench_gettext" "$LOCALEDIR" >> "$RES"
else
    "$BB/bench_gettext" "$LOCALEDIR" >> "$RES"
fi || die "bench_gettext failed"

say "first use of a locale (a fresh process each time), and dgettext's"
for i in 1 2 3 4 5 6 7 8 9; do
    "$BB/bench_lookup" first "$LOCALEDIR" de first_locale ||
        die "bench_lookup first failed"
    "$BB/bench_gettext" first "$LOCALEDIR" ||
        die "bench_gettext first failed"
done > "$BB/first.txt"
if [ -n "$BIG" ]; then
    say "100k entries: first use of a locale, code lookups"
    for i in 1 2 3 4 5; do
        "$BIG" first "$TOP/$BB/locale" de first_locale_100k
    done >> "$BB/first.txt" || die "bench_lookup100k first failed"
    "$BIG" big "$TOP/$BB/locale" _100k >> "$RES" ||
        die "bench_lookup100k failed"
fi
for k in first_locale_us dgettext_first_us first_locale_reload_us \
         first_locale_100k_us \
         first_locale_100k_reload_us first_locale_heap_ratio \
         first_locale_100k_heap_ratio first_locale_first_heap_ratio \
         first_locale_100k_first_heap_ratio; do
    put "$k" "$(awk -v k="$k" '$1 == k { print $2 }' "$BB/first.txt" | median)"
done
# A loaded locale's heap over its .mo size, every text read: the 100k
# catalog's, where the per-locale constants do not count (the 66-entry
# one's if that is all).
if [ "$(value first_locale_100k_heap_ratio)" != null ]; then
    put locale_heap_ratio "$(value first_locale_100k_heap_ratio)"
else
    put locale_heap_ratio "$(value first_locale_heap_ratio)"
fi

# ---- errcat over installed catalogs ---------------------------------------------

# errcat CODE, installed (bench/cli_catalogs.sh) with 200 compiled catalogs
# of 300 entries beside it, the code in the last of them; a clean
# environment, so that no ERRCAT_CATALOG_PATH adds to them.
say "errcat CODE with 200 installed catalogs of 300 entries"
CLI=$TOP/$BB/cli/prefix/bin/errcat
if B=$B sh bench/cli_catalogs.sh "$BB/cli" &&
   env -i "$CLI" C200.000300 2>&1 | grep -q '^C200.000300 (HTTP'; then
    timed cli_200_catalogs 21 env -i "$CLI" C200.000300
    put cli_200_catalogs_ms "$(awk -v s="$(value cli_200_catalogs_s)" \
        'BEGIN { if (s == "null") print "null"; else printf "%.3g\n", s * 1000 }')"
else
    echo "bench/run.sh: warning: errcat over 200 catalogs failed" >&2
    put cli_200_catalogs_ms null
fi

# ---- Ratios, JSON, table ------------------------------------------------------

put loadavg_end "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo null)"

ratio() {
    awk -v a="$(value "$2")" -v b="$(value "$3")" -v k="$1" 'BEGIN {
        if (a == "null" || b == "null" || b + 0 == 0) print k, "null";
        else printf "%s %.4g\n", k, a / b }' >> "$RES"
}
ratio enum_vs_dgettext dgettext_ns lookup_enum_ns
ratio code_vs_dgettext dgettext_ns lookup_code_ns
ratio first_locale_vs_dgettext dgettext_first_us first_locale_us
ratio enum_vs_array_floor lookup_enum_ns array_floor_ns
ratio gen_10k_vs_1k gen_10k_s gen_1k_s
ratio gen_100k_vs_10k gen_100k_s gen_10k_s
ratio xgettext_vs_gen_100k xgettext_100k_s gen_100k_s
ratio xgettext_vs_gen_100k_cpu xgettext_100k_cpu_s gen_100k_cpu_s
ratio gen_100k_vs_10k_cpu gen_100k_cpu_s gen_10k_cpu_s

cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
{
    printf '{\n'
    printf '  "machine": "%s, %s cores",\n' "$cpu" "$(nproc 2>/dev/null)"
    printf '  "revision": "%s",\n' "$rev"
    printf '  "date": "%s",\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    awk '{ v[$1] = $2; if (!($1 in seen)) { seen[$1] = 1; k[++n] = $1 } }
        END { for (i = 1; i <= n; i++)
                  printf "  \"%s\": %s%s\n", k[i], v[k[i]], i < n ? "," : "" }' \
        "$RES"
    printf '}\n'
} > "$JSON.tmp" && mv "$JSON.tmp" "$JSON" || die "cannot write $JSON"

awk '{ v[$1] = $2 }
function f(k, unit, scale, d) {
    if (!(k in v) || v[k] == "null") return "n/a"
    d = v[k] * (scale == "" ? 1 : scale)
    return (d >= 100 ? sprintf("%.0f", d) : d >= 10 ? sprintf("%.1f", d) \
        : sprintf("%.2f", d)) unit
}
function verdict(k, op, t) {
    if (!(k in v) || v[k] == "null") return "not measured"
    if (op == "<=" ? v[k] + 0 <= t : v[k] + 0 >= t) return "met"
    return "**falls short**"
}
function row(what, val, target, ok) {
    printf "| %s | %s | %s | %s |\n", what, val, target, ok
}
END {
    print "| figure | this run | target | |"
    print "|---|---|---|---|"
    row("liberrcat: description by enum, explicit locale", \
        f("lookup_enum_ns", " ns"), "≤ 3 ns", verdict("lookup_enum_ns", "<=", 3))
    row("… the same, ≥ 25× faster than dgettext", \
        f("enum_vs_dgettext", "×"), "≥ 25×", verdict("enum_vs_dgettext", ">=", 25))
    row("liberrcat: by code string (66 entries)", f("lookup_code_ns", " ns"), "", "")
    row("liberrcat: by body match (code + message)", f("lookup_body_ns", " ns"), "", "")
    row("liberrcat: by JSON error body", f("lookup_body_json_ns", " ns"), "", "")
    row("liberrcat: by enum, locale named per call", \
        f("lookup_enum_by_name_ns", " ns"), "", "")
    row("dgettext, warm hit / miss", f("dgettext_ns", " ns") " / " \
        f("dgettext_miss_ns", " ns"), "", "")
    row("com_err error_message, 1 table / 391 tables", f("com_err_ns", " ns") \
        " / " f("com_err_391_ns", " ns"), "", "")
    row("static array index (the floor)", f("array_floor_ns", " ns"), "", "")
    row("liberrcat: by code string, 100k entries: 64 codes / 1000 / all", \
        f("lookup_code_100k_ns", " ns") " / " \
        f("lookup_code_100k_hot1000_ns", " ns") " / " \
        f("lookup_code_100k_all_ns", " ns"), \
        "≤ 25 ns", verdict("lookup_code_100k_ns", "<=", 25))
    row("liberrcat: by enum, 100k entries: 64 / 1000 / all", \
        f("lookup_enum_100k_ns", " ns") " / " \
        f("lookup_enum_100k_hot1000_ns", " ns") " / " \
        f("lookup_enum_100k_all_ns", " ns"), "", "")
    row("liberrcat: two threads, two locales: aggregate ÷ one thread", \
        f("threads2_scaling", "×") " (CPU time: " f("threads2_cpu_scaling", "×") \
        "; " f("threads2_ns", " ns") "/call)", \
        "≥ 1.8×", verdict("threads2_scaling", ">=", 1.8))
    row("the floor loop, which shares nothing: the same (what the machine allows)", \
        f("array_floor_threads2_scaling", "×") " (CPU time: " \
        f("array_floor_threads2_cpu_scaling", "×") ")", "", "")
    row("dgettext: the same", f("dgettext_threads2_scaling", "×") \
        " (CPU time: " f("dgettext_threads2_cpu_scaling", "×") "; " \
        f("dgettext_threads2_ns", " ns") "/call)", "", "")
    row("first use of a locale, 66 entries (fresh process / reload)", \
        f("first_locale_us", " µs") " / " f("first_locale_reload_us", " µs"), \
        "≤ 20 µs", verdict("first_locale_us", "<=", 20))
    row("… dgettext, its first call in a fresh process; ratio to liberrcat", \
        f("dgettext_first_us", " µs") "; " f("first_locale_vs_dgettext", "×"), \
        "", "")
    row("first use of a locale, 100k entries", \
        f("first_locale_100k_us", " ms", 1e-3) " / " \
        f("first_locale_100k_reload_us", " ms", 1e-3), "≤ 15 ms", \
        verdict("first_locale_100k_us", "<=", 15000))
    row("heap of a loaded locale over its .mo size", \
        f("locale_heap_ratio", ""), "≤ 1.5", \
        verdict("locale_heap_ratio", "<=", 1.5))
    row("errcat-gen generate, 1k / 10k entries", f("gen_1k_s", " s") " / " \
        f("gen_10k_s", " s"), "", "")
    row("errcat-gen generate, 100k entries (CPU time)", f("gen_100k_s", " s") \
        " (" f("gen_100k_cpu_s", " s") ")", "≤ 1.0 s", \
        verdict("gen_100k_s", "<=", 1.0))
    row("… peak RSS", f("gen_100k_rss_mb", " MB"), "≤ 200 MB", \
        verdict("gen_100k_rss_mb", "<=", 200))
    row("… 10× the entries (10k → 100k) costs (CPU time)", \
        f("gen_100k_vs_10k", "×") " (" f("gen_100k_vs_10k_cpu", "×") ")", \
        "≤ 11×", verdict("gen_100k_vs_10k", "<=", 11))
    row("xgettext --its, 100k entries (CPU time)", f("xgettext_100k_s", " s") \
        " (" f("xgettext_100k_cpu_s", " s") "), " \
        f("xgettext_100k_rss_mb", " MB"), "", "")
    row("… errcat-gen faster than xgettext by (CPU time)", \
        f("xgettext_vs_gen_100k", "×") " (" f("xgettext_vs_gen_100k_cpu", "×") ")", \
        "≥ 9×", verdict("xgettext_vs_gen_100k", ">=", 9))
    row("errcat-gen docs, 100k entries: per language (whole run, en + de)", \
        f("docs_100k_s", " s") " (" f("docs_100k_total_s", " s") ")", \
        "≤ 0.5 s", verdict("docs_100k_s", "<=", 0.5))
    row("errcat-gen import, 100k-row Markdown table (CPU time)", \
        f("import_100k_s", " s") " (" f("import_100k_cpu_s", " s") "), " \
        f("import_100k_rss_mb", " MB"), "≤ 0.5 s", \
        verdict("import_100k_s", "<=", 0.5))
    row("compile_et, 100k codes in 391 tables (CPU time)", \
        f("compile_et_100k_s", " s") " (" f("compile_et_100k_cpu_s", " s") ")", \
        "", "")
    row("errcat CODE, 200 installed catalogs of 300 entries (wall)", \
        f("cli_200_catalogs_ms", " ms"), "≤ 10 ms", \
        verdict("cli_200_catalogs_ms", "<=", 10))
    printf "\nLoad average %s at the start, %s at the end (2 cores).\n", \
        v["loadavg_start"], v["loadavg_end"]
}' "$RES" > "$B/bench.md" || die "cannot write $B/bench.md"
cat "$B/bench.md"
echo "wrote $JSON and $B/bench.md" >&2
