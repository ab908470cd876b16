/*
 * util.c - fatal-on-failure allocation and byte buffers for errcat-gen.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void
oom(void)
{
    fputs("errcat-gen: out of memory\n", stderr);
    exit(2);
}

void *
xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);

    if (!p)
        oom();
    return p;
}

void *
xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);

    if (!p)
        oom();
    return p;
}

void *
xrealloc(void *p, size_t size)
{
    p = realloc(p, size ? size : 1);
    if (!p)
        oom();
    return p;
}

char *
xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);

    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *
xjoin(const char *a, char sep, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    char *s = xmalloc(n + m + 2);

    memcpy(s, a, n);
    s[n] = sep;
    memcpy(s + n + 1, b, m + 1);
    return s;
}

void *
xgrow(void *p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return p;
    *cap = *cap ? *cap * 2 : 2;     /* most arrays here stay small */
    if (*cap <= n)
        *cap = n + 1;
    if (*cap > (size_t)-1 / size)
        oom();
    return xrealloc(p, *cap * size);
}

size_t
utf8_chars(const char *s, size_t n)
{
    size_t k = 0, i = 0;
    uint64_t w;

    /* eight ASCII bytes at a step: eight characters */
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080u)
            break;
        k += 8;
    }
    for (; i < n; i++)
        k += ((unsigned char)s[i] & 0xc0) != 0x80;
    return k;
}

unsigned
str_hash(const char *s)
{
    return mem_hash(s, strlen(s));
}

unsigned
mem_hash(const char *s, size_t n)
{
    size_t i;
    uint64_t h = 0x9e3779b97f4a7c15u ^ n, w;

    for (i = 0; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdu;
        h ^= h >> 32;
    }
    w = 0;
    memcpy(&w, s + i, n - i);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
    h ^= h >> 29;
    h *= 0xff51afd7ed558ccdu;
    return (unsigned)(h >> 32);
}

char *
pool_strndup(struct pool *p, const char *s, size_t n)
{
    struct pool_chunk *c = p->chunks;
    char *d;

    if (!c || c->size - c->used < n + 1) {
        size_t size = n + 1 > 65536 ? n + 1 : 65536;

        c = xmalloc(sizeof *c + size);
        c->size = size;
        c->used = 0;
        c->next = p->chunks;
        p->chunks = c;
    }
    d = c->data + c->used;
    memcpy(d, s, n);
    d[n] = '\0';
    c->used += n + 1;
    return d;
}

void
pool_adopt(struct pool *to, struct pool *from)
{
    struct pool_chunk *c = from->chunks;

    if (!c)
        return;
    while (c->next)
        c = c->next;
    /* to's newest chunk stays first: it is the one with room */
    if (to->chunks) {
        c->next = to->chunks->next;
        to->chunks->next = from->chunks;
    } else {
        to->chunks = from->chunks;
    }
    from->chunks = NULL;
}

void
pool_free(struct pool *p)
{
    struct pool_chunk *c, *next;

    for (c = p->chunks; c; c = next) {
        next = c->next;
        free(c);
    }
    p->chunks = NULL;
}

/* Makes room for len more bytes and a NUL. */
void
buf_grow(struct buf *b, size_t len)
{
    size_t cap = b->cap ? b->cap : 256;

    while (cap < b->len + len + 1)
        cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void
buf_puts(struct buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

void
buf_putl(struct buf *b, long n)
{
    char tmp[24], *p = tmp + sizeof tmp;
    unsigned long u = n < 0 ? 0ul - (unsigned long)n : (unsigned long)n;

    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (n < 0)
        *--p = '-';
    buf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    char small[256];
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        buf_add(b, small, (size_t)n);
        return;
    }
    buf_add(b, "", 0);
    while (b->cap < b->len + (size_t)n + 1) {
        b->cap *= 2;
        b->data = xrealloc(b->data, b->cap);
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void
buf_free(struct buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
