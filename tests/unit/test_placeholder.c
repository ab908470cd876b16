/*
 * test_placeholder.c - the shared scanner of %s, %N$s, %(name)s, {name}.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "placeholder.h"

/* Kinds of the tokens of s, as a string of letters. */
static const char *
kinds(const char *s, size_t n, enum errcat__ph_mode mode)
{
    static char out[64];
    static const char letter[] = "-TEPNnbBX";
    struct errcat__ph ph;
    size_t pos = 0, k = 0;

    while (errcat__ph_next(s, n, &pos, mode, &ph) != ERRCAT__PH_END
           && k < sizeof out - 1)
        out[k++] = letter[ph.kind];
    out[k] = '\0';
    return out;
}

static void
test_placeholder_recognises_each_style(void **state)
{
    const char *s = "a %s b %2$s c %(name)s d {peer} e %% f";

    (void)state;
    assert_string_equal(kinds(s, strlen(s), ERRCAT__PH_MODE_ANY),
                        "TPTNTnTBTET");
}

static void
test_placeholder_mode_percent_keeps_braces_as_text(void **state)
{
    const char *s = "{peer} %s";

    (void)state;
    assert_string_equal(kinds(s, strlen(s), ERRCAT__PH_MODE_PERCENT), "TP");
}

static void
test_placeholder_mode_brace_escapes(void **state)
{
    const char *s = "{{x}} {a} 100%";

    (void)state;
    assert_string_equal(kinds(s, strlen(s), ERRCAT__PH_MODE_BRACE),
                        "ETETBT");
}

static void
test_placeholder_bare_named_has_name(void **state)
{
    const char *s = "region %(destination_region) is";
    struct errcat__ph ph;
    size_t pos = 7;

    (void)state;
    assert_int_equal(errcat__ph_next(s, strlen(s), &pos,
                                     ERRCAT__PH_MODE_ANY, &ph),
                     ERRCAT__PH_NAMED_BARE);
    assert_int_equal(ph.name_len, strlen("destination_region"));
    assert_memory_equal(s + ph.name, "destination_region", ph.name_len);
    assert_int_equal(ph.len, strlen("%(destination_region)"));
}

static void
test_placeholder_unsupported_conversions_are_bad(void **state)
{
    (void)state;
    assert_string_equal(kinds("%d", 2, ERRCAT__PH_MODE_PERCENT), "X");
    assert_string_equal(kinds("%n", 2, ERRCAT__PH_MODE_PERCENT), "X");
    assert_string_equal(kinds("%(x)d", 5, ERRCAT__PH_MODE_PERCENT), "X");
    assert_string_equal(kinds("100% ", 5, ERRCAT__PH_MODE_PERCENT), "TX");
    assert_string_equal(kinds("{", 1, ERRCAT__PH_MODE_BRACE), "X");
}

static void
test_placeholder_numbered_reads_number(void **state)
{
    struct errcat__ph ph;
    size_t pos = 0;

    (void)state;
    assert_int_equal(errcat__ph_next("%12$s", 5, &pos, ERRCAT__PH_MODE_ANY,
                                     &ph), ERRCAT__PH_NUMBERED);
    assert_int_equal(ph.number, 12);
    pos = 0;
    assert_int_equal(errcat__ph_next("%0$s", 4, &pos, ERRCAT__PH_MODE_ANY,
                                     &ph), ERRCAT__PH_BAD);
}

/* Truncated placeholders at the end of the buffer: no read past n. */
static void
test_placeholder_stays_within_length(void **state)
{
    char buf[8];
    size_t n;

    (void)state;
    memcpy(buf, "%(abc)sX", 8);     /* not NUL-terminated */
    for (n = 0; n <= 7; n++)
        kinds(buf, n, ERRCAT__PH_MODE_ANY);
    assert_string_equal(kinds(buf, 6, ERRCAT__PH_MODE_ANY), "b");
    assert_string_equal(kinds(buf, 7, ERRCAT__PH_MODE_ANY), "n");
    assert_string_equal(kinds("%", 1, ERRCAT__PH_MODE_ANY), "X");
    assert_string_equal(kinds("%1$", 3, ERRCAT__PH_MODE_ANY), "XT");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_placeholder_recognises_each_style),
        cmocka_unit_test(test_placeholder_mode_percent_keeps_braces_as_text),
        cmocka_unit_test(test_placeholder_mode_brace_escapes),
        cmocka_unit_test(test_placeholder_bare_named_has_name),
        cmocka_unit_test(test_placeholder_unsupported_conversions_are_bad),
        cmocka_unit_test(test_placeholder_numbered_reads_number),
        cmocka_unit_test(test_placeholder_stays_within_length),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
