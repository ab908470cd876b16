/*
 * model.c - constructors, indexing and naming for the catalog model.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "errcat_catalog.h"
#include "model.h"
#include "placeholder.h"
#include "util.h"

const char *const model_field_name[FIELD_COUNT] = {
    "description", "message", "measure", "module"
};

/* Indexed by enum errcat_format. */
const char *const model_format_name[4] = {
    "none", "c", "python", "python-brace"
};

struct model_catalog *
model_catalog_new(const char *path)
{
    struct model_catalog *cat = xcalloc(1, sizeof *cat);

    const char *slash = strrchr(path, '/');

    cat->path = xstrdup(path);
    cat->ref = xstrdup(slash ? slash + 1 : path);
    return cat;
}

char *
model_strndup(struct model_catalog *cat, const char *s, size_t n)
{
    return pool_strndup(&cat->strings, s, n);
}

void
model_catalog_free(struct model_catalog *cat)
{
    size_t i;

    if (!cat)
        return;
    for (i = 0; i < cat->n_entries; i++)
        free(cat->entries[i].args);
    free(cat->uses);
    pool_free(&cat->strings);
    free(cat->texts);
    free(cat->code_hash);
    free(cat->modules);
    free(cat->entries);
    free(cat->path);
    free(cat->ref);
    free(cat);
}

struct model_module *
model_add_module(struct model_catalog *cat)
{
    struct model_module *m;

    cat->modules = xgrow(cat->modules, &cat->cap_modules, cat->n_modules,
                         sizeof *cat->modules);
    m = &cat->modules[cat->n_modules++];
    memset(m, 0, sizeof *m);
    return m;
}

struct model_entry *
model_add_entry(struct model_catalog *cat)
{
    struct model_entry *e;

    cat->entries = xgrow(cat->entries, &cat->cap_entries, cat->n_entries,
                         sizeof *cat->entries);
    e = &cat->entries[cat->n_entries++];
    memset(e, 0, sizeof *e);
    e->module = -1;
    e->format = -1;
    return e;
}

struct model_arg *
model_add_arg(struct model_entry *e)
{
    struct model_arg *a;

    e->args = xrealloc(e->args, (e->n_args + 1) * sizeof *e->args);
    a = &e->args[e->n_args++];
    memset(a, 0, sizeof *a);
    return a;
}

unsigned
model_hash(const char *s)
{
    return errcat_code_hash(s);
}

static size_t
pow2_at_least(size_t n)
{
    size_t p = 16;

    while (p < n)
        p *= 2;
    return p;
}

/* Nonzero when the name of placeholder t of text appeared before pos. */
static int
name_seen(const char *text, const struct errcat__ph *t, size_t before,
          enum errcat__ph_mode mode)
{
    struct errcat__ph u;
    size_t pos = 0;

    while (pos < before
           && errcat__ph_next(text, before, &pos, mode, &u) != ERRCAT__PH_END)
        if (u.name_len == t->name_len && u.name_len > 0
            && memcmp(text + u.name, text + t->name, u.name_len) == 0)
            return 1;
    return 0;
}

/* Counts arguments (each once: %1$s twice is one, {n} twice is one), bare
   names and stray characters as the runtime will read the text: in the
   mode of its style, where "{{" and "}}" are escapes of a brace text and
   '%' is literal there, and braces are literal in a percent text. */
static void
rescan(const char *text, struct placeholders *ph)
{
    struct errcat__ph t;
    size_t pos = 0, n = strlen(text), start;
    enum errcat__ph_mode mode = errcat__ph_mode_of((enum errcat_format)ph->style);
    unsigned positional = 0, numbered = 0, named = 0;

    ph->nargs = ph->positional = ph->highest = 0;
    ph->bare = ph->stray_percent = ph->unsupported = ph->loose = 0;
    ph->named = 0;
    for (start = pos;
         errcat__ph_next(text, n, &pos, mode, &t) != ERRCAT__PH_END;
         start = pos) {
        if (t.kind == ERRCAT__PH_NAMED_BARE)
            ph->bare = 1;
        else if (t.kind == ERRCAT__PH_BAD) {
            ph->stray_percent = 1;
            ph->unsupported |= t.unsupported;
        }
        if (!errcat__ph_is_arg(t.kind))
            continue;
        ph->loose += t.loose;
        if (t.name_len > 0)
            ph->named = 1;
        if (t.kind == ERRCAT__PH_POSITIONAL)
            positional++;
        else if (t.kind == ERRCAT__PH_NUMBERED)
            numbered = t.number > numbered ? t.number : numbered;
        else if (!name_seen(text, &t, start, mode))
            named++;
    }
    ph->nargs = positional + numbered + named;
    ph->positional = positional;
    ph->highest = numbered;
}

void
model_scan(const char *text, struct placeholders *ph)
{
    struct errcat__ph t;
    size_t pos = 0, n = strlen(text);
    int percent = 0, brace = 0, positional = 0, numbered = 0, named = 0;
    int auto_brace = 0, numbered_brace = 0, named_brace = 0, loose = 0;

    memset(ph, 0, sizeof *ph);
    while (errcat__ph_next(text, n, &pos, ERRCAT__PH_MODE_ANY, &t)
           != ERRCAT__PH_END) {
        switch (t.kind) {
        case ERRCAT__PH_POSITIONAL:
        case ERRCAT__PH_NUMBERED:
            if (t.style == ERRCAT_FORMAT_BRACE) {
                brace = 1;
                *(t.kind == ERRCAT__PH_NUMBERED ? &numbered_brace
                  : &auto_brace) = 1;
            } else if (t.loose)
                loose = 1;
            else {
                *(t.kind == ERRCAT__PH_NUMBERED ? &numbered
                  : &positional) = 1;
                percent = 1;
            }
            break;
        case ERRCAT__PH_NAMED_BARE: ph->bare = 1; /* fall through */
        case ERRCAT__PH_NAMED: named = percent = 1; break;
        case ERRCAT__PH_BRACE: brace = named_brace = 1; break;
        case ERRCAT__PH_BAD:
            ph->stray_percent = 1;
            ph->unsupported |= t.unsupported;
            break;
        default: break;
        }
        if (errcat__ph_is_arg(t.kind) && !t.loose)
            ph->nargs++;
    }
    ph->mixed = (percent && brace) || positional + numbered + named > 1
        || auto_brace + numbered_brace + named_brace > 1;
    if (brace)
        ph->style = ERRCAT_FORMAT_BRACE;
    else if (named)
        ph->style = ERRCAT_FORMAT_PYTHON;
    else if (positional || numbered)
        ph->style = ERRCAT_FORMAT_PRINTF;
    else
        ph->style = ERRCAT_FORMAT_NONE;
    /* "100% used": printf and msgfmt read "% u"; plain text is meant */
    ph->ambiguous = loose && ph->style == ERRCAT_FORMAT_NONE;
    if (ph->style != ERRCAT_FORMAT_NONE && !ph->mixed)
        rescan(text, ph);
}

void
model_scan_as(const char *text, int format, struct placeholders *ph)
{
    memset(ph, 0, sizeof *ph);
    ph->style = format;
    if (format != ERRCAT_FORMAT_NONE)
        rescan(text, ph);
}

/* Open-addressed set of texts keyed by (field, msgid); a slot holds
   the hash beside the index, so that a probe touches one cache line. */
struct text_slot {
    unsigned index;                 /* text index + 1; 0 empty */
    unsigned hash;                  /* its hash, to compare few strings */
};

struct text_set {
    struct text_slot *slot;
    size_t mask;
};

/* Entries ahead whose slots index_texts asks the cache for. */
#define TEXT_AHEAD 8

static unsigned
text_set_hash(enum model_field field, const char *msgid)
{
    return str_hash(msgid) ^ ((unsigned)field * 0x9e3779b9u);
}

/* Adds (field, msgid), whose text_set_hash is h, or finds it; its
   index. */
static unsigned
add_text(struct model_catalog *cat, struct text_set *set,
         enum model_field field, const char *msgid, unsigned h)
{
    size_t i = h & set->mask;
    struct model_text *t;

    while (set->slot[i].index) {
        t = &cat->texts[set->slot[i].index - 1];
        if (set->slot[i].hash == h && t->field == field
            && strcmp(t->msgid, msgid) == 0)
            goto found;
        i = (i + 1) & set->mask;
    }
    t = &cat->texts[cat->n_texts];
    memset(t, 0, sizeof *t);
    t->field = field;
    t->msgid = msgid;
    t->format = -1;
    if (field == FIELD_MESSAGE)
        model_scan(msgid, &t->ph);
    set->slot[i].index = (unsigned)++cat->n_texts;
    set->slot[i].hash = h;
found:
    t->n_uses++;
    return (unsigned)(t - cat->texts);
}

/* Appends a use to text k, whose room model_index made. */
static void
add_use(struct model_catalog *cat, unsigned k, enum model_field field,
        size_t owner)
{
    struct model_text *t = &cat->texts[k];

    t->uses[t->n_uses].field = field;
    t->uses[t->n_uses].owner = owner;
    t->n_uses++;
}

static void
index_texts(struct model_catalog *cat)
{
    struct text_set set;
    size_t i, f, n_uses = 0;
    size_t max = cat->n_modules + ENTRY_TEXTS * cat->n_entries;
    struct model_use *u;
    unsigned *hash;

    set.mask = pow2_at_least(2 * max) - 1;
    set.slot = xcalloc(set.mask + 1, sizeof *set.slot);
    cat->texts = xcalloc(max ? max : 1, sizeof *cat->texts);
    cat->n_texts = 0;
    for (i = 0; i < cat->n_modules; i++)
        cat->modules[i].text = add_text(cat, &set, FIELD_MODULE,
                                        cat->modules[i].name,
                                        text_set_hash(FIELD_MODULE,
                                                      cat->modules[i].name));
    /* The entries' texts hashed first, so that each probe's slot can be
       fetched from memory a few texts ahead: in a big catalog every
       probe misses the cache, and waiting for each in turn was most of
       the time. */
    hash = xmalloc((ENTRY_TEXTS * cat->n_entries + 1) * sizeof *hash);
    for (i = 0; i < cat->n_entries; i++)
        for (f = 0; f < ENTRY_TEXTS; f++)
            hash[ENTRY_TEXTS * i + f] = cat->entries[i].text[f]
                ? text_set_hash((enum model_field)f, cat->entries[i].text[f])
                : 0;
    for (i = 0; i < cat->n_entries; i++) {
        if (i + TEXT_AHEAD < cat->n_entries)
            for (f = 0; f < ENTRY_TEXTS; f++)
                prefetch(&set.slot[hash[ENTRY_TEXTS * (i + TEXT_AHEAD) + f]
                                   & set.mask]);
        for (f = 0; f < ENTRY_TEXTS; f++)
            cat->entries[i].text_index[f] = !cat->entries[i].text[f]
                ? MODEL_NO_TEXT
                : add_text(cat, &set, (enum model_field)f,
                           cat->entries[i].text[f], hash[ENTRY_TEXTS * i + f]);
    }
    free(hash);
    free(set.slot);
    /* the uses of all texts in one block, each text's together and in
       .pot order: counted above, placed now */
    for (i = 0; i < cat->n_texts; i++)
        n_uses += cat->texts[i].n_uses;
    cat->uses = u = xcalloc(n_uses ? n_uses : 1, sizeof *cat->uses);
    for (i = 0; i < cat->n_texts; i++) {
        cat->texts[i].uses = u;
        u += cat->texts[i].n_uses;
        cat->texts[i].n_uses = 0;
    }
    for (i = 0; i < cat->n_modules; i++)
        add_use(cat, cat->modules[i].text, FIELD_MODULE, i);
    for (i = 0; i < cat->n_entries; i++)
        for (f = 0; f < ENTRY_TEXTS; f++)
            if (cat->entries[i].text_index[f] != MODEL_NO_TEXT)
                add_use(cat, cat->entries[i].text_index[f],
                        (enum model_field)f, i);
    /* a format attribute says how its message reads; the first entry
       that says it decides for a message shared by several */
    for (i = 0; i < cat->n_entries; i++) {
        const struct model_entry *e = &cat->entries[i];
        struct model_text *t;

        if (e->format < 0 || e->text_index[FIELD_MESSAGE] == MODEL_NO_TEXT)
            continue;
        t = &cat->texts[e->text_index[FIELD_MESSAGE]];
        if (t->format >= 0)
            continue;
        t->format = e->format;
        t->format_owner = i;
        model_scan_as(t->msgid, e->format, &t->ph);
    }
}

/* Hashes codes; chains each entry to the next one with the same code. */
static void
index_codes(struct model_catalog *cat)
{
    size_t i, j, *last;

    cat->hash_size = pow2_at_least(2 * cat->n_entries);
    cat->code_hash = xcalloc(cat->hash_size, sizeof *cat->code_hash);
    last = xcalloc(cat->hash_size, sizeof *last);
    for (i = 0; i < cat->n_entries; i++) {
        struct model_entry *e = &cat->entries[i];

        if (!e->code)
            continue;
        j = model_hash(e->code) & (cat->hash_size - 1);
        while (cat->code_hash[j]) {
            if (strcmp(cat->entries[cat->code_hash[j] - 1].code, e->code) == 0)
                break;
            j = (j + 1) & (cat->hash_size - 1);
        }
        if (cat->code_hash[j])
            cat->entries[last[j]].next_same_code = (unsigned)i + 1;
        else
            cat->code_hash[j] = (unsigned)i + 1;
        last[j] = i;
    }
    free(last);
}

/* Resolves every entry's module through a hash of the module ids (the
   first module of an id wins): linear, where a search per entry would
   be quadratic in a hostile catalog. */
static void
index_modules(struct model_catalog *cat)
{
    size_t mask = pow2_at_least(2 * cat->n_modules) - 1, i, j;
    size_t *slot = xcalloc(mask + 1, sizeof *slot);     /* index + 1 */

    for (i = 0; i < cat->n_modules; i++) {
        for (j = str_hash(cat->modules[i].id) & mask; slot[j];
             j = (j + 1) & mask)
            if (strcmp(cat->modules[slot[j] - 1].id, cat->modules[i].id) == 0)
                break;
        if (!slot[j])
            slot[j] = i + 1;
    }
    for (i = 0; i < cat->n_entries; i++) {
        struct model_entry *e = &cat->entries[i];

        e->module = -1;
        if (!e->module_ref)
            continue;
        for (j = str_hash(e->module_ref) & mask; slot[j];
             j = (j + 1) & mask)
            if (strcmp(cat->modules[slot[j] - 1].id, e->module_ref) == 0) {
                e->module = (int)(slot[j] - 1);
                break;
            }
    }
    free(slot);
}

void
model_index(struct model_catalog *cat)
{
    index_modules(cat);
    index_texts(cat);
    index_codes(cat);
}

char *
model_constant(const struct model_catalog *cat, const struct model_entry *e)
{
    size_t n = strlen(cat->prefix), m = strlen(e->id), i;
    char *s = xmalloc(n + m + 2);

    memcpy(s, cat->prefix, n);
    s[n] = '_';
    for (i = 0; i < m; i++) {
        char c = e->id[i];

        /* ids are ASCII (the validator says so before it asks) */
        s[n + 1 + i] = c == '-' ? '_' : c >= 'a' && c <= 'z'
            ? (char)(c - 'a' + 'A') : c;
    }
    s[n + 1 + m] = '\0';
    return s;
}

long
model_value(const struct model_catalog *cat, const struct model_entry *e)
{
    return ((long)cat->number << ERRCAT_SERIAL_BITS) | (long)e->serial;
}
