/*
 * test_locale.c - locales of a catalog: resolution and the fallback
 * chain, the environment's rules, translations checked one by one,
 * hostile .mo files, no system locales, threads, bounded caches, and
 * each allocation failing in turn.
 */
#include <limits.h>
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

static const struct errcat_catalog *const cat = &fixture_catalog;
static const char *dir;


static const struct errcat_locale *
get(const char *name)
{
    const struct errcat_locale *loc = NULL;

    assert_int_equal(errcat_locale_get(cat, name, &loc), 0);
    assert_non_null(loc);
    return loc;
}

static const char *
used(const char *name)
{
    return errcat_locale_name(get(name));
}

static const char *
text(const struct errcat_locale *loc, int value, enum errcat_field f)
{
    return errcat_text(cat, loc, errcat_find(cat, value), f);
}

static void
test_locale_resolves_the_fallback_chain(void **state)
{
    (void)state;
    assert_string_equal(used("de"), "de");
    assert_string_equal(used("de_DE.UTF-8"), "de");
    assert_string_equal(used("de_CH@euro"), "de");
    assert_string_equal(used("de-CH"), "de");
    assert_string_equal(used("de_AT"), "de_AT");
    assert_string_equal(used("de_AT.UTF-8@euro"), "de_AT");
    assert_string_equal(used("zh_CN"), "zh_CN");
    assert_string_equal(used("zh-Hans-CN"), "zh_CN");
    assert_string_equal(used("zh-Hans"), "zh_CN");
    assert_string_equal(used("zh_CN.UTF-8"), "zh_CN");
    assert_string_equal(used("zh_TW"), "en");
    assert_string_equal(used("zh"), "zh_CN");   /* zh is zh-Hans-CN */
    assert_string_equal(used("fr_FR"), "en");
    assert_string_equal(used("C"), "en");
    assert_string_equal(used("POSIX"), "en");
    assert_string_equal(used("C.UTF-8"), "en");
    assert_string_equal(used("en_US"), "en");
    /* the same names again come from the cache */
    assert_ptr_equal(get("de_DE.UTF-8"), get("de"));
    assert_ptr_equal(get("zh-Hans-CN"), get("zh_CN"));
}

static void
test_locale_translates_every_field(void **state)
{
    const struct errcat_locale *de = get("de"), *zh = get("zh_CN");

    (void)state;
    assert_string_equal(text(de, FIX_SERVER_NOT_FOUND, ERRCAT_DESCRIPTION),
                        "Der Server existiert nicht.");
    assert_string_equal(text(de, FIX_SERVER_NOT_FOUND, ERRCAT_MEASURE),
                        "Prüfen Sie, ob der Server existiert.");
    assert_string_equal(text(de, FIX_SERVER_NOT_FOUND, ERRCAT_MODULE),
                        "Allgemein");
    assert_string_equal(text(de, FIX_SERVER_NOT_FOUND, ERRCAT_MESSAGE),
                        "Server existiert nicht");
    assert_string_equal(text(zh, FIX_SERVER_NOT_FOUND, ERRCAT_DESCRIPTION),
                        "云服务器不存在。");
    /* zh_CN.po lacks this one: the source text */
    assert_string_equal(text(zh, FIX_SERVER_IN_USE, ERRCAT_DESCRIPTION),
                        "The server is in use.");
    assert_string_equal(text(NULL, FIX_SERVER_NOT_FOUND, ERRCAT_DESCRIPTION),
                        "The server does not exist.");
    assert_string_equal(errcat_describe(cat, de, FIX_SERVER_NOT_FOUND),
                        "Der Server existiert nicht.");
}

static void
test_locale_inherits_missing_texts_along_the_chain(void **state)
{
    const struct errcat_locale *at = get("de_AT");

    (void)state;
    assert_string_equal(text(at, FIX_SERVER_IN_USE, ERRCAT_MEASURE),
                        "Überprüfen Sie den Server.");
    assert_string_equal(text(at, FIX_SERVER_NOT_FOUND, ERRCAT_DESCRIPTION),
                        "Der Server existiert nicht.");
    assert_string_equal(text(get("de"), FIX_SERVER_IN_USE, ERRCAT_MEASURE),
                        "Prüfen Sie den Server.");
}

static void
test_locale_formats_translated_messages(void **state)
{
    const char *args[] = { "s1", "t1", "s2", "t2" };
    const char *named[] = { "b-1", "eu-de", "done" };
    char buf[256];

    (void)state;
    errcat_format(cat, get("de"), errcat_find(cat, FIX_SERVER_TYPE_MISMATCH),
                  args, 4, buf, sizeof buf);
    assert_string_equal(buf, "Der Zielserver (s2) vom Typ t2 hat nicht den Typ "
                        "des Quellservers (s1, Typ t1).");
    errcat_format(cat, get("de"),
                  errcat_find(cat, FIX_BACKUP_ALREADY_REPLICATED), named, 3,
                  buf, sizeof buf);
    assert_string_equal(buf, "Der Replikationsdatensatz hat den Status done; "
                        "Sicherung b-1 muss nicht nach eu-de repliziert "
                        "werden.");
    errcat_format(cat, get("zh_CN"), errcat_find(cat, FIX_SERVER_ALREADY_BOUND),
                  args, 1, buf, sizeof buf);
    assert_string_equal(buf, "云服务器（s1）已在使用中。");
}

static void
test_locale_hostile_po_falls_back_to_source(void **state)
{
    const struct errcat_locale *xx = get("xx");
    static const int broken[] = {
        FIX_SERVER_ALREADY_BOUND,           /* %n */
        FIX_DEDICATED_CAPACITY_INSUFFICIENT, /* %d for %s */
        FIX_INTERNAL_ERROR,                 /* an extra %s */
        FIX_SERVER_TYPE_MISMATCH,           /* %4$s missing */
        FIX_BACKUP_ALREADY_REPLICATED,      /* names differ */
        FIX_REPLICA_NO_REPLICATION,         /* %(name)d */
        FIX_BACKUP_HAS_IMAGE,               /* another {name} */
        FIX_BRACE_ESCAPE,                   /* a lone brace */
        FIX_QUOTA_INSUFFICIENT,             /* %s mixed with %1$s */
    };
    size_t i;

    (void)state;
    assert_string_equal(errcat_locale_name(xx), "xx");
    for (i = 0; i < sizeof broken / sizeof *broken; i++)
        assert_string_equal(text(xx, broken[i], ERRCAT_MESSAGE),
                            text(NULL, broken[i], ERRCAT_MESSAGE));
    /* a placeholder in a description that takes none */
    assert_string_equal(text(xx, FIX_SERVER_NOT_FOUND, ERRCAT_DESCRIPTION),
                        "The server does not exist.");
    /* the file was read: its one good translation is used */
    assert_string_equal(text(xx, FIX_USER_NOT_VERIFIED, ERRCAT_MESSAGE),
                        "xx: Benutzer ist nicht verifiziert.");
}

/* Writes image as LANG's .mo under a new directory bound to the catalog. */
static const char *
bind_image(const char *lang, const void *image, size_t size)
{
    const char *d = fx_tempdir("hostile");

    fx_write(fx_mo_path(d, lang, "errcat-fixture"), image, size);
    errcat_catalog_release(cat);
    assert_int_equal(errcat_bind(cat, d), 0);
    return d;
}

static void
test_locale_refuses_bad_translations_in_mo_bytes(void **state)
{
    static const struct mo_pair pairs[] = {
        MO_PAIR("", MO_HEADER_UTF8),
        MO_PAIR("description\004The server does not exist.",
                "Der Server \xc3\x28 existiert nicht."),
        MO_PAIR("description\004The server has been bound to a backup "
                "policy.", "Gebunden.\0%n%n%n"),
        MO_PAIR("description\004The server types differ.",
                "Die Servertypen unterscheiden sich."),
        MO_PAIR("message\004Server (%s) is already in service.",
                "Server (%s) \xed\xa0\x80."),
    };
    unsigned char image[2048];
    size_t n = mo_build(image, sizeof image, pairs, 5, 1);
    const char *d = bind_image("de", image, n);
    const struct errcat_locale *de = get("de");

    (void)state;
    assert_string_equal(errcat_locale_name(de), "de");
    assert_string_equal(text(de, FIX_SERVER_NOT_FOUND, ERRCAT_DESCRIPTION),
                        "The server does not exist.");
    assert_string_equal(text(de, FIX_SERVER_ALREADY_BOUND, ERRCAT_DESCRIPTION),
                        "The server has been bound to a backup policy.");
    assert_string_equal(text(de, FIX_SERVER_ALREADY_BOUND, ERRCAT_MESSAGE),
                        "Server (%s) is already in service.");
    assert_string_equal(text(de, FIX_SERVER_TYPE_MISMATCH, ERRCAT_DESCRIPTION),
                        "Die Servertypen unterscheiden sich.");
    errcat_catalog_release(cat);
    fx_rmdir(d);
}

/* A locale directory whose .mo path is longer than the stack buffer the
 * path is built in loads the same (the path then goes on the heap). */
static void
test_locale_loads_from_a_long_directory(void **state)
{
    static const struct mo_pair pairs[] = {
        MO_PAIR("", MO_HEADER_UTF8),
        MO_PAIR("description\004The server does not exist.",
                "Der Server existiert nicht."),
    };
    unsigned char image[1024];
    size_t n = mo_build(image, sizeof image, pairs, 2, 0);
    const char *top = fx_tempdir("long");
    size_t k = strlen(top), i;
    char d[460];

    (void)state;
    /* TOP/ddd.../ddd.../ddd... (three parts of 90), built by hand so
       that the fixture's path buffers provably hold it */
    assert_true(k + 3 * 91 < sizeof d);
    memcpy(d, top, k);
    for (i = 0; i < 3; i++) {
        d[k++] = '/';
        memset(d + k, 'd', 90);
        k += 90;
    }
    d[k] = '\0';
    /* longer than the 256 bytes the library builds a path in */
    assert_true(k + sizeof "/de/LC_MESSAGES/errcat-fixture.mo" > 256 + 32);
    fx_write(fx_mo_path(d, "de", "errcat-fixture"), image, n);
    errcat_catalog_release(cat);
    assert_int_equal(errcat_bind(cat, d), 0);
    assert_string_equal(text(get("de"), FIX_SERVER_NOT_FOUND,
                             ERRCAT_DESCRIPTION),
                        "Der Server existiert nicht.");
    errcat_catalog_release(cat);
    fx_rmdir(top);
}

/* A .mo whose header says charset=ASCII, or that has no header, is read
 * as GNU and Python gettext read it; its translations must be ASCII. */
static void
test_locale_reads_ascii_and_headerless_mo(void **state)
{
    static const struct mo_pair ascii[] = {
        MO_PAIR("", "Content-Type: text/plain; charset=ASCII\n"),
        MO_PAIR("description\004The server does not exist.",
                "Der Server existiert nicht."),
        MO_PAIR("description\004The server types differ.",
                "Die Servertypen sind verschieden \xc3\xa4."),
    };
    unsigned char mo[1024];
    size_t n;
    const char *d;
    int headerless;

    (void)state;
    for (headerless = 0; headerless <= 1; headerless++) {
        n = mo_build(mo, sizeof mo, ascii + headerless, 3 - headerless, 0);
        d = bind_image("de", mo, n);
        assert_string_equal(used("de"), "de");
        assert_string_equal(text(get("de"), FIX_SERVER_NOT_FOUND,
                                 ERRCAT_DESCRIPTION),
                            "Der Server existiert nicht.");
        /* not ASCII in an ASCII file: the source text */
        assert_string_equal(text(get("de"), FIX_SERVER_TYPE_MISMATCH,
                                 ERRCAT_DESCRIPTION),
                            "The server types differ.");
        errcat_catalog_release(cat);
        fx_rmdir(d);
    }
}

static void
test_locale_hostile_mo_counts_as_absent(void **state)
{
    static const struct mo_pair pairs[] = {
        MO_PAIR("", MO_HEADER_UTF8),
        MO_PAIR("description\004The server does not exist.",
                "Der Server existiert nicht."),
    };
    static const struct mo_pair latin1[] = {
        MO_PAIR("", "Content-Type: text/plain; charset=ISO-8859-1\n"),
        MO_PAIR("description\004The server does not exist.",
                "Der Server existiert nicht."),
    };
    unsigned char good[1024], bad[1024];
    size_t n = mo_build(good, sizeof good, pairs, 2, 0), cut, i;
    const char *d;

    (void)state;
    d = bind_image("de", good, n);                  /* the control case */
    assert_string_equal(used("de"), "de");
    fx_rmdir(d);
    for (i = 0; i < 6; i++) {
        memcpy(bad, good, n);
        cut = n;
        switch (i) {
        case 0: bad[0] = 'X'; break;                    /* magic */
        case 1: mo_put32(bad + 12, 0xfffffff0u, 0); break;  /* table */
        case 2: mo_put32(bad + 8, 0x7fffffffu, 0); break;   /* count */
        case 3: bad[n - 1] = 'x'; break;                /* unterminated */
        case 4: cut = n - 9; break;                     /* truncated */
        case 5: cut = mo_build(bad, sizeof bad, latin1, 2, 0); break;
        }
        d = bind_image("de", bad, cut);
        assert_string_equal(used("de_DE"), "en");
        assert_string_equal(text(get("de"), FIX_SERVER_NOT_FOUND,
                                 ERRCAT_DESCRIPTION),
                            "The server does not exist.");
        fx_rmdir(d);
    }
    /* a directory where the file should be, and no file at all */
    d = fx_tempdir("hostile");
    {
        char cmd[600];

        snprintf(cmd, sizeof cmd, "mkdir '%s'", fx_mo_path(d, "de",
                                                           "errcat-fixture"));
        fx_sh(cmd);
    }
    errcat_catalog_release(cat);
    assert_int_equal(errcat_bind(cat, d), 0);
    assert_string_equal(used("de"), "en");
    assert_string_equal(used("zh_CN"), "en");
    errcat_catalog_release(cat);
    fx_rmdir(d);
    assert_int_equal(errcat_bind(cat, "/nonexistent/errcat/locale"), 0);
    assert_string_equal(used("de"), "en");
    errcat_catalog_release(cat);
}

static void
test_locale_refuses_unsafe_names(void **state)
{
    static const char *const bad[] = {
        "../de", "de/../../x", "/etc/passwd", "..", "de\n", "de\x01",
        "de_DE.UTF-8/../../..", "de de", "%2e%2e",
        "deeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
    };
    const struct errcat_locale *loc;
    char big[10241];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof bad / sizeof *bad; i++) {
        loc = NULL;
        assert_int_equal(errcat_locale_get(cat, bad[i], &loc), ERRCAT_EINVAL);
        assert_string_equal(errcat_locale_name(loc), "en");
    }
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(errcat_locale_get(cat, big, &loc), ERRCAT_EINVAL);
    assert_int_equal(errcat_locale_get(NULL, "de", &loc), ERRCAT_EINVAL);
    assert_string_equal(errcat_locale_name(loc), "en");
    assert_int_equal(errcat_locale_get(cat, "de", NULL), 0);
    assert_string_equal(errcat_locale_name(NULL), "en");
}

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

static void
test_locale_environment_follows_gettext(void **state)
{
    (void)state;
    set_env(NULL, NULL, NULL, NULL);
    assert_string_equal(used(NULL), "en");
    set_env(NULL, NULL, "de_DE.UTF-8", NULL);
    assert_string_equal(used(NULL), "de");
    assert_string_equal(used(""), "de");
    set_env(NULL, "zh_CN.UTF-8", "de_DE.UTF-8", NULL);
    assert_string_equal(used(NULL), "zh_CN");
    set_env("de_AT", "zh_CN.UTF-8", "de_DE.UTF-8", NULL);
    assert_string_equal(used(NULL), "de_AT");
    set_env("", "", "de_DE.UTF-8", NULL);           /* empty is unset */
    assert_string_equal(used(NULL), "de");
    set_env(NULL, NULL, "de_DE.UTF-8", "fr:zh_CN:de");
    assert_string_equal(used(NULL), "zh_CN");
    set_env(NULL, NULL, "de_DE.UTF-8", "fr:en:de");
    assert_string_equal(used(NULL), "en");
    set_env(NULL, NULL, "de_DE.UTF-8", "fr:it");    /* none resolves */
    assert_string_equal(used(NULL), "en");
    set_env(NULL, NULL, "de_DE.UTF-8", "../x::zh-Hans:");
    assert_string_equal(used(NULL), "zh_CN");
    set_env(NULL, NULL, "de_DE.UTF-8", "");         /* empty LANGUAGE */
    assert_string_equal(used(NULL), "de");
    set_env("C", NULL, "de_DE.UTF-8", "zh_CN");     /* C ignores LANGUAGE */
    assert_string_equal(used(NULL), "en");
    set_env(NULL, NULL, "POSIX", "zh_CN");
    assert_string_equal(used(NULL), "en");
    set_env(NULL, NULL, "C.UTF-8", NULL);           /* C.UTF-8 alone */
    assert_string_equal(used(NULL), "en");
    set_env(NULL, NULL, "../../etc", NULL);         /* unsafe: English */
    assert_string_equal(used(NULL), "en");
    set_env(NULL, NULL, NULL, NULL);
}

/* env -i LANG=C.UTF-8 LANGUAGE=de: GNU gettext on Debian (glibc 2.36)
 * honours LANGUAGE under C.UTF-8, which is not the C locale. */
static void
test_locale_environment_c_utf8_honours_language(void **state)
{
    (void)state;
    set_env(NULL, NULL, "C.UTF-8", "de");
    assert_string_equal(used(NULL), "de");
    set_env(NULL, NULL, "C.utf8", "zh_CN");
    assert_string_equal(used(NULL), "zh_CN");
    set_env("C.UTF-8", NULL, "de_DE.UTF-8", "zh_CN:de");
    assert_string_equal(used(NULL), "zh_CN");
    set_env(NULL, "C", "C.UTF-8", "de");            /* LC_MESSAGES=C wins */
    assert_string_equal(used(NULL), "en");
    set_env(NULL, NULL, NULL, NULL);
}

/* env -i LANG=de_DE.UTF-8 LANGUAGE=C:zh_CN: in GNU and Python gettext a
 * C or POSIX entry ends the search, giving the source texts. */
static void
test_locale_environment_c_entry_ends_language(void **state)
{
    (void)state;
    set_env(NULL, NULL, "de_DE.UTF-8", "C:zh_CN");
    assert_string_equal(used(NULL), "en");
    set_env(NULL, NULL, "de_DE.UTF-8", "POSIX:zh_CN");
    assert_string_equal(used(NULL), "en");
    set_env(NULL, NULL, "de_DE.UTF-8", "fr:C:zh_CN");
    assert_string_equal(used(NULL), "en");
    set_env(NULL, NULL, "de_DE.UTF-8", "zh_CN:C");  /* found before C */
    assert_string_equal(used(NULL), "zh_CN");
    /* only C and POSIX themselves: C.UTF-8 is a name without a .mo */
    set_env(NULL, NULL, "de_DE.UTF-8", "C.UTF-8:zh_CN");
    assert_string_equal(used(NULL), "zh_CN");
    set_env(NULL, NULL, NULL, NULL);
}

static void
test_locale_works_without_system_locales(void **state)
{
    const char *locpath = getenv("LOCPATH");

    (void)state;
    /* main() pointed LOCPATH at an empty directory before anything ran */
    assert_non_null(locpath);
    assert_non_null(strstr(locpath, "errcat-nolocales"));
    assert_string_equal(text(get("zh_CN"), FIX_SERVER_NOT_FOUND,
                             ERRCAT_DESCRIPTION), "云服务器不存在。");
    assert_string_equal(text(get("de-CH"), FIX_SERVER_NOT_FOUND,
                             ERRCAT_DESCRIPTION),
                        "Der Server existiert nicht.");
}

struct worker {
    const char *name;
    const char *expected;       /* description of FIX_SERVER_NOT_FOUND */
    long wrong;
};

static void *
work(void *arg)
{
    struct worker *w = arg;
    const struct errcat_locale *loc;
    char buf[128];
    const char *args[] = { "ecs-01" };
    long i;

    for (i = 0; i < 200000; i++) {
        errcat_locale_get(cat, w->name, &loc);
        if (strcmp(errcat_describe(cat, loc, FIX_SERVER_NOT_FOUND),
                   w->expected) != 0)
            w->wrong++;
        if (i % 16 == 0) {
            errcat_format(cat, loc, errcat_find(cat, FIX_SERVER_ALREADY_BOUND),
                          args, 1, buf, sizeof buf);
            if (strstr(buf, "ecs-01") == NULL)
                w->wrong++;
        }
    }
    return NULL;
}

static void
test_locale_threads_get_only_their_language(void **state)
{
    struct worker w[2] = {
        { "zh-Hans-CN", "云服务器不存在。", 0 },
        { "de_DE.UTF-8", "Der Server existiert nicht.", 0 },
    };
    pthread_t t[2];
    int i;

    (void)state;
    for (i = 0; i < 2; i++)             /* both start cold: both load */
        assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
    for (i = 0; i < 2; i++)
        assert_int_equal(pthread_join(t[i], NULL), 0);
    assert_int_equal(w[0].wrong, 0);
    assert_int_equal(w[1].wrong, 0);
}

static size_t
count_nodes(void)
{
    const struct errcat_locale *l;
    size_t n = 0;

    for (l = cat->cache->locales; l; l = l->next)
        n++;
    return n;
}

static void
test_locale_alias_cache_is_bounded(void **state)
{
    char name[32];
    int i;

    (void)state;
    for (i = 0; i < 2000; i++) {
        snprintf(name, sizeof name, "de_D%c.x%d", 'A' + i % 26, i);
        assert_string_equal(used(name), "de");
    }
    assert_true(count_nodes() <= ERRCAT__ALIAS_MAX + 2);
}

static void
test_locale_survives_each_allocation_failure(void **state)
{
    static const char *const names[] = { "de_AT.UTF-8", "zh-Hans", "fr" };
    const struct errcat_locale *loc;
    unsigned long k;
    size_t i;
    int rc, failed;

    (void)state;
    for (i = 0; i < sizeof names / sizeof *names; i++)
        for (k = 1;; k++) {
            errcat_catalog_release(cat);
            errcat__alloc_live = 0;
            errcat__alloc_fail_at = ULONG_MAX;  /* count the bind too */
            assert_int_equal(errcat_bind(cat, dir), 0);
            errcat__alloc_count = 0;
            errcat__alloc_fail_at = k;
            loc = NULL;
            rc = errcat_locale_get(cat, names[i], &loc);
            failed = errcat__alloc_count >= k;
            errcat__alloc_fail_at = ULONG_MAX;      /* count, never fail */
            assert_non_null(loc);
            assert_true(rc == 0 || (failed && rc == ERRCAT_ENOMEM));
            /* whatever was resolved is usable */
            assert_non_null(text(loc, FIX_SERVER_NOT_FOUND,
                                 ERRCAT_DESCRIPTION));
            /* a later call, with memory again, gets the real answer */
            if (failed)
                assert_string_equal(used(names[i]),
                                    i == 0 ? "de_AT" : i == 1 ? "zh_CN"
                                    : "en");
            errcat_catalog_release(cat);
            assert_int_equal(errcat__alloc_live, 0);        /* no leak */
            errcat__alloc_fail_at = 0;
            if (!failed)
                break;
        }
    assert_int_equal(errcat_bind(cat, dir), 0);
}

static void
test_locale_bind_checks_and_copies(void **state)
{
    char path[64] = "/some/where";

    (void)state;
    assert_int_equal(errcat_bind(NULL, "/x"), ERRCAT_EINVAL);
    assert_int_equal(errcat_bind(cat, ""), ERRCAT_EINVAL);
    assert_int_equal(errcat_bind(cat, path), 0);
    strcpy(path, "/changed");
    assert_string_equal(errcat_localedir(cat), "/some/where");
    assert_int_equal(errcat_bind(cat, NULL), 0);
    assert_string_equal(errcat_localedir(cat), ERRCAT_LOCALEDIR);
    assert_int_equal(errcat_bind(cat, dir), 0);
    assert_string_equal(used("de"), "de");
}

static void
test_locale_handle_of_another_catalog_reads_english(void **state)
{
    static struct errcat_cache other_cache;
    struct errcat_catalog other = fixture_catalog;
    const struct errcat_locale *de = get("de");

    (void)state;
    other.cache = &other_cache;
    assert_string_equal(errcat_description(&other, de,
                                           errcat_find(&other,
                                                       FIX_SERVER_NOT_FOUND)),
                        "The server does not exist.");
}

/* Reads a whole file into a new buffer. */
static unsigned char *
slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = malloc(1 << 16);

    assert_non_null(f);
    assert_non_null(buf);
    *n = fread(buf, 1, 1 << 16, f);
    assert_true(*n > 0 && *n < (1 << 16));
    fclose(f);
    return buf;
}

static void
test_locale_build_keeps_only_checked_texts(void **state)
{
    char path[512];
    unsigned char *good, *bad;
    size_t n, t;
    unsigned seed = 7;
    int round, built = 0;

    (void)state;
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES/errcat-fixture.mo", dir);
    good = slurp(path, &n);
    bad = malloc(n);
    assert_non_null(bad);
    for (round = 0; round < 3000; round++) {
        struct errcat_locale *l;
        int flips;

        memcpy(bad, good, n);
        for (flips = 0; flips < 1 + round % 3; flips++) {
            seed = seed * 1103515245u + 12345u;
            bad[(seed >> 8) % n] ^= (unsigned char)(1u << (seed % 8));
        }
        if (errcat__locale_build(cat, bad, n, &l) != 0)
            continue;
        built++;
        for (t = 0; t < cat->n_texts; t++) {
            const char *x = errcat__locale_text(l, (unsigned)t);

            if (x == cat->texts[t].msgid)
                continue;
            assert_true((const unsigned char *)x >= bad
                        && (const unsigned char *)x < bad + n);
            assert_true(errcat__translation_ok(cat->texts[t].msgid,
                                               (enum errcat_format)
                                               cat->texts[t].format,
                                               x, strlen(x)));
        }
        errcat__locale_free(l);
    }
    assert_true(built > 0);
    free(bad);
    free(good);
}

/* Some arguments for any message of the shipped catalog. */
static const char *const some_args[] = { "a-1", "b-2", "c-3", "d-4" };

static void
check_shipped(const char *name, const char *expect)
{
    const struct errcat_catalog *csbs = &csbs_catalog;
    const struct errcat_locale *loc;
    char en[512], tr[512];
    size_t i;
    int f;

    assert_int_equal(errcat_locale_get(csbs, name, &loc), 0);
    assert_string_equal(errcat_locale_name(loc), expect);
    for (i = 0; i < errcat_entry_count(csbs); i++) {
        const struct errcat_entry *e = errcat_entry_at(csbs, i);

        for (f = ERRCAT_DESCRIPTION; f <= ERRCAT_MODULE; f++)
            if (strcmp(errcat_text(csbs, loc, e, (enum errcat_field)f),
                       errcat_text(csbs, NULL, e, (enum errcat_field)f))
                == 0)
                fail_msg("%s: %s field %d not translated into %s",
                         errcat_entry_code(e), errcat_entry_id(e), f, name);
        errcat_format(csbs, NULL, e, some_args, 4, en, sizeof en);
        errcat_format(csbs, loc, e, some_args, 4, tr, sizeof tr);
        assert_string_not_equal(en, tr);
        /* every argument given in the source reaches the translation */
        if (strstr(en, "a-1"))
            assert_non_null(strstr(tr, "a-1"));
        if (strstr(en, "d-4"))
            assert_non_null(strstr(tr, "d-4"));
    }
}

static void
test_locale_shipped_translations_cover_every_entry(void **state)
{
    (void)state;
    assert_int_equal(errcat_bind(&csbs_catalog, ERRCAT_BUILD_LOCALEDIR), 0);
    check_shipped("zh_CN", "zh_CN");
    check_shipped("zh-Hans-CN", "zh_CN");
    check_shipped("de", "de");
    check_shipped("de_CH.UTF-8", "de");
    errcat_catalog_release(&csbs_catalog);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, fx_bind, fx_release)
        T(test_locale_resolves_the_fallback_chain),
        T(test_locale_environment_c_utf8_honours_language),
        T(test_locale_environment_c_entry_ends_language),
        T(test_locale_translates_every_field),
        T(test_locale_inherits_missing_texts_along_the_chain),
        T(test_locale_formats_translated_messages),
        T(test_locale_hostile_po_falls_back_to_source),
        T(test_locale_refuses_bad_translations_in_mo_bytes),
        T(test_locale_loads_from_a_long_directory),
        T(test_locale_reads_ascii_and_headerless_mo),
        T(test_locale_hostile_mo_counts_as_absent),
        T(test_locale_refuses_unsafe_names),
        T(test_locale_environment_follows_gettext),
        T(test_locale_works_without_system_locales),
        T(test_locale_threads_get_only_their_language),
        T(test_locale_alias_cache_is_bounded),
        T(test_locale_survives_each_allocation_failure),
        T(test_locale_bind_checks_and_copies),
        T(test_locale_handle_of_another_catalog_reads_english),
        T(test_locale_shipped_translations_cover_every_entry),
        T(test_locale_build_keeps_only_checked_texts),
#undef T
    };
    const char *nolocales;
    char empty[256];
    int rc;

    /* No system locales at all, before anything else runs. */
    nolocales = fx_tempdir("nolocales");
    snprintf(empty, sizeof empty, "%s", nolocales);
    setenv("LOCPATH", empty, 1);
    dir = fx_locale_dir();
    rc = cmocka_run_group_tests(tests, NULL, NULL);
    fx_rmdir(dir);
    fx_rmdir(empty);
    return rc;
}
