/*
 * match.c - recognises an API error message: matches the English text a
 * server sent against the message templates of its code (or of its HTTP
 * status), telling apart entries that share a code and recovering typed
 * arguments, with a bounded backtracking search.
 */
#include <string.h>

#include "errcat_int.h"
#include "placeholder.h"

#define TOKENS_MAX 64           /* tokens of a template we match against */
#define NUMBER_BYTES 512        /* longest number a placeholder recovers */
#define STEPS_MIN (1ul << 14)   /* candidate splits tried per template,
                                   plus one per byte of the message */

struct token {
    enum errcat__ph_kind kind;
    size_t start, len;          /* in the template */
    long arg;                   /* argument index for placeholders */
    struct errcat__ph_layout lay;
};

/* A literal run of the template: tokens [first, last), len bytes. */
struct segment {
    size_t first, last, len;
};

/* One match in progress: the template split, the message, and where
 * each placeholder's argument lies. */
struct run {
    const char *src;
    const struct token *t;
    const struct segment *seg;
    long k;                     /* placeholders */
    const char *msg;
    size_t end;                 /* where the last segment starts */
    size_t aoff[TOKENS_MAX], alen[TOKENS_MAX];
    unsigned long steps;        /* left; 0 gives up */
};

/* Counts one trial; zero once the run's budget is spent. */
static int
step(struct run *r)
{
    return r->steps > 0 && --r->steps > 0;
}

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
seg_find(struct run *r, const struct segment *s, size_t from, size_t limit)
{
    size_t p;
    const char *hit;

    if (s->len == 0)
        return (long)from;
    if (limit < s->len)
        return -1;
    for (p = from; p + s->len <= limit; p++) {
        /* skip to the segment's first byte */
        hit = memchr(r->msg + p, r->src[r->t[s->first].start],
                     limit - s->len + 1 - p);
        if (hit == NULL)
            return -1;
        p = (size_t)(hit - r->msg);
        if (!step(r))
            return -1;
        if (seg_at(r->src, r->t, s, r->msg, p))
            return (long)p;
    }
    return -1;
}

/* Characters of s[0..n), counting no further than max + 1. */
static size_t
chars_upto(const char *s, size_t n, size_t max)
{
    size_t i, c = 0;

    for (i = 0; i < n && c <= max; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static size_t
run_of(const char *s, size_t n, const char *set)
{
    size_t i = 0;

    while (i < n && s[i] != '\0' && strchr(set, s[i]))
        i++;
    return i;
}

static int
ci_equal(const char *s, size_t n, const char *word)
{
    size_t i;

    if (strlen(word) != n)
        return 0;
    for (i = 0; i < n; i++)
        if ((s[i] | 0x20) != word[i])
            return 0;
    return 1;
}

/* Nonzero when s[0..n) is a floating number as printf or Python writes
 * one: decimal or hex, with an exponent, inf or nan; Python's '%' type
 * may follow. */
static int
is_float(const char *s, size_t n)
{
    size_t i = 0, d;

    if (n > 0 && s[n - 1] == '%')
        n--;
    if (i < n && (s[i] == '-' || s[i] == '+' || s[i] == ' '))
        i++;
    if (ci_equal(s + i, n - i, "inf") || ci_equal(s + i, n - i, "infinity")
        || ci_equal(s + i, n - i, "nan"))
        return 1;
    if (i + 1 < n && s[i] == '0' && (s[i + 1] | 0x20) == 'x') {
        i += 2;
        d = run_of(s + i, n - i, "0123456789abcdefABCDEF");
        i += d;
        if (i < n && s[i] == '.') {
            i++;
            d += run_of(s + i, n - i, "0123456789abcdefABCDEF");
            i += run_of(s + i, n - i, "0123456789abcdefABCDEF");
        }
        if (d == 0 || i >= n || (s[i] | 0x20) != 'p')
            return 0;
        i++;
    } else {
        d = run_of(s + i, n - i, "0123456789,_");
        i += d;
        if (i < n && s[i] == '.') {
            i++;
            d += run_of(s + i, n - i, "0123456789");
            i += run_of(s + i, n - i, "0123456789");
        }
        if (d == 0)
            return 0;
        if (i == n)
            return 1;
        if ((s[i] | 0x20) != 'e')
            return 0;
        i++;
    }
    if (i < n && (s[i] == '-' || s[i] == '+'))
        i++;
    d = run_of(s + i, n - i, "0123456789");
    return d > 0 && i + d == n;
}

/* Nonzero when s[0..n) is text that placeholder class cls produces. */
static int
of_class(enum errcat__ph_class cls, const char *s, size_t n)
{
    size_t i = 0;
    const char *set;

    switch (cls) {
    case ERRCAT__PH_ANY:
        return 1;
    case ERRCAT__PH_CHAR:
        return n > 0 && chars_upto(s, n, 1) == 1;
    case ERRCAT__PH_FLOAT:
        return n <= NUMBER_BYTES && is_float(s, n);
    default:
        break;
    }
    if (n > NUMBER_BYTES)
        return 0;
    if (cls == ERRCAT__PH_INT && n > 0
        && (s[0] == '-' || s[0] == '+' || s[0] == ' '))
        i++;
    set = "0123456789,_";
    if (cls == ERRCAT__PH_HEX) {
        set = "0123456789abcdefABCDEF_";
        if (i + 1 < n && s[i] == '0' && (s[i + 1] | 0x20) == 'x')
            i += 2;
    } else if (cls == ERRCAT__PH_OCT) {
        set = "01234567_";
        if (i + 1 < n && s[i] == '0' && (s[i + 1] | 0x20) == 'o')
            i += 2;
    } else if (cls == ERRCAT__PH_BIN) {
        set = "01_";
        if (i + 1 < n && s[i] == '0' && (s[i + 1] | 0x20) == 'b')
            i += 2;
    }
    /* digits, with a grouping separator only between them */
    if (i >= n || strchr(",_", s[i]) || strchr(",_", s[n - 1]))
        return 0;
    return run_of(s + i, n - i, set) == n - i;
}

/* Bytes of leading (or trailing) fill characters of f[0..n), at most
 * max of them; *count receives how many. */
static size_t
fill_run(const struct errcat__ph_layout *lay, const char *f, size_t n,
         int trailing, size_t max, size_t *count)
{
    size_t b = 0, fl = lay->fill_len;

    *count = 0;
    while (*count < max && b + fl <= n
           && memcmp(trailing ? f + n - b - fl : f + b, lay->fill, fl) == 0) {
        b += fl;
        (*count)++;
    }
    return b;
}

/*
 * The argument that placeholder lay lays out as f[0..n): the text
 * without its padding (when the field is exactly as wide as the width),
 * else the whole field; its precision and class must hold. Stores the
 * argument as (offset into f, length); 0 when no argument gives f.
 */
static int
unpad(const struct errcat__ph_layout *lay, const char *f, size_t n,
      size_t *ao, size_t *al)
{
    size_t w = lay->width, chars, lb = 0, tb = 0, lc = 0, tc = 0, p;

    *ao = 0;
    *al = n;
    if (w > 0 && !lay->zero && (chars = chars_upto(f, n, w)) <= w) {
        if (chars < w)
            return 0;           /* padding makes a field this wide */
        if (lay->align == '>' || lay->align == '^')
            lb = fill_run(lay, f, n, 0, w, &lc);
        if (lay->align == '<' || lay->align == '^')
            tb = fill_run(lay, f + lb, n - lb, 1, w, &tc);
        if (lay->align == '^') {
            /* Python centres with the odd one to the right */
            for (p = lc + tc; p > 0 && (p / 2 > lc || p - p / 2 > tc); p--)
                ;
            lb = lb / (lc ? lc : 1) * (p / 2);
            tb = tb / (tc ? tc : 1) * (p - p / 2);
        }
        *ao = lb;
        *al = n - lb - tb;
        if (of_class(lay->cls, f + *ao, *al)
            && (lay->prec < 0 || lay->cls != ERRCAT__PH_ANY
                || chars_upto(f + *ao, *al, (size_t)lay->prec)
                <= (size_t)lay->prec))
            return 1;
        *ao = 0;
        *al = n;
    } else if (w > 0 && lay->zero && chars_upto(f, n, w) < w)
        return 0;
    if (lay->prec >= 0 && (lay->cls == ERRCAT__PH_ANY
                           || lay->cls == ERRCAT__PH_CHAR)
        && chars_upto(f, n, (size_t)lay->prec) > (size_t)lay->prec)
        return 0;
    return of_class(lay->cls, f, n);
}

/* Longest field a placeholder of class cls may take at msg[pos..end). */
static size_t
field_limit(const struct token *t, const char *msg, size_t pos, size_t end)
{
    size_t room = end - pos, cap;

    if (t->lay.cls == ERRCAT__PH_ANY)
        return room;
    if (t->lay.cls == ERRCAT__PH_CHAR)
        cap = 4 + t->lay.width * t->lay.fill_len;
    else
        cap = NUMBER_BYTES + t->lay.width * t->lay.fill_len;
    (void)msg;
    return room < cap ? room : cap;
}

/*
 * Nonzero when placeholder a may take msg[pos..pos+n) as its field: the
 * field lays out an argument (stored in the run), and a placeholder of
 * the same argument before it took the same argument.
 */
static int
take(struct run *r, long a, size_t pos, size_t n)
{
    const struct token *t = &r->t[r->seg[a].last];
    size_t ao, al;
    long b;

    if (!unpad(&t->lay, r->msg + pos, n, &ao, &al))
        return 0;
    r->aoff[a] = pos + ao;
    r->alen[a] = al;
    if (t->arg < 0)
        return 1;
    for (b = 0; b < a; b++)
        if (r->t[r->seg[b].last].arg == t->arg
            && (r->alen[b] != al
                || memcmp(r->msg + r->aoff[b], r->msg + pos + ao, al) != 0))
            return 0;
    return 1;
}

/*
 * Places placeholder a at msg[pos..) and the rest after it: tries the
 * ends where the next literal segment matches, leftmost first; between
 * two placeholders, a number takes the longest field and a text the
 * shortest. Nonzero when the whole template matches.
 */
static int
place(struct run *r, long a, size_t pos)
{
    const struct token *t = &r->t[r->seg[a].last];
    const struct segment *next = &r->seg[a + 1];
    size_t limit, q, i;
    long hit;

    if (pos > r->end)
        return 0;
    limit = field_limit(t, r->msg, pos, r->end);
    if (a + 1 == r->k)
        return pos + limit >= r->end && step(r)
            && take(r, a, pos, r->end - pos);
    if (next->len == 0) {
        int numeric = t->lay.cls != ERRCAT__PH_ANY;

        for (i = 0; i <= limit; i++) {
            q = numeric ? pos + limit - i : pos + i;
            if (!step(r))
                return 0;
            if (take(r, a, pos, q - pos) && place(r, a + 1, q))
                return 1;
        }
        return 0;
    }
    for (q = pos;
         (hit = seg_find(r, next, q, pos + limit + next->len > r->end
                         ? r->end : pos + limit + next->len)) >= 0;
         q = (size_t)hit + 1) {
        if (take(r, a, pos, (size_t)hit - pos)
            && place(r, a + 1, (size_t)hit + next->len))
            return 1;
        if (r->steps == 0)
            return 0;
    }
    return 0;
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
            errcat__ph_layout(src, &ph, &t[*nt].lay);
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

/* errcat__match_template, also counting in *typed the placeholders that
 * take a number or a character: of two templates with as much literal
 * text, the one whose placeholders say more is the better match. */
static size_t
match_typed(const char *src, enum errcat_format fmt, const char *msg,
            size_t n, size_t *off, size_t *len, size_t max, size_t *nargs,
            size_t *typed)
{
    struct token t[TOKENS_MAX];
    struct segment seg[TOKENS_MAX + 1];
    struct run r;
    size_t nt, literal = 0, count = 0, i;
    long k, a;

    *nargs = *typed = 0;
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
    r.src = src;
    r.t = t;
    r.seg = seg;
    r.k = k;
    r.msg = msg;
    r.end = n - seg[k].len;
    r.steps = STEPS_MIN + n;
    if (r.end < seg[0].len || !seg_at(src, t, &seg[k], msg, r.end)
        || !place(&r, 0, seg[0].len))
        return 0;
    for (a = 0; a < k; a++) {
        i = seg[a].last;        /* the placeholder's token */
        if (t[i].lay.cls != ERRCAT__PH_ANY)
            (*typed)++;
        if (t[i].arg >= 0 && (size_t)t[i].arg < max) {
            off[t[i].arg] = r.aoff[a];
            len[t[i].arg] = r.alen[a];
        }
        if (t[i].arg >= 0 && (size_t)t[i].arg + 1 > count)
            count = (size_t)t[i].arg + 1;
    }
    *nargs = count;
    return literal + 1;
}

size_t
errcat__match_template(const char *src, enum errcat_format fmt,
                       const char *msg, size_t n, size_t *off, size_t *len,
                       size_t max, size_t *nargs)
{
    size_t typed;

    return match_typed(src, fmt, msg, n, off, len, max, nargs, &typed);
}

/* The best match so far over the entries tried. */
struct best {
    size_t rank, typed;
    size_t ties;                /* other entries ranked as high */
    size_t off[ERRCAT_ARGS_MAX], len[ERRCAT_ARGS_MAX];
    struct errcat_match *m;
};

/* Tries entry e of cat against msg; keeps it in *b when it ranks higher:
 * more literal text, then more typed placeholders, then catalog order. */
static void
try_entry(const struct errcat_catalog *cat, const struct errcat_entry *e,
          const char *msg, size_t n, struct best *b)
{
    size_t o[ERRCAT_ARGS_MAX], l[ERRCAT_ARGS_MAX], nargs, rank, typed;
    const struct errcat_text *t;

    if (e->message >= cat->n_texts)
        return;
    t = &cat->texts[e->message];
    rank = match_typed(t->msgid, (enum errcat_format)t->format, msg, n, o, l,
                       ERRCAT_ARGS_MAX, &nargs, &typed);
    if (rank > 0 && rank == b->rank && typed == b->typed) {
        b->ties++;
        return;
    }
    if (rank > b->rank || (rank > 0 && rank == b->rank && typed > b->typed)) {
        b->rank = rank;
        b->typed = typed;
        b->ties = 0;
        b->m->cat = cat;
        b->m->entry = e;
        b->m->nargs = nargs < ERRCAT_ARGS_MAX ? nargs : ERRCAT_ARGS_MAX;
        memcpy(b->off, o, sizeof o);
        memcpy(b->len, l, sizeof l);
    }
}

/* The catalogs to search: cat, or the registered ones. */
static size_t
catalogs(const struct errcat_catalog *cat,
         const struct errcat_catalog **cats)
{
    size_t n;

    if (cat) {
        cats[0] = cat;
        return 1;
    }
    n = errcat_catalogs(cats, ERRCAT_REGISTRY_MAX);
    return n > ERRCAT_REGISTRY_MAX ? ERRCAT_REGISTRY_MAX : n;
}

/* Copies the arguments of the best match into storage owned by m. */
static int
keep_args(const char *msg, struct best *b)
{
    struct errcat_match *m = b->m;
    size_t total = 0, i;
    char *p;

    m->ambiguous = b->ties > 0;
    for (i = 0; i < m->nargs; i++)
        total += b->len[i] + 1;
    if ((m->storage = p = errcat__malloc(total ? total : 1)) == NULL) {
        memset(m, 0, sizeof *m);
        return ERRCAT_ENOMEM;
    }
    for (i = 0; i < m->nargs; i++) {
        memcpy(p, msg + b->off[i], b->len[i]);
        p[b->len[i]] = '\0';
        m->args[i] = p;
        p += b->len[i] + 1;
    }
    return 0;
}

int
errcat_match(const struct errcat_catalog *cat, const char *code,
             const char *msg, struct errcat_match *m)
{
    const struct errcat_catalog *cats[ERRCAT_REGISTRY_MAX], *only_cat = NULL;
    const struct errcat_entry *e, *only = NULL;
    struct best b;
    size_t ncats, i, n, entries = 0;

    if (m == NULL)
        return ERRCAT_EINVAL;
    memset(m, 0, sizeof *m);
    if (code == NULL || msg == NULL)
        return ERRCAT_EINVAL;
    if ((n = strlen(msg)) > ERRCAT_BODY_MAX)
        return ERRCAT_ETOOBIG;
    memset(&b, 0, sizeof b);
    b.m = m;
    ncats = catalogs(cat, cats);
    for (i = 0; i < ncats; i++)
        for (e = errcat_find_code(cats[i], code); e;
             e = errcat_next_same_code(cats[i], e)) {
            entries++;
            only = e;
            only_cat = cats[i];
            try_entry(cats[i], e, msg, n, &b);
        }
    if (entries == 0)
        return ERRCAT_ENOENT;
    if (b.rank == 0 && entries == 1) {
        /* the message is not the template's, but the code says which */
        m->cat = only_cat;
        m->entry = only;
        m->nargs = 0;
        m->by_code_only = 1;
    } else if (b.rank == 0)
        return ERRCAT_ENOMATCH;
    return keep_args(msg, &b);
}

int
errcat_match_status(const struct errcat_catalog *cat, unsigned http_status,
                    const char *msg, struct errcat_match *m)
{
    const struct errcat_catalog *cats[ERRCAT_REGISTRY_MAX];
    struct best b;
    size_t ncats, i, j, n, entries = 0;

    if (m == NULL)
        return ERRCAT_EINVAL;
    memset(m, 0, sizeof *m);
    if (msg == NULL || http_status < 100 || http_status > 599)
        return ERRCAT_EINVAL;
    if ((n = strlen(msg)) > ERRCAT_BODY_MAX)
        return ERRCAT_ETOOBIG;
    memset(&b, 0, sizeof b);
    b.m = m;
    ncats = catalogs(cat, cats);
    for (i = 0; i < ncats; i++)
        for (j = 0; j < cats[i]->n_entries; j++) {
            const struct errcat_entry *e = &cats[i]->entries[j];

            if (e->http_status != http_status)
                continue;
            entries++;
            try_entry(cats[i], e, msg, n, &b);
        }
    if (entries == 0)
        return ERRCAT_ENOENT;
    if (b.rank == 0)
        return ERRCAT_ENOMATCH;
    return keep_args(msg, &b);
}

void
errcat_match_free(struct errcat_match *m)
{
    if (m == NULL)
        return;
    errcat__free(m->storage);
    memset(m, 0, sizeof *m);
}
