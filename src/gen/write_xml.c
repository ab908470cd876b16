/*
 * write_xml.c - the one writer of catalog XML, for a new catalog and for
 * an update alike. An update edits the catalog's own bytes: only the
 * texts and attributes that changed are replaced, new entries are
 * appended after the last one, so comments, notes, args and layout
 * survive, and a table that matches the catalog changes no byte of it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "write_xml.h"

/* XML escaping: of text content, or of an attribute value too. */
static void
escape(struct buf *b, const char *s, int attribute)
{
    for (; *s; s++) {
        size_t run = strcspn(s, attribute ? "&<>\r\"\n\t" : "&<>\r");

        if (run) {
            buf_add(b, s, run);
            s += run;
            if (!*s)
                break;
        }
        switch (*s) {
        case '&': buf_puts(b, "&amp;"); break;
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '\r': buf_puts(b, "&#13;"); break;
        case '"':
            buf_puts(b, attribute ? "&quot;" : "\"");
            break;
        case '\n':
            buf_puts(b, attribute ? "&#10;" : "\n");
            break;
        case '\t':
            buf_puts(b, attribute ? "&#9;" : "\t");
            break;
        default: buf_putc(b, *s); break;
        }
    }
}

static void
attr(struct buf *b, const char *name, const char *value)
{
    buf_putc(b, ' ');
    buf_puts(b, name);
    buf_add(b, "=\"", 2);
    escape(b, value, 1);
    buf_putc(b, '"');
}

static void
element(struct buf *b, const char *indent, const char *name,
        const char *attr_name, const char *attr_value, const char *text)
{
    buf_puts(b, indent);
    buf_putc(b, '<');
    buf_puts(b, name);
    if (attr_value)
        attr(b, attr_name, attr_value);
    buf_putc(b, '>');
    escape(b, text, 0);
    buf_add(b, "</", 2);
    buf_puts(b, name);
    buf_add(b, ">\n", 2);
}

static void
module(struct buf *b, const char *id, const char *name)
{
    element(b, "  ", "module", "id", id, name);
}

/* One <entry> with its texts and args, indented as catalogs are, ending
   in a newline; module_id is the id its module has in the catalog. */
static void
entry(struct buf *b, const struct model_entry *e, const char *module_id)
{
    static const char *const names[ENTRY_TEXTS] = {
        "description", "message", "measure"
    };
    size_t i;
    int f;

    buf_puts(b, "  <entry");
    attr(b, "id", e->id);
    if (e->code)
        attr(b, "code", e->code);
    if (e->http_status) {
        buf_puts(b, " http-status=\"");
        buf_putl(b, e->http_status);
        buf_putc(b, '"');
    }
    if (module_id)
        attr(b, "module", module_id);
    if (e->unused)
        buf_puts(b, " unused=\"true\"");
    buf_puts(b, ">\n");
    for (f = 0; f < ENTRY_TEXTS; f++) {
        if (f == FIELD_MEASURE)
            for (i = 0; i < e->n_args; i++)
                element(b, "    ", "arg", "name", e->args[i].name,
                        e->args[i].text);
        if (e->text[f])
            element(b, "    ", names[f], NULL, NULL, e->text[f]);
    }
    if (e->note)
        element(b, "    ", "note", NULL, NULL, e->note);
    for (f = 0; f < ENTRY_TEXTS; f++)
        if (e->field_note[f])
            element(b, "    ", "note", "field", names[f], e->field_note[f]);
    buf_puts(b, "  </entry>\n");
}

void
write_xml_catalog(const struct model_catalog *cat, char *const *sources,
                  size_t n, struct buf *out)
{
    size_t i;

    buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- ");
    buf_puts(out, "Imported by errcat-gen import from ");
    for (i = 0; i < n; i++) {
        struct buf name = { NULL, 0, 0 };
        const char *s;

        buf_add(&name, "", 0);
        /* a comment may not hold "--" */
        for (s = sources[i]; *s; s++)
            if (!(s[0] == '-' && (s[1] == '-' || !s[1])))
                buf_putc(&name, *s);
            else
                buf_putc(&name, '_');
        buf_puts(out, i ? ", " : "");
        escape(out, name.data, 0);
        buf_free(&name);
    }
    buf_puts(out, ". -->\n<catalog version=\"1\"");
    attr(out, "name", cat->name);
    buf_printf(out, " number=\"%d\"", cat->number);
    attr(out, "domain", cat->domain);
    attr(out, "prefix", cat->prefix);
    if (cat->title)
        attr(out, "title", cat->title);
    buf_puts(out, ">\n");
    for (i = 0; i < cat->n_modules; i++)
        module(out, cat->modules[i].id, cat->modules[i].name);
    for (i = 0; i < cat->n_entries; i++) {
        buf_putc(out, '\n');
        entry(out, &cat->entries[i], cat->entries[i].module_ref);
    }
    buf_puts(out, "</catalog>\n");
}

/* ---- updates in place ---------------------------------------------------- */

/* A replacement of data[off..end) by text. */
struct edit {
    size_t off, end;
    char *text;
    int rank;               /* insertions at one offset: by rank, the */
    size_t seq;             /* schema's order of fields, then as made */
};

struct editor {
    const char *data;
    size_t len;
    size_t *line_start;     /* offset of each line, from line 1 */
    size_t n_lines;
    struct edit *edits;
    size_t n_edits, cap_edits;
};

static void
editor_init(struct editor *ed, const char *data, size_t len)
{
    size_t i, cap = 0;

    memset(ed, 0, sizeof *ed);
    ed->data = data;
    ed->len = len;
    ed->line_start = xgrow(NULL, &cap, 0, sizeof *ed->line_start);
    ed->line_start[ed->n_lines++] = 0;
    for (i = 0; i < len; i++)
        if (data[i] == '\n') {
            ed->line_start = xgrow(ed->line_start, &cap, ed->n_lines,
                                   sizeof *ed->line_start);
            ed->line_start[ed->n_lines++] = i + 1;
        }
}

/* Byte offset of a loader location (line, column in characters). */
static size_t
offset_of(const struct editor *ed, const struct loc *at)
{
    size_t off;
    unsigned col;

    if (at->line == 0 || at->line > ed->n_lines)
        return ed->len;
    off = ed->line_start[at->line - 1];
    for (col = 1; col < at->col && off < ed->len; col++) {
        off++;
        while (off < ed->len && ((unsigned char)ed->data[off] & 0xc0) == 0x80)
            off++;
    }
    return off;
}

static void
add_edit(struct editor *ed, size_t off, size_t end, char *text)
{
    struct edit *e;

    ed->edits = xgrow(ed->edits, &ed->cap_edits, ed->n_edits,
                      sizeof *ed->edits);
    e = &ed->edits[ed->n_edits];
    e->off = off;
    e->end = end;
    e->text = text;
    e->rank = 0;
    e->seq = ed->n_edits++;
}

/* An insertion of an element of rank 1 description, 2 message, 3 args,
   4 measure: several at one place come out in the schema's order. */
static void
add_insertion(struct editor *ed, size_t off, char *text, int rank)
{
    add_edit(ed, off, off, text);
    ed->edits[ed->n_edits - 1].rank = rank;
}

static int
by_offset(const void *a, const void *b)
{
    const struct edit *x = a, *y = b;

    if (x->off != y->off)
        return x->off < y->off ? -1 : 1;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
editor_apply(struct editor *ed, struct buf *out)
{
    size_t i, at = 0;

    if (ed->n_edits)
        qsort(ed->edits, ed->n_edits, sizeof *ed->edits, by_offset);
    buf_add(out, "", 0);
    for (i = 0; i < ed->n_edits; i++) {
        struct edit *e = &ed->edits[i];

        if (e->off < at) {      /* inside a removed range */
            if (e->off == e->end)
                buf_puts(out, e->text);
            continue;
        }
        buf_add(out, ed->data + at, e->off - at);
        buf_puts(out, e->text);
        at = e->end;
    }
    buf_add(out, ed->data + at, ed->len - at);
}

static void
editor_free(struct editor *ed)
{
    size_t i;

    for (i = 0; i < ed->n_edits; i++)
        free(ed->edits[i].text);
    free(ed->edits);
    free(ed->line_start);
}

/* Past the markup that may sit in content (comment, CDATA, PI) at
   data[i], or i itself. */
static size_t
skip_markup(const struct editor *ed, size_t i)
{
    static const struct { const char *open, *close; } kinds[] = {
        { "<!--", "-->" }, { "<![CDATA[", "]]>" }, { "<?", "?>" }
    };
    size_t k;

    for (k = 0; k < 3; k++) {
        size_t on = strlen(kinds[k].open), cn = strlen(kinds[k].close);

        if (ed->len - i >= on && memcmp(ed->data + i, kinds[k].open, on) == 0) {
            for (i += on; i + cn <= ed->len; i++)
                if (memcmp(ed->data + i, kinds[k].close, cn) == 0)
                    return i + cn;
            return ed->len;
        }
    }
    return i;
}

/* Offset of the "</" that closes the content starting at off. */
static size_t
content_end(const struct editor *ed, size_t off)
{
    while (off < ed->len) {
        size_t next = skip_markup(ed, off);

        if (next != off) {
            off = next;
            continue;
        }
        if (ed->data[off] == '<')
            return off;
        off++;
    }
    return ed->len;
}

/* Offset just past the end tag </name> that follows off. */
static size_t
end_tag_after(const struct editor *ed, size_t off, const char *name)
{
    size_t n = strlen(name);

    while (off < ed->len) {
        size_t next = skip_markup(ed, off);

        if (next != off) {
            off = next;
            continue;
        }
        if (ed->len - off >= n + 2 && ed->data[off] == '<'
            && ed->data[off + 1] == '/'
            && memcmp(ed->data + off + 2, name, n) == 0) {
            const char *gt = memchr(ed->data + off, '>', ed->len - off);

            return gt ? (size_t)(gt - ed->data) + 1 : ed->len;
        }
        off++;
    }
    return ed->len;
}

/* Offset of the '>' that ends the start tag at off. */
static size_t
start_tag_end(const struct editor *ed, size_t off)
{
    char quote = 0;

    for (; off < ed->len; off++) {
        char c = ed->data[off];

        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return off;
        }
    }
    return ed->len;
}

/* The value range [*a, *z) of the attribute whose name starts at off. */
static int
attr_value(const struct editor *ed, size_t off, size_t *a, size_t *z)
{
    const char *d = ed->data;
    char quote;

    while (off < ed->len && d[off] != '=' && d[off] != '>')
        off++;
    if (off >= ed->len || d[off] != '=')
        return -1;
    off++;
    while (off < ed->len && strchr(" \t\r\n", d[off]))
        off++;
    if (off >= ed->len || (d[off] != '"' && d[off] != '\''))
        return -1;
    quote = d[off++];
    *a = off;
    while (off < ed->len && d[off] != quote)
        off++;
    *z = off;
    return off < ed->len ? 0 : -1;
}

/* The range of attribute name (with the blank before it) in the start
   tag data[tag..gt), or -1. */
static int
find_attr(const struct editor *ed, size_t tag, size_t gt, const char *name,
          size_t *a, size_t *z)
{
    size_t n = strlen(name), i, va, vz;
    char quote = 0;

    for (i = tag; i + n < gt; i++) {
        char c = ed->data[i];

        if (quote) {
            quote = c == quote ? 0 : quote;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
            continue;
        }
        if (strchr(" \t\r\n", c) && memcmp(ed->data + i + 1, name, n) == 0
            && strchr(" \t\r\n=", ed->data[i + 1 + n])
            && attr_value(ed, i + 1, &va, &vz) == 0) {
            *a = i;
            *z = vz + 1;
            return 0;
        }
    }
    return -1;
}

static char *
quoted(const char *s)
{
    struct buf b = { NULL, 0, 0 };

    buf_putc(&b, '"');
    for (; s && *s; s++) {
        if (*s == '\n')
            buf_puts(&b, "\\n");
        else if (*s == '"' || *s == '\\')
            buf_putc(&b, '\\'), buf_putc(&b, *s);
        else
            buf_putc(&b, *s);
    }
    buf_putc(&b, '"');
    return b.data;
}

static void
report_change(const struct import_rec *r, enum import_field f,
              const struct model_entry *e, const char *old, const char *now)
{
    struct loc at = { r->path, r->field_line[f] ? r->field_line[f] : r->line,
                      0 };
    char *o = quoted(old), *n = quoted(now);

    diag_note(&at, "%s: %s: %s \xe2\x86\x92 %s", e->code ? e->code : e->id,
              import_field_name[f], old ? o : "(none)", n);
    free(o);
    free(n);
}

static char *
escaped(const char *s, int attribute)
{
    struct buf b = { NULL, 0, 0 };

    buf_add(&b, "", 0);
    escape(&b, s, attribute);
    return b.data;
}

/* The catalog's modules by name (the number kept: index + 1; new
   modules of the update: -(index + 1) as unsigned), first of a name. */
static const char *
module_named(struct import_set *names, const struct model_catalog *cat,
             const char *name, char **new_ids)
{
    unsigned v;

    if (!import_set_has(names, name))
        return NULL;
    v = *import_set_number(names, name);
    return (int)v > 0 ? cat->modules[v - 1].id : new_ids[-(int)v - 1];
}

static const char *const text_names[ENTRY_TEXTS] = {
    "description", "message", "measure"
};

/* Offset of the '<' of the element whose content starts at off. */
static size_t
element_start(const struct editor *ed, size_t off)
{
    while (off > 0 && ed->data[off] != '<')
        off--;
    return off;
}

/* Offset of the first child <name> of the entry whose start tag ends
   at gt, or of its end tag; comments and CDATA skipped. */
static size_t
child_or_end(const struct editor *ed, size_t gt, const char *name)
{
    size_t n = strlen(name), off = gt + 1;

    while (off < ed->len) {
        size_t next = skip_markup(ed, off);

        if (next != off) {
            off = next;
            continue;
        }
        if (ed->data[off] == '<'
            && ((ed->len - off > n + 1
                 && memcmp(ed->data + off + 1, name, n) == 0
                 && strchr(" \t\r\n/>", ed->data[off + 1 + n]))
                || (ed->len - off > 7
                    && memcmp(ed->data + off, "</entry", 7) == 0)))
            return off;
        off++;
    }
    return ed->len;
}

/* Where an element of the sequence description, message, arg, measure,
   note that comes at position `from` or later starts; the entry's end
   tag when it has none: where an absent field goes. */
static size_t
next_child(const struct editor *ed, const struct model_entry *e, size_t gt,
           int from)
{
    int f;

    for (f = from; f <= FIELD_MEASURE; f++) {
        if (f == FIELD_MEASURE && e->n_args)
            return offset_of(ed, &e->args[0].loc);
        if (e->text[f])
            return element_start(ed, offset_of(ed, &e->text_loc[f]));
    }
    return child_or_end(ed, gt, "note");
}

/* Inserts b's text (an element and its newline) before the element at
   off: on a line of its own when that element starts its line. Takes
   b's data. */
static void
insert_before(struct editor *ed, size_t off, struct buf *b, int rank)
{
    size_t ls = off;

    while (ls > 0 && (ed->data[ls - 1] == ' ' || ed->data[ls - 1] == '\t'))
        ls--;
    if (ls == 0 || ed->data[ls - 1] == '\n') {
        add_insertion(ed, ls, b->data, rank);
    } else {
        /* a one-line entry: no line of its own */
        char *p = b->data;
        size_t n = strlen(p);

        while (*p == ' ')
            memmove(p, p + 1, n--);
        if (n > 0 && p[n - 1] == '\n')
            p[n - 1] = '\0';
        add_insertion(ed, off, p, rank);
    }
}

/* Do entry e's <arg> notes fit message: one per %s, one per name? */
static int
args_fit(const struct model_entry *e, const char *message)
{
    char **names;
    size_t n = import_placeholders(message, &names), i, k;
    int fit = n == e->n_args;

    for (i = 0; i < n; i++) {
        for (k = 0; fit && k < e->n_args; k++)
            if ((!names[i] && !e->args[k].name)
                || (names[i] && e->args[k].name
                    && strcmp(names[i], e->args[k].name) == 0))
                break;
        if (k == e->n_args)
            fit = 0;
        free(names[i]);
    }
    free(names);
    return fit;
}

/* A changed message whose placeholders the <arg> notes no longer fit:
   its notes are replaced by ones saying the table does not describe
   them, and that is reported. */
static size_t
rewrite_args(struct editor *ed, const struct model_entry *e, size_t gt,
             const struct import_rec *r)
{
    struct buf b = { NULL, 0, 0 };
    struct loc at = { r->path, r->field_line[IMP_MESSAGE]
                      ? r->field_line[IMP_MESSAGE] : r->line, 0 };
    char **names;
    size_t n = import_placeholders(r->field[IMP_MESSAGE], &names), i;

    buf_add(&b, "", 0);
    for (i = 0; i < e->n_args; i++) {
        size_t off = offset_of(ed, &e->args[i].loc), ls = off;
        size_t end = end_tag_after(ed, off, "arg");

        while (ls > 0 && (ed->data[ls - 1] == ' '
                          || ed->data[ls - 1] == '\t'))
            ls--;
        if ((ls == 0 || ed->data[ls - 1] == '\n') && end < ed->len
            && ed->data[end] == '\n')
            add_edit(ed, ls, end + 1, xstrdup(""));
        else
            add_edit(ed, off, end, xstrdup(""));
    }
    for (i = 0; i < n; i++) {
        char *text = import_arg_text(names[i], i);

        element(&b, "    ", "arg", "name", names[i], text);
        free(text);
        free(names[i]);
    }
    free(names);
    diag_note(&at, "%s: the message's placeholders changed: its <arg> "
              "notes are rewritten; say what each stands for",
              e->code ? e->code : e->id);
    if (b.len)
        insert_before(ed, next_child(ed, e, gt, FIELD_MEASURE), &b, 3);
    else
        buf_free(&b);
    return 1;
}

/* Rewrites what differs between row r and its entry e. */
static size_t
update_entry(struct editor *ed, const struct model_catalog *cat,
             const struct model_entry *e, const struct import_rec *r,
             const char *module_id)
{
    size_t tag = offset_of(ed, &e->loc), gt = start_tag_end(ed, tag);
    size_t a, z, changed = 0;
    int f, message_changed = 0;

    if (r->status && r->status != e->http_status) {
        char *v = xmalloc(16), old[16], now[16];

        snprintf(v, 16, "%d", r->status);
        snprintf(old, sizeof old, "%d", e->http_status);
        if (e->http_status && attr_value(ed, offset_of(ed, &e->status_loc),
                                         &a, &z) == 0) {
            add_edit(ed, a, z, v);
        } else {
            char *ins = xmalloc(32);

            snprintf(ins, 32, " http-status=\"%s\"", v);
            free(v);
            add_edit(ed, gt, gt, ins);
        }
        snprintf(now, sizeof now, "%d", r->status);
        report_change(r, IMP_STATUS, e, e->http_status ? old : NULL, now);
        changed++;
    }
    if (module_id && (!e->module_ref || strcmp(module_id, e->module_ref))) {
        const char *old = e->module >= 0 ? cat->modules[e->module].name
            : e->module_ref;

        if (e->module_ref && attr_value(ed, offset_of(ed, &e->module_loc),
                                        &a, &z) == 0) {
            add_edit(ed, a, z, escaped(module_id, 1));
        } else {
            struct buf b = { NULL, 0, 0 };

            buf_puts(&b, " module=\"");
            escape(&b, module_id, 1);
            buf_putc(&b, '"');
            add_edit(ed, gt, gt, b.data);
        }
        report_change(r, IMP_MODULE, e, old, r->field[IMP_MODULE]);
        changed++;
    }
    if (r->field[IMP_DESCRIPTION] && r->unused != !!e->unused) {
        if (r->unused)
            add_edit(ed, gt, gt, xstrdup(" unused=\"true\""));
        else if (find_attr(ed, tag, gt, "unused", &a, &z) == 0)
            add_edit(ed, a, z, xstrdup(""));
        changed++;
    }
    for (f = 0; f < ENTRY_TEXTS; f++) {
        const char *now = r->field[IMP_DESCRIPTION + f];
        size_t off;

        if (!now || (e->text[f] && strcmp(now, e->text[f]) == 0))
            continue;
        report_change(r, (enum import_field)(IMP_DESCRIPTION + f), e,
                      e->text[f], now);
        changed++;
        message_changed |= f == FIELD_MESSAGE;
        if (e->text[f]) {
            off = offset_of(ed, &e->text_loc[f]);
            add_edit(ed, off, content_end(ed, off), escaped(now, 0));
        } else {
            struct buf b = { NULL, 0, 0 };

            element(&b, "    ", text_names[f], NULL, NULL, now);
            insert_before(ed, next_child(ed, e, gt, f + 1), &b,
                          f == FIELD_MEASURE ? 4 : f + 1);
        }
    }
    if (message_changed && !args_fit(e, r->field[IMP_MESSAGE]))
        changed += rewrite_args(ed, e, gt, r);
    return changed;
}

/* Removes entry e with the line it stands on and one blank line after. */
static void
retire_entry(struct editor *ed, const struct model_entry *e)
{
    size_t off = offset_of(ed, &e->loc), end = end_tag_after(ed, off, "entry");
    size_t ls = off, le = end, probe;

    while (ls > 0 && (ed->data[ls - 1] == ' ' || ed->data[ls - 1] == '\t'))
        ls--;
    if (ls > 0 && ed->data[ls - 1] != '\n')
        ls = off;
    while (le < ed->len && (ed->data[le] == ' ' || ed->data[le] == '\t'))
        le++;
    if (le < ed->len && ed->data[le] == '\n') {
        le++;
        for (probe = le; probe < ed->len && (ed->data[probe] == ' '
                                             || ed->data[probe] == '\t');
             probe++)
            ;
        if (probe < ed->len && ed->data[probe] == '\n'
            && ls > 1 && ed->data[ls - 2] == '\n')
            le = probe + 1;
    } else {
        le = end;
    }
    add_edit(ed, ls, le, xstrdup(""));
}

void
write_xml_into(const struct model_catalog *old, const char *data, size_t len,
               const struct import_rows *rows, const long *pair, int retire,
               struct buf *out, struct write_xml_counts *counts)
{
    struct editor ed;
    struct import_set ids = { NULL, 0, 0, { NULL } };
    struct import_set mids = { NULL, 0, 0, { NULL } };
    struct import_set mnames = { NULL, 0, 0, { NULL } };
    char **new_ids = NULL, **new_names = NULL;
    char *paired = xcalloc(old->n_entries + 1, 1);
    size_t n_new = 0, i, entries_end, modules_end;
    struct buf added = { NULL, 0, 0 }, added_modules = { NULL, 0, 0 };

    memset(counts, 0, sizeof *counts);
    editor_init(&ed, data, len);
    buf_add(&added, "", 0);
    buf_add(&added_modules, "", 0);
    for (i = 0; i < old->n_entries; i++)
        import_set_add(&ids, old->entries[i].id);
    for (i = 0; i < old->n_modules; i++) {
        import_set_add(&mids, old->modules[i].id);
        if (!import_set_has(&mnames, old->modules[i].name))
            *import_set_number(&mnames, old->modules[i].name) =
                (unsigned)i + 1;
    }
    /* where modules and entries end: new ones go after the last */
    modules_end = old->n_modules
        ? end_tag_after(&ed, offset_of(&ed, &old->modules[old->n_modules
                                                           - 1].loc),
                        "module") : start_tag_end(&ed, offset_of(&ed,
                                                                 &old->loc))
          + 1;
    entries_end = old->n_entries
        ? end_tag_after(&ed, offset_of(&ed, &old->entries[old->n_entries
                                                          - 1].loc), "entry")
        : modules_end;
    for (i = 0; i < rows->n; i++) {
        const struct import_rec *r = &rows->recs[i];
        const char *mid = NULL;

        if (r->field[IMP_MODULE]) {
            mid = module_named(&mnames, old, r->field[IMP_MODULE], new_ids);
            if (!mid) {
                *import_set_number(&mnames, r->field[IMP_MODULE]) =
                    (unsigned)-(int)(n_new + 1);
                new_ids = xrealloc(new_ids, (n_new + 1) * sizeof *new_ids);
                new_names = xrealloc(new_names,
                                     (n_new + 1) * sizeof *new_names);
                new_ids[n_new] = import_module_id(r->field[IMP_MODULE],
                                                  old->n_modules + n_new,
                                                  &mids);
                new_names[n_new] = r->field[IMP_MODULE];
                buf_putc(&added_modules, '\n');
                module(&added_modules, new_ids[n_new], new_names[n_new]);
                added_modules.len--;        /* the newline goes first */
                added_modules.data[added_modules.len] = '\0';
                mid = new_ids[n_new++];
            }
        }
        if (pair[i] >= 0) {
            paired[pair[i]] = 1;
            counts->changed += update_entry(&ed, old, &old->entries[pair[i]],
                                            r, mid);
        } else {
            struct model_entry e;
            char **names;
            size_t n, k;

            memset(&e, 0, sizeof e);
            e.id = import_entry_id(r, &ids);
            e.code = r->field[IMP_CODE];
            e.http_status = r->status;
            e.unused = r->unused;
            for (k = 0; k < ENTRY_TEXTS; k++)
                e.text[k] = r->field[IMP_DESCRIPTION + k];
            n = import_placeholders(e.text[FIELD_MESSAGE], &names);
            e.args = xcalloc(n + 1, sizeof *e.args);
            for (k = 0; k < n; k++) {
                e.args[k].name = names[k];
                e.args[k].text = import_arg_text(names[k], k);
            }
            e.n_args = n;
            buf_putc(&added, '\n');
            buf_putc(&added, '\n');
            entry(&added, &e, mid);
            added.len--;
            added.data[added.len] = '\0';
            {
                struct loc at = { r->path, r->line, 0 };

                diag_note(&at, "%s: new entry '%s'", e.code ? e.code : e.id,
                          e.id);
            }
            for (k = 0; k < n; k++) {
                free(e.args[k].name);
                free(e.args[k].text);
            }
            free(e.args);
            free(names);
            free(e.id);
            counts->added++;
        }
    }
    for (i = 0; i < old->n_entries; i++) {
        const struct model_entry *e = &old->entries[i];

        if (paired[i])
            continue;
        counts->missing++;
        if (retire) {
            diag_note(&e->loc, "%s: entry '%s' is not in the table: removed",
                      e->code ? e->code : e->id, e->id);
            retire_entry(&ed, e);
            counts->retired++;
        } else {
            diag_warning(&e->loc, "%s: entry '%s' is not in the table: kept "
                         "(--retire-missing removes it)",
                         e->code ? e->code : e->id, e->id);
        }
    }
    if (added_modules.len)
        add_edit(&ed, modules_end, modules_end, xstrdup(added_modules.data));
    if (added.len)
        add_edit(&ed, entries_end, entries_end, xstrdup(added.data));
    editor_apply(&ed, out);
    editor_free(&ed);
    buf_free(&added);
    buf_free(&added_modules);
    for (i = 0; i < n_new; i++)
        free(new_ids[i]);
    free(new_ids);
    free(new_names);
    free(paired);
    import_set_free(&ids);
    import_set_free(&mids);
    import_set_free(&mnames);
}
