/*
 * emit_compiled.c - the compiled catalog file (layout in compiled.h): the
 * same tables as emit_source's C, as data that liberrcat loads at run
 * time, for programs that were not built with the catalog.
 */
#include <string.h>

#include "compiled.h"
#include "errcat_catalog.h"
#include "emit.h"

static void
put32(struct buf *b, unsigned long v)
{
    unsigned char c[4];

    c[0] = (unsigned char)(v & 0xff);
    c[1] = (unsigned char)(v >> 8 & 0xff);
    c[2] = (unsigned char)(v >> 16 & 0xff);
    c[3] = (unsigned char)(v >> 24 & 0xff);
    buf_add(b, c, 4);
}

static void
put16(struct buf *b, unsigned v)
{
    unsigned char c[2];

    c[0] = (unsigned char)(v & 0xff);
    c[1] = (unsigned char)(v >> 8 & 0xff);
    buf_add(b, c, 2);
}

static void
set32(struct buf *b, size_t at, unsigned long v)
{
    unsigned char *p = (unsigned char *)b->data + at;

    p[0] = (unsigned char)(v & 0xff);
    p[1] = (unsigned char)(v >> 8 & 0xff);
    p[2] = (unsigned char)(v >> 16 & 0xff);
    p[3] = (unsigned char)(v >> 24 & 0xff);
}

/* Appends s to the strings area; returns its offset there, or the absent
   marker for NULL. */
static unsigned long
string(struct buf *strings, const char *s)
{
    size_t at = strings->len;

    if (s == NULL)
        return ERRCAT__CC_ABSENT;
    buf_add(strings, s, strlen(s) + 1);
    return (unsigned long)at;
}

static void
append(struct buf *out, const struct buf *b)
{
    if (b->len)
        buf_add(out, b->data, b->len);
}

static void
pad4(struct buf *b)
{
    while (b->len % 4)
        buf_add(b, "", 1);
}

/* The texts: each key "ctxt\004msgid" once, its msgid inside it. */
static void
texts(const struct model_catalog *cat, struct buf *strings, struct buf *t)
{
    size_t i;

    for (i = 0; i < cat->n_texts; i++) {
        const struct model_text *x = &cat->texts[i];
        const char *ctxt = model_field_name[x->field];
        unsigned long key = strings->len;
        unsigned nargs;
        int format;

        buf_add(strings, ctxt, strlen(ctxt));
        buf_add(strings, "\004", 1);
        buf_add(strings, x->msgid, strlen(x->msgid) + 1);
        emit_text_format(x, &format, &nargs);
        put32(t, key);
        put32(t, key + strlen(ctxt) + 1);
        buf_add(t, (unsigned char[]){ (unsigned char)format,
                                      (unsigned char)nargs, 0, 0 }, 4);
    }
}

static void
entries(const struct model_catalog *cat, struct buf *strings, struct buf *t)
{
    size_t i;

    for (i = 0; i < cat->n_entries; i++) {
        const struct model_entry *e = &cat->entries[i];

        put32(t, string(strings, e->id));
        put32(t, string(strings, e->code));
        put32(t, (unsigned long)model_value(cat, e));
        put16(t, (unsigned)e->http_status);
        put16(t, e->module < 0 ? ERRCAT__CC_NO_MODULE : (unsigned)e->module);
        put32(t, e->unused ? ERRCAT_ENTRY_UNUSED : 0);
        put32(t, e->text_index[FIELD_DESCRIPTION]);
        put32(t, e->text_index[FIELD_MESSAGE]);
        put32(t, e->text_index[FIELD_MEASURE]);
        put32(t, e->next_same_code);
    }
}

void
emit_compiled(const struct model_catalog *cat, const struct emit_options *opt,
              struct buf *out)
{
    struct buf strings = { NULL, 0, 0 }, ent = { NULL, 0, 0 };
    struct buf mod = { NULL, 0, 0 }, txt = { NULL, 0, 0 };
    unsigned long head[4];
    size_t i, at;

    (void)opt;
    /* name, domain and prefix first: within ERRCAT__CC_HEAD of the start */
    head[0] = string(&strings, cat->name);
    head[1] = string(&strings, cat->domain);
    head[2] = string(&strings, cat->prefix);
    head[3] = string(&strings, cat->ref);
    entries(cat, &strings, &ent);
    for (i = 0; i < cat->n_modules; i++) {
        put32(&mod, string(&strings, cat->modules[i].id));
        put32(&mod, cat->modules[i].text);
    }
    texts(cat, &strings, &txt);
    pad4(&strings);

    buf_add(out, ERRCAT__CC_MAGIC, ERRCAT__CC_MAGIC_LEN);
    while (out->len < ERRCAT__CC_HEADER)
        buf_add(out, "", 1);
    set32(out, ERRCAT__CC_H_VERSION, ERRCAT__CC_VERSION);
    set32(out, ERRCAT__CC_H_NUMBER, (unsigned long)cat->number);
    set32(out, ERRCAT__CC_H_N_ENTRIES, cat->n_entries);
    set32(out, ERRCAT__CC_H_N_MODULES, cat->n_modules);
    set32(out, ERRCAT__CC_H_N_TEXTS, cat->n_texts);
    set32(out, ERRCAT__CC_H_N_SERIALS, cat->n_serials);
    set32(out, ERRCAT__CC_H_CODE_MASK, cat->hash_size - 1);
    for (i = 0; i < 4; i++)
        set32(out, ERRCAT__CC_H_NAME + 4 * i, head[i]);

    set32(out, ERRCAT__CC_H_STRINGS, out->len);
    set32(out, ERRCAT__CC_H_STRINGS_SIZE, strings.len);
    append(out, &strings);
    set32(out, ERRCAT__CC_H_ENTRIES, out->len);
    append(out, &ent);
    set32(out, ERRCAT__CC_H_MODULES, out->len);
    append(out, &mod);
    set32(out, ERRCAT__CC_H_TEXTS, out->len);
    append(out, &txt);

    set32(out, ERRCAT__CC_H_BY_SERIAL, out->len);
    at = out->len;
    for (i = 0; i < cat->n_serials; i++)
        put32(out, 0);
    for (i = 0; i < cat->n_entries; i++)
        set32(out, at + 4 * (size_t)cat->entries[i].serial,
              (unsigned long)i + 1);
    set32(out, ERRCAT__CC_H_CODE_HASH, out->len);
    for (i = 0; i < cat->hash_size; i++)
        put32(out, cat->code_hash[i]);
    set32(out, ERRCAT__CC_H_SIZE, out->len);
    buf_free(&strings);
    buf_free(&ent);
    buf_free(&mod);
    buf_free(&txt);
}
