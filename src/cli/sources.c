/*
 * sources.c - the catalogs the errcat command answers from, in order:
 * those named by --catalog, those in the ERRCAT_CATALOG_PATH directories,
 * the built-in ones, the installed ones. Compiled catalogs are opened
 * lazily: at first only each file's head is read, and a file is opened
 * when it may hold what is asked; catalog XML is read through errcat-gen's
 * own loader and compiled in memory. A broken catalog is reported and
 * skipped; nothing is read from a directory nobody named or installed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "gen.h"
#include "load.h"
#include "util.h"

#ifndef ERRCAT_CATALOGDIR
#define ERRCAT_CATALOGDIR "/usr/local/share/errcat/catalogs"
#endif

static int xml_ready;           /* load_init done */

static int survey_upto(struct cli_sources *set, size_t n);

/* The installed catalogs: the build tree's for the uninstalled command. */
static const char *
catalogdir(void)
{
#if defined(ERRCAT_BUILD_CATALOGDIR) && !defined(ERRCAT_INSTALLED)
    return ERRCAT_BUILD_CATALOGDIR;
#else
    return ERRCAT_CATALOGDIR;
#endif
}

static int
ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);

    return n > k && strcmp(s + n - k, suffix) == 0;
}

static struct cli_source *
add(struct cli_sources *set, enum cli_kind kind, const char *path,
    int named)
{
    struct cli_source *s;

    set->v = xgrow(set->v, &set->cap, set->n, sizeof *set->v);
    s = &set->v[set->n++];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->path = path ? xstrdup(path) : NULL;
    s->named = named;
    return s;
}

static void
report_file_error(const struct cli_source *s, int rc,
                  const struct errcat_file_error *err)
{
    if (rc == ERRCAT_EINVAL && err->offset)
        fprintf(stderr, "%s: error: offset %lu: %s; catalog skipped\n",
                s->path, err->offset, err->reason);
    else
        fprintf(stderr, "%s: error: %s; catalog skipped\n", s->path,
                err->reason ? err->reason : errcat_status_string(rc));
}

/*
 * The translations of a catalog found in PREFIX/share/errcat/catalogs/
 * (installed by another package's rules, under its own prefix): the
 * locale tree of that prefix, PREFIX/share/locale, when it exists; owned.
 * NULL for any other place.
 */
static char *
sibling_localedir(const char *path)
{
    static const char tail[] = "/errcat/catalogs/";
    const char *slash = path ? strrchr(path, '/') : NULL;
    size_t n;
    char *dir;
    struct stat st;

    if (slash == NULL)
        return NULL;
    n = (size_t)(slash - path) + 1;         /* through the slash */
    if (n < sizeof tail || memcmp(slash + 1 - (sizeof tail - 1), tail,
                                  sizeof tail - 1) != 0)
        return NULL;
    n -= sizeof tail - 1;                   /* PREFIX/share */
    dir = xmalloc(n + sizeof "/locale");
    memcpy(dir, path, n);
    memcpy(dir + n, "/locale", sizeof "/locale");
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        free(dir);
        return NULL;
    }
    return dir;
}

/* Fills s's summary from its catalog, now open. */
static void
take_info(struct cli_source *s)
{
    s->info.number = s->cat->number;
    snprintf(s->info.name, sizeof s->info.name, "%s", s->cat->name);
    snprintf(s->info.domain, sizeof s->info.domain, "%s", s->cat->domain);
    snprintf(s->info.prefix, sizeof s->info.prefix, "%s", s->cat->prefix);
    s->info.n_entries = s->cat->n_entries;
}

/* Binds a catalog just opened to the translations' directory:
 * ERRCAT_LOCALEDIR, else its prefix's locale tree, else the command's. */
static int
bind(struct cli_source *s)
{
    const char *env = getenv("ERRCAT_LOCALEDIR");
    char *sibling = env && *env ? NULL : sibling_localedir(s->path);
    int rc = errcat_bind(s->cat, sibling ? sibling : cli_localedir());

    free(sibling);

    if (rc != 0) {
        const char *what[2];

        what[0] = s->cat->name;
        what[1] = errcat_status_string(rc);
        fputs("errcat: ", stderr);
        cli_put(stderr, _("catalog %s: %s"), what, 2, 1);
        fputc('\n', stderr);
        s->broken = 1;
    }
    return rc;
}

/* Reads catalog XML through errcat-gen's loader and loads the compiled
 * catalog it makes. */
static void
open_xml(struct cli_source *s)
{
    struct buf out = { NULL, 0, 0 };
    struct errcat_file_error err;
    int rc;

    if (!xml_ready) {
        load_init();
        xml_ready = 1;
    }
    if (gen_compile(s->path, &out) != 0) {
        fprintf(stderr, "%s: catalog skipped\n", s->path);
        s->broken = 1;
    } else if ((rc = errcat_catalog_load(out.data, out.len, &s->cat,
                                         &err)) != 0) {
        report_file_error(s, rc, &err);
        s->broken = 1;
    } else {
        s->owned = 1;
        take_info(s);
        bind(s);
    }
    buf_free(&out);
}

/* Nonzero when s is skipped: broken, or the same catalog as an earlier
 * one that is not broken (a copy found broken only when opened gives way
 * to the next). */
static int
skipped(struct cli_source *s)
{
    if (s->dropped && s->shadow->broken
        && strcmp(s->shadow->info.name, s->info.name) == 0)
        s->dropped = 0;
    return s->broken || s->dropped;
}

const struct errcat_catalog *
cli_source_open(struct cli_sources *set, size_t i)
{
    struct cli_source *s = &set->v[i];
    struct errcat_file_error err;
    int rc;

    survey_upto(set, i + 1);
    if (skipped(s))
        return NULL;
    if (s->cat)
        return s->cat;
    rc = errcat_catalog_open(s->path, &s->cat, &err);
    if (rc == 0 && (s->cat->number != s->info.number
                    || strcmp(s->cat->domain, s->info.domain) != 0)) {
        err.offset = 0;
        err.reason = "file changed while read";
        errcat_catalog_close(s->cat);
        s->cat = NULL;
        rc = ERRCAT_EINVAL;
    }
    if (rc != 0) {
        report_file_error(s, rc, &err);
        s->broken = 1;
        return NULL;
    }
    s->owned = 1;
    return bind(s) == 0 ? s->cat : NULL;
}

int
cli_source_may_have_code(struct cli_sources *set, size_t i, const char *code)
{
    struct cli_source *s = &set->v[i];
    struct errcat_catalog_info info;

    survey_upto(set, i + 1);
    if (skipped(s))
        return 0;
    if (s->cat)
        return errcat_find_code(s->cat, code) != NULL;
    if (s->hint && strcmp(s->hint, code) == 0)
        return s->info.has_code;
    /* the file passed a peek before: an error now is the file's, and
       opening it reports it */
    return errcat_catalog_peek(s->path, code, &info, NULL) != 0
        || info.has_code;
}

/* Adds the catalogs of directory dir: *.errcat and *.xml, by name. */
static void
add_dir(struct cli_sources *set, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char **names = NULL;
    size_t n = 0, cap = 0, i;

    if (d == NULL)
        return;                     /* like PATH: absent directories are
                                       no error */
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' || !(ends_with(de->d_name, ".errcat")
                                      || ends_with(de->d_name, ".xml")))
            continue;
        names = xgrow(names, &cap, n, sizeof *names);
        names[n] = xmalloc(strlen(dir) + strlen(de->d_name) + 2);
        sprintf(names[n++], "%s/%s", dir, de->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cli_strcmp_ptr);
    for (i = 0; i < n; i++) {
        add(set, ends_with(names[i], ".xml") ? CLI_XML : CLI_COMPILED,
            names[i], 0);
        free(names[i]);
    }
    free(names);
}

int
cli_strcmp_ptr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The first source before s that s collides with, by number or domain. */
static const struct cli_source *
collision(const struct cli_sources *set, const struct cli_source *s)
{
    const struct cli_source *t;

    for (t = set->v; t < s; t++)
        if (!t->broken && !t->dropped
            && (t->info.number == s->info.number
                || strcmp(t->info.domain, s->info.domain) == 0))
            return t;
    return NULL;
}

/* Surveys v[0..n): reads each source's head (or whole XML), and drops
 * those that repeat an earlier catalog: silently when it is the same
 * catalog again (the built-in one installed too), with a warning when
 * another. Returns CLI_USAGE when a catalog named by --catalog is broken. */
static int
survey_upto(struct cli_sources *set, size_t n)
{
    struct errcat_file_error err;
    int rc, status = CLI_FOUND;

    for (; set->surveyed < n && set->surveyed < set->n; set->surveyed++) {
        struct cli_source *s = &set->v[set->surveyed];
        const struct cli_source *t;

        s->surveyed = 1;
        if (s->kind == CLI_XML)
            open_xml(s);
        else if (s->kind == CLI_COMPILED) {
            s->hint = set->hint;
            if ((rc = errcat_catalog_peek(s->path, set->hint, &s->info,
                                          &err)) != 0) {
                report_file_error(s, rc, &err);
                s->broken = 1;
            }
        }
        if (s->broken) {
            if (s->named)
                status = CLI_USAGE;
            continue;
        }
        if ((t = collision(set, s)) == NULL)
            continue;
        s->dropped = 1;
        s->shadow = (struct cli_source *)t;
        if (strcmp(t->info.name, s->info.name) != 0
            || t->info.number != s->info.number
            || strcmp(t->info.domain, s->info.domain) != 0)
            fprintf(stderr, "%s: warning: catalog %s (number %d, domain %s) "
                    "collides with %s (number %d, domain %s) from %s; "
                    "skipped\n", s->path ? s->path : "built-in",
                    s->info.name, s->info.number, s->info.domain,
                    t->info.name, t->info.number, t->info.domain,
                    t->path ? t->path : "the command itself");
    }
    return status;
}

const struct errcat_catalog_info *
cli_source_info(struct cli_sources *set, size_t i)
{
    survey_upto(set, i + 1);
    return &set->v[i].info;
}

int
cli_sources_gather(struct cli_sources *set, const struct cli_options *opt)
{
    const char *env = getenv("ERRCAT_CATALOG_PATH");
    size_t i;

    memset(set, 0, sizeof *set);
    for (i = 0; i < opt->ncatalogs; i++)
        add(set, ends_with(opt->catalogs[i], ".errcat") ? CLI_COMPILED
            : CLI_XML, opt->catalogs[i], 1);
    /* empty components name no directory (not the current one) */
    while (env && *env) {
        const char *colon = strchr(env, ':');
        size_t n = colon ? (size_t)(colon - env) : strlen(env);

        if (n > 0) {
            char *dir = xstrndup(env, n);

            add_dir(set, dir);
            free(dir);
        }
        env += n + (colon != NULL);
    }
    for (i = 0; cli_catalogs[i]; i++) {
        struct cli_source *s = add(set, CLI_BUILTIN, NULL, 0);

        s->cat = cli_catalogs[i];
        take_info(s);
        if (bind(s) != 0)
            return CLI_USAGE;
    }
    add_dir(set, catalogdir());
    set->hint = opt->ncodes == 1 ? opt->codes[0] : NULL;
    return survey_upto(set, opt->ncatalogs);
}

void
cli_sources_free(struct cli_sources *set)
{
    size_t i;

    for (i = 0; i < set->n; i++) {
        if (set->v[i].owned)
            errcat_catalog_close(set->v[i].cat);
        else if (set->v[i].cat)
            errcat_catalog_release(set->v[i].cat);
        free(set->v[i].path);
    }
    free(set->v);
    memset(set, 0, sizeof *set);
    if (xml_ready) {
        load_cleanup();
        xml_ready = 0;
    }
}
