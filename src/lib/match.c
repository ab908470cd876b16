/*
 * match.c - recognises an API error message: matches the English text a
 * server sent against the message templates of its code, telling apart
 * entries that share a code and recovering the arguments.
 */
#include <string.h>

#include "errcat_int.h"
#include "placeholder.h"

#define TOKENS_MAX 64           /* tokens of a template we match against */

struct token {
    enum errcat__ph_kind kind;
    size_t start, len;          /* in the template */
    long arg;                   /* argument index for placeholders */
};

/* A literal run of the template: tokens [first, last), len bytes. */
struct segment {
    size_t first, last, len;
};

/* Nonzero when segment s of the template matches msg at p. */
static int
seg_at(const char *src, const struct token *t, const struct segment *s,
       const char *msg, size_t p)
{
    size_t i;

    for (i = s->first; i < s->last; i++) {
        size_t n = t[i].kind == ERRCAT__PH_ESCAPE ? 1 : t[i].len;

        if (memcmp(msg + p, src + t[i].start, n) != 0)
            return 0;
        p += n;
    }
    return 1;
}

/* Leftmost position in [from, limit - s->len] where s matches, or -1. */
static long
seg_find(const char *src, const struct token *t, const struct segment *s,
         const char *msg, size_t from, size_t limit)
{
    size_t p;
    const char *hit;

    if (s->len == 0)
        return (long)from;
    if (limit < s->len)
        return -1;
    for (p = from; p + s->len <= limit; p++) {
        /* skip to the segment's first byte */
        hit = memchr(msg + p, src[t[s->first].start],
                     limit - s->len + 1 - p);
        if (hit == NULL)
            return -1;
        p = (size_t)(hit - msg);
        if (seg_at(src, t, s, msg, p))
            return (long)p;
    }
    return -1;
}

/* Splits src into tokens and literal segments; returns the number of
 * placeholders, or -1 when the template is too long to match. */
static long
split(const char *src, enum errcat_format fmt, struct token *t,
      size_t *nt, struct segment *seg)
{
    size_t off[ERRCAT_ARGS_MAX], len[ERRCAT_ARGS_MAX], names, i;
    size_t pos = 0, n = strlen(src), positional = 0, k = 0;
    struct errcat__ph ph;
    enum errcat__ph_kind kind;

    names = errcat__arg_names(src, fmt, off, len, ERRCAT_ARGS_MAX);
    *nt = 0;
    seg[0].first = seg[0].len = 0;
    while ((kind = errcat__ph_next(src, n, &pos,
                                   errcat__ph_mode_of(fmt), &ph))
           != ERRCAT__PH_END) {
        if (*nt == TOKENS_MAX)
            return -1;
        t[*nt].kind = kind;
        t[*nt].start = ph.start;
        t[*nt].len = ph.len;
        t[*nt].arg = -1;
        if (errcat__ph_is_arg(kind)) {
            if (kind == ERRCAT__PH_POSITIONAL)
                t[*nt].arg = (long)positional++;
            else if (kind == ERRCAT__PH_NUMBERED)
                t[*nt].arg = (long)ph.number - 1;
            else
                for (i = 0; i < names && i < ERRCAT_ARGS_MAX; i++)
                    if (len[i] == ph.name_len
                        && memcmp(src + off[i], src + ph.name, len[i]) == 0)
                        t[*nt].arg = (long)i;
            seg[k].last = *nt;
            k++;
            seg[k].first = *nt + 1;
            seg[k].len = 0;
        } else
            seg[k].len += kind == ERRCAT__PH_ESCAPE ? 1 : ph.len;
        (*nt)++;
    }
    seg[k].last = *nt;
    return (long)k;
}

size_t
errcat__match_template(const char *src, enum errcat_format fmt,
                       const char *msg, size_t n, size_t *off, size_t *len,
                       size_t max, size_t *nargs)
{
    struct token t[TOKENS_MAX];
    struct segment seg[TOKENS_MAX + 1];
    size_t nt, pos, end, literal = 0, count = 0, i;
    long k, a, q;

    *nargs = 0;
    for (i = 0; i < max; i++)
        off[i] = len[i] = 0;
    if (src == NULL || msg == NULL)
        return 0;
    if (fmt != ERRCAT_FORMAT_PRINTF && fmt != ERRCAT_FORMAT_PYTHON
        && fmt != ERRCAT_FORMAT_BRACE)
        return strlen(src) == n && memcmp(src, msg, n) == 0 ? n + 1 : 0;
    if ((k = split(src, fmt, t, &nt, seg)) < 0)
        return 0;
    for (a = 0; a <= k; a++)
        literal += seg[a].len;
    if (literal > n || !seg_at(src, t, &seg[0], msg, 0))
        return 0;
    if (k == 0)
        return seg[0].len == n ? literal + 1 : 0;
    end = n - seg[k].len;
    if (end < seg[0].len || !seg_at(src, t, &seg[k], msg, end))
        return 0;
    pos = seg[0].len;
    for (a = 0; a < k; a++) {
        /* argument a runs from pos to where segment a + 1 matches */
        q = a + 1 < k ? seg_find(src, t, &seg[a + 1], msg, pos, end)
            : (long)end;
        if (q < 0)
            return 0;
        i = seg[a].last;        /* the placeholder's token */
        if (t[i].arg >= 0 && (size_t)t[i].arg < max) {
            off[t[i].arg] = pos;
            len[t[i].arg] = (size_t)q - pos;
        }
        if (t[i].arg >= 0 && (size_t)t[i].arg + 1 > count)
            count = (size_t)t[i].arg + 1;
        pos = (size_t)q + seg[a + 1].len;
    }
    *nargs = count;
    return literal + 1;
}

/* Tries every entry of code in cat; keeps the best match in *best. */
static int
match_catalog(const struct errcat_catalog *cat, const char *code,
              const char *msg, size_t n, size_t *best, size_t *off,
              size_t *len, struct errcat_match *m)
{
    const struct errcat_entry *e;
    size_t o[ERRCAT_ARGS_MAX], l[ERRCAT_ARGS_MAX], nargs, score;
    int found = 0;

    for (e = errcat_find_code(cat, code); e;
         e = errcat_next_same_code(cat, e)) {
        const struct errcat_text *t;

        found = 1;
        if (e->message >= cat->n_texts)
            continue;
        t = &cat->texts[e->message];
        score = errcat__match_template(t->msgid,
                                       (enum errcat_format)t->format, msg, n,
                                       o, l, ERRCAT_ARGS_MAX, &nargs);
        if (score > *best) {
            *best = score;
            m->cat = cat;
            m->entry = e;
            m->nargs = nargs < ERRCAT_ARGS_MAX ? nargs : ERRCAT_ARGS_MAX;
            memcpy(off, o, sizeof o);
            memcpy(len, l, sizeof l);
        }
    }
    return found;
}

int
errcat_match(const struct errcat_catalog *cat, const char *code,
             const char *msg, struct errcat_match *m)
{
    const struct errcat_catalog *cats[ERRCAT_REGISTRY_MAX];
    size_t off[ERRCAT_ARGS_MAX], len[ERRCAT_ARGS_MAX];
    size_t ncats, i, n, best = 0, total = 0;
    int known = 0;
    char *p;

    if (m == NULL)
        return ERRCAT_EINVAL;
    memset(m, 0, sizeof *m);
    if (code == NULL || msg == NULL)
        return ERRCAT_EINVAL;
    if ((n = strlen(msg)) > ERRCAT_BODY_MAX)
        return ERRCAT_ETOOBIG;
    if (cat) {
        cats[0] = cat;
        ncats = 1;
    } else {
        ncats = errcat_catalogs(cats, ERRCAT_REGISTRY_MAX);
        if (ncats > ERRCAT_REGISTRY_MAX)
            ncats = ERRCAT_REGISTRY_MAX;
    }
    for (i = 0; i < ncats; i++)
        known |= match_catalog(cats[i], code, msg, n, &best, off, len, m);
    if (!known)
        return ERRCAT_ENOENT;
    if (best == 0)
        return ERRCAT_ENOMATCH;
    for (i = 0; i < m->nargs; i++)
        total += len[i] + 1;
    if ((m->storage = p = errcat__malloc(total)) == NULL) {
        memset(m, 0, sizeof *m);
        return ERRCAT_ENOMEM;
    }
    for (i = 0; i < m->nargs; i++) {
        memcpy(p, msg + off[i], len[i]);
        p[len[i]] = '\0';
        m->args[i] = p;
        p += len[i] + 1;
    }
    return 0;
}

void
errcat_match_free(struct errcat_match *m)
{
    if (m == NULL)
        return;
    errcat__free(m->storage);
    memset(m, 0, sizeof *m);
}
