/*
 * cli.h - the errcat command: its options as main() read them, and the
 * one function that runs a request with them.
 */
#ifndef ERRCAT_CLI_H
#define ERRCAT_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "errcat.h"

/* Exit statuses. */
#define CLI_FOUND 0
#define CLI_NOT_FOUND 1         /* an unknown code, an unmatched body */
#define CLI_USAGE 2             /* bad option, bad locale name, I/O */

/* errcat-gen's version: errcat --version and errcat-gen --version agree
 * (tests/errcat-cli.test.sh checks). */
#define CLI_VERSION "1.0"

struct cli_options {
    const char *lang;           /* --lang, or NULL */
    const char *accept;         /* --accept-language, or NULL */
    const char *body;           /* --body: JSON, "-" (stdin) or @FILE */
    char **catalogs;            /* --catalog FILE, in order */
    size_t ncatalogs;
    int list;                   /* --list-catalogs */
    int json;                   /* --json */
    int embed;                  /* --json-embed: safe inside HTML */
    int all;                    /* --all */
    const char *args[ERRCAT_ARGS_MAX];  /* --arg, in order */
    size_t nargs;
    char **codes;               /* CODE... */
    size_t ncodes;
};

/* The catalogs compiled into the command, NULL-terminated (catalogs.c). */
extern const struct errcat_catalog *const cli_catalogs[];

/* Where a catalog comes from. */
enum cli_kind {
    CLI_BUILTIN,                /* linked into the command */
    CLI_COMPILED,               /* a compiled catalog file, NAME.errcat */
    CLI_XML                     /* catalog XML, compiled in memory */
};

/* One catalog the command may answer from (sources.c). */
struct cli_source {
    enum cli_kind kind;
    char *path;                 /* NULL for a built-in catalog */
    int named;                  /* by --catalog: it must load */
    const struct errcat_catalog *cat;   /* NULL until opened */
    int owned;                  /* cat from errcat_catalog_open/_load */
    struct errcat_catalog_info info;    /* what its head says */
    const char *hint;           /* the code info.has_code answers for */
    int surveyed;               /* head read (XML: loaded) */
    int broken;                 /* reported and skipped */
    int dropped;                /* repeats an earlier catalog: skipped */
    struct cli_source *shadow;  /* ... that one, which, if it turns out
                                   broken, gives way to this one */
};

struct cli_sources {
    struct cli_source *v;
    size_t n, cap;
    size_t surveyed;            /* v[0..surveyed) have been surveyed */
    const char *hint;           /* the one CODE asked for, or NULL */
};

/*
 * Gathers the catalogs in order of precedence: --catalog, the
 * ERRCAT_CATALOG_PATH directories, the built-in ones, the installed
 * ones, and loads those named by --catalog. The others are surveyed in
 * that order when a request first reaches them: the head of a compiled
 * file read (with the code asked for, when one is), an XML catalog
 * loaded; broken ones reported on stderr then. Returns CLI_FOUND, or
 * CLI_USAGE when a catalog named by --catalog cannot be loaded. Free with
 * cli_sources_free in any case.
 */
int cli_sources_gather(struct cli_sources *set,
                       const struct cli_options *opt);
void cli_sources_free(struct cli_sources *set);

/* What the head of source i says (zero when it is broken), surveying
 * it and those before it first. */
const struct errcat_catalog_info *cli_source_info(struct cli_sources *set,
                                                  size_t i);

/* The catalog of source i, opened on first use; NULL when it is broken
 * (and then reported, once) or skipped. */
const struct errcat_catalog *cli_source_open(struct cli_sources *set,
                                             size_t i);

/* Nonzero when source i may have an entry with code (its file's code
 * hash is read, not the whole file). */
int cli_source_may_have_code(struct cli_sources *set, size_t i,
                             const char *code);

/* strcmp over pointers to strings, for qsort. */
int cli_strcmp_ptr(const void *a, const void *b);

/* Runs the request; prints results on stdout and diagnostics on stderr.
 * Returns the exit status. */
int cli_run(const struct cli_options *opt);

/* ---- text.c: the command's own texts, in errcat's text domain -------- */

#define _(msgid) cli_tr(msgid)
#define N_(msgid) msgid

/* Binds errcat's domain where the catalogs' translations are: the build
 * tree for the uninstalled command, $ERRCAT_LOCALEDIR if set. */
void cli_tr_setup(void);

/* The directory of translations: $ERRCAT_LOCALEDIR, the build tree for
 * the uninstalled command, else NULL (liberrcat's compiled-in default). */
const char *cli_localedir(void);

/* Sets the locale the command's texts follow (NULL: the environment). */
void cli_tr_locale(const char *locale);

/* msgid in the command's locale; borrowed. */
const char *cli_tr(const char *msgid);

/*
 * Writes tmpl to f with its placeholders replaced: %s takes the next of
 * args, %N$s the N-th, %% is a percent sign; with `escape`, arguments
 * have control and non-ASCII bytes escaped and are cut at 80 bytes (a
 * hostile name must not reach a terminal raw). No printf: tmpl may be a
 * translation.
 */
void cli_put(FILE *f, const char *tmpl, const char *const *args, size_t n,
             int escape);

/* "errcat: " and msgid translated, with one argument (or NULL), then a
 * newline, on stderr. */
void cli_error(const char *msgid, const char *arg);

/* The number of terminal columns s takes: 2 for East Asian wide and
 * full-width characters, 0 for combining marks, 1 otherwise. */
size_t cli_width(const char *s);

#endif
