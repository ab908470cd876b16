/*
 * test_validate.c - meaning checks: ids, C names, codes, statuses, modules,
 * placeholders and their notes, the seed's quirks as warnings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "gen_fixture.h"
#include "validate.h"

/* Errors validate_catalog finds in a catalog of entries a and b. */
static unsigned
errors_of(const char *a, const char *b)
{
    struct buf xml = { NULL, 0, 0 };
    struct model_catalog *cat;
    unsigned n;

    buf_puts(&xml, a);
    if (b)
        buf_puts(&xml, b);
    cat = fixture(xml.data);
    buf_free(&xml);
    assert_non_null(cat);
    n = validate_catalog(cat);
    model_catalog_free(cat);
    return n;
}

static void
test_validate_csbs_has_two_warnings_and_no_error(void **state)
{
    struct model_catalog *cat;

    (void)state;
    diag_reset();
    assert_int_equal(load_catalog("catalog/csbs.xml", &cat), LOAD_OK);
    model_index(cat);
    assert_int_equal(validate_catalog(cat), 0);
    assert_int_equal(diag_warnings(), 2);
    model_catalog_free(cat);
}

static void
test_validate_duplicate_id(void **state)
{
    char a[1024], b[1024];

    (void)state;
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 400,
                                             "m", ""),
                               fixture_entry(b, sizeof b, "x", "T.2", 400,
                                             "m", "")), 1);
}

static void
test_validate_ids_colliding_as_c_names(void **state)
{
    char a[1024], b[1024];

    (void)state;
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "a-b", "T.1", 400,
                                             "m", ""),
                               fixture_entry(b, sizeof b, "a_b", "T.2", 400,
                                             "m", "")), 1);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "Disk", "T.1", 400,
                                             "m", ""),
                               fixture_entry(b, sizeof b, "disk", "T.2", 400,
                                             "m", "")), 1);
}

static void
test_validate_keywords(void **state)
{
    char a[1024];

    (void)state;
    assert_true(validate_is_keyword("int"));
    assert_true(validate_is_keyword("class"));
    assert_true(validate_is_keyword("_Bool"));
    assert_false(validate_is_keyword("server_not_found"));
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "while", "T.1", 400,
                                             "m", ""), NULL), 1);
}

static void
test_validate_code_and_status(void **state)
{
    char a[1024];

    (void)state;
    /* any token of [A-Za-z0-9._:-] is a code */
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x",
                                             "PlanLimitExceeded", 400, "m",
                                             ""), NULL), 0);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x",
                                             "common.0011", 400, "m",
                                             ""), NULL), 0);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T 1", 400,
                                             "m", ""), NULL), 1);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T/1", 400,
                                             "m", ""), NULL), 1);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "", 400,
                                             "m", ""), NULL), 1);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x",
                                             "BackupService.4003", 400, "m",
                                             ""), NULL), 0);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 600,
                                             "m", ""), NULL), 1);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 99,
                                             "m", ""), NULL), 1);
}

/* Every field but id may be absent; an entry needs a description or a
 * message; what is there is still checked. */
static void
test_validate_absent_fields(void **state)
{
    (void)state;
    assert_int_equal(errors_of(
        "  <entry id=\"a\"><description>D.</description></entry>\n"
        "  <entry id=\"b\" http-status=\"413\"><message>M %(n)s</message>"
        "<arg name=\"n\">count</arg></entry>\n"
        "  <entry id=\"c\" code=\"T.1\" module=\"m\">"
        "<description>D.</description></entry>\n", NULL), 0);
    assert_int_equal(diag_errors(), 0);
    /* nothing to say */
    assert_int_equal(errors_of("  <entry id=\"a\"/>\n", NULL), 1);
    assert_int_equal(errors_of(
        "  <entry id=\"a\" code=\"T.1\"><measure>Retry.</measure></entry>\n",
        NULL), 1);
    /* empty is not absent */
    assert_int_equal(errors_of(
        "  <entry id=\"a\"><description>D.</description>"
        "<measure></measure></entry>\n", NULL), 1);
    /* an <arg> needs a message */
    assert_int_equal(errors_of(
        "  <entry id=\"a\"><description>D.</description>"
        "<arg>what</arg></entry>\n", NULL), 1);
    /* present fields keep their checks */
    assert_int_equal(errors_of(
        "  <entry id=\"a\" http-status=\"0\" module=\"nope\">"
        "<description>D.</description></entry>\n", NULL), 2);
}

static void
test_validate_args_match_placeholders(void **state)
{
    char a[1024];

    (void)state;
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 400,
        "%s and %s", "<arg>one</arg><arg>two</arg>"), NULL), 0);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 400,
        "%s and %s", "<arg>one</arg>"), NULL), 1);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 400,
        "%(a)s", "<arg name=\"a\">A</arg>"), NULL), 0);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 400,
        "%(a)s", "<arg name=\"b\">B</arg>"), NULL), 2);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 400,
        "{a} {b}", "<arg name=\"a\">A</arg><arg name=\"b\">B</arg>"),
        NULL), 0);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 400,
        "plain", "<arg>stray</arg>"), NULL), 1);
}

static void
test_validate_mixed_styles(void **state)
{
    char a[1024];

    (void)state;
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 400,
        "%s {a}", "<arg>one</arg>"), NULL), 1);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 400,
        "%s %(a)s", "<arg>one</arg>"), NULL), 1);
}

static void
test_validate_quirks_warn_but_pass(void **state)
{
    char a[1024];

    (void)state;
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 400,
        "region %(r) unknown", "<arg name=\"r\">R</arg>"), NULL), 0);
    assert_int_equal(diag_warnings(), 1);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 400,
        "not supported.\"", ""), NULL), 0);
    assert_int_equal(diag_warnings(), 1);
    diag_set_werror(1);
    assert_int_equal(errors_of(fixture_entry(a, sizeof a, "x", "T.1", 400,
        "not supported.\"", ""), NULL), 0);
    assert_int_equal(diag_errors(), 1);
    diag_set_werror(0);
}

static void
test_validate_text_loc_counts_characters(void **state)
{
    struct loc start = { "f", 3, 10 }, at;

    (void)state;
    at = validate_text_loc(&start, "\xe4\xba\x91 x\ny", 6);
    assert_int_equal(at.line, 4);
    assert_int_equal(at.col, 1);
    at = validate_text_loc(&start, "\xe4\xba\x91 x", 4);
    assert_int_equal(at.col, 12);
}

static void
test_validate_catalogs_together(void **state)
{
    char a[1024];
    struct model_catalog *x, *y, *both[2];

    (void)state;
    x = fixture(fixture_entry(a, sizeof a, "x", "T.1", 400, "m", ""));
    y = fixture(fixture_entry(a, sizeof a, "x", "T.1", 400, "m", ""));
    both[0] = x;
    both[1] = y;
    assert_int_equal(validate_together(both, 2), 1);
    model_catalog_free(x);
    model_catalog_free(y);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_validate_csbs_has_two_warnings_and_no_error),
        cmocka_unit_test(test_validate_duplicate_id),
        cmocka_unit_test(test_validate_ids_colliding_as_c_names),
        cmocka_unit_test(test_validate_keywords),
        cmocka_unit_test(test_validate_code_and_status),
        cmocka_unit_test(test_validate_absent_fields),
        cmocka_unit_test(test_validate_args_match_placeholders),
        cmocka_unit_test(test_validate_mixed_styles),
        cmocka_unit_test(test_validate_quirks_warn_but_pass),
        cmocka_unit_test(test_validate_text_loc_counts_characters),
        cmocka_unit_test(test_validate_catalogs_together),
    };

    return cmocka_run_group_tests(tests, gen_setup, gen_teardown);
}
