/*
 * util.h - allocation that cannot fail and a growable byte buffer: the
 * generator treats out-of-memory as fatal, in this one place.
 */
#ifndef GEN_UTIL_H
#define GEN_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* a, the byte sep, then b: "dir/name", "ctxt\4msgid". Owned. */
char *xjoin(const char *a, char sep, const char *b);

/* Grows *p, an array of *cap elements of size `size`, to hold n + 1. */
void *xgrow(void *p, size_t *cap, size_t n, size_t size);

/* Characters in the UTF-8 bytes s[0..n): those that do not continue a
   sequence. Columns of diagnostics are counted with it. */
size_t utf8_chars(const char *s, size_t n);

/* A hash of s for the generator's own tables, eight bytes at a step:
   nothing outside one run depends on it (the code hash the runtime
   reads is model_hash). */
unsigned str_hash(const char *s);
/* The same of s[0..n). */
unsigned mem_hash(const char *s, size_t n);

/* A hint that *p will be read soon: for probes of tables larger than
   the cache, issued a few probes ahead. */
#if defined(__GNUC__)
#define prefetch(p) __builtin_prefetch(p)
#else
#define prefetch(p) ((void)(p))
#endif

/* Strings freed together, allocated from large chunks: a 100k-entry
   catalog or table holds a million of them. A zeroed pool is empty. */
struct pool_chunk {
    struct pool_chunk *next;
    size_t used, size;
    char data[];
};

struct pool {
    struct pool_chunk *chunks;
};

/* A NUL-terminated copy of s[0..n) that the pool owns. */
char *pool_strndup(struct pool *p, const char *s, size_t n);
/* Moves every string of from into to; from is then empty. */
void pool_adopt(struct pool *to, struct pool *from);
/* Frees every string of p; p is then empty. */
void pool_free(struct pool *p);

/* A growable byte string, always NUL-terminated once written to. */
struct buf {
    char *data;
    size_t len;
    size_t cap;
};

void buf_grow(struct buf *b, size_t len);

/* Appends len bytes; inline, since emitters append millions of pieces. */
static inline void
buf_add(struct buf *b, const void *data, size_t len)
{
    if (b->len + len + 1 > b->cap)
        buf_grow(b, len);
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}
void buf_puts(struct buf *b, const char *s);
/* A string literal: its length is known, no strlen at run time. */
#define buf_lit(b, lit) buf_add((b), (lit), sizeof(lit) - 1)
/* A decimal number; emitters write millions, printf would be most of it. */
void buf_putl(struct buf *b, long n);

/* One byte; inline, since emitters write most bytes this way. */
static inline void
buf_putc(struct buf *b, int c)
{
    if (b->len + 2 <= b->cap) {
        b->data[b->len++] = (char)c;
        b->data[b->len] = '\0';
    } else {
        char ch = (char)c;

        buf_add(b, &ch, 1);
    }
}

void buf_printf(struct buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void buf_free(struct buf *b);

#endif
