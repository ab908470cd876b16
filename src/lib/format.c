/*
 * format.c - the runtime's own message formatter: substitutes string
 * arguments for printf directives, Python %(name) directives and brace
 * fields, so translated text never reaches printf, lays each out in its
 * width and precision, and truncates like snprintf without splitting a
 * UTF-8 sequence.
 */
#include <string.h>

#include "errcat_int.h"
#include "placeholder.h"

/* An output buffer that counts what it could not hold. */
struct sink {
    char *buf;
    size_t size;
    size_t len;                 /* bytes produced, held or not */
    int dropped;                /* first byte that did not fit, or -1 */
};

static void
put(struct sink *k, const char *s, size_t n)
{
    size_t room = 0;

    if (k->size > 0 && k->len < k->size - 1)
        room = k->size - 1 - k->len;
    if (n > room && k->dropped < 0)
        k->dropped = (unsigned char)s[room];
    if (room > 0 && n > 0)
        memcpy(k->buf + k->len, s, n < room ? n : room);
    k->len = n > (size_t)-1 - k->len ? (size_t)-1 : k->len + n;
}

/* Terminates the buffer; when the cut fell inside a UTF-8 sequence,
 * drops the sequence's bytes that made it in. */
static size_t
finish(struct sink *k)
{
    size_t w, steps = 0;

    if (k->size == 0)
        return k->len;
    w = k->len < k->size - 1 ? k->len : k->size - 1;
    if (k->dropped >= 0x80 && k->dropped <= 0xBF) {
        size_t v = w;

        while (v > 0 && steps < 3 && ((unsigned char)k->buf[v - 1] & 0xC0)
               == 0x80) {
            v--;
            steps++;
        }
        if (v > 0 && (unsigned char)k->buf[v - 1] >= 0xC0)
            w = v - 1;
    }
    k->buf[w] = '\0';
    return k->len;
}

size_t
errcat__utf8_chars(const char *s, size_t n)
{
    size_t i, c = 0;

    for (i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Bytes of the first chars characters of s[0..n). */
static size_t
char_prefix(const char *s, size_t n, size_t chars)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && chars-- == 0)
            break;
    return i;
}

static void
pad(struct sink *k, const struct errcat__ph_layout *lay, size_t count)
{
    while (count-- > 0)
        put(k, lay->zero ? "0" : lay->fill, lay->zero ? 1 : lay->fill_len);
}

/* The argument a[0..n) laid out as lay says: a text cut to its
 * precision, then padded to the width (in characters); zero padding goes
 * after a sign. */
static void
render(struct sink *k, const char *a, size_t n,
       const struct errcat__ph_layout *lay)
{
    size_t chars, fill, left;

    if (lay->prec >= 0 && (lay->cls == ERRCAT__PH_ANY
                           || lay->cls == ERRCAT__PH_CHAR))
        n = char_prefix(a, n, (size_t)lay->prec);
    chars = errcat__utf8_chars(a, n);
    fill = lay->width > chars ? lay->width - chars : 0;
    if (fill == 0) {
        put(k, a, n);
        return;
    }
    if (lay->zero) {
        left = n > 0 && (a[0] == '-' || a[0] == '+' || a[0] == ' ');
        put(k, a, left);
        pad(k, lay, fill);
        put(k, a + left, n - left);
        return;
    }
    left = lay->align == '<' ? 0 : lay->align == '^' ? fill / 2 : fill;
    pad(k, lay, left);
    put(k, a, n);
    pad(k, lay, fill - left);
}

/* Index of the named argument among the source's names, or -1. */
static long
name_index(const char *src, const size_t *off, const size_t *len, size_t n,
           const char *name, size_t name_len)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (len[i] == name_len && memcmp(src + off[i], name, name_len) == 0)
            return (long)i;
    return -1;
}

size_t
errcat__format(const char *tmpl, const char *src, enum errcat_format fmt,
               const char *const *args, size_t nargs, char *buf, size_t size)
{
    return errcat__format_ex(tmpl, src, fmt, args, nargs, 0, buf, size);
}

/* U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE. */
#define FSI "\xe2\x81\xa8"
#define PDI "\xe2\x81\xa9"

size_t
errcat__format_ex(const char *tmpl, const char *src, enum errcat_format fmt,
                  const char *const *args, size_t nargs, int isolate,
                  char *buf, size_t size)
{
    struct sink k = { buf, size, 0, -1 };
    size_t off[ERRCAT_ARGS_MAX], len[ERRCAT_ARGS_MAX], names = 0;
    size_t pos = 0, n, positional = 0;
    struct errcat__ph ph;
    enum errcat__ph_kind kind;
    long idx;

    if (buf == NULL)
        k.size = 0;
    if (tmpl == NULL)
        tmpl = "";
    n = strlen(tmpl);
    if (fmt != ERRCAT_FORMAT_PRINTF && fmt != ERRCAT_FORMAT_PYTHON
        && fmt != ERRCAT_FORMAT_BRACE) {
        put(&k, tmpl, n);
        return finish(&k);
    }
    if (src) {
        names = errcat__arg_names(src, fmt, off, len, ERRCAT_ARGS_MAX);
        if (names > ERRCAT_ARGS_MAX)
            names = ERRCAT_ARGS_MAX;
    }
    while ((kind = errcat__ph_next(tmpl, n, &pos,
                                   errcat__ph_mode_of(fmt), &ph))
           != ERRCAT__PH_END) {
        switch (kind) {
        case ERRCAT__PH_TEXT:
        case ERRCAT__PH_BAD:
            put(&k, tmpl + ph.start, ph.len);
            continue;
        case ERRCAT__PH_ESCAPE:
            put(&k, tmpl + ph.start, 1);
            continue;
        case ERRCAT__PH_POSITIONAL:
            idx = (long)positional++;
            break;
        case ERRCAT__PH_NUMBERED:
            idx = (long)ph.number - 1;
            break;
        default:
            idx = name_index(src, off, len, names, tmpl + ph.name,
                             ph.name_len);
        }
        if (idx >= 0 && (size_t)idx < nargs && args && args[idx]) {
            struct errcat__ph_layout lay;

            if (isolate)
                put(&k, FSI, 3);
            if (ph.width.len == 0 && !ph.has_prec) {
                put(&k, args[idx], strlen(args[idx]));  /* the usual case */
            } else {
                errcat__ph_layout(tmpl, &ph, &lay);
                render(&k, args[idx], strlen(args[idx]), &lay);
            }
            if (isolate)
                put(&k, PDI, 3);
        } else
            put(&k, tmpl + ph.start, ph.len);
    }
    return finish(&k);
}
