/*
 * import_po.c - errcat-gen import-po: a localized twin of a catalog's
 * table (the same codes, texts in another language) becomes a first
 * draft of that language's .po. Rows are paired with entries as import
 * --into pairs them; each text that differs from the catalog's becomes
 * a fuzzy translation with a translator comment naming the table row,
 * unless its placeholders differ from the source's (dropped, reported).
 *
 * The .po is read as gettext writes it (entries of comment, keyword and
 * string lines between blank lines); an entry that has a translation,
 * fuzzy or not, is never touched, and every other byte is kept. Without
 * a .po the catalog's template is the start.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "emit.h"
#include "import.h"
#include "import_cmd.h"
#include "load.h"
#include "model.h"
#include "output.h"
#include "placeholder.h"
#include "validate.h"

/* A translation suggested for the (field, msgid) of the catalog. */
struct suggestion {
    enum model_field field;
    const char *msgid;          /* the catalog's */
    const char *text;           /* the table's */
    const struct import_rec *row;
    const char *code;
    int used;
    int present;                /* the .po has the (field, msgid) */
};

/* "field\4msgid", gettext's own context separator: a key of the set of
   suggestions. Owned. */
static char *
key_of(const char *ctxt, const char *msgid)
{
    return xjoin(ctxt, '\4', msgid);
}

/* The placeholders of s that take arguments, as one string each in the
   order written ("%s", "%(name)s"), joined by NUL-free separators, or
   sorted by name for named styles (their order is free). Owned. */
static char *
signature(const char *s, enum errcat_format style)
{
    enum errcat__ph_mode mode = errcat__ph_mode_of(style);
    struct errcat__ph t;
    size_t pos = 0, n = strlen(s), k = 0, i, j;
    char **parts = NULL;
    struct buf b = { NULL, 0, 0 };

    while (errcat__ph_next(s, n, &pos, mode, &t) != ERRCAT__PH_END) {
        if (!errcat__ph_is_arg(t.kind) && t.kind != ERRCAT__PH_BAD)
            continue;
        parts = xrealloc(parts, (k + 1) * sizeof *parts);
        parts[k++] = xstrndup(s + t.start, t.len);
    }
    if (style == ERRCAT_FORMAT_PYTHON || style == ERRCAT_FORMAT_BRACE)
        for (i = 1; i < k; i++)
            for (j = i; j > 0 && strcmp(parts[j - 1], parts[j]) > 0; j--) {
                char *x = parts[j];

                parts[j] = parts[j - 1];
                parts[j - 1] = x;
            }
    buf_add(&b, "", 0);
    for (i = 0; i < k; i++) {
        buf_puts(&b, i ? " " : "");
        buf_puts(&b, parts[i]);
        free(parts[i]);
    }
    free(parts);
    return b.data;
}

/* ---- reading a .po --------------------------------------------------------- */

struct po_entry {
    size_t off, end;            /* its lines, data[off..end) */
    char *ctxt, *id, *str;      /* decoded; str: msgstr or msgstr[0] */
    int has_plural;
    int translated;             /* some msgstr is not empty */
    int obsolete;
    size_t first_keyword;       /* offset of its first keyword line */
    size_t str_off;             /* offset of its msgstr line */
    size_t flags_off, flags_end;    /* its "#," line, if any */
};

/* Decodes the PO string starting at the quote at *p; advances. */
static int
po_decode(const char **p, struct buf *b)
{
    const char *s = *p;

    if (*s != '"')
        return -1;
    for (s++; *s && *s != '"' && *s != '\n'; s++) {
        if (*s != '\\') {
            buf_putc(b, *s);
            continue;
        }
        s++;
        switch (*s) {
        case 'n': buf_putc(b, '\n'); break;
        case 't': buf_putc(b, '\t'); break;
        case 'r': buf_putc(b, '\r'); break;
        case 'a': buf_putc(b, '\a'); break;
        case 'b': buf_putc(b, '\b'); break;
        case 'f': buf_putc(b, '\f'); break;
        case 'v': buf_putc(b, '\v'); break;
        case '\\': case '"': buf_putc(b, *s); break;
        default:
            if (*s >= '0' && *s <= '7') {
                int v = 0, k;

                for (k = 0; k < 3 && *s >= '0' && *s <= '7'; k++, s++)
                    v = v * 8 + (*s - '0');
                s--;
                buf_putc(b, v);
            } else {
                return -1;
            }
        }
    }
    if (*s != '"')
        return -1;
    *p = s + 1;
    return 0;
}

struct po {
    const char *path;
    const char *data;
    size_t len;
    struct po_entry *e;
    size_t n, cap;
};

static int
blank_line(const char *s, const char *next)
{
    while (s < next && (*s == ' ' || *s == '\t' || *s == '\r'
                        || *s == '\n'))
        s++;
    return s == next;
}

/* Reads the lines data[off..end) of one entry into e; returns the line
   (counted from first) it cannot read, or 0. */
static unsigned
po_entry_read(const struct po *po, struct po_entry *e, unsigned first)
{
    const char *d = po->data, *p = d + e->off, *end = d + e->end;
    struct buf sb[3], skip = { NULL, 0, 0 }, *target = NULL;
    unsigned line = first, bad = 0;
    int k, has_ctxt = 0;

    memset(sb, 0, sizeof sb);
    for (k = 0; k < 3; k++)
        buf_add(&sb[k], "", 0);
    e->first_keyword = e->str_off = (size_t)-1;
    for (; p < end && !bad; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *next = nl ? nl + 1 : end, *s = p;
        size_t off = (size_t)(p - d);

        while (s < next && (*s == ' ' || *s == '\t'))
            s++;
        if (*s == '#') {
            if (s[1] == '~')
                e->obsolete = 1;
            if (s[1] == ',' && e->first_keyword == (size_t)-1) {
                e->flags_off = off;
                e->flags_end = (size_t)(next - d);
            }
            target = NULL;
        } else if (*s == '"') {
            if (!target || po_decode(&s, target) < 0)
                bad = line;
        } else {
            const char *kw = s;
            size_t kn;

            while (s < next && *s != ' ' && *s != '\t' && *s != '"')
                s++;
            kn = (size_t)(s - kw);
            while (s < next && (*s == ' ' || *s == '\t'))
                s++;
            if (e->first_keyword == (size_t)-1)
                e->first_keyword = off;
            if (kn == 7 && strncmp(kw, "msgctxt", 7) == 0) {
                target = &sb[0];
                has_ctxt = 1;
            } else if (kn == 5 && strncmp(kw, "msgid", 5) == 0) {
                target = &sb[1];
            } else if (kn == 12 && strncmp(kw, "msgid_plural", 12) == 0) {
                e->has_plural = 1;
                skip.len = 0;
                target = &skip;
            } else if (kn == 6 && strncmp(kw, "msgstr", 6) == 0) {
                e->str_off = off;
                target = &sb[2];
            } else if (kn > 7 && strncmp(kw, "msgstr[", 7) == 0) {
                if (e->str_off == (size_t)-1)
                    e->str_off = off;
                skip.len = 0;
                target = &skip;
            } else {
                bad = line;
            }
            if (!bad && po_decode(&s, target) < 0)
                bad = line;
            if (target == &skip && skip.len)
                e->translated = 1;
        }
        p = next;
    }
    e->ctxt = has_ctxt ? xstrdup(sb[0].data) : NULL;
    e->id = xstrdup(sb[1].data);
    e->str = xstrdup(sb[2].data);
    if (sb[2].len)
        e->translated = 1;
    for (k = 0; k < 3; k++)
        buf_free(&sb[k]);
    buf_free(&skip);
    return bad;
}

/* Reads the entries of a .po, each the lines between blank lines;
   reports a line it cannot read. */
static int
po_read(struct po *po)
{
    const char *d = po->data, *end = d + po->len, *p = d;
    unsigned line = 0, first = 0;
    int errors = 0;
    struct po_entry *cur = NULL;

    while (p <= end) {
        const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
        const char *next = nl ? nl + 1 : end;

        line++;
        if (p == end || blank_line(p, next)) {
            if (cur) {
                unsigned bad;

                cur->end = (size_t)(p - d);
                if ((bad = po_entry_read(po, cur, first)) != 0) {
                    struct loc at = { po->path, bad, 0 };

                    diag_error(&at, "cannot read this line of the .po "
                               "(gettext writes keyword, string and "
                               "comment lines)");
                    errors++;
                }
                cur = NULL;
            }
        } else if (!cur) {
            po->e = xgrow(po->e, &po->cap, po->n, sizeof *po->e);
            cur = &po->e[po->n++];
            memset(cur, 0, sizeof *cur);
            cur->off = (size_t)(p - d);
            first = line;
        }
        if (p == end)
            break;
        p = next;
    }
    return errors ? -1 : 0;
}

static void
po_free(struct po *po)
{
    size_t i;

    for (i = 0; i < po->n; i++) {
        free(po->e[i].ctxt);
        free(po->e[i].id);
        free(po->e[i].str);
    }
    free(po->e);
}

/* ---- the draft ------------------------------------------------------------ */

static void
po_string(struct buf *out, const char *keyword, const char *s)
{
    const char *nl = strchr(s, '\n');

    buf_puts(out, keyword);
    buf_puts(out, " \"");
    if (nl && nl[1]) {
        buf_puts(out, "\"\n");
        while (*s) {
            size_t n = (nl = strchr(s, '\n')) ? (size_t)(nl - s) + 1
                                               : strlen(s);

            buf_putc(out, '"');
            emit_po_escape(out, s, n);
            buf_puts(out, "\"\n");
            s += n;
        }
        return;
    }
    emit_po_escape(out, s, strlen(s));
    buf_puts(out, "\"\n");
}

/* Writes entry e of po with suggestion s: a translator comment first,
   its comments, "fuzzy" added to its flags, its keywords up to msgstr,
   then the suggestion as msgstr. */
static void
rewrite(struct buf *out, const struct po *po, const struct po_entry *e,
        const struct suggestion *s)
{
    const char *d = po->data;
    size_t comments_end = e->first_keyword;

    buf_printf(out, "# suggested by errcat-gen import-po from %s:%u (%s)\n",
               s->row->path, s->row->line, s->code);
    if (e->flags_end && e->flags_off < comments_end) {
        buf_add(out, d + e->off, e->flags_off - e->off);
        buf_puts(out, "#, fuzzy,");
        buf_add(out, d + e->flags_off + 2, e->flags_end - e->flags_off - 2);
        buf_add(out, d + e->flags_end, comments_end - e->flags_end);
    } else {
        buf_add(out, d + e->off, comments_end - e->off);
        buf_puts(out, "#, fuzzy\n");
    }
    buf_add(out, d + e->first_keyword, e->str_off - e->first_keyword);
    po_string(out, "msgstr", s->text);
}

/* The suggestion for (ctxt, msgid), or NULL. */
static struct suggestion *
find(struct suggestion *v, struct import_set *keys, const char *ctxt,
     const char *id)
{
    char *k = key_of(ctxt, id);
    struct suggestion *s = NULL;

    if (import_set_has(keys, k))
        s = &v[*import_set_number(keys, k) - 1];
    free(k);
    return s;
}

/* Adds a suggestion unless the catalog's text stays as it is or one for
   the same text came first; drops it when its placeholders differ. */
static void
suggest(struct suggestion **v, size_t *n, size_t *cap,
        struct import_set *keys, enum model_field f, const char *msgid,
        const char *text, const struct import_rec *r, const char *code,
        unsigned line)
{
    struct placeholders ph;
    char *a, *b, *k;

    if (!msgid || !text || strcmp(msgid, text) == 0)
        return;
    k = key_of(model_field_name[f], msgid);
    if (import_set_has(keys, k)) {
        free(k);
        return;
    }
    model_scan(msgid, &ph);
    a = signature(msgid, (enum errcat_format)ph.style);
    b = signature(text, (enum errcat_format)ph.style);
    if (strcmp(a, b) != 0) {
        struct loc at = { r->path, line ? line : r->line, 0 };

        diag_warning(&at, "%s: %s suggestion dropped: its placeholders "
                     "(%s) are not the source's (%s)", code,
                     model_field_name[f], b[0] ? b : "none",
                     a[0] ? a : "none");
    } else {
        *v = xgrow(*v, cap, *n, sizeof **v);
        (*v)[*n].field = f;
        (*v)[*n].msgid = msgid;
        (*v)[*n].text = text;
        (*v)[*n].row = r;
        (*v)[*n].code = code;
        (*v)[*n].used = (*v)[*n].present = 0;
        *import_set_number(keys, k) = (unsigned)++*n;
    }
    free(k);
    free(a);
    free(b);
}

/* A .po to start from: the catalog's template, for language lang. */
static void
template_for(const struct model_catalog *cat, const char *lang,
             const char *table, struct buf *out)
{
    struct emit_options eo = { ".", ".", 0, NULL };
    struct buf pot = { NULL, 0, 0 };
    const char *p;

    emit_pot(cat, &eo, &pot);
    buf_add(out, "", 0);
    buf_printf(out, "# %s translation of the gettext domain %s, drafted by "
               "errcat-gen import-po\n# from ", lang, cat->domain);
    emit_c_comment_text(out, table, 200);
    buf_puts(out, ".\n");
    for (p = pot.data; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);

        if (strncmp(p, "# Translation template ", 23) == 0
            || strncmp(p, "# Generated by ", 15) == 0)
            ;                           /* no longer a template */
        else if (strncmp(p, "\"Language: \\n\"", 14) == 0)
            buf_printf(out, "\"Language: %s\\n\"\n", lang);
        else if (strncmp(p, "\"Content-Type: text/plain; charset=CHARSET",
                         41) == 0)
            buf_puts(out, "\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
        else
            buf_add(out, p, n);
        p += n;
    }
    buf_free(&pot);
}

static int
valid_lang(const char *s)
{
    size_t n = 0;

    for (; s[n]; n++)
        if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z')
              || s[n] == '_' || s[n] == '@' || (n > 0 && s[n] >= '0'
                                                && s[n] <= '9')))
            return 0;
    return n >= 2 && n <= 32;
}

int
import_po_run(const struct import_options *opt)
{
    struct model_catalog *cat = NULL;
    struct import_rows rows;
    struct import_doc doc;
    struct suggestion *sug = NULL;
    struct import_set keys = { NULL, 0, 0, { NULL } };
    size_t n_sug = 0, cap_sug = 0, i, f, filled = 0;
    struct po po;
    struct buf base = { NULL, 0, 0 }, out = { NULL, 0, 0 };
    struct output_set outs;
    long *pair = NULL;
    char *data = NULL;
    size_t len;
    int status = 0;
    FILE *fp;

    memset(&rows, 0, sizeof rows);
    memset(&doc, 0, sizeof doc);
    memset(&po, 0, sizeof po);
    if (!valid_lang(opt->lang)) {
        diag_error(NULL, "--lang '%s' is not a language name such as de or "
                   "zh_CN", opt->lang);
        return 2;
    }
    switch (load_catalog(opt->catalog, &cat)) {
    case LOAD_OK: break;
    case LOAD_IO: return 2;
    default: return 1;
    }
    model_index(cat);
    if (validate_catalog(cat) > 0) {
        status = 1;
        goto out;
    }
    status = import_read_doc(opt->tables[0], opt->format, &doc);
    if (status == 0 && import_map(&doc, opt->columns, &rows) > 0)
        status = 1;
    if (status)
        goto out;
    pair = import_pair(cat, &rows);
    for (i = 0; i < rows.n; i++) {
        const struct import_rec *r = &rows.recs[i];
        const struct model_entry *e;

        if (pair[i] < 0) {
            struct loc at = { r->path, r->line, 0 };

            diag_warning(&at, "%s: no such entry in %s: row skipped",
                         r->field[IMP_CODE] ? r->field[IMP_CODE] : "row",
                         opt->catalog);
            continue;
        }
        e = &cat->entries[pair[i]];
        for (f = 0; f < ENTRY_TEXTS; f++)
            suggest(&sug, &n_sug, &cap_sug, &keys, (enum model_field)f,
                    e->text[f],
                    r->field[IMP_DESCRIPTION + f], r,
                    e->code ? e->code : e->id,
                    r->field_line[IMP_DESCRIPTION + f]);
        if (e->module >= 0)
            suggest(&sug, &n_sug, &cap_sug, &keys, FIELD_MODULE,
                    cat->modules[e->module].name, r->field[IMP_MODULE], r,
                    e->code ? e->code : e->id, r->field_line[IMP_MODULE]);
    }
    if ((fp = fopen(opt->out, "rb")) != NULL) {
        fclose(fp);
        status = import_read_file(opt->out, &data, &len);
        if (status)
            goto out;
        po.data = data;
        po.len = len;
    } else {
        template_for(cat, opt->lang, opt->tables[0], &base);
        po.data = base.data;
        po.len = base.len;
    }
    po.path = opt->out;
    if (po_read(&po) < 0) {
        status = 1;
        goto out;
    }
    buf_add(&out, "", 0);
    {
        size_t at = 0;

        for (i = 0; i < po.n; i++) {
            const struct po_entry *e = &po.e[i];
            struct suggestion *s;

            if (e->obsolete || e->has_plural || e->translated || !e->id
                || !e->id[0] || e->str_off == (size_t)-1)
                continue;
            s = find(sug, &keys, e->ctxt ? e->ctxt : "", e->id);
            if (!s || s->used)
                continue;
            s->used = 1;
            buf_add(&out, po.data + at, e->off - at);
            rewrite(&out, &po, e, s);
            at = e->end;
            filled++;
        }
        buf_add(&out, po.data + at, po.len - at);
    }
    for (i = 0; i < po.n; i++) {
        struct suggestion *s;

        if (po.e[i].ctxt && po.e[i].id && !po.e[i].obsolete
            && (s = find(sug, &keys, po.e[i].ctxt, po.e[i].id)) != NULL)
            s->present = 1;
    }
    for (i = 0; i < n_sug; i++) {
        if (!sug[i].used && !sug[i].present) {
            struct loc at = { sug[i].row->path, sug[i].row->line, 0 };

            diag_warning(&at, "%s: the %s is not in %s (msgmerge it with "
                         "the template first): suggestion not used",
                         sug[i].code, model_field_name[sug[i].field],
                         opt->out);
        }
    }
    memset(&outs, 0, sizeof outs);
    output_add(&outs, opt->out, &out);
    if (output_commit(&outs) < 0)
        status = 2;
    output_free(&outs);
    if (status == 0)
        fprintf(stderr, "errcat-gen: %s: %lu fuzzy suggestions from %s\n",
                opt->out, (unsigned long)filled, opt->tables[0]);
out:
    buf_free(&out);
    buf_free(&base);
    po_free(&po);
    free(data);
    free(pair);
    free(sug);
    import_set_free(&keys);
    import_rows_free(&rows);
    import_doc_free(&doc);
    model_catalog_free(cat);
    return status;
}
