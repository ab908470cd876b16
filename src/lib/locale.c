/*
 * locale.c - a catalog's locales: resolving a name (per call, from the
 * environment or from Accept-Language) along the fallback chain, loading
 * and checking a .mo file on a locale's first use, and publishing it on a
 * lock-free list so that later lookups take no lock.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errcat_int.h"

#ifndef ERRCAT_LOCALEDIR
#define ERRCAT_LOCALEDIR "/usr/local/share/locale"
#endif

#define PATH_BYTES 4096
#define LOCALEDIR_MAX 4000

const struct errcat_locale errcat__english = {
    NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, ERRCAT__NODE_LOADED, "en",
    { NULL, NULL, NULL, NULL }
};

static int
usable(const struct errcat_catalog *cat)
{
    return cat && cat->abi == ERRCAT_ABI_VERSION && cat->cache
        && cat->domain && cat->texts;
}

static struct errcat_locale *
head(const struct errcat_catalog *cat)
{
    return ERRCAT__LOAD(cat->cache->locales);
}

/* The node named name, loaded or alias, or NULL. Lock-free. */
static const struct errcat_locale *
find(const struct errcat_catalog *cat, const char *name, int loaded_only)
{
    const struct errcat_locale *l;

    for (l = head(cat); l; l = ERRCAT__LOAD(l->next))
        if (strcmp(l->name, name) == 0
            && (!loaded_only || l->kind == ERRCAT__NODE_LOADED))
            return l;
    return NULL;
}

static const struct errcat_locale *
used(const struct errcat_locale *l)
{
    return l->kind == ERRCAT__NODE_ALIAS ? l->target : l;
}

/*
 * Publishes l. A loaded node gets, first, its descriptions by serial, so
 * that errcat_describe is one bounds check and one load (NULL for a
 * retired serial: the general path gives the fallback); without memory
 * for them it still works, by the general path.
 */
static void
push(const struct errcat_catalog *cat, struct errcat_locale *l)
{
    unsigned s, i;

    if (l->texts && !l->desc
        && (l->desc = errcat__calloc(cat->n_serials + 1,
                                     sizeof *l->desc)) != NULL) {
        for (s = 0; s < cat->n_serials; s++)
            l->desc[s] = (i = cat->by_serial[s]) == 0 || i > cat->n_entries
                ? NULL
                : cat->entries[i - 1].description == ERRCAT_NO_TEXT ? ""
                : cat->entries[i - 1].description < cat->n_texts
                ? l->texts[cat->entries[i - 1].description] : NULL;
        l->desc_base = (unsigned)cat->base;
        l->desc_n = cat->n_serials;
    }
    l->next = head(cat);
    ERRCAT__STORE(cat->cache->locales, (void *)l);
}

static const char *
localedir(const struct errcat_catalog *cat)
{
    const char *dir = ERRCAT__LOAD(cat->cache->localedir);

    return dir ? dir : ERRCAT_LOCALEDIR;
}

/* Open-addressing index of the catalog's .mo keys: slot -> text + 1. */
struct key_index {
    unsigned *slot;
    size_t mask;
};

static int
index_keys(const struct errcat_catalog *cat, struct key_index *ix)
{
    size_t size = 16, t, j;

    while (size < 2 * (size_t)cat->n_texts)
        size *= 2;
    ix->mask = size - 1;
    if ((ix->slot = errcat__calloc(size, sizeof *ix->slot)) == NULL)
        return ERRCAT_ENOMEM;
    for (t = 0; t < cat->n_texts; t++) {
        const char *k = cat->texts[t].key;

        for (j = errcat__hash_n(k, strlen(k)) & ix->mask; ix->slot[j];
             j = (j + 1) & ix->mask)
            ;
        ix->slot[j] = (unsigned)t + 1;
    }
    return 0;
}

/* The catalog text whose key is k[0..n) (no NUL inside), or -1. */
static long
text_of_key(const struct errcat_catalog *cat, const struct key_index *ix,
            const char *k, size_t n)
{
    size_t j;

    for (j = errcat__hash_n(k, n) & ix->mask; ix->slot[j]; j = (j + 1) & ix->mask) {
        const char *ck = cat->texts[ix->slot[j] - 1].key;

        if (strncmp(ck, k, n) == 0 && ck[n] == '\0')
            return (long)ix->slot[j] - 1;
    }
    return -1;
}

/* Fills l->texts from mo: each translation that passes the checks, the
 * source text for the rest. */
static void
fill_texts(const struct errcat_catalog *cat, const struct key_index *ix,
           const struct errcat__mo *mo, struct errcat_locale *l)
{
    uint32_t i;
    size_t t;

    for (i = 0; i < mo->n; i++) {
        const char *k, *v;
        size_t kn, vn;
        long idx;

        errcat__mo_pair(mo, i, &k, &kn, &v, &vn);
        /* the header, plural forms and untranslated entries: skipped */
        if (kn == 0 || vn == 0 || memchr(k, '\0', kn) || memchr(v, '\0', vn))
            continue;
        idx = text_of_key(cat, ix, k, kn);
        if (idx < 0 || l->texts[idx])
            continue;
        if (errcat__mo_text_ok(mo, v, vn) && errcat__translation_ok(cat->texts[idx].msgid,
                                   (enum errcat_format)cat->texts[idx].format,
                                   v, vn))
            l->texts[idx] = v;
    }
    for (t = 0; t < cat->n_texts; t++)
        if (l->texts[t] == NULL)
            l->texts[t] = cat->texts[t].msgid;
}

static int load(const struct errcat_catalog *cat, const char *name,
                struct errcat_locale **out);

/*
 * gettext looks each message up along the whole chain: what de_AT.mo
 * lacks comes from de.mo. Fills l's untranslated texts from the first
 * locale present further down name's chain (loading it if need be).
 * Returns 0 or ERRCAT_ENOMEM. Under the lock.
 */
static int
inherit(const struct errcat_catalog *cat, const char *name,
        struct errcat_locale *l)
{
    char chain[ERRCAT__CHAIN_MAX][ERRCAT_LOCALE_NAME_MAX + 1];
    struct errcat__lname ln;
    const struct errcat_locale *p = NULL;
    struct errcat_locale *fresh;
    size_t n, i, t;
    int rc;

    if (errcat__locale_parse(name, &ln) != 0)
        return 0;
    n = errcat__locale_chain(&ln, chain);
    for (i = 1; i < n && p == NULL; i++) {
        if ((p = find(cat, chain[i], 1)) != NULL)
            break;
        rc = load(cat, chain[i], &fresh);
        if (rc == ERRCAT_ENOMEM)
            return rc;
        if (rc == 0) {
            push(cat, fresh);
            p = fresh;
        }
    }
    for (t = 0; p && t < cat->n_texts; t++)
        if (l->texts[t] == cat->texts[t].msgid)
            l->texts[t] = p->texts[t];
    return 0;
}

/*
 * A new loaded node named name for the checked .mo image mo: its texts
 * point into mo's data, which the caller keeps alive. Returns 0,
 * ERRCAT_EINVAL (not UTF-8) or ERRCAT_ENOMEM.
 */
static int
build(const struct errcat_catalog *cat, const char *name,
      const struct errcat__mo *mo, struct errcat_locale **out)
{
    struct key_index ix = { NULL, 0 };
    struct errcat_locale *l;

    if (mo->charset == ERRCAT__MO_OTHER)
        return ERRCAT_EINVAL;
    l = errcat__calloc(1, sizeof *l + cat->n_texts * sizeof *l->texts);
    if (l == NULL || index_keys(cat, &ix) != 0) {
        errcat__free(l);
        return ERRCAT_ENOMEM;
    }
    l->cat = cat;
    l->kind = ERRCAT__NODE_LOADED;
    l->texts = (const char **)(l + 1);
    strcpy(l->name, name);
    fill_texts(cat, &ix, mo, l);
    errcat__free(ix.slot);
    *out = l;
    return 0;
}

/*
 * Loads DIR/name/LC_MESSAGES/DOMAIN.mo as a new node. Returns 0;
 * ERRCAT_ENOENT or ERRCAT_EINVAL when there is no usable file (missing,
 * unreadable, malformed, not UTF-8); ERRCAT_ENOMEM. Called under the lock.
 */
static int
load(const struct errcat_catalog *cat, const char *name,
     struct errcat_locale **out)
{
    char path[PATH_BYTES];
    struct errcat__mo mo;
    struct errcat_locale *l = NULL;
    int n, rc;

    if (strchr(cat->domain, '/') || cat->domain[0] == '.')
        return ERRCAT_EINVAL;
    n = snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo",
                 localedir(cat), name, cat->domain);
    if (n < 0 || (size_t)n >= sizeof path)
        return ERRCAT_ENOENT;
    if ((rc = errcat__mo_open(path, &mo)) != 0)
        return rc;
    if ((rc = build(cat, name, &mo, &l)) != 0
        || (rc = inherit(cat, name, l)) != 0)
        goto out;
    l->mo_data = (void *)mo.data;
    mo.owned = 0;               /* the node owns the image now */
    *out = l;
    l = NULL;
out:
    errcat__free(l);
    errcat__mo_close(&mo);
    return rc;
}

int
errcat__locale_build(const struct errcat_catalog *cat, const void *data,
                     size_t size, struct errcat_locale **out)
{
    struct errcat__mo mo;
    int rc;

    *out = NULL;
    if (!usable(cat))
        return ERRCAT_EINVAL;
    if ((rc = errcat__mo_parse(data, size, &mo)) != 0)
        return rc;
    return build(cat, "test", &mo, out);
}

void
errcat__locale_free(struct errcat_locale *l)
{
    if (l) {
        errcat__free(l->mo_data);
        errcat__free(l->desc);
        errcat__free(l);
    }
}

static size_t
count_aliases(const struct errcat_catalog *cat)
{
    const struct errcat_locale *l;
    size_t n = 0;

    for (l = head(cat); l; l = l->next)
        n += l->kind == ERRCAT__NODE_ALIAS;
    return n;
}

/* Remembers that raw resolves to target, within ERRCAT__ALIAS_MAX. */
static void
add_alias(const struct errcat_catalog *cat, const char *raw,
          const struct errcat_locale *target)
{
    struct errcat_locale *a;

    if (strcmp(raw, target->name) == 0 && target != &errcat__english)
        return;                 /* the loaded node answers to raw itself */
    if (count_aliases(cat) >= ERRCAT__ALIAS_MAX
        || (a = errcat__calloc(1, sizeof *a)) == NULL)
        return;                 /* resolved afresh next time: still right */
    a->cat = cat;
    a->kind = ERRCAT__NODE_ALIAS;
    a->target = target;
    strcpy(a->name, raw);
    push(cat, a);
}

/*
 * Resolves raw (already checked safe) along its chain; loads what is
 * missing. Under the lock. On ERRCAT_ENOMEM, *out is the best locale
 * found without the allocation, and nothing is cached for raw.
 */
static int
resolve_locked(const struct errcat_catalog *cat, const char *raw,
               const struct errcat__lname *ln,
               const struct errcat_locale **out)
{
    char chain[ERRCAT__CHAIN_MAX][ERRCAT_LOCALE_NAME_MAX + 1];
    const struct errcat_locale *l;
    struct errcat_locale *fresh;
    size_t n = errcat__locale_chain(ln, chain), i;
    int rc = 0, r;

    if ((l = find(cat, raw, 0)) != NULL) {  /* another thread was first */
        *out = used(l);
        return 0;
    }
    *out = &errcat__english;
    for (i = 0; i < n; i++) {
        if ((l = find(cat, chain[i], 1)) != NULL) {
            *out = l;
            break;
        }
        r = load(cat, chain[i], &fresh);
        if (r == 0) {
            push(cat, fresh);
            *out = fresh;
            break;
        }
        if (r == ERRCAT_ENOMEM)
            rc = r;
    }
    if (rc == 0)
        add_alias(cat, raw, *out);
    return rc;
}

/* errcat_locale_get for a non-empty name. */
static int
get_named(const struct errcat_catalog *cat, const char *raw,
          const struct errcat_locale **out)
{
    struct errcat__lname ln;
    const struct errcat_locale *l;
    int rc;

    *out = &errcat__english;
    if (!errcat__locale_name_safe(raw))
        return ERRCAT_EINVAL;
    if ((l = find(cat, raw, 0)) != NULL) {
        *out = used(l);
        return 0;
    }
    if (errcat__locale_parse(raw, &ln) != 0)
        return ERRCAT_EINVAL;
    errcat__lock();
    rc = resolve_locked(cat, raw, &ln, out);
    errcat__unlock();
    return rc;
}

/* Nonzero when a resolved locale serves a request for raw: a
 * translation, or the source texts for an English request. */
static int
serves(const struct errcat_locale *l, const char *raw)
{
    return l != &errcat__english || errcat__english_name(raw);
}

struct env_try {
    const struct errcat_catalog *cat;
    const struct errcat_locale **out;
    int rc;
};

/* One candidate of the environment: taken when it serves its name. */
static int
env_try(const char *name, void *ctx)
{
    struct env_try *t = ctx;
    int r = get_named(t->cat, name, t->out);

    if (r == ERRCAT_ENOMEM)
        t->rc = r;
    if (r != ERRCAT_EINVAL && serves(*t->out, name))
        return 1;
    *t->out = &errcat__english;
    return 0;
}

/* gettext's rules, through errcat__env_locales. */
static int
get_from_env(const struct errcat_catalog *cat,
             const struct errcat_locale **out)
{
    struct env_try t = { cat, out, 0 };

    *out = &errcat__english;
    errcat__env_locales(env_try, &t);
    return t.rc;
}

int
errcat_locale_get(const struct errcat_catalog *cat, const char *name,
                  const struct errcat_locale **out)
{
    const struct errcat_locale *dummy;

    if (out == NULL)
        out = &dummy;
    *out = &errcat__english;
    if (!usable(cat))
        return ERRCAT_EINVAL;
    if (name == NULL || name[0] == '\0')
        return get_from_env(cat, out);
    return get_named(cat, name, out);
}

/* The verdicts of one negotiation: whether the header excludes a locale,
 * scanned once per distinct locale. */
struct verdicts {
    const char *header;
    const struct errcat_locale *l[ERRCAT__ACCEPT_MAX];
    unsigned char excluded[ERRCAT__ACCEPT_MAX];
    size_t n;
};

/* The tags that name locale l in a header: de_AT is de-AT; zh_CN is also
 * zh-Hans-CN and zh_TW zh-Hant-TW; the source English is en. */
static int
excluded(struct verdicts *v, const struct errcat_locale *l)
{
    char tag[ERRCAT_LOCALE_NAME_MAX + 8];
    size_t i;
    int x;

    for (i = 0; i < v->n; i++)
        if (v->l[i] == l)
            return v->excluded[i];
    snprintf(tag, sizeof tag, "%s", l->name);
    for (i = 0; tag[i]; i++)
        if (tag[i] == '_')
            tag[i] = '-';
    x = errcat__accept_excluded(v->header, tag);
    if (!x && (strcmp(l->name, "zh_CN") == 0 || strcmp(l->name, "zh_TW") == 0)) {
        snprintf(tag, sizeof tag, "zh-%s-%s", l->name[3] == 'C' ? "Hans"
                 : "Hant", l->name + 3);
        x = errcat__accept_excluded(v->header, tag);
    }
    if (v->n < ERRCAT__ACCEPT_MAX) {
        v->l[v->n] = l;
        v->excluded[v->n++] = (unsigned char)x;
    }
    return x;
}

/*
 * The first locale down tag's chain that the header does not exclude:
 * RFC 4647 Lookup's fallback, ll_CC then ll, skipping what q=0 excludes.
 * NULL when none is present. *rc receives ERRCAT_ENOMEM when memory ran
 * out on the way.
 */
static const struct errcat_locale *
lookup_tag(const struct errcat_catalog *cat, const char *tag,
           struct verdicts *v, int *rc)
{
    char chain[ERRCAT__CHAIN_MAX][ERRCAT_LOCALE_NAME_MAX + 1];
    struct errcat__lname ln;
    const struct errcat_locale *l;
    size_t n, i;
    int r;

    if ((r = get_named(cat, tag, &l)) == ERRCAT_ENOMEM)
        *rc = r;
    if (r == ERRCAT_EINVAL)
        return NULL;
    if (l == &errcat__english)
        return errcat__english_name(tag) && !excluded(v, l) ? l : NULL;
    if (!excluded(v, l))
        return l;
    /* excluded: on down the chain, past the locale found */
    if (errcat__locale_parse(tag, &ln) != 0)
        return NULL;
    n = errcat__locale_chain(&ln, chain);
    for (i = 0; i < n && strcmp(chain[i], l->name) != 0; i++)
        ;
    for (i++; i < n; i++) {
        if ((r = get_named(cat, chain[i], &l)) == ERRCAT_ENOMEM)
            *rc = r;
        if (r == 0 && strcmp(l->name, chain[i]) == 0 && !excluded(v, l))
            return l;
    }
    return NULL;
}

int
errcat_locale_accept(const struct errcat_catalog *cat, const char *header,
                     const struct errcat_locale **out)
{
    struct errcat__accept_item items[ERRCAT__ACCEPT_MAX];
    char tag[ERRCAT_LOCALE_NAME_MAX + 1];
    const struct errcat_locale *dummy, *l;
    struct verdicts v;
    size_t n, i;
    int rc = 0;

    if (out == NULL)
        out = &dummy;
    *out = &errcat__english;
    if (!usable(cat))
        return ERRCAT_EINVAL;
    v.header = header;
    v.n = 0;
    n = errcat__accept_parse(header, items, ERRCAT__ACCEPT_MAX);
    for (i = 0; i < n; i++) {
        if (items[i].len == 1 && items[i].tag[0] == '*') {
            /* any language: the source English, unless excluded */
            if (!excluded(&v, &errcat__english))
                return rc;
            continue;
        }
        if (items[i].len > ERRCAT_LOCALE_NAME_MAX)
            continue;
        memcpy(tag, items[i].tag, items[i].len);
        tag[items[i].len] = '\0';
        if ((l = lookup_tag(cat, tag, &v, &rc)) != NULL) {
            *out = l;
            return rc;
        }
    }
    return rc;
}

const char *
errcat_locale_name(const struct errcat_locale *loc)
{
    return loc ? loc->name : errcat__english.name;
}

int
errcat_bind(const struct errcat_catalog *cat, const char *dir)
{
    char *copy = NULL, *old;

    if (!usable(cat) || (dir && (dir[0] == '\0'
                                 || strlen(dir) > LOCALEDIR_MAX)))
        return ERRCAT_EINVAL;
    if (dir && (copy = errcat__strdup(dir)) == NULL)
        return ERRCAT_ENOMEM;
    errcat__lock();
    old = cat->cache->localedir;
    ERRCAT__STORE(cat->cache->localedir, (void *)copy);
    errcat__unlock();
    errcat__free(old);
    return 0;
}

const char *
errcat_localedir(const struct errcat_catalog *cat)
{
    return usable(cat) ? localedir(cat) : ERRCAT_LOCALEDIR;
}

void
errcat_catalog_release(const struct errcat_catalog *cat)
{
    struct errcat_locale *l, *next;

    if (!usable(cat))
        return;
    errcat__lock();
    for (l = head(cat); l; l = next) {
        next = l->next;
        errcat__free(l->mo_data);
        errcat__free(l->desc);
        errcat__free(l);
    }
    cat->cache->locales = NULL;
    errcat__free(cat->cache->localedir);
    cat->cache->localedir = NULL;
    errcat__unlock();
}
