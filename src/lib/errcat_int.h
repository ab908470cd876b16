/*
 * errcat_int.h - what the modules of liberrcat share with each other and
 * with the tests and fuzz targets, but not with applications.
 */
#ifndef ERRCAT_INT_H
#define ERRCAT_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "errcat.h"
#include "placeholder.h"

/* Atomic pointer access for the lock-free lists (GCC and Clang builtins). */
#define ERRCAT__LOAD(p) __atomic_load_n(&(p), __ATOMIC_ACQUIRE)
#define ERRCAT__STORE(p, v) __atomic_store_n(&(p), (v), __ATOMIC_RELEASE)

/* ---- ASCII classes: locale names and headers are ASCII whatever the
   process locale says, so <ctype.h> is not the test ------------------- */

static inline int
errcat__is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int
errcat__is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline int
errcat__is_alnum(int c)
{
    return errcat__is_alpha(c) || errcat__is_digit(c);
}

/* Nonzero when a[0..n) and b[0..n) are the same bytes. A loop, not
 * memcmp, on the path of a locale's first use: its strings are short, and
 * in a fresh process memcmp's first call (its symbol bound, its code
 * paged in) costs more than comparing all of them. */
static inline int
errcat__same(const char *a, const char *b, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* ---- alloc.c: the one allocation hook of the runtime -------------------- */

/*
 * Every allocation of liberrcat but jansson's goes through errcat__malloc,
 * so that a test can make the n-th one fail: set errcat__alloc_fail_at to
 * n (1 = the next; ULONG_MAX: none) and errcat__alloc_count to 0. While
 * armed, errcat__alloc_live counts allocations minus frees. Inert while
 * fail_at is 0. Not thread-safe while armed; tests arm it from one thread.
 */
extern unsigned long errcat__alloc_fail_at;
extern unsigned long errcat__alloc_count;
extern long errcat__alloc_live;

void *errcat__malloc(size_t size);
void *errcat__calloc(size_t n, size_t size);
void errcat__free(void *p);
char *errcat__strdup(const char *s);

/* The one lock of the runtime: taken only to load a locale, to bind a
 * directory and to change the registry, never on a lookup. */
void errcat__lock(void);
void errcat__unlock(void);

/* ---- utf8.c ------------------------------------------------------------- */

/* Nonzero when s[0..n) is well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF) without NUL bytes. */
int errcat__utf8_valid(const char *s, size_t n);

/* ---- mo.c: the validated .mo reader ------------------------------------- */

/* Largest .mo file read, and the reason a file is refused. */
#define ERRCAT__MO_MAX ((size_t)256 << 20)

struct errcat__mo {
    const unsigned char *data;  /* whole file, or (lazy) its header and
                                   tables; owned when `owned` */
    size_t size;                /* of the file */
    size_t avail;               /* bytes of it in data */
    int lazy;                   /* data holds the tables only: strings
                                   are read from fd */
    int fd;                     /* lazy: the open file */
    uint64_t dev, ino;          /* lazy: the file's identity */
    int owned;
    int swap;                   /* file is in the other byte order */
    uint32_t n;                 /* number of strings */
    uint32_t orig;              /* offset of the original strings' table */
    uint32_t trans;             /* offset of the translations' table */
    int charset;                /* ERRCAT__MO_UTF8 ... */
    uint32_t hash_size;         /* the file's hash table, 0 when unusable */
    uint32_t hash;              /* its offset */
};

/* liberrcat's own index of a .mo file's keys, for a file without a
 * usable hash table. */
struct errcat__mo_index {
    unsigned *slot;             /* hash -> pair + 1 */
    size_t mask;
};

/* Builds ix for mo when mo has no usable hash table (else ix stays empty
 * and unneeded). Returns 0 or ERRCAT_ENOMEM. Free with
 * errcat__mo_index_free. */
int errcat__mo_index(const struct errcat__mo *mo, struct errcat__mo_index *ix);
void errcat__mo_index_free(struct errcat__mo_index *ix);

/* The pair whose key is exactly key[0..n), by the file's hash table or
 * ix, or -1. Every candidate is compared in full, so a hostile table can
 * only make a key missed; a lazily read file that changed since it was
 * opened (fstat) finds nothing. Thread-safe; no allocation. */
long errcat__mo_find(const struct errcat__mo *mo,
                     const struct errcat__mo_index *ix, const char *key,
                     size_t n);

/* A .mo file's charset: UTF-8 is read; ASCII (declared, or no charset at
 * all, as GNU and Python gettext take it) is read with every translation
 * required to be ASCII; any other is refused. */
enum { ERRCAT__MO_OTHER, ERRCAT__MO_UTF8, ERRCAT__MO_ASCII };

/* Nonzero when translation v[0..n) may be read from mo as UTF-8: valid
 * UTF-8, and ASCII when the file is ASCII. */
int errcat__mo_text_ok(const struct errcat__mo *mo, const char *v, size_t n);

/*
 * Checks a .mo image in memory: magic in either byte order, revision,
 * table bounds, every string inside the file and NUL-terminated there.
 * Borrows data, which must outlive mo. Returns 0 or ERRCAT_EINVAL.
 * Thread-safe; no allocation.
 */
int errcat__mo_parse(const void *data, size_t size, struct errcat__mo *mo);

/*
 * Files this large are read lazily by errcat__mo_open_lazy. Reading a
 * file whole costs a fresh page of memory (a page fault) per 4 KiB, the
 * largest part of a small locale's first use, while a first lookup needs
 * only the tables and one pair; below four pages the whole read costs
 * about what the lazy one does and later lookups make no system call.
 */
#define ERRCAT__MO_LAZY_MIN ((size_t)16 << 10)

/*
 * Reads the .mo file at path and checks it as errcat__mo_parse does.
 * Returns 0; ERRCAT_ENOENT when the file is missing, unreadable or not a
 * regular file; ERRCAT_EINVAL when it is not a valid .mo file or larger
 * than ERRCAT__MO_MAX; ERRCAT_ENOMEM. Free with errcat__mo_close.
 */
int errcat__mo_open(const char *path, struct errcat__mo *mo);
void errcat__mo_close(struct errcat__mo *mo);

/*
 * The same, but a file of ERRCAT__MO_LAZY_MIN bytes or more whose tables
 * come first (as msgfmt writes them) is read lazily: its header and tables
 * now, checked as always but for where each string lies and its
 * terminating NUL, and each string when it is asked for
 * (errcat__mo_value_copy, errcat__mo_find), by pread from the file kept
 * open, checked then (inside the file, terminated): no mmap, so a file
 * cut short under us means a string missing, never SIGBUS. A string out
 * of bounds is one text missing, not the whole file refused.
 * errcat__mo_pair is not for such a file (mo->lazy).
 */
int errcat__mo_open_lazy(const char *path, struct errcat__mo *mo);

/* The length of pair i's translation, and a copy of it with its NUL into
 * dst (length + 1 bytes); 0, or -1 when it cannot be read or is not
 * terminated. For a lazily read file, i comes from errcat__mo_find, which
 * checked that the file is unchanged, or from the open. Thread-safe. */
size_t errcat__mo_value_len(const struct errcat__mo *mo, uint32_t i);
int errcat__mo_value_copy(const struct errcat__mo *mo, uint32_t i,
                          char *dst);

/*
 * String pair i (< mo->n): key and translation with their lengths. Both
 * lie inside the file and end with a NUL at [len]; either may hold an
 * embedded NUL (plural forms), which callers must check for.
 */
void errcat__mo_pair(const struct errcat__mo *mo, uint32_t i,
                     const char **key, size_t *key_len,
                     const char **val, size_t *val_len);

/* ---- translation.c ------------------------------------------------------ */

/*
 * Nonzero when tr[0..n) may stand in for the source text src of format
 * fmt: valid UTF-8 without NUL, only supported placeholders, and the same
 * arguments as src with the same types (printf: class and size as msgfmt
 * -c compares them; Python: s r a / integers / floats / c) or brace specs,
 * by position, %N$ number or name; an argument may be used twice.
 */
int errcat__translation_ok(const char *src, enum errcat_format fmt,
                           const char *tr, size_t n);

/*
 * The argument names of a named-style source text (PYTHON, BRACE), each
 * once, in order of first appearance: the order of the caller's args.
 * Stores up to max (offset, length) pairs into src; returns the count of
 * distinct names, which may exceed max.
 */
size_t errcat__arg_names(const char *src, enum errcat_format fmt,
                         size_t *off, size_t *len, size_t max);

/* Scan mode for a text of format fmt. */

/* ---- format.c ----------------------------------------------------------- */

/* Characters (UTF-8 lead bytes) of s[0..n). */
size_t errcat__utf8_chars(const char *s, size_t n);

/*
 * Substitutes args into tmpl, a text of format fmt whose source text is
 * src (which orders named arguments); snprintf-style into buf[0..size),
 * never splitting a UTF-8 sequence; returns the length needed. A missing
 * or NULL argument leaves its placeholder as written.
 */
size_t errcat__format(const char *tmpl, const char *src,
                      enum errcat_format fmt, const char *const *args,
                      size_t nargs, char *buf, size_t size);

/* The same; with isolate, each argument substituted is wrapped in U+2068
 * FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE, so that the
 * bidi algorithm cannot reorder it into right-to-left text. */
size_t errcat__format_ex(const char *tmpl, const char *src,
                         enum errcat_format fmt, const char *const *args,
                         size_t nargs, int isolate, char *buf, size_t size);

/* ---- locale_name.c ------------------------------------------------------ */

/* A locale name taken apart: language, territory, codeset, modifier. */
struct errcat__lname {
    char lang[9];
    char script[5];             /* BCP 47 script, lower case: "hant" */
    char terr[4];
    char codeset[ERRCAT_LOCALE_NAME_MAX + 1];
    char modifier[ERRCAT_LOCALE_NAME_MAX + 1];
    int english_c;              /* "C", "POSIX", "C.UTF-8": the source */
    int bcp47;                  /* written with '-': a BCP 47 tag */
};

/* Nonzero when name may be used to build a path: 1..64 bytes of
 * [A-Za-z0-9_.@-], no "..". Checked before anything else is done. */
int errcat__locale_name_safe(const char *name);

/*
 * Parses a POSIX (ll_CC.codeset@mod) or BCP 47 (ll-Script-CC) name.
 * Variants and extensions are dropped; the script is kept for the chain.
 * Returns 0 or ERRCAT_EINVAL.
 */
int errcat__locale_parse(const char *name, struct errcat__lname *ln);

/* Nonzero when the language of ln is written right to left (ar, fa, he,
 * ur, ...), or its script is (Arab, Hebr, ...). */
int errcat__rtl(const struct errcat__lname *ln);

/* The fallback chain of ln, most specific first, without the source
 * English, in gettext's order: ll_CC.cs@mod, ll_CC@mod, ll.cs@mod, ll@mod,
 * ll_CC.cs, ll_CC, ll.cs, ll (those whose parts ln has). Chinese BCP 47
 * tags and plain "zh" go by script instead: Traditional (zh-Hant-*, zh-TW,
 * zh-HK, zh-MO) to zh_CC then zh_TW, Simplified (zh, zh-Hans-*, zh-CN,
 * zh-SG) to zh_CC, zh_CN, zh, never crossing scripts. Returns the count
 * written into out; 0 for "C". */
#define ERRCAT__CHAIN_MAX 8
size_t errcat__locale_chain(const struct errcat__lname *ln,
                            char out[][ERRCAT_LOCALE_NAME_MAX + 1]);

/*
 * The locales the environment asks for, by GNU gettext's rules: the first
 * non-empty of LC_ALL, LC_MESSAGES, LANG; unset, "C" or "POSIX" mean the
 * source English (LANGUAGE ignored, as glibc ignores it in the C locale);
 * otherwise (C.UTF-8 included) each entry of LANGUAGE in turn, if it is
 * set and non-empty, until a "C" or "POSIX" entry, else the locale
 * itself. Calls try(name, ctx) with each candidate, a checked-safe name,
 * until it returns nonzero; returns that value, or 0 when none did (the
 * source English). Reads the environment on every call.
 */
int errcat__env_locales(int (*try)(const char *name, void *ctx), void *ctx);

/* Nonzero when name asks for English, which the source texts serve:
 * "en", "en_US.UTF-8", "en-GB", any case. */
int errcat__english_name(const char *name);

/* A hash of s[0..n), eight bytes at a time: loading a locale hashes every
 * key, so bytewise FNV would be the largest cost of loading. */
static inline unsigned
errcat__hash_n(const char *s, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15u ^ n, w;

    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdu;
        h ^= h >> 29;
    }
    w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
    return (unsigned)(h ^ h >> 32);
}


/* ---- accept.c ----------------------------------------------------------- */

#define ERRCAT__ACCEPT_MAX 64   /* best items considered of a header */

struct errcat__accept_item {
    const char *tag;            /* into the header; not terminated */
    size_t len;
    unsigned q;                 /* 1..1000 */
    size_t order;               /* position in the header */
};

/*
 * Parses an Accept-Language header (RFC 9110 12.5.4): keeps the max best
 * acceptable items (q > 0), sorted by q, then header order; skips
 * malformed items; a tag repeated (in any case) counts once, with its best
 * q. Linear in the header's length. Returns the count.
 */
size_t errcat__accept_parse(const char *header,
                            struct errcat__accept_item *items, size_t max);

/*
 * Nonzero when the header says tag is not acceptable: an item with q=0
 * whose range is tag itself, ignoring case (as webob reads q=0: a range
 * excludes itself, not the shorter tags it falls back to, nor the longer
 * ones it would match). Linear in the header's length.
 */
int errcat__accept_excluded(const char *header, const char *tag);

/* ---- match.c ------------------------------------------------------------ */

/*
 * Matches msg[0..n) against the template src of format fmt: its literal
 * parts must match exactly, each placeholder's field must be text its
 * conversion produces (a number for %d, one character for %c, any text
 * for %s; padded to its width), and the split is the first that works,
 * as errcat_match documents. On a match returns the count of literal
 * bytes + 1 (the rank: more literal text is a more specific match),
 * stores the argument count in *nargs and each argument's (offset,
 * length) in msg, without padding, in the order errcat__format takes
 * them, into off/len (up to max). Returns 0 when msg does not match or
 * the trial budget is spent. No allocation.
 */
size_t errcat__match_template(const char *src, enum errcat_format fmt,
                              const char *msg, size_t n, size_t *off,
                              size_t *len, size_t max, size_t *nargs);

/* ---- locale.c ----------------------------------------------------------- */

/*
 * A catalog's locale list holds two kinds of node: a loaded locale (its
 * .mo image and one text per catalog text) and an alias, a name as asked
 * ("de_DE.UTF-8", "zh-Hans") and the locale it resolved to. Nodes are
 * pushed at the head under the lock and never change afterwards.
 */
enum errcat__node_kind {
    ERRCAT__NODE_LOADED,
    ERRCAT__NODE_ALIAS
};

struct errcat__owned;

struct errcat_locale {
    struct errcat_locale *next;
    const struct errcat_catalog *cat;       /* NULL: English, any catalog */
    const struct errcat_locale *target;     /* alias: the locale used */
    const char **texts;         /* loaded: text index -> text, NULL until
                                   its first use (errcat__locale_text);
                                   NULL array: English */
    const char **desc;          /* loaded: serial -> description (the
                                   fallback for retired serials), for
                                   errcat_describe's one-load path */
    unsigned desc_base;         /* the catalog's base, and how many */
    unsigned desc_n;            /* serials desc holds; 0 without desc */
    struct errcat__mo mo;       /* loaded: the .mo file, checked; texts
                                   point into it (owned unless borrowed) */
    struct errcat__owned *owned;    /* loaded: the texts read from a
                                   lazily read file, a list, atomic */
    struct errcat__mo_index mo_index;   /* loaded: keys, when the file has
                                   no usable hash table */
    const struct errcat_locale *parent; /* loaded: the next locale present
                                   down the chain, or NULL */
    enum errcat__node_kind kind;
    char name[ERRCAT_LOCALE_NAME_MAX + 1];
    int rtl;                    /* loaded: written right to left */
    const char *fallback[ERRCAT_MODULE + 1];    /* loaded: the texts of an
                                   unknown entry in errcat's own domain,
                                   set atomically on first use */
};

/* The text of an unknown entry's field in loc's language. Lock-free
 * after its first use in loc. */
const char *errcat__unknown_text(const struct errcat_locale *loc,
                                 enum errcat_field field);

/* Text t (< n_texts) of loaded locale l, checked on its first use;
 * lock-free, no allocation. */
const char *errcat__locale_text(const struct errcat_locale *l, unsigned t);

/* The locale handle for English source texts, shared by all catalogs. */
extern const struct errcat_locale errcat__english;

/*
 * For tests and fuzz targets: builds a locale of cat from a .mo image in
 * memory (borrowed; it must outlive the node), checked and filled as a
 * file would be, without publishing it or looking down the chain. Returns
 * 0, ERRCAT_EINVAL or ERRCAT_ENOMEM. Free with errcat__locale_free.
 */
int errcat__locale_build(const struct errcat_catalog *cat, const void *data,
                         size_t size, struct errcat_locale **out);
void errcat__locale_free(struct errcat_locale *l);

/* Aliases cached per catalog; names past this are resolved afresh on
 * every call, so hostile names cannot grow memory. */
#define ERRCAT__ALIAS_MAX 128

#endif
