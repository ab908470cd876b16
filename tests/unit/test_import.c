/*
 * test_import.c - the table readers and the column mapping: the CSBS
 * seed page imports to catalog/csbs.xml's entries, and tables laid out
 * as other services publish them (an RST grid table with merged and
 * multi-line cells, a list-table, an HTML page with rowspan, CSV and TSV
 * exports) give the texts they hold.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

#include <cmocka.h>

#include "gen_fixture.h"
#include "import.h"
#include "validate.h"
#include "write_xml.h"

/* The rows of a table file, mapped; fails the test on an error. */
static void
rows_of(const char *path, const char *format, struct import_rows *rows)
{
    struct import_doc doc;

    memset(&doc, 0, sizeof doc);
    memset(rows, 0, sizeof *rows);
    diag_reset();
    assert_int_equal(import_read_doc(path, format, &doc), 0);
    assert_int_equal(import_map(&doc, NULL, rows), 0);
    import_doc_free(&doc);
}

/* The rows of a table given as text. Returns the errors reported. */
static unsigned
rows_of_text(const char *text, const char *format, const char *columns,
             struct import_rows *rows)
{
    struct import_doc doc;
    unsigned errors;
    size_t n = strlen(text);

    memset(&doc, 0, sizeof doc);
    memset(rows, 0, sizeof *rows);
    diag_reset();
    doc.path = "t";
    if (import_reader_of(format)(&doc, text, n) < 0) {
        import_doc_free(&doc);
        return diag_errors();
    }
    errors = import_map(&doc, columns, rows);
    import_doc_free(&doc);
    return errors;
}

static const struct import_rec *
row_with(const struct import_rows *rows, const char *code, int status)
{
    size_t i;

    for (i = 0; i < rows->n; i++)
        if (rows->recs[i].field[IMP_CODE]
            && strcmp(rows->recs[i].field[IMP_CODE], code) == 0
            && (!status || rows->recs[i].status == status))
            return &rows->recs[i];
    fail_msg("no row for %s", code);
    return NULL;
}

static void
assert_field(const struct import_rec *r, enum import_field f,
             const char *want)
{
    if (!want) {
        assert_null(r->field[f]);
        return;
    }
    assert_non_null(r->field[f]);
    assert_string_equal(r->field[f], want);
}

/* Every entry of catalog/csbs.xml, in order: code, status, module name,
   the three texts and the unused flag as the seed page has them. */
static void
test_import_seed_gives_csbs_entries(void **state)
{
    struct model_catalog *want = NULL, *got;
    struct import_rows rows;
    struct import_meta meta = { "csbs", "errcat-csbs", "CSBS", NULL, 1 };
    size_t i, f;

    (void)state;
    assert_int_equal(load_catalog("catalog/csbs.xml", &want), LOAD_OK);
    model_index(want);
    rows_of("tests/import/seed.md", NULL, &rows);
    got = import_build(&rows, &meta);
    model_index(got);
    assert_int_equal(validate_catalog(got), 0);
    assert_int_equal(got->n_entries, 66);
    assert_int_equal(got->n_entries, want->n_entries);
    assert_int_equal(got->n_modules, want->n_modules);
    for (i = 0; i < want->n_entries; i++) {
        const struct model_entry *a = &want->entries[i], *b = &got->entries[i];

        assert_string_equal(b->code, a->code);
        assert_int_equal(b->http_status, a->http_status);
        assert_string_equal(got->modules[b->module].name,
                            want->modules[a->module].name);
        for (f = 0; f < ENTRY_TEXTS; f++)
            assert_string_equal(b->text[f], a->text[f]);
        assert_int_equal(!!b->unused, !!a->unused);
        assert_false(validate_is_keyword(b->id));
    }
    model_catalog_free(got);
    model_catalog_free(want);
    import_rows_free(&rows);
}

/* The seed's quirk: rows under a merged Module cell start with the HTTP
   status and end with an empty cell; they belong to the module above. */
static void
test_import_seed_short_rows_fill_module_down(void **state)
{
    struct import_rows rows;
    const struct import_rec *r;

    (void)state;
    rows_of("tests/import/seed.md", NULL, &rows);
    r = row_with(&rows, "CSBS.6000", 400);
    assert_field(r, IMP_MODULE, "Shared");
    assert_field(r, IMP_DESCRIPTION, "The server does not exist.");
    assert_field(r, IMP_MEASURE, "Check whether the server exists.");
    r = row_with(&rows, "CSBS.6040", 404);
    assert_field(r, IMP_MODULE, "Task management");
    assert_int_equal(r->line, 74);
    import_rows_free(&rows);
}

static void
test_import_ids_stable_unique_not_keywords(void **state)
{
    struct import_rows rows;
    struct import_set taken = { NULL, 0, 0, { NULL } };
    struct import_set again = { NULL, 0, 0, { NULL } };
    struct import_rec r;
    char *a, *b, *c, *d;

    (void)state;
    rows_of("tests/import/seed.md", NULL, &rows);
    memset(&r, 0, sizeof r);
    r.field[IMP_DESCRIPTION] = "Return.";
    a = import_entry_id(&r, &taken);
    assert_string_equal(a, "return_error");
    b = import_entry_id(&r, &taken);
    assert_string_equal(b, "return_error_2");
    r.field[IMP_DESCRIPTION] = "副本不能用于复制。";
    r.field[IMP_CODE] = "CSBS.8022";
    c = import_entry_id(&r, &taken);
    assert_string_equal(c, "csbs_8022");
    d = import_entry_id(&r, &again);
    assert_string_equal(d, c);
    free(a);
    free(b);
    free(c);
    free(d);
    import_set_free(&taken);
    import_set_free(&again);
    import_rows_free(&rows);
}

/* A Sphinx grid table: a Module cell merged over three rows, cells of
   several lines, **strong** markup and a backslash escape. */
static void
test_import_rst_grid_merged_and_multiline(void **state)
{
    struct import_rows rows;
    const struct import_rec *r;

    (void)state;
    rows_of("tests/import/grid.rst", NULL, &rows);
    assert_int_equal(rows.n, 4);
    r = row_with(&rows, "CSBS.1001", 500);
    assert_field(r, IMP_MODULE, "Backup management");
    assert_field(r, IMP_DESCRIPTION, "The backup task cannot be\n"
                 "executed, because a manual\nbackup task is being\n"
                 "executed.");
    assert_int_equal(r->line, 13);
    r = row_with(&rows, "CSBS.3001", 404);
    assert_field(r, IMP_MODULE, "Backup management");
    assert_field(r, IMP_DESCRIPTION, "The backup does not\nexist.");
    assert_field(r, IMP_MESSAGE, "Checkpoint_item (%s) is not found.");
    assert_int_equal(r->line, 18);
    r = row_with(&rows, "CSBS.1002", 500);
    assert_field(r, IMP_MODULE, "Backup management");
    assert_int_equal(r->unused, 1);
    r = row_with(&rows, "CSBS.6040", 404);
    assert_field(r, IMP_MODULE, "Task management");
    assert_field(r, IMP_MEASURE, "Check whether the\nbackup job exists.");
    import_rows_free(&rows);
}

static void
test_import_rst_list_table(void **state)
{
    struct import_rows rows;
    const struct import_rec *r;

    (void)state;
    rows_of("tests/import/list-table.rst", NULL, &rows);
    assert_int_equal(rows.n, 2);
    r = row_with(&rows, "CSBS.6028", 500);
    assert_field(r, IMP_MEASURE, "Check the network connection or contact\n"
                 "technical support.");
    r = row_with(&rows, "CSBS.8012", 500);
    assert_field(r, IMP_MODULE, "Replication management");
    assert_field(r, IMP_DESCRIPTION,
                 "Replicas cannot be used for replication.");
    assert_field(r, IMP_MESSAGE, "The destination region "
                 "%(destination_region) is not supported.");
    assert_field(r, IMP_MEASURE, "Check whether the replica is a copy.");
    import_rows_free(&rows);
}

/* An HTML page: rowspan over four rows, colspan, thead and tbody,
   entities, <p>, <br>, <b> and <code>. */
static void
test_import_html_rowspan_entities_markup(void **state)
{
    struct import_rows rows;
    const struct import_rec *r;

    (void)state;
    rows_of("tests/import/page.html", NULL, &rows);
    assert_int_equal(rows.n, 6);
    r = row_with(&rows, "CSBS.9009", 403);
    assert_field(r, IMP_MODULE, "Shared");
    assert_field(r, IMP_DESCRIPTION, "The user is not authenticated by real "
                 "name.\nAuthenticate the user's real name and try again.");
    assert_field(r, IMP_MESSAGE, "User is unverified.");
    assert_field(r, IMP_MEASURE, "Authenticate the user\xe2\x80\x99s real "
                 "name and try again.");
    r = row_with(&rows, "CSBS.6018", 400);
    assert_field(r, IMP_MODULE, "Shared");
    assert_field(r, IMP_MESSAGE, "Not assign backup(s) (%s) to volume(s), "
                 "partial restore is not supported.\"");
    assert_field(r, IMP_MEASURE, "Select all backup disks in the backup\n"
                 "for restoration.");
    r = row_with(&rows, "CSBS.6001", 400);
    assert_field(r, IMP_MODULE, "Shared");
    assert_field(r, IMP_DESCRIPTION, "The server has stopped.");
    assert_field(r, IMP_MESSAGE, "The server has stopped.");
    r = row_with(&rows, "CSBS.5001", 500);
    assert_field(r, IMP_MODULE, "Backup policy management");
    assert_field(r, IMP_MESSAGE, "Scheduel operation status can't be set "
                 "unable");
    import_rows_free(&rows);
}

/* A spreadsheet export: lines before the header, RFC 4180 quoting (a
   comma, a doubled quote and a line break inside fields), a blank
   Module cell filled down. */
static void
test_import_csv_export(void **state)
{
    struct import_rows rows;
    const struct import_rec *r;

    (void)state;
    rows_of("tests/import/export.csv", NULL, &rows);
    assert_int_equal(rows.n, 4);
    r = row_with(&rows, "CSBS.6018", 400);
    assert_field(r, IMP_MESSAGE, "Not assign backup(s) (%s) to volume(s), "
                 "partial restore is not supported.\"");
    r = &rows.recs[3];
    assert_field(r, IMP_CODE, "CSBS.8026");
    assert_field(r, IMP_MODULE, "Backup management");
    assert_field(r, IMP_MEASURE, "Check whether the backup\nis an EVS "
                 "backup.");
    import_rows_free(&rows);
}

static void
test_import_tsv_crlf_any_column_order(void **state)
{
    struct import_rows rows;
    const struct import_rec *r;

    (void)state;
    rows_of("tests/import/export.tsv", NULL, &rows);
    assert_int_equal(rows.n, 1);
    r = row_with(&rows, "CSBS.6000", 400);
    assert_field(r, IMP_MESSAGE, "server do not exist");
    assert_field(r, IMP_MEASURE, "Check whether the server exists.");
    import_rows_free(&rows);
}

/* Chinese headers, --columns for others, an unknown column ignored. */
static void
test_import_columns_chinese_and_mapped(void **state)
{
    struct import_rows rows;

    (void)state;
    assert_int_equal(rows_of_text(
        "| 模块 | 状态码 | 错误码 | 错误描述 | Fehlermeldung | 备注 | 处理措施 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 公共 | 400 | CSBS.0001 | 备份策略数量已达上限。 | "
        "Service over limit | x | 请删除已有的备份策略后重试。 |\n", "md",
        "Fehlermeldung=message", &rows), 0);
    assert_int_equal(rows.n, 1);
    assert_field(&rows.recs[0], IMP_MODULE, "公共");
    assert_field(&rows.recs[0], IMP_DESCRIPTION, "备份策略数量已达上限。");
    assert_field(&rows.recs[0], IMP_MESSAGE, "Service over limit");
    assert_field(&rows.recs[0], IMP_MEASURE, "请删除已有的备份策略后重试。");
    assert_int_equal(diag_warnings(), 1);
    import_rows_free(&rows);
}

/* Markdown: '\|' in a message, markup in a description. */
static void
test_import_md_escapes_and_markup(void **state)
{
    struct import_rows rows;

    (void)state;
    assert_int_equal(rows_of_text(
        "| Module | Status Code | Error Code | Description | Error Message "
        "| Solution |\n"
        "|:--|--|:--|:-:|--:|--|\n"
        "| Shared | 400 | CSBS.6000 | The **server** does `not` exist\\|. "
        "| a \\| b *c* | [Check](https://example.org) *it*. |\n",
        "md", NULL, &rows), 0);
    assert_field(&rows.recs[0], IMP_DESCRIPTION,
                 "The server does not exist|.");
    assert_field(&rows.recs[0], IMP_MESSAGE, "a | b *c*");
    assert_field(&rows.recs[0], IMP_MEASURE, "Check it.");
    import_rows_free(&rows);
}

static void
test_import_refuses_table_without_code_or_description(void **state)
{
    struct import_rows rows;

    (void)state;
    assert_int_equal(rows_of_text("intro\n\n| Module | Error Message |\n"
                                  "|---|---|\n| Shared | x |\n", "md", NULL,
                                  &rows), 1);
    import_rows_free(&rows);
    assert_int_equal(rows_of_text("no table here\n", "md", NULL, &rows), 1);
    import_rows_free(&rows);
}

static void
test_import_bad_rows_reported(void **state)
{
    struct import_rows rows;

    (void)state;
    assert_int_equal(rows_of_text(
        "| Module | HTTP Status Code | Error Code | Description |\n"
        "|---|---|---|---|\n"
        "| Shared | 4000 | CSBS.1 | a |\n"
        "| Shared | 400 | CSBS.2 | b | extra |\n"
        "| Shared | 400 | CSBS.3 | c |\n", "md", NULL, &rows), 2);
    import_rows_free(&rows);
    assert_int_equal(rows_of_text("Error Code,Description\n\"CSBS.1,x\n",
                                  "csv", NULL, &rows), 1);
    import_rows_free(&rows);
}

static void
test_import_sniff(void **state)
{
    (void)state;
    assert_string_equal(import_sniff("a.rst", "x", 1), "rst");
    assert_string_equal(import_sniff("a.csv", "x", 1), "csv");
    assert_string_equal(import_sniff("a.txt", "| a |\n|---|\n", 12), "md");
    assert_string_equal(import_sniff("page", "<html>", 6), "html");
    assert_string_equal(import_sniff("x", "+---+\n| a |\n", 12), "rst");
}

/* A new catalog written from a model keeps every note where it was:
   on the whole entry, or with field= on one of its texts. */
static void
test_import_writer_keeps_field_notes(void **state)
{
    struct model_catalog *cat;
    struct buf out = { NULL, 0, 0 };
    char *src = "catalog/csbs.xml";

    (void)state;
    diag_reset();
    assert_int_equal(load_catalog("catalog/csbs.xml", &cat), LOAD_OK);
    write_xml_catalog(cat, &src, 1, &out);
    assert_non_null(strstr(out.data, "    <note field=\"measure\">It means: "
                                     "check whether the backup is a replica"));
    assert_non_null(strstr(out.data, "    <note>CSBS.8026 names two errors; "
                                     "this one is about dedicated backup "
                                     "capacity.</note>\n    <note field=\""
                                     "message\">\"dec\" stands for"));
    buf_free(&out);
    model_catalog_free(cat);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_import_seed_gives_csbs_entries),
        cmocka_unit_test(test_import_seed_short_rows_fill_module_down),
        cmocka_unit_test(test_import_ids_stable_unique_not_keywords),
        cmocka_unit_test(test_import_rst_grid_merged_and_multiline),
        cmocka_unit_test(test_import_rst_list_table),
        cmocka_unit_test(test_import_html_rowspan_entities_markup),
        cmocka_unit_test(test_import_csv_export),
        cmocka_unit_test(test_import_tsv_crlf_any_column_order),
        cmocka_unit_test(test_import_columns_chinese_and_mapped),
        cmocka_unit_test(test_import_md_escapes_and_markup),
        cmocka_unit_test(test_import_refuses_table_without_code_or_description),
        cmocka_unit_test(test_import_bad_rows_reported),
        cmocka_unit_test(test_import_sniff),
        cmocka_unit_test(test_import_writer_keeps_field_notes),
    };

    return cmocka_run_group_tests(tests, gen_setup, gen_teardown);
}
