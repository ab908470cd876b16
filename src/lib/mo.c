/*
 * mo.c - a reader of GNU .mo files that trusts nothing in them: either
 * byte order, every table and string bounds-checked and NUL-terminated
 * inside the file, counts capped by the file's size. The file's hash
 * table and sort order are never used; callers build their own lookup.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errcat_int.h"

#define MO_MAGIC 0x950412deu
#define MO_HEADER 28            /* magic, revision, N, O, T, S, H */

static uint32_t
get32(const struct errcat__mo *mo, uint64_t off)
{
    const unsigned char *p = mo->data + off;

    if (mo->swap)
        return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16
            | (uint32_t)p[2] << 8 | p[3];
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16
        | (uint32_t)p[1] << 8 | p[0];
}

/* Nonzero when the string table at `table` holds n strings that lie
 * inside the file, each followed by a NUL inside it. */
static int
table_ok(const struct errcat__mo *mo, uint32_t table)
{
    uint64_t end = (uint64_t)table + (uint64_t)mo->n * 8;
    uint32_t i;

    if (table < MO_HEADER || end > mo->size)
        return 0;
    for (i = 0; i < mo->n; i++) {
        uint64_t len = get32(mo, (uint64_t)table + 8 * (uint64_t)i);
        uint64_t off = get32(mo, (uint64_t)table + 8 * (uint64_t)i + 4);

        if (off + len >= mo->size || mo->data[off + len] != '\0')
            return 0;
    }
    return 1;
}

static int
lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Nonzero when s[0..n) starts with the lower-case word w, ignoring case. */
static int
starts_nocase(const char *s, size_t n, const char *w)
{
    size_t i;

    for (i = 0; w[i]; i++)
        if (i >= n || lower((unsigned char)s[i]) != w[i])
            return 0;
    return 1;
}

/* Nonzero when s[0..n) is the name w, ignoring case. */
static int
is_name(const char *s, size_t n, const char *w)
{
    return n == strlen(w) && starts_nocase(s, n, w);
}

/*
 * The charset the header entry's Content-Type names: ERRCAT__MO_UTF8,
 * ERRCAT__MO_ASCII for ASCII and for a header without a charset (what
 * GNU and Python gettext assume then), else ERRCAT__MO_OTHER.
 */
static int
header_charset(const char *h, size_t n)
{
    size_t i = 0, eol, j, k;

    while (i < n) {
        for (eol = i; eol < n && h[eol] != '\n'; eol++)
            ;
        if (starts_nocase(h + i, eol - i, "content-type:"))
            for (j = i; j < eol; j++)
                if (starts_nocase(h + j, eol - j, "charset=")) {
                    j += 8;
                    for (k = j; k < eol && h[k] != ';' && h[k] != ' '
                         && h[k] != '\t' && h[k] != '\r'; k++)
                        ;
                    if (is_name(h + j, k - j, "utf-8")
                        || is_name(h + j, k - j, "utf8"))
                        return ERRCAT__MO_UTF8;
                    if (is_name(h + j, k - j, "ascii")
                        || is_name(h + j, k - j, "us-ascii")
                        || is_name(h + j, k - j, "ansi_x3.4-1968"))
                        return ERRCAT__MO_ASCII;
                    return ERRCAT__MO_OTHER;
                }
        i = eol + 1;
    }
    return ERRCAT__MO_ASCII;
}

int
errcat__mo_parse(const void *data, size_t size, struct errcat__mo *mo)
{
    uint32_t magic, i;

    memset(mo, 0, sizeof *mo);
    mo->data = data;
    mo->size = size;
    if (data == NULL || size < MO_HEADER || size > ERRCAT__MO_MAX)
        return ERRCAT_EINVAL;
    magic = get32(mo, 0);
    if (magic != MO_MAGIC) {
        mo->swap = 1;
        if (get32(mo, 0) != MO_MAGIC)
            return ERRCAT_EINVAL;
    }
    if (get32(mo, 4) >> 16 > 1)     /* major revisions 0 and 1 only */
        return ERRCAT_EINVAL;
    mo->n = get32(mo, 8);
    mo->orig = get32(mo, 12);
    mo->trans = get32(mo, 16);
    if (mo->n > (size - MO_HEADER) / 16
        || !table_ok(mo, mo->orig) || !table_ok(mo, mo->trans))
        return ERRCAT_EINVAL;
    mo->charset = ERRCAT__MO_ASCII;     /* no header: as GNU and Python */
    for (i = 0; i < mo->n; i++) {
        const char *k, *v;
        size_t kn, vn;

        errcat__mo_pair(mo, i, &k, &kn, &v, &vn);
        if (kn == 0) {
            mo->charset = header_charset(v, vn);
            break;
        }
    }
    return 0;
}

int
errcat__mo_text_ok(const struct errcat__mo *mo, const char *v, size_t n)
{
    size_t i;

    if (mo->charset == ERRCAT__MO_ASCII)
        for (i = 0; i < n; i++)
            if ((unsigned char)v[i] >= 0x80)
                return 0;
    return mo->charset != ERRCAT__MO_OTHER;
}

void
errcat__mo_pair(const struct errcat__mo *mo, uint32_t i,
                const char **key, size_t *key_len,
                const char **val, size_t *val_len)
{
    uint64_t o = (uint64_t)mo->orig + 8 * (uint64_t)i;
    uint64_t t = (uint64_t)mo->trans + 8 * (uint64_t)i;

    *key_len = get32(mo, o);
    *key = (const char *)mo->data + get32(mo, o + 4);
    *val_len = get32(mo, t);
    *val = (const char *)mo->data + get32(mo, t + 4);
}

/* Reads all of fd (size bytes, from fstat) into a new buffer. */
static int
read_all(int fd, size_t size, unsigned char **out)
{
    unsigned char *buf = errcat__malloc(size);
    size_t got = 0;
    ssize_t r;

    if (buf == NULL)
        return ERRCAT_ENOMEM;
    while (got < size) {
        r = read(fd, buf + got, size - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            errcat__free(buf);
            return r < 0 ? ERRCAT_ENOENT : ERRCAT_EINVAL;   /* shrank */
        }
        got += (size_t)r;
    }
    *out = buf;
    return 0;
}

int
errcat__mo_open(const char *path, struct errcat__mo *mo)
{
    struct stat st;
    unsigned char *buf = NULL;
    int fd, rc;

    memset(mo, 0, sizeof *mo);
    /* O_NONBLOCK: a FIFO planted in place of the file must not hang us. */
    fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return ERRCAT_ENOENT;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        rc = ERRCAT_ENOENT;
    else if (st.st_size < MO_HEADER || (uint64_t)st.st_size > ERRCAT__MO_MAX)
        rc = ERRCAT_EINVAL;
    else
        rc = read_all(fd, (size_t)st.st_size, &buf);
    close(fd);
    if (rc != 0)
        return rc;
    rc = errcat__mo_parse(buf, (size_t)st.st_size, mo);
    mo->owned = 1;
    if (rc != 0)
        errcat__mo_close(mo);
    return rc;
}

void
errcat__mo_close(struct errcat__mo *mo)
{
    if (mo->owned)
        errcat__free((void *)mo->data);
    memset(mo, 0, sizeof *mo);
}
