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
    /* q=0 items are not acceptable: not kept, found by a scan instead */
    assert_int_equal(parse("a;q=0.123,b;q=1.000,c;Q=0,d;q=0.,e;q=0.5,f;q=.5"),
                     3);
    assert_true(tag_is(0, "b"));
    assert_true(tag_is(1, "e"));
    assert_true(tag_is(2, "a"));
    assert_int_equal(items[2].q, 123);
    assert_int_equal(parse("x;q=0.5, y;q=0.5"), 2);
    assert_true(tag_is(0, "x"));            /* equal q: header order */
    assert_true(errcat__accept_excluded("a;q=0.123,b,c;Q=0,d;q=0.", "c"));
    assert_true(errcat__accept_excluded("a;q=0.123,b,c;Q=0,d;q=0.", "D"));
    assert_false(errcat__accept_excluded("a;q=0.123,b,c;Q=0,d;q=0.", "a"));
    assert_false(errcat__accept_excluded("de-CH;q=0", "de"));
    assert_false(errcat__accept_excluded("de;q=0", "de-CH"));
    assert_false(errcat__accept_excluded(NULL, "de"));
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
    assert_string_equal(negotiate("zh, de;q=0.1"), "zh_CN");    /* Hans */
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

/* env -i errcat --accept-language 'en;q=0, *, de;q=0.5': "*" never gives
 * what the header excluded; here the source English. */
static void
test_accept_star_never_gives_an_excluded_language(void **state)
{
    (void)state;
    assert_string_equal(negotiate("en;q=0, *, de;q=0.5"), "de");
    assert_string_equal(negotiate("*, EN;q=0, zh-CN;q=0.1"), "zh_CN");
    assert_string_equal(negotiate("en-US;q=0, *, de;q=0.5"), "en");
    assert_string_equal(negotiate("*;q=0.9, de;q=0.5"), "en");
    assert_string_equal(negotiate("en-GB;q=0.9, en;q=0, de;q=0.5"), "de");
}

/* 'de, de-x-priv;q=0' and 'de, de-1996;q=0': q=0 on a longer tag
 * excludes that tag, not its language (as every peer has it). */
static void
test_accept_q0_on_a_longer_tag_excludes_only_it(void **state)
{
    (void)state;
    assert_string_equal(negotiate("de, de-x-priv;q=0"), "de");
    assert_string_equal(negotiate("de, de-1996;q=0"), "de");
    assert_string_equal(negotiate("de, de-CH;q=0"), "de");
    assert_string_equal(negotiate("de-CH, de;q=0"), "en");
    assert_string_equal(negotiate("de-AT, de;q=0"), "de_AT");
    /* excluded de-AT: the lookup goes on down to de */
    assert_string_equal(negotiate("de-AT, de-at;q=0"), "de");
    assert_string_equal(negotiate("de-AT;q=0, de-AT-1996"), "de");
    assert_string_equal(negotiate("zh-CN, zh-cn;q=0, de;q=0.1"), "de");
}

/* A directory with the fixture's translations and a zh_TW of its own. */
static const char *
with_zh_tw(void)
{
    static const struct mo_pair tw[] = {
        MO_PAIR("", MO_HEADER_UTF8),
        MO_PAIR("description\004The server does not exist.",
                "\xe4\xbc\xba\xe6\x9c\x8d\xe5\x99\xa8\xe4\xb8\x8d"
                "\xe5\xad\x98\xe5\x9c\xa8\xe3\x80\x82"),
    };
    static char copy[256];
    unsigned char mo[1024];
    char cmd[700];
    size_t n = mo_build(mo, sizeof mo, tw, 2, 0);

    snprintf(copy, sizeof copy, "%s", fx_tempdir("zhtw"));
    snprintf(cmd, sizeof cmd, "cp -R '%s'/. '%s'/", dir, copy);
    fx_sh(cmd);
    fx_write(fx_mo_path(copy, "zh_TW", "errcat-fixture"), mo, n);
    errcat_catalog_release(cat);
    assert_int_equal(errcat_bind(cat, copy), 0);
    return copy;
}

/* 'zh-Hant-CN' is Traditional: never zh_CN; once zh_TW is there,
 * zh-Hant, zh-TW, zh-HK, zh-MO and zh-Hant-* go to it, and zh, zh-CN,
 * zh-SG and zh-Hans-* to zh_CN. */
static void
test_accept_script_subtag_is_honoured(void **state)
{
    static const char *const hant[] = {
        "zh-Hant-CN", "zh-Hant", "zh-TW", "zh-HK", "zh-MO", "zh-Hant-TW",
        "zh-Hant-HK", "zh-hant-sg", "ZH-TW", "zh-Hant-CN-x-private",
    };
    static const char *const hans[] = {
        "zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-CN", "zh-Hans-TW",
        "zh-Hans-HK", "zh-hans-mo", "ZH-cn", "zh-Hans-SG-x-private",
    };
    const struct errcat_locale *loc;
    const char *copy;
    char h[80];
    size_t i;

    (void)state;
    /* without zh_TW: a Traditional tag finds nothing Chinese */
    for (i = 0; i < sizeof hant / sizeof *hant; i++) {
        snprintf(h, sizeof h, "%s, de;q=0.5", hant[i]);
        assert_string_equal(negotiate(h), "de");
        assert_int_equal(errcat_locale_get(cat, hant[i], &loc), 0);
        assert_string_equal(errcat_locale_name(loc), "en");
    }
    for (i = 0; i < sizeof hans / sizeof *hans; i++) {
        snprintf(h, sizeof h, "%s, de;q=0.5", hans[i]);
        assert_string_equal(negotiate(h), "zh_CN");
    }
    copy = with_zh_tw();
    for (i = 0; i < sizeof hant / sizeof *hant; i++) {
        snprintf(h, sizeof h, "%s, de;q=0.5", hant[i]);
        assert_string_equal(negotiate(h), "zh_TW");
        assert_int_equal(errcat_locale_get(cat, hant[i], &loc), 0);
        assert_string_equal(errcat_locale_name(loc), "zh_TW");
    }
    for (i = 0; i < sizeof hans / sizeof *hans; i++) {
        snprintf(h, sizeof h, "%s, de;q=0.5", hans[i]);
        assert_string_equal(negotiate(h), "zh_CN");
        assert_int_equal(errcat_locale_get(cat, hans[i], &loc), 0);
        assert_string_equal(errcat_locale_name(loc), "zh_CN");
    }
    assert_string_equal(negotiate("zh-Hant-TW;q=0, zh-Hant, de;q=0.1"), "de");
    errcat_catalog_release(cat);
    fx_rmdir(copy);
}

/* 'de-CH, de;q=0' and 63 x ', fr;q=0.5': the 64-item bound never drops
 * an exclusion, and a repeated tag counts once. */
static void
test_accept_bound_keeps_exclusions_and_ignores_repeats(void **state)
{
    char h[8192];
    size_t len, i;

    (void)state;
    len = (size_t)snprintf(h, sizeof h, "de-CH, de;q=0");
    for (i = 0; i < 63; i++)
        len += (size_t)snprintf(h + len, sizeof h - len, ", fr;q=0.5");
    assert_string_equal(negotiate(h), "en");
    /* 200 distinct tags before the exclusion: still honoured */
    len = (size_t)snprintf(h, sizeof h, "de-CH");
    for (i = 0; i < 200; i++)
        len += (size_t)snprintf(h + len, sizeof h - len, ", x%03zu;q=0.5", i);
    snprintf(h + len, sizeof h - len, ", de;q=0");
    assert_string_equal(negotiate(h), "en");
    /* 100 repeats of one tag leave room for the next */
    len = 0;
    for (i = 0; i < 100; i++)
        len += (size_t)snprintf(h + len, sizeof h - len, "%s;q=0.5, ",
                                i % 2 ? "fr" : "FR");
    snprintf(h + len, sizeof h - len, "de;q=0.1");
    assert_string_equal(negotiate(h), "de");
    /* a repeat keeps its best q: de;q=0.9 beats zh-CN;q=0.5 */
    assert_string_equal(negotiate("de;q=0.1, zh-CN;q=0.5, de;q=0.9"), "de");
    /* a tag too long for a locale name is truncated as Lookup does */
    assert_string_equal(negotiate("de-AT-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd"
                                  "-eeeeeeee-ffffffff-x-gggggggg"), "de_AT");
    /* ... and the same tag with q=0 anywhere is not acceptable */
    assert_string_equal(negotiate("de, zh-CN;q=0.5, de;q=0"), "zh_CN");
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
#define T(name) cmocka_unit_test_setup_teardown(name, fx_bind, fx_release)
        T(test_accept_star_never_gives_an_excluded_language),
        T(test_accept_q0_on_a_longer_tag_excludes_only_it),
        T(test_accept_script_subtag_is_honoured),
        T(test_accept_bound_keeps_exclusions_and_ignores_repeats),
#undef T
    };
    int rc;

    dir = fx_locale_dir();
    rc = cmocka_run_group_tests(tests, NULL, NULL);
    fx_rmdir(dir);
    return rc;
}
