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
    .kind = ERRCAT__NODE_LOADED, .name = "en"
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
 * Publishes l. A loaded node gets a table of descriptions by serial,
 * filled as they are first asked for, so that errcat_describe is one
 * bounds check and one load; without memory for it errcat_describe still
 * works, by the general path.
 */
static void
push(const struct errcat_catalog *cat, struct errcat_locale *l)
{
    size_t size = ((size_t)cat->n_serials + 1) * sizeof *l->desc;

    if (l->texts && !l->desc && (l->desc = errcat__malloc(size)) != NULL) {
        memset(l->desc, 0, size);
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

/*
 * Text t of loaded locale l, found and checked in l's .mo file on its first
 * use: the translation if it passes the checks (UTF-8, the source's
 * placeholders), else, as gettext looks each message up along the whole
 * chain, the parent's text (what de_AT.mo lacks comes from de.mo), else
 * the source. Every thread that resolves t reaches the same text, so the
 * slot is written without a lock.
 */
/* A translation read from a lazily read file: kept on the node's list
 * until the catalog is released. */
struct errcat__owned {
    struct errcat__owned *next;
    char text[];
};

/* Translation i of l's file, checked for text t, or NULL. For a lazily
 * read file it is a new copy, which *copy receives (NULL on failure). */
static const char *
translation(const struct errcat_locale *l, const struct errcat_text *tx,
            uint32_t i, struct errcat__owned **copy)
{
    const char *k, *v;
    size_t kn, vn;

    *copy = NULL;
    if (l->mo.lazy) {
        vn = errcat__mo_value_len(&l->mo, i);
        if (vn == 0 || vn > l->mo.size
            || (*copy = errcat__malloc(sizeof **copy + vn + 1)) == NULL)
            return NULL;
        if (errcat__mo_value_copy(&l->mo, i, (*copy)->text) != 0) {
            errcat__free(*copy);
            *copy = NULL;
            return NULL;
        }
        v = (*copy)->text;
    } else
        errcat__mo_pair(&l->mo, i, &k, &kn, &v, &vn);
    /* a NUL inside (plural forms) fails translation_ok's UTF-8 check */
    if (vn > 0 && errcat__mo_text_ok(&l->mo, v, vn)
        && errcat__translation_ok(tx->msgid, (enum errcat_format)tx->format,
                                  v, vn))
        return v;
    errcat__free(*copy);
    *copy = NULL;
    return NULL;
}

/*
 * Text t of loaded locale l, found and checked in l's .mo file on its first
 * use: the translation if it passes the checks (UTF-8, the source's
 * placeholders), else, as gettext looks each message up along the whole
 * chain, the parent's text (what de_AT.mo lacks comes from de.mo), else
 * the source. Threads that resolve t at once reach the same text; the
 * first to publish it wins, with a compare-and-swap, so no lock is taken.
 */
const char *
errcat__locale_text(const struct errcat_locale *loc, unsigned t)
{
    struct errcat_locale *l = (struct errcat_locale *)loc;
    const struct errcat_text *tx = &l->cat->texts[t];
    const char *s = ERRCAT__LOAD(l->texts[t]), *expected = NULL;
    struct errcat__owned *copy = NULL;
    long i;

    if (s)
        return s;
    i = errcat__mo_find(&l->mo, &l->mo_index, tx->key, strlen(tx->key));
    if (i >= 0)
        s = translation(l, tx, (uint32_t)i, &copy);
    if (s == NULL)
        s = l->parent ? errcat__locale_text(l->parent, t) : tx->msgid;
    if (!__atomic_compare_exchange_n(&l->texts[t], &expected, s, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        errcat__free(copy);     /* another thread was first */
        return expected;
    }
    if (copy) {
        copy->next = ERRCAT__LOAD(l->owned);
        while (!__atomic_compare_exchange_n(&l->owned, &copy->next, copy, 1,
                                            __ATOMIC_ACQ_REL,
                                            __ATOMIC_ACQUIRE))
            ;
    }
    return s;
}

static int load(const struct errcat_catalog *cat, const char *name,
                struct errcat_locale **out);

/* Copies a checked locale name (at most ERRCAT_LOCALE_NAME_MAX bytes)
 * into a node: with the strlen and memcpy that loading calls anyway, as
 * in a fresh process the first call of any other libc string function
 * (its symbol bound, its code paged in) costs more than the copy. */
static void
set_name(struct errcat_locale *l, const char *name)
{
    memcpy(l->name, name, strlen(name) + 1);
}

/*
 * The first locale present further down the chain of name (parsed: ln),
 * loading it if need be, which l's untranslated texts come from, into
 * l->parent. Returns 0 or ERRCAT_ENOMEM. Under the lock.
 */
static int
inherit(const struct errcat_catalog *cat, const char *name,
        const struct errcat__lname *ln, struct errcat_locale *l)
{
    char chain[ERRCAT__CHAIN_MAX][ERRCAT_LOCALE_NAME_MAX + 1];
    const struct errcat_locale *p = NULL;
    struct errcat_locale *fresh;
    size_t n, i;
    int rc;

    n = errcat__locale_chain(ln, chain);
    for (i = 0; i < n && strcmp(chain[i], name) != 0; i++)
        ;
    for (i++; i < n && p == NULL; i++) {
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
    l->parent = p;
    return 0;
}

/*
 * A new loaded node named name (right to left if rtl) for the checked .mo
 * image mo, whose data the node's texts will point into; the caller keeps
 * it alive. Nothing is looked up yet: each text is found and checked on
 * its first use. Returns 0, ERRCAT_EINVAL (not UTF-8) or ERRCAT_ENOMEM.
 */
static int
build(const struct errcat_catalog *cat, const char *name, int rtl,
      const struct errcat__mo *mo, struct errcat_locale **out)
{
    struct errcat_locale *l;
    size_t size;

    if (mo->charset == ERRCAT__MO_OTHER)
        return ERRCAT_EINVAL;
    /* malloc and memset, not calloc, here and in push: in a fresh process
       calloc is more of libc's code to bring into the caches, for the
       two blocks a locale's first use clears */
    size = sizeof *l + cat->n_texts * sizeof *l->texts;
    if ((l = errcat__malloc(size)) == NULL)
        return ERRCAT_ENOMEM;
    memset(l, 0, size);
    if (errcat__mo_index(mo, &l->mo_index) != 0) {
        errcat__free(l);
        return ERRCAT_ENOMEM;
    }
    l->mo = *mo;                /* the node owns what mo owned */
    l->cat = cat;
    l->kind = ERRCAT__NODE_LOADED;
    l->texts = (const char **)(l + 1);
    set_name(l, name);
    l->rtl = rtl;
    *out = l;
    return 0;
}

/* Frees what a node owns. */
static void
free_node(struct errcat_locale *l)
{
    struct errcat__owned *o, *next;

    if (l) {
        for (o = l->owned; o; o = next) {
            next = o->next;
            errcat__free(o);
        }
        errcat__mo_close(&l->mo);
        errcat__free(l->desc);
        errcat__mo_index_free(&l->mo_index);
        errcat__free(l);
    }
}

/* Appends s to path[0..*n), NUL-terminated; 0 when it does not fit in
 * size bytes. */
static int
path_add(char *path, size_t size, size_t *n, const char *s)
{
    size_t k = strlen(s);

    if (k >= size - *n)
        return 0;
    memcpy(path + *n, s, k + 1);
    *n += k;
    return 1;
}

/*
 * Opens DIR/name/LC_MESSAGES/DOMAIN.mo into mo, as errcat__mo_open_lazy.
 * The path is built in a small buffer on the stack, or on the heap at its
 * length when longer: a PATH_BYTES buffer on the stack would take the
 * loading of a locale (and of each parent it loads in turn) pages deeper
 * into the stack, which a fresh process has to fault in.
 */
static int
open_file(const struct errcat_catalog *cat, const char *name,
          struct errcat__mo *mo)
{
    const char *dir = localedir(cat);
    size_t size = strlen(dir) + strlen(name) + strlen(cat->domain)
        + sizeof "//LC_MESSAGES/.mo", n = 0;
    char small[256], *path;
    int rc;

    if (size > PATH_BYTES)
        return ERRCAT_ENOENT;
    path = size <= sizeof small ? small : errcat__malloc(size);
    if (path == NULL)
        return ERRCAT_ENOMEM;
    /* not snprintf: in a fresh process its first call costs more than
       the rest of a small locale's loading */
    if (path_add(path, size, &n, dir) && path_add(path, size, &n, "/")
        && path_add(path, size, &n, name)
        && path_add(path, size, &n, "/LC_MESSAGES/")
        && path_add(path, size, &n, cat->domain)
        && path_add(path, size, &n, ".mo"))
        rc = errcat__mo_open_lazy(path, mo);
    else
        rc = ERRCAT_ENOENT;
    if (path != small)
        errcat__free(path);
    return rc;
}

/* Nonzero when a catalog's domain names a file in LC_MESSAGES: no '/',
 * no leading '.'. A loop, for the reason set_name gives. */
static int
domain_ok(const char *domain)
{
    const char *p;

    for (p = domain; *p && *p != '/'; p++)
        ;
    return *p == '\0' && domain[0] != '.';
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
    struct errcat__mo mo;
    struct errcat__lname ln;
    struct errcat_locale *l = NULL;
    int parsed, rc;

    if (!domain_ok(cat->domain))
        return ERRCAT_EINVAL;
    if ((rc = open_file(cat, name, &mo)) != 0)
        return rc;
    /* parsed once, for the direction and the chain */
    parsed = errcat__locale_parse(name, &ln) == 0;
    if ((rc = build(cat, name, parsed && errcat__rtl(&ln), &mo, &l)) != 0) {
        errcat__mo_close(&mo);
        return rc;
    }
    /* the node owns the file now */
    if (parsed && (rc = inherit(cat, name, &ln, l)) != 0) {
        free_node(l);
        return rc;
    }
    *out = l;
    return 0;
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
    return build(cat, "test", 0, &mo, out);
}

void
errcat__locale_free(struct errcat_locale *l)
{
    free_node(l);
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
    set_name(a, raw);
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
    size_t n, i, len;
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
        len = items[i].len;
        /* a tag too long for a name: Lookup's truncation, subtag by
           subtag, until it fits (and never ending in a singleton) */
        while (len > ERRCAT_LOCALE_NAME_MAX || (len > 2
                                                && items[i].tag[len - 2] == '-'))
            for (len--; len > 0 && items[i].tag[len] != '-'; len--)
                ;
        if (len == 0)
            continue;
        memcpy(tag, items[i].tag, len);
        tag[len] = '\0';
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
        free_node(l);
    }
    cat->cache->locales = NULL;
    errcat__free(cat->cache->localedir);
    cat->cache->localedir = NULL;
    errcat__unlock();
}
