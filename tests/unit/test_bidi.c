/*
 * test_bidi.c - bidi isolation of arguments: in a right-to-left locale
 * errcat_format wraps each argument in U+2068 ... U+2069, left-to-right
 * locales and English are unchanged, a call can opt out, and the API body
 * never gets them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "errcat_int.h"
#include "csbs.h"
#include "../fixtures/fixture_catalog.h"
#include "../fixtures/fixture_locale.h"

#define FSI "\xe2\x81\xa8"
#define PDI "\xe2\x81\xa9"

static const struct errcat_catalog *const cat = &fixture_catalog;
static char dir[256];

/* A test locale: the fixture's message of FIX_SERVER_ALREADY_BOUND in
 * Arabic, and the same file under he and fa_IR; de from the fixture. */
static int
setup(void **state)
{
    static const struct mo_pair ar[] = {
        MO_PAIR("", MO_HEADER_UTF8),
        MO_PAIR("message\004Server (%s) is already in service.",
                "\xd8\xa7\xd9\x84\xd8\xae\xd8\xa7\xd8\xaf\xd9\x85 (%s) "
                "\xd9\x82\xd9\x8a\xd8\xaf \xd8\xa7\xd9\x84\xd8\xae\xd8\xaf"
                "\xd9\x85\xd8\xa9."),
    };
    unsigned char mo[1024];
    size_t n = mo_build(mo, sizeof mo, ar, 2, 0);
    const char *langs[] = { "ar", "he", "fa_IR", "ur" };
    size_t i;
    char cmd[700];

    (void)state;
    snprintf(dir, sizeof dir, "%s", fx_tempdir("bidi"));
    for (i = 0; i < sizeof langs / sizeof *langs; i++)
        fx_write(fx_mo_path(dir, langs[i], "errcat-fixture"), mo, n);
    snprintf(cmd, sizeof cmd, "msgfmt -o '%s' '%s/tests/fixtures/po/de.po'",
             fx_mo_path(dir, "de", "errcat-fixture"), ERRCAT_TOP);
    fx_sh(cmd);
    return errcat_bind(cat, dir);
}

static int
teardown(void **state)
{
    (void)state;
    errcat_catalog_release(cat);
    fx_rmdir(dir);
    return 0;
}

static const char *
format(const char *locale, unsigned flags, const char *arg)
{
    static char buf[256];
    const struct errcat_locale *loc;
    const char *args[1];
    size_t n;

    args[0] = arg;
    assert_int_equal(errcat_locale_get(cat, locale, &loc), 0);
    n = errcat_format_ex(cat, loc, errcat_find(cat, FIX_SERVER_ALREADY_BOUND),
                         args, 1, flags, buf, sizeof buf);
    assert_int_equal(n, strlen(buf));
    return buf;
}

static void
test_bidi_isolates_arguments_in_rtl_locales(void **state)
{
    const struct errcat_locale *loc;
    const char *args[] = { "ecs-01" };
    char buf[256];

    (void)state;
    assert_non_null(strstr(format("ar", 0, "ecs-01"), FSI "ecs-01" PDI));
    assert_non_null(strstr(format("ar_EG.UTF-8", 0, "ecs-01"),
                           FSI "ecs-01" PDI));
    assert_non_null(strstr(format("he", 0, "ecs-01"), FSI "ecs-01" PDI));
    assert_non_null(strstr(format("fa-IR", 0, "ecs-01"), FSI "ecs-01" PDI));
    assert_non_null(strstr(format("ur", 0, "ecs-01"), FSI "ecs-01" PDI));
    /* errcat_format itself isolates */
    assert_int_equal(errcat_locale_get(cat, "ar", &loc), 0);
    errcat_format(cat, loc, errcat_find(cat, FIX_SERVER_ALREADY_BOUND), args,
                  1, buf, sizeof buf);
    assert_non_null(strstr(buf, FSI "ecs-01" PDI));
    /* a laid-out field is isolated whole, padding and all */
    errcat__format_ex("x %5s y", "x %5s y", ERRCAT_FORMAT_PRINTF, args, 1, 1,
                      buf, sizeof buf);
    assert_string_equal(buf, "x " FSI "ecs-01" PDI " y");
    errcat__format_ex("x %8s y", "x %8s y", ERRCAT_FORMAT_PRINTF, args, 1, 1,
                      buf, sizeof buf);
    assert_string_equal(buf, "x " FSI "  ecs-01" PDI " y");
    /* only arguments: a placeholder left as written is not wrapped */
    errcat_format(cat, loc, errcat_find(cat, FIX_SERVER_ALREADY_BOUND), NULL,
                  0, buf, sizeof buf);
    assert_null(strstr(buf, FSI));
    assert_non_null(strstr(buf, "(%s)"));
}

static void
test_bidi_leaves_ltr_locales_alone(void **state)
{
    (void)state;
    assert_string_equal(format("de", 0, "ecs-01"),
                        "Server (ecs-01) ist bereits in Betrieb.");
    assert_string_equal(format("en", 0, "ecs-01"),
                        "Server (ecs-01) is already in service.");
    /* an RTL name without a translation is English, unchanged */
    assert_string_equal(format("yi", 0, "ecs-01"),
                        "Server (ecs-01) is already in service.");
    assert_null(strstr(format("zh_CN", 0, "ecs-01"), FSI));
}

static void
test_bidi_opt_out_per_call(void **state)
{
    (void)state;
    assert_null(strstr(format("ar", ERRCAT_NO_ISOLATE, "ecs-01"), FSI));
    assert_non_null(strstr(format("ar", ERRCAT_NO_ISOLATE, "ecs-01"),
                           "(ecs-01)"));
    assert_non_null(strstr(format("ar", 0, "ecs-01"), FSI));
}

static void
test_bidi_never_in_the_api_body(void **state)
{
    const struct errcat_locale *loc;
    const char *args[] = { "ecs-01" };
    char buf[1024];

    (void)state;
    assert_int_equal(errcat_locale_get(cat, "ar", &loc), 0);
    assert_true(errcat_json_body(cat, errcat_find(cat,
                                                  FIX_SERVER_ALREADY_BOUND),
                                 args, 1, buf, sizeof buf) > 0);
    assert_null(strstr(buf, FSI));
    assert_non_null(strstr(buf, "Server (ecs-01) is already in service."));
    /* the localized body: error_msg is the API's, message is Arabic */
    assert_true(errcat_json_localized(cat, loc,
                                      errcat_find(cat,
                                                  FIX_SERVER_ALREADY_BOUND),
                                      args, 1, buf, sizeof buf) > 0);
    assert_non_null(strstr(buf, "\"error_msg\":\"Server (ecs-01) is already "
                           "in service.\""));
    assert_non_null(strstr(buf, FSI "ecs-01" PDI));
}

static void
test_bidi_truncation_keeps_whole_characters(void **state)
{
    const struct errcat_locale *loc;
    const char *args[] = { "ecs-01" };
    char whole[256], cut[256];
    size_t n, i;

    (void)state;
    assert_int_equal(errcat_locale_get(cat, "ar", &loc), 0);
    n = errcat_format(cat, loc, errcat_find(cat, FIX_SERVER_ALREADY_BOUND),
                      args, 1, whole, sizeof whole);
    for (i = 1; i <= n + 1; i++) {
        assert_int_equal(errcat_format(cat, loc,
                                       errcat_find(cat,
                                                   FIX_SERVER_ALREADY_BOUND),
                                       args, 1, cut, i), n);
        assert_true(errcat__utf8_valid(cut, strlen(cut)));
        assert_memory_equal(cut, whole, strlen(cut));
    }
}

/* The shipped Arabic translation, once po/ar.po ships: CSBS.6004 with
 * ecs-01 holds U+2068 ecs-01 U+2069; in German plain ecs-01. */
static void
test_bidi_shipped_catalog(void **state)
{
    const struct errcat_catalog *c = &csbs_catalog;
    const struct errcat_entry *e;
    const struct errcat_locale *loc;
    const char *args[] = { "ecs-01" };
    char buf[1024];
    size_t i;

    (void)state;
    assert_int_equal(errcat_bind(c, ERRCAT_BUILD_LOCALEDIR), 0);
    for (i = 0; (e = errcat_entry_at(c, i)) != NULL; i++)
        if (strcmp(errcat_entry_code(e), "CSBS.6004") == 0)
            break;
    assert_non_null(e);
    assert_int_equal(errcat_locale_get(c, "de", &loc), 0);
    errcat_format(c, loc, e, args, 1, buf, sizeof buf);
    assert_non_null(strstr(buf, "ecs-01"));
    assert_null(strstr(buf, FSI));
    assert_int_equal(errcat_locale_get(c, "ar", &loc), 0);
    if (strcmp(errcat_locale_name(loc), "ar") != 0) {
        printf("NOTE: no ar translation of the shipped catalog yet: the "
               "Arabic test locale above stands in for it\n");
    } else {
        errcat_format(c, loc, e, args, 1, buf, sizeof buf);
        assert_non_null(strstr(buf, FSI "ecs-01" PDI));
    }
    errcat_catalog_release(c);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bidi_isolates_arguments_in_rtl_locales),
        cmocka_unit_test(test_bidi_leaves_ltr_locales_alone),
        cmocka_unit_test(test_bidi_opt_out_per_call),
        cmocka_unit_test(test_bidi_never_in_the_api_body),
        cmocka_unit_test(test_bidi_truncation_keeps_whole_characters),
        cmocka_unit_test(test_bidi_shipped_catalog),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
