/*
 * test_locale_name.c - locale names: refused before any path is built
 * when unsafe, normalised from POSIX and BCP 47 forms, and expanded into
 * gettext's fallback chain.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "errcat_int.h"

static void
test_locale_name_refuses_unsafe_names(void **state)
{
    static const char *const bad[] = {
        "", "/", "../de", "de/../../etc", "de/LC_MESSAGES", "..", "de..UTF-8",
        "de\n", "de\x01", "de\x7f", "de DE", "de;rm", "de%2f", "de\\x",
        "zh_CN.UTF-8\xff", "日本語",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    };
    size_t i;

    (void)state;
    assert_false(errcat__locale_name_safe(NULL));
    for (i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(errcat__locale_name_safe(bad[i]));
    assert_true(errcat__locale_name_safe("de_DE.UTF-8@euro"));
    assert_true(errcat__locale_name_safe("zh-Hans-CN"));
    /* 64 bytes: the longest allowed */
    assert_true(errcat__locale_name_safe(
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

static void
test_locale_name_refuses_malformed_names(void **state)
{
    static const char *const bad[] = {
        "d", "123", "de__CH", "de-", "-de", "de.", "de@", "de.UTF-8.x",
        "de@a@b", "_", "de_CH-", "deutschland1", "de-abcdefghi",
    };
    struct errcat__lname ln;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(errcat__locale_parse(bad[i], &ln), ERRCAT_EINVAL);
}

/* The first (most specific) name of the chain of name. */
static const char *
normal(const char *name)
{
    static char chain[ERRCAT__CHAIN_MAX][ERRCAT_LOCALE_NAME_MAX + 1];
    struct errcat__lname ln;

    assert_int_equal(errcat__locale_parse(name, &ln), 0);
    if (errcat__locale_chain(&ln, chain) == 0)
        return "(source)";
    return chain[0];
}

static void
test_locale_name_normalises_bcp47_and_posix(void **state)
{
    (void)state;
    assert_string_equal(normal("zh_CN"), "zh_CN");
    assert_string_equal(normal("zh-Hans-CN"), "zh_CN");
    assert_string_equal(normal("zh-Hans"), "zh_CN");
    assert_string_equal(normal("zh-hans"), "zh_CN");
    assert_string_equal(normal("zh-Hant"), "zh_TW");
    assert_string_equal(normal("zh-Hant-HK"), "zh_HK");
    assert_string_equal(normal("ZH-cn"), "zh_CN");
    assert_string_equal(normal("de-CH"), "de_CH");
    assert_string_equal(normal("de-ch"), "de_CH");
    /* Lookup goes sr-Latn-RS, sr-Latn, sr: never sr-RS */
    assert_string_equal(normal("sr-Latn-RS"), "sr");
    assert_string_equal(normal("de-Latn-AT"), "de");
    /* out of order: de-1996-AT falls to de-1996, de */
    assert_string_equal(normal("de-1996-AT"), "de");
    assert_string_equal(normal("de-AT-1996"), "de_AT");
    assert_string_equal(normal("de-DE-1996"), "de_DE");
    assert_string_equal(normal("es-419"), "es_419");
    assert_string_equal(normal("en-US-x-private"), "en_US");
    assert_string_equal(normal("de_DE.UTF-8"), "de_DE.UTF-8");
    assert_string_equal(normal("de_CH@euro"), "de_CH@euro");
    assert_string_equal(normal("C"), "(source)");
    assert_string_equal(normal("POSIX"), "(source)");
    assert_string_equal(normal("C.UTF-8"), "(source)");
}

static void
test_locale_name_chain_follows_gettext(void **state)
{
    char chain[ERRCAT__CHAIN_MAX][ERRCAT_LOCALE_NAME_MAX + 1];
    struct errcat__lname ln;
    static const char *const full[] = {
        "de_DE.UTF-8@euro", "de_DE@euro", "de.UTF-8@euro", "de@euro",
        "de_DE.UTF-8", "de_DE", "de.UTF-8", "de",
    };
    size_t i;

    (void)state;
    assert_int_equal(errcat__locale_parse("de_DE.UTF-8@euro", &ln), 0);
    assert_int_equal(errcat__locale_chain(&ln, chain), 8);
    for (i = 0; i < 8; i++)
        assert_string_equal(chain[i], full[i]);
    assert_int_equal(errcat__locale_parse("de-CH", &ln), 0);
    assert_int_equal(errcat__locale_chain(&ln, chain), 2);
    assert_string_equal(chain[0], "de_CH");
    assert_string_equal(chain[1], "de");
    /* POSIX Chinese names keep gettext's chain */
    assert_int_equal(errcat__locale_parse("zh_TW.UTF-8", &ln), 0);
    assert_int_equal(errcat__locale_chain(&ln, chain), 4);
    assert_string_equal(chain[3], "zh");
}

/* Chinese BCP 47 tags go by script and never cross it. */
static void
test_locale_name_chinese_chain_follows_the_script(void **state)
{
    static const struct {
        const char *name;
        const char *chain[3];
    } cases[] = {
        { "zh", { "zh_CN", "zh", NULL } },
        { "zh-CN", { "zh_CN", "zh", NULL } },
        { "zh-SG", { "zh_SG", "zh_CN", "zh" } },
        { "zh-Hans", { "zh_CN", "zh", NULL } },
        { "zh-Hans-TW", { "zh_CN", "zh", NULL } },
        { "zh-Hant", { "zh_TW", NULL, NULL } },
        { "zh-Hant-CN", { "zh_TW", NULL, NULL } },
        { "zh-TW", { "zh_TW", NULL, NULL } },
        { "zh-HK", { "zh_HK", "zh_TW", NULL } },
        { "zh-Hant-MO", { "zh_MO", "zh_TW", NULL } },
        { "zh-hant-hk-x-a", { "zh_HK", "zh_TW", NULL } },
    };
    char chain[ERRCAT__CHAIN_MAX][ERRCAT_LOCALE_NAME_MAX + 1];
    struct errcat__lname ln;
    size_t i, j, n;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        assert_int_equal(errcat__locale_parse(cases[i].name, &ln), 0);
        n = errcat__locale_chain(&ln, chain);
        for (j = 0; j < 3 && cases[i].chain[j]; j++)
            assert_string_equal(chain[j], cases[i].chain[j]);
        assert_int_equal(n, j);
    }
}

/* Right to left by language, unless a script says otherwise: a
 * right-to-left script makes any language so, Latin and Cyrillic make
 * none so. */
static void
test_locale_name_direction_by_script(void **state)
{
    static const struct {
        const char *name;
        int rtl;
    } cases[] = {
        { "ar", 1 }, { "ar_EG.UTF-8", 1 }, { "he_IL", 1 }, { "iw", 1 },
        { "fa-IR", 1 }, { "ur", 1 }, { "yi", 1 }, { "arc", 1 },
        { "ckb", 1 }, { "syr", 1 }, { "nqo", 1 }, { "ks", 1 },
        { "ks-Deva", 1 }, { "pa-Arab", 1 }, { "ff-Adlm", 1 },
        { "az-Arab", 1 }, { "ug-Cyrl", 0 }, { "uz-Latn", 0 },
        { "ku-Latn", 0 }, { "de", 0 }, { "a", 0 }, { "arn", 0 },
        { "zh-Hant-TW", 0 }, { "en_US", 0 }, { "C", 0 }, { "C.UTF-8", 0 },
    };
    struct errcat__lname ln;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        if (errcat__locale_parse(cases[i].name, &ln) != 0) {
            assert_int_equal(cases[i].rtl, 0);
            continue;
        }
        if (errcat__rtl(&ln) != cases[i].rtl)
            fail_msg("%s: rtl %d, expected %d", cases[i].name,
                     errcat__rtl(&ln), cases[i].rtl);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_locale_name_refuses_unsafe_names),
        cmocka_unit_test(test_locale_name_refuses_malformed_names),
        cmocka_unit_test(test_locale_name_normalises_bcp47_and_posix),
        cmocka_unit_test(test_locale_name_chain_follows_gettext),
        cmocka_unit_test(test_locale_name_chinese_chain_follows_the_script),
        cmocka_unit_test(test_locale_name_direction_by_script),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
