/*
 * lookup.c - finding entries (by enum value, code, code and status, id),
 * the registry of catalogs that lets apps look values up across catalogs,
 * and the texts of an entry in a locale, with fixed fallbacks for
 * anything unknown.
 */
#include <stdint.h>
#include <string.h>

#include "errcat_int.h"

static const char unknown[] = "unknown";
static const char absent[] = "";        /* what an absent field reads as */

static const struct errcat_catalog *registry[ERRCAT_REGISTRY_MAX];
static size_t registered;

static const struct {
    int status;
    const char *text;
} status_strings[] = {
    { ERRCAT_OK, "success" },
    { ERRCAT_EINVAL, "invalid argument" },
    { ERRCAT_ENOMEM, "out of memory" },
    { ERRCAT_ENOENT, "no such entry" },
    { ERRCAT_ENOMATCH, "error body matches no message" },
    { ERRCAT_EBODY, "not a JSON error body" },
    { ERRCAT_ETOOBIG, "input too large" },
    { ERRCAT_EEXIST, "catalog number or domain already registered" },
    { ERRCAT_EABI, "catalog tables of another ABI version" },
    { ERRCAT_EFULL, "catalog registry full" },
    { ERRCAT_ENUL, "NUL character in the error body's code or message" },
};

const char *
errcat_status_string(int status)
{
    size_t i;

    for (i = 0; i < sizeof status_strings / sizeof *status_strings; i++)
        if (status_strings[i].status == status)
            return status_strings[i].text;
    return "unknown status";
}

/* Nonzero when e points into cat's entries. Text and module indexes are
 * checked where they are used, so a stray pointer cannot lead outside the
 * tables. */
static int
entry_of(const struct errcat_catalog *cat, const struct errcat_entry *e)
{
    uintptr_t p = (uintptr_t)e, b;

    if (cat == NULL || e == NULL || cat->entries == NULL)
        return 0;
    b = (uintptr_t)cat->entries;
    return p >= b && p - b < (uintptr_t)cat->n_entries * sizeof *e;
}

static int
valid(const struct errcat_catalog *cat)
{
    return cat && cat->abi == ERRCAT_ABI_VERSION;
}

/* The entry of value; the lookup path of the hottest calls, kept lean. */
static inline const struct errcat_entry *
find(const struct errcat_catalog *cat, int value)
{
    unsigned serial, i;

    if (!valid(cat) || value < 0 || value >> ERRCAT_SERIAL_BITS != cat->number)
        return NULL;
    serial = (unsigned)value & ERRCAT_SERIAL_MAX;
    if (serial >= cat->n_serials)
        return NULL;
    i = cat->by_serial[serial];
    return i - 1 < cat->n_entries ? &cat->entries[i - 1] : NULL;
}

const struct errcat_entry *
errcat_find(const struct errcat_catalog *cat, int value)
{
    return find(cat, value);
}

const struct errcat_entry *
errcat_find_code(const struct errcat_catalog *cat, const char *code)
{
    unsigned j, i, probes;

    if (!valid(cat) || code == NULL || cat->code_hash == NULL)
        return NULL;
    j = errcat_code_hash(code) & cat->code_mask;
    for (probes = 0; probes <= cat->code_mask; probes++) {
        if ((i = cat->code_hash[j]) == 0 || i > cat->n_entries)
            return NULL;
        if (cat->entries[i - 1].code
            && strcmp(cat->entries[i - 1].code, code) == 0)
            return &cat->entries[i - 1];
        j = (j + 1) & cat->code_mask;
    }
    return NULL;
}

const struct errcat_entry *
errcat_next_same_code(const struct errcat_catalog *cat,
                      const struct errcat_entry *e)
{
    unsigned i;

    if (!entry_of(cat, e) || (i = e->next_same_code) == 0
        || i > cat->n_entries)
        return NULL;
    return &cat->entries[i - 1];
}

const struct errcat_entry *
errcat_find_code_status(const struct errcat_catalog *cat, const char *code,
                        unsigned http_status)
{
    const struct errcat_entry *e;

    for (e = errcat_find_code(cat, code); e; e = errcat_next_same_code(cat, e))
        if (e->http_status == http_status)
            return e;
    return NULL;
}

const struct errcat_entry *
errcat_find_id(const struct errcat_catalog *cat, const char *id)
{
    unsigned i;

    if (!valid(cat) || id == NULL)
        return NULL;
    for (i = 0; i < cat->n_entries; i++)
        if (strcmp(cat->entries[i].id, id) == 0)
            return &cat->entries[i];
    return NULL;
}

size_t
errcat_entry_count(const struct errcat_catalog *cat)
{
    return valid(cat) ? cat->n_entries : 0;
}

const struct errcat_entry *
errcat_entry_at(const struct errcat_catalog *cat, size_t i)
{
    return valid(cat) && i < cat->n_entries ? &cat->entries[i] : NULL;
}

/* ---- Registry ----------------------------------------------------------- */

int
errcat_register(const struct errcat_catalog *cat)
{
    size_t i, n;
    int rc = 0;

    if (cat == NULL)
        return ERRCAT_EINVAL;
    if (cat->abi != ERRCAT_ABI_VERSION)
        return ERRCAT_EABI;
    if (cat->number < 1 || cat->number > ERRCAT_NUMBER_MAX
        || cat->domain == NULL)
        return ERRCAT_EINVAL;
    errcat__lock();
    n = registered;
    for (i = 0; i < n && rc == 0; i++)
        if (registry[i]->number == cat->number
            || strcmp(registry[i]->domain, cat->domain) == 0)
            rc = ERRCAT_EEXIST;
    if (rc == 0 && n == ERRCAT_REGISTRY_MAX)
        rc = ERRCAT_EFULL;
    if (rc == 0) {
        ERRCAT__STORE(registry[n], cat);
        ERRCAT__STORE(registered, n + 1);
    }
    errcat__unlock();
    return rc;
}

int
errcat_unregister(const struct errcat_catalog *cat)
{
    size_t i;
    int rc = ERRCAT_ENOENT;

    errcat__lock();
    for (i = 0; i < registered; i++)
        if (registry[i] == cat) {
            memmove(&registry[i], &registry[i + 1],
                    (registered - i - 1) * sizeof *registry);
            registered--;
            rc = 0;
            break;
        }
    errcat__unlock();
    return rc;
}

size_t
errcat_catalogs(const struct errcat_catalog **out, size_t max)
{
    size_t n = ERRCAT__LOAD(registered), i;

    for (i = 0; i < n && i < max; i++)
        out[i] = ERRCAT__LOAD(registry[i]);
    return n;
}

/* Looks each registered catalog up with find until one answers. */
static const struct errcat_entry *
lookup_each(const char *key, int value,
            const struct errcat_entry *(*find)(const struct errcat_catalog *,
                                               const char *, int),
            const struct errcat_catalog **cat)
{
    size_t n = ERRCAT__LOAD(registered), i;
    const struct errcat_entry *e;

    for (i = 0; i < n; i++) {
        const struct errcat_catalog *c = ERRCAT__LOAD(registry[i]);

        if ((e = find(c, key, value)) != NULL) {
            if (cat)
                *cat = c;
            return e;
        }
    }
    if (cat)
        *cat = NULL;
    return NULL;
}

static const struct errcat_entry *
by_value(const struct errcat_catalog *c, const char *key, int value)
{
    (void)key;
    return errcat_find(c, value);
}

static const struct errcat_entry *
by_code(const struct errcat_catalog *c, const char *key, int value)
{
    (void)value;
    return errcat_find_code(c, key);
}

static const struct errcat_entry *
by_id(const struct errcat_catalog *c, const char *key, int value)
{
    (void)value;
    return errcat_find_id(c, key);
}

const struct errcat_entry *
errcat_lookup(int value, const struct errcat_catalog **cat)
{
    return lookup_each(NULL, value, by_value, cat);
}

const struct errcat_entry *
errcat_lookup_code(const char *code, const struct errcat_catalog **cat)
{
    return lookup_each(code, 0, by_code, cat);
}

const struct errcat_entry *
errcat_lookup_id(const char *id, const struct errcat_catalog **cat)
{
    return lookup_each(id, 0, by_id, cat);
}

/* ---- Fields and texts --------------------------------------------------- */

const char *
errcat_entry_code(const struct errcat_entry *e)
{
    return e ? (e->code ? e->code : absent) : unknown;
}

const char *
errcat_entry_id(const struct errcat_entry *e)
{
    return e ? e->id : unknown;
}

int
errcat_entry_value(const struct errcat_entry *e)
{
    return e ? e->value : 0;
}

unsigned
errcat_entry_http_status(const struct errcat_entry *e)
{
    return e ? e->http_status : 500;
}

int
errcat_entry_unused(const struct errcat_entry *e)
{
    return e ? (e->flags & ERRCAT_ENTRY_UNUSED) != 0 : 0;
}

/* Text t of cat in loc; loc NULL or of another catalog is English. An
   absent text is "", an index out of range the fallback. */
static inline const char *
text_at(const struct errcat_catalog *cat, const struct errcat_locale *loc,
        unsigned t, enum errcat_field field)
{
    if (t == ERRCAT_NO_TEXT)
        return absent;
    if (t >= cat->n_texts)
        return errcat__unknown_text(loc, field);
    if (loc && loc->cat == cat)
        return errcat__locale_text(loc, t);
    return cat->texts[t].msgid;
}

const char *
errcat_text(const struct errcat_catalog *cat, const struct errcat_locale *loc,
            const struct errcat_entry *e, enum errcat_field field)
{
    unsigned t;

    if ((unsigned)field > ERRCAT_MODULE)
        return errcat__unknown_text(loc, ERRCAT_DESCRIPTION);
    if (!valid(cat) || !entry_of(cat, e))
        return errcat__unknown_text(loc, field);
    switch (field) {
    case ERRCAT_DESCRIPTION:
        t = e->description;
        break;
    case ERRCAT_MESSAGE:
        t = e->message;
        break;
    case ERRCAT_MEASURE:
        t = e->measure;
        break;
    default:
        if (e->module == ERRCAT_NO_MODULE)
            return absent;
        if (e->module >= cat->n_modules)
            return errcat__unknown_text(loc, field);
        t = cat->modules[e->module].name;
    }
    return text_at(cat, loc, t, field);
}

const char *
errcat_description(const struct errcat_catalog *cat,
                   const struct errcat_locale *loc,
                   const struct errcat_entry *e)
{
    return errcat_text(cat, loc, e, ERRCAT_DESCRIPTION);
}

const char *
errcat_measure(const struct errcat_catalog *cat,
               const struct errcat_locale *loc, const struct errcat_entry *e)
{
    return errcat_text(cat, loc, e, ERRCAT_MEASURE);
}

const char *
errcat_module_name(const struct errcat_catalog *cat,
                   const struct errcat_locale *loc,
                   const struct errcat_entry *e)
{
    return errcat_text(cat, loc, e, ERRCAT_MODULE);
}

const char *
errcat_message_template(const struct errcat_catalog *cat,
                        const struct errcat_locale *loc,
                        const struct errcat_entry *e)
{
    return errcat_text(cat, loc, e, ERRCAT_MESSAGE);
}

const char *
errcat_module_id(const struct errcat_catalog *cat,
                 const struct errcat_entry *e)
{
    if (!valid(cat) || !entry_of(cat, e))
        return unknown;
    if (e->module == ERRCAT_NO_MODULE)
        return absent;
    if (e->module >= cat->n_modules)
        return unknown;
    return cat->modules[e->module].id;
}

const char *
errcat_describe(const struct errcat_catalog *cat,
                const struct errcat_locale *loc, int value)
{
    const struct errcat_entry *e;
    const char *d;
    unsigned serial;

    /* the hot path: a loaded locale of cat knows its descriptions by
       serial, in one cache line of the handle (filled on first use); a
       value of another catalog wraps to a serial out of range */
    if (loc && loc->cat == cat && cat) {
        serial = (unsigned)value - loc->desc_base;
        if (serial < loc->desc_n
            && (d = ERRCAT__LOAD(loc->desc[serial])) != NULL)
            return d;
    }
    e = find(cat, value);

    if (e == NULL)
        return errcat__unknown_text(loc, ERRCAT_DESCRIPTION);
    d = text_at(cat, loc, e->description, ERRCAT_DESCRIPTION);
    if (loc && loc->cat == cat && loc->desc
        && (serial = (unsigned)value - loc->desc_base) < loc->desc_n)
        ERRCAT__STORE(((struct errcat_locale *)loc)->desc[serial], d);
    return d;
}

size_t
errcat_format(const struct errcat_catalog *cat,
              const struct errcat_locale *loc, const struct errcat_entry *e,
              const char *const *args, size_t nargs, char *buf, size_t size)
{
    return errcat_format_ex(cat, loc, e, args, nargs, 0, buf, size);
}

size_t
errcat_format_ex(const struct errcat_catalog *cat,
                 const struct errcat_locale *loc,
                 const struct errcat_entry *e, const char *const *args,
                 size_t nargs, unsigned flags, char *buf, size_t size)
{
    const char *tmpl = errcat_text(cat, loc, e, ERRCAT_MESSAGE);
    enum errcat_format fmt = ERRCAT_FORMAT_NONE;
    const char *src = NULL;

    if (valid(cat) && entry_of(cat, e) && e->message < cat->n_texts) {
        fmt = (enum errcat_format)cat->texts[e->message].format;
        src = cat->texts[e->message].msgid;
    }
    return errcat__format_ex(tmpl, src, fmt, args, nargs,
                             loc && loc->kind == ERRCAT__NODE_LOADED
                             && loc->rtl && !(flags & ERRCAT_NO_ISOLATE),
                             buf, size);
}
