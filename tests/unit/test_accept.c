/*
 * test_accept.c - Accept-Language: the parser (q-values, malformed items,
 * bounded work on huge headers) and the negotiation against the
 * translations present.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "errcat_int.h"
#include "../fixtures/fixture_catalog.h"
#include "../fixtures/fixture_locale.h"

static const struct errcat_catalog *const cat = &fixture_catalog;
static const char *dir;


static struct errcat__accept_item items[ERRCAT__ACCEPT_MAX];

static size_t
parse(const char *h)
{
    return errcat__accept_parse(h, items, ERRCAT__ACCEPT_MAX);
}

static int
tag_is(size_t i, const char *tag)
{
    return items[i].len == strlen(tag)
        && memcmp(items[i].tag, tag, items[i].len) == 0;
}

static void
test_accept_parses_q_values(void **state)
{
    (void)state;
    assert_int_equal(parse("de-CH;q=0.9, zh-Hans;q=0.8, *;q=0.1, fr"), 4);
    assert_true(tag_is(0, "fr"));
    assert_int_equal(items[0].q, 1000);
    assert_true(tag_is(1, "de-CH"));
    assert_int_equal(items[1].q, 900);
    assert_true(tag_is(2, "zh-Hans"));
    assert_true(tag_is(3, "*"));
    assert_int_equal(items[3].q, 100);
    assert_int_equal(parse("a;q=0.123,b;q=1.000,c;Q=0,d;q=0."), 4);
    assert_true(tag_is(0, "b"));
    assert_int_equal(items[1].q, 123);
    assert_int_equal(items[2].q, 0);        /* d: "0." is 0 */
    assert_int_equal(items[3].q, 0);
    assert_true(tag_is(2, "c"));            /* equal q: header order */
}

static void
test_accept_skips_malformed_items(void **state)
{
    (void)state;
    assert_int_equal(parse(""), 0);
    assert_int_equal(parse(",,, ,\t,"), 0);
    assert_int_equal(parse("de;q=2, de;q=1.001, de;q=0.1234, de;q=-1, "
                           "de;q=.5, de;q = 0.5, de;x=1, de;q=0.5.5, de q=1, "
                           "de-, -de, d@e, de--CH, 1de, abcdefghi, "
                           "de-abcdefghi, de;q=, ;q=0.5, *-de"), 0);
    assert_int_equal(parse("garbage!!, de"), 1);
    assert_true(tag_is(0, "de"));
    assert_int_equal(parse(" \t de-CH \t ; \t q=0.9 \t "), 1);
    assert_true(tag_is(0, "de-CH"));
    assert_int_equal(items[0].q, 900);
}

static void
test_accept_keeps_best_items_of_huge_headers(void **state)
{
    size_t cap = 10000 * 16, len = 0, i, n;
    char *h = malloc(cap);

    (void)state;
    assert_non_null(h);
    for (i = 0; i < 10000; i++)
        len += (size_t)snprintf(h + len, cap - len, "x-%zu;q=0.%03zu,",
                                i % 9999, i % 1000);
    n = parse(h);
    assert_int_equal(n, ERRCAT__ACCEPT_MAX);
    /* ten items of each q: 0.999 first, then 0.998, ... */
    for (i = 0; i < n; i++)
        assert_int_equal(items[i].q, 999 - i / 10);
    for (i = 1; i < n; i++)
        if (items[i - 1].q == items[i].q)
            assert_true(items[i - 1].order < items[i].order);
    free(h);
}

static const char *
negotiate(const char *header)
{
    const struct errcat_locale *loc = NULL;

    assert_int_equal(errcat_locale_accept(cat, header, &loc), 0);
    assert_non_null(loc);
    return errcat_locale_name(loc);
}

static void
test_accept_negotiates_translations_present(void **state)
{
    (void)state;
    assert_string_equal(negotiate("de-CH;q=0.9, zh-Hans;q=0.8, *;q=0.1"), "de");
    assert_string_equal(negotiate("zh-Hans;q=0.8, de-CH;q=0.7"), "zh_CN");
    assert_string_equal(negotiate("zh-Hans-CN, de;q=0.5"), "zh_CN");
    assert_string_equal(negotiate("fr;q=0.9, de;q=0.8"), "de");
    assert_string_equal(negotiate("fr"), "en");
    assert_string_equal(negotiate("de-AT"), "de_AT");
    assert_string_equal(negotiate("DE"), "de");
    assert_string_equal(negotiate("zh, de;q=0.1"), "de");   /* no zh.mo */
    assert_string_equal(negotiate("en, de"), "en");
    assert_string_equal(negotiate("en-GB, de"), "en");
    assert_string_equal(negotiate("*, de;q=0.5"), "en");
    assert_string_equal(negotiate("de;q=0.001, fr;q=1"), "de");
    assert_string_equal(negotiate("la, de;q=0.5"), "de");    /* not UTF-8 */
}

static void
test_accept_honours_not_acceptable(void **state)
{
    (void)state;
    assert_string_equal(negotiate("de-CH, de;q=0"), "en");
    assert_string_equal(negotiate("de;q=0, zh-CN;q=0.2"), "zh_CN");
    assert_string_equal(negotiate("de-AT, de;q=0"), "de_AT");
    assert_string_equal(negotiate("de-CH, DE;q=0, zh-Hans;q=0.1"), "zh_CN");
}

static void
test_accept_falls_back_to_english(void **state)
{
    const struct errcat_locale *loc = NULL;

    (void)state;
    assert_string_equal(negotiate(""), "en");
    assert_string_equal(negotiate(NULL), "en");
    assert_string_equal(negotiate("garbage"), "en");
    assert_string_equal(negotiate("\x01\x02;;;,,,==="), "en");
    assert_string_equal(negotiate("../../etc/passwd"), "en");
    assert_int_equal(errcat_locale_accept(NULL, "de", &loc), ERRCAT_EINVAL);
    assert_string_equal(errcat_locale_name(loc), "en");
}

static void
test_accept_bounds_hostile_headers(void **state)
{
    size_t cap = 200000, len = 0, i;
    char *h = malloc(cap);
    clock_t t0 = clock();

    (void)state;
    assert_non_null(h);
    /* 100 kB of unacceptable items, then German */
    while (len < 100000)
        len += (size_t)snprintf(h + len, cap - len, "fr;q=0.5, ");
    snprintf(h + len, cap - len, "de");
    assert_string_equal(negotiate(h), "de");
    /* 10,000 distinct tags, none present */
    for (len = 0, i = 0; i < 10000; i++)
        len += (size_t)snprintf(h + len, cap - len, "q%c%c-x%zu,",
                                'a' + (int)(i % 26), 'a' + (int)(i / 26 % 26),
                                i);
    assert_string_equal(negotiate(h), "en");
    assert_string_equal(negotiate(h), "en");
    /* one item of 100 kB */
    memset(h, 'a', 100000);
    h[100000] = '\0';
    assert_string_equal(negotiate(h), "en");
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
    free(h);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accept_parses_q_values),
        cmocka_unit_test(test_accept_skips_malformed_items),
        cmocka_unit_test(test_accept_keeps_best_items_of_huge_headers),
        cmocka_unit_test_setup_teardown(test_accept_negotiates_translations_present,
                                        fx_bind, fx_release),
        cmocka_unit_test_setup_teardown(test_accept_honours_not_acceptable,
                                        fx_bind, fx_release),
        cmocka_unit_test_setup_teardown(test_accept_falls_back_to_english,
                                        fx_bind, fx_release),
        cmocka_unit_test_setup_teardown(test_accept_bounds_hostile_headers,
                                        fx_bind, fx_release),
    };
    int rc;

    dir = fx_locale_dir();
    rc = cmocka_run_group_tests(tests, NULL, NULL);
    fx_rmdir(dir);
    return rc;
}
