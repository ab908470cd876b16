/*
 * test_stress.c - concurrency stress of liberrcat: 8 threads,
 * each cycling through 4 locales, look entries up by enum value, by code,
 * by API error body and through Accept-Language, while another thread
 * keeps changing the process locale (setlocale, LANGUAGE, LC_ALL, LANG).
 * Every result is compared with the answer computed single-threaded
 * before the threads start; the locales start cold, so the threads also
 * race on the first load. Zero results in the wrong language.
 *
 * ERRCAT_STRESS_LOOKUPS sets the lookups per thread and locale: the
 * issue's full size is 1000000 (make stress, make tsan); make check runs
 * a smaller count.
 */
#include <locale.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "csbs.h"
#include "errcat.h"

#define THREADS 8
#define LOCALES 4
#define DEFAULT_LOOKUPS 100000

static const struct errcat_catalog *const cat = &csbs_catalog;

/* Each locale as asked per call, the header asking for it, and the
   locale the runtime must answer with. */
static const struct {
    const char *name;
    const char *accept;
    const char *used;
} locales[LOCALES] = {
    { "zh-Hans-CN", "zh-Hans-CN, de;q=0.5", "zh_CN" },
    { "de_DE.UTF-8", "fr;q=0.9, de-DE;q=0.8, *;q=0.1", "de" },
    { "de-CH", "de-CH", "de" },
    { "en_US.UTF-8", "en-US, de;q=0.9", "en" },
};

static const char *const args[] = { "ecs-01", "vol-02", "region-3" };

/* The right answers, per locale and entry. */
struct expect {
    char *description;
    char *measure;
    char *module;
    char *message;      /* formatted with args */
};

static struct expect expected[LOCALES][CSBS_ENTRY_COUNT];

static char *bodies[CSBS_ENTRY_COUNT];  /* JSON body; NULL: ambiguous */
static unsigned long lookups = DEFAULT_LOOKUPS;
static int stop;                /* atomic: the meddler's signal */

struct worker {
    int id;
    unsigned long wrong;
    unsigned long done;
    char first_wrong[256];
};

static char *
format_new(const struct errcat_locale *loc, const struct errcat_entry *e)
{
    size_t n = errcat_format(cat, loc, e, args, 3, NULL, 0);
    char *s = malloc(n + 1);

    assert_non_null(s);
    errcat_format(cat, loc, e, args, 3, s, n + 1);
    return s;
}

static char *
xdup(const char *s)
{
    char *d = strdup(s);

    assert_non_null(d);
    return d;
}

/* Computes every answer single-threaded, then forgets the loaded locales
   so that the threads start cold. */
static int
setup(void **state)
{
    const char *env = getenv("ERRCAT_STRESS_LOOKUPS");
    const struct errcat_locale *loc;
    struct errcat_match m;
    char body[4096];
    unsigned i, l;

    (void)state;
    if (env && *env)
        lookups = strtoul(env, NULL, 10);
    if (errcat_bind(cat, ERRCAT_BUILD_LOCALEDIR) != 0)
        return -1;
    for (l = 0; l < LOCALES; l++) {
        if (errcat_locale_get(cat, locales[l].name, &loc) != 0
            || strcmp(errcat_locale_name(loc), locales[l].used) != 0)
            return -1;
        for (i = 0; i < cat->n_entries; i++) {
            const struct errcat_entry *e = &cat->entries[i];
            struct expect *x = &expected[l][i];

            x->description = xdup(errcat_description(cat, loc, e));
            x->measure = xdup(errcat_measure(cat, loc, e));
            x->module = xdup(errcat_module_name(cat, loc, e));
            x->message = format_new(loc, e);
        }
    }
    /* the translations differ from English, or the test proves little */
    if (strcmp(expected[0][0].description, expected[3][0].description) == 0
        || strcmp(expected[1][0].description, expected[3][0].description)
        == 0)
        return -1;
    for (i = 0; i < cat->n_entries; i++) {
        long n = errcat_json_body(cat, &cat->entries[i], args, 3, body,
                                  sizeof body);

        if (n < 0 || (size_t)n >= sizeof body)
            return -1;
        if (errcat_match_body(cat, body, (size_t)n, &m) == 0
            && m.entry == &cat->entries[i])
            bodies[i] = xdup(body);
        errcat_match_free(&m);
    }
    errcat_catalog_release(cat);
    return errcat_bind(cat, ERRCAT_BUILD_LOCALEDIR);
}

static int
teardown(void **state)
{
    unsigned i, l;

    (void)state;
    for (l = 0; l < LOCALES; l++)
        for (i = 0; i < cat->n_entries; i++) {
            free(expected[l][i].description);
            free(expected[l][i].measure);
            free(expected[l][i].module);
            free(expected[l][i].message);
        }
    for (i = 0; i < cat->n_entries; i++)
        free(bodies[i]);
    errcat_catalog_release(cat);
    return 0;
}

static void
wrong(struct worker *w, const char *what, const char *got, const char *want)
{
    if (w->wrong++ == 0)
        snprintf(w->first_wrong, sizeof w->first_wrong,
                 "thread %d: %s: got '%.60s', want '%.60s'", w->id, what,
                 got ? got : "(null)", want ? want : "(null)");
}

static void
same(struct worker *w, const char *what, const char *got, const char *want)
{
    if (got == NULL || strcmp(got, want) != 0)
        wrong(w, what, got, want);
}

/* One lookup of kind k in locale l, entry i. */
static void
lookup(struct worker *w, unsigned k, unsigned l, unsigned i)
{
    const struct errcat_locale *loc = NULL;
    const struct errcat_entry *e;
    struct errcat_match m;
    char buf[1024];

    switch (k) {
    case 0:                     /* by enum value, locale per call */
        if (errcat_locale_get(cat, locales[l].name, &loc) != 0)
            wrong(w, "locale_get", locales[l].name, "0");
        same(w, "locale", errcat_locale_name(loc), locales[l].used);
        e = errcat_find(cat, cat->entries[i].value);
        same(w, "description", errcat_description(cat, loc, e),
             expected[l][i].description);
        break;
    case 1:                     /* by code: every entry of the code */
        errcat_locale_get(cat, locales[l].name, &loc);
        for (e = errcat_find_code(cat, cat->entries[i].code); e;
             e = errcat_next_same_code(cat, e))
            same(w, "measure", errcat_measure(cat, loc, e),
                 expected[l][e - cat->entries].measure);
        break;
    case 2:                     /* by API error body */
        if (!bodies[i])
            break;
        errcat_locale_get(cat, locales[l].name, &loc);
        if (errcat_match_body(cat, bodies[i], strlen(bodies[i]), &m) != 0
            || m.entry != &cat->entries[i]) {
            wrong(w, "match", bodies[i], cat->entries[i].code);
        } else {
            errcat_format(cat, loc, m.entry, m.args, m.nargs, buf,
                          sizeof buf);
            same(w, "message", buf, expected[l][i].message);
        }
        errcat_match_free(&m);
        break;
    default:                    /* through Accept-Language */
        errcat_locale_accept(cat, locales[l].accept, &loc);
        same(w, "accept", errcat_locale_name(loc), locales[l].used);
        same(w, "module", errcat_module_name(cat, loc, &cat->entries[i]),
             expected[l][i].module);
        break;
    }
}

static void *
work(void *arg)
{
    struct worker *w = arg;
    unsigned long n, total = lookups * LOCALES;
    unsigned seed = (unsigned)w->id * 2654435761u + 1;

    for (n = 0; n < total; n++) {
        seed = seed * 1103515245u + 12345u;
        lookup(w, (unsigned)(n % 4), (unsigned)((n / 4 + (unsigned)w->id)
                                                % LOCALES),
               (seed >> 8) % cat->n_entries);
    }
    w->done = total;
    return NULL;
}

/* Changes the process locale and environment until told to stop. */
static void *
meddle(void *arg)
{
    static const char *const langs[] = {
        "zh_CN:de", "de", "fr", "en", "de_DE.UTF-8", "C"
    };
    unsigned long *changes = arg;
    unsigned k = 0;

    while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE)) {
        const char *lang = langs[k % (sizeof langs / sizeof *langs)];

        setlocale(LC_ALL, k % 2 ? "C.UTF-8" : "C");
        setenv("LANGUAGE", lang, 1);
        setenv("LC_ALL", lang, 1);
        if (k % 3 == 0)
            unsetenv("LC_ALL");
        setenv("LANG", k % 2 ? "de_DE.UTF-8" : "zh_CN.UTF-8", 1);
        k++;
    }
    *changes = k;
    return NULL;
}

static void
test_stress_threads_get_only_their_language(void **state)
{
    struct worker w[THREADS];
    pthread_t t[THREADS], env;
    unsigned long changes = 0, wrong_total = 0, done = 0;
    struct timespec t0, t1;
    double secs;
    int i;

    (void)state;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    __atomic_store_n(&stop, 0, __ATOMIC_RELEASE);
    assert_int_equal(pthread_create(&env, NULL, meddle, &changes), 0);
    for (i = 0; i < THREADS; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].id = i;
        assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
    }
    for (i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(t[i], NULL), 0);
        wrong_total += w[i].wrong;
        done += w[i].done;
        if (w[i].wrong)
            fprintf(stderr, "%s (%lu wrong)\n", w[i].first_wrong,
                    w[i].wrong);
    }
    __atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
    assert_int_equal(pthread_join(env, NULL), 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    fprintf(stderr, "stress: %d threads x %d locales x %lu lookups = %lu "
            "in %.2f s, %lu environment changes, %lu wrong\n", THREADS,
            LOCALES, lookups, done, secs, changes, wrong_total);
    assert_int_equal(done, (unsigned long)THREADS * LOCALES * lookups);
    assert_int_equal(wrong_total, 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stress_threads_get_only_their_language),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
