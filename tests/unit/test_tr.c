/*
 * test_tr.c - errcat's own text domain: errcat_tr along the fallback
 * chain and the environment, translations checked before use, the
 * runtime's fallbacks for unknown entries in the locale of the call,
 * hostile names and files, and threads.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "errcat_int.h"
#include "csbs.h"
#include "../fixtures/fixture_catalog.h"
#include "../fixtures/fixture_locale.h"

#ifndef ERRCAT_BUILD_LOCALEDIR
#error "ERRCAT_BUILD_LOCALEDIR must name build/locale (the Makefile does)"
#endif

/* The shipped translations, read from po/errcat/ by the build. */
#define ZH_UNKNOWN "未知错误"
#define DE_UNKNOWN "Unbekannter Fehler"

static void
set_env(const char *all, const char *messages, const char *lang,
        const char *language)
{
    const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE" };
    const char *values[] = { all, messages, lang, language };
    size_t i;

    for (i = 0; i < 4; i++)
        if (values[i])
            setenv(names[i], values[i], 1);
        else
            unsetenv(names[i]);
}

static int
bind_build(void **state)
{
    (void)state;
    return errcat_tr_bind(ERRCAT_BUILD_LOCALEDIR);
}

static void
test_tr_follows_the_chain(void **state)
{
    (void)state;
    assert_string_equal(errcat_tr("zh_CN", "Unknown error"), ZH_UNKNOWN);
    assert_string_equal(errcat_tr("zh_CN.UTF-8", "Unknown error"),
                        ZH_UNKNOWN);
    assert_string_equal(errcat_tr("zh-Hans-CN", "Unknown error"), ZH_UNKNOWN);
    assert_string_equal(errcat_tr("de", "Unknown error"), DE_UNKNOWN);
    assert_string_equal(errcat_tr("de_AT", "Unknown error"), DE_UNKNOWN);
    assert_string_equal(errcat_tr("de-CH", "Unknown error"), DE_UNKNOWN);
    assert_string_equal(errcat_tr("de_DE.UTF-8@euro", "Unknown error"),
                        DE_UNKNOWN);
    assert_string_equal(errcat_tr("en", "Unknown error"), "Unknown error");
    assert_string_equal(errcat_tr("fr", "Unknown error"), "Unknown error");
    assert_string_equal(errcat_tr("C", "Unknown error"), "Unknown error");
    /* a message the domain does not have is itself */
    assert_string_equal(errcat_tr("de", "no such message here"),
                        "no such message here");
    assert_null(errcat_tr("de", NULL));
    assert_string_equal(errcat_tr("de", ""), "");
}

static void
test_tr_is_borrowed_and_stable(void **state)
{
    const char *a, *b;

    (void)state;
    a = errcat_tr("de", "Unknown error");
    b = errcat_tr("de", "Unknown error");
    assert_ptr_equal(a, b);
    a = errcat_tr("de", "Contact technical support.");
    assert_string_not_equal(a, "Contact technical support.");
}

static void
test_tr_follows_the_environment(void **state)
{
    (void)state;
    set_env(NULL, NULL, "de_DE.UTF-8", NULL);
    assert_string_equal(errcat_tr(NULL, "Unknown error"), DE_UNKNOWN);
    assert_string_equal(errcat_tr("", "Unknown error"), DE_UNKNOWN);
    set_env(NULL, NULL, "C.UTF-8", "zh_CN");        /* as GNU gettext */
    assert_string_equal(errcat_tr(NULL, "Unknown error"), ZH_UNKNOWN);
    set_env(NULL, NULL, "C", "zh_CN");
    assert_string_equal(errcat_tr(NULL, "Unknown error"), "Unknown error");
    set_env(NULL, NULL, "de_DE.UTF-8", "C:zh_CN");
    assert_string_equal(errcat_tr(NULL, "Unknown error"), "Unknown error");
    set_env(NULL, NULL, "de_DE.UTF-8", "fr:zh_CN");
    assert_string_equal(errcat_tr(NULL, "Unknown error"), ZH_UNKNOWN);
    set_env(NULL, NULL, "de_DE.UTF-8", "en:zh_CN");
    assert_string_equal(errcat_tr(NULL, "Unknown error"), "Unknown error");
    set_env("../../etc", NULL, "de", NULL);
    assert_string_equal(errcat_tr(NULL, "Unknown error"), "Unknown error");
    set_env(NULL, NULL, NULL, NULL);
    assert_string_equal(errcat_tr(NULL, "Unknown error"), "Unknown error");
}

static void
test_tr_refuses_unsafe_names(void **state)
{
    static const char *const bad[] = {
        "../de", "de/../../etc", "/etc", "de\001", "..", "de de",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_string_equal(errcat_tr(bad[i], "Unknown error"),
                            "Unknown error");
    assert_int_equal(errcat_tr_bind(""), ERRCAT_EINVAL);
}

/* The runtime's texts of an unknown entry follow the handle's locale. */
static void
test_tr_unknown_entry_reads_in_the_locale(void **state)
{
    const struct errcat_locale *zh, *de;
    char buf[64];

    (void)state;
    assert_int_equal(errcat_bind(&csbs_catalog, ERRCAT_BUILD_LOCALEDIR), 0);
    assert_int_equal(errcat_locale_get(&csbs_catalog, "zh_CN", &zh), 0);
    assert_int_equal(errcat_locale_get(&csbs_catalog, "de", &de), 0);
    assert_string_equal(errcat_description(&csbs_catalog, zh, NULL),
                        ZH_UNKNOWN);
    assert_string_equal(errcat_message_template(&csbs_catalog, zh, NULL),
                        ZH_UNKNOWN);
    assert_string_equal(errcat_measure(&csbs_catalog, zh, NULL),
                        errcat_tr("zh_CN", "Contact technical support."));
    assert_string_equal(errcat_module_name(&csbs_catalog, zh, NULL),
                        errcat_tr("zh_CN", "Unknown"));
    assert_string_not_equal(errcat_module_name(&csbs_catalog, zh, NULL),
                            "Unknown");
    assert_string_equal(errcat_describe(&csbs_catalog, zh, 12345),
                        ZH_UNKNOWN);
    assert_string_equal(errcat_description(&csbs_catalog, de, NULL),
                        DE_UNKNOWN);
    errcat_format(&csbs_catalog, de, NULL, NULL, 0, buf, sizeof buf);
    assert_string_equal(buf, DE_UNKNOWN);
    /* English and no handle stay English */
    assert_string_equal(errcat_description(&csbs_catalog, NULL, NULL),
                        "Unknown error");
    errcat_catalog_release(&csbs_catalog);
}

/* A retired serial of the fixture catalog reads as the fallback in the
 * locale, through errcat_describe's table. */
static void
test_tr_retired_serial_reads_in_the_locale(void **state)
{
    const struct errcat_locale *de;
    const char *dir = fx_locale_dir();

    (void)state;
    assert_int_equal(errcat_bind(&fixture_catalog, dir), 0);
    assert_int_equal(errcat_locale_get(&fixture_catalog, "de", &de), 0);
    assert_string_equal(errcat_locale_name(de), "de");
    assert_string_equal(errcat_describe(&fixture_catalog, de, FIX_BASE + 5),
                        DE_UNKNOWN);
    errcat_catalog_release(&fixture_catalog);
    fx_rmdir(dir);
}

/* A translation whose placeholders differ from the msgid's, or that is
 * not UTF-8, is never used. */
static void
test_tr_checks_translations(void **state)
{
    static const struct mo_pair pairs[] = {
        MO_PAIR("", MO_HEADER_UTF8),
        MO_PAIR("Unknown error", "Erreur %s inconnue"),
        MO_PAIR("catalog %s: %s", "catalogue %2$s : %1$s"),
        MO_PAIR("unknown code '%s'", "code inconnu"),
        MO_PAIR("write error: %s", "erreur \xff: %s"),
    };
    unsigned char mo[4096];
    const char *tmp = fx_tempdir("tr"), *path;
    char dir[256];
    size_t n;

    (void)state;
    snprintf(dir, sizeof dir, "%s", tmp);
    path = fx_mo_path(dir, "fr", "errcat");
    n = mo_build(mo, sizeof mo, pairs, sizeof pairs / sizeof *pairs, 0);
    fx_write(path, mo, n);
    assert_int_equal(errcat_tr_bind(dir), 0);
    assert_string_equal(errcat_tr("fr", "Unknown error"), "Unknown error");
    assert_string_equal(errcat_tr("fr", "catalog %s: %s"),
                        "catalogue %2$s : %1$s");
    assert_string_equal(errcat_tr("fr", "unknown code '%s'"),
                        "unknown code '%s'");
    assert_string_equal(errcat_tr("fr", "write error: %s"),
                        "write error: %s");
    /* the same again: the verdicts were kept */
    assert_string_equal(errcat_tr("fr", "Unknown error"), "Unknown error");
    /* after the rebind, the build tree again; fr has no file there */
    assert_int_equal(errcat_tr_bind(ERRCAT_BUILD_LOCALEDIR), 0);
    assert_string_equal(errcat_tr("fr", "catalog %s: %s"), "catalog %s: %s");
    assert_string_equal(errcat_tr("de", "Unknown error"), DE_UNKNOWN);
    fx_rmdir(dir);
}

static void *
worker(void *arg)
{
    const char *lang = arg, *want = strcmp(lang, "de") == 0 ? DE_UNKNOWN
        : strcmp(lang, "zh_CN") == 0 ? ZH_UNKNOWN : "Unknown error";
    int i;

    for (i = 0; i < 2000; i++)
        if (strcmp(errcat_tr(lang, "Unknown error"), want) != 0)
            return (void *)1;
    return NULL;
}

static void
test_tr_threads_agree(void **state)
{
    static const char *const langs[] = {
        "de", "zh_CN", "fr", "de", "zh_CN", "en", "de", "zh_CN"
    };
    pthread_t t[8];
    void *r;
    size_t i;

    (void)state;
    for (i = 0; i < 8; i++)
        assert_int_equal(pthread_create(&t[i], NULL, worker,
                                        (void *)langs[i]), 0);
    for (i = 0; i < 8; i++) {
        assert_int_equal(pthread_join(t[i], &r), 0);
        assert_null(r);
    }
}

/* Past the cache's bound, names are resolved afresh, still right. */
static void
test_tr_name_cache_is_bounded(void **state)
{
    char name[32];
    int i;

    (void)state;
    for (i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "de_%c%c", 'A' + i / 26 % 26,
                 'A' + i % 26);
        assert_string_equal(errcat_tr(name, "Unknown error"), DE_UNKNOWN);
    }
    assert_string_equal(errcat_tr("de_ZZ.UTF-8", "Unknown error"),
                        DE_UNKNOWN);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup(name, bind_build)
        T(test_tr_follows_the_chain),
        T(test_tr_is_borrowed_and_stable),
        T(test_tr_follows_the_environment),
        T(test_tr_refuses_unsafe_names),
        T(test_tr_unknown_entry_reads_in_the_locale),
        T(test_tr_retired_serial_reads_in_the_locale),
        T(test_tr_checks_translations),
        T(test_tr_threads_agree),
        T(test_tr_name_cache_is_bounded),
#undef T
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
