/*
 * main.c - errcat, a perror for errcat catalogs: reads argv and calls
 * cli_run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: errcat [--lang LOCALE | --accept-language HEADER] [--json]\n"
    "              [--catalog FILE]... [--arg VALUE]... CODE...\n"
    "       errcat [...] --all\n"
    "       errcat [...] --body 'JSON error body' | --body - | --body @FILE\n"
    "       errcat [--catalog FILE]... --list-catalogs\n"
    "       errcat --help | --version\n"
    "\n"
    "Shows the entries of an error catalog in a language.\n"
    "CODE is a code (CSBS.6000), an id (server_not_found), a constant\n"
    "(CSBS_SERVER_NOT_FOUND) or its numeric value.\n"
    "\n"
    "  --lang LOCALE        the locale (de, zh_CN, de_DE.UTF-8, zh-Hans-CN);\n"
    "                       default: LC_ALL, LC_MESSAGES, LANG, LANGUAGE\n"
    "  --accept-language H  negotiate the locale from an HTTP header\n"
    "  --json               print JSON objects (an array for --all)\n"
    "  --arg VALUE          an argument of the message (repeatable)\n"
    "  --all                every entry of every catalog\n"
    "  --body JSON          recognise an API error body\n"
    "                       {\"error_code\": ..., \"error_msg\": ...};\n"
    "                       - reads it from stdin, @FILE from FILE\n"
    "  --catalog FILE       also answer from FILE: catalog XML, or a\n"
    "                       compiled catalog NAME.errcat (repeatable)\n"
    "  --list-catalogs      list the catalogs answered from\n"
    "\n"
    "Catalogs, first found first: --catalog, the directories of\n"
    "ERRCAT_CATALOG_PATH (colon-separated), the built-in ones, the\n"
    "installed ones. Translations are read from ERRCAT_LOCALEDIR if set.\n"
    "Exit status: 0 found, 1 unknown code or unmatched body, 2 usage.\n";

static int
bad_usage(const char *fmt, const char *what)
{
    fputs("errcat: ", stderr);
    fprintf(stderr, fmt, what);
    fputs("\nTry 'errcat --help'.\n", stderr);
    return CLI_USAGE;
}

/*
 * Matches option opt at argv[*i], as "--opt VALUE" or "--opt=VALUE":
 * 1 with *out set (and *i past the value), -1 when the value is missing,
 * 0 when argv[*i] is another option.
 */
static int
take(int argc, char **argv, int *i, const char *opt, const char **out)
{
    size_t n = strlen(opt);

    if (strncmp(argv[*i], opt, n) != 0)
        return 0;
    if (argv[*i][n] == '=') {
        *out = argv[*i] + n + 1;
        return 1;
    }
    if (argv[*i][n] != '\0')
        return 0;
    if (*i + 1 >= argc)
        return -1;
    *out = argv[++*i];
    return 1;
}

int
main(int argc, char **argv)
{
    struct cli_options opt;
    const char *v;
    int i, r;

    memset(&opt, 0, sizeof opt);
    if ((opt.catalogs = calloc((size_t)argc, sizeof *opt.catalogs)) == NULL) {
        fputs("errcat: out of memory\n", stderr);
        return CLI_USAGE;
    }
    /* Options may follow codes, as with GNU tools; argv is compacted in
     * place into the list of codes. */
    opt.codes = argv + 1;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];

        if (strcmp(a, "--") == 0) {
            while (++i < argc)
                opt.codes[opt.ncodes++] = argv[i];
            break;
        }
        if (a[0] != '-' || a[1] == '\0') {
            opt.codes[opt.ncodes++] = argv[i];
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return fflush(stdout) == 0 ? CLI_FOUND : CLI_USAGE;
        }
        if (strcmp(a, "--version") == 0) {
            puts("errcat " CLI_VERSION);
            return fflush(stdout) == 0 ? CLI_FOUND : CLI_USAGE;
        }
        if (strcmp(a, "--json") == 0)
            opt.json = 1;
        else if (strcmp(a, "--list-catalogs") == 0)
            opt.list = 1;
        else if (strcmp(a, "--all") == 0)
            opt.all = 1;
        else if ((r = take(argc, argv, &i, "--lang", &opt.lang)) != 0
                 || (r = take(argc, argv, &i, "--accept-language",
                              &opt.accept)) != 0
                 || (r = take(argc, argv, &i, "--body", &opt.body)) != 0) {
            if (r < 0)
                return bad_usage("option '%s' needs a value", a);
        } else if ((r = take(argc, argv, &i, "--catalog", &v)) != 0) {
            if (r < 0)
                return bad_usage("option '%s' needs a value", a);
            opt.catalogs[opt.ncatalogs++] = (char *)v;
        } else if ((r = take(argc, argv, &i, "--arg", &v)) != 0) {
            if (r < 0)
                return bad_usage("option '%s' needs a value", a);
            if (opt.nargs == ERRCAT_ARGS_MAX)
                return bad_usage("too many --arg (at most 16)%s", "");
            opt.args[opt.nargs++] = v;
        } else
            return bad_usage("unknown option '%s'", a);
    }
    if (opt.lang && opt.accept)
        return bad_usage("--lang and --accept-language exclude each other%s",
                         "");
    if ((opt.all != 0) + (opt.body != NULL) + (opt.ncodes > 0)
        + (opt.list != 0) != 1)
        return bad_usage("give CODE..., --all, --body or --list-catalogs%s",
                         "");
    if (opt.nargs && opt.ncodes == 0)
        return bad_usage("--arg goes with CODE%s", "");
    r = cli_run(&opt);
    free(opt.catalogs);
    return r;
}
