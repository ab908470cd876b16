/*
 * emit_docs_md.c - a catalog's reference page as Markdown, in the layout
 * of the error-code pages services publish: a heading, the error body
 * example, and one pipe table with a module named on the first row of
 * its group (the rows below leave the cell empty: merged).
 */
#include <string.h>

#include "docs.h"
#include "emit.h"

/* Text in a table cell: '|' escaped, line breaks as <br>; nothing else
   changes, so a message stays the literal clients receive. */
static void
md_text(struct buf *out, const char *s)
{
    for (;;) {
        size_t n = strcspn(s, "|\n\r");

        buf_add(out, s, n);
        s += n;
        switch (*s++) {
        case '\0': return;
        case '|': buf_add(out, "\\|", 2); break;
        case '\n': buf_add(out, "<br>", 4); break;
        default: break;             /* '\r' of a "\r\n" */
        }
    }
}

static void
md_cell(struct buf *out, const char *s)
{
    buf_putc(out, ' ');
    md_text(out, s);
    buf_add(out, " |", 2);
}

static void
md_message(struct buf *out, const struct docs_page *p,
           const struct model_entry *e)
{
    const char *src = docs_entry_source(e, FIELD_MESSAGE);
    const char *shown = docs_entry_text(p, e, FIELD_MESSAGE);

    buf_putc(out, ' ');
    if (src) {
        md_text(out, src);
        if (strcmp(src, shown) != 0) {
            buf_add(out, "<br>", 4);
            md_text(out, shown);
        }
    }
    buf_add(out, " |", 2);
}

static void
md_header(struct buf *out, const struct docs_page *p)
{
    static const struct {
        unsigned column;
        const char *label;
    } cols[] = {
        /* TRANSLATORS: the column headers of a reference page's table of
           error codes, as a service's API reference words them */
        { DOCS_COL_MODULE, N_("Module") },
        { DOCS_COL_STATUS, N_("HTTP Status Code") },
        { DOCS_COL_CODE, N_("Error Code") },
        { DOCS_COL_DESCRIPTION, N_("Description") },
        { DOCS_COL_MESSAGE, N_("Error Message") },
        { DOCS_COL_MEASURE, N_("Measure") },
    };
    size_t i, n = 0;

    buf_putc(out, '|');
    for (i = 0; i < sizeof cols / sizeof cols[0]; i++)
        if (p->columns & cols[i].column) {
            md_cell(out, docs_tr(p, cols[i].label));
            n++;
        }
    buf_puts(out, "\n|");
    for (i = 0; i < n; i++)
        buf_puts(out, "---|");
    buf_putc(out, '\n');
}

static void
md_row(struct buf *out, const struct docs_page *p, size_t i, int first)
{
    const struct model_entry *e = &p->cat->entries[i];
    const char *t;

    buf_putc(out, '|');
    if (p->columns & DOCS_COL_MODULE) {
        t = first ? docs_module_name(p, e) : NULL;
        md_cell(out, t ? t : "");
    }
    if (p->columns & DOCS_COL_STATUS) {
        buf_putc(out, ' ');
        if (e->http_status > 0)
            buf_putl(out, e->http_status);
        buf_add(out, " |", 2);
    }
    if (p->columns & DOCS_COL_CODE)
        md_cell(out, e->code ? e->code : "");
    if (p->columns & DOCS_COL_DESCRIPTION) {
        t = docs_entry_text(p, e, FIELD_DESCRIPTION);
        buf_putc(out, ' ');
        md_text(out, t ? t : "");
        if (docs_needs_unused_mark(e)) {
            if (t)
                buf_putc(out, ' ');
            /* TRANSLATORS: after the description of an error code that
               the service no longer returns */
            md_text(out, docs_tr(p, N_("(Not used currently.)")));
        }
        buf_add(out, " |", 2);
    }
    if (p->columns & DOCS_COL_MESSAGE)
        md_message(out, p, e);
    if (p->columns & DOCS_COL_MEASURE) {
        t = docs_entry_text(p, e, FIELD_MEASURE);
        md_cell(out, t ? t : "");
    }
    buf_putc(out, '\n');
}

/* The error body example, as JSON a client receives. */
void
emit_docs_body_example(struct buf *out, const struct model_entry *e,
                       const char *indent)
{
    buf_puts(out, indent);
    buf_puts(out, "{\n");
    buf_puts(out, indent);
    buf_puts(out, "    \"error_code\": ");
    emit_docs_json_string(out, e->code);
    buf_puts(out, ",\n");
    buf_puts(out, indent);
    buf_puts(out, "    \"error_msg\": ");
    emit_docs_json_string(out, e->text[FIELD_MESSAGE]);
    buf_putc(out, '\n');
    buf_puts(out, indent);
    buf_puts(out, "}\n");
}

void
emit_docs_json_string(struct buf *out, const char *s)
{
    static const char hex[] = "0123456789abcdef";

    buf_putc(out, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (c == '"' || c == '\\') {
            buf_putc(out, '\\');
            buf_putc(out, c);
        } else if (c == '\n') {
            buf_puts(out, "\\n");
        } else if (c < 0x20) {
            buf_puts(out, "\\u00");
            buf_putc(out, hex[c >> 4]);
            buf_putc(out, hex[c & 15]);
        } else {
            buf_putc(out, c);
        }
    }
    buf_putc(out, '"');
}

void
emit_docs_md(const struct docs_page *p, struct buf *out)
{
    const struct model_catalog *cat = p->cat;
    size_t i;

    emit_banner(out, cat, "<!-- ", " -->");
    buf_puts(out, "\n# ");
    /* TRANSLATORS: the heading of a reference page of error codes */
    buf_puts(out, docs_tr(p, N_("Error Codes")));
    buf_puts(out, "\n\n");
    if (cat->title) {
        buf_puts(out, cat->title);
        buf_puts(out, "\n\n");
    }
    if (p->example) {
        /* TRANSLATORS: introduces an example of the JSON body of an
           error response, shown below it */
        buf_puts(out, docs_tr(p, N_("An example response error is "
                                    "returned as follows:")));
        buf_puts(out, "\n\n```json\n");
        emit_docs_body_example(out, p->example, "");
        buf_puts(out, "```\n\n");
    }
    buf_puts(out, docs_tr(p, N_("The following table describes the "
                                "error codes.")));
    buf_puts(out, "\n\n");
    md_header(out, p);
    for (i = 0; i < cat->n_entries;) {
        size_t n = docs_group_length(cat, i), j;

        for (j = 0; j < n; j++)
            md_row(out, p, i + j, j == 0);
        i += n;
    }
}
