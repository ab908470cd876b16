/*
 * bench_lookup.c - liberrcat's lookups, timed: a description in an explicit
 * locale found by enum constant, by code string and by API error body; two
 * threads in two locales at once; and the first use of a locale.
 *   bench_lookup warm LOCALEDIR      CSBS figures (lookup_*_ns, threads2_*)
 *   bench_lookup big LOCALEDIR SFX   lookups in a large catalog, keys + SFX
 *   bench_lookup first LOCALEDIR LOCALE KEY
 *                                    first use of LOCALE in this process
 *                                    (KEY_us), and after a release
 *                                    (KEY_reload_us); the heap the
 *                                    locale took, over its .mo file's
 *                                    size, at first use
 *                                    (KEY_first_heap_ratio) and with
 *                                    every text read (KEY_heap_ratio)
 * Built once per catalog: BENCH_CATALOG names the generated tables (the
 * CSBS catalog, or the synthetic 100k one for `big` and `first`).
 */
#include <malloc.h>
#include <sys/stat.h>

#include "bench.h"
#include "errcat.h"

#ifndef BENCH_CATALOG
#define BENCH_CATALOG csbs_catalog
#endif

extern const struct errcat_catalog BENCH_CATALOG;

static const char *prog = "bench_lookup";
static const struct errcat_catalog *cat = &BENCH_CATALOG;

/* What a timed loop walks through: one item per entry, in some order. */
struct lookup_run {
    const struct errcat_locale *loc;
    const char *locale_name;        /* for the by-name variant */
    long n;
    int *values;
    const char **codes;             /* copies of the entries' codes */
    const char **messages;
    const char **bodies;
    size_t *body_len;
};

static void
run_enum(void *arg, long iters)
{
    const struct lookup_run *r = arg;
    long i, j = 0;

    for (i = 0; i < iters; i++) {
        const char *s = errcat_describe(cat, r->loc, r->values[j]);

        BENCH_USE(s);
        if (++j == r->n)
            j = 0;
    }
}

/* The locale named on every call, as a server given a name per request. */
static void
run_enum_by_name(void *arg, long iters)
{
    const struct lookup_run *r = arg;
    long i, j = 0;

    for (i = 0; i < iters; i++) {
        const struct errcat_locale *loc;
        const char *s;

        errcat_locale_get(cat, r->locale_name, &loc);
        s = errcat_describe(cat, loc, r->values[j]);
        BENCH_USE(s);
        if (++j == r->n)
            j = 0;
    }
}

static void
run_code(void *arg, long iters)
{
    const struct lookup_run *r = arg;
    long i, j = 0;

    for (i = 0; i < iters; i++) {
        const char *s = errcat_description(cat, r->loc,
                                           errcat_find_code(cat, r->codes[j]));

        BENCH_USE(s);
        if (++j == r->n)
            j = 0;
    }
}

static void
run_body(void *arg, long iters)
{
    const struct lookup_run *r = arg;
    struct errcat_match m;
    long i, j = 0;

    for (i = 0; i < iters; i++) {
        const char *s;

        errcat_match(cat, r->codes[j], r->messages[j], &m);
        s = errcat_description(cat, r->loc, m.entry);
        BENCH_USE(s);
        errcat_match_free(&m);
        if (++j == r->n)
            j = 0;
    }
}

static void
run_body_json(void *arg, long iters)
{
    const struct lookup_run *r = arg;
    struct errcat_match m;
    long i, j = 0;

    for (i = 0; i < iters; i++) {
        const char *s;

        errcat_match_body(cat, r->bodies[j], r->body_len[j], &m);
        s = errcat_description(cat, r->loc, m.entry);
        BENCH_USE(s);
        errcat_match_free(&m);
        if (++j == r->n)
            j = 0;
    }
}

static void *
xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);

    if (!p)
        bench_die(prog, "out of memory");
    return p;
}

static char *
xstrdup(const char *s)
{
    char *p = xmalloc(strlen(s) + 1);

    return strcpy(p, s);
}

static const struct errcat_locale *
get_locale(const char *name)
{
    const struct errcat_locale *loc;

    if (errcat_locale_get(cat, name, &loc) != 0)
        bench_die(prog, "errcat_locale_get failed");
    return loc;
}

/* The run over n entries visited in a scattered order (k * 7919 mod n, a
 * permutation when n is not a multiple of 7919), with every key the
 * lookups need; messages and bodies only when `bodies`. */
static void
make_run(struct lookup_run *r, long n, int bodies)
{
    static const char *const sample[] = {
        "ecs-01", "vol-7f3a", "cn-north-4", "available", "bk-2231",
        "proj-9", "rep-11", "task-5"
    };
    long i;

    r->n = n;
    r->values = xmalloc(sizeof *r->values * (size_t)n);
    r->codes = xmalloc(sizeof *r->codes * (size_t)n);
    r->messages = bodies ? xmalloc(sizeof *r->messages * (size_t)n) : NULL;
    r->bodies = bodies ? xmalloc(sizeof *r->bodies * (size_t)n) : NULL;
    r->body_len = bodies ? xmalloc(sizeof *r->body_len * (size_t)n) : NULL;
    for (i = 0; i < n; i++) {
        const struct errcat_entry *e = errcat_entry_at(cat,
                                                       (size_t)(i * 7919 % n));
        char *msg, *body;
        size_t len;
        long blen;

        r->values[i] = errcat_entry_value(e);
        /* a copy: an application passes its own string, not the table's */
        r->codes[i] = xstrdup(errcat_entry_code(e));
        if (!bodies)
            continue;
        len = errcat_format(cat, NULL, e, sample, 8, NULL, 0);
        msg = xmalloc(len + 1);
        errcat_format(cat, NULL, e, sample, 8, msg, len + 1);
        r->messages[i] = msg;
        blen = errcat_json_body(cat, e, sample, 8, NULL, 0);
        if (blen < 0)
            bench_die(prog, "errcat_json_body failed");
        body = xmalloc((size_t)blen + 1);
        errcat_json_body(cat, e, sample, 8, body, (size_t)blen + 1);
        r->bodies[i] = body;
        r->body_len[i] = (size_t)blen;
    }
}

/* Checks that each lookup path finds the entry it should and answers in
 * the locale: a figure for a path that fails would be meaningless. */
static void
check_run(const struct lookup_run *r, const struct errcat_locale *en)
{
    long i, same = 0, mismatched = 0;
    struct errcat_match m;

    for (i = 0; i < r->n; i++) {
        const struct errcat_entry *e = errcat_find(cat, r->values[i]);

        if (!e || errcat_find_code(cat, r->codes[i]) == NULL)
            bench_die(prog, "an entry is not found by value or code");
        same += !strcmp(errcat_describe(cat, r->loc, r->values[i]),
                        errcat_describe(cat, en, r->values[i]));
        if (!r->messages)
            continue;
        if (errcat_match(cat, r->codes[i], r->messages[i], &m) != 0)
            bench_die(prog, "an English message matches no entry");
        mismatched += m.entry != e;
        errcat_match_free(&m);
        if (errcat_match_body(cat, r->bodies[i], r->body_len[i], &m) != 0)
            bench_die(prog, "an API error body matches no entry");
        errcat_match_free(&m);
    }
    if (same)
        fprintf(stderr, "%s: note: %ld of %ld descriptions in '%s' equal "
                "the English\n", prog, same, r->n,
                errcat_locale_name(r->loc));
    if (mismatched)
        fprintf(stderr, "%s: note: %ld bodies match another entry of "
                "their code (identical templates)\n", prog, mismatched);
}

/* In a thread of the two-locale test: nothing to set, the locale is an
 * argument of every call. */
static void
check_thread(void *arg)
{
    const struct lookup_run *r = arg;

    if (errcat_describe(cat, r->loc, r->values[0]) == NULL)
        bench_die(prog, "no description");
}

static int
bench_warm(void)
{
    struct lookup_run de, zh, english, threads[2];
    const struct errcat_locale *en = get_locale("en");
    struct bench_scaling sc;
    void *args[2];

    de.locale_name = "de";
    de.loc = get_locale("de");
    zh.loc = get_locale("zh_CN");
    if (strcmp(errcat_locale_name(de.loc), "de")
        || strcmp(errcat_locale_name(zh.loc), "zh_CN"))
        bench_die(prog, "no de or zh_CN translations under the locale "
                  "directory");
    make_run(&de, (long)errcat_entry_count(cat), 1);
    check_run(&de, en);
    zh = de;
    zh.loc = get_locale("zh_CN");

    bench_report("lookup_enum_ns", bench_ns_per_op(run_enum, &de));
    bench_report("lookup_code_ns", bench_ns_per_op(run_code, &de));
    bench_report("lookup_body_ns", bench_ns_per_op(run_body, &de));
    bench_report("lookup_body_json_ns", bench_ns_per_op(run_body_json, &de));
    bench_report("lookup_enum_by_name_ns",
                 bench_ns_per_op(run_enum_by_name, &de));
    english = de;
    english.loc = en;
    bench_report("lookup_enum_english_ns", bench_ns_per_op(run_enum, &english));

    threads[0] = de;
    threads[1] = zh;
    if (!strcmp(errcat_describe(cat, de.loc, de.values[0]),
                errcat_describe(cat, zh.loc, zh.values[0])))
        bench_die(prog, "de and zh_CN give the same text");
    args[0] = &threads[0];
    args[1] = &threads[1];
    sc = bench_threads_scaling(run_enum, args, check_thread);
    bench_report("threads2_scaling", sc.wall);
    bench_report("threads2_cpu_scaling", sc.cpu);
    bench_report("threads2_ns", sc.ns_two);
    return 0;
}

/* Lookups by code in a large catalog, over working sets of growing size
 * spread across it: 64 codes (caches warm, like the 66-entry figures: what
 * the hash design costs), 1000 codes (a busy server), every code in a
 * scattered order (each lookup misses the caches and the TLB: what the
 * memory costs). */
static int
bench_big(const char *sfx)
{
    static const struct {
        long n;
        const char *suffix;
    } sets[] = { { 64, "" }, { 1000, "_hot1000" }, { 0, "_all" } };
    struct lookup_run all, part;
    const struct errcat_locale *en = get_locale("en");
    char key[64];
    size_t i;

    all.loc = get_locale("de");
    make_run(&all, (long)errcat_entry_count(cat), 0);
    check_run(&all, en);
    for (i = 0; i < sizeof sets / sizeof *sets; i++) {
        part = all;
        if (sets[i].n && sets[i].n < all.n)
            part.n = sets[i].n;
        snprintf(key, sizeof key, "lookup_code%s%s_ns", sfx, sets[i].suffix);
        bench_report(key, bench_ns_per_op(run_code, &part));
        snprintf(key, sizeof key, "lookup_enum%s%s_ns", sfx, sets[i].suffix);
        bench_report(key, bench_ns_per_op(run_enum, &part));
    }
    return 0;
}

/* Bytes of heap in use: allocated from the arena and mapped. */
static double
heap_bytes(void)
{
    struct mallinfo2 mi = mallinfo2();

    return (double)mi.uordblks + (double)mi.hblkhd;
}

/* The heap a locale's first use took over its .mo file's size. */
static void
report_heap_ratio(const char *dir, const char *name, const char *key,
                  double before, double after)
{
    char path[4096], k[64];
    struct stat st;

    snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir, name,
             cat->domain);
    if (stat(path, &st) != 0 || st.st_size == 0)
        bench_die(prog, "cannot stat the locale's .mo file");
    snprintf(k, sizeof k, "%s_heap_ratio", key);
    bench_report(k, (after - before) / (double)st.st_size);
}

/* Reads every text of every entry in loc. */
static void
touch_all(const struct errcat_locale *loc)
{
    const struct errcat_entry *e;
    size_t i;

    for (i = 0; (e = errcat_entry_at(cat, i)) != NULL; i++) {
        BENCH_USE(errcat_description(cat, loc, e));
        BENCH_USE(errcat_message_template(cat, loc, e));
        BENCH_USE(errcat_measure(cat, loc, e));
        BENCH_USE(errcat_module_name(cat, loc, e));
    }
}

/* The first use of a locale in this process, then the same again after
 * errcat_catalog_release (page cache and allocator warm), median. */
static int
bench_first(const char *dir, const char *name, const char *key)
{
    const struct errcat_locale *loc;
    const struct errcat_entry *e = errcat_entry_at(cat, 0);
    double t0, t1, h0, h1, h2, v[BENCH_REPS];
    char k[64];
    const char *s;
    int r;

    h0 = heap_bytes();
    t0 = bench_now_ns();
    errcat_locale_get(cat, name, &loc);
    s = errcat_description(cat, loc, e);
    t1 = bench_now_ns();
    h1 = heap_bytes();
    BENCH_USE(s);
    /* every text read once: what a locale costs at most (measured before
       anything is printed: stdio's buffer is heap too) */
    touch_all(loc);
    h2 = heap_bytes();
    if (!strcmp(errcat_locale_name(loc), "en"))
        bench_die(prog, "the locale has no translations to load");
    snprintf(k, sizeof k, "%s_us", key);
    bench_report(k, (t1 - t0) / 1e3);
    snprintf(k, sizeof k, "%s_first", key);
    report_heap_ratio(dir, errcat_locale_name(loc), k, h0, h1);
    report_heap_ratio(dir, errcat_locale_name(loc), key, h0, h2);
    for (r = 0; r < BENCH_REPS; r++) {
        errcat_catalog_release(cat);
        if (errcat_bind(cat, dir) != 0)
            bench_die(prog, "errcat_bind failed");
        t0 = bench_now_ns();
        errcat_locale_get(cat, name, &loc);
        s = errcat_description(cat, loc, e);
        v[r] = bench_now_ns() - t0;
        BENCH_USE(s);
    }
    snprintf(k, sizeof k, "%s_reload_us", key);
    bench_report(k, bench_median(v, BENCH_REPS) / 1e3);
    return 0;
}

int
main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s warm|big|first LOCALEDIR [...]\n", prog);
        return 2;
    }
    if (errcat_bind(cat, argv[2]) != 0)
        bench_die(prog, "errcat_bind failed");
    if (!strcmp(argv[1], "warm") && argc == 3)
        return bench_warm();
    if (!strcmp(argv[1], "big") && argc == 4)
        return bench_big(argv[3]);
    if (!strcmp(argv[1], "first") && argc == 5)
        return bench_first(argv[2], argv[3], argv[4]);
    fprintf(stderr, "%s: error: bad arguments\n", prog);
    return 2;
}
