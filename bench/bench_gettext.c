/*
 * bench_gettext.c - glibc's dgettext on the same .mo and the same messages
 * that liberrcat serves: the descriptions of the CSBS catalog, looked up by
 * the generated tables' own keys (msgctxt "\004" msgid).
 *   bench_gettext LOCALEDIR
 *   bench_gettext first LOCALEDIR
 * The second form times the first dgettext of a fresh process, which
 * finds, opens and reads the .mo: what bench_lookup first times for
 * liberrcat (setlocale and bindtextdomain come before, as errcat_bind).
 * Warm hits and misses run in one thread with LANGUAGE=de under C.UTF-8
 * (glibc ignores LANGUAGE in the "C" locale, and a fresh system has no
 * other). Two threads in two locales need real locales: when LOCPATH
 * holds de_DE.UTF-8 and zh_CN.UTF-8 each thread takes one by uselocale;
 * otherwise both threads use LANGUAGE=de and dgettext_threads_mode says so.
 * Every figure is checked to come from a translation, not the fallback.
 */
#include <libintl.h>
#include <locale.h>

#include "bench.h"
#include "csbs.h"
#include "errcat_catalog.h"

static const char *prog = "bench_gettext";
static const char *domain;

struct gettext_run {
    const char **keys;
    long n;
    locale_t locale;                /* for uselocale in a thread, or 0 */
    const char *expect;             /* translation of keys[0] there */
};

static void
run_dgettext(void *arg, long iters)
{
    const struct gettext_run *r = arg;
    long i, j = 0;

    for (i = 0; i < iters; i++) {
        const char *s = dgettext(domain, r->keys[j]);

        BENCH_USE(s);
        if (++j == r->n)
            j = 0;
    }
}

/* In a thread of the two-locale test: take the run's locale and check that
 * dgettext answers in it. */
static void
setup_thread(void *arg)
{
    const struct gettext_run *r = arg;

    if (r->locale)
        uselocale(r->locale);
    if (strcmp(dgettext(domain, r->keys[0]), r->expect) != 0)
        bench_die(prog, "a thread got a translation of another locale");
}

/* Translations of the keys in the current setting that differ from the
 * English source: the number of real hits. */
static long
count_translated(const struct errcat_catalog *cat, const char **keys, long n)
{
    long i, hits = 0;

    for (i = 0; i < n; i++) {
        const char *s = dgettext(domain, keys[i]);
        const char *msgid = cat->texts[cat->entries[i].description].msgid;

        hits += s != keys[i] && strcmp(s, msgid) != 0;
    }
    return hits;
}

/* The first dgettext of the process, in microseconds. */
static int
first_use(const struct errcat_catalog *cat)
{
    const char *key = cat->texts[cat->entries[0].description].key;
    const char *msgid = cat->texts[cat->entries[0].description].msgid;
    const char *s;
    double t0, t1;

    t0 = bench_now_ns();
    s = dgettext(domain, key);
    t1 = bench_now_ns();
    if (s == key || strcmp(s, msgid) == 0)
        bench_die(prog, "the first dgettext found no translation");
    bench_report("dgettext_first_us", (t1 - t0) / 1e3);
    return 0;
}

int
main(int argc, char **argv)
{
    const struct errcat_catalog *cat = &csbs_catalog;
    struct gettext_run hit, miss, th[2];
    void *args[2];
    long i, n = (long)cat->n_entries;
    char **miss_keys;
    struct bench_scaling sc;
    locale_t de, zh;
    int two_locales;

    if (argc != 2 && !(argc == 3 && !strcmp(argv[1], "first"))) {
        fprintf(stderr, "usage: %s [first] LOCALEDIR\n", prog);
        return 2;
    }
    domain = cat->domain;
    setenv("LANGUAGE", "de", 1);
    if (!setlocale(LC_ALL, "C.UTF-8"))
        bench_die(prog, "no C.UTF-8 locale");
    if (!bindtextdomain(domain, argv[argc - 1]))
        bench_die(prog, "bindtextdomain failed");
    if (argc == 3)
        return first_use(cat);

    hit.keys = malloc(sizeof *hit.keys * (size_t)n);
    miss_keys = malloc(sizeof *miss_keys * (size_t)n);
    if (!hit.keys || !miss_keys)
        bench_die(prog, "out of memory");
    for (i = 0; i < n; i++) {
        const char *key = cat->texts[cat->entries[i].description].key;

        hit.keys[i] = key;
        miss_keys[i] = malloc(strlen(key) + 16);
        if (!miss_keys[i])
            bench_die(prog, "out of memory");
        sprintf(miss_keys[i], "%s (missing)", key);
    }
    hit.n = n;
    hit.locale = 0;
    miss.keys = (const char **)miss_keys;
    miss.n = n;

    i = count_translated(cat, hit.keys, n);
    fprintf(stderr, "%s: dgettext translates %ld of %ld descriptions "
            "into German\n", prog, i, n);
    if (i < n)
        bench_die(prog, "dgettext does not return German for every "
                  "description: its figure would be meaningless");
    for (i = 0; i < n; i++)
        if (dgettext(domain, miss.keys[i]) != miss.keys[i])
            bench_die(prog, "a missing key was found");

    bench_report("dgettext_ns", bench_ns_per_op(run_dgettext, &hit));
    bench_report("dgettext_miss_ns", bench_ns_per_op(run_dgettext, &miss));

    /* Two threads, two locales when the system can have them. */
    th[0] = hit;
    th[1] = hit;
    de = newlocale(LC_ALL_MASK, "de_DE.UTF-8", (locale_t)0);
    zh = newlocale(LC_ALL_MASK, "zh_CN.UTF-8", (locale_t)0);
    two_locales = de && zh;
    if (two_locales) {
        unsetenv("LANGUAGE");
        th[0].locale = de;
        th[1].locale = zh;
    }
    for (i = 0; i < 2; i++) {
        locale_t old = th[i].locale ? uselocale(th[i].locale) : 0;

        th[i].expect = dgettext(domain, hit.keys[0]);
        if (old)
            uselocale(old);
        if (th[i].expect == hit.keys[0]
            || !strcmp(th[i].expect,
                       cat->texts[cat->entries[0].description].msgid))
            bench_die(prog, "no translation in a thread's locale");
    }
    if (two_locales && !strcmp(th[0].expect, th[1].expect))
        bench_die(prog, "de_DE and zh_CN give the same text");
    args[0] = &th[0];
    args[1] = &th[1];
    sc = bench_threads_scaling(run_dgettext, args, setup_thread);
    bench_report("dgettext_threads2_scaling", sc.wall);
    bench_report("dgettext_threads2_cpu_scaling", sc.cpu);
    bench_report("dgettext_threads2_ns", sc.ns_two);
    bench_report("dgettext_threads_two_locales", two_locales);
    if (!two_locales)
        fprintf(stderr, "%s: note: no de_DE.UTF-8 and zh_CN.UTF-8 "
                "locales: both dgettext threads ran in German\n", prog);

    for (i = 0; i < n; i++)
        free(miss_keys[i]);
    free(miss_keys);
    free(hit.keys);
    if (de)
        freelocale(de);
    if (zh)
        freelocale(zh);
    return 0;
}
