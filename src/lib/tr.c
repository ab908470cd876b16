/*
 * tr.c - errcat's own text domain, "errcat": the labels, usage and
 * messages of the errcat tools and the runtime's fallback texts for
 * unknown entries, read from DIR/LL/LC_MESSAGES/errcat.mo with liberrcat's
 * own .mo reader, along the same fallback chain and environment rules as
 * a catalog's locales, and published on lock-free lists.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "errcat_int.h"

#ifndef ERRCAT_LOCALEDIR
#define ERRCAT_LOCALEDIR "/usr/local/share/locale"
#endif

#define TR_DOMAIN "errcat"
#define TR_PATH_BYTES 4096
#define TR_DIR_MAX 4000
#define TR_NAMES_MAX 128        /* names cached; past it, resolved afresh */

#define N_(s) s

/* What an unknown entry reads as, by field (enum errcat_field). */
static const char *const fallback_text[] = {
    /* TRANSLATORS: the description and message of an error code the
       catalog does not know */
    N_("Unknown error"),                /* ERRCAT_DESCRIPTION */
    N_("Unknown error"),                /* ERRCAT_MESSAGE */
    /* TRANSLATORS: what the user should do about an unknown error */
    N_("Contact technical support."),   /* ERRCAT_MEASURE */
    /* TRANSLATORS: the module (group of error codes) of an unknown error */
    N_("Unknown")                       /* ERRCAT_MODULE */
};

/* Translation states of a .mo pair, checked on its first use. */
enum { UNCHECKED, USABLE, REFUSED };

/* One errcat.mo present on disk, never changed once published. */
struct tr_file {
    struct tr_file *next;
    struct errcat__mo mo;
    struct errcat__mo_index index;  /* when the file has no hash table */
    unsigned char *state;       /* per pair, atomic: UNCHECKED... */
    unsigned gen;               /* errcat_tr_bind generation read from */
    char name[ERRCAT_LOCALE_NAME_MAX + 1];
};

/* A name as asked and the files of its chain, most specific first. */
struct tr_name {
    struct tr_name *next;
    const struct tr_file *file[ERRCAT__CHAIN_MAX];
    size_t n;
    unsigned gen;
    char name[ERRCAT_LOCALE_NAME_MAX + 1];
};

/* A directory errcat_tr_bind set; each stays, on a list, since a reader
 * may hold it. Binding is for start-up, so what stays is bounded by how
 * often a program binds. */
struct tr_dir {
    struct tr_dir *next;
    char dir[];
};

static pthread_mutex_t tr_lock = PTHREAD_MUTEX_INITIALIZER;
static struct tr_file *files;   /* heads, published atomically */
static struct tr_name *names;
static size_t n_names;          /* under tr_lock */
static struct tr_dir *dirs;     /* every directory bound, under tr_lock */
static const char *bound;       /* the one in use, atomic; NULL: default */
static unsigned gen;            /* bumped by errcat_tr_bind, atomic */

static const char *
tr_dir(void)
{
    const char *d = ERRCAT__LOAD(bound);

    return d ? d : ERRCAT_LOCALEDIR;
}

int
errcat_tr_bind(const char *dir)
{
    struct tr_dir *d = NULL;
    size_t n = dir ? strlen(dir) : 0;

    if (dir && (n == 0 || n > TR_DIR_MAX))
        return ERRCAT_EINVAL;
    if (dir && (d = errcat__malloc(sizeof *d + n + 1)) == NULL)
        return ERRCAT_ENOMEM;
    pthread_mutex_lock(&tr_lock);
    if (d) {
        memcpy(d->dir, dir, n + 1);
        d->next = dirs;
        dirs = d;
    }
    ERRCAT__STORE(bound, d ? d->dir : NULL);
    ERRCAT__STORE(gen, gen + 1);
    pthread_mutex_unlock(&tr_lock);
    return 0;
}

/* Prepares f's lookups: the file's hash table, or an index of errcat's
 * own; a verdict per pair. Returns 0 or ERRCAT_ENOMEM. */
static int
index_file(struct tr_file *f)
{
    if ((f->state = errcat__calloc(f->mo.n, 1)) == NULL)
        return ERRCAT_ENOMEM;
    return errcat__mo_index(&f->mo, &f->index);
}

static void
free_file(struct tr_file *f)
{
    if (f) {
        errcat__mo_close(&f->mo);
        errcat__mo_index_free(&f->index);
        errcat__free(f->state);
        errcat__free(f);
    }
}

/* The published file of name in generation g, or NULL. Lock-free. */
static const struct tr_file *
find_file(const char *name, unsigned g)
{
    const struct tr_file *f;

    for (f = ERRCAT__LOAD(files); f; f = f->next)
        if (f->gen == g && strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

/* Loads DIR/name/LC_MESSAGES/errcat.mo and publishes it. Returns 0,
 * ERRCAT_ENOENT or ERRCAT_EINVAL (no usable file), ERRCAT_ENOMEM. Under
 * tr_lock. */
static int
load_file(const char *name, unsigned g, const struct tr_file **out)
{
    char path[TR_PATH_BYTES];
    struct tr_file *f;
    int n, rc;

    n = snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/" TR_DOMAIN ".mo",
                 tr_dir(), name);
    if (n < 0 || (size_t)n >= sizeof path)
        return ERRCAT_ENOENT;
    if ((f = errcat__calloc(1, sizeof *f)) == NULL)
        return ERRCAT_ENOMEM;
    if ((rc = errcat__mo_open(path, &f->mo)) != 0
        || (rc = f->mo.charset != ERRCAT__MO_OTHER ? index_file(f)
                : ERRCAT_EINVAL) != 0) {
        free_file(f);
        return rc;
    }
    f->gen = g;
    strcpy(f->name, name);
    f->next = ERRCAT__LOAD(files);
    ERRCAT__STORE(files, f);
    *out = f;
    return 0;
}

/* Fills r with the files of raw's chain, loading what is missing. Returns
 * 0 or ERRCAT_ENOMEM (r then holds what was found). Under tr_lock. */
static int
resolve_locked(const char *raw, unsigned g, struct tr_name *r)
{
    char chain[ERRCAT__CHAIN_MAX][ERRCAT_LOCALE_NAME_MAX + 1];
    struct errcat__lname ln;
    const struct tr_file *f;
    size_t n, i;
    int rc = 0, e;

    r->n = 0;
    if (errcat__locale_parse(raw, &ln) != 0)
        return 0;
    n = errcat__locale_chain(&ln, chain);
    for (i = 0; i < n; i++) {
        if ((f = find_file(chain[i], g)) == NULL
            && (e = load_file(chain[i], g, &f)) != 0) {
            if (e == ERRCAT_ENOMEM)
                rc = e;
            continue;
        }
        r->file[r->n++] = f;
    }
    return rc;
}

/*
 * The files raw names, into *tmp when not cached (tmp is the caller's).
 * Lock-free once raw is cached; NULL for an unsafe name.
 */
static const struct tr_name *
resolve(const char *raw, struct tr_name *tmp)
{
    const struct tr_name *c;
    struct tr_name *fresh;
    unsigned g = ERRCAT__LOAD(gen);
    int rc;

    if (!errcat__locale_name_safe(raw))
        return NULL;
    for (c = ERRCAT__LOAD(names); c; c = c->next)
        if (c->gen == g && strcmp(c->name, raw) == 0)
            return c;
    pthread_mutex_lock(&tr_lock);
    g = gen;
    for (c = ERRCAT__LOAD(names); c; c = c->next)
        if (c->gen == g && strcmp(c->name, raw) == 0)
            break;
    if (c == NULL) {
        rc = resolve_locked(raw, g, tmp);
        c = tmp;
        if (rc == 0 && n_names < TR_NAMES_MAX
            && (fresh = errcat__malloc(sizeof *fresh)) != NULL) {
            *fresh = *tmp;
            fresh->gen = g;
            strcpy(fresh->name, raw);
            fresh->next = ERRCAT__LOAD(names);
            ERRCAT__STORE(names, fresh);
            n_names++;
            c = fresh;
        }
    }
    pthread_mutex_unlock(&tr_lock);
    return c;
}

/* msgid's translation in f, checked on first use, or NULL. */
static const char *
lookup(const struct tr_file *f, const char *msgid, size_t len)
{
    long i = errcat__mo_find(&f->mo, &f->index, msgid, len);
    const char *k, *v;
    size_t kn, vn;
    unsigned char st;

    if (i < 0)
        return NULL;
    errcat__mo_pair(&f->mo, (uint32_t)i, &k, &kn, &v, &vn);
    if (vn == 0 || memchr(v, '\0', vn))
        return NULL;            /* untranslated, or plural forms */
    st = __atomic_load_n(&f->state[i], __ATOMIC_RELAXED);
    if (st == UNCHECKED) {
        /* every thread that checks reaches the same verdict */
        st = errcat__mo_text_ok(&f->mo, v, vn)
            && errcat__translation_ok(msgid, strchr(msgid, '%')
                                      ? ERRCAT_FORMAT_PRINTF
                                      : ERRCAT_FORMAT_NONE, v, vn)
            ? USABLE : REFUSED;
        __atomic_store_n(&f->state[i], st, __ATOMIC_RELAXED);
    }
    return st == USABLE ? v : NULL;
}

/* The translation of msgid along r's chain, or NULL. */
static const char *
translate(const struct tr_name *r, const char *msgid)
{
    size_t len = strlen(msgid), i;
    const char *t;

    for (i = 0; r && i < r->n; i++)
        if ((t = lookup(r->file[i], msgid, len)) != NULL)
            return t;
    return NULL;
}

struct env_try {
    struct tr_name tmp;
    const struct tr_name *r;
};

/* An environment candidate is taken when errcat has a file for it or
 * when it asks for English. */
static int
env_try(const char *name, void *ctx)
{
    struct env_try *t = ctx;

    t->r = resolve(name, &t->tmp);
    if (t->r && t->r->n > 0)
        return 1;
    t->r = NULL;
    return errcat__english_name(name);
}

const char *
errcat_tr(const char *locale, const char *msgid)
{
    struct env_try t;
    const char *tr;

    if (msgid == NULL || msgid[0] == '\0')
        return msgid;
    t.r = NULL;
    if (locale == NULL || locale[0] == '\0')
        errcat__env_locales(env_try, &t);
    else
        t.r = resolve(locale, &t.tmp);
    tr = translate(t.r, msgid);
    return tr ? tr : msgid;
}

/* The fallback text of field in the language of locale name (NULL:
 * English). Borrowed, valid for the process. */
static const char *
fallback(const char *name, enum errcat_field field)
{
    if ((unsigned)field > ERRCAT_MODULE)
        field = ERRCAT_DESCRIPTION;
    if (name == NULL || strcmp(name, "en") == 0)
        return fallback_text[field];
    return errcat_tr(name, fallback_text[field]);
}

const char *
errcat__unknown_text(const struct errcat_locale *loc, enum errcat_field field)
{
    struct errcat_locale *l = (struct errcat_locale *)loc;
    const char *t;

    if ((unsigned)field > ERRCAT_MODULE)
        field = ERRCAT_DESCRIPTION;
    if (loc == NULL || loc->kind != ERRCAT__NODE_LOADED || loc->cat == NULL)
        return fallback_text[field];
    if ((t = ERRCAT__LOAD(l->fallback[field])) == NULL) {
        /* every thread computes the same borrowed string */
        t = fallback(loc->name, field);
        ERRCAT__STORE(l->fallback[field], t);
    }
    return t;
}
