/*
 * import.c - what every table reader shares: reading the file, naming
 * its format, mapping columns by their headers, filling merged Module
 * cells down, making ids, building the catalog model of the rows and
 * pairing rows with the entries of an existing catalog.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "errcat_catalog.h"
#include "import.h"
#include "model.h"
#include "placeholder.h"
#include "util.h"
#include "validate.h"

const char *const import_field_name[IMP_NFIELDS] = {
    "module", "status", "code", "description", "message", "measure"
};

/* ---- the document the readers build ---------------------------------- */

struct import_table *
import_add_table(struct import_doc *doc, unsigned line)
{
    struct import_table *t;

    doc->tables = xgrow(doc->tables, &doc->cap_tables, doc->n_tables,
                        sizeof *doc->tables);
    t = &doc->tables[doc->n_tables++];
    memset(t, 0, sizeof *t);
    t->line = line;
    return t;
}

struct import_row *
import_add_row(struct import_table *t, unsigned line)
{
    struct import_row *r;

    t->rows = xgrow(t->rows, &t->cap_rows, t->n_rows, sizeof *t->rows);
    r = &t->rows[t->n_rows++];
    memset(r, 0, sizeof *r);
    r->line = line;
    return r;
}

struct import_cell *
import_add_cell(struct import_row *r, char *text, char *plain, unsigned line)
{
    struct import_cell *c;

    r->cells = xgrow(r->cells, &r->cap, r->n, sizeof *r->cells);
    c = &r->cells[r->n++];
    c->text = text;
    c->plain = plain ? plain : text;
    c->line = line;
    c->col = 0;
    c->merged = 0;
    c->pooled = 0;
    return c;
}

struct import_cell *
import_add_pooled_cell(struct import_row *r, char *text, char *plain,
                       unsigned line)
{
    struct import_cell *c = import_add_cell(r, text, plain, line);

    c->pooled = 1;
    return c;
}

void
import_doc_free(struct import_doc *doc)
{
    size_t i, j, k;

    for (i = 0; i < doc->n_tables; i++) {
        struct import_table *t = &doc->tables[i];

        for (j = 0; j < t->n_rows; j++) {
            for (k = 0; k < t->rows[j].n; k++) {
                struct import_cell *c = &t->rows[j].cells[k];

                if (c->pooled)
                    continue;
                if (c->plain != c->text)
                    free(c->plain);
                free(c->text);
            }
            free(t->rows[j].cells);
        }
        free(t->rows);
    }
    free(doc->tables);
    pool_free(&doc->strings);
    doc->tables = NULL;
    doc->n_tables = doc->cap_tables = 0;
}

/* ---- files and formats ----------------------------------------------- */

/* Does s hold needle, ASCII case ignored? */
static int
strcasestr_ascii(const char *s, const char *needle)
{
    size_t n = strlen(needle);

    for (; *s; s++)
        if (strncasecmp(s, needle, n) == 0)
            return 1;
    return 0;
}

static const struct {
    const char *name;
    import_reader *read;
} readers[] = {
    { "md", import_md_read },
    { "html", import_html_read },
    { "rst", import_rst_read },
    { "csv", import_csv_read },
    { "tsv", import_tsv_read },
};

import_reader *
import_reader_of(const char *format)
{
    size_t i;

    for (i = 0; i < sizeof readers / sizeof *readers; i++)
        if (strcmp(readers[i].name, format) == 0)
            return readers[i].read;
    return NULL;
}

const char *
import_sniff(const char *path, const char *data, size_t len)
{
    static const struct { const char *ext, *format; } exts[] = {
        { ".md", "md" }, { ".markdown", "md" },
        { ".html", "html" }, { ".htm", "html" }, { ".xhtml", "html" },
        { ".rst", "rst" }, { ".rest", "rst" },
        { ".csv", "csv" }, { ".tsv", "tsv" }, { ".tab", "tsv" }
    };
    const char *dot = strrchr(path, '.');
    size_t i;

    /* the extension says, but .txt and none: the content */
    for (i = 0; dot && i < sizeof exts / sizeof *exts; i++)
        if (strcasecmp(dot, exts[i].ext) == 0)
            return exts[i].format;
    if (strcasestr_ascii(data, "<table") || strcasestr_ascii(data, "<html"))
        return "html";
    if (strstr(data, "\n+--") || strncmp(data, "+--", 3) == 0
        || strstr(data, ".. list-table::"))
        return "rst";
    if (strstr(data, "|---") || strstr(data, "| ---") || strstr(data, "|:--"))
        return "md";
    if (memchr(data, '\t', len))
        return "tsv";
    return strchr(data, ',') && !strchr(data, '|') ? "csv" : "md";
}

/* Length of a well-formed UTF-8 sequence at p[0..n), 0 if ill-formed. */
static size_t
utf8_seq(const unsigned char *p, size_t n)
{
    unsigned char lo = 0x80, hi = 0xbf;
    size_t len, i;

    if (p[0] >= 0x01 && p[0] <= 0x7f)
        return 1;
    if (p[0] >= 0xc2 && p[0] <= 0xdf)
        len = 2;
    else if (p[0] >= 0xe0 && p[0] <= 0xef) {
        len = 3;
        lo = p[0] == 0xe0 ? 0xa0 : 0x80;
        hi = p[0] == 0xed ? 0x9f : 0xbf;
    } else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
        len = 4;
        lo = p[0] == 0xf0 ? 0x90 : 0x80;
        hi = p[0] == 0xf4 ? 0x8f : 0xbf;
    } else
        return 0;
    if (n < len || p[1] < lo || p[1] > hi)
        return 0;
    for (i = 2; i < len; i++)
        if (p[i] < 0x80 || p[i] > 0xbf)
            return 0;
    return len;
}

int
import_read_file(const char *path, char **data, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *d = NULL;
    size_t n = 0, cap = 0, got, i, k;
    unsigned line = 1;
    struct stat st;
    int sized;

    *data = NULL;
    *len = 0;
    if (!fp) {
        diag_error(NULL, "cannot open '%s': %s", path, strerror(errno));
        return 2;
    }
    sized = fstat(fileno(fp), &st) == 0 && st.st_size > 0;
    if (sized && st.st_size > (off_t)IMPORT_MAX_BYTES)
        goto too_big;
    /* a regular file's size is known: one allocation, and one more
       read to see its end */
    cap = sized ? (size_t)st.st_size + 1 : 65536;
    d = xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            d = xrealloc(d, cap + 1);
        }
        got = fread(d + n, 1, cap - n, fp);
        n += got;
        if (n > IMPORT_MAX_BYTES)
            goto too_big;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        diag_error(NULL, "cannot read '%s': %s", path, strerror(errno));
        fclose(fp);
        free(d);
        return 2;
    }
    fclose(fp);
    d[n] = '\0';
    for (i = 0; i < n; i += k) {
        uint64_t w;

        /* eight ASCII bytes, none of them NUL, at a step */
        if (n - i >= 8) {
            memcpy(&w, d + i, 8);
            if (((w | ((w - 0x0101010101010101u) & ~w))
                 & 0x8080808080808080u) == 0) {
                k = 8;
                continue;
            }
        }
        k = utf8_seq((const unsigned char *)d + i, n - i);
        if (k == 0) {
            struct loc at = { path, 1, 0 };
            const char *p;

            for (p = d; (p = memchr(p, '\n', (size_t)(d + i - p))) != NULL;
                 p++)
                line++;
            at.line = line;

            if (d[i] == '\0')
                diag_error(&at, "NUL byte in table");
            else
                diag_error(&at, "invalid UTF-8 (byte 0x%02x): tables are "
                           "read as UTF-8", (unsigned char)d[i]);
            free(d);
            return 1;
        }
    }
    *data = d;
    *len = n;
    return 0;
too_big:
    {
        struct loc at = { path, 0, 0 };

        fclose(fp);
        free(d);
        diag_error(&at, "file larger than %lu MiB: not read",
                   IMPORT_MAX_BYTES >> 20);
        return 1;
    }
}

int
import_read_doc(const char *path, const char *format, struct import_doc *doc)
{
    char *data;
    size_t len;
    import_reader *read;
    int st = import_read_file(path, &data, &len);

    if (st)
        return st;
    doc->path = path;
    if (!format)
        format = import_sniff(path, data, len);
    read = import_reader_of(format);
    if (!read) {
        diag_error(NULL, "unknown table format '%s' (md, html, rst, csv, "
                   "tsv)", format);
        free(data);
        return 2;
    }
    st = read(doc, data, len) < 0 ? 1 : 0;
    free(data);
    return st;
}

/* ---- columns ------------------------------------------------------------ */

/* Header names, compared with case and blanks ignored. */
static const struct {
    const char *name;
    enum import_field field;
} headers[] = {
    { "module", IMP_MODULE }, { "模块", IMP_MODULE },
    { "httpstatuscode", IMP_STATUS }, { "statuscode", IMP_STATUS },
    { "httpstatus", IMP_STATUS }, { "状态码", IMP_STATUS },
    { "http状态码", IMP_STATUS },
    { "errorcode", IMP_CODE }, { "错误码", IMP_CODE },
    { "description", IMP_DESCRIPTION }, { "errordescription", IMP_DESCRIPTION },
    { "描述", IMP_DESCRIPTION }, { "错误描述", IMP_DESCRIPTION },
    { "errormessage", IMP_MESSAGE }, { "错误信息", IMP_MESSAGE },
    { "measure", IMP_MEASURE }, { "solution", IMP_MEASURE },
    { "handlingmeasure", IMP_MEASURE }, { "处理措施", IMP_MEASURE },
};

/* s lower-cased with blanks (ASCII, no-break and ideographic spaces)
   and a final ':' removed. Owned. */
static char *
normalize(const char *s)
{
    struct buf b = { NULL, 0, 0 };

    buf_add(&b, "", 0);
    for (; *s; s++) {
        if (isspace((unsigned char)*s))
            continue;
        if (strncmp(s, "\xc2\xa0", 2) == 0) {
            s++;
            continue;
        }
        if (strncmp(s, "\xe3\x80\x80", 3) == 0) {
            s += 2;
            continue;
        }
        buf_putc(&b, tolower((unsigned char)*s));
    }
    while (b.len > 0 && (b.data[b.len - 1] == ':' || b.data[b.len - 1] == '*'))
        b.data[--b.len] = '\0';
    return b.data;
}

/* The field of a header cell, from --columns first; -1 unknown, -2 a
   column --columns says to ignore. */
static int
field_of(const char *header, const char *columns)
{
    char *h = normalize(header);
    int f = -1;
    size_t i;

    while (columns && *columns) {
        const char *comma = strchr(columns, ',');
        const char *end = comma ? comma : columns + strlen(columns);
        const char *eq = memchr(columns, '=', (size_t)(end - columns));

        if (eq) {
            char *k = xstrndup(columns, (size_t)(eq - columns));
            char *nk = normalize(k);
            size_t vn = (size_t)(end - eq - 1);

            if (strcmp(nk, h) == 0) {
                for (i = 0; i < IMP_NFIELDS; i++)
                    if (strlen(import_field_name[i]) == vn
                        && strncmp(import_field_name[i], eq + 1, vn) == 0)
                        f = (int)i;
                if (vn == 6 && strncmp(eq + 1, "ignore", 6) == 0)
                    f = -2;
            }
            free(nk);
            free(k);
            if (f != -1) {
                free(h);
                return f;
            }
        }
        columns = comma ? comma + 1 : end;
    }
    for (i = 0; i < sizeof headers / sizeof *headers; i++)
        if (strcmp(h, headers[i].name) == 0)
            f = (int)headers[i].field;
    free(h);
    return f;
}

/* Checks --columns before any table is read: each item is
   HEADER=FIELD with a known field. */
static unsigned
check_columns(const char *columns)
{
    unsigned errors = 0;

    while (columns && *columns) {
        const char *comma = strchr(columns, ',');
        const char *end = comma ? comma : columns + strlen(columns);
        const char *eq = memchr(columns, '=', (size_t)(end - columns));
        size_t i, vn = eq ? (size_t)(end - eq - 1) : 0;
        int ok = 0;

        for (i = 0; eq && i < IMP_NFIELDS; i++)
            if (strlen(import_field_name[i]) == vn
                && strncmp(import_field_name[i], eq + 1, vn) == 0)
                ok = 1;
        if (eq && vn == 6 && strncmp(eq + 1, "ignore", 6) == 0)
            ok = 1;
        if (!ok) {
            diag_error(NULL, "--columns: '%.*s' is not HEADER=FIELD (fields: "
                       "module, status, code, description, message, "
                       "measure, ignore)", (int)(end - columns), columns);
            errors++;
        }
        columns = comma ? comma + 1 : end;
    }
    return errors;
}

/* Column of each field in a header row; -1 none. Returns how many
   fields were found. */
static int
map_header(const struct import_doc *doc, const struct import_row *h,
           const char *columns, int col[IMP_NFIELDS], int report)
{
    size_t i;
    int found = 0;

    for (i = 0; i < IMP_NFIELDS; i++)
        col[i] = -1;
    for (i = 0; i < h->n; i++) {
        int f = field_of(h->cells[i].plain, columns);
        struct loc at = { doc->path, h->cells[i].line, 0 };

        if (h->cells[i].merged && f >= 0 && col[f] >= 0)
            continue;
        if (f == -1 && report && h->cells[i].plain[0])
            diag_warning(&at, "unknown column '%s' ignored (--columns "
                         "HEADER=FIELD maps it)", h->cells[i].plain);
        else if (f == -1 && report)
            diag_warning(&at, "column %lu has no header: ignored",
                         (unsigned long)i + 1);
        if (f < 0)
            continue;
        if (col[f] >= 0) {
            if (report)
                diag_warning(&at, "second %s column '%s' ignored",
                             import_field_name[f], h->cells[i].plain);
            continue;
        }
        col[f] = (int)i;
        found++;
    }
    return found;
}

/* Where the header of t is: a row the format marks as header with known
   columns, else the first row naming a code or description column; -1
   when t is no error table (the page around the table). */
static long
find_header(const struct import_doc *doc, const struct import_table *t,
            const char *columns)
{
    int col[IMP_NFIELDS];
    size_t i, n = t->n_header ? t->n_header : t->n_rows;

    for (i = n; i-- > 0;)
        if (t->n_header && map_header(doc, &t->rows[i], columns, col, 0) > 0)
            return (long)i;
    for (i = 0; i < t->n_rows && !t->n_header; i++)
        if (map_header(doc, &t->rows[i], columns, col, 0) > 0
            && (col[IMP_CODE] >= 0 || col[IMP_DESCRIPTION] >= 0))
            return (long)i;
    return -1;
}

static int
all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* Does s look like a code, PREFIX.DIGITS? */
static int
code_like(const char *s)
{
    const char *dot = strrchr(s, '.');

    if (!dot || dot == s || !all_digits(dot + 1))
        return 0;
    for (; s < dot; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return 0;
    return 1;
}

/* Does s fit the column of field f well enough to tell a row whose
   merged first cell was left out? */
static int
fits(enum import_field f, const char *s)
{
    if (f == IMP_STATUS)
        return strlen(s) == 3 && all_digits(s);
    if (f == IMP_CODE)
        return code_like(s);
    return 0;
}

/* The cell text that field f is carried as: messages, codes and
   statuses literally, the rest as plain text. */
static const char *
cell_text(const struct import_cell *c, enum import_field f)
{
    return f == IMP_MESSAGE || f == IMP_CODE || f == IMP_STATUS
        ? c->text : c->plain;
}

/* The text of cell c for field f, as the records keep it: the cell's
   own when it is in the doc's pool (which rows adopt), else a copy. */
static char *
take(struct import_rows *rows, const struct import_cell *c,
     enum import_field f)
{
    const char *s = cell_text(c, f);

    return c->pooled ? (char *)s : pool_strndup(&rows->strings, s, strlen(s));
}

/* The same without white space at either end. */
static char *
trimmed(struct import_rows *rows, const struct import_cell *c,
        enum import_field f)
{
    const char *s = cell_text(c, f);
    size_t n;

    if (!isspace((unsigned char)s[0]) && (!s[0] || !isspace(
            (unsigned char)s[strlen(s) - 1])))
        return take(rows, c, f);
    while (isspace((unsigned char)*s))
        s++;
    n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    return pool_strndup(&rows->strings, s, n);
}

/* Does the description say "(Not used currently.)", in any case and
   however its line is broken? */
static int
not_used(const char *description)
{
    static const char mark[] = "(not used currently";
    const char *p, *q;
    size_t k;

    for (p = description; p && (p = strchr(p, '(')) != NULL; p++) {
        for (q = p, k = 0; mark[k] && *q; k++) {
            if (mark[k] == ' ') {
                if (!isspace((unsigned char)*q))
                    break;
                while (isspace((unsigned char)*q))
                    q++;
            } else if (tolower((unsigned char)*q++) != mark[k]) {
                break;
            }
        }
        if (!mark[k])
            return 1;
    }
    return 0;
}

static struct loc
rec_loc(const struct import_rec *r, enum import_field f)
{
    struct loc at;

    at.file = r->path;
    at.line = r->field_line[f] ? r->field_line[f] : r->line;
    at.col = r->field_line[f] ? r->field_col[f] : 0;
    return at;
}

/* Bytes that may start a character XML cannot carry: the C0 controls
   (tab, newline and carriage return are fine) and 0xef, the lead byte
   of U+FFFE and U+FFFF. */
static const unsigned char xml_suspect[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    [0xef] = 1
};

/* The first byte of s that xml_suspect marks, or NULL. Eight ASCII
   bytes at or above 0x20 are passed at a step: the check reads every
   byte of a table. */
static const unsigned char *
suspect_at(const unsigned char *s)
{
    size_t n = strlen((const char *)s), i = 0, k;
    uint64_t w;

    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        /* a byte below 0x20 sets its high bit in w - 0x20..., and a
           borrow only ever comes from one */
        if (((w - 0x2020202020202020u) | w) & 0x8080808080808080u)
            for (k = i; k < i + 8; k++)
                if (xml_suspect[s[k]])
                    return s + k;
    }
    for (; i < n; i++)
        if (xml_suspect[s[i]])
            return s + i;
    return NULL;
}

static unsigned
map_row(const struct import_doc *doc, struct import_row *r,
        const int col[IMP_NFIELDS], int ncols, char **module,
        unsigned *module_line, struct import_rows *rows)
{
    struct import_rec *rec;
    struct loc at = { doc->path, r->line, 0 };
    int shift = 0, f;
    size_t i;

    for (i = 0; i < r->n; i++)
        if (r->cells[i].text[0])
            break;
    if (i == r->n)
        return 0;                       /* a blank row */
    /* A Module cell merged over rows, written as text, leaves the rows
       after the first one cell short: they start with the next column
       (and may end with an empty cell in its place). */
    if (col[IMP_MODULE] == 0 && ncols > 1
        && (r->n == (size_t)ncols - 1
            || (r->n == (size_t)ncols && !r->cells[r->n - 1].text[0]))) {
        for (f = 0; f < IMP_NFIELDS; f++)
            if (col[f] == 1 && fits((enum import_field)f, r->cells[0].text)
                && !fits((enum import_field)f, r->cells[1].text))
                shift = 1;
    }
    if (!shift && r->n != (size_t)ncols) {
        diag_error(&at, "row has %lu cells but the header has %d",
                   (unsigned long)r->n, ncols);
        return 1;
    }
    rows->recs = xgrow(rows->recs, &rows->cap, rows->n, sizeof *rows->recs);
    rec = &rows->recs[rows->n++];
    memset(rec, 0, sizeof *rec);
    rec->path = doc->path;
    rec->line = r->line;
    for (f = 0; f < IMP_NFIELDS; f++) {
        struct import_cell *c;
        int k = col[f] < 0 ? -1 : col[f] - shift;

        if (col[f] < 0)
            continue;
        rows->has[f] = 1;
        if (k < 0 || (size_t)k >= r->n)
            continue;
        c = &r->cells[k];
        rec->field_line[f] = c->line;
        rec->field_col[f] = c->col;
        if (f == IMP_STATUS || f == IMP_CODE || f == IMP_MODULE)
            rec->field[f] = trimmed(rows, c, (enum import_field)f);
        else
            rec->field[f] = take(rows, c, (enum import_field)f);
        if (!rec->field[f][0])
            rec->field[f] = NULL;
    }
    if (col[IMP_MODULE] >= 0) {
        /* the records share the module's text: nobody changes it */
        if (rec->field[IMP_MODULE]) {
            *module = rec->field[IMP_MODULE];
            *module_line = rec->field_line[IMP_MODULE];
        } else if (*module) {
            rec->field[IMP_MODULE] = *module;
            rec->field_line[IMP_MODULE] = *module_line;
            rec->field_col[IMP_MODULE] = 0;
        }
    }
    if (rec->field[IMP_STATUS]) {
        const char *s = rec->field[IMP_STATUS];
        struct loc sat = rec_loc(rec, IMP_STATUS);

        if (strlen(s) != 3 || !all_digits(s) || s[0] < '1' || s[0] > '5') {
            diag_error(&sat, "HTTP status '%s' is not 100 to 599", s);
            return 1;
        }
        rec->status = atoi(s);
    }
    for (f = 0; f < IMP_NFIELDS; f++) {
        const unsigned char *p = (const unsigned char *)rec->field[f];

        for (; p && (p = suspect_at(p)) != NULL; p++)
            if (*p != 0xef || (p[1] == 0xbf && (p[2] == 0xbe
                                                || p[2] == 0xbf))) {
                struct loc cat = rec_loc(rec, (enum import_field)f);

                diag_error(&cat, "%s holds a character XML cannot carry "
                           "(byte 0x%02x)", import_field_name[f], *p);
                return 1;
            }
    }
    rec->unused = not_used(rec->field[IMP_DESCRIPTION]);
    return 0;
}

unsigned
import_map(struct import_doc *doc, const char *columns,
           struct import_rows *rows)
{
    unsigned errors = check_columns(columns);
    size_t i, j, tables = 0;

    for (i = 0; i < doc->n_tables && !errors; i++) {
        struct import_table *t = &doc->tables[i];
        long h = find_header(doc, t, columns);
        int col[IMP_NFIELDS];
        char *module = NULL;
        unsigned module_line = 0;
        struct loc at;

        if (h < 0)
            continue;
        at.file = doc->path;
        at.line = t->rows[h].line;
        at.col = 0;
        map_header(doc, &t->rows[h], columns, col, 1);
        tables++;
        if (col[IMP_CODE] < 0 && col[IMP_DESCRIPTION] < 0) {
            diag_error(&at, "table has no Error Code and no Description "
                       "column: not an error-code table");
            errors++;
            continue;
        }
        for (j = (size_t)h + 1; j < t->n_rows; j++)
            errors += map_row(doc, &t->rows[j], col, (int)t->rows[h].n,
                              &module, &module_line, rows);
    }
    /* the records point into the cells of the doc's pool */
    pool_adopt(&rows->strings, &doc->strings);
    if (!errors && tables == 0) {
        struct loc at = { doc->path, doc->n_tables ? doc->tables[0].line
                          : 1, 0 };

        diag_error(&at, "no error-code table found (a table with an Error "
                   "Code or Description column)");
        errors++;
    }
    return errors;
}

void
import_rows_free(struct import_rows *rows)
{
    pool_free(&rows->strings);
    free(rows->recs);
    memset(rows, 0, sizeof *rows);
}

/* ---- ids ------------------------------------------------------------------ */

static void
set_grow(struct import_set *set)
{
    struct import_set bigger;
    size_t i;

    bigger.mask = set->mask ? set->mask * 2 + 1 : 63;
    bigger.n = 0;
    bigger.strings = set->strings;
    bigger.slot = xcalloc(bigger.mask + 1, sizeof *bigger.slot);
    for (i = 0; set->slot && i <= set->mask; i++)
        if (set->slot[i].s) {
            size_t j = set->slot[i].hash & bigger.mask;

            while (bigger.slot[j].s)
                j = (j + 1) & bigger.mask;
            bigger.slot[j] = set->slot[i];
            bigger.n++;
        }
    free(set->slot);
    *set = bigger;
}

/* The slot of s (hash h), or of the empty place where it would go. */
static size_t
set_find(const struct import_set *set, const char *s, unsigned h)
{
    size_t j;

    for (j = h & set->mask; set->slot[j].s; j = (j + 1) & set->mask)
        if (set->slot[j].hash == h && strcmp(set->slot[j].s, s) == 0)
            break;
    return j;
}

/* The slot of s (hash h), a copy of s added there if absent. */
static size_t
set_slot(struct import_set *set, const char *s, unsigned h)
{
    size_t j;

    if (!set->slot || 2 * (set->n + 1) > set->mask)
        set_grow(set);
    j = set_find(set, s, h);
    if (!set->slot[j].s) {
        set->slot[j].s = pool_strndup(&set->strings, s, strlen(s));
        set->slot[j].next = 2;
        set->slot[j].hash = h;
        set->n++;
    }
    return j;
}

int
import_set_has(const struct import_set *set, const char *s)
{
    return set->slot && set->slot[set_find(set, s, str_hash(s))].s != NULL;
}

void
import_set_add(struct import_set *set, const char *s)
{
    set_slot(set, s, str_hash(s));
}

unsigned *
import_set_number(struct import_set *set, const char *s)
{
    size_t j = set_slot(set, s, str_hash(s));    /* may grow the set */

    return &set->slot[j].next;
}

void
import_set_free(struct import_set *set)
{
    free(set->slot);
    pool_free(&set->strings);
    memset(set, 0, sizeof *set);
}

/* Words that say little in an id, by length, each followed by a space. */
static const char *const stop_words[] = {
    NULL, "a s ", "an of to is be it in on at by or as ",
    "the are was has had its for and you ", "were been have this that "
    "with from used your ", "these those which being ", "please ", NULL,
    NULL, "currently "
};
/* ASCII only, whatever the locale: ids are the same everywhere. */
static int
word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9');
}

static char
lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Is the word w[0..n) a stop word, case ignored? */
static int
stop_word(const char *w, size_t n)
{
    const char *p;
    char key[16];
    size_t i;

    if (n >= sizeof stop_words / sizeof *stop_words || !stop_words[n])
        return 0;
    for (i = 0; i < n; i++)
        key[i] = lower(w[i]);
    for (p = stop_words[n]; *p; p += n + 1)
        if (memcmp(p, key, n) == 0)
            return 1;
    return 0;
}

#define ID_WORDS 4
#define ID_MAX 40
/* Room for an id: a base, "e_" before it, "_error" and "_N" after. */
#define ID_ROOM (ID_MAX + 32)

/* snake_case of the ASCII words of text into out, without stop words,
   at most ID_WORDS words; "" when text has no such word. Its length. */
static size_t
snake(const char *text, int keep_stop, char out[ID_MAX + 1])
{
    const char *p = text;
    size_t len = 0;
    int words = 0;

    while (p && *p && words < ID_WORDS) {
        const char *w;
        size_t n, i;

        while (*p && !word_char(*p))
            p++;
        for (w = p; word_char(*p); p++)
            ;
        n = (size_t)(p - w);
        if (n == 0 || (!keep_stop && stop_word(w, n)))
            continue;
        if (len + n + 1 > ID_MAX)
            break;
        if (len)
            out[len++] = '_';
        for (i = 0; i < n; i++)
            out[len++] = lower(w[i]);
        words++;
    }
    out[len] = '\0';
    return len;
}

/* Writes "_K" at p; returns its end. */
static char *
put_suffix(char *p, unsigned k)
{
    char tmp[12], *q = tmp + sizeof tmp;

    do
        *--q = (char)('0' + k % 10);
    while ((k /= 10) != 0);
    *p++ = '_';
    while (q < tmp + sizeof tmp)
        *p++ = *q++;
    *p = '\0';
    return p;
}

/* An id nobody has, from base (at most ID_MAX bytes): a letter first,
   no keyword, a number after it when taken; added to taken. Owned. */
static char *
unique(const char *base, struct import_set *taken)
{
    char id[ID_ROOM];
    size_t n = 0, j;
    unsigned h, k;

    if (!isalpha((unsigned char)base[0])) {
        memcpy(id, "e_", 2);
        n = 2;
    }
    strcpy(id + n, base);
    n += strlen(base);
    if (validate_is_keyword(id)) {
        memcpy(id + n, "_error", 7);
        n += 6;
    }
    h = str_hash(id);
    if (taken->slot && taken->slot[j = set_find(taken, id, h)].s) {
        /* base_2, base_3, ...: each base remembers where it got to, so
           a thousand rows of one description cost linear time */
        for (k = taken->slot[j].next; ; k++) {
            put_suffix(id + n, k);
            h = str_hash(id);
            if (!taken->slot[set_find(taken, id, h)].s)
                break;
        }
        taken->slot[j].next = k + 1;
    }
    set_slot(taken, id, h);
    return xstrdup(id);
}

char *
import_entry_id(const struct import_rec *r, struct import_set *taken)
{
    char base[ID_MAX + 1];

    if (!snake(r->field[IMP_DESCRIPTION], 0, base)
        && !snake(r->field[IMP_MESSAGE], 0, base)
        && !snake(r->field[IMP_CODE], 1, base))
        strcpy(base, "entry");
    return unique(base, taken);
}

char *
import_module_id(const char *name, size_t index, struct import_set *taken)
{
    char base[ID_MAX + 1];

    if (!snake(name, 1, base))
        snprintf(base, sizeof base, "module_%lu", (unsigned long)index + 1);
    return unique(base, taken);
}

size_t
import_placeholders(const char *message, char ***names)
{
    struct placeholders ph;
    struct errcat__ph t;
    size_t pos = 0, n, count = 0, i;
    enum errcat__ph_mode mode;

    *names = NULL;
    /* most messages have nothing a placeholder could start with */
    if (!message || !strpbrk(message, "%{}"))
        return 0;
    model_scan(message, &ph);
    if (ph.mixed || ph.style == ERRCAT_FORMAT_NONE)
        return 0;
    mode = errcat__ph_mode_of((enum errcat_format)ph.style);
    n = strlen(message);
    if (ph.style == ERRCAT_FORMAT_PRINTF) {
        *names = xcalloc(ph.nargs + 1, sizeof **names);
        return ph.nargs;
    }
    while (errcat__ph_next(message, n, &pos, mode, &t) != ERRCAT__PH_END) {
        char *name;

        if (!t.name_len)
            continue;
        name = xstrndup(message + t.name, t.name_len);
        for (i = 0; i < count; i++)
            if (strcmp((*names)[i], name) == 0)
                break;
        if (i < count) {
            free(name);
            continue;
        }
        *names = xrealloc(*names, (count + 1) * sizeof **names);
        (*names)[count++] = name;
    }
    return count;
}

/* ---- the model of the rows ---------------------------------------------- */

/* The text an <arg> note gets for a placeholder the table cannot
   describe: what it is, and that nobody said more. Owned. */
char *
import_arg_text(const char *name, size_t k)
{
    static const char tail[] = " (not described in the table)";
    size_t n = name ? strlen(name) : 0;
    char *s = xmalloc(n + 64);

    if (name) {
        memcpy(s, name, n);
        memcpy(s + n, tail, sizeof tail);
    } else {
        sprintf(s, "argument %lu%s", (unsigned long)k + 1, tail);
    }
    return s;
}

struct model_catalog *
import_build_texts(struct import_rows *rows, const struct import_meta *meta)
{
    struct model_catalog *cat =
        model_catalog_new(rows->n ? rows->recs[0].path : "table");
    struct import_set mids = { NULL, 0, 0, { NULL } };
    struct import_set mnames = { NULL, 0, 0, { NULL } };
    size_t i, f;

    cat->name = model_strndup(cat, meta->name, strlen(meta->name));
    cat->domain = model_strndup(cat, meta->domain, strlen(meta->domain));
    cat->prefix = model_strndup(cat, meta->prefix, strlen(meta->prefix));
    cat->title = meta->title
        ? model_strndup(cat, meta->title, strlen(meta->title)) : NULL;
    cat->number = meta->number;
    cat->loc.file = cat->number_loc.file = cat->path;
    cat->loc.line = cat->number_loc.line = 1;
    for (i = 0; i < rows->n; i++) {
        const struct import_rec *r = &rows->recs[i];
        struct model_module *m;
        char *id;

        if (!r->field[IMP_MODULE] || import_set_has(&mnames,
                                                    r->field[IMP_MODULE]))
            continue;
        /* the number kept with a module name: its index */
        *import_set_number(&mnames, r->field[IMP_MODULE]) =
            (unsigned)cat->n_modules;
        m = model_add_module(cat);
        id = import_module_id(r->field[IMP_MODULE], cat->n_modules - 1,
                              &mids);
        m->id = model_strndup(cat, id, strlen(id));
        m->name = r->field[IMP_MODULE];
        m->loc = m->name_loc = rec_loc(r, IMP_MODULE);
        free(id);
    }
    cat->entries = xcalloc(rows->n + 1, sizeof *cat->entries);
    cat->cap_entries = rows->n + 1;
    for (i = 0; i < rows->n; i++) {
        const struct import_rec *r = &rows->recs[i];
        struct model_entry *e = model_add_entry(cat);

        e->loc.file = r->path;
        e->loc.line = r->line;
        e->loc.col = 0;
        e->id_loc = e->loc;
        e->code = r->field[IMP_CODE];
        e->code_loc = rec_loc(r, IMP_CODE);
        e->http_status = r->status;
        e->has_status = r->status != 0;
        e->status_loc = rec_loc(r, IMP_STATUS);
        e->module_loc = rec_loc(r, IMP_MODULE);
        e->unused = r->unused;
        if (r->field[IMP_MODULE])
            e->module_ref = cat->modules[*import_set_number(
                &mnames, r->field[IMP_MODULE])].id;
        for (f = 0; f < ENTRY_TEXTS; f++) {
            e->text[f] = r->field[IMP_DESCRIPTION + f];
            e->text_loc[f] = rec_loc(r, (enum import_field)(IMP_DESCRIPTION
                                                           + f));
        }
    }
    import_set_free(&mids);
    import_set_free(&mnames);
    pool_adopt(&cat->strings, &rows->strings);
    return cat;
}

void
import_build_ids(struct model_catalog *cat, const struct import_rows *rows)
{
    struct import_set ids = { NULL, 0, 0, { NULL } };
    size_t i, k;

    /* room for every row's id at once: no rehashing as it fills */
    ids.mask = 63;
    while (ids.mask < 2 * (rows->n + 1))
        ids.mask = ids.mask * 2 + 1;
    ids.slot = xcalloc(ids.mask + 1, sizeof *ids.slot);

    for (i = 0; i < rows->n && i < cat->n_entries; i++) {
        struct model_entry *e = &cat->entries[i];
        char *id = import_entry_id(&rows->recs[i], &ids), **names;
        size_t n;

        e->id = model_strndup(cat, id, strlen(id));
        free(id);
        n = import_placeholders(e->text[FIELD_MESSAGE], &names);
        for (k = 0; k < n; k++) {
            struct model_arg *a = model_add_arg(e);
            char *text = import_arg_text(names[k], k);

            a->name = names[k] ? model_strndup(cat, names[k],
                                               strlen(names[k])) : NULL;
            a->text = model_strndup(cat, text, strlen(text));
            a->loc = e->text_loc[FIELD_MESSAGE];
            free(text);
            free(names[k]);
        }
        free(names);
    }
    import_set_free(&ids);
}

struct model_catalog *
import_build(struct import_rows *rows, const struct import_meta *meta)
{
    struct model_catalog *cat = import_build_texts(rows, meta);

    import_build_ids(cat, rows);
    return cat;
}

/* ---- pairing rows with entries ------------------------------------------ */

static int
same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* The key entries are chained by: the code, or the message without. */
static const char *
pair_key(const struct model_entry *e)
{
    return e->code ? e->code : e->text[FIELD_MESSAGE];
}

/* The slot of key's chain in head, or the empty slot where it goes. */
static size_t
chain_slot(const struct model_catalog *cat, const size_t *head, size_t mask,
           const char *key)
{
    size_t j;

    for (j = str_hash(key) & mask; head[j]; j = (j + 1) & mask)
        if (same(pair_key(&cat->entries[head[j] - 1]), key))
            break;
    return j;
}

long *
import_pair(const struct model_catalog *cat, const struct import_rows *rows)
{
    long *pair = xmalloc((rows->n + 1) * sizeof *pair);
    char *taken = xcalloc(cat->n_entries + 1, 1);
    size_t mask = 63, i, j, *head, *next;

    while (mask < 2 * cat->n_entries)
        mask = mask * 2 + 1;
    head = xcalloc(mask + 1, sizeof *head);     /* entry index + 1 */
    next = xcalloc(cat->n_entries + 1, sizeof *next);
    /* entries chained by code (or, without one, by message), in order */
    for (i = cat->n_entries; i-- > 0;) {
        const char *key = pair_key(&cat->entries[i]);

        if (!key)
            continue;
        j = chain_slot(cat, head, mask, key);
        next[i] = head[j];
        head[j] = i + 1;
    }
    for (i = 0; i < rows->n; i++) {
        const struct import_rec *r = &rows->recs[i];
        const char *key = r->field[IMP_CODE] ? r->field[IMP_CODE]
            : r->field[IMP_MESSAGE];
        size_t e, best = 0;
        int best_score = -1;

        pair[i] = -1;
        if (!key)
            continue;
        j = chain_slot(cat, head, mask, key);
        for (e = head[j]; e; e = next[e - 1]) {
            const struct model_entry *o = &cat->entries[e - 1];
            int score;

            if (taken[e - 1])
                continue;
            if (r->field[IMP_CODE] ? !same(o->code, key)
                : (o->code || !same(o->text[FIELD_MESSAGE], key)))
                continue;
            score = (r->status && o->http_status == r->status) * 2
                + same(o->text[FIELD_MESSAGE], r->field[IMP_MESSAGE]);
            if (score > best_score) {
                best_score = score;
                best = e;
            }
        }
        if (best) {
            pair[i] = (long)best - 1;
            taken[best - 1] = 1;
        }
    }
    free(head);
    free(next);
    free(taken);
    return pair;
}
