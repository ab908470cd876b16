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
};

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

/* The catalogs of this run; one request per process. */
static struct cli_sources sources;

/* Refuses a bad --lang before anything is shown. */
static int
check_lang(const struct cli_options *opt)
{
    const struct errcat_locale *loc;

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

/* Nonzero when s may be an id or a constant: [A-Za-z_][A-Za-z0-9_-]*. */
static int
ident_like(const char *s)
{
    size_t i;

    if (!(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    for (i = 1; s[i]; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-'))
            return 0;
    return 1;
}

/*
 * Finds what CODE names: a code, an id, a value or a constant, in the
 * catalogs in order of precedence. A code is looked for through each
 * compiled file's code hash, and a value by the catalog number in its
 * head, so only the catalogs that answer are opened; an id or a constant
 * opens them all.
 */
static const struct errcat_entry *
resolve(const char *code, const struct errcat_catalog **cat)
{
    const struct errcat_entry *e;
    const struct errcat_catalog *c;
    char *end, name[256];
    long v;
    size_t i, j;

    for (i = 0; i < sources.n; i++)
        if (cli_source_may_have_code(&sources.v[i], code)
            && (c = cli_source_open(&sources.v[i])) != NULL
            && (e = errcat_find_code(c, code)) != NULL) {
            *cat = c;
            return e;
        }
    errno = 0;
    v = strtol(code, &end, 0);
    if (code[0] >= '0' && code[0] <= '9' && *end == '\0' && errno == 0
        && v >= 0 && v <= 0x7fffffff) {
        for (i = 0; i < sources.n; i++)
            if (sources.v[i].info.number == v >> ERRCAT_SERIAL_BITS
                && (c = cli_source_open(&sources.v[i])) != NULL
                && (e = errcat_find(c, (int)v)) != NULL) {
                *cat = c;
                return e;
            }
        return NULL;
    }
    if (!ident_like(code))
        return NULL;
    for (i = 0; i < sources.n; i++)
        if ((c = cli_source_open(&sources.v[i])) != NULL
            && (e = errcat_find_id(c, code)) != NULL) {
            *cat = c;
            return e;
        }
    for (i = 0; i < sources.n; i++) {
        if ((c = cli_source_open(&sources.v[i])) == NULL)
            continue;
        for (j = 0; (e = errcat_entry_at(c, j)) != NULL; j++) {
            constant(c, e, name, sizeof name);
            if (strcmp(name, code) == 0) {
                *cat = c;
                return e;
            }
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
    for (i = 0; i < sources.n; i++)
        for (j = 0; cli_source_open(&sources.v[i]) != NULL
             && j < errcat_entry_count(sources.v[i].cat); j++) {
            memset(&s, 0, sizeof s);
            s.cat = sources.v[i].cat;
            s.entry = errcat_entry_at(s.cat, j);
            if ((rc = show(opt, &s, &count)) != CLI_FOUND)
                return rc;
        }
    if (opt->json)
        fputs(count ? "\n]\n" : "]\n", stdout);
    return CLI_FOUND;
}

/* Reads --body's value: "-" is stdin, @FILE a file, anything else the
 * JSON itself. Up to ERRCAT_BODY_MAX bytes; *out owned. */
static int
read_body(const char *arg, char **out, size_t *len)
{
    FILE *fp;
    char *buf;
    size_t n = 0, k;
    int err;

    *out = NULL;
    if (strcmp(arg, "-") != 0 && arg[0] != '@') {
        *len = strlen(arg);
        *out = malloc(*len + 1);
        if (*out == NULL)
            return CLI_USAGE;
        memcpy(*out, arg, *len + 1);
        return CLI_FOUND;
    }
    fp = strcmp(arg, "-") == 0 ? stdin : fopen(arg + 1, "rb");
    if (fp == NULL) {
        fprintf(stderr, "errcat: %s: %s\n", arg + 1, strerror(errno));
        return CLI_USAGE;
    }
    if ((buf = malloc(ERRCAT_BODY_MAX + 2)) == NULL) {
        fputs("errcat: out of memory\n", stderr);
        if (fp != stdin)
            fclose(fp);
        return CLI_USAGE;
    }
    while (n <= ERRCAT_BODY_MAX
           && (k = fread(buf + n, 1, ERRCAT_BODY_MAX + 1 - n, fp)) > 0)
        n += k;
    err = ferror(fp);
    if (fp != stdin)
        fclose(fp);
    if (err || n > ERRCAT_BODY_MAX) {
        fprintf(stderr, "errcat: %s: %s\n", fp == stdin ? "stdin" : arg + 1,
                err ? "read error" : "body over 1 MiB (ERRCAT_BODY_MAX)");
        free(buf);
        return CLI_USAGE;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return CLI_FOUND;
}

/* The error_code of a JSON body, when it is an object with a string
 * there; owned. Only picks the catalogs worth matching against:
 * errcat_match_body judges the body. */
static char *
body_code(const char *body, size_t len)
{
    json_t *o = json_loadb(body, len, JSON_REJECT_DUPLICATES, NULL);
    json_t *c = o ? json_object_get(o, "error_code") : NULL;
    char *code = NULL;

    if (json_is_string(c) && (code = malloc(json_string_length(c) + 1)))
        memcpy(code, json_string_value(c), json_string_length(c) + 1);
    json_decref(o);
    return code;
}

static int
run_body(const struct cli_options *opt)
{
    struct errcat_match m;
    struct shown s;
    size_t count = 0, len = 0, i;
    char *body, *code;
    int rc = read_body(opt->body, &body, &len), best = ERRCAT_ENOENT;

    if (rc != CLI_FOUND)
        return rc;
    memset(&m, 0, sizeof m);
    if ((code = body_code(body, len)) == NULL)
        best = ERRCAT_EBODY;
    for (i = 0; code && i < sources.n && best != 0; i++) {
        const struct errcat_catalog *c;

        if (!cli_source_may_have_code(&sources.v[i], code)
            || (c = cli_source_open(&sources.v[i])) == NULL)
            continue;
        errcat_match_free(&m);
        rc = errcat_match_body(c, body, len, &m);
        if (rc == 0 || best == ERRCAT_ENOENT || rc != ERRCAT_ENOENT)
            best = rc;
    }
    free(code);
    free(body);
    rc = best;
    if (rc != 0) {
        fprintf(stderr, "errcat: %s\n", rc == ERRCAT_ENOENT
                ? "unknown error_code in body"
                : rc == ERRCAT_ENOMATCH
                ? "error_msg matches no message of its error_code"
                : rc == ERRCAT_EBODY
                ? "not a JSON error body with string error_code and error_msg"
                : errcat_status_string(rc));
        errcat_match_free(&m);
        return rc == ERRCAT_ENOMEM ? CLI_USAGE : CLI_NOT_FOUND;
    }
    memset(&s, 0, sizeof s);
    s.cat = m.cat;
    s.entry = m.entry;
    s.args = m.args;
    s.nargs = m.nargs;
    rc = show(opt, &s, &count);
    if (opt->json)
        putchar('\n');
    errcat_match_free(&m);
    return rc;
}

/* --list-catalogs: every catalog in effect, opened (so that a broken one
 * is reported), one line each. */
static int
run_list(void)
{
    size_t i;

    for (i = 0; i < sources.n; i++) {
        const struct errcat_catalog *c = cli_source_open(&sources.v[i]);

        if (c == NULL)
            continue;
        printf("%s\t%s\tnumber %d\tdomain %s\t%u entries\t%s\n", c->name,
               c->prefix, c->number, c->domain,
               (unsigned)errcat_entry_count(c),
               sources.v[i].path ? sources.v[i].path : "built in");
    }
    return CLI_FOUND;
}

int
cli_run(const struct cli_options *opt)
{
    /* the built-in catalogs are bound first: checking the locale loads it */
    int rc = cli_sources_gather(&sources, opt);

    if (rc == CLI_FOUND)
        rc = check_lang(opt);
    if (rc == CLI_FOUND)
        rc = opt->list ? run_list() : opt->all ? run_all(opt)
            : opt->body ? run_body(opt) : run_codes(opt);
    cli_sources_free(&sources);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "errcat: write error: %s\n", strerror(errno));
        return CLI_USAGE;
    }
    return rc;
}
