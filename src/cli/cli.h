/*
 * cli.h - the errcat command: its options as main() read them, and the
 * one function that runs a request with them.
 */
#ifndef ERRCAT_CLI_H
#define ERRCAT_CLI_H

#include <stddef.h>

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

#endif
