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

struct cli_options {
    const char *lang;           /* --lang, or NULL */
    const char *accept;         /* --accept-language, or NULL */
    const char *body;           /* --body, or NULL */
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
