/*
 * test_load.c - the libxml2 loader: the real catalog loads verbatim with
 * locations; hostile or broken input is refused before or by libxml2.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "gen_fixture.h"

#include "diag.h"
#include "load.h"

static enum load_status
load_string(const char *xml, struct model_catalog **cat)
{
    diag_reset();
    return load_catalog_memory("mem.xml", xml, strlen(xml), cat);
}

static const struct model_entry *
entry(const struct model_catalog *cat, const char *id)
{
    size_t i;

    for (i = 0; i < cat->n_entries; i++)
        if (strcmp(cat->entries[i].id, id) == 0)
            return &cat->entries[i];
    fail_msg("no entry %s", id);
    return NULL;
}

static void
test_load_reads_the_csbs_catalog(void **state)
{
    struct model_catalog *cat;
    const struct model_entry *e;
    size_t i, unused = 0;

    (void)state;
    diag_reset();
    assert_int_equal(load_catalog("catalog/csbs.xml", &cat), LOAD_OK);
    assert_int_equal(diag_errors(), 0);
    assert_int_equal(cat->n_entries, 66);
    assert_int_equal(cat->n_modules, 6);
    assert_string_equal(cat->domain, "errcat-csbs");
    assert_string_equal(cat->prefix, "CSBS");
    assert_int_equal(cat->number, 1);
    for (i = 0; i < cat->n_entries; i++)
        unused += cat->entries[i].unused;
    assert_int_equal(unused, 3);
    e = entry(cat, "partial_restore_unsupported");
    assert_string_equal(e->code, "CSBS.6018");
    assert_string_equal(e->text[FIELD_MESSAGE],
                        "Not assign backup(s) (%s) to volume(s), partial "
                        "restore is not supported.\"");
    e = entry(cat, "server_already_bound");
    assert_string_equal(e->module_ref, "policy");
    assert_int_equal(e->http_status, 400);
    assert_int_equal(e->n_args, 1);
    model_catalog_free(cat);
}

static void
test_load_records_line_and_column(void **state)
{
    const char *xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<catalog version=\"1\" name=\"t\" number=\"9\" domain=\"t\"\n"
        "         prefix=\"T\">\n"
        "  <module id=\"m\">Main</module>\n"
        "  <entry id=\"a\" code=\"T.1\" http-status=\"400\" module=\"m\">\n"
        "    <description>D.</description>\n"
        "    <message>M &amp; %s</message>\n"
        "    <arg>x</arg>\n"
        "    <measure>F.</measure>\n"
        "  </entry>\n"
        "</catalog>\n";
    struct model_catalog *cat;

    (void)state;
    assert_int_equal(load_string(xml, &cat), LOAD_OK);
    assert_int_equal(cat->loc.line, 2);
    assert_int_equal(cat->loc.col, 1);
    assert_int_equal(cat->entries[0].loc.line, 5);
    assert_int_equal(cat->entries[0].loc.col, 3);
    assert_int_equal(cat->entries[0].code_loc.col, 17);
    assert_int_equal(cat->entries[0].text_loc[FIELD_MESSAGE].line, 7);
    assert_int_equal(cat->entries[0].text_loc[FIELD_MESSAGE].col, 14);
    assert_string_equal(cat->entries[0].text[FIELD_MESSAGE], "M & %s");
    model_catalog_free(cat);
}

/* Each input is refused with one error and no model. */
static void
refused(const char *xml, size_t len)
{
    struct model_catalog *cat = (struct model_catalog *)1;

    diag_reset();
    assert_int_equal(load_catalog_memory("mem.xml", xml, len, &cat),
                     LOAD_INVALID);
    assert_null(cat);
    assert_true(diag_errors() >= 1);
}

/* Each input gets schema errors and a model for the content checks. */
static void
schema_refused(const char *xml, size_t len)
{
    struct model_catalog *cat = NULL;

    diag_reset();
    assert_int_equal(load_catalog_memory("mem.xml", xml, len, &cat),
                     LOAD_SCHEMA);
    assert_non_null(cat);
    assert_true(diag_errors() >= 1);
    model_catalog_free(cat);
}

static void
test_load_refuses_what_libxml2_never_sees(void **state)
{
    (void)state;
    refused("", 0);
    refused("<catalog\0/>", 11);
    refused("<catalog>\xff</catalog>", 20);
    refused("<catalog>\xc0\xaf</catalog>", 21);    /* overlong '/' */
    refused("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><catalog/>",
            strlen("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                   "<catalog/>"));
    refused("plain text\n", 11);
}

static void
test_load_refuses_dtd_and_entities(void **state)
{
    const char *dtd =
        "<?xml version=\"1.0\"?>\n<!-- c -->\n"
        "<!DOCTYPE catalog SYSTEM \"http://example.com/x.dtd\">\n"
        "<catalog/>\n";
    const char *undeclared =
        "<catalog version=\"1\" name=\"t\" number=\"9\" domain=\"t\" "
        "prefix=\"T\"><module id=\"m\">&ext;</module></catalog>";

    (void)state;
    refused(dtd, strlen(dtd));
    refused(undeclared, strlen(undeclared));
}

static void
test_load_refuses_schema_violations(void **state)
{
    const char *xml =
        "<catalog version=\"1\" name=\"t\" number=\"0\" domain=\"t\" "
        "prefix=\"T\"><module id=\"m\">M</module></catalog>";
    const char *extra =
        "<catalog version=\"1\" name=\"t\" number=\"3\" domain=\"t\" "
        "prefix=\"T\" extra=\"1\"><module id=\"m\">M</module></catalog>";

    (void)state;
    schema_refused(xml, strlen(xml));
    schema_refused(extra, strlen(extra));
}

/* Schema errors are reported, and the model comes back for the content
 * checks of the same run: an entry without id is left out of it. */
static void
test_load_schema_errors_leave_a_model_to_check(void **state)
{
    const char *xml =
        "<catalog version=\"1\" name=\"t\" number=\"3\" domain=\"t\" "
        "prefix=\"T\"><module id=\"m\">M</module>"
        "<entry id=\"a\" code=\"T 1\" http-status=\"x\"><mesage>m</mesage>"
        "</entry><entry code=\"T.2\"><description>D</description></entry>"
        "</catalog>";
    struct model_catalog *cat = NULL;

    (void)state;
    diag_reset();
    assert_int_equal(load_catalog_memory("mem.xml", xml, strlen(xml), &cat),
                     LOAD_SCHEMA);
    assert_int_equal(diag_errors(), 3);
    assert_non_null(cat);
    assert_int_equal(cat->n_entries, 1);
    assert_string_equal(cat->entries[0].code, "T 1");
    assert_false(cat->entries[0].has_status);
    model_catalog_free(cat);
}

static void
test_load_missing_file_is_io_error(void **state)
{
    struct model_catalog *cat;

    (void)state;
    diag_reset();
    assert_int_equal(load_catalog("no/such/catalog.xml", &cat), LOAD_IO);
    assert_null(cat);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_reads_the_csbs_catalog),
        cmocka_unit_test(test_load_records_line_and_column),
        cmocka_unit_test(test_load_refuses_what_libxml2_never_sees),
        cmocka_unit_test(test_load_refuses_dtd_and_entities),
        cmocka_unit_test(test_load_refuses_schema_violations),
        cmocka_unit_test(test_load_schema_errors_leave_a_model_to_check),
        cmocka_unit_test(test_load_missing_file_is_io_error),
    };

    return cmocka_run_group_tests(tests, gen_setup, gen_teardown);
}
