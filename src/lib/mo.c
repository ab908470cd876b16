/*
 * mo.c - a reader of GNU .mo files that trusts nothing in them: either
 * byte order, every table and string bounds-checked and NUL-terminated
 * inside the file, counts capped by the file's size. The file's hash
 * table serves lookups when it lies inside the file, each answer checked
 * (a hostile table can only make lookups miss); without one, an index of
 * liberrcat's own.
 */
#define _GNU_SOURCE             /* AT_EMPTY_PATH, where there is one */
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
 * inside the file, each followed by a NUL inside it. For a file read
 * lazily, whose strings are not in memory, only the table itself is
 * checked here: each string's place and NUL are checked when it is read
 * (read_string), so a first use does not walk every entry of a file of
 * which it needs one. */
static int
table_ok(const struct errcat__mo *mo, uint32_t table)
{
    uint64_t end = (uint64_t)table + (uint64_t)mo->n * 8;
    uint32_t i;

    if (table < MO_HEADER || end > mo->avail)
        return 0;
    if (mo->lazy)
        return 1;
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
    const char *p = h, *end = h + n, *eol, *q, *k;

    /* a loop, not memchr: in a fresh process the first call of a libc
       function whose code nothing has run yet pages that code in */
    for (; p < end; p = eol + 1) {
        for (eol = p; eol < end && *eol != '\n'; eol++)
            ;
        if (!starts_nocase(p, (size_t)(eol - p), "content-type:"))
            continue;
        for (q = p; q < eol; q++)
            if (starts_nocase(q, (size_t)(eol - q), "charset=")) {
                q += 8;
                for (k = q; k < eol && *k != ';' && *k != ' '
                     && *k != '\t' && *k != '\r'; k++)
                    ;
                if (is_name(q, (size_t)(k - q), "utf-8")
                    || is_name(q, (size_t)(k - q), "utf8"))
                    return ERRCAT__MO_UTF8;
                if (is_name(q, (size_t)(k - q), "ascii")
                    || is_name(q, (size_t)(k - q), "us-ascii")
                    || is_name(q, (size_t)(k - q), "ansi_x3.4-1968"))
                    return ERRCAT__MO_ASCII;
                return ERRCAT__MO_OTHER;
            }
    }
    return ERRCAT__MO_ASCII;
}

/* Checks the header and tables of mo (data, avail, size and fd set) and
 * reads the charset. Returns 0 or ERRCAT_EINVAL. */
static int
parse(struct errcat__mo *mo)
{
    uint32_t magic, i;

    if (mo->data == NULL || mo->size < MO_HEADER || mo->avail < MO_HEADER
        || mo->size > ERRCAT__MO_MAX)
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
    if (mo->n > (mo->size - MO_HEADER) / 16
        || !table_ok(mo, mo->orig) || !table_ok(mo, mo->trans))
        return ERRCAT_EINVAL;
    mo->hash_size = get32(mo, 20);
    mo->hash = get32(mo, 24);
    if (mo->hash_size <= 2 || mo->hash < MO_HEADER
        || (uint64_t)mo->hash + 4 * (uint64_t)mo->hash_size > mo->avail)
        mo->hash_size = 0;      /* none, or not inside the file: unused */
    mo->charset = ERRCAT__MO_ASCII;     /* no header: as GNU and Python */
    for (i = 0; i < mo->n; i++) {
        uint64_t o = (uint64_t)mo->orig + 8 * (uint64_t)i;
        char small[512], *h;
        size_t vn;

        if (get32(mo, o) != 0)
            continue;
        if (!mo->lazy) {
            const char *k, *v;
            size_t kn;

            errcat__mo_pair(mo, i, &k, &kn, &v, &vn);
            mo->charset = header_charset(v, vn);
        } else {
            vn = errcat__mo_value_len(mo, i);
            if ((uint64_t)vn >= mo->size) {
                mo->charset = ERRCAT__MO_OTHER;     /* not inside: unread */
                break;
            }
            h = vn < sizeof small ? small : errcat__malloc(vn + 1);
            if (h == NULL)
                return ERRCAT_ENOMEM;
            mo->charset = errcat__mo_value_copy(mo, i, h) == 0
                ? header_charset(h, vn) : ERRCAT__MO_OTHER;
            if (h != small)
                errcat__free(h);
        }
        break;
    }
    return 0;
}

int
errcat__mo_parse(const void *data, size_t size, struct errcat__mo *mo)
{
    memset(mo, 0, sizeof *mo);
    mo->data = data;
    mo->size = mo->avail = size;
    return parse(mo);
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

/* GNU gettext's hash of a key (hash-string.c), so the file's own table
 * can be used. */
static uint32_t
gnu_hash(const char *s, size_t n)
{
    uint32_t h = 0, g;
    size_t i;

    for (i = 0; i < n; i++) {
        h = (h << 4) + (unsigned char)s[i];
        if ((g = h & 0xf0000000u) != 0) {
            h ^= g >> 24;
            h ^= g;
        }
    }
    return h;
}

int
errcat__mo_index(const struct errcat__mo *mo, struct errcat__mo_index *ix)
{
    size_t size = 16, j;
    uint32_t i;

    ix->slot = NULL;
    ix->mask = 0;
    if (mo->hash_size)
        return 0;
    while (size < 2 * (size_t)mo->n)
        size *= 2;
    if ((ix->slot = errcat__calloc(size, sizeof *ix->slot)) == NULL)
        return ERRCAT_ENOMEM;
    ix->mask = size - 1;
    for (i = 0; i < mo->n; i++) {
        const char *k, *v;
        size_t kn, vn;

        errcat__mo_pair(mo, i, &k, &kn, &v, &vn);
        for (j = errcat__hash_n(k, kn) & ix->mask; ix->slot[j];
             j = (j + 1) & ix->mask)
            ;
        ix->slot[j] = i + 1;
    }
    return 0;
}

void
errcat__mo_index_free(struct errcat__mo_index *ix)
{
    errcat__free(ix->slot);
    ix->slot = NULL;
}

/*
 * fstat. Where the system has AT_EMPTY_PATH, as fstatat with an empty
 * path of our own: that is what glibc's fstat does, with an empty string
 * in libc's read-only data, which the kernel reads; in a fresh process
 * that page is not mapped yet, and the first use of a locale took the
 * fault.
 */
static int
stat_fd(int fd, struct stat *st)
{
#ifdef AT_EMPTY_PATH
    return fstatat(fd, "", st, AT_EMPTY_PATH);
#else
    return fstat(fd, st);
#endif
}

/* Nonzero when a lazily read file is still the one opened, as large as
 * it was: a file rewritten or cut short under us is read no further. */
static int
unchanged(const struct errcat__mo *mo)
{
    struct stat st;

    return stat_fd(mo->fd, &st) == 0 && (uint64_t)st.st_dev == mo->dev
        && (uint64_t)st.st_ino == mo->ino && (uint64_t)st.st_size == mo->size;
}

/* Reads len + 1 bytes at off of a lazily read file into dst: the string
 * and its NUL. 0, or -1 when they do not lie inside the file (as it was
 * opened, or as it is now) or the string is not terminated there. The
 * caller has checked the file is unchanged. */
static int
read_string(const struct errcat__mo *mo, uint64_t off, size_t len, char *dst)
{
    size_t got = 0;
    ssize_t r;

    if (off + len >= mo->size)
        return -1;
    while (got < len + 1) {
        r = pread(mo->fd, dst + got, len + 1 - got, (off_t)(off + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        got += (size_t)r;
    }
    return dst[len] == '\0' ? 0 : -1;
}

/* Nonzero when pair i's key is exactly key[0..n). */
static int
key_is(const struct errcat__mo *mo, uint32_t i, const char *key, size_t n)
{
    uint64_t o = (uint64_t)mo->orig + 8 * (uint64_t)i;
    char small[512], *k;
    int same;

    if (!mo->lazy) {
        const char *pk, *v;
        size_t kn, vn;

        errcat__mo_pair(mo, i, &pk, &kn, &v, &vn);
        return kn == n && memcmp(pk, key, n) == 0;
    }
    if (get32(mo, o) != n)
        return 0;
    k = n < sizeof small ? small : errcat__malloc(n + 1);
    if (k == NULL)
        return 0;
    same = read_string(mo, get32(mo, o + 4), n, k) == 0
        && errcat__same(k, key, n);
    if (k != small)
        errcat__free(k);
    return same;
}

size_t
errcat__mo_value_len(const struct errcat__mo *mo, uint32_t i)
{
    return get32(mo, (uint64_t)mo->trans + 8 * (uint64_t)i);
}

int
errcat__mo_value_copy(const struct errcat__mo *mo, uint32_t i, char *dst)
{
    uint64_t t = (uint64_t)mo->trans + 8 * (uint64_t)i;
    size_t len = get32(mo, t);

    if (!mo->lazy) {
        memcpy(dst, mo->data + get32(mo, t + 4), len + 1);
        return 0;
    }
    return read_string(mo, get32(mo, t + 4), len, dst);
}

long
errcat__mo_find(const struct errcat__mo *mo,
                const struct errcat__mo_index *ix, const char *key, size_t n)
{
    uint32_t h, idx, incr, probes, e;
    size_t j;

    /* one check per lookup, not one per string read: the key compared
       and the translation read after it come from the file it saw */
    if (mo->lazy && !unchanged(mo))
        return -1;
    if (mo->hash_size) {
        /* gettext's double hashing; at most hash_size probes, however
           the table was written */
        h = gnu_hash(key, n);
        idx = h % mo->hash_size;
        incr = 1 + h % (mo->hash_size - 2);
        for (probes = 0; probes < mo->hash_size; probes++) {
            if ((e = get32(mo, (uint64_t)mo->hash + 4 * (uint64_t)idx)) == 0)
                return -1;
            if (e - 1 < mo->n && key_is(mo, e - 1, key, n))
                return (long)(e - 1);
            idx = idx >= mo->hash_size - incr ? idx - (mo->hash_size - incr)
                : idx + incr;
        }
        return -1;
    }
    if (ix->slot == NULL)
        return -1;
    for (j = errcat__hash_n(key, n) & ix->mask; ix->slot[j];
         j = (j + 1) & ix->mask)
        if (key_is(mo, ix->slot[j] - 1, key, n))
            return (long)ix->slot[j] - 1;
    return -1;
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

/* Reads n bytes at off of fd into buf. 0 or -1. */
static int
read_at(int fd, unsigned char *buf, size_t n, uint64_t off)
{
    size_t got = 0;
    ssize_t r;

    while (got < n) {
        r = pread(fd, buf + got, n - got, (off_t)(off + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        got += (size_t)r;
    }
    return 0;
}

/* Where the header's tables end, when they all lie in the first quarter
 * of a file of size bytes (as msgfmt lays them out, before the strings);
 * else 0: not worth reading lazily. */
static uint64_t
tables_end(const unsigned char *h, uint64_t size)
{
    struct errcat__mo t;
    uint64_t n, end, e;

    memset(&t, 0, sizeof t);
    t.data = h;
    t.avail = MO_HEADER;
    if (get32(&t, 0) != MO_MAGIC) {
        t.swap = 1;
        if (get32(&t, 0) != MO_MAGIC)
            return 0;
    }
    n = get32(&t, 8);
    end = (uint64_t)get32(&t, 12) + 8 * n;
    if ((e = (uint64_t)get32(&t, 16) + 8 * n) > end)
        end = e;
    /* lazily, keys are found through the file's hash table only */
    if (get32(&t, 20) <= 2 || get32(&t, 24) < MO_HEADER)
        return 0;
    if ((e = (uint64_t)get32(&t, 24) + 4 * (uint64_t)get32(&t, 20)) > end)
        end = e;
    return end <= size / 4 ? end : 0;
}

/* Opens path; lazy_min > 0 allows reading only the tables of a file that
 * size or larger (the strings then read on demand from the open file). */
static int
open_mo(const char *path, struct errcat__mo *mo, size_t lazy_min)
{
    struct stat st;
    unsigned char *buf = NULL, head[MO_HEADER];
    uint64_t end = 0;
    int fd, rc;

    memset(mo, 0, sizeof *mo);
    /* O_NONBLOCK: a FIFO planted in place of the file must not hang us. */
    fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return ERRCAT_ENOENT;
    if (stat_fd(fd, &st) != 0 || !S_ISREG(st.st_mode))
        rc = ERRCAT_ENOENT;
    else if (st.st_size < MO_HEADER || (uint64_t)st.st_size > ERRCAT__MO_MAX)
        rc = ERRCAT_EINVAL;
    else if (lazy_min && (uint64_t)st.st_size >= lazy_min
             && read_at(fd, head, MO_HEADER, 0) == 0
             && (end = tables_end(head, (uint64_t)st.st_size)) >= MO_HEADER) {
        if ((buf = errcat__malloc((size_t)end)) == NULL)
            rc = ERRCAT_ENOMEM;
        else
            rc = read_at(fd, buf, (size_t)end, 0) == 0 ? 0 : ERRCAT_EINVAL;
    } else {
        end = 0;
        rc = read_all(fd, (size_t)st.st_size, &buf);
    }
    if (rc != 0 || end == 0)
        close(fd);
    if (rc != 0) {
        errcat__free(buf);
        return rc;
    }
    mo->data = buf;
    mo->owned = 1;
    mo->size = (size_t)st.st_size;
    mo->avail = end ? (size_t)end : mo->size;
    if (end) {
        mo->lazy = 1;
        mo->fd = fd;
        mo->dev = (uint64_t)st.st_dev;
        mo->ino = (uint64_t)st.st_ino;
    }
    if ((rc = parse(mo)) != 0)
        errcat__mo_close(mo);
    return rc;
}

int
errcat__mo_open(const char *path, struct errcat__mo *mo)
{
    return open_mo(path, mo, 0);
}

int
errcat__mo_open_lazy(const char *path, struct errcat__mo *mo)
{
    return open_mo(path, mo, ERRCAT__MO_LAZY_MIN);
}

void
errcat__mo_close(struct errcat__mo *mo)
{
    if (mo->owned)
        errcat__free((void *)mo->data);
    if (mo->lazy)
        close(mo->fd);
    memset(mo, 0, sizeof *mo);
}
