/*
 * import_md.c - reads Markdown pipe tables (GitHub's form: a header row,
 * a delimiter row of dashes, body rows) out of a page; the text around
 * them is skipped.
 *
 * Texts: '\|' stands for '|' and <br> for a line break in every cell;
 * that is all a message is unescaped. Descriptions and measures are also
 * made plain: backslash escapes, **strong**, __strong__, *emphasis*,
 * _emphasis_, `code`, [links](url) and the entities &amp; &lt; &gt;
 * &quot; &#39; lose their markup and keep their text.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "util.h"

/* Is s[0..n) a <br>, <br/> or <br />, case-insensitively? Its length. */
static size_t
br_len(const char *s, size_t n)
{
    size_t i = 3;

    if (n < 4 || s[0] != '<' || tolower((unsigned char)s[1]) != 'b'
        || tolower((unsigned char)s[2]) != 'r')
        return 0;
    while (i < n && s[i] == ' ')
        i++;
    if (i < n && s[i] == '/')
        i++;
    return i < n && s[i] == '>' ? i + 1 : 0;
}

/* The cell s[0..n) with '\|' and <br> undone, in pool. */
static char *
literal(struct pool *pool, const char *s, size_t n)
{
    struct buf b = { NULL, 0, 0 };
    size_t i, k;
    char *lit;

    if (!memchr(s, '\\', n) && !memchr(s, '<', n))
        return pool_strndup(pool, s, n);
    buf_add(&b, "", 0);
    for (i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n && s[i + 1] == '|') {
            buf_putc(&b, '|');
            i++;
        } else if (s[i] == '<' && (k = br_len(s + i, n - i)) > 0) {
            buf_putc(&b, '\n');
            i += k - 1;
        } else {
            buf_putc(&b, s[i]);
        }
    }
    lit = pool_strndup(pool, b.data, b.len);
    buf_free(&b);
    return lit;
}

static const struct { const char *name; char c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
    { "&#39;", '\'' }, { "&#124;", '|' }, { "&#x27;", '\'' }
};

/* Offset of the closing delimiter d (length dn) of an emphasis that
   opens at s[i], or 0: it must hug text on both sides. */
static size_t
closing(const char *s, size_t n, size_t i, const char *d, size_t dn)
{
    size_t j;

    if (i + dn >= n || s[i + dn] == ' ' || s[i + dn] == '\n')
        return 0;
    /* an underscore inside a word (snake_case) opens nothing */
    if (d[0] == '_' && i > 0 && isalnum((unsigned char)s[i - 1]))
        return 0;
    for (j = i + dn + 1; j + dn <= n; j++) {
        if (memcmp(s + j, d, dn) == 0 && s[j - 1] != ' '
            && (d[0] != '_' || j + dn == n
                || !isalnum((unsigned char)s[j + dn])))
            return j;
    }
    return 0;
}

/* The text of a literal cell without its inline markup. */
static char *
plain(const char *s)
{
    struct buf b = { NULL, 0, 0 };
    size_t n = strlen(s), i, j, k;

    buf_add(&b, "", 0);
    for (i = 0; i < n; i++) {
        char c = s[i];

        if (c == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1])) {
            buf_putc(&b, s[++i]);
            continue;
        }
        if (c == '`') {
            for (k = i; k < n && s[k] == '`'; k++)
                ;
            for (j = k; j + (k - i) <= n; j++)
                if (memcmp(s + j, s + i, k - i) == 0)
                    break;
            if (j + (k - i) <= n) {
                size_t a = k, z = j;

                if (z - a >= 2 && s[a] == ' ' && s[z - 1] == ' ')
                    a++, z--;
                buf_add(&b, s + a, z - a);
                i = j + (k - i) - 1;
                continue;
            }
        }
        if (c == '*' || c == '_') {
            const char *d = i + 1 < n && s[i + 1] == c
                ? (c == '*' ? "**" : "__") : (c == '*' ? "*" : "_");
            size_t dn = strlen(d);

            if ((j = closing(s, n, i, d, dn)) > 0) {
                char *inner = xstrndup(s + i + dn, j - i - dn);
                char *p = plain(inner);

                buf_puts(&b, p);
                free(p);
                free(inner);
                i = j + dn - 1;
                continue;
            }
        }
        if (c == '[') {
            const char *close = strstr(s + i, "](");
            const char *end = close ? strchr(close, ')') : NULL;
            const char *nl = strchr(s + i, '\n');

            if (end && (!nl || end < nl)) {
                char *inner = xstrndup(s + i + 1, (size_t)(close - s - i - 1));
                char *p = plain(inner);

                buf_puts(&b, p);
                free(p);
                free(inner);
                i = (size_t)(end - s);
                continue;
            }
        }
        if (c == '&') {
            for (k = 0; k < sizeof entities / sizeof *entities; k++)
                if (strncmp(s + i, entities[k].name,
                            strlen(entities[k].name)) == 0)
                    break;
            if (k < sizeof entities / sizeof *entities) {
                buf_putc(&b, entities[k].c);
                i += strlen(entities[k].name) - 1;
                continue;
            }
        }
        buf_putc(&b, c);
    }
    return b.data;
}

static int
blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Is line[0..n) a delimiter row such as |---|:--:|? */
static int
delimiter_row(const char *line, size_t n)
{
    size_t i, dashes = 0, pipes = 0;

    for (i = 0; i < n; i++) {
        if (line[i] == '-')
            dashes++;
        else if (line[i] == '|')
            pipes++;
        else if (line[i] != ':' && !blank(line[i]))
            return 0;
    }
    return dashes > 0 && (pipes > 0 || dashes >= 3);
}

/* The offset of the first unescaped '|' of line[i..n), or n: a pipe
   after an odd run of backslashes is escaped. memchr finds the pipes;
   table lines are most of a 100k-row page. */
static size_t
next_pipe(const char *line, size_t i, size_t n)
{
    const char *p;

    while (i < n && (p = memchr(line + i, '|', n - i)) != NULL) {
        size_t j = (size_t)(p - line), k = j;

        while (k > 0 && line[k - 1] == '\\')
            k--;
        if ((j - k) % 2 == 0)
            return j;
        i = j + 1;
    }
    return n;
}

/* Does line[0..n) have an unescaped '|'? */
static int
has_pipe(const char *line, size_t n)
{
    return next_pipe(line, 0, n) < n;
}

/* Splits a table line into cells at unescaped pipes; the outer pipes
   are the row's borders, blanks around each cell are not its text. */
static void
split_row(struct pool *pool, struct import_row *r, const char *line,
          size_t n, unsigned lineno)
{
    size_t i = 0, start, done = 0, pipes = 1, k;
    unsigned col = 1;               /* the column of byte done */
    const char *p;

    while (n > 0 && blank(line[n - 1]))
        n--;
    while (i < n && blank(line[i]))
        i++;
    if (i < n && line[i] == '|')
        i++;
    if (n > i && line[n - 1] == '|' && (n < 2 || line[n - 2] != '\\'))
        n--;
    /* room for every cell at once: a cell per pipe, escaped ones too */
    for (k = i; k < n && (p = memchr(line + k, '|', n - k)) != NULL;
         k = (size_t)(p - line) + 1)
        pipes++;
    if (r->cap < pipes) {
        r->cells = xrealloc(r->cells, pipes * sizeof *r->cells);
        r->cap = pipes;
    }
    for (;;) {
        size_t a, z;
        char *lit, *pl;

        start = i;
        i = next_pipe(line, i, n);
        a = start;
        z = i;
        while (a < z && blank(line[a]))
            a++;
        while (z > a && blank(line[z - 1]))
            z--;
        lit = literal(pool, line + a, z - a);
        pl = NULL;
        if (strpbrk(lit, "\\*_`[&")) {
            char *made = plain(lit);

            pl = pool_strndup(pool, made, strlen(made));
            free(made);
        }
        col += (unsigned)utf8_chars(line + done, a - done);
        done = a;
        import_add_pooled_cell(r, lit, pl, lineno)->col = col;
        if (i >= n)
            break;
        i++;
    }
}

/* A table line found, to be split into its row's cells: the row by
   table and index (the arrays move while the page is read). */
struct md_line {
    size_t table, row;
    const char *text;
    size_t n;
    unsigned lineno;
};

/* Lines [from, to) of a page split by one thread, into its own pool. */
struct md_split {
    struct import_doc *doc;
    const struct md_line *lines;
    size_t from, to;
    struct pool strings;
};

static void *
split_lines(void *arg)
{
    struct md_split *s = arg;
    size_t i;

    for (i = s->from; i < s->to; i++) {
        const struct md_line *l = &s->lines[i];

        split_row(&s->strings, &s->doc->tables[l->table].rows[l->row],
                  l->text, l->n, l->lineno);
    }
    return NULL;
}

/* Table lines past which a second thread splits half of them. */
#define MD_SPLIT_THREADED 8192

static void
add_line(struct md_line **lines, size_t *n, size_t *cap,
         const struct import_doc *doc, const char *text, size_t len,
         unsigned lineno)
{
    struct md_line *l;

    *lines = xgrow(*lines, cap, *n, sizeof **lines);
    l = &(*lines)[(*n)++];
    l->table = doc->n_tables - 1;
    l->row = doc->tables[doc->n_tables - 1].n_rows - 1;
    l->text = text;
    l->n = len;
    l->lineno = lineno;
}

int
import_md_read(struct import_doc *doc, const char *data, size_t len)
{
    const char *p = data, *end = data + len;
    const char *prev = NULL;
    size_t prev_n = 0, n_lines = 0, cap = 0;
    unsigned lineno = 0;
    struct import_table *t = NULL;
    struct md_line *lines = NULL;
    struct md_split half[2];
    pthread_t thread;
    int threaded = 0;

    /* Which lines are a table's rows is decided line by line; splitting
       them into cells, most of the work, is done after, by two threads
       for a big page. */
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

        lineno++;
        if (t && has_pipe(p, n)) {
            import_add_row(t, lineno);
            add_line(&lines, &n_lines, &cap, doc, p, n, lineno);
        } else if (prev && has_pipe(prev, prev_n) && delimiter_row(p, n)
                   && has_pipe(p, n)) {
            t = import_add_table(doc, lineno - 1);
            t->n_header = 1;
            import_add_row(t, lineno - 1);
            add_line(&lines, &n_lines, &cap, doc, prev, prev_n, lineno - 1);
        } else {
            t = NULL;
        }
        prev = p;
        prev_n = n;
        p = nl ? nl + 1 : end;
    }
    memset(half, 0, sizeof half);
    half[0].doc = half[1].doc = doc;
    half[0].lines = half[1].lines = lines;
    half[0].to = half[1].from = n_lines;
    half[1].to = n_lines;
    if (n_lines >= MD_SPLIT_THREADED) {
        half[0].to = half[1].from = n_lines / 2;
        threaded = pthread_create(&thread, NULL, split_lines, &half[1]) == 0;
        if (!threaded)
            half[0].to = n_lines;
    }
    split_lines(&half[0]);
    if (threaded)
        pthread_join(thread, NULL);
    pool_adopt(&doc->strings, &half[0].strings);
    pool_adopt(&doc->strings, &half[1].strings);
    free(lines);
    return 0;
}
