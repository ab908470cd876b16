/*
 * po.c - a .po reader: messages with their context, translation and fuzzy
 * flag, in file order, with a hash to find one by (msgctxt, msgid). It
 * reads what GNU gettext's own reader takes (continued strings, C escapes,
 * "#~" obsolete messages, plurals) and refuses what msgfmt refuses.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "model.h"
#include "po.h"
#include "util.h"

/* Which string a continuation line "..." extends. */
enum po_part { PART_NONE, PART_CTXT, PART_ID, PART_PLURAL, PART_STR,
               PART_STR_OTHER };

struct po_reader {
    struct po_file *po;
    struct loc at;                  /* the line being read */
    struct po_message cur;
    struct buf ctxt, id, str;
    int have_ctxt, have_id, have_str, obsolete, fuzzy, plural;
    enum po_part part;
    unsigned errors;
};

static void
reader_error(struct po_reader *r, unsigned col, const char *what)
{
    struct loc at = r->at;

    at.col = col;
    diag_error(&at, "%s", what);
    r->errors++;
}

static unsigned
slot_hash(const char *ctxt, const char *msgid)
{
    return model_hash(msgid) ^ (ctxt ? model_hash(ctxt) * 31u + 1u : 0u);
}

static int
same_key(const struct po_message *m, const char *ctxt, const char *msgid)
{
    if ((m->ctxt == NULL) != (ctxt == NULL))
        return 0;
    return (!ctxt || strcmp(m->ctxt, ctxt) == 0) && strcmp(m->msgid, msgid) == 0;
}

const struct po_message *
po_find(const struct po_file *po, const char *ctxt, const char *msgid)
{
    size_t i;

    if (!po->slot)
        return NULL;
    for (i = slot_hash(ctxt, msgid) & po->mask; po->slot[i];
         i = (i + 1) & po->mask) {
        const struct po_message *m = &po->msgs[po->slot[i] - 1];

        if (same_key(m, ctxt, msgid))
            return m;
    }
    return NULL;
}

/* Indexes every message; a second definition of a key is an error, as
   msgfmt makes it. */
static void
index_messages(struct po_reader *r)
{
    struct po_file *po = r->po;
    size_t size = 16, i, j;

    while (size < 2 * po->n_msgs)
        size *= 2;
    po->mask = size - 1;
    po->slot = xcalloc(size, sizeof *po->slot);
    for (i = 0; i < po->n_msgs; i++) {
        const struct po_message *m = &po->msgs[i];

        for (j = slot_hash(m->ctxt, m->msgid) & po->mask; po->slot[j];
             j = (j + 1) & po->mask)
            if (same_key(&po->msgs[po->slot[j] - 1], m->ctxt, m->msgid))
                break;
        if (po->slot[j]) {
            struct loc at = { po->path, m->line, 1 };

            diag_error(&at, "duplicate message definition");
            r->errors++;
            continue;
        }
        po->slot[j] = i + 1;
    }
}

static char *
take(struct buf *b)
{
    char *s = b->data ? b->data : xstrdup("");

    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

/* Ends the message being read, keeping it unless it is obsolete. */
static void
finish(struct po_reader *r)
{
    struct po_file *po = r->po;
    struct po_message *m;

    if (!r->have_id && !r->have_ctxt && !r->have_str)
        goto reset;
    if (!r->have_id || !r->have_str) {
        if (!r->obsolete) {
            struct loc at = r->at;

            at.line = r->cur.line ? r->cur.line : at.line;
            at.col = 1;
            diag_error(&at, r->have_id ? "msgid without msgstr"
                                       : "msgstr without msgid");
            r->errors++;
        }
        goto reset;
    }
    if (r->obsolete)
        goto reset;
    po->msgs = xgrow(po->msgs, &po->cap_msgs, po->n_msgs, sizeof *po->msgs);
    m = &po->msgs[po->n_msgs++];
    *m = r->cur;
    m->ctxt = r->have_ctxt ? take(&r->ctxt) : NULL;
    m->msgid = take(&r->id);
    m->msgstr = take(&r->str);
    m->fuzzy = (unsigned char)r->fuzzy;
    m->plural = (unsigned char)r->plural;
reset:
    buf_free(&r->ctxt);
    buf_free(&r->id);
    buf_free(&r->str);
    memset(&r->cur, 0, sizeof r->cur);
    r->have_ctxt = r->have_id = r->have_str = 0;
    r->obsolete = r->fuzzy = r->plural = 0;
    r->part = PART_NONE;
}

static int
hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/*
 * Appends the C string literal at line[*i] (opening quote) to out, or
 * drops it when out is NULL. Returns -1 after reporting a bad literal.
 */
static int
read_string(struct po_reader *r, const char *line, size_t n, size_t *i,
            struct buf *out)
{
    size_t k = *i + 1;

    while (k < n && line[k] != '"') {
        unsigned char c = (unsigned char)line[k];
        unsigned v;
        int d;

        if (c != '\\') {
            /* A run of plain bytes up to the closing quote or an escape. */
            const char *q = memchr(line + k, '"', n - k);
            const char *end = q ? q : line + n;
            const char *bs = memchr(line + k, '\\', (size_t)(end - line) - k);
            size_t run = (size_t)((bs ? bs : end) - line);

            if (out)
                buf_add(out, line + k, run - k);
            k = run;
            continue;
        }
        if (++k >= n)
            break;
        c = (unsigned char)line[k++];
        switch (c) {
        case 'n': v = '\n'; break;
        case 't': v = '\t'; break;
        case 'r': v = '\r'; break;
        case 'a': v = '\a'; break;
        case 'b': v = '\b'; break;
        case 'f': v = '\f'; break;
        case 'v': v = '\v'; break;
        case '\\': case '"': case '\'': case '?': v = c; break;
        case 'x':
            if (k >= n || hex_value(line[k]) < 0) {
                reader_error(r, (unsigned)k, "invalid \\x escape");
                return -1;
            }
            for (v = 0; k < n && (d = hex_value(line[k])) >= 0; k++)
                v = (v * 16 + (unsigned)d) & 0xff;
            break;
        default:
            if (c >= '0' && c <= '7') {
                int m;

                v = c - '0';
                for (m = 0; m < 2 && k < n && line[k] >= '0' && line[k] <= '7';
                     m++)
                    v = (v * 8 + (unsigned)(line[k++] - '0')) & 0xff;
                break;
            }
            reader_error(r, (unsigned)k - 1, "invalid escape sequence");
            return -1;
        }
        if (out)
            buf_putc(out, (int)v);
    }
    if (k >= n) {
        reader_error(r, (unsigned)*i + 1, "unterminated string");
        return -1;
    }
    *i = k + 1;
    while (*i < n && (line[*i] == ' ' || line[*i] == '\t' || line[*i] == '\r'))
        (*i)++;
    if (*i < n) {
        reader_error(r, (unsigned)*i + 1, "text after a string");
        return -1;
    }
    return 0;
}

static struct buf *
part_buf(struct po_reader *r, enum po_part p)
{
    switch (p) {
    case PART_CTXT: return &r->ctxt;
    case PART_ID: return &r->id;
    case PART_STR: return &r->str;
    default: return NULL;           /* msgid_plural, msgstr[N > 0] */
    }
}

/* Reads one keyword line: KEYWORD "string". */
static void
keyword_line(struct po_reader *r, const char *line, size_t n)
{
    size_t i = 0, kw;
    enum po_part p;

    while (i < n && line[i] != ' ' && line[i] != '\t' && line[i] != '"')
        i++;
    kw = i;
    if (kw == 7 && memcmp(line, "msgctxt", 7) == 0) {
        if (r->have_str)
            finish(r);
        if (r->have_ctxt || r->have_id) {
            reader_error(r, 1, "msgctxt after msgid");
            return;
        }
        r->have_ctxt = 1;
        p = PART_CTXT;
    } else if (kw == 5 && memcmp(line, "msgid", 5) == 0) {
        if (r->have_str)
            finish(r);
        if (r->have_id) {
            reader_error(r, 1, "second msgid in one message");
            return;
        }
        r->have_id = 1;
        r->cur.line = r->at.line;
        p = PART_ID;
    } else if (kw == 12 && memcmp(line, "msgid_plural", 12) == 0) {
        r->plural = 1;
        p = PART_PLURAL;
    } else if (kw == 6 && memcmp(line, "msgstr", 6) == 0) {
        r->have_str = 1;
        p = PART_STR;
    } else if (kw > 8 && memcmp(line, "msgstr[", 7) == 0
               && line[kw - 1] == ']') {
        r->have_str = 1;
        p = kw == 9 && line[7] == '0' ? PART_STR : PART_STR_OTHER;
    } else {
        reader_error(r, 1, "unknown keyword");
        return;
    }
    while (i < n && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (i >= n || line[i] != '"') {
        reader_error(r, (unsigned)i + 1, "keyword without a string");
        return;
    }
    r->part = p;
    read_string(r, line, n, &i, part_buf(r, p));
}

static void
read_line(struct po_reader *r, const char *line, size_t n)
{
    size_t i = 0;

    while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
        i++;
    if (i == n) {
        finish(r);
        return;
    }
    if (line[i] == '#') {
        if (i + 1 < n && line[i + 1] == '~') {
            /* An obsolete message: its lines end what came before. */
            if (!r->obsolete && (r->have_id || r->have_str))
                finish(r);
            r->obsolete = 1;
            r->have_id = r->have_str = 1;
            return;
        }
        if (r->have_str)
            finish(r);
        if (i + 1 < n && line[i + 1] == ',') {
            const char *f = line + i + 2, *end = line + n;

            while (f < end) {
                const char *w;

                while (f < end && (*f == ' ' || *f == ',' || *f == '\t'))
                    f++;
                w = f;
                while (f < end && *f != ' ' && *f != ',' && *f != '\t'
                       && *f != '\r')
                    f++;
                if (f - w == 5 && memcmp(w, "fuzzy", 5) == 0)
                    r->fuzzy = 1;
                if (f < end && *f == '\r')
                    f++;
            }
        }
        return;
    }
    if (line[i] == '"') {
        if (r->part == PART_NONE) {
            reader_error(r, (unsigned)i + 1, "string without a keyword");
            return;
        }
        read_string(r, line, n, &i, part_buf(r, r->part));
        return;
    }
    keyword_line(r, line + i, n - i);
}

static int
read_file(const char *path, struct buf *b)
{
    FILE *f = fopen(path, "rb");
    char chunk[65536];
    size_t n;

    if (!f) {
        diag_error(NULL, "cannot open '%s': %s", path, strerror(errno));
        return -1;
    }
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(b, chunk, n);
    if (ferror(f)) {
        diag_error(NULL, "cannot read '%s': %s", path, strerror(errno));
        fclose(f);
        return -1;
    }
    fclose(f);
    return 0;
}

int
po_read(const char *path, struct po_file **out)
{
    struct po_reader r;
    struct buf text = { NULL, 0, 0 };
    size_t pos = 0;

    *out = NULL;
    if (read_file(path, &text) < 0)
        return -1;
    memset(&r, 0, sizeof r);
    r.po = xcalloc(1, sizeof *r.po);
    r.po->path = xstrdup(path);
    r.at.file = r.po->path;
    if (text.len && memchr(text.data, '\0', text.len)) {
        diag_error(NULL, "%s: a NUL byte: not a .po file", path);
        r.errors++;
    }
    while (pos < text.len && r.errors < 100) {
        const char *nl = memchr(text.data + pos, '\n', text.len - pos);
        size_t end = nl ? (size_t)(nl - text.data) : text.len;

        r.at.line++;
        read_line(&r, text.data + pos, end - pos);
        pos = end + 1;
    }
    r.at.line++;
    finish(&r);
    buf_free(&text);
    if (!r.errors)
        index_messages(&r);
    if (r.errors) {
        po_free(r.po);
        return -1;
    }
    *out = r.po;
    return 0;
}

void
po_free(struct po_file *po)
{
    size_t i;

    if (!po)
        return;
    for (i = 0; i < po->n_msgs; i++) {
        free(po->msgs[i].ctxt);
        free(po->msgs[i].msgid);
        free(po->msgs[i].msgstr);
    }
    free(po->msgs);
    free(po->slot);
    free(po->path);
    free(po);
}
