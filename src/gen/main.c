/*
 * main.c - errcat-gen's command line: reads argv, runs the pipeline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docs.h"
#include "errcat.h"
#include "gen.h"
#include "import_cmd.h"
#include "load.h"

#define VERSION "1.0"

static const char usage[] =
    "usage: errcat-gen check [--Werror] CATALOG.xml...\n"
    "       errcat-gen generate -o DIR [--pot-dir DIR] [--root DIR] "
    "[--Werror]\n"
    "                           CATALOG.xml...\n"
    "       errcat-gen docs -o DIR [--po-dir DIR]... [--format md,html,rst] "
    "[--Werror]\n"
    "                       CATALOG.xml...\n"
    "       errcat-gen import [--format md|html|rst|csv|tsv] [--columns MAP]\n"
    "             [--name N --number K --domain D --prefix P --title T]\n"
    "             (-o OUT.xml | --into CATALOG.xml [--retire-missing]) "
    "TABLE...\n"
    "       errcat-gen import-po --lang LL -o OUT.po [--format F] "
    "[--columns MAP]\n"
    "             CATALOG.xml TABLE\n"
    "       errcat-gen --help | --version\n";

static int
bad_usage(const char *why, const char *arg)
{
    fprintf(stderr, "errcat-gen: %s%s%s\n%s", why, arg ? " " : "",
            arg ? arg : "", usage);
    return 2;
}

/* The import commands' options; returns 0 or a usage error's status. */
static int
import_args(int argc, char **argv, struct import_options *io)
{
    int po = strcmp(argv[1], "import-po") == 0, i;

    memset(io, 0, sizeof *io);
    for (i = 2; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

        if (strcmp(o, "--") == 0) {
            i++;
            break;
        } else if (strcmp(o, "--retire-missing") == 0 && !po) {
            io->retire_missing = 1;
            continue;
        } else if (!v) {
            return bad_usage("option needs a value:", o);
        } else if (strcmp(o, "--format") == 0) {
            io->format = v;
        } else if (strcmp(o, "--columns") == 0) {
            io->columns = v;
        } else if (strcmp(o, "-o") == 0) {
            io->out = v;
        } else if (strcmp(o, "--lang") == 0 && po) {
            io->lang = v;
        } else if (strcmp(o, "--into") == 0 && !po) {
            io->into = v;
        } else if (strcmp(o, "--name") == 0 && !po) {
            io->name = v;
        } else if (strcmp(o, "--domain") == 0 && !po) {
            io->domain = v;
        } else if (strcmp(o, "--prefix") == 0 && !po) {
            io->prefix = v;
        } else if (strcmp(o, "--title") == 0 && !po) {
            io->title = v;
        } else if (strcmp(o, "--number") == 0 && !po) {
            char *end;
            long n = strtol(v, &end, 10);

            if (*end || n < 1 || n > 2047)
                return bad_usage("--number must be 1 to 2047, not", v);
            io->number = (int)n;
        } else {
            return bad_usage("unknown option", o);
        }
        i++;
    }
    if (po) {
        if (!io->lang || !io->out || argc - i != 2)
            return bad_usage("import-po needs --lang LL -o OUT.po CATALOG.xml "
                             "TABLE", NULL);
        io->catalog = argv[i];
        i++;
    } else if (!io->out == !io->into) {
        return bad_usage("import needs -o OUT.xml or --into CATALOG.xml",
                         NULL);
    } else if (io->into && (io->name || io->number || io->domain
                            || io->prefix || io->title)) {
        return bad_usage("--into keeps the catalog's name, number, domain, "
                         "prefix and title", NULL);
    }
    io->tables = argv + i;
    io->n_tables = (size_t)(argc - i);
    if (io->n_tables == 0)
        return bad_usage("no table given", NULL);
    return 0;
}

/* "md,html,rst" as enum docs_format bits; 0 for a bad list. */
static unsigned
parse_formats(const char *s)
{
    static const struct {
        const char *name;
        unsigned bit;
    } names[] = { { "md", DOCS_MD }, { "html", DOCS_HTML }, { "rst", DOCS_RST } };
    unsigned bits = 0;
    size_t i;

    while (*s) {
        size_t n = strcspn(s, ",");

        for (i = 0; i < sizeof names / sizeof names[0]; i++)
            if (strlen(names[i].name) == n && strncmp(s, names[i].name, n) == 0)
                break;
        if (i == sizeof names / sizeof names[0])
            return 0;
        bits |= names[i].bit;
        s += n + (s[n] == ',');
    }
    return bits;
}

/* errcat-gen docs: its own options, then the pipeline of docs.c. */
static int
docs_main(int argc, char **argv)
{
    struct docs_options opt;
    const char *dir;
    int i, status;

    memset(&opt, 0, sizeof opt);
    opt.formats = DOCS_MD | DOCS_HTML;
    opt.po_dirs = argv + 2;
    for (i = 2; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "--Werror") == 0) {
            opt.werror = 1;
        } else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            opt.out_dir = argv[++i];
        } else if (strcmp(argv[i], "--po-dir") == 0 && i + 1 < argc) {
            /* Kept in argv order, packed at the front of argv + 2. */
            opt.po_dirs[opt.n_po_dirs++] = argv[++i];
        } else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
            if (!(opt.formats = parse_formats(argv[++i])))
                return bad_usage("unknown format in", argv[i]);
        } else {
            return bad_usage("unknown option", argv[i]);
        }
    }
    opt.catalogs = argv + i;
    opt.n_catalogs = (size_t)(argc - i);
    if (opt.n_catalogs == 0)
        return bad_usage("no catalog given", NULL);
    if (!opt.out_dir)
        return bad_usage("docs needs -o DIR", NULL);
    if (opt.n_po_dirs > opt.n_catalogs)
        return bad_usage("more --po-dir than catalogs", NULL);
    /* errcat's own translations (the pages' headings and sentences):
       $ERRCAT_LOCALEDIR, else the build tree for the uninstalled
       errcat-gen, else liberrcat's compiled-in default. */
    dir = getenv("ERRCAT_LOCALEDIR");
#if defined(ERRCAT_BUILD_LOCALEDIR) && !defined(ERRCAT_INSTALLED)
    if (!dir || !*dir)
        dir = ERRCAT_BUILD_LOCALEDIR;
#endif
    if (dir && *dir && errcat_tr_bind(dir) != ERRCAT_OK)
        return bad_usage("cannot use the locale directory", dir);
    load_init();
    status = docs_run(&opt);
    load_cleanup();
    return status;
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
             "C tables and a\ngettext .pot. Outputs name a catalog by its "
             "file name, or with --root by\nits path from DIR, wherever "
             "errcat-gen runs. Exit status: 0 clean, 1 catalog\nerrors, 2 "
             "usage or I/O errors.");
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        puts("errcat-gen " VERSION);
        return 0;
    }
    if (strcmp(argv[1], "import") == 0 || strcmp(argv[1], "import-po") == 0) {
        struct import_options io;

        if ((status = import_args(argc, argv, &io)) != 0)
            return status;
        load_init();
        status = argv[1][6] ? import_po_run(&io) : import_run(&io);
        load_cleanup();
        return status;
    }
    if (strcmp(argv[1], "docs") == 0)
        return docs_main(argc, argv);
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
                   && strcmp(argv[i], "--root") == 0 && i + 1 < argc) {
            opt.root = argv[++i];
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
