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
    int embed;                  /* JSON safe to embed in HTML */
    const char *const *args;    /* NULL: show the message template */
    size_t nargs;
    int by_code_only;           /* a body matched by its code alone */
    int ambiguous;              /* another entry matched the body too */
};

static int
setup(const struct cli_options *opt)
{
    const struct errcat_locale *loc;
    size_t i;
    int rc;

    for (i = 0; cli_catalogs[i]; i++) {
        if ((rc = errcat_register(cli_catalogs[i])) != 0
            || (rc = errcat_bind(cli_catalogs[i], cli_localedir())) != 0) {
            const char *what[2];

            what[0] = cli_catalogs[i]->name;
            what[1] = errcat_status_string(rc);
            fputs("errcat: ", stderr);
            /* TRANSLATORS: a catalog's name (csbs), then why it cannot be
               used, in English */
            cli_put(stderr, _("catalog %s: %s"), what, 2, 1);
            fputc('\n', stderr);
            return CLI_USAGE;
        }
    }
    if (opt->lang && cli_catalogs[0]
        && errcat_locale_get(cli_catalogs[0], opt->lang, &loc)
        == ERRCAT_EINVAL) {
        cli_error(N_("invalid locale name '%s'"), opt->lang);
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
    if (opt->accept) {
        errcat_locale_accept(cat, opt->accept, &loc);
        /* the labels follow the negotiated locale */
        cli_tr_locale(errcat_locale_name(loc));
    } else
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

/* Sets key to the string v, unless v is "": liberrcat's absent field,
 * whose key is left out. Nonzero on failure. */
static int
set_present(json_t *o, const char *key, const char *v)
{
    return *v && json_object_set_new(o, key, json_string(v)) != 0;
}

/* The --json object of an entry, or NULL (out of memory, bad UTF-8). */
static json_t *
entry_json(const struct shown *s)
{
    json_t *o = json_object();
    char *msg = message(s);
    int bad = o == NULL || msg == NULL;
    const struct errcat_entry *e = s->entry;

    bad = bad || set_present(o, "code", errcat_entry_code(e));
    bad = bad || json_object_set_new(o, "id", json_string(errcat_entry_id(e)));
    bad = bad || set_present(o, "module",
                             errcat_module_name(s->cat, s->loc, e));
    bad = bad || (errcat_entry_http_status(e) != 0
                  && json_object_set_new(o, "http_status", json_integer(
                                             errcat_entry_http_status(e))));
    bad = bad || set_present(o, "description",
                             errcat_description(s->cat, s->loc, e));
    bad = bad || set_present(o, "message", msg);
    bad = bad || set_present(o, "measure",
                             errcat_measure(s->cat, s->loc, e));
    bad = bad || json_object_set_new(o, "unused",
                                     json_boolean(errcat_entry_unused(e)));
    bad = bad || json_object_set_new(o, "locale", json_string(
                                  errcat_locale_name(s->loc)));
    if (s->args)
        bad = bad || json_object_set_new(o, "args", args_json(s));
    if (s->by_code_only)
        bad = bad || json_object_set_new(o, "by_code_only", json_true());
    if (s->ambiguous)
        bad = bad || json_object_set_new(o, "ambiguous", json_true());
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
    char *text = o ? json_dumps(o, JSON_PRESERVE_ORDER) : NULL, *safe;
    size_t n;

    json_decref(o);
    if (text && s->embed) {
        n = errcat_json_embed(text, strlen(text), NULL, 0);
        if ((safe = malloc(n + 1)) != NULL)
            errcat_json_embed(text, strlen(text), safe, n + 1);
        free(text);
        text = safe;
    }
    if (text == NULL) {
        cli_error(N_("cannot build JSON (bad UTF-8 in an argument?)"), NULL);
        return CLI_USAGE;
    }
    printf("%s%s", sep, text);
    free(text);
    return CLI_FOUND;
}

/*
 * The first line of an entry: "CODE (HTTP 400, Module): description",
 * with what the entry has of each; the id stands in for an absent code,
 * the message for an absent description (a "" is an absent field).
 */
static void
print_heading(const struct shown *s, const char *sep)
{
    const struct errcat_entry *e = s->entry;
    const char *code = errcat_entry_code(e);
    const char *module = errcat_module_name(s->cat, s->loc, e);
    const char *text = errcat_description(s->cat, s->loc, e);
    unsigned status = errcat_entry_http_status(e);

    printf("%s%s", sep, *code ? code : errcat_entry_id(e));
    if (status && *module)
        printf(" (HTTP %u, %s)", status, module);
    else if (status)
        printf(" (HTTP %u)", status);
    else if (*module)
        printf(" (%s)", module);
    if (!*text)
        text = errcat_message_template(s->cat, s->loc, e);
    printf(": %s\n", text);
}

/* The labels of the text output, padded to the widest in the locale. */
enum { L_MESSAGE, L_MEASURE, L_ARGS, L_MATCHED, L_ID, L_NOTE, L_LOCALE,
       L_COUNT };

/* TRANSLATORS: labels of errcat's output lines, each followed by a
   value; they are padded to the widest, so keep them short. */
static const char *const label_msgid[L_COUNT] = {
    N_("message:"), N_("measure:"), N_("args:"), N_("matched:"), N_("id:"),
    N_("note:"), N_("locale:")
};

/* Writes "  LABEL  " with LABEL translated and padded to the widest. */
static void
label(int which)
{
    size_t w = 0, n, i;

    for (i = 0; i < L_COUNT; i++)
        if ((n = cli_width(_(label_msgid[i]))) > w)
            w = n;
    fputs("  ", stdout);
    fputs(_(label_msgid[which]), stdout);
    for (n = cli_width(_(label_msgid[which])); n <= w; n++)
        putchar(' ');
}

static int
print_text(const struct shown *s, const char *sep)
{
    const struct errcat_entry *e = s->entry;
    char name[256], *msg = message(s), *args = NULL;
    json_t *a;

    if (msg == NULL) {
        cli_error(N_("out of memory"), NULL);
        return CLI_USAGE;
    }
    if (s->args && (a = args_json(s)) != NULL) {
        args = json_dumps(a, JSON_ENCODE_ANY);
        json_decref(a);
    }
    constant(s->cat, e, name, sizeof name);
    print_heading(s, sep);
    if (*msg) {
        label(L_MESSAGE);
        printf("%s\n", msg);
    }
    if (*errcat_measure(s->cat, s->loc, e)) {
        label(L_MEASURE);
        printf("%s\n", errcat_measure(s->cat, s->loc, e));
    }
    if (s->args) {
        label(L_ARGS);
        printf("%s\n", args ? args : _("(not UTF-8)"));
    }
    if (s->by_code_only) {
        label(L_MATCHED);
        /* TRANSLATORS: how an error body was recognised */
        printf("%s\n", _("by code only (no message template matches)"));
    }
    label(L_ID);
    printf("%s (%s = %d)\n", errcat_entry_id(e), name, errcat_entry_value(e));
    if (errcat_entry_unused(e)) {
        label(L_NOTE);
        /* TRANSLATORS: the entry is kept but no longer returned */
        printf("%s\n", _("not used currently"));
    }
    label(L_LOCALE);
    fputs(errcat_locale_name(s->loc), stdout);
    if (s->negotiated) {
        fputs(" (", stdout);
        /* TRANSLATORS: after the locale's name, in parentheses */
        fputs(_("negotiated from Accept-Language"), stdout);
        putchar(')');
    }
    putchar('\n');
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
    s->embed = opt->embed;
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
            cli_error(N_("unknown code '%s'"), opt->codes[i]);
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
        if (rc == ERRCAT_ENOENT)
            cli_error(N_("unknown code or HTTP status in body"), NULL);
        else if (rc == ERRCAT_ENOMATCH)
            cli_error(N_("the body's message matches no message of its code "
                         "or status"), NULL);
        else if (rc == ERRCAT_ENUL)
            cli_error(N_("the body's code or message holds a NUL character "
                         "(\\u0000)"), NULL);
        else if (rc == ERRCAT_EBODY)
            cli_error(N_("not a JSON error body (error_code and error_msg, "
                         "code and message, or one member holding code and "
                         "message)"), NULL);
        else
            cli_error("%s", errcat_status_string(rc));
        errcat_match_free(&m);
        return rc == ERRCAT_ENOMEM ? CLI_USAGE : CLI_NOT_FOUND;
    }
    memset(&s, 0, sizeof s);
    s.cat = m.cat;
    s.entry = m.entry;
    s.args = m.by_code_only ? NULL : m.args;
    s.nargs = m.nargs;
    s.by_code_only = m.by_code_only;
    s.ambiguous = m.ambiguous;
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
        cli_error(N_("write error: %s"), strerror(errno));
        return CLI_USAGE;
    }
    return rc;
}
