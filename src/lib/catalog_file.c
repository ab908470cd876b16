/*
 * catalog_file.c - loads a compiled catalog file (compiled.h) into a
 * struct errcat_catalog that every function of errcat.h takes, trusting
 * nothing in it: every offset and count bounded by the file, every string
 * NUL-terminated UTF-8 inside the strings area, every index in range,
 * the serial index and the code hash consistent with the entries. Work is
 * linear in the file's size whatever the file holds.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compiled.h"
#include "errcat_int.h"

/* A loaded catalog: the struct apps see first, so close finds the rest. */
struct loaded {
    struct errcat_catalog cat;
    struct errcat_cache cache;
    unsigned char *image;           /* the file; strings point into it */
    struct errcat_entry *entries;
    struct errcat_module *modules;
    struct errcat_text *texts;
    unsigned *by_serial;
    unsigned *code_hash;
};

/* The image being checked, and where the first problem is. */
struct reader {
    const unsigned char *data;
    size_t size;
    uint32_t strings, strings_size;
    unsigned char *starts;          /* bit per strings byte: a string
                                       starts there */
    struct errcat_file_error *err;
};

static uint32_t
get32(const struct reader *r, size_t off)
{
    const unsigned char *p = r->data + off;

    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16
        | (uint32_t)p[3] << 24;
}

static unsigned
get16(const struct reader *r, size_t off)
{
    return (unsigned)r->data[off] | (unsigned)r->data[off + 1] << 8;
}

/* Records the problem at off; returns ERRCAT_EINVAL for the caller. */
static int
bad(const struct reader *r, size_t off, const char *reason)
{
    if (r->err) {
        r->err->offset = (unsigned long)off;
        r->err->reason = reason;
    }
    return ERRCAT_EINVAL;
}

/* Checks the header's fixed part: magic, version, size, reserved. */
static int
check_header(const struct reader *r)
{
    size_t i;

    if (r->size < ERRCAT__CC_HEADER
        || memcmp(r->data, ERRCAT__CC_MAGIC, ERRCAT__CC_MAGIC_LEN) != 0)
        return bad(r, 0, "not a compiled errcat catalog (bad magic)");
    if (get32(r, ERRCAT__CC_H_VERSION) != ERRCAT__CC_VERSION)
        return bad(r, ERRCAT__CC_H_VERSION, "unsupported format version");
    for (i = ERRCAT__CC_H_RESERVED; i < ERRCAT__CC_HEADER; i++)
        if (r->data[i] != 0)
            return bad(r, i, "reserved header byte not zero");
    return 0;
}

/* Character classes of the names' forms. */
enum {
    C_LOWER = 1, C_UPPER = 2, C_DIGIT = 4, C_UNDERSCORE = 8, C_DASH = 16,
    C_DOT = 32
};

/* The class of each byte; 0 for all but those above. */
static unsigned char
class_of(unsigned char c)
{
    if (c >= 'a' && c <= 'z')
        return C_LOWER;
    if (c >= 'A' && c <= 'Z')
        return C_UPPER;
    if (c >= '0' && c <= '9')
        return C_DIGIT;
    return c == '_' ? C_UNDERSCORE : c == '-' ? C_DASH : c == '.' ? C_DOT : 0;
}

/* The schema's forms of names: they reach paths (the domain) and C-like
 * identifiers (prefix, ids), so they are checked as errcat-gen does. */
struct form {
    unsigned char first, rest;      /* classes allowed */
    size_t max;                     /* bytes */
};

static const struct form name_form = {
    C_LOWER, C_LOWER | C_DIGIT | C_UNDERSCORE, 32
};
static const struct form domain_form = {
    C_UPPER | C_LOWER | C_DIGIT,
    C_UPPER | C_LOWER | C_DIGIT | C_UNDERSCORE | C_DOT | C_DASH, 64
};
static const struct form prefix_form = {
    C_UPPER, C_UPPER | C_DIGIT | C_UNDERSCORE, 32
};
static const struct form id_form = {
    C_UPPER | C_LOWER | C_UNDERSCORE,
    C_UPPER | C_LOWER | C_DIGIT | C_UNDERSCORE | C_DASH, 64
};
static const struct form module_form = {
    C_UPPER | C_LOWER | C_UNDERSCORE,
    C_UPPER | C_LOWER | C_DIGIT | C_UNDERSCORE | C_DASH, 4096
};

/* Nonzero when s has 1..f->max bytes, the first of a class in f->first
 * and the others in f->rest. */
static int
form_ok(const char *s, const struct form *f)
{
    size_t i;

    if (!(class_of((unsigned char)s[0]) & f->first))
        return 0;
    for (i = 1; s[i]; i++)
        if (i >= f->max || !(class_of((unsigned char)s[i]) & f->rest))
            return 0;
    return 1;
}

/* Nonzero when s[0..n) is all ASCII, eight bytes at a time: most texts
 * are, and need no decoding. */
static int
all_ascii(const char *s, size_t n)
{
    uint64_t w, any = 0;
    size_t i = 0;

    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        any |= w;
    }
    for (; i < n; i++)
        any |= (unsigned char)s[i];
    return (any & 0x8080808080808080u) == 0;
}

/*
 * Walks the strings area once: it must end with a NUL, every string in
 * it must be UTF-8; marks where each string starts.
 */
static int
scan_strings(struct reader *r)
{
    const char *s = (const char *)r->data + r->strings;
    size_t n = r->strings_size, i = 0, end;

    if (n == 0)
        return 0;
    if (s[n - 1] != '\0')
        return bad(r, r->strings + n - 1, "strings area not NUL-terminated");
    if ((r->starts = errcat__calloc(n / 8 + 1, 1)) == NULL)
        return ERRCAT_ENOMEM;
    while (i < n) {
        const char *nul = memchr(s + i, '\0', n - i);

        end = (size_t)(nul - s);
        if (!all_ascii(s + i, end - i) && !errcat__utf8_valid(s + i, end - i))
            return bad(r, r->strings + i, "string not valid UTF-8");
        r->starts[i / 8] |= (unsigned char)(1u << (i % 8));
        i = end + 1;
    }
    return 0;
}

/*
 * The string whose offset is the u32 at file offset at: *out points to
 * it, or NULL when absent and absent_ok. Returns 0 or ERRCAT_EINVAL.
 */
static int
string_at(const struct reader *r, const unsigned char *image, size_t at,
          int absent_ok, const char **out)
{
    uint32_t off = get32(r, at);

    *out = NULL;
    if (off == ERRCAT__CC_ABSENT && absent_ok)
        return 0;
    if (off >= r->strings_size || !(r->starts[off / 8] & (1u << (off % 8))))
        return bad(r, at, "string offset not at a string");
    *out = (const char *)image + r->strings + off;
    return 0;
}

/* Nonzero when the table of n records of size bytes at file offset off
 * lies inside the file, after the header and outside the strings. */
static int
table_ok(const struct reader *r, uint32_t off, uint64_t n, size_t size)
{
    uint64_t end = (uint64_t)off + n * size;

    if (n == 0)
        return 1;
    return off >= ERRCAT__CC_HEADER && end <= r->size
        && (end <= r->strings
            || off >= (uint64_t)r->strings + r->strings_size);
}

/* Index t of a table of n: in range. */
static int
index_ok(uint32_t t, uint32_t n)
{
    return t < n;
}

static int
check_texts(struct reader *r, struct loaded *l, uint32_t at)
{
    uint32_t i;
    const char *key;
    int rc;

    for (i = 0; i < l->cat.n_texts; i++, at += ERRCAT__CC_TEXT) {
        uint32_t key_off = get32(r, at + ERRCAT__CC_T_KEY);
        uint32_t msgid = get32(r, at + ERRCAT__CC_T_MSGID);
        uint32_t k;

        if ((rc = string_at(r, l->image, at + ERRCAT__CC_T_KEY, 0, &key)) != 0)
            return rc;
        /* msgid follows "ctxt\004" inside the key */
        if (msgid <= key_off + 1 || msgid - key_off - 1 > ERRCAT__CC_CTXT_MAX)
            return bad(r, at + ERRCAT__CC_T_MSGID, "text msgid not in key");
        for (k = 0; k < msgid - key_off - 1; k++)
            if (key[k] == '\0' || key[k] == '\004')
                return bad(r, at + ERRCAT__CC_T_MSGID,
                           "text msgid not in key");
        if (key[k] != '\004')
            return bad(r, at + ERRCAT__CC_T_MSGID, "text msgid not in key");
        if (r->data[at + ERRCAT__CC_T_FORMAT] > ERRCAT_FORMAT_BRACE)
            return bad(r, at + ERRCAT__CC_T_FORMAT, "unknown text format");
        if (get16(r, at + ERRCAT__CC_T_RESERVED) != 0)
            return bad(r, at + ERRCAT__CC_T_RESERVED, "reserved field not zero");
        l->texts[i].key = key;
        l->texts[i].msgid = key + k + 1;
        l->texts[i].format = r->data[at + ERRCAT__CC_T_FORMAT];
        l->texts[i].nargs = r->data[at + ERRCAT__CC_T_NARGS];
    }
    return 0;
}

static int
check_modules(struct reader *r, struct loaded *l, uint32_t at)
{
    uint32_t i;
    int rc;

    for (i = 0; i < l->cat.n_modules; i++, at += ERRCAT__CC_MODULE) {
        if ((rc = string_at(r, l->image, at + ERRCAT__CC_M_ID, 0,
                            &l->modules[i].id)) != 0)
            return rc;
        if (!form_ok(l->modules[i].id, &module_form))
            return bad(r, at + ERRCAT__CC_M_ID, "bad module id");
        l->modules[i].name = get32(r, at + ERRCAT__CC_M_NAME);
        if (!index_ok(l->modules[i].name, l->cat.n_texts))
            return bad(r, at + ERRCAT__CC_M_NAME, "module name out of range");
    }
    return 0;
}

/* One entry's fields, each in range; chains and indexes come after. */
static int
check_entry(struct reader *r, struct loaded *l, uint32_t at,
            struct errcat_entry *e)
{
    static const size_t text_field[3] = {
        ERRCAT__CC_E_DESCRIPTION, ERRCAT__CC_E_MESSAGE, ERRCAT__CC_E_MEASURE
    };
    unsigned *text[3];
    uint32_t v;
    size_t f;
    int rc;

    text[0] = &e->description;
    text[1] = &e->message;
    text[2] = &e->measure;
    if ((rc = string_at(r, l->image, at + ERRCAT__CC_E_ID, 0, &e->id)) != 0)
        return rc;
    if (!form_ok(e->id, &id_form))
        return bad(r, at + ERRCAT__CC_E_ID, "bad entry id");
    if ((rc = string_at(r, l->image, at + ERRCAT__CC_E_CODE, 1,
                        &e->code)) != 0)
        return rc;
    if (e->code && e->code[0] == '\0')
        return bad(r, at + ERRCAT__CC_E_CODE, "empty entry code");
    v = get32(r, at + ERRCAT__CC_E_VALUE);
    if (v >> ERRCAT_SERIAL_BITS != (uint32_t)l->cat.number
        || (v & ERRCAT_SERIAL_MAX) >= l->cat.n_serials)
        return bad(r, at + ERRCAT__CC_E_VALUE, "entry value out of range");
    e->value = (int)v;
    e->http_status = (unsigned short)get16(r, at + ERRCAT__CC_E_HTTP_STATUS);
    if (e->http_status != 0 && (e->http_status < 100 || e->http_status > 599))
        return bad(r, at + ERRCAT__CC_E_HTTP_STATUS,
                   "HTTP status out of range");
    e->module = (unsigned short)get16(r, at + ERRCAT__CC_E_MODULE);
    if (e->module >= l->cat.n_modules && e->module != ERRCAT_NO_MODULE)
        return bad(r, at + ERRCAT__CC_E_MODULE, "module out of range");
    e->flags = get32(r, at + ERRCAT__CC_E_FLAGS);
    if (e->flags & ~ERRCAT_ENTRY_UNUSED)
        return bad(r, at + ERRCAT__CC_E_FLAGS, "unknown entry flag");
    for (f = 0; f < 3; f++) {
        *text[f] = get32(r, at + text_field[f]);
        if (!index_ok(*text[f], l->cat.n_texts) && *text[f] != ERRCAT_NO_TEXT)
            return bad(r, at + text_field[f], "text index out of range");
    }
    e->next_same_code = get32(r, at + ERRCAT__CC_E_NEXT_SAME_CODE);
    return 0;
}

/*
 * The links between entries: each next_same_code points forward to an
 * entry with the same code, no entry is pointed to twice (so the chains
 * end); each serial of by_serial names the entry whose value it is and
 * each entry is named once; the code hash finds the first entry of every
 * code and holds nothing else. An entry without a code is in no chain and
 * not in the hash.
 */
static int
check_links(struct reader *r, struct loaded *l, uint32_t entries,
            uint32_t by_serial, uint32_t code_hash)
{
    const struct errcat_catalog *c = &l->cat;
    unsigned char *seen = errcat__calloc(c->n_entries + 1, 1);
    uint32_t i, slots = 0, heads = 0;
    int rc = 0;

    if (seen == NULL)
        return ERRCAT_ENOMEM;
    for (i = 0; i < c->n_entries && rc == 0; i++) {
        uint32_t n = l->entries[i].next_same_code;
        size_t at = entries + (size_t)i * ERRCAT__CC_ENTRY
            + ERRCAT__CC_E_NEXT_SAME_CODE;

        if (n == 0)
            continue;
        if (n <= i + 1 || n > c->n_entries || seen[n - 1]
            || l->entries[i].code == NULL || l->entries[n - 1].code == NULL
            || strcmp(l->entries[n - 1].code, l->entries[i].code) != 0)
            rc = bad(r, at, "bad next entry of the same code");
        else
            seen[n - 1] = 1;
    }
    for (i = 0; i < c->n_serials && rc == 0; i++) {
        uint32_t e = l->by_serial[i] = get32(r, by_serial + 4 * (size_t)i);

        if (e == 0)
            continue;
        if (e > c->n_entries
            || (unsigned)l->entries[e - 1].value != (unsigned)c->base + i)
            rc = bad(r, by_serial + 4 * (size_t)i, "bad serial index");
    }
    for (i = 0; i < c->n_entries && rc == 0; i++) {
        unsigned s = (unsigned)l->entries[i].value & ERRCAT_SERIAL_MAX;

        if (l->by_serial[s] != i + 1)
            rc = bad(r, entries + (size_t)i * ERRCAT__CC_ENTRY
                     + ERRCAT__CC_E_VALUE, "entry missing from serial index");
    }
    for (i = 0; i <= c->code_mask && rc == 0; i++) {
        uint32_t e = l->code_hash[i] = get32(r, code_hash + 4 * (size_t)i);

        if (e == 0)
            continue;
        slots++;
        if (e > c->n_entries || seen[e - 1] || l->entries[e - 1].code == NULL)
            rc = bad(r, code_hash + 4 * (size_t)i, "bad code hash slot");
    }
    for (i = 0; i < c->n_entries && rc == 0; i++) {
        if (seen[i] || l->entries[i].code == NULL)
            continue;
        heads++;
        if (errcat_find_code(c, l->entries[i].code) != &l->entries[i])
            rc = bad(r, entries + (size_t)i * ERRCAT__CC_ENTRY
                     + ERRCAT__CC_E_CODE, "code missing from code hash");
    }
    /* each code's first entry was found; no slot holds anything else */
    if (rc == 0 && slots != heads)
        rc = bad(r, code_hash, "code hash holds an entry twice");
    errcat__free(seen);
    return rc;
}

/* A header string (name, domain, prefix): inside the first
 * ERRCAT__CC_HEAD bytes, so that errcat_catalog_peek reads it alone, and
 * of the schema's form. */
static int
head_string(const struct reader *r, const unsigned char *image, size_t at,
            const char **out, const struct form *f)
{
    int rc = string_at(r, image, at, 0, out);

    if (rc != 0)
        return rc;
    if (r->strings + (size_t)get32(r, at) + strlen(*out) + 1 > ERRCAT__CC_HEAD)
        return bad(r, at, "header string beyond the file's head");
    if (!form_ok(*out, f))
        return bad(r, at, "bad catalog name, domain or prefix");
    return 0;
}

/* Checks the header's counts and tables against the file. */
static int
check_layout(struct reader *r)
{
    static const struct {
        size_t field, count, size;
    } tables[] = {
        { ERRCAT__CC_H_ENTRIES, ERRCAT__CC_H_N_ENTRIES, ERRCAT__CC_ENTRY },
        { ERRCAT__CC_H_MODULES, ERRCAT__CC_H_N_MODULES, ERRCAT__CC_MODULE },
        { ERRCAT__CC_H_TEXTS, ERRCAT__CC_H_N_TEXTS, ERRCAT__CC_TEXT },
        { ERRCAT__CC_H_BY_SERIAL, ERRCAT__CC_H_N_SERIALS, 4 },
    };
    uint32_t number = get32(r, ERRCAT__CC_H_NUMBER);
    uint32_t mask = get32(r, ERRCAT__CC_H_CODE_MASK);
    size_t i;

    if (get32(r, ERRCAT__CC_H_SIZE) != r->size)
        return bad(r, ERRCAT__CC_H_SIZE, "file size differs from header "
                   "(truncated?)");
    if (number < 1 || number > ERRCAT_NUMBER_MAX)
        return bad(r, ERRCAT__CC_H_NUMBER, "catalog number out of range");
    r->strings = get32(r, ERRCAT__CC_H_STRINGS);
    r->strings_size = get32(r, ERRCAT__CC_H_STRINGS_SIZE);
    if (r->strings < ERRCAT__CC_HEADER
        || (uint64_t)r->strings + r->strings_size > r->size)
        return bad(r, ERRCAT__CC_H_STRINGS, "strings area outside the file");
    if (get32(r, ERRCAT__CC_H_N_SERIALS) > ERRCAT_SERIAL_MAX + 1u)
        return bad(r, ERRCAT__CC_H_N_SERIALS, "too many serials");
    if (get32(r, ERRCAT__CC_H_N_ENTRIES) > get32(r, ERRCAT__CC_H_N_SERIALS))
        return bad(r, ERRCAT__CC_H_N_ENTRIES, "more entries than serials");
    if (get32(r, ERRCAT__CC_H_N_MODULES) > ERRCAT__CC_NO_MODULE)
        return bad(r, ERRCAT__CC_H_N_MODULES, "too many modules");
    for (i = 0; i < sizeof tables / sizeof *tables; i++)
        if (!table_ok(r, get32(r, tables[i].field),
                      get32(r, tables[i].count), tables[i].size))
            return bad(r, tables[i].field, "table outside the file");
    if ((mask & (mask + 1)) != 0 || mask == 0xffffffffu
        || !table_ok(r, get32(r, ERRCAT__CC_H_CODE_HASH),
                     (uint64_t)mask + 1, 4))
        return bad(r, ERRCAT__CC_H_CODE_MASK, "bad code hash table");
    return 0;
}

static int
parse(struct reader *r, struct loaded *l)
{
    struct errcat_catalog *c = &l->cat;
    uint32_t i, at;
    int rc;

    if ((rc = check_header(r)) != 0 || (rc = check_layout(r)) != 0
        || (rc = scan_strings(r)) != 0)
        return rc;
    if ((rc = head_string(r, l->image, ERRCAT__CC_H_NAME, &c->name,
                          &name_form)) != 0
        || (rc = head_string(r, l->image, ERRCAT__CC_H_DOMAIN, &c->domain,
                             &domain_form)) != 0
        || (rc = head_string(r, l->image, ERRCAT__CC_H_PREFIX, &c->prefix,
                             &prefix_form)) != 0
        || (rc = string_at(r, l->image, ERRCAT__CC_H_SOURCE, 0,
                           &c->source)) != 0)
        return rc;
    c->abi = ERRCAT_ABI_VERSION;
    c->number = (int)get32(r, ERRCAT__CC_H_NUMBER);
    c->base = c->number << ERRCAT_SERIAL_BITS;
    c->n_entries = get32(r, ERRCAT__CC_H_N_ENTRIES);
    c->n_modules = get32(r, ERRCAT__CC_H_N_MODULES);
    c->n_texts = get32(r, ERRCAT__CC_H_N_TEXTS);
    c->n_serials = get32(r, ERRCAT__CC_H_N_SERIALS);
    c->code_mask = get32(r, ERRCAT__CC_H_CODE_MASK);
    if ((l->entries = errcat__calloc(c->n_entries + 1, sizeof *l->entries))
        == NULL
        || (l->modules = errcat__calloc(c->n_modules + 1, sizeof *l->modules))
        == NULL
        || (l->texts = errcat__calloc(c->n_texts + 1, sizeof *l->texts))
        == NULL
        || (l->by_serial = errcat__calloc(c->n_serials + 1,
                                          sizeof *l->by_serial)) == NULL
        || (l->code_hash = errcat__calloc((size_t)c->code_mask + 1,
                                          sizeof *l->code_hash)) == NULL)
        return ERRCAT_ENOMEM;
    if ((rc = check_texts(r, l, get32(r, ERRCAT__CC_H_TEXTS))) != 0
        || (rc = check_modules(r, l, get32(r, ERRCAT__CC_H_MODULES))) != 0)
        return rc;
    at = get32(r, ERRCAT__CC_H_ENTRIES);
    for (i = 0; i < c->n_entries; i++)
        if ((rc = check_entry(r, l, at + i * ERRCAT__CC_ENTRY,
                              &l->entries[i])) != 0)
            return rc;
    c->entries = l->entries;
    c->modules = l->modules;
    c->texts = l->texts;
    c->by_serial = l->by_serial;
    c->code_hash = l->code_hash;
    c->cache = &l->cache;
    return check_links(r, l, at, get32(r, ERRCAT__CC_H_BY_SERIAL),
                       get32(r, ERRCAT__CC_H_CODE_HASH));
}

static void
free_loaded(struct loaded *l)
{
    if (l == NULL)
        return;
    errcat__free(l->image);
    errcat__free(l->entries);
    errcat__free(l->modules);
    errcat__free(l->texts);
    errcat__free(l->by_serial);
    errcat__free(l->code_hash);
    errcat__free(l);
}

/* Fills err for a failure found before the contents were looked at. */
static int
fail(struct errcat_file_error *err, int rc, const char *reason)
{
    if (err) {
        err->offset = 0;
        err->reason = reason;
    }
    return rc;
}

/* Checks image[0..size), which l owns, and yields l's catalog. */
static int
finish(struct loaded *l, size_t size, const struct errcat_catalog **out,
       struct errcat_file_error *err)
{
    struct reader r;
    int rc;

    memset(&r, 0, sizeof r);
    r.data = l->image;
    r.size = size;
    r.err = err;
    rc = parse(&r, l);
    errcat__free(r.starts);
    if (rc == ERRCAT_ENOMEM)
        fail(err, rc, "out of memory");
    if (rc != 0) {
        free_loaded(l);
        return rc;
    }
    *out = &l->cat;
    return 0;
}

int
errcat_catalog_load(const void *data, size_t size,
                    const struct errcat_catalog **out,
                    struct errcat_file_error *err)
{
    struct loaded *l;

    if (out == NULL)
        return fail(err, ERRCAT_EINVAL, "no place for the catalog");
    *out = NULL;
    if (data == NULL)
        return fail(err, ERRCAT_EINVAL, "no data");
    if (size > ERRCAT_CATALOG_FILE_MAX)
        return fail(err, ERRCAT_ETOOBIG, "file larger than 256 MiB");
    if ((l = errcat__calloc(1, sizeof *l)) == NULL
        || (l->image = errcat__malloc(size ? size : 1)) == NULL) {
        free_loaded(l);
        return fail(err, ERRCAT_ENOMEM, "out of memory");
    }
    memcpy(l->image, data, size);
    return finish(l, size, out, err);
}

/* Opens path for reading without hanging on a FIFO or taking a
 * terminal; *size from fstat. Returns the fd or a negative status. */
static int
open_regular(const char *path, size_t *size, struct errcat_file_error *err)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);

    if (fd < 0)
        return fail(err, ERRCAT_ENOENT, errno == ENOENT ? "no such file"
                    : "cannot be opened");
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return fail(err, ERRCAT_ENOENT, "not a regular file");
    }
    if ((uint64_t)st.st_size > ERRCAT_CATALOG_FILE_MAX) {
        close(fd);
        return fail(err, ERRCAT_ETOOBIG, "file larger than 256 MiB");
    }
    *size = (size_t)st.st_size;
    return fd;
}

/* Reads n bytes at offset 0 of fd into buf; 0, or a status (the file
 * shrank, or cannot be read). */
static int
read_at0(int fd, unsigned char *buf, size_t n, struct errcat_file_error *err)
{
    size_t got = 0;
    ssize_t k;

    while (got < n) {
        k = pread(fd, buf + got, n - got, (off_t)got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return fail(err, ERRCAT_ENOENT, "cannot be read");
        if (k == 0)
            return fail(err, ERRCAT_EINVAL, "file shrank while read");
        got += (size_t)k;
    }
    return 0;
}

int
errcat_catalog_open(const char *path, const struct errcat_catalog **out,
                    struct errcat_file_error *err)
{
    struct loaded *l = NULL;
    size_t size = 0;
    int fd, rc;

    if (out == NULL || path == NULL)
        return fail(err, ERRCAT_EINVAL, "no path or no place for the catalog");
    *out = NULL;
    if ((fd = open_regular(path, &size, err)) < 0)
        return fd;
    if ((l = errcat__calloc(1, sizeof *l)) == NULL
        || (l->image = errcat__malloc(size ? size : 1)) == NULL)
        rc = fail(err, ERRCAT_ENOMEM, "out of memory");
    else
        rc = read_at0(fd, l->image, size, err);
    close(fd);
    if (rc != 0) {
        free_loaded(l);
        return rc;
    }
    return finish(l, size, out, err);
}

void
errcat_catalog_close(const struct errcat_catalog *cat)
{
    if (cat == NULL)
        return;
    errcat_catalog_release(cat);
    /* cat is the first member of the struct loaded it was opened into */
    free_loaded((struct loaded *)(void *)(uintptr_t)cat);
}

/* Copies the header string at field `at` of head[0..n) into out[max + 1]
 * when it lies there whole and has the schema's form. */
static int
peek_string(const struct reader *r, size_t at, char *out,
            const struct form *f)
{
    uint64_t off = (uint64_t)r->strings + get32(r, at);
    const char *s = (const char *)r->data + off;
    const char *nul;

    if (off >= r->size || (off > r->strings && s[-1] != '\0')
        || (nul = memchr(s, '\0', r->size - off)) == NULL
        || !form_ok(s, f))
        return bad(r, at, "bad catalog name, domain or prefix");
    memcpy(out, s, (size_t)(nul - s) + 1);
    return 0;
}

/* Longest probe run followed, and longest code compared, by a peek; past
 * them it answers "maybe", which is always safe. */
#define PEEK_PROBES 64
#define PEEK_CODE_MAX 256

/* Reads the u32 at off of fd into *v; nonzero on success. */
static int
pread32(int fd, uint64_t off, uint32_t *v)
{
    unsigned char b[4];
    struct reader r;

    if (pread(fd, b, 4, (off_t)off) != 4)
        return 0;
    r.data = b;
    *v = get32(&r, 0);
    return 1;
}

/*
 * Whether the file on fd, whose head r checked, may hold an entry with
 * code: 0 only when its code hash says certainly not; 1 when it finds
 * the code, and whenever anything is odd, so that the caller opens the
 * file and errcat_catalog_open reports what is wrong.
 */
static int
may_have_code(int fd, const struct reader *r, const char *code)
{
    uint32_t mask = get32(r, ERRCAT__CC_H_CODE_MASK);
    uint32_t hash = get32(r, ERRCAT__CC_H_CODE_HASH);
    uint32_t entries = get32(r, ERRCAT__CC_H_ENTRIES);
    uint32_t n = get32(r, ERRCAT__CC_H_N_ENTRIES);
    uint32_t strings = get32(r, ERRCAT__CC_H_STRINGS);
    uint32_t j, k, idx, off;
    size_t len = strlen(code);
    char buf[PEEK_CODE_MAX + 1];

    if ((mask & (mask + 1)) != 0 || mask == 0xffffffffu
        || len > PEEK_CODE_MAX)
        return 1;
    j = errcat_code_hash(code) & mask;
    for (k = 0; k < PEEK_PROBES && k <= mask; k++, j = (j + 1) & mask) {
        if (!pread32(fd, (uint64_t)hash + 4 * (uint64_t)j, &idx))
            return 1;
        if (idx == 0)
            return 0;
        if (idx > n || !pread32(fd, (uint64_t)entries + (uint64_t)(idx - 1)
                                * ERRCAT__CC_ENTRY + ERRCAT__CC_E_CODE, &off)
            || pread(fd, buf, len + 1, (off_t)((uint64_t)strings + off))
            != (ssize_t)(len + 1))
            return 1;
        if (memcmp(buf, code, len + 1) == 0)
            return 1;
    }
    return 1;
}

int
errcat_catalog_peek(const char *path, const char *code,
                    struct errcat_catalog_info *info,
                    struct errcat_file_error *err)
{
    unsigned char head[ERRCAT__CC_HEAD];
    struct reader r;
    size_t size = 0;
    int fd, rc;

    if (path == NULL || info == NULL)
        return fail(err, ERRCAT_EINVAL, "no path or no place for the header");
    memset(info, 0, sizeof *info);
    if ((fd = open_regular(path, &size, err)) < 0)
        return fd;
    memset(&r, 0, sizeof r);
    r.data = head;
    r.size = size < sizeof head ? size : sizeof head;
    r.err = err;
    if ((rc = read_at0(fd, head, r.size, err)) != 0
        || (rc = check_header(&r)) != 0)
        goto out;
    rc = ERRCAT_EINVAL;
    if (get32(&r, ERRCAT__CC_H_SIZE) != size) {
        bad(&r, ERRCAT__CC_H_SIZE, "file size differs from header "
            "(truncated?)");
        goto out;
    }
    r.strings = get32(&r, ERRCAT__CC_H_STRINGS);
    if (r.strings < ERRCAT__CC_HEADER) {
        bad(&r, ERRCAT__CC_H_STRINGS, "strings area outside the file");
        goto out;
    }
    info->number = (int)get32(&r, ERRCAT__CC_H_NUMBER);
    info->n_entries = get32(&r, ERRCAT__CC_H_N_ENTRIES);
    if (info->number < 1 || info->number > ERRCAT_NUMBER_MAX) {
        bad(&r, ERRCAT__CC_H_NUMBER, "catalog number out of range");
        goto out;
    }
    if ((rc = peek_string(&r, ERRCAT__CC_H_NAME, info->name,
                          &name_form)) != 0
        || (rc = peek_string(&r, ERRCAT__CC_H_DOMAIN, info->domain,
                             &domain_form)) != 0
        || (rc = peek_string(&r, ERRCAT__CC_H_PREFIX, info->prefix,
                             &prefix_form)) != 0)
        goto out;
    info->has_code = code ? may_have_code(fd, &r, code) : 0;
out:
    close(fd);
    if (rc != 0)
        memset(info, 0, sizeof *info);
    return rc;
}
