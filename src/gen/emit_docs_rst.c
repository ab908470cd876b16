/*
 * emit_docs_rst.c - a catalog's reference page as reStructuredText: a
 * grid table whose module cells span their group's rows, as Sphinx
 * documentation writes them. Column widths count characters the way
 * docutils' table parser does (East Asian wide characters take two), so a
 * Chinese or Arabic page is a valid table too.
 */
#include <string.h>

#include "docs.h"
#include "emit.h"

#define NCOLS 6

/* One cell: its lines, escaped, each with its display width. */
struct rst_cell {
    struct buf text;                /* lines separated by '\n' */
    size_t width;                   /* widest line */
    size_t lines;
};

static unsigned
utf8_next(const char **ps)
{
    const unsigned char *s = (const unsigned char *)*ps;
    unsigned c = s[0];
    int n = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3, i;

    if (n)
        c &= 0x3fu >> n;
    for (i = 1; i <= n && s[i]; i++)
        c = (c << 6) | (s[i] & 0x3fu);
    *ps += i;
    return c;
}

/* Columns of code point c in a grid table, as docutils' table parser
   counts them: two for an East Asian wide or full-width character, one
   for every other, combining marks included (the parser works on
   characters, after padding wide ones). */
static size_t
cp_width(unsigned c)
{
    if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e)
        || (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf)
        || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf)
        || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff)
        || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
        || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f)
        || (c >= 0x20000 && c <= 0x3fffd))
        return 2;
    return 1;
}

static size_t
text_width(const char *s, size_t n)
{
    const char *end = s + n;
    size_t w = 0;

    while (s < end && *s)
        w += cp_width(utf8_next(&s));
    return w;
}

static int
is_alnum_byte(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
           || (c >= 'A' && c <= 'Z') || (c & 0x80);
}

/* Whether a cell line starting at s would be read as a list, a field,
   a comment or another block: its first character is then escaped. */
static int
starts_block(const char *s)
{
    size_t n = 0;

    if (strchr("-+#.:>=~^\"'(", *s) && *s)
        return 1;
    while (n < 3 && is_alnum_byte((unsigned char)s[n]) && !(s[n] & 0x80))
        n++;
    return n > 0 && (s[n] == '.' || s[n] == ')') && (s[n + 1] == ' '
                                                     || !s[n + 1]);
}

/* One line of text, inline markup characters backslash-escaped. */
static void
rst_line(struct buf *out, const char *s, size_t n)
{
    size_t i;

    if (n && starts_block(s))
        buf_putc(out, '\\');
    for (i = 0; i < n; i++) {
        char c = s[i];

        if (c == '\\' || c == '*' || c == '`' || c == '|'
            || (c == '_' && (i + 1 == n || !is_alnum_byte((unsigned char)s[i + 1]))))
            buf_putc(out, '\\');
        buf_putc(out, c);
    }
}

static void
cell_set(struct rst_cell *c, const char *s, int escape)
{
    memset(c, 0, sizeof *c);
    buf_puts(&c->text, "");
    while (s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s), start = c->text.len, w;

        if (n && s[n - 1] == '\r')
            n--;
        if (escape)
            rst_line(&c->text, s, n);
        else
            buf_add(&c->text, s, n);
        w = text_width(c->text.data + start, c->text.len - start);
        if (w > c->width)
            c->width = w;
        c->lines++;
        if (nl)
            buf_putc(&c->text, '\n');
        s = nl ? nl + 1 : NULL;
    }
}

/* Line k of a cell, padded to width; an empty line past its last. */
static void
cell_line(struct buf *out, const struct rst_cell *c, size_t k, size_t width)
{
    const char *s = c->text.data;
    size_t n, w, i;

    for (i = 0; i < k && s; i++)
        if ((s = strchr(s, '\n')) != NULL)
            s++;
    if (!s)
        s = "";
    n = strcspn(s, "\n");
    buf_putc(out, ' ');
    buf_add(out, s, n);
    for (w = text_width(s, n); w < width; w++)
        buf_putc(out, ' ');
    buf_putc(out, ' ');
}

static void
separator(struct buf *out, const size_t *width, const int *on, char fill,
          int skip_first)
{
    size_t i, j;

    for (i = 0; i < NCOLS; i++) {
        if (!on[i])
            continue;
        if (skip_first && i == 0) {
            buf_putc(out, '|');
            for (j = 0; j < width[i] + 2; j++)
                buf_putc(out, ' ');
            continue;
        }
        buf_putc(out, '+');
        for (j = 0; j < width[i] + 2; j++)
            buf_putc(out, fill);
    }
    buf_puts(out, "+\n");
}

static void
row_cells(const struct docs_page *p, size_t i, int first, struct rst_cell *c)
{
    const struct model_entry *e = &p->cat->entries[i];
    const char *src = docs_entry_source(e, FIELD_MESSAGE);
    const char *t;
    struct buf b = { NULL, 0, 0 };

    t = first ? docs_module_name(p, e) : NULL;
    cell_set(&c[0], t ? t : "", 1);
    if (e->http_status > 0)
        buf_putl(&b, e->http_status);
    cell_set(&c[1], b.data ? b.data : "", 0);
    buf_free(&b);
    cell_set(&c[2], e->code ? e->code : "", 1);
    t = docs_entry_text(p, e, FIELD_DESCRIPTION);
    buf_puts(&b, t ? t : "");
    if (docs_needs_unused_mark(e)) {
        if (b.len)
            buf_putc(&b, ' ');
        buf_puts(&b, docs_tr(p, N_("(Not used currently.)")));
    }
    cell_set(&c[3], b.data, 1);
    buf_free(&b);
    if (src && strcmp(src, docs_entry_text(p, e, FIELD_MESSAGE)) != 0) {
        buf_puts(&b, src);
        buf_putc(&b, '\n');
        buf_puts(&b, docs_entry_text(p, e, FIELD_MESSAGE));
        cell_set(&c[4], b.data, 1);
        buf_free(&b);
    } else {
        cell_set(&c[4], src ? src : "", 1);
    }
    t = docs_entry_text(p, e, FIELD_MEASURE);
    cell_set(&c[5], t ? t : "", 1);
}

static void
cells_free(struct rst_cell *c)
{
    size_t i;

    for (i = 0; i < NCOLS; i++)
        buf_free(&c[i].text);
}

static void
emit_row(struct buf *out, const struct rst_cell *c, const size_t *width,
         const int *on)
{
    size_t lines = 0, i, k;

    for (i = 0; i < NCOLS; i++)
        if (on[i] && c[i].lines > lines)
            lines = c[i].lines;
    for (k = 0; k < lines; k++) {
        for (i = 0; i < NCOLS; i++)
            if (on[i]) {
                buf_putc(out, '|');
                cell_line(out, &c[i], k, width[i]);
            }
        buf_puts(out, "|\n");
    }
}

static void
underline(struct buf *out, const char *title, char c)
{
    size_t w = text_width(title, strlen(title)), i;

    buf_puts(out, title);
    buf_putc(out, '\n');
    for (i = 0; i < w || i < 2; i++)
        buf_putc(out, c);
    buf_puts(out, "\n\n");
}

void
emit_docs_rst(const struct docs_page *p, struct buf *out)
{
    static const char *const labels[NCOLS] = {
        N_("Module"), N_("HTTP Status Code"), N_("Error Code"),
        N_("Description"), N_("Error Message"), N_("Measure")
    };
    static const unsigned bits[NCOLS] = {
        DOCS_COL_MODULE, DOCS_COL_STATUS, DOCS_COL_CODE,
        DOCS_COL_DESCRIPTION, DOCS_COL_MESSAGE, DOCS_COL_MEASURE
    };
    const struct model_catalog *cat = p->cat;
    struct rst_cell head[NCOLS], row[NCOLS];
    size_t width[NCOLS], i, j;
    int on[NCOLS];

    emit_banner(out, cat, ".. ", "");
    buf_putc(out, '\n');
    underline(out, docs_tr(p, N_("Error Codes")), '=');
    if (cat->title) {
        rst_line(out, cat->title, strlen(cat->title));
        buf_puts(out, "\n\n");
    }
    if (p->example) {
        const char *s = docs_tr(p, N_("An example response error is "
                                      "returned as follows:"));

        rst_line(out, s, strlen(s));
        buf_puts(out, "\n\n.. code-block:: json\n\n");
        emit_docs_body_example(out, p->example, "   ");
        buf_putc(out, '\n');
    }
    {
        const char *s = docs_tr(p, N_("The following table describes the "
                                      "error codes."));

        rst_line(out, s, strlen(s));
        buf_puts(out, "\n\n");
    }
    for (i = 0; i < NCOLS; i++) {
        on[i] = (p->columns & bits[i]) != 0;
        cell_set(&head[i], docs_tr(p, labels[i]), 1);
        width[i] = head[i].width;
    }
    /* Widths first: one pass over every row's cells. */
    for (i = 0; i < cat->n_entries; i++) {
        int first = i == 0 || cat->entries[i].module
                              != cat->entries[i - 1].module;

        row_cells(p, i, first, row);
        for (j = 0; j < NCOLS; j++)
            if (row[j].width > width[j])
                width[j] = row[j].width;
        cells_free(row);
    }
    separator(out, width, on, '-', 0);
    emit_row(out, head, width, on);
    separator(out, width, on, '=', 0);
    cells_free(head);
    for (i = 0; i < cat->n_entries;) {
        size_t n = docs_group_length(cat, i);

        for (j = 0; j < n; j++) {
            row_cells(p, i + j, j == 0, row);
            emit_row(out, row, width, on);
            cells_free(row);
            separator(out, width, on, '-', j + 1 < n && on[0]);
        }
        i += n;
    }
}
