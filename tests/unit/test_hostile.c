/*
 * test_hostile.c - hostile Accept-Language headers through the public API:
 * 100 kB headers of 10,000 items, distinct or not,
 * valid or garbage, answered with a defined locale, in bounded time and
 * with a bounded locale cache. The parser itself is tested in
 * test_accept.c; unsafe names, hostile .mo files and bodies in
 * test_locale.c, test_mo.c and test_json.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "csbs.h"
#include "errcat_int.h"

#define ITEMS 10000
#define ROUNDS 50

static const struct errcat_catalog *const cat = &csbs_catalog;
static char header[ITEMS * 24];

static int
setup(void **state)
{
    (void)state;
    return errcat_bind(cat, ERRCAT_BUILD_LOCALEDIR);
}

static int
teardown(void **state)
{
    (void)state;
    errcat_catalog_release(cat);
    return 0;
}

static double
now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static size_t
nodes(void)
{
    const struct errcat_locale *l;
    size_t n = 0;

    for (l = cat->cache->locales; l; l = l->next)
        n++;
    return n;
}

/* Asks ROUNDS times; returns the locale used, checks the time taken. */
static const char *
accept_rounds(const char *h)
{
    const struct errcat_locale *loc = NULL;
    const char *used = NULL;
    double t0 = now(), secs;
    int i;

    for (i = 0; i < ROUNDS; i++) {
        loc = NULL;
        assert_int_equal(errcat_locale_accept(cat, h, &loc), 0);
        assert_non_null(loc);
        if (used)
            assert_string_equal(errcat_locale_name(loc), used);
        used = errcat_locale_name(loc);
        assert_non_null(errcat_description(cat, loc, &cat->entries[0]));
    }
    secs = now() - t0;
    /* about 100 kB parsed per call: far below a millisecond each; the
       bound leaves room for sanitizers and valgrind */
    if (secs > 20.0)
        fail_msg("%d calls took %.1f s", ROUNDS, secs);
    assert_true(nodes() <= ERRCAT__ALIAS_MAX + 8);
    return used;
}

static void
test_hostile_accept_distinct_absent_languages(void **state)
{
    size_t len = 0, i;

    (void)state;
    /* 10,000 distinct well-formed tags, none translated, best q first
       (no zh: plain Chinese is Simplified, which is translated) */
    for (i = 0; i < ITEMS; i++)
        len += (size_t)snprintf(header + len, sizeof header - len,
                                "%c%c-%04zu;q=0.%03zu, ", 'a' + (int)(i % 26),
                                i % 26 == 25 && i / 26 % 26 == 7 ? 'q'
                                : 'a' + (int)(i / 26 % 26), i,
                                999 - i % 999);
    assert_true(len > 100000);
    assert_string_equal(accept_rounds(header), "en");
}

static void
test_hostile_accept_translation_after_many_items(void **state)
{
    size_t len = 0, i;

    (void)state;
    /* German last but best: found however long the header */
    for (i = 0; i < ITEMS - 1; i++)
        len += (size_t)snprintf(header + len, sizeof header - len,
                                "x%zu;q=0.1,", i % 97);
    snprintf(header + len, sizeof header - len, "de-CH;q=0.9");
    assert_string_equal(accept_rounds(header), "de");
    /* the same with 10,000 items of German: one answer */
    len = 0;
    for (i = 0; i < ITEMS; i++)
        len += (size_t)snprintf(header + len, sizeof header - len,
                                "zh-Hans-CN;q=0.%03zu,", 1 + i % 999);
    assert_string_equal(accept_rounds(header), "zh_CN");
}

static void
test_hostile_accept_garbage(void **state)
{
    static const char junk[] = ";,=q.0123456789 -\t\xff\x80*";
    size_t i;

    (void)state;
    /* 100 kB of separators, bad q-values, bytes outside ASCII */
    for (i = 0; i + 1 < sizeof header; i++)
        header[i] = junk[i % (sizeof junk - 1)];
    header[sizeof header - 1] = '\0';
    assert_non_null(accept_rounds(header));
    memset(header, ',', sizeof header - 1);
    assert_string_equal(accept_rounds(header), "en");
    memset(header, 'a', sizeof header - 1);         /* one 240 kB tag */
    assert_string_equal(accept_rounds(header), "en");
    assert_string_equal(accept_rounds("de;q=0, de-CH"), "en");
    assert_string_equal(accept_rounds("*;q=0.5, de;q=0.4"), "en");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hostile_accept_distinct_absent_languages),
        cmocka_unit_test(test_hostile_accept_translation_after_many_items),
        cmocka_unit_test(test_hostile_accept_garbage),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
