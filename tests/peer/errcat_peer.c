/*
 * errcat_peer.c - one liberrcat process answering many queries for the
 * peer suites (tests/peer/ scripts), so thousands of comparisons with GNU
 * gettext, Python's gettext, webob and babel cost one exec, not thousands.
 *
 *   errcat_peer CATALOG_LOCALEDIR FIXTURE_LOCALEDIR < queries
 *
 * Queries, one a line, fields separated by tabs; each answer ends with a
 * line holding only ".":
 *   env [NAME=VALUE]...    sets LC_ALL, LC_MESSAGES, LANG, LANGUAGE to the
 *                          values given and unsets the others; no answer
 *   texts                  the shipped catalog in the environment's
 *                          locale: its name, then for each entry its
 *                          description, message template, measure and
 *                          module name, one a line
 *   source                 the same lines in English (the msgids)
 *   accept HEADER          the fixture catalog's locale for the header
 * Texts are written with \ and newline escaped as \\ and \n.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errcat.h"
#include "csbs.h"
#include "../fixtures/fixture_catalog.h"

static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG",
                                    "LANGUAGE" };

static void
put_escaped(const char *s)
{
    for (; *s; s++)
        if (*s == '\\')
            fputs("\\\\", stdout);
        else if (*s == '\n')
            fputs("\\n", stdout);
        else
            putchar(*s);
    putchar('\n');
}

static void
set_env(char *args)
{
    char *tok, *eq;
    size_t i;

    for (i = 0; i < sizeof vars / sizeof *vars; i++)
        unsetenv(vars[i]);
    for (tok = strtok(args, "\t"); tok; tok = strtok(NULL, "\t"))
        if ((eq = strchr(tok, '=')) != NULL) {
            *eq = '\0';
            setenv(tok, eq + 1, 1);
        }
}

static void
texts(const struct errcat_locale *loc)
{
    const struct errcat_catalog *cat = &csbs_catalog;
    const struct errcat_entry *e;
    size_t i;

    put_escaped(errcat_locale_name(loc));
    for (i = 0; (e = errcat_entry_at(cat, i)) != NULL; i++) {
        put_escaped(errcat_description(cat, loc, e));
        put_escaped(errcat_message_template(cat, loc, e));
        put_escaped(errcat_measure(cat, loc, e));
        put_escaped(errcat_module_name(cat, loc, e));
    }
}

int
main(int argc, char **argv)
{
    const struct errcat_locale *loc;
    char line[1 << 16];
    size_t n;

    if (argc != 3 || errcat_bind(&csbs_catalog, argv[1]) != 0
        || errcat_bind(&fixture_catalog, argv[2]) != 0) {
        fputs("usage: errcat_peer CATALOG_LOCALEDIR FIXTURE_LOCALEDIR\n",
              stderr);
        return 2;
    }
    while (fgets(line, sizeof line, stdin)) {
        n = strlen(line);
        if (n && line[n - 1] == '\n')
            line[--n] = '\0';
        if (strncmp(line, "env", 3) == 0 && (line[3] == '\0'
                                             || line[3] == '\t')) {
            set_env(line + 3);
            continue;
        }
        if (strcmp(line, "texts") == 0) {
            errcat_locale_get(&csbs_catalog, NULL, &loc);
            texts(loc);
        } else if (strcmp(line, "source") == 0) {
            texts(NULL);
        } else if (strncmp(line, "accept\t", 7) == 0) {
            errcat_locale_accept(&fixture_catalog, line + 7, &loc);
            put_escaped(errcat_locale_name(loc));
        } else {
            fprintf(stderr, "errcat_peer: unknown query: %s\n", line);
            return 2;
        }
        puts(".");
        fflush(stdout);
    }
    errcat_catalog_release(&csbs_catalog);
    errcat_catalog_release(&fixture_catalog);
    return 0;
}
