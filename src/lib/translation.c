/*
 * translation.c - decides whether a translation read from a .mo file may
 * replace its source text: valid UTF-8 and exactly the source's
 * placeholders, so the formatter can never be handed a mismatch.
 */
#include <string.h>

#include "errcat_int.h"
#include "placeholder.h"

#define TOKENS_MAX 32           /* placeholders a text may hold */

/* A placeholder seen in a text: its name, or its number (0 for %s). */
struct arg {
    const char *name;
    size_t name_len;
    unsigned number;
};

/* The placeholders of s[0..n) in scan mode, up to TOKENS_MAX; -1 when s
 * holds one that style does not support, or too many. */
static int
collect(const char *s, size_t n, enum errcat__ph_mode mode, struct arg *out)
{
    struct errcat__ph ph;
    size_t pos = 0;
    int count = 0;

    for (;;) {
        switch (errcat__ph_next(s, n, &pos, mode, &ph)) {
        case ERRCAT__PH_END:
            return count;
        case ERRCAT__PH_TEXT:
        case ERRCAT__PH_ESCAPE:
            continue;
        case ERRCAT__PH_BAD:
            return -1;
        default:
            if (count == TOKENS_MAX || (ph.kind == ERRCAT__PH_NUMBERED
                                        && ph.number == 0))
                return -1;
            if (ph.kind == ERRCAT__PH_POSITIONAL
                || ph.kind == ERRCAT__PH_NUMBERED) {
                out[count].name = NULL;
                out[count].name_len = 0;
                out[count].number = ph.number;  /* 0 for %s */
            } else {
                out[count].name = s + ph.name;
                out[count].name_len = ph.name_len;
                out[count].number = 0;
            }
            count++;
        }
    }
}

static size_t
count_name(const struct arg *a, int n, const char *name, size_t len)
{
    size_t c = 0;
    int i;

    for (i = 0; i < n; i++)
        if (a[i].name && a[i].name_len == len
            && memcmp(a[i].name, name, len) == 0)
            c++;
    return c;
}

/* %s count or %N$s covering 1..n: the printf rule. */
static int
printf_ok(const struct arg *src, int ns, const struct arg *tr, int nt)
{
    unsigned long long seen = 0;
    int i, positional = 0, numbered = 0, n = 0;

    for (i = 0; i < ns; i++) {
        if (src[i].name)
            return 0;
        if (src[i].number == 0)
            n++;
        else if ((int)src[i].number > n)
            n = (int)src[i].number;
    }
    for (i = 0; i < nt; i++) {
        if (tr[i].name)
            return 0;
        if (tr[i].number == 0)
            positional++;
        else if ((int)tr[i].number > n || n > 64)
            return 0;
        else {
            numbered++;
            seen |= 1ull << (tr[i].number - 1);
        }
    }
    if (positional && numbered)
        return 0;
    if (numbered)
        return seen == (n == 64 ? ~0ull : (1ull << n) - 1);
    return positional == n;
}

/* Same names: as a multiset (Python) or as a set (braces). */
static int
names_ok(const struct arg *src, int ns, const struct arg *tr, int nt,
         int multiset)
{
    int i;

    for (i = 0; i < nt; i++)
        if (tr[i].name == NULL)
            return 0;
    for (i = 0; i < ns; i++) {
        size_t a, b;

        if (src[i].name == NULL)
            return 0;
        a = count_name(src, ns, src[i].name, src[i].name_len);
        b = count_name(tr, nt, src[i].name, src[i].name_len);
        if (b == 0 || (multiset && a != b))
            return 0;
    }
    for (i = 0; i < nt; i++)
        if (count_name(src, ns, tr[i].name, tr[i].name_len) == 0)
            return 0;
    return 1;
}

/* A text without placeholders: any % or brace is literal, but what reads
 * as a placeholder means the translator expected an argument. */
static int
plain_ok(const char *tr, size_t n)
{
    struct errcat__ph ph;
    size_t pos = 0;
    enum errcat__ph_kind k;

    if (!memchr(tr, '%', n) && !memchr(tr, '{', n))
        return 1;               /* the usual case, without a scan */
    while ((k = errcat__ph_next(tr, n, &pos, ERRCAT__PH_MODE_ANY, &ph))
           != ERRCAT__PH_END)
        if (errcat__ph_is_arg(k))
            return 0;
    return 1;
}

int
errcat__translation_ok(const char *src, enum errcat_format fmt,
                       const char *tr, size_t n)
{
    struct arg a[TOKENS_MAX], b[TOKENS_MAX];
    enum errcat__ph_mode mode = errcat__ph_mode_of(fmt);
    int ns, nt;

    if (!errcat__utf8_valid(tr, n))
        return 0;
    if (fmt == ERRCAT_FORMAT_NONE)
        return plain_ok(tr, n);
    ns = collect(src, strlen(src), mode, a);
    nt = collect(tr, n, mode, b);
    if (ns < 0 || nt < 0)
        return 0;
    switch (fmt) {
    case ERRCAT_FORMAT_PRINTF:
        return printf_ok(a, ns, b, nt);
    case ERRCAT_FORMAT_PYTHON:
        return names_ok(a, ns, b, nt, 1);
    case ERRCAT_FORMAT_BRACE:
        return names_ok(a, ns, b, nt, 0);
    default:
        return 0;
    }
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
                && memcmp(src + off[i], src + ph.name, ph.name_len) == 0)
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
