/*
 * run.c - the errcat command's work, as a client of liberrcat: registers
 * and binds the built-in catalogs, resolves the locale, finds the entries
 * named on the command line, in a body or all of them, and prints them as
 * text or JSON.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

/* An entry to print, with what it is printed with. */
struct shown {
    const struct errcat_catalog *cat;
    const struct errcat_entry *entry;
    const struct errcat_locale *loc;
    int negotiated;             /* the locale came from Accept-Language */
    const char *const *args;    /* NULL: show the message template */
    size_t nargs;
    int by_code_only;           /* a body matched by its code alone */
};

/* Where translations are: $ERRCAT_LOCALEDIR, else the build tree for the
 * uninstalled command, else liberrcat's compiled-in default (NULL). */
static const char *
localedir(void)
{
    const char *d = getenv("ERRCAT_LOCALEDIR");

    if (d && *d)
        return d;
#if defined(ERRCAT_BUILD_LOCALEDIR) && !defined(ERRCAT_INSTALLED)
    return ERRCAT_BUILD_LOCALEDIR;
#else
    return NULL;
#endif
}

/* Writes s to stderr with control and non-ASCII bytes escaped, cut at 80
 * bytes: a hostile locale name must not reach the terminal raw. */
static void
print_escaped(const char *s)
{
    size_t i;

    for (i = 0; s[i] && i < 80; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c < 0x20 || c >= 0x7f || c == '\\' || c == '\'')
            fprintf(stderr, "\\x%02x", c);
        else
            fputc(c, stderr);
    }
    if (s[i])
        fputs("...", stderr);
}

static int
setup(const struct cli_options *opt)
{
    const struct errcat_locale *loc;
    size_t i;
    int rc;

    for (i = 0; cli_catalogs[i]; i++) {
        if ((rc = errcat_register(cli_catalogs[i])) != 0
            || (rc = errcat_bind(cli_catalogs[i], localedir())) != 0) {
            fprintf(stderr, "errcat: catalog %s: %s\n", cli_catalogs[i]->name,
                    errcat_status_string(rc));
            return CLI_USAGE;
        }
    }
    if (opt->lang && cli_catalogs[0]
        && errcat_locale_get(cli_catalogs[0], opt->lang, &loc)
        == ERRCAT_EINVAL) {
        fputs("errcat: invalid locale name '", stderr);
        print_escaped(opt->lang);
        fputs("'\n", stderr);
        return CLI_USAGE;
    }
    return CLI_FOUND;
}

/* The locale to show cat's entries in. */
static const struct errcat_locale *
locale_for(const struct cli_options *opt, const struct errcat_catalog *cat,
           int *negotiated)
{
    const struct errcat_locale *loc;

    *negotiated = opt->accept != NULL;
    if (opt->accept)
        errcat_locale_accept(cat, opt->accept, &loc);
    else
        errcat_locale_get(cat, opt->lang, &loc);
    return loc;
}

/* The entry's message, formatted when arguments are given; owned. */
static char *
message(const struct shown *s)
{
    size_t n;
    char *buf;

    if (s->args == NULL) {
        const char *t = errcat_message_template(s->cat, s->loc, s->entry);

        buf = malloc(strlen(t) + 1);
        return buf ? strcpy(buf, t) : NULL;
    }
    n = errcat_format(s->cat, s->loc, s->entry, s->args, s->nargs, NULL, 0);
    if ((buf = malloc(n + 1)) != NULL)
        errcat_format(s->cat, s->loc, s->entry, s->args, s->nargs, buf, n + 1);
    return buf;
}

/* The C constant of an entry: PREFIX_ID in upper case. */
static void
constant(const struct errcat_catalog *cat, const struct errcat_entry *e,
         char *buf, size_t size)
{
    size_t i;

    snprintf(buf, size, "%s_%s", cat->prefix, errcat_entry_id(e));
    for (i = 0; buf[i]; i++)
        buf[i] = buf[i] == '-' ? '_' : (char)toupper((unsigned char)buf[i]);
}

static json_t *
args_json(const struct shown *s)
{
    json_t *a = json_array();
    size_t i;

    for (i = 0; a && i < s->nargs; i++)
        if (json_array_append_new(a, json_string(s->args[i] ? s->args[i]
                                                 : "")) != 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

/* The --json object of an entry, or NULL (out of memory, bad UTF-8). */
static json_t *
entry_json(const struct shown *s)
{
    json_t *o = json_object();
    char *msg = message(s);
    int bad = o == NULL || msg == NULL;
    const struct errcat_entry *e = s->entry;

    bad = bad || json_object_set_new(o, "code",
                                     json_string(errcat_entry_code(e)));
    bad = bad || json_object_set_new(o, "id", json_string(errcat_entry_id(e)));
    bad = bad || json_object_set_new(o, "module", json_string(
                                  errcat_module_name(s->cat, s->loc, e)));
    bad = bad || json_object_set_new(o, "http_status",
                                     json_integer(errcat_entry_http_status(e)));
    bad = bad || json_object_set_new(o, "description", json_string(
                                  errcat_description(s->cat, s->loc, e)));
    bad = bad || json_object_set_new(o, "message", json_string(msg));
    bad = bad || json_object_set_new(o, "measure", json_string(
                                  errcat_measure(s->cat, s->loc, e)));
    bad = bad || json_object_set_new(o, "unused",
                                     json_boolean(errcat_entry_unused(e)));
    bad = bad || json_object_set_new(o, "locale", json_string(
                                  errcat_locale_name(s->loc)));
    if (s->args)
        bad = bad || json_object_set_new(o, "args", args_json(s));
    if (s->by_code_only)
        bad = bad || json_object_set_new(o, "by_code_only", json_true());
    free(msg);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static int
print_json(const struct shown *s, const char *sep)
{
    json_t *o = entry_json(s);
    char *text = o ? json_dumps(o, JSON_PRESERVE_ORDER) : NULL;

    json_decref(o);
    if (text == NULL) {
        fputs("errcat: cannot build JSON (bad UTF-8 in an argument?)\n",
              stderr);
        return CLI_USAGE;
    }
    printf("%s%s", sep, text);
    free(text);
    return CLI_FOUND;
}

static int
print_text(const struct shown *s, const char *sep)
{
    const struct errcat_entry *e = s->entry;
    char name[256], *msg = message(s), *args = NULL;
    json_t *a;

    if (msg == NULL) {
        fputs("errcat: out of memory\n", stderr);
        return CLI_USAGE;
    }
    if (s->args && (a = args_json(s)) != NULL) {
        args = json_dumps(a, JSON_ENCODE_ANY);
        json_decref(a);
    }
    constant(s->cat, e, name, sizeof name);
    printf("%s%s (HTTP %u, %s): %s\n", sep, errcat_entry_code(e),
           errcat_entry_http_status(e), errcat_module_name(s->cat, s->loc, e),
           errcat_description(s->cat, s->loc, e));
    printf("  message: %s\n", msg);
    printf("  measure: %s\n", errcat_measure(s->cat, s->loc, e));
    if (s->args)
        printf("  args:    %s\n", args ? args : "(not UTF-8)");
    if (s->by_code_only)
        printf("  matched: by code only (no message template matches)\n");
    printf("  id:      %s (%s = %d)\n", errcat_entry_id(e), name,
           errcat_entry_value(e));
    if (errcat_entry_unused(e))
        printf("  note:    not used currently\n");
    printf("  locale:  %s%s\n", errcat_locale_name(s->loc),
           s->negotiated ? " (negotiated from Accept-Language)" : "");
    free(msg);
    free(args);
    return CLI_FOUND;
}

/* Prints one entry; *count says how many were printed before. */
static int
show(const struct cli_options *opt, struct shown *s, size_t *count)
{
    int rc;

    s->loc = locale_for(opt, s->cat, &s->negotiated);
    if (opt->json)
        rc = print_json(s, *count ? (opt->all ? ",\n" : "\n") : "");
    else
        rc = print_text(s, *count ? "\n" : "");
    (*count)++;
    return rc;
}

/* Finds what CODE names: a code, an id, a constant or a value. */
static const struct errcat_entry *
resolve(const char *code, const struct errcat_catalog **cat)
{
    const struct errcat_entry *e;
    char *end, name[256];
    long v;
    size_t i, j;

    if ((e = errcat_lookup_code(code, cat)) != NULL
        || (e = errcat_lookup_id(code, cat)) != NULL)
        return e;
    errno = 0;
    v = strtol(code, &end, 0);
    if (code[0] >= '0' && code[0] <= '9' && *end == '\0' && errno == 0
        && v >= 0 && v <= 0x7fffffff)
        return errcat_lookup((int)v, cat);
    for (i = 0; cli_catalogs[i]; i++)
        for (j = 0; (e = errcat_entry_at(cli_catalogs[i], j)) != NULL; j++) {
            constant(cli_catalogs[i], e, name, sizeof name);
            if (strcmp(name, code) == 0) {
                *cat = cli_catalogs[i];
                return e;
            }
        }
    return NULL;
}

static int
run_codes(const struct cli_options *opt)
{
    struct shown s;
    size_t i, count = 0;
    int rc = CLI_FOUND, r;

    for (i = 0; i < opt->ncodes; i++) {
        memset(&s, 0, sizeof s);
        s.entry = resolve(opt->codes[i], &s.cat);
        if (s.entry == NULL) {
            fputs("errcat: unknown code '", stderr);
            print_escaped(opt->codes[i]);
            fputs("'\n", stderr);
            if (rc == CLI_FOUND)
                rc = CLI_NOT_FOUND;
            continue;
        }
        if (opt->nargs) {
            s.args = opt->args;
            s.nargs = opt->nargs;
        }
        /* a code names every entry with it; an id or value just one */
        if (strcmp(errcat_entry_code(s.entry), opt->codes[i]) != 0) {
            if ((r = show(opt, &s, &count)) != CLI_FOUND)
                return r;
            continue;
        }
        for (; s.entry; s.entry = errcat_next_same_code(s.cat, s.entry))
            if ((r = show(opt, &s, &count)) != CLI_FOUND)
                return r;
    }
    if (opt->json && count)
        putchar('\n');
    return rc;
}

static int
run_all(const struct cli_options *opt)
{
    struct shown s;
    size_t i, j, count = 0;
    int rc;

    if (opt->json)
        fputs("[\n", stdout);
    for (i = 0; cli_catalogs[i]; i++)
        for (j = 0; j < errcat_entry_count(cli_catalogs[i]); j++) {
            memset(&s, 0, sizeof s);
            s.cat = cli_catalogs[i];
            s.entry = errcat_entry_at(s.cat, j);
            if ((rc = show(opt, &s, &count)) != CLI_FOUND)
                return rc;
        }
    if (opt->json)
        fputs(count ? "\n]\n" : "]\n", stdout);
    return CLI_FOUND;
}

static int
run_body(const struct cli_options *opt)
{
    struct errcat_match m;
    struct shown s;
    size_t count = 0;
    int rc = errcat_match_body(NULL, opt->body, strlen(opt->body), &m);

    if (rc != 0) {
        fprintf(stderr, "errcat: %s\n", rc == ERRCAT_ENOENT
                ? "unknown code or HTTP status in body"
                : rc == ERRCAT_ENOMATCH
                ? "the body's message matches no message of its code or status"
                : rc == ERRCAT_EBODY
                ? "not a JSON error body (error_code and error_msg, code and "
                "message, or one member holding code and message)"
                : errcat_status_string(rc));
        errcat_match_free(&m);
        return rc == ERRCAT_ENOMEM ? CLI_USAGE : CLI_NOT_FOUND;
    }
    memset(&s, 0, sizeof s);
    s.cat = m.cat;
    s.entry = m.entry;
    s.args = m.by_code_only ? NULL : m.args;
    s.nargs = m.nargs;
    s.by_code_only = m.by_code_only;
    rc = show(opt, &s, &count);
    if (opt->json)
        putchar('\n');
    errcat_match_free(&m);
    return rc;
}

int
cli_run(const struct cli_options *opt)
{
    size_t i;
    int rc = setup(opt);

    if (rc == CLI_FOUND)
        rc = opt->all ? run_all(opt) : opt->body ? run_body(opt)
            : run_codes(opt);
    for (i = 0; cli_catalogs[i]; i++)
        errcat_catalog_release(cli_catalogs[i]);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "errcat: write error: %s\n", strerror(errno));
        return CLI_USAGE;
    }
    return rc;
}
