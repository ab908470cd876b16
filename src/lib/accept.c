/*
 * accept.c - parses an HTTP Accept-Language header (RFC 9110, 12.5.4) in
 * one linear pass with bounded memory: malformed items are skipped and
 * only the best ERRCAT__ACCEPT_MAX acceptable items are kept, however long
 * the header; the not acceptable ones (q=0) are found by a scan of their
 * own, so that none is ever lost to the bound.
 */
#include <string.h>

#include "errcat_int.h"

static int
is_ows(int c)
{
    return c == ' ' || c == '\t';
}

/* Nonzero for "*" or 1*8ALPHA *("-" 1*8alphanum). */
static int
tag_ok(const char *s, size_t n)
{
    size_t i, run = 0;

    if (n == 1 && s[0] == '*')
        return 1;
    for (i = 0; i < n; i++) {
        int c = (unsigned char)s[i];

        if (c == '-') {
            if (run == 0)
                return 0;
            run = 0;
        } else if (errcat__is_alpha(c) || (errcat__is_digit(c) && i > run)) {
            /* digits only after the first subtag: i > run there */
            if (++run > 8)
                return 0;
        } else
            return 0;
    }
    return run > 0;
}

/* Parses a qvalue, "0" ["." 0*3DIGIT] / "1" ["." 0*3("0")], into
 * 0..1000; -1 when malformed. */
static int
qvalue(const char *s, size_t n)
{
    int q, scale = 100;
    size_t i;

    if (n == 0 || (s[0] != '0' && s[0] != '1'))
        return -1;
    q = (s[0] - '0') * 1000;
    if (n == 1)
        return q;
    if (s[1] != '.' || n > 5)
        return -1;
    for (i = 2; i < n; i++, scale /= 10) {
        if (!errcat__is_digit((unsigned char)s[i]))
            return -1;
        q += (s[i] - '0') * scale;
    }
    return q > 1000 ? -1 : q;
}

/* Parses one item s[0..n); 0 when malformed or empty. */
static int
item(const char *s, size_t n, struct errcat__accept_item *it)
{
    size_t i = 0, t, e;
    int q = 1000;

    while (i < n && is_ows((unsigned char)s[i]))
        i++;
    while (n > i && is_ows((unsigned char)s[n - 1]))
        n--;
    for (t = i; t < n && s[t] != ';' && !is_ows((unsigned char)s[t]); t++)
        ;
    if (!tag_ok(s + i, t - i))
        return 0;
    it->tag = s + i;
    it->len = t - i;
    for (e = t; e < n && is_ows((unsigned char)s[e]); e++)
        ;
    if (e < n) {
        if (s[e] != ';')
            return 0;
        for (e++; e < n && is_ows((unsigned char)s[e]); e++)
            ;
        if (n - e < 2 || (s[e] != 'q' && s[e] != 'Q') || s[e + 1] != '=')
            return 0;
        if ((q = qvalue(s + e + 2, n - e - 2)) < 0)
            return 0;
    }
    it->q = (unsigned)q;
    return 1;
}

/* Nonzero when a ranks before b: higher q, then earlier. */
static int
before(const struct errcat__accept_item *a,
       const struct errcat__accept_item *b)
{
    return a->q > b->q || (a->q == b->q && a->order < b->order);
}

static int
lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Nonzero when tags a[0..n) and b[0..m) are equal ignoring case. */
static int
same_tag(const char *a, size_t n, const char *b, size_t m)
{
    size_t i;

    if (n != m)
        return 0;
    for (i = 0; i < n; i++)
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
            return 0;
    return 1;
}

/* Keeps it among the best max items of items[0..*count); a tag already
 * kept is one item, with the better of the two q-values, so repeating a
 * tag cannot push others out. */
static void
keep(struct errcat__accept_item *items, size_t max, size_t *count,
     const struct errcat__accept_item *it)
{
    size_t i, worst = 0;

    for (i = 0; i < *count; i++)
        if (same_tag(items[i].tag, items[i].len, it->tag, it->len)) {
            if (before(it, &items[i]))
                items[i] = *it;
            return;
        }
    if (*count < max) {
        items[(*count)++] = *it;
        return;
    }
    for (i = 1; i < *count; i++)
        if (before(&items[worst], &items[i]))
            worst = i;
    if (before(it, &items[worst]))
        items[worst] = *it;
}

size_t
errcat__accept_parse(const char *header, struct errcat__accept_item *items,
                     size_t max)
{
    struct errcat__accept_item it, tmp;
    size_t count = 0, order = 0, i, j;
    const char *p = header, *comma;

    if (header == NULL || max == 0)
        return 0;
    for (;;) {
        comma = strchr(p, ',');
        j = comma ? (size_t)(comma - p) : strlen(p);
        if (item(p, j, &it) && it.q > 0) {
            it.order = order++;
            keep(items, max, &count, &it);
        }
        if (!comma)
            break;
        p = comma + 1;
    }
    for (i = 1; i < count; i++)         /* insertion sort: count <= max */
        for (j = i; j > 0 && before(&items[j], &items[j - 1]); j--) {
            tmp = items[j];
            items[j] = items[j - 1];
            items[j - 1] = tmp;
        }
    return count;
}

int
errcat__accept_excluded(const char *header, const char *tag)
{
    struct errcat__accept_item it;
    const char *p = header, *comma;
    size_t j, n = strlen(tag);

    if (header == NULL)
        return 0;
    for (;;) {
        comma = strchr(p, ',');
        j = comma ? (size_t)(comma - p) : strlen(p);
        if (item(p, j, &it) && it.q == 0 && same_tag(it.tag, it.len, tag, n))
            return 1;
        if (!comma)
            return 0;
        p = comma + 1;
    }
}
