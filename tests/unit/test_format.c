/*
 * test_format.c - the runtime's formatter: every placeholder style,
 * escapes, missing arguments, and snprintf-style truncation that never
 * splits a UTF-8 sequence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "errcat_int.h"
#include "errcat.h"
#include "../fixtures/fixture_catalog.h"

static char out[512];

static const char *
fmt(const char *tmpl, const char *src, enum errcat_format f,
    const char *const *args, size_t n)
{
    size_t len = errcat__format(tmpl, src, f, args, n, out, sizeof out);

    assert_int_equal(len, strlen(out));
    return out;
}

static void
test_format_substitutes_printf_arguments(void **state)
{
    const char *args[] = { "vol-1", "ecs-01" };
    const char *src = "Volume (%s) attached to server (%s).";

    (void)state;
    assert_string_equal(fmt(src, src, ERRCAT_FORMAT_PRINTF, args, 2),
                        "Volume (vol-1) attached to server (ecs-01).");
    assert_string_equal(fmt("%2$s hat %1$s", src, ERRCAT_FORMAT_PRINTF,
                            args, 2), "ecs-01 hat vol-1");
    assert_string_equal(fmt("100%% von %s", "100%% of %s",
                            ERRCAT_FORMAT_PRINTF, args, 1), "100% von vol-1");
}

static void
test_format_substitutes_named_arguments_by_source_order(void **state)
{
    const char *src = "Backup %(backup_id)s to %(region)s: %(record_status)s.";
    const char *args[] = { "b-1", "eu-de", "done" };
    const char *bare = "The destination region %(destination_region) is not "
        "supported.";
    const char *brace = "The backup {id} in {region}, {{literal}}";

    (void)state;
    assert_string_equal(fmt(src, src, ERRCAT_FORMAT_PYTHON, args, 3),
                        "Backup b-1 to eu-de: done.");
    assert_string_equal(fmt("%(record_status)s: %(backup_id)s → %(region)s",
                            src, ERRCAT_FORMAT_PYTHON, args, 3),
                        "done: b-1 → eu-de");
    assert_string_equal(fmt(bare, bare, ERRCAT_FORMAT_PYTHON, args, 1),
                        "The destination region b-1 is not supported.");
    assert_string_equal(fmt(brace, brace, ERRCAT_FORMAT_BRACE, args, 2),
                        "The backup b-1 in eu-de, {literal}");
    assert_string_equal(fmt("{region}: {id} 100%", brace, ERRCAT_FORMAT_BRACE,
                            args, 2), "eu-de: b-1 100%");
}

static void
test_format_keeps_placeholder_of_missing_argument(void **state)
{
    const char *src = "Server (%s) status (%s).";
    const char *args[] = { "ecs-01", NULL };

    (void)state;
    assert_string_equal(fmt(src, src, ERRCAT_FORMAT_PRINTF, args, 2),
                        "Server (ecs-01) status (%s).");
    assert_string_equal(fmt(src, src, ERRCAT_FORMAT_PRINTF, NULL, 0),
                        "Server (%s) status (%s).");
    assert_string_equal(fmt("%3$s", src, ERRCAT_FORMAT_PRINTF, args, 2),
                        "%3$s");
    assert_string_equal(fmt("{x} {y}", "{x}", ERRCAT_FORMAT_BRACE, args, 1),
                        "ecs-01 {y}");
}

static void
test_format_copies_plain_text_verbatim(void **state)
{
    const char *args[] = { "x" };

    (void)state;
    assert_string_equal(fmt("100% %s {a} %%", NULL, ERRCAT_FORMAT_NONE, args,
                            1), "100% %s {a} %%");
    assert_string_equal(fmt(NULL, NULL, ERRCAT_FORMAT_PRINTF, args, 1), "");
}

static void
test_format_never_interprets_arguments(void **state)
{
    const char *args[] = { "%s %n {x} %1$s" };

    (void)state;
    assert_string_equal(fmt("a %s b", "a %s b", ERRCAT_FORMAT_PRINTF, args, 1),
                        "a %s %n {x} %1$s b");
}

static void
test_format_truncates_at_character_boundaries(void **state)
{
    const char *src = "云服务器（%s）已在使用中。";
    const char *args[] = { "ecs-01" };
    char full[128], buf[128];
    size_t n, size, w;

    (void)state;
    n = errcat__format(src, src, ERRCAT_FORMAT_PRINTF, args, 1, full,
                       sizeof full);
    assert_int_equal(n, strlen(full));
    for (size = 0; size <= n + 1; size++) {
        memset(buf, 'X', sizeof buf);
        assert_int_equal(errcat__format(src, src, ERRCAT_FORMAT_PRINTF, args,
                                        1, size ? buf : NULL, size), n);
        if (size == 0)
            continue;
        w = strlen(buf);
        assert_true(w < size);
        assert_true(w + 3 >= size - 1 || w == n);   /* cut at most 3 bytes */
        assert_memory_equal(buf, full, w);
        assert_true(errcat__utf8_valid(buf, w));
        if (size < sizeof buf)
            assert_int_equal(buf[size], 'X');       /* nothing past size */
    }
}

static void
test_format_formats_catalog_messages_in_a_locale(void **state)
{
    const struct errcat_entry *e = errcat_find(&fixture_catalog,
                                               FIX_SERVER_TYPE_MISMATCH);
    const char *args[] = { "s1", "t1", "s2", "t2" };
    char buf[256];
    size_t n;

    (void)state;
    n = errcat_format(&fixture_catalog, NULL, e, args, 4, buf, sizeof buf);
    assert_string_equal(buf, "The source server (s1) type (t1) is not the same "
                        "as the target server (s2) type (t2).");
    assert_int_equal(n, strlen(buf));
    /* unknown entries give the fallback, whatever the arguments */
    errcat_format(&fixture_catalog, NULL, NULL, args, 4, buf, sizeof buf);
    assert_string_equal(buf, "Unknown error");
    errcat_format(NULL, NULL, e, NULL, 0, buf, sizeof buf);
    assert_string_equal(buf, "Unknown error");
    assert_int_equal(errcat_format(&fixture_catalog, NULL, e, args, 4, NULL, 0),
                     n);
}

/* Width, precision and '-' lay out a string argument as printf lays out
 * %s, counted in characters; other conversions insert the argument as
 * given, padded to the width. */
static void
test_format_lays_out_printf_directives(void **state)
{
    const char *a[] = { "ab", "\xe4\xba\x91\xe7\xa1\xac\xe7\x9b\x98", "42",
                        "-7", "3.14159" };
    const char *src = "%s %s %s %s %s";
    const enum errcat_format P = ERRCAT_FORMAT_PRINTF;

    (void)state;
    assert_string_equal(fmt("[%5s]", src, P, a, 1), "[   ab]");
    assert_string_equal(fmt("[%-5s]", src, P, a, 1), "[ab   ]");
    assert_string_equal(fmt("[%.1s]", src, P, a, 1), "[a]");
    assert_string_equal(fmt("[%.0s]", src, P, a, 1), "[]");
    assert_string_equal(fmt("[%1s]", src, P, a, 1), "[ab]");
    /* characters, not bytes: a cut never splits one */
    assert_string_equal(fmt("[%2$-5.2s]", src, P, a, 2),
                        "[\xe4\xba\x91\xe7\xa1\xac   ]");
    assert_string_equal(fmt("[%2$4s]", src, P, a, 2),
                        "[ \xe4\xba\x91\xe7\xa1\xac\xe7\x9b\x98]");
    /* numbers as given; '0' pads after the sign */
    assert_string_equal(fmt("[%3$5d|%3$-4u|%4$05d|%3$lu]", src, P, a, 4),
                        "[   42|42  |-0007|42]");
    assert_string_equal(fmt("[%5$5.2f]", src, P, a, 5), "[3.14159]");
    assert_string_equal(fmt("[%5$10.2f]", src, P, a, 5), "[   3.14159]");
    assert_string_equal(fmt("[%3$x|%3$#X|%3$c]", src, P, a, 3),
                        "[42|42|42]");
    /* "% u" is a conversion in a printf text, as printf reads it */
    assert_string_equal(fmt("%3$s at 100% used", src, P, a, 3),
                        "42 at 100ab" "sed");
}

static void
test_format_lays_out_python_directives(void **state)
{
    const char *a[] = { "12", "Obj", "0.5" };
    const char *src = "%(n)d %(x)r %(v)5.2f";
    const enum errcat_format Y = ERRCAT_FORMAT_PYTHON;

    (void)state;
    assert_string_equal(fmt(src, src, Y, a, 3), "12 Obj   0.5");
    assert_string_equal(fmt("%(x)-5s|%(x).1r|%(n)04d", src, Y, a, 3),
                        "Obj  |O|0012");
    /* a bare %(name) is the argument as given */
    assert_string_equal(fmt("%(x) is", src, Y, a, 3), "Obj is");
}

/* {0} and {} by position, names by the source's order; the spec's fill,
 * alignment, width and precision apply as Python applies them to a str;
 * a number's type aligns it right; !r inserts the argument as given. */
static void
test_format_lays_out_brace_fields(void **state)
{
    const char *a[] = { "vol", "7" };
    const char *named = "{name} {count}";
    const enum errcat_format B = ERRCAT_FORMAT_BRACE;

    (void)state;
    assert_string_equal(fmt("{1} {0} {1}", "{0} {1}", B, a, 2), "7 vol 7");
    assert_string_equal(fmt("{} to {}", "{} to {}", B, a, 2), "vol to 7");
    assert_string_equal(fmt("{name!r} {count:>4}", named, B, a, 2),
                        "vol    7");
    assert_string_equal(fmt("[{name:6}|{count:4d}|{name:^7}|{name:.2}]",
                            named, B, a, 2), "[vol   |   7|  vol  |vo]");
    assert_string_equal(fmt("[{name:*<6}|{count:\xc2\xb7>3}|{count:03d}]",
                            named, B, a, 2),
                        "[vol***|\xc2\xb7\xc2\xb7" "7|007]");
    assert_string_equal(fmt("{{{name}}}", named, B, a, 2), "{vol}");
    /* a field errcat does not take stays as written */
    assert_string_equal(fmt("{name.upper} {name}", named, B, a, 2),
                        "{name.upper} vol");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_lays_out_printf_directives),
        cmocka_unit_test(test_format_lays_out_python_directives),
        cmocka_unit_test(test_format_lays_out_brace_fields),
        cmocka_unit_test(test_format_substitutes_printf_arguments),
        cmocka_unit_test(test_format_substitutes_named_arguments_by_source_order),
        cmocka_unit_test(test_format_keeps_placeholder_of_missing_argument),
        cmocka_unit_test(test_format_copies_plain_text_verbatim),
        cmocka_unit_test(test_format_never_interprets_arguments),
        cmocka_unit_test(test_format_truncates_at_character_boundaries),
        cmocka_unit_test(test_format_formats_catalog_messages_in_a_locale),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
