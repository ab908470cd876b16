/*
 * main.c - errcat-gen's command line: reads argv, runs the pipeline.
 */
#include <stdio.h>
#include <string.h>

#include "gen.h"
#include "load.h"

#define VERSION "1.0"

static const char usage[] =
    "usage: errcat-gen check [--Werror] CATALOG.xml...\n"
    "       errcat-gen generate -o DIR [--pot-dir DIR] [--compiled DIR]\n"
    "                           [--Werror] CATALOG.xml...\n"
    "       errcat-gen --help | --version\n";

static int
bad_usage(const char *why, const char *arg)
{
    fprintf(stderr, "errcat-gen: %s%s%s\n%s", why, arg ? " " : "",
            arg ? arg : "", usage);
    return 2;
}

int
main(int argc, char **argv)
{
    struct gen_options opt;
    int i, status;

    memset(&opt, 0, sizeof opt);
    if (argc < 2)
        return bad_usage("no command", NULL);
    if (strcmp(argv[1], "--help") == 0) {
        fputs(usage, stdout);
        puts("\nChecks errcat catalogs, and generates from each a C header, "
             "C tables and a\ngettext .pot. Exit status: 0 clean, 1 catalog "
             "errors, 2 usage or I/O errors.");
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        puts("errcat-gen " VERSION);
        return 0;
    }
    if (strcmp(argv[1], "check") == 0)
        opt.command = GEN_CHECK;
    else if (strcmp(argv[1], "generate") == 0)
        opt.command = GEN_GENERATE;
    else
        return bad_usage("unknown command", argv[1]);
    opt.catalogs = argv + 2;
    for (i = 2; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "--Werror") == 0) {
            opt.werror = 1;
        } else if (opt.command == GEN_GENERATE && strcmp(argv[i], "-o") == 0
                   && i + 1 < argc) {
            opt.out_dir = argv[++i];
        } else if (opt.command == GEN_GENERATE
                   && strcmp(argv[i], "--pot-dir") == 0 && i + 1 < argc) {
            opt.pot_dir = argv[++i];
        } else if (opt.command == GEN_GENERATE
                   && strcmp(argv[i], "--compiled") == 0 && i + 1 < argc) {
            opt.compiled_dir = argv[++i];
        } else {
            return bad_usage("unknown option", argv[i]);
        }
    }
    opt.catalogs = argv + i;
    opt.n_catalogs = (size_t)(argc - i);
    if (opt.n_catalogs == 0)
        return bad_usage("no catalog given", NULL);
    if (opt.command == GEN_GENERATE && !opt.out_dir)
        return bad_usage("generate needs -o DIR", NULL);
    load_init();
    status = gen_run(&opt);
    load_cleanup();
    return status;
}
