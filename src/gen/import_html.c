/*
 * import_html.c - reads the <table> elements of an HTML page through
 * libxml2's HTML parser, the second of errcat-gen's two libxml2 users
 * (load.c reads catalogs): a page is parsed with no network and no
 * error output into a tree, turned into rows of cells and freed before
 * this returns. rowspan and colspan are spread over the rows and columns
 * they cover; rows in <thead>, or of <th> cells only, are the header.
 *
 * Texts: entities are decoded by the parser; tags are not text, so
 * <b>, <code> and the like keep only their content; <br> is a line
 * break and a <p>, <div> or <li> starts a new line; other white space
 * runs read as one space, as a browser shows them (kept inside <pre>).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "import.h"
#include "util.h"

static int
named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE
        && strcasecmp((const char *)n->name, name) == 0;
}

static int
block(const xmlNode *n)
{
    static const char *const blocks[] = {
        "p", "div", "li", "ul", "ol", "pre", "h1", "h2", "h3", "h4", "h5",
        "h6", "table", "tr", "blockquote", "dl", "dt", "dd"
    };
    size_t i;

    for (i = 0; i < sizeof blocks / sizeof *blocks; i++)
        if (named(n, blocks[i]))
            return 1;
    return 0;
}

/* Appends a line break unless the text is empty or ends in one; blanks
   before it go. */
static void
line_break(struct buf *b)
{
    while (b->len > 0 && b->data[b->len - 1] == ' ')
        b->data[--b->len] = '\0';
    if (b->len > 0 && b->data[b->len - 1] != '\n')
        buf_putc(b, '\n');
}

static void
text_of(const xmlNode *n, struct buf *b, int pre, int depth)
{
    const xmlNode *c;

    if (depth > 200)
        return;
    for (c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            const char *s = (const char *)c->content;

            for (; s && *s; s++) {
                if (!pre && strchr(" \t\n\r\f", *s)) {
                    if (b->len > 0 && b->data[b->len - 1] != ' '
                        && b->data[b->len - 1] != '\n')
                        buf_putc(b, ' ');
                } else {
                    buf_putc(b, *s);
                }
            }
        } else if (named(c, "br")) {
            while (b->len > 0 && b->data[b->len - 1] == ' ')
                b->data[--b->len] = '\0';
            buf_putc(b, '\n');
        } else if (c->type == XML_ELEMENT_NODE && !named(c, "script")
                   && !named(c, "style")) {
            int blk = block(c);

            if (blk)
                line_break(b);
            text_of(c, b, pre || named(c, "pre"), depth + 1);
            if (blk)
                line_break(b);
        }
    }
}

/* The text of a cell: trimmed, no blanks at line ends. Owned. */
static char *
cell_text(const xmlNode *cell)
{
    struct buf b = { NULL, 0, 0 };
    size_t a = 0, z, i, o;

    buf_add(&b, "", 0);
    text_of(cell, &b, 0, 0);
    z = b.len;
    while (a < z && strchr(" \n", b.data[a]))
        a++;
    while (z > a && strchr(" \n", b.data[z - 1]))
        z--;
    /* a blank after a line break is the source's indentation */
    for (i = a, o = 0; i < z; i++) {
        if (b.data[i] == ' ' && o > 0 && b.data[o - 1] == '\n')
            continue;
        b.data[o++] = b.data[i];
    }
    b.data[o] = '\0';
    return b.data;
}

static unsigned
span(const xmlNode *cell, const char *name)
{
    xmlChar *v = xmlGetProp(cell, (const xmlChar *)name);
    long n = v ? strtol((const char *)v, NULL, 10) : 1;

    xmlFree(v);
    return n < 1 ? 1 : n > 1000 ? 1000 : (unsigned)n;
}

/* A cell that spans rows below its own. */
struct pending {
    unsigned rows;                  /* rows still covered */
    char *text;
    unsigned line;
};

static void
add_copy(struct import_row *r, const struct pending *p)
{
    struct import_cell *c = import_add_cell(r, xstrdup(p->text), NULL,
                                            p->line);

    c->merged = 1;
}

struct grid {
    struct pending *col;
    size_t n, cap;
};

/* Fills the columns from r->n on that cells above still cover. */
static void
fill_pending(struct grid *g, struct import_row *r)
{
    while (r->n < g->n && g->col[r->n].rows > 0) {
        add_copy(r, &g->col[r->n]);
        g->col[r->n - 1].rows--;
    }
}

/* Reads one <tr>; returns whether its cells are all <th>. */
static int
read_row(struct import_table *t, struct grid *g, const xmlNode *tr)
{
    struct import_row *r = import_add_row(t, (unsigned)xmlGetLineNo(tr));
    const xmlNode *c;
    int all_th = 1, any = 0;

    for (c = tr->children; c; c = c->next) {
        unsigned rs, cs, k;
        char *text;
        unsigned line;

        if (!named(c, "td") && !named(c, "th"))
            continue;
        any = 1;
        all_th &= named(c, "th");
        fill_pending(g, r);
        rs = span(c, "rowspan");
        cs = span(c, "colspan");
        text = cell_text(c);
        line = (unsigned)xmlGetLineNo(c);
        for (k = 0; k < cs; k++) {
            struct import_cell *cell;
            size_t at = r->n;

            cell = import_add_cell(r, xstrdup(text), NULL, line);
            cell->merged = k > 0;
            while (g->n <= at) {
                g->col = xgrow(g->col, &g->cap, g->n, sizeof *g->col);
                memset(&g->col[g->n++], 0, sizeof *g->col);
            }
            free(g->col[at].text);
            g->col[at].text = xstrdup(text);
            g->col[at].line = line;
            g->col[at].rows = rs - 1;
        }
        free(text);
    }
    fill_pending(g, r);
    return any && all_th;
}

/* The <tr> of table, in order, inside thead/tbody/tfoot or not, but not
   those of tables nested in it. */
static void
read_rows(struct import_table *t, struct grid *g, const xmlNode *n,
          int in_head, int *header, int depth)
{
    const xmlNode *c;

    if (depth > 8)
        return;
    for (c = n->children; c; c = c->next) {
        if (named(c, "tr")) {
            int th = read_row(t, g, c);

            if (in_head || (*header && th))
                t->n_header = t->n_rows;
            else
                *header = 0;
        } else if (named(c, "thead")) {
            read_rows(t, g, c, 1, header, depth + 1);
        } else if (named(c, "tbody") || named(c, "tfoot")) {
            read_rows(t, g, c, 0, header, depth + 1);
        } else if (c->type == XML_ELEMENT_NODE && !named(c, "table")) {
            read_rows(t, g, c, in_head, header, depth + 1);
        }
    }
}

static void
find_tables(struct import_doc *doc, const xmlNode *n, int depth)
{
    const xmlNode *c;

    if (depth > 256)
        return;
    for (c = n; c; c = c->next) {
        if (named(c, "table")) {
            struct import_table *t =
                import_add_table(doc, (unsigned)xmlGetLineNo(c));
            struct grid g = { NULL, 0, 0 };
            size_t i;
            int header = 1;

            read_rows(t, &g, c, 0, &header, 0);
            for (i = 0; i < g.n; i++)
                free(g.col[i].text);
            free(g.col);
        }
        if (c->type == XML_ELEMENT_NODE && c->children)
            find_tables(doc, c->children, depth + 1);
    }
}

int
import_html_read(struct import_doc *doc, const char *data, size_t len)
{
    htmlDocPtr html;

    if (len > 0x7fffffff) {
        struct loc at = { doc->path, 0, 0 };

        diag_error(&at, "file too large");
        return -1;
    }
    html = htmlReadMemory(data, (int)len, doc->path, "UTF-8",
                          HTML_PARSE_NONET | HTML_PARSE_NOERROR
                          | HTML_PARSE_NOWARNING);
    if (!html) {
        struct loc at = { doc->path, 1, 0 };

        diag_error(&at, "not an HTML page");
        return -1;
    }
    find_tables(doc, xmlDocGetRootElement(html), 0);
    xmlFreeDoc(html);
    return 0;
}
