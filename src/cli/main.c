/*
 * main.c - errcat, a perror for errcat catalogs: reads argv and calls
 * cli_run.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* The synopsis: option names, not translated. */
static const char synopsis[] =
    "errcat [--lang LOCALE | --accept-language HEADER]\n"
    "              [--json | --json-embed] [--arg VALUE]... CODE...\n"
    "       errcat [--lang LOCALE | --accept-language HEADER] [--json] --all\n"
    "       errcat [--lang LOCALE | --accept-language HEADER] [--json]\n"
    "              --body 'JSON error body'\n";

/* The options and what they do; a description may span lines.
 * TRANSLATORS: option descriptions of errcat --help; break lines as in
 * the English, under 56 columns: each continuation line is indented. */
static const struct {
    const char *option;
    const char *what;
} options[] = {
    { "--lang LOCALE", N_("the locale (de, zh_CN, de_DE.UTF-8, zh-Hans-CN);\n"
                          "default: LC_ALL, LC_MESSAGES, LANG, LANGUAGE") },
    { "--accept-language H", N_("negotiate the locale from an HTTP header") },
    { "--json", N_("print JSON objects (an array for --all)") },
    { "--json-embed", N_("--json with <, >, &, U+2028 and U+2029 escaped,\n"
                         "safe inside an HTML <script>") },
    { "--arg VALUE", N_("an argument of the message (repeatable)") },
    { "--all", N_("every entry of every catalog") },
    { "--body JSON", N_("recognise an API error body\n"
                        "{\"error_code\": ..., \"error_msg\": ...}") },
};

/* Writes s with every line after the first indented by indent spaces. */
static void
put_indented(const char *s, size_t indent)
{
    for (; *s; s++) {
        putchar(*s);
        if (*s == '\n' && s[1])
            printf("%*s", (int)indent, "");
    }
    putchar('\n');
}

static int
usage(void)
{
    size_t i;

    /* TRANSLATORS: followed by the command's synopsis */
    fputs(_("usage:"), stdout);
    putchar(' ');
    fputs(synopsis, stdout);
    putchar('\n');
    fputs(_("Shows the entries of an error catalog in a language."), stdout);
    putchar('\n');
    fputs(_("CODE is a code (CSBS.6000), an id (server_not_found), a constant\n"
            "(CSBS_SERVER_NOT_FOUND) or its numeric value."), stdout);
    fputs("\n\n", stdout);
    for (i = 0; i < sizeof options / sizeof *options; i++) {
        printf("  %-20s ", options[i].option);
        put_indented(_(options[i].what), 23);
    }
    putchar('\n');
    fputs(_("Translations are read from ERRCAT_LOCALEDIR if set in the "
            "environment."), stdout);
    putchar('\n');
    fputs(_("Exit status: 0 found, 1 unknown code or unmatched body, "
            "2 usage."), stdout);
    putchar('\n');
    return fflush(stdout) == 0 ? CLI_FOUND : CLI_USAGE;
}

/* Reports a usage error: msgid translated, with arg for its %s. */
static int
bad_usage(const char *msgid, const char *arg)
{
    cli_error(msgid, arg);
    fputs(_("Try 'errcat --help'."), stderr);
    fputc('\n', stderr);
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
    cli_tr_setup();
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
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
            return usage();
        if (strcmp(a, "--json") == 0)
            opt.json = 1;
        else if (strcmp(a, "--json-embed") == 0)
            opt.json = opt.embed = 1;
        else if (strcmp(a, "--all") == 0)
            opt.all = 1;
        else if ((r = take(argc, argv, &i, "--lang", &opt.lang)) != 0
                 || (r = take(argc, argv, &i, "--accept-language",
                              &opt.accept)) != 0
                 || (r = take(argc, argv, &i, "--body", &opt.body)) != 0) {
            if (r < 0)
                return bad_usage(N_("option '%s' needs a value"), a);
            cli_tr_locale(opt.lang);
        } else if ((r = take(argc, argv, &i, "--arg", &v)) != 0) {
            if (r < 0)
                return bad_usage(N_("option '%s' needs a value"), a);
            if (opt.nargs == ERRCAT_ARGS_MAX)
                return bad_usage(N_("too many --arg (at most 16)"), NULL);
            opt.args[opt.nargs++] = v;
        } else
            return bad_usage(N_("unknown option '%s'"), a);
    }
    if (opt.lang && opt.accept)
        return bad_usage(N_("--lang and --accept-language exclude each other"),
                         NULL);
    if ((opt.all != 0) + (opt.body != NULL) + (opt.ncodes > 0) != 1)
        return bad_usage(N_("give CODE..., --all or --body"), NULL);
    if (opt.nargs && opt.ncodes == 0)
        return bad_usage(N_("--arg goes with CODE"), NULL);
    return cli_run(&opt);
}
