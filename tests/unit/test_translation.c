/*
 * test_translation.c - which translations may replace their source text:
 * the placeholder rules of each format, and the argument order of named
 * styles.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "errcat_int.h"

static int
ok(const char *src, enum errcat_format fmt, const char *tr)
{
    return errcat__translation_ok(src, fmt, tr, strlen(tr));
}

static void
test_translation_printf_needs_same_count(void **state)
{
    const char *src = "Volume (%s) attached to server (%s) is shareable.";

    (void)state;
    assert_true(ok(src, ERRCAT_FORMAT_PRINTF, "Datenträger %s an Server %s."));
    assert_true(ok(src, ERRCAT_FORMAT_PRINTF, "%s: %s, 100%% belegt"));
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "Datenträger %s."));
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "%s %s %s"));
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "keine"));
}

static void
test_translation_printf_numbered_must_cover_all(void **state)
{
    const char *src = "The source server (%s) type (%s) is not (%s) type (%s).";

    (void)state;
    assert_true(ok(src, ERRCAT_FORMAT_PRINTF, "%3$s %4$s %1$s %2$s"));
    assert_true(ok(src, ERRCAT_FORMAT_PRINTF, "%4$s %3$s %2$s %1$s %1$s"));
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "%1$s %2$s %3$s"));
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "%1$s %2$s %3$s %5$s"));
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "%1$s %2$s %3$s %s"));
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "%0$s %1$s %2$s %3$s"));
}

static void
test_translation_printf_refuses_other_conversions(void **state)
{
    const char *src = "Server (%s) is already in service.";

    (void)state;
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "Server %n (%s)"));
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "Server (%d)"));
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "Server (%x)"));
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "Server (%s) 100% voll"));
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "Server (%s) %"));
    assert_true(ok(src, ERRCAT_FORMAT_PRINTF, "Server (%10s)"));
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "Server (%(id)s)"));
}

static void
test_translation_python_needs_same_names(void **state)
{
    const char *src = "Backup %(backup_id)s to %(region)s: %(record_status)s.";

    (void)state;
    assert_true(ok(src, ERRCAT_FORMAT_PYTHON,
                   "%(record_status)s: %(backup_id)s nach %(region)s."));
    assert_false(ok(src, ERRCAT_FORMAT_PYTHON,
                    "%(backup_id)s nach %(region)s, %(region)s."));
    assert_false(ok(src, ERRCAT_FORMAT_PYTHON, "%(backup_id)s %(region)s"));
    assert_false(ok(src, ERRCAT_FORMAT_PYTHON,
                    "%(backup_id)s %(region)s %(record_status)s %(x)s"));
    assert_false(ok(src, ERRCAT_FORMAT_PYTHON,
                    "%(backup_id)d %(region)s %(record_status)s"));
    assert_false(ok(src, ERRCAT_FORMAT_PYTHON,
                    "%s %(region)s %(record_status)s"));
}

static void
test_translation_python_bare_name_counts(void **state)
{
    const char *src = "The destination region %(destination_region) is not "
        "supported.";

    (void)state;
    assert_true(ok(src, ERRCAT_FORMAT_PYTHON,
                   "Die Zielregion %(destination_region) wird nicht unterstützt."));
    assert_true(ok(src, ERRCAT_FORMAT_PYTHON,
                   "目标区域%(destination_region)s不受支持。"));
    assert_false(ok(src, ERRCAT_FORMAT_PYTHON, "Region %(destination_region)d"));
    assert_false(ok(src, ERRCAT_FORMAT_PYTHON, "Region %(region)"));
}

static void
test_translation_brace_needs_same_set(void **state)
{
    const char *src = "The backup {checkpoint_item_id} has register to image";

    (void)state;
    assert_true(ok(src, ERRCAT_FORMAT_BRACE, "Sicherung {checkpoint_item_id}"));
    assert_true(ok(src, ERRCAT_FORMAT_BRACE,
                   "{checkpoint_item_id}: {checkpoint_item_id}, 100%"));
    assert_true(ok(src, ERRCAT_FORMAT_BRACE, "{{x}} {checkpoint_item_id}"));
    assert_false(ok(src, ERRCAT_FORMAT_BRACE, "Sicherung {backup_id}"));
    assert_false(ok(src, ERRCAT_FORMAT_BRACE, "Sicherung"));
    assert_false(ok(src, ERRCAT_FORMAT_BRACE, "{checkpoint_item_id} {"));
    assert_false(ok(src, ERRCAT_FORMAT_BRACE, "{checkpoint_item_id} }"));
}

static void
test_translation_plain_text_takes_no_placeholder(void **state)
{
    const char *src = "The server does not exist.";

    (void)state;
    assert_true(ok(src, ERRCAT_FORMAT_NONE, "Der Server existiert nicht."));
    assert_true(ok(src, ERRCAT_FORMAT_NONE, "100% sicher {"));
    assert_false(ok(src, ERRCAT_FORMAT_NONE, "Server %s fehlt."));
    assert_false(ok(src, ERRCAT_FORMAT_NONE, "Server {id} fehlt."));
    assert_false(ok(src, ERRCAT_FORMAT_NONE, "Server %(id)s fehlt."));
}

static void
test_translation_rejects_bad_utf8_and_nul(void **state)
{
    const char *src = "Server (%s) is already in service.";

    (void)state;
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "Server (%s) \xc3\x28"));
    assert_false(ok(src, ERRCAT_FORMAT_PRINTF, "Server (%s) \xed\xa0\x80"));
    assert_false(errcat__translation_ok(src, ERRCAT_FORMAT_PRINTF,
                                        "Server (%s)\0%n", 14));
    assert_false(errcat__translation_ok("x", ERRCAT_FORMAT_NONE, "ab\0c", 4));
}

static void
test_translation_names_order_arguments(void **state)
{
    const char *src = "%(b)s %(a)s %(b)s {c}";
    size_t off[4], len[4];

    (void)state;
    assert_int_equal(errcat__arg_names(src, ERRCAT_FORMAT_PYTHON, off, len, 4),
                     2);
    assert_int_equal(len[0], 1);
    assert_memory_equal(src + off[0], "b", 1);
    assert_memory_equal(src + off[1], "a", 1);
    assert_int_equal(errcat__arg_names(src, ERRCAT_FORMAT_BRACE, off, len, 4),
                     1);
    assert_memory_equal(src + off[0], "c", 1);
    assert_int_equal(errcat__arg_names(src, ERRCAT_FORMAT_PRINTF, off, len, 4),
                     0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_translation_printf_needs_same_count),
        cmocka_unit_test(test_translation_printf_numbered_must_cover_all),
        cmocka_unit_test(test_translation_printf_refuses_other_conversions),
        cmocka_unit_test(test_translation_python_needs_same_names),
        cmocka_unit_test(test_translation_python_bare_name_counts),
        cmocka_unit_test(test_translation_brace_needs_same_set),
        cmocka_unit_test(test_translation_plain_text_takes_no_placeholder),
        cmocka_unit_test(test_translation_rejects_bad_utf8_and_nul),
        cmocka_unit_test(test_translation_names_order_arguments),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
