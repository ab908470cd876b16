/*
 * fuzz_import.c - libFuzzer target over errcat-gen import for one table
 * format, FUZZ_FORMAT (md, html, rst; csv reads each input as CSV and
 * as TSV): the reader, the column mapping, the model of the rows and the
 * validator, then both writers.
 *
 * Besides the sanitizers it checks that what the writer writes, the
 * loader loads, with every text byte for byte: a new catalog from rows
 * that validate, and a small catalog updated from the rows in place.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "import.h"
#include "load.h"
#include "model.h"
#include "validate.h"
#include "write_xml.h"

#ifndef FUZZ_FORMAT
#error "FUZZ_FORMAT names the table format"
#endif

static const char into[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- a catalog to update -->\n"
    "<catalog version=\"1\" name=\"t\" number=\"9\" domain=\"t\" "
    "prefix=\"T\">\n"
    "  <module id=\"shared\">Shared</module>\n\n"
    "  <entry id=\"server_not_found\" code=\"CSBS.6000\" http-status=\"400\""
    " module=\"shared\">\n"
    "    <description>The server does not exist.</description>\n"
    "    <message>server do not exist</message>\n"
    "    <measure>Check whether the server exists.</measure>\n"
    "  </entry>\n\n"
    "  <entry id=\"item_not_found\" code=\"CSBS.3001\" http-status=\"404\""
    " module=\"shared\">\n"
    "    <description>The backup does not exist.</description>\n"
    "    <message>Checkpoint_item (%s) is not found.</message>\n"
    "    <arg>ID of the backup</arg>\n"
    "    <measure>Check whether the backup exists.</measure>\n"
    "  </entry>\n"
    "</catalog>\n";

static void
same_texts(const struct model_catalog *a, const struct model_catalog *b)
{
    size_t i, f;

    if (a->n_entries != b->n_entries || a->n_modules != b->n_modules) {
        fprintf(stderr, "written catalog has %lu entries, loaded %lu\n",
                (unsigned long)a->n_entries, (unsigned long)b->n_entries);
        abort();
    }
    for (i = 0; i < a->n_modules; i++)
        if (strcmp(a->modules[i].name, b->modules[i].name) != 0)
            abort();
    for (i = 0; i < a->n_entries; i++)
        for (f = 0; f < ENTRY_TEXTS; f++)
            if ((a->entries[i].text[f] == NULL) != (b->entries[i].text[f]
                                                    == NULL)
                || (a->entries[i].text[f]
                    && strcmp(a->entries[i].text[f],
                              b->entries[i].text[f]) != 0)) {
                fprintf(stderr, "text does not round-trip: %s\n",
                        a->entries[i].text[f]);
                abort();
            }
}

static void
run(const char *format, const char *text, size_t size)
{
    struct import_doc doc;
    struct import_rows rows;
    struct import_meta meta = { "t", "t", "T", NULL, 9 };
    struct model_catalog *cat = NULL, *back = NULL, *old = NULL;
    struct buf out = { NULL, 0, 0 }, upd = { NULL, 0, 0 };
    char *name = "fuzz";
    long *pair;

    memset(&doc, 0, sizeof doc);
    memset(&rows, 0, sizeof rows);
    diag_reset();
    doc.path = "fuzz";
    if (import_reader_of(format)(&doc, text, size) < 0
        || import_map(&doc, "Fehlercode=code,Notiz=ignore", &rows) > 0
        || rows.n == 0)
        goto out;
    cat = import_build(&rows, &meta);
    model_index(cat);
    if (validate_catalog(cat) == 0 && diag_errors() == 0) {
        write_xml_catalog(cat, &name, 1, &out);
        if (load_catalog_memory("fuzz.xml", out.data, out.len, &back)
            != LOAD_OK) {
            fprintf(stderr, "written catalog does not load:\n%s\n",
                    out.data);
            abort();
        }
        same_texts(cat, back);
        model_catalog_free(back);
    }
    if (load_catalog_memory("into.xml", into, strlen(into), &old)
        == LOAD_OK) {
        struct write_xml_counts counts;

        model_index(old);
        pair = import_pair(old, &rows);
        write_xml_into(old, into, strlen(into), &rows, pair, size & 1, &upd,
                       &counts);
        back = NULL;
        if (load_catalog_memory("into.xml", upd.data, upd.len, &back)
            != LOAD_OK) {
            fprintf(stderr, "updated catalog does not load:\n%s\n",
                    upd.data);
            abort();
        }
        model_catalog_free(back);
        free(pair);
        model_catalog_free(old);
    }
out:
    buf_free(&out);
    buf_free(&upd);
    /* the model holds the rows' texts: it goes last */
    model_catalog_free(cat);
    import_rows_free(&rows);
    import_doc_free(&doc);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    load_init();
    return 0;
}

/* Only the UTF-8 tables errcat-gen reads get this far. */
static int
utf8(const unsigned char *p, size_t n)
{
    size_t i = 0, len, k;

    while (i < n) {
        if (p[i] == 0)
            return 0;
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        len = p[i] >= 0xf0 ? 4 : p[i] >= 0xe0 ? 3 : p[i] >= 0xc2 ? 2 : 0;
        if (len == 0 || p[i] > 0xf4 || i + len > n)
            return 0;
        for (k = 1; k < len; k++)
            if ((p[i + k] & 0xc0) != 0x80)
                return 0;
        if ((len == 3 && p[i] == 0xe0 && p[i + 1] < 0xa0)
            || (len == 3 && p[i] == 0xed && p[i + 1] > 0x9f)
            || (len == 4 && p[i] == 0xf0 && p[i + 1] < 0x90)
            || (len == 4 && p[i] == 0xf4 && p[i + 1] > 0x8f))
            return 0;
        i += len;
    }
    return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text;

    if (size > (1u << 18) || !utf8(data, size))
        return 0;
    text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    if (strcmp(FUZZ_FORMAT, "csv") == 0) {
        run("csv", text, size);
        run("tsv", text, size);
    } else {
        run(FUZZ_FORMAT, text, size);
    }
    free(text);
    return 0;
}
