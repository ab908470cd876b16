/*
 * translation.c - decides whether a translation read from a .mo file may
 * replace its source text: valid UTF-8 and exactly the source's
 * placeholders, so the formatter can never be handed a mismatch. The rule
 * is msgfmt -c's for the text's flag (c-format, python-format,
 * python-brace-format): the same arguments, each used with the same type
 * (printf, Python) or the same spec (braces); printf's %N$ and Python's
 * names may reorder them, a translation may use an argument twice.
 */
#include <string.h>

#include "errcat_int.h"
#include "placeholder.h"

#define TOKENS_MAX 32           /* placeholders a text may hold */

/*
 * An argument as a text uses it: its key (a name, or an index for %s,
 * %N$s, {} and {N}) and what msgfmt -c compares for it: the type of a
 * printf or Python directive, the spec of a brace field.
 */
struct arg {
    const char *name;           /* NULL for an index */
    size_t name_len;
    unsigned index;
    unsigned type;
    const char *spec;
    size_t spec_len;
};

static int
same_key(const struct arg *a, const struct arg *b)
{
    if (a->name || b->name)
        return a->name && b->name && a->name_len == b->name_len
            && errcat__same(a->name, b->name, a->name_len);
    return a->index == b->index;
}

static int
same_use(const struct arg *a, const struct arg *b)
{
    return same_key(a, b) && a->type == b->type
        && a->spec_len == b->spec_len
        && errcat__same(a->spec, b->spec, a->spec_len);
}

/*
 * The arguments of s[0..n) in scan mode, each (key, type, spec) once, up
 * to TOKENS_MAX; -1 when s holds a placeholder that is not supported,
 * mixes %s with %N$s (or {} with {N}, or names with either), or uses one
 * printf or Python argument with two types, as msgfmt -c refuses.
 */
static int
collect(const char *s, size_t n, enum errcat_format fmt, struct arg *out)
{
    enum errcat__ph_mode mode = errcat__ph_mode_of(fmt);
    struct errcat__ph ph;
    struct arg a;
    size_t pos = 0;
    int count = 0, i, positional = 0, numbered = 0, named = 0, dup;
    unsigned next = 0;

    for (;;) {
        switch (errcat__ph_next(s, n, &pos, mode, &ph)) {
        case ERRCAT__PH_END:
            return positional + numbered + named > 1 ? -1 : count;
        case ERRCAT__PH_TEXT:
        case ERRCAT__PH_ESCAPE:
            continue;
        case ERRCAT__PH_BAD:
            return -1;
        case ERRCAT__PH_POSITIONAL:
            a.name = NULL;
            a.name_len = 0;
            a.index = next++;
            positional = 1;
            break;
        case ERRCAT__PH_NUMBERED:
            a.name = NULL;
            a.name_len = 0;
            a.index = ph.number - 1;
            numbered = 1;
            break;
        default:
            a.name = s + ph.name;
            a.name_len = ph.name_len;
            a.index = 0;
            named = 1;
        }
        if (ph.style != (int)fmt)
            return -1;          /* %1$s in a python-format text */
        a.type = errcat__ph_type(&ph);
        a.spec = s + ph.spec.off;
        a.spec_len = ph.spec.len;
        for (i = 0, dup = 0; i < count && !dup; i++) {
            if (same_use(&out[i], &a))
                dup = 1;
            else if (same_key(&out[i], &a) && ph.style != ERRCAT_FORMAT_BRACE)
                return -1;
        }
        if (dup)
            continue;
        if (count == TOKENS_MAX)
            return -1;
        out[count++] = a;
    }
}

/* Nonzero when every use of a is among b's. */
static int
uses_within(const struct arg *a, int na, const struct arg *b, int nb)
{
    int i, j;

    for (i = 0; i < na; i++) {
        for (j = 0; j < nb && !same_use(&a[i], &b[j]); j++)
            ;
        if (j == nb)
            return 0;
    }
    return 1;
}

/* A text without placeholders: any % or brace is literal, but what reads
 * as a placeholder means the translator expected an argument; a loose
 * "% u" (as in "100 % utilisé") is literal as in the source. */
static int
plain_ok(const char *tr, size_t n)
{
    struct errcat__ph ph;
    size_t pos = 0, i;
    enum errcat__ph_kind k;

    for (i = 0; i < n && tr[i] != '%' && tr[i] != '{'; i++)
        ;
    if (i == n)
        return 1;               /* the usual case, without a scan */
    while ((k = errcat__ph_next(tr, n, &pos, ERRCAT__PH_MODE_ANY, &ph))
           != ERRCAT__PH_END)
        if (errcat__ph_is_arg(k) && !ph.loose)
            return 0;
    return 1;
}

int
errcat__translation_ok(const char *src, enum errcat_format fmt,
                       const char *tr, size_t n)
{
    struct arg a[TOKENS_MAX], b[TOKENS_MAX];
    int ns, nt;

    if (!errcat__utf8_valid(tr, n))
        return 0;
    if (fmt == ERRCAT_FORMAT_NONE)
        return plain_ok(tr, n);
    ns = collect(src, strlen(src), fmt, a);
    nt = collect(tr, n, fmt, b);
    if (ns < 0 || nt < 0)
        return 0;
    return uses_within(a, ns, b, nt) && uses_within(b, nt, a, ns);
}

size_t
errcat__arg_names(const char *src, enum errcat_format fmt,
                  size_t *off, size_t *len, size_t max)
{
    struct errcat__ph ph;
    size_t pos = 0, n = strlen(src), count = 0, i;
    enum errcat__ph_kind k;
    enum errcat__ph_mode mode = errcat__ph_mode_of(fmt);

    if (fmt != ERRCAT_FORMAT_PYTHON && fmt != ERRCAT_FORMAT_BRACE)
        return 0;
    while ((k = errcat__ph_next(src, n, &pos, mode, &ph)) != ERRCAT__PH_END) {
        if (k != ERRCAT__PH_NAMED && k != ERRCAT__PH_NAMED_BARE
            && k != ERRCAT__PH_BRACE)
            continue;
        for (i = 0; i < count && i < max; i++)
            if (len[i] == ph.name_len
                && errcat__same(src + off[i], src + ph.name, ph.name_len))
                break;
        if (i < count && i < max)
            continue;
        if (count < max) {
            off[count] = ph.name;
            len[count] = ph.name_len;
        }
        count++;
    }
    return count;
}
