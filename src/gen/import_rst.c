/*
 * import_rst.c - reads reStructuredText tables out of a page: grid
 * tables (+---+ borders, a +===+ line under the header, cells merged
 * over rows or columns, cells of several lines) and list-table
 * directives (:header-rows: N). Grid cells are found as docutils finds
 * them, corner by corner; wide (CJK) characters count two columns and
 * every other character one, combining marks too, as docutils counts.
 *
 * Texts: backslash escapes are undone in every cell (all a message is
 * unescaped); descriptions and measures also lose inline markup:
 * **strong**, *emphasis*, ``literal``, `interpreted`, :role:`text` and
 * `text <url>`_ keep their text. A cell's lines stay lines.
 */
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "util.h"

/* ---- texts ---------------------------------------------------------------- */

static char *
unescape(const char *s)
{
    struct buf b = { NULL, 0, 0 };

    buf_add(&b, "", 0);
    for (; *s; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            if (*s == ' ' || *s == '\n')
                continue;           /* an escaped blank is nothing */
        }
        buf_putc(&b, *s);
    }
    return b.data;
}

/* Offset of the end marker of inline markup opening at s[i] with
   marker m (length mn): it must follow text, not a blank. */
static const char *
markup_end(const char *s, const char *m, size_t mn)
{
    const char *p;

    if (!s[mn] || s[mn] == ' ' || s[mn] == '\n')
        return NULL;
    for (p = s + mn + 1; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        if (strncmp(p, m, mn) == 0 && p[-1] != ' ' && p[-1] != '\n')
            return p;
    }
    return NULL;
}

static char *
plain(const char *s)
{
    struct buf b = { NULL, 0, 0 };
    static const char *const marks[] = { "``", "**", "*", "`" };

    buf_add(&b, "", 0);
    while (*s) {
        const char *end = NULL;
        size_t k, mn = 0;

        if (*s == '\\' && s[1]) {
            if (s[1] != ' ' && s[1] != '\n')
                buf_putc(&b, s[1]);
            s += 2;
            continue;
        }
        if (*s == ':' && s[1] && s[1] != ' ') {
            const char *q = s + 1;

            while (*q && *q != ':' && *q != ' ' && *q != '`')
                q++;
            if (q[0] == ':' && q[1] == '`' && markup_end(q + 1, "`", 1))
                s = q + 1;              /* :role:`text` is its text */
        }
        for (k = 0; k < sizeof marks / sizeof *marks; k++) {
            mn = strlen(marks[k]);
            if (strncmp(s, marks[k], mn) == 0
                && (end = markup_end(s, marks[k], mn)) != NULL)
                break;
        }
        if (!end) {
            buf_putc(&b, *s++);
            continue;
        }
        {
            char *inner = xstrndup(s + mn, (size_t)(end - s - mn));
            size_t n = strlen(inner);

            if (mn == 2 && s[0] == '`') {
                buf_puts(&b, inner);    /* ``literal``: no escapes inside */
            } else {
                char *p;

                /* `text <url>`_: the text */
                if (mn == 1 && s[0] == '`' && n > 0 && inner[n - 1] == '>') {
                    char *lt = strrchr(inner, '<');

                    if (lt) {
                        while (lt > inner && lt[-1] == ' ')
                            lt--;
                        *lt = '\0';
                    }
                }
                p = plain(inner);
                buf_puts(&b, p);
                free(p);
            }
            free(inner);
            s = end + mn;
            if (mn == 1 && end[0] == '`')
                while (*s == '_')
                    s++;
        }
    }
    return b.data;
}

static void
add_cell(struct import_row *r, const char *raw, unsigned line, int merged)
{
    char *lit = unescape(raw);
    struct import_cell *c = import_add_cell(r, lit, plain(raw), line);

    c->merged = merged;
}

/* ---- lines as columns ----------------------------------------------------- */

/* Display width of the code point at p (one or two columns). */
static int
wide(const unsigned char *p, size_t *len)
{
    unsigned long cp;

    if (p[0] < 0x80) {
        *len = 1;
        return 1;
    }
    if (p[0] < 0xe0) {
        *len = 2;
        return 1;
    }
    if (p[0] < 0xf0) {
        *len = 3;
        cp = (unsigned long)(p[0] & 0x0f) << 12 | (p[1] & 0x3f) << 6
            | (p[2] & 0x3f);
    } else {
        *len = 4;
        cp = (unsigned long)(p[0] & 0x07) << 18 | (p[1] & 0x3f) << 12
            | (p[2] & 0x3f) << 6 | (p[3] & 0x3f);
    }
    /* the ranges emit_docs_rst.c lays tables out by */
    return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e)
        || (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf)
        || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf)
        || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff)
        || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
        || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f)
        || (cp >= 0x20000 && cp <= 0x3fffd) ? 2 : 1;
}

/* A line of a grid table by display column: the structural character
   at each column ('+', '-', '=', '|', ' ' or 'x' for text) and the
   byte range of the character drawn there (a wide character's second
   column has an empty range). */
struct gline {
    char *shape;
    size_t *from, *to;
    size_t n;
    unsigned lineno;
};

static void
gline_make(struct gline *g, const char *data, size_t start, size_t n,
           size_t indent, unsigned lineno)
{
    const char *s = data + start;
    size_t i, k = 0, len;

    g->shape = xmalloc(n + 1);
    g->from = xmalloc((n + 1) * sizeof *g->from);
    g->to = xmalloc((n + 1) * sizeof *g->to);
    g->lineno = lineno;
    for (i = indent; i < n; i += len) {
        int w = wide((const unsigned char *)s + i, &len);
        char c = s[i];

        if (i + len > n)
            len = n - i;
        g->shape[k] = strchr("+-=| ", c) && c ? c : 'x';
        g->from[k] = start + i;
        g->to[k++] = start + i + len;
        if (w == 2) {
            g->shape[k] = 'x';
            g->from[k] = g->to[k] = start + i + len;
            k++;
        }
    }
    g->n = k;
}

/* ---- grid tables ---------------------------------------------------------- */

struct grid {
    const char *data;
    struct gline *lines;
    size_t n_lines;
    size_t width;
    long *done;                 /* per column: the last line done */
    size_t head_sep;            /* line of +===+, 0 none */
    char *rowsep, *colsep;      /* lines and columns that separate */
    struct cell {
        size_t top, left, bottom, right;
    } *cells;
    size_t n_cells, cap_cells;
};

static char
at(const struct grid *g, size_t line, size_t col)
{
    const struct gline *l = &g->lines[line];

    if (col >= l->n)
        return ' ';
    if (line == g->head_sep && l->shape[col] == '=')
        return '-';
    return l->shape[col];
}

/* The corner scan of docutils' GridTableParser: from the top-left
   corner of a cell, right along its top, down its right side, left
   along its bottom and up its left side. */
static int
scan_up(struct grid *g, size_t top, size_t left, size_t bottom)
{
    size_t i;

    for (i = bottom - 1; i > top; i--) {
        char c = at(g, i, left);

        if (c == '+')
            g->rowsep[i] = 1;
        else if (c != '|')
            return 0;
    }
    return 1;
}

static int
scan_left(struct grid *g, size_t top, size_t left, size_t bottom,
          size_t right)
{
    size_t i;

    for (i = right - 1; i > left; i--) {
        char c = at(g, bottom, i);

        if (c != '+' && c != '-')
            return 0;
    }
    if (at(g, bottom, left) != '+')
        return 0;
    return scan_up(g, top, left, bottom);
}

static long
scan_down(struct grid *g, size_t top, size_t left, size_t right)
{
    size_t i;

    for (i = top + 1; i < g->n_lines; i++) {
        char c = at(g, i, right);

        if (c == '+') {
            if (scan_left(g, top, left, i, right))
                return (long)i;
        } else if (c != '|') {
            return -1;
        }
    }
    return -1;
}

static int
scan_cell(struct grid *g, size_t top, size_t left, size_t *bottom,
          size_t *right)
{
    size_t i;

    if (at(g, top, left) != '+')
        return 0;
    for (i = left + 1; i < g->width; i++) {
        char c = at(g, top, i);

        if (c == '+') {
            long b = scan_down(g, top, left, i);

            if (b >= 0) {
                *bottom = (size_t)b;
                *right = i;
                return 1;
            }
        } else if (c != '-') {
            return 0;
        }
    }
    return 0;
}

/* A min-heap of corners by (top, left). */
struct corners {
    size_t (*v)[2];
    size_t n, cap;
};

static int
less(const size_t *a, const size_t *b)
{
    return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]);
}

static void
push(struct corners *h, size_t top, size_t left)
{
    size_t i;

    h->v = xgrow(h->v, &h->cap, h->n, sizeof *h->v);
    i = h->n++;
    h->v[i][0] = top;
    h->v[i][1] = left;
    while (i > 0 && less(h->v[i], h->v[(i - 1) / 2])) {
        size_t t0 = h->v[i][0], t1 = h->v[i][1], p = (i - 1) / 2;

        h->v[i][0] = h->v[p][0];
        h->v[i][1] = h->v[p][1];
        h->v[p][0] = t0;
        h->v[p][1] = t1;
        i = p;
    }
}

static void
pop(struct corners *h, size_t *top, size_t *left)
{
    size_t i = 0;

    *top = h->v[0][0];
    *left = h->v[0][1];
    h->n--;
    h->v[0][0] = h->v[h->n][0];
    h->v[0][1] = h->v[h->n][1];
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;

        if (l < h->n && less(h->v[l], h->v[m]))
            m = l;
        if (r < h->n && less(h->v[r], h->v[m]))
            m = r;
        if (m == i)
            break;
        {
            size_t t0 = h->v[i][0], t1 = h->v[i][1];

            h->v[i][0] = h->v[m][0];
            h->v[i][1] = h->v[m][1];
            h->v[m][0] = t0;
            h->v[m][1] = t1;
        }
        i = m;
    }
}

/* The text inside a cell: its lines, blanks at their ends and the
   common indentation removed, blank lines around it dropped. */
static char *
grid_text(const struct grid *g, const struct cell *c)
{
    struct buf b = { NULL, 0, 0 };
    size_t i, k, indent = (size_t)-1, first = c->top + 1, last = c->bottom;

    buf_add(&b, "", 0);
    for (i = c->top + 1; i < c->bottom; i++) {
        const struct gline *l = &g->lines[i];

        for (k = c->left + 1; k < c->right && k < l->n; k++)
            if (l->shape[k] != ' ')
                break;
        if (k < c->right && k < l->n && k - c->left - 1 < indent)
            indent = k - c->left - 1;
    }
    if (indent == (size_t)-1)
        return b.data;
    while (first < last) {
        const struct gline *l = &g->lines[first];

        for (k = c->left + 1; k < c->right && k < l->n; k++)
            if (l->shape[k] != ' ')
                break;
        if (k < c->right && k < l->n)
            break;
        first++;
    }
    for (i = first; i < last; i++) {
        const struct gline *l = &g->lines[i];
        size_t a = c->left + 1 + indent, z = c->right;

        if (z > l->n)
            z = l->n;
        while (z > a && l->shape[z - 1] == ' ')
            z--;
        if (i > first)
            buf_putc(&b, '\n');
        for (k = a; k < z; k++)
            buf_add(&b, g->data + l->from[k], l->to[k] - l->from[k]);
    }
    while (b.len > 0 && b.data[b.len - 1] == '\n')
        b.data[--b.len] = '\0';
    return b.data;
}

static int
by_place(const void *a, const void *b)
{
    const struct cell *x = a, *y = b;

    if (x->top != y->top)
        return x->top < y->top ? -1 : 1;
    return x->left < y->left ? -1 : x->left > y->left;
}

/* Turns the cells found into rows; merged cells are copied into every
   row and column they cover. */
static void
grid_rows(struct import_doc *doc, struct grid *g)
{
    struct import_table *t = import_add_table(doc, g->lines[0].lineno);
    size_t *row_of = xcalloc(g->n_lines + 1, sizeof *row_of);
    size_t *col_of = xcalloc(g->width + 1, sizeof *col_of);
    size_t n_rows = 0, n_cols = 0, i, r, k;
    char **text;
    unsigned *line;
    int *merged;

    for (i = 0; i < g->n_lines; i++)
        if (g->rowsep[i])
            row_of[i] = n_rows++;
    for (i = 0; i < g->width; i++)
        if (g->colsep[i])
            col_of[i] = n_cols++;
    if (n_rows < 2 || n_cols < 2)
        goto out;
    n_rows--;
    n_cols--;
    text = xcalloc(n_rows * n_cols, sizeof *text);
    line = xcalloc(n_rows * n_cols, sizeof *line);
    merged = xcalloc(n_rows * n_cols, sizeof *merged);
    qsort(g->cells, g->n_cells, sizeof *g->cells, by_place);
    for (i = 0; i < g->n_cells; i++) {
        const struct cell *c = &g->cells[i];
        char *s = grid_text(g, c);

        for (r = row_of[c->top]; r < row_of[c->bottom] && r < n_rows; r++)
            for (k = col_of[c->left]; k < col_of[c->right] && k < n_cols;
                 k++) {
                size_t x = r * n_cols + k;

                if (text[x])
                    continue;
                text[x] = xstrdup(s);
                line[x] = g->lines[c->top + 1 < g->n_lines ? c->top + 1
                                   : c->top].lineno;
                merged[x] = r != row_of[c->top] || k != col_of[c->left];
            }
        free(s);
    }
    for (r = 0; r < n_rows; r++) {
        struct import_row *row = NULL;

        unsigned first = 0;

        for (k = 0; k < n_cols; k++)
            if (!merged[r * n_cols + k] && (!first || line[r * n_cols + k]
                                            < first))
                first = line[r * n_cols + k];
        for (k = 0; k < n_cols; k++) {
            size_t x = r * n_cols + k;

            if (!row)
                row = import_add_row(t, first ? first : line[x]);
            add_cell(row, text[x] ? text[x] : "", line[x], merged[x]);
            free(text[x]);
        }
        if (g->head_sep)
            for (i = 0; i < g->n_lines; i++)
                if (g->rowsep[i] && row_of[i] == r + 1 && i <= g->head_sep)
                    t->n_header = r + 1;
    }
    free(text);
    free(line);
    free(merged);
out:
    free(row_of);
    free(col_of);
}

static int
grid_parse(struct import_doc *doc, struct grid *g)
{
    struct corners h = { NULL, 0, 0 };
    size_t i, top, left, bottom, right;
    int complete = 1;

    g->done = xmalloc((g->width + 1) * sizeof *g->done);
    for (i = 0; i <= g->width; i++)
        g->done[i] = -1;
    g->rowsep = xcalloc(g->n_lines + 1, 1);
    g->colsep = xcalloc(g->width + 1, 1);
    g->rowsep[0] = g->colsep[0] = 1;
    push(&h, 0, 0);
    while (h.n) {
        pop(&h, &top, &left);
        if (top + 1 >= g->n_lines || left + 1 >= g->width
            || (long)top <= g->done[left])
            continue;
        if (!scan_cell(g, top, left, &bottom, &right))
            continue;
        g->rowsep[bottom] = 1;
        g->colsep[right] = 1;
        for (i = left; i < right; i++)
            g->done[i] = (long)bottom - 1;
        g->cells = xgrow(g->cells, &g->cap_cells, g->n_cells,
                         sizeof *g->cells);
        g->cells[g->n_cells].top = top;
        g->cells[g->n_cells].left = left;
        g->cells[g->n_cells].bottom = bottom;
        g->cells[g->n_cells++].right = right;
        push(&h, top, right);
        push(&h, bottom, left);
    }
    free(h.v);
    for (i = 0; i + 1 < g->width; i++)
        if (g->done[i] != (long)g->n_lines - 2)
            complete = 0;
    if (!complete || g->n_cells == 0) {
        struct loc at = { doc->path, g->lines[0].lineno, 0 };

        diag_error(&at, "malformed grid table: its borders do not close "
                   "every cell");
        return -1;
    }
    grid_rows(doc, g);
    return 0;
}

static size_t
indent_of(const char *s, size_t n)
{
    size_t i = 0;

    while (i < n && s[i] == ' ')
        i++;
    return i;
}

/* Is s[0..n), after indent, a grid border: +, -, = and nothing else,
   starting with "+-" or "+="? */
static int
border(const char *s, size_t n)
{
    size_t i = indent_of(s, n);

    while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        n--;
    if (n - i < 3 || s[i] != '+' || (s[i + 1] != '-' && s[i + 1] != '='))
        return 0;
    for (; i < n; i++)
        if (!strchr("+-=", s[i]))
            return 0;
    return s[n - 1] == '+';
}

/* A grid table from line index *li of lines; advances *li past it. */
static int
read_grid(struct import_doc *doc, const char *data, const size_t *ls,
          const size_t *le, size_t n_lines, size_t *li)
{
    struct grid g;
    size_t start = *li, indent = indent_of(data + ls[start],
                                           le[start] - ls[start]), i;
    int st;

    memset(&g, 0, sizeof g);
    g.data = data;
    for (i = start; i < n_lines; i++) {
        const char *s = data + ls[i];
        size_t n = le[i] - ls[i], in = indent_of(s, n);

        if (in != indent || n == in || (s[in] != '+' && s[in] != '|'))
            break;
    }
    *li = i;
    g.n_lines = i - start;
    g.lines = xcalloc(g.n_lines, sizeof *g.lines);
    for (i = 0; i < g.n_lines; i++) {
        size_t n = le[start + i] - ls[start + i];

        while (n > 0 && (data[ls[start + i] + n - 1] == ' '
                         || data[ls[start + i] + n - 1] == '\r'))
            n--;
        gline_make(&g.lines[i], data, ls[start + i], n, indent,
                   (unsigned)(start + i + 1));
        if (g.lines[i].n > g.width)
            g.width = g.lines[i].n;
        if (!g.head_sep && i > 0 && memchr(g.lines[i].shape, '=',
                                           g.lines[i].n)
            && border(data + ls[start + i], n))
            g.head_sep = i;
    }
    st = g.n_lines >= 3 ? grid_parse(doc, &g) : 0;
    for (i = 0; i < g.n_lines; i++) {
        free(g.lines[i].shape);
        free(g.lines[i].from);
        free(g.lines[i].to);
    }
    free(g.lines);
    free(g.done);
    free(g.rowsep);
    free(g.colsep);
    free(g.cells);
    return st;
}

/* ---- list tables ----------------------------------------------------------- */

static void
end_cell(struct import_row *r, struct buf *cell, unsigned line)
{
    while (cell->len > 0 && cell->data[cell->len - 1] == '\n')
        cell->data[--cell->len] = '\0';
    if (r)
        add_cell(r, cell->data ? cell->data : "", line, 0);
    cell->len = 0;
    buf_add(cell, "", 0);
}

static int
read_list_table(struct import_doc *doc, const char *data, const size_t *ls,
                const size_t *le, size_t n_lines, size_t *li)
{
    size_t i = *li + 1, base = indent_of(data + ls[*li], le[*li] - ls[*li]);
    size_t body = (size_t)-1, cell_indent = 0;
    struct import_table *t = import_add_table(doc, (unsigned)*li + 1);
    struct import_row *r = NULL;
    struct buf cell = { NULL, 0, 0 };
    unsigned cell_line = 0;
    long header_rows = 0;

    buf_add(&cell, "", 0);
    for (; i < n_lines; i++) {
        const char *s = data + ls[i];
        size_t n = le[i] - ls[i], in = indent_of(s, n);

        while (n > in && (s[n - 1] == ' ' || s[n - 1] == '\r'))
            n--;
        if (n == in) {
            if (r)
                buf_putc(&cell, '\n');
            continue;
        }
        if (in <= base)
            break;
        if (body == (size_t)-1 && s[in] == ':') {
            if (n - in > 14 && strncmp(s + in, ":header-rows:", 13) == 0)
                header_rows = strtol(s + in + 13, NULL, 10);
            continue;
        }
        if (body == (size_t)-1)
            body = in;
        if (in == body && (s[in] == '*' || s[in] == '-') && n > in + 1
            && s[in + 1] == ' ') {
            size_t j = in + 2;

            while (j < n && s[j] == ' ')
                j++;
            end_cell(r, &cell, cell_line);
            r = import_add_row(t, (unsigned)i + 1);
            if (j + 1 < n && s[j] == '-' && s[j + 1] == ' ') {
                j += 2;
                while (j < n && s[j] == ' ')
                    j++;
                cell_indent = j;
                cell_line = (unsigned)i + 1;
                buf_add(&cell, s + j, n - j);
            } else if (j + 1 == n && s[j] == '-') {
                cell_indent = j + 2;
                cell_line = (unsigned)i + 1;
            } else {
                struct loc at = { doc->path, (unsigned)i + 1, 0 };

                diag_error(&at, "list-table row must be a list of cells "
                           "(* - cell)");
                buf_free(&cell);
                *li = i + 1;
                return -1;
            }
            continue;
        }
        if (r && in > body && s[in] == '-' && (n == in + 1 || s[in + 1] == ' ')
            && in < cell_indent) {
            size_t j = in + 1;

            end_cell(r, &cell, cell_line);
            while (j < n && s[j] == ' ')
                j++;
            cell_indent = j < n ? j : in + 2;
            cell_line = (unsigned)i + 1;
            buf_add(&cell, s + j, n - j);
            continue;
        }
        if (r && in >= cell_indent) {
            /* a blank line kept a '\n' already */
            if (cell.len > 0 && cell.data[cell.len - 1] != '\n')
                buf_putc(&cell, '\n');
            buf_add(&cell, s + cell_indent, n - cell_indent);
            continue;
        }
        break;
    }
    end_cell(r, &cell, cell_line);
    buf_free(&cell);
    t->n_header = header_rows > 0 && (size_t)header_rows <= t->n_rows
        ? (size_t)header_rows : 0;
    *li = i;
    return 0;
}

int
import_rst_read(struct import_doc *doc, const char *data, size_t len)
{
    size_t *ls = NULL, *le = NULL, cap = 0, cap2 = 0, n = 0, i = 0, li;
    int st = 0;

    while (i <= len) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - data) : len;

        ls = xgrow(ls, &cap, n, sizeof *ls);
        le = xgrow(le, &cap2, n, sizeof *le);
        ls[n] = i;
        le[n++] = end;
        if (!nl)
            break;
        i = end + 1;
    }
    for (li = 0; li < n;) {
        const char *s = data + ls[li];
        size_t ln = le[li] - ls[li], in = indent_of(s, ln);

        if (border(s, ln)) {
            if (read_grid(doc, data, ls, le, n, &li) < 0)
                st = -1;
        } else if (ln - in >= 15 && strncmp(s + in, ".. list-table::", 15)
                   == 0) {
            if (read_list_table(doc, data, ls, le, n, &li) < 0)
                st = -1;
        } else {
            li++;
        }
    }
    free(ls);
    free(le);
    return st;
}
