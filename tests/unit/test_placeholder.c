/*
 * test_placeholder.c - the shared scanner of printf directives, Python
 * %(name) directives and brace fields.
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
    struct errcat__ph ph;
    size_t pos = 0;

    (void)state;
    assert_string_equal(kinds("%p", 2, ERRCAT__PH_MODE_PERCENT), "X");
    assert_string_equal(kinds("%n", 2, ERRCAT__PH_MODE_PERCENT), "X");
    assert_string_equal(kinds("%r", 2, ERRCAT__PH_MODE_PERCENT), "X");
    assert_string_equal(kinds("%*d", 3, ERRCAT__PH_MODE_PERCENT), "XT");
    assert_string_equal(kinds("%.*s", 4, ERRCAT__PH_MODE_PERCENT), "XT");
    assert_string_equal(kinds("%(x)*d", 6, ERRCAT__PH_MODE_PERCENT), "XT");
    assert_string_equal(kinds("100% ", 5, ERRCAT__PH_MODE_PERCENT), "TX");
    assert_string_equal(kinds("50%-60% off", 11, ERRCAT__PH_MODE_PERCENT),
                        "TXPT");
    assert_string_equal(kinds("{", 1, ERRCAT__PH_MODE_BRACE), "X");
    assert_string_equal(kinds("{a.b}", 5, ERRCAT__PH_MODE_BRACE), "XTX");
    assert_string_equal(kinds("{a:{w}}", 7, ERRCAT__PH_MODE_BRACE), "XBX");
    assert_int_equal(errcat__ph_next("%*d", 3, &pos, ERRCAT__PH_MODE_ANY,
                                     &ph), ERRCAT__PH_BAD);
    assert_true(ph.unsupported);
    pos = 0;
    assert_int_equal(errcat__ph_next("% ", 2, &pos, ERRCAT__PH_MODE_ANY,
                                     &ph), ERRCAT__PH_BAD);
    assert_false(ph.unsupported);
}

/* Every printf conversion, with flags, width, precision and length. */
static void
test_placeholder_reads_full_printf_syntax(void **state)
{
    static const char *const ok[] = {
        "%d", "%i", "%o", "%u", "%x", "%X", "%e", "%E", "%f", "%F", "%g",
        "%G", "%a", "%A", "%c", "%s", "%5.2f", "%-10s", "%lu", "%hhd",
        "%hd", "%lld", "%qd", "%Lf", "%jd", "%zu", "%td", "%+05d", "%#x",
        "%'d", "%.3s", "%.s", "%2$d", "%12$-8.3lf",
    };
    struct errcat__ph ph;
    size_t i, pos;
    const char *s = "%12$-8.3lf";

    (void)state;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        pos = 0;
        errcat__ph_next(ok[i], strlen(ok[i]), &pos, ERRCAT__PH_MODE_PERCENT,
                        &ph);
        assert_true(errcat__ph_is_arg(ph.kind));
        assert_int_equal(ph.len, strlen(ok[i]));
        assert_int_equal(ph.style, ERRCAT_FORMAT_PRINTF);
    }
    pos = 0;
    assert_int_equal(errcat__ph_next(s, strlen(s), &pos,
                                     ERRCAT__PH_MODE_PERCENT, &ph),
                     ERRCAT__PH_NUMBERED);
    assert_int_equal(ph.number, 12);
    assert_int_equal(ph.conv, 'f');
    assert_int_equal(ph.length, 'l');
    assert_memory_equal(s + ph.flags.off, "-", ph.flags.len);
    assert_memory_equal(s + ph.width.off, "8", ph.width.len);
    assert_true(ph.has_prec);
    assert_memory_equal(s + ph.prec.off, "3", ph.prec.len);
}

/* printf reads "% u" in "100% used" as a conversion: marked loose. */
static void
test_placeholder_space_flag_is_loose(void **state)
{
    const char *s = "100% used";
    struct errcat__ph ph;
    size_t pos = 3;

    (void)state;
    assert_int_equal(errcat__ph_next(s, strlen(s), &pos,
                                     ERRCAT__PH_MODE_PERCENT, &ph),
                     ERRCAT__PH_POSITIONAL);
    assert_int_equal(ph.conv, 'u');
    assert_true(ph.loose);
    assert_int_equal(ph.len, 3);
    pos = 0;
    errcat__ph_next("%5d", 3, &pos, ERRCAT__PH_MODE_PERCENT, &ph);
    assert_false(ph.loose);
}

static void
test_placeholder_reads_python_named_directives(void **state)
{
    static const char *const ok[] = {
        "%(n)d", "%(x)r", "%(v)5.2f", "%(a)a", "%(n)-8s", "%(n)#x",
        "%(n)ld", "%(n)+d", "%(n)c", "%(n).3s",
    };
    struct errcat__ph ph;
    size_t i, pos;

    (void)state;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        pos = 0;
        assert_int_equal(errcat__ph_next(ok[i], strlen(ok[i]), &pos,
                                         ERRCAT__PH_MODE_PERCENT, &ph),
                         ERRCAT__PH_NAMED);
        assert_int_equal(ph.len, strlen(ok[i]));
        assert_int_equal(ph.style, ERRCAT_FORMAT_PYTHON);
        assert_int_equal(ph.name_len, 1);
    }
    /* a space after ")" ends the placeholder: "%(name) is" */
    assert_string_equal(kinds("%(n) is", 7, ERRCAT__PH_MODE_PERCENT), "bT");
    assert_string_equal(kinds("%(n)5 items", 11, ERRCAT__PH_MODE_PERCENT),
                        "bT");
}

static void
test_placeholder_reads_brace_fields(void **state)
{
    const char *s = "{name!r:>8}";
    struct errcat__ph ph;
    size_t pos = 0;

    (void)state;
    assert_string_equal(kinds("{0} {} {name!r} {n:>8} {{ }}", 28,
                              ERRCAT__PH_MODE_BRACE), "NTPTBTBTETE");
    assert_int_equal(errcat__ph_next(s, strlen(s), &pos,
                                     ERRCAT__PH_MODE_BRACE, &ph),
                     ERRCAT__PH_BRACE);
    assert_int_equal(ph.conv, 'r');
    assert_memory_equal(s + ph.spec.off, ">8", ph.spec.len);
    assert_memory_equal(s + ph.name, "name", ph.name_len);
    pos = 0;
    assert_int_equal(errcat__ph_next("{3}", 3, &pos, ERRCAT__PH_MODE_BRACE,
                                     &ph), ERRCAT__PH_NUMBERED);
    assert_int_equal(ph.number, 4);
    /* the fill may be any character */
    s = "{v:\302\267^10.3f}";
    pos = 0;
    assert_int_equal(errcat__ph_next(s, strlen(s), &pos,
                                     ERRCAT__PH_MODE_BRACE, &ph),
                     ERRCAT__PH_BRACE);
    assert_int_equal(ph.type, 'f');
    assert_int_equal(ph.len, strlen(s));
    /* JSON and other braces are text when finding a style */
    assert_string_equal(kinds("{\"a\": 1}", 8, ERRCAT__PH_MODE_ANY), "TTT");
}

/* What msgfmt -c compares: conversion class and size. */
static unsigned
type_of(const char *s)
{
    struct errcat__ph ph;
    size_t pos = 0;

    errcat__ph_next(s, strlen(s), &pos, ERRCAT__PH_MODE_PERCENT, &ph);
    return errcat__ph_type(&ph);
}

static void
test_placeholder_types_as_msgfmt(void **state)
{
    (void)state;
    assert_int_equal(type_of("%d"), type_of("%i"));
    assert_int_equal(type_of("%x"), type_of("%u"));
    assert_int_equal(type_of("%5.2f"), type_of("%g"));
    assert_int_equal(type_of("%lf"), type_of("%f"));
    assert_int_equal(type_of("%Ld"), type_of("%lld"));
    assert_int_equal(type_of("%qd"), type_of("%lld"));
    assert_int_equal(type_of("%hs"), type_of("%s"));
    assert_int_not_equal(type_of("%d"), type_of("%u"));
    assert_int_not_equal(type_of("%lu"), type_of("%u"));
    assert_int_not_equal(type_of("%zu"), type_of("%lu"));
    assert_int_not_equal(type_of("%Lf"), type_of("%f"));
    assert_int_not_equal(type_of("%ls"), type_of("%s"));
    assert_int_not_equal(type_of("%c"), type_of("%s"));
    assert_int_equal(type_of("%(x)r"), type_of("%(x)s"));
    assert_int_equal(type_of("%(x)d"), type_of("%(x)x"));
    assert_int_not_equal(type_of("%(x)d"), type_of("%(x)s"));
    assert_int_not_equal(type_of("%(x)c"), type_of("%(x)s"));
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
    assert_string_equal(kinds("%1$", 3, ERRCAT__PH_MODE_ANY), "X");
    assert_string_equal(kinds("%(v)5.", 6, ERRCAT__PH_MODE_ANY), "bT");
    assert_string_equal(kinds("{n:>", 4, ERRCAT__PH_MODE_BRACE), "XT");
    assert_string_equal(kinds("{n!", 3, ERRCAT__PH_MODE_BRACE), "XT");
}

/* A python-format text reads %s, %r, %a by position as Python does. */
static void
test_placeholder_python_mode_reads_python_positional(void **state)
{
    struct errcat__ph ph;
    struct errcat__ph_layout lay;
    size_t pos = 0;

    (void)state;
    assert_string_equal(kinds("%r and %a, %5.2f", 16, ERRCAT__PH_MODE_PYTHON),
                        "PTPTP");
    assert_string_equal(kinds("%r", 2, ERRCAT__PH_MODE_PERCENT), "X");
    assert_string_equal(kinds("%1$s", 4, ERRCAT__PH_MODE_PYTHON), "N");
    assert_string_equal(kinds("%lld", 4, ERRCAT__PH_MODE_PYTHON), "XT");
    assert_string_equal(kinds("{x} %s", 6, ERRCAT__PH_MODE_PYTHON), "TP");
    errcat__ph_next("%a", 2, &pos, ERRCAT__PH_MODE_PYTHON, &ph);
    assert_int_equal(ph.style, ERRCAT_FORMAT_PYTHON);
    errcat__ph_layout("%a", &ph, &lay);
    assert_int_equal(lay.cls, ERRCAT__PH_ANY);
    pos = 0;
    errcat__ph_next("%a", 2, &pos, ERRCAT__PH_MODE_PERCENT, &ph);
    errcat__ph_layout("%a", &ph, &lay);
    assert_int_equal(lay.cls, ERRCAT__PH_FLOAT);
    assert_int_equal(errcat__ph_mode_of(ERRCAT_FORMAT_PYTHON),
                     ERRCAT__PH_MODE_PYTHON);
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
        cmocka_unit_test(test_placeholder_reads_full_printf_syntax),
        cmocka_unit_test(test_placeholder_space_flag_is_loose),
        cmocka_unit_test(test_placeholder_reads_python_named_directives),
        cmocka_unit_test(test_placeholder_reads_brace_fields),
        cmocka_unit_test(test_placeholder_types_as_msgfmt),
        cmocka_unit_test(test_placeholder_python_mode_reads_python_positional),
        cmocka_unit_test(test_placeholder_numbered_reads_number),
        cmocka_unit_test(test_placeholder_stays_within_length),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
