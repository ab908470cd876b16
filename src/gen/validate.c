/*
 * validate.c - unique ids and C names, code syntax, HTTP statuses, module
 * references, placeholders and their <arg> notes, unbalanced quotes.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "errcat_catalog.h"
#include "placeholder.h"
#include "util.h"
#include "validate.h"

static const char *const keywords[] = {
    "_Alignas", "_Alignof", "_Atomic", "_BitInt", "_Bool", "_Complex",
    "_Decimal128", "_Decimal32", "_Decimal64", "_Generic", "_Imaginary",
    "_Noreturn", "_Static_assert", "_Thread_local", "alignas", "alignof",
    "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
    "case", "catch", "char", "char16_t", "char32_t", "char8_t", "class",
    "co_await", "co_return", "co_yield", "compl", "concept", "const",
    "const_cast", "consteval", "constexpr", "constinit", "continue",
    "decltype", "default", "delete", "do", "double", "dynamic_cast", "else",
    "enum", "explicit", "export", "extern", "false", "float", "for",
    "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace",
    "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or",
    "or_eq", "private", "protected", "public", "register",
    "reinterpret_cast", "requires", "restrict", "return", "short", "signed",
    "sizeof", "static", "static_assert", "static_cast", "struct", "switch",
    "template", "this", "thread_local", "throw", "true", "try", "typedef",
    "typeid", "typename", "typeof", "typeof_unqual", "union", "unsigned",
    "using", "virtual", "void", "volatile", "wchar_t", "while", "xor",
    "xor_eq"
};

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
validate_is_keyword(const char *s)
{
    return bsearch(&s, keywords, sizeof keywords / sizeof keywords[0],
                   sizeof keywords[0], cmp_str) != NULL;
}

struct loc
validate_text_loc(const struct loc *start, const char *text, size_t off)
{
    struct loc at = *start;
    size_t i;

    if (at.col == 0)
        return at;              /* only the line is known (a table's) */
    for (i = 0; i < off && text[i]; i++) {
        if (text[i] == '\n') {
            at.line++;
            at.col = 1;
        } else if (((unsigned char)text[i] & 0xc0) != 0x80) {
            at.col++;
        }
    }
    return at;
}


/* Open-addressed string set giving the index of the first holder; a
   slot keeps the key's hash beside it, so that a probe touches one
   cache line and compares few strings. */
struct seen_slot {
    const char *key;
    size_t index;
    unsigned hash;
};

struct seen {
    struct seen_slot *slot;
    size_t mask;
};

static void
seen_init(struct seen *s, size_t n)
{
    size_t size = 16;

    while (size < 2 * n)
        size *= 2;
    s->mask = size - 1;
    s->slot = xcalloc(size, sizeof *s->slot);
}

/* Adds key, whose str_hash is h; returns the index it was first added
   with, or (size_t)-1. */
static size_t
seen_add_hashed(struct seen *s, const char *key, unsigned h, size_t index)
{
    size_t i = h & s->mask;

    while (s->slot[i].key) {
        if (s->slot[i].hash == h && strcmp(s->slot[i].key, key) == 0)
            return s->slot[i].index;
        i = (i + 1) & s->mask;
    }
    s->slot[i].key = key;
    s->slot[i].index = index;
    s->slot[i].hash = h;
    return (size_t)-1;
}

static size_t
seen_add(struct seen *s, const char *key, size_t index)
{
    return seen_add_hashed(s, key, str_hash(key), index);
}

/* Asks the cache for the slot a key of hash h will probe first. */
static void
seen_prefetch(const struct seen *s, unsigned h)
{
    prefetch(&s->slot[h & s->mask]);
}

/* Entries ahead whose slots check_ids asks the cache for. */
#define SEEN_AHEAD 8

static void
seen_free(struct seen *s)
{
    free(s->slot);
}

/* A code is a token: 1 to VALIDATE_MAX_CODE bytes of [A-Za-z0-9._:-],
   so class names, "common.0011" and "BackupService.4003" all are. */
static int
valid_code(const char *c)
{
    size_t i;

    for (i = 0; c[i]; i++)
        if (!((c[i] >= 'A' && c[i] <= 'Z') || (c[i] >= 'a' && c[i] <= 'z')
              || (c[i] >= '0' && c[i] <= '9') || c[i] == '.' || c[i] == '_'
              || c[i] == ':' || c[i] == '-'))
            return 0;
    return i > 0 && i <= VALIDATE_MAX_CODE;
}

/* The catalog's code-pattern, compiled to match a whole code; 0 when the
   catalog has none or it does not compile (then reported, once). */
static int
compile_code_pattern(const struct model_catalog *cat, regex_t *re,
                     unsigned *errors)
{
    struct buf whole = { NULL, 0, 0 };
    char why[256];
    int rc;

    if (!cat->code_pattern)
        return 0;
    if (!*cat->code_pattern) {
        diag_error(&cat->code_pattern_loc, "empty code-pattern");
        ++*errors;
        return 0;
    }
    buf_printf(&whole, "^(%s)$", cat->code_pattern);
    rc = regcomp(re, whole.data, REG_EXTENDED | REG_NOSUB);
    buf_free(&whole);
    if (rc != 0) {
        regerror(rc, re, why, sizeof why);
        diag_error(&cat->code_pattern_loc, "code-pattern '%.*s' is not a "
                   "POSIX extended regular expression: %s", 200,
                   cat->code_pattern, why);
        ++*errors;
        return 0;
    }
    return 1;
}

/* Printable ASCII and UTF-8, no control character, 1 to max bytes, with
   no blank at all where `word` is set. */
static int
header_value_ok(const char *s, size_t max, int word)
{
    size_t i;

    for (i = 0; s[i]; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f || (word && s[i] == ' '))
            return 0;
    return i > 0 && i <= max;
}

static int
digits(const char *s, int n)
{
    int i;

    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* YYYY-MM-DD, a real day from 1995 (older dates are "ancient" to
   i18nspector, and no .pot was made before). */
static int
date_ok(const char *s)
{
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30,
                                31 };
    int y, m, d;

    if (strlen(s) != 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2)
        || s[7] != '-' || !digits(s + 8, 2))
        return 0;
    y = atoi(s);
    m = atoi(s + 5);
    d = atoi(s + 8);
    if (y < 1995 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    return !(m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0
                                                  && y % 400 != 0)));
}

/* The attributes that make the .pot header. */
static unsigned
check_header(const struct model_catalog *cat)
{
    unsigned errors = 0;

    if (cat->project_version && !header_value_ok(cat->project_version, 64, 1)) {
        diag_error(&cat->project_version_loc, "project-version must be 1 to "
                   "64 bytes without blanks or control characters");
        errors++;
    }
    if (cat->bugs && (!header_value_ok(cat->bugs, 256, 1)
                      || (!strchr(cat->bugs, '@')
                          && !strstr(cat->bugs, "://")))) {
        diag_error(&cat->bugs_loc, "bugs must be an e-mail address or a URL "
                   "(up to 256 bytes, no blanks)");
        errors++;
    }
    if (cat->pot_date && !date_ok(cat->pot_date)) {
        diag_error(&cat->pot_date_loc, "pot-creation-date '%.*s' is not a "
                   "date YYYY-MM-DD from 1995 on", 32, cat->pot_date);
        errors++;
    }
    return errors;
}

static unsigned
check_codes(const struct model_catalog *cat)
{
    regex_t re;
    unsigned errors = 0;
    int have = compile_code_pattern(cat, &re, &errors);
    size_t i;

    for (i = 0; i < cat->n_entries; i++) {
        const struct model_entry *e = &cat->entries[i];

        if (!e->code)
            continue;
        if (strlen(e->code) > VALIDATE_MAX_CODE) {
            diag_error(&e->code_loc, "code '%.*s...' is longer than %d "
                       "bytes", 32, e->code, VALIDATE_MAX_CODE);
            errors++;
        } else if (!valid_code(e->code)) {
            diag_error(&e->code_loc, "code '%.*s' is not 1 to %d bytes of "
                       "letters, digits and '._:-'", VALIDATE_MAX_CODE,
                       e->code, VALIDATE_MAX_CODE);
            errors++;
        } else if (have && regexec(&re, e->code, 0, NULL, 0) != 0) {
            diag_error(&e->code_loc, "code '%s' does not match the "
                       "catalog's code-pattern", e->code);
            diag_note(&cat->code_pattern_loc, "code-pattern '%.*s' is set "
                      "here", 200, cat->code_pattern);
            errors++;
        }
    }
    if (have)
        regfree(&re);
    return errors;
}

/* [A-Za-z_][A-Za-z0-9_]*, and '-' too where dash is set. */
static int
valid_ident(const char *s, int dash)
{
    size_t i;

    if (!((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')
          || s[0] == '_'))
        return 0;
    for (i = 1; s[i]; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')
              || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'
              || (dash && s[i] == '-')))
            return 0;
    return 1;
}

static unsigned
bad_ident(const struct loc *at, const char *what, const char *s, int dash)
{
    if (valid_ident(s, dash))
        return 0;
    diag_error(at, "%s '%.*s' is not [A-Za-z_][A-Za-z0-9_%s]*", what,
               VALIDATE_MAX_ID, s, dash ? "-" : "");
    return 1;
}

static unsigned
empty_text(const struct loc *at, const char *what, const char *s)
{
    if (*s)
        return 0;
    diag_error(at, "empty %s", what);
    return 1;
}

static unsigned
check_modules(const struct model_catalog *cat)
{
    struct seen seen;
    unsigned errors = 0;
    size_t i, first;

    if (cat->n_modules >= ERRCAT_NO_MODULE) {
        diag_error(&cat->modules[ERRCAT_NO_MODULE - 1].loc, "more than %u "
                   "modules", ERRCAT_NO_MODULE - 1);
        errors++;
    }
    seen_init(&seen, cat->n_modules);
    for (i = 0; i < cat->n_modules; i++) {
        const struct model_module *m = &cat->modules[i];

        errors += bad_ident(&m->loc, "module id", m->id, 1);
        errors += empty_text(&m->name_loc, "module name", m->name);
        first = seen_add(&seen, m->id, i);
        if (first != (size_t)-1) {
            diag_error(&m->loc, "duplicate module id '%s'", m->id);
            diag_note(&cat->modules[first].loc, "first defined here");
            errors++;
        }
    }
    seen_free(&seen);
    return errors;
}

static unsigned
check_ids(const struct model_catalog *cat)
{
    struct seen ids, names;
    char **constant = xcalloc(cat->n_entries + 1, sizeof *constant);
    unsigned *id_hash = xcalloc(cat->n_entries + 1, sizeof *id_hash);
    unsigned *name_hash = xcalloc(cat->n_entries + 1, sizeof *name_hash);
    unsigned errors = 0;
    size_t i, first;

    /* The C constants and both hashes first, so that the probes of a
       big catalog's sets can be fetched a few entries ahead; what is
       wrong is reported below, in the order of the entries. */
    for (i = 0; i < cat->n_entries; i++) {
        const struct model_entry *e = &cat->entries[i];

        if (strlen(e->id) > VALIDATE_MAX_ID || !valid_ident(e->id, 1))
            continue;
        id_hash[i] = str_hash(e->id);
        constant[i] = model_constant(cat, e);
        name_hash[i] = str_hash(constant[i]);
    }
    seen_init(&ids, cat->n_entries);
    seen_init(&names, cat->n_entries);
    for (i = 0; i < cat->n_entries; i++) {
        const struct model_entry *e = &cat->entries[i];

        if (i + SEEN_AHEAD < cat->n_entries) {
            seen_prefetch(&ids, id_hash[i + SEEN_AHEAD]);
            seen_prefetch(&names, name_hash[i + SEEN_AHEAD]);
        }
        if (strlen(e->id) > VALIDATE_MAX_ID) {
            diag_error(&e->id_loc, "id longer than %d bytes",
                       VALIDATE_MAX_ID);
            errors++;
            continue;
        }
        if (bad_ident(&e->id_loc, "id", e->id, 1)) {
            errors++;
            continue;
        }
        if (validate_is_keyword(e->id)) {
            diag_error(&e->id_loc, "id '%s' is a C or C++ keyword", e->id);
            errors++;
        }
        first = seen_add_hashed(&ids, e->id, id_hash[i], i);
        if (first != (size_t)-1) {
            diag_error(&e->id_loc, "duplicate id '%s'", e->id);
            diag_note(&cat->entries[first].id_loc, "first defined here");
            errors++;
            continue;
        }
        first = seen_add_hashed(&names, constant[i], name_hash[i], i);
        if (first != (size_t)-1) {
            diag_error(&e->id_loc, "ids '%s' and '%s' both become the C "
                       "constant %s", cat->entries[first].id, e->id,
                       constant[i]);
            diag_note(&cat->entries[first].id_loc, "'%s' is defined here",
                      cat->entries[first].id);
            errors++;
        }
    }
    seen_free(&ids);
    seen_free(&names);
    for (i = 0; i < cat->n_entries; i++)
        free(constant[i]);
    free(constant);
    free(id_hash);
    free(name_hash);
    return errors;
}

/* Checks each <arg> against the placeholders of the message. */
static unsigned
check_args(const struct model_entry *e, const struct placeholders *ph)
{
    const char *msg = e->text[FIELD_MESSAGE];
    struct errcat__ph t;
    size_t pos = 0, n = strlen(msg), i, positional = 0;
    unsigned errors = 0;
    enum errcat__ph_mode mode = errcat__ph_mode_of((enum errcat_format)ph->style);
    /* named (%(name)s, {name}), or by position: in turn (%s, {}) or by
       number (%2$s, {1}), as many notes as the highest number; a text
       read as plain text (style none) has none */
    int named = ph->named;
    unsigned expected = ph->highest > ph->positional ? ph->highest
                                                     : ph->positional;

    for (i = 0; i < e->n_args; i++) {
        const struct model_arg *a = &e->args[i];
        int found = 0;

        errors += empty_text(&a->loc, "<arg>", a->text);
        if (a->name && bad_ident(&a->loc, "<arg> name", a->name, 0)) {
            errors++;
            continue;
        }

        if (!a->name) {
            positional++;
            if (named) {
                diag_error(&a->loc, "<arg> needs name= for a message with "
                           "named placeholders");
                errors++;
            }
            continue;
        }
        if (!named) {
            diag_error(&a->loc, "<arg name='%s'> but the message has no "
                       "named placeholder", a->name);
            errors++;
            continue;
        }
        pos = 0;
        while (errcat__ph_next(msg, n, &pos, mode, &t) != ERRCAT__PH_END)
            if (t.name_len == strlen(a->name)
                && strncmp(msg + t.name, a->name, t.name_len) == 0)
                found = 1;
        if (!found) {
            diag_error(&a->loc, "<arg name='%s'> names no placeholder of "
                       "the message", a->name);
            errors++;
        }
    }
    if (!named && expected != positional) {
        diag_error(&e->text_loc[FIELD_MESSAGE], "message has %u "
                   "placeholder%s but %lu <arg> note%s", expected,
                   expected == 1 ? "" : "s", (unsigned long)positional,
                   positional == 1 ? "" : "s");
        errors++;
    }
    if (named) {
        pos = 0;
        while (errcat__ph_next(msg, n, &pos, mode, &t) != ERRCAT__PH_END) {
            int found = 0;

            if (!t.name_len)
                continue;
            for (i = 0; i < e->n_args; i++)
                if (e->args[i].name && strlen(e->args[i].name) == t.name_len
                    && strncmp(msg + t.name, e->args[i].name, t.name_len) == 0)
                    found = 1;
            if (!found) {
                struct loc at = validate_text_loc(&e->text_loc[FIELD_MESSAGE],
                                                  msg, t.start);

                diag_error(&at, "placeholder '%.*s' has no <arg> note",
                           (int)t.len, msg + t.start);
                errors++;
            }
        }
    }
    return errors;
}

static int
is_blank(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Blanks that open or close a text: kept verbatim, but clients that
   match on the text rarely have them, and translators lose them. */
static void
check_blanks(const struct loc *start, const char *text, const char *what)
{
    size_t n = strlen(text), end = n;
    struct loc at;

    if (n && is_blank((unsigned char)text[0]))
        diag_warning(start, "%s starts with white space", what);
    while (end > 0 && is_blank((unsigned char)text[end - 1]))
        end--;
    if (end < n && end > 0) {
        at = validate_text_loc(start, text, end);
        diag_warning(&at, "%s ends with white space", what);
    }
}

/*
 * Offset and length of the first piece of documentation markup in a
 * message, which no API sends: **bold**, an RST backslash escape (\_,
 * \*, \|, ...; not a double backslash, which paths have) or an HTML
 * <br>; 0 length when there is none.
 */
static size_t
markup_at(const char *text, size_t *len)
{
    const char *p, *q;

    for (p = text; *p; p++) {
        if (p[0] == '*' && p[1] == '*' && p[2] && p[2] != '*'
            && !is_blank((unsigned char)p[2])
            && (q = strstr(p + 2, "**")) != NULL && q > p + 2
            && !is_blank((unsigned char)q[-1])) {
            *len = (size_t)(q + 2 - p);
            return (size_t)(p - text);
        }
        if (p[0] == '\\' && p[1] && strchr("_*|`[]<>", p[1])) {
            *len = 2;
            return (size_t)(p - text);
        }
        if (p[0] == '<' && (p[1] == 'b' || p[1] == 'B')
            && (p[2] == 'r' || p[2] == 'R')) {
            q = p + 3;
            while (*q == ' ')
                q++;
            if (*q == '/')
                q++;
            if (*q == '>') {
                *len = (size_t)(q + 1 - p);
                return (size_t)(p - text);
            }
        }
    }
    *len = 0;
    return 0;
}

/* Warnings the text itself deserves; it stays verbatim. */
static void
check_text(const struct model_entry *e, enum model_field f,
           const struct placeholders *ph, int forced)
{
    const char *text = e->text[f], *q, *last = NULL;
    struct errcat__ph t;
    size_t pos = 0, n = strlen(text), quotes = 0;
    enum errcat__ph_mode mode;
    struct loc at;

    /* the scan found what deserves a warning; most messages have none */
    if (f == FIELD_MESSAGE && forced < 0
        && (ph->bare || ph->stray_percent || ph->ambiguous)) {
        mode = errcat__ph_mode_of((enum errcat_format)(ph->mixed ? 0 : ph->style));
        while (errcat__ph_next(text, n, &pos, mode, &t) != ERRCAT__PH_END) {
            if (t.kind != ERRCAT__PH_NAMED_BARE && t.kind != ERRCAT__PH_BAD
                && !(t.loose && ph->ambiguous))
                continue;
            at = validate_text_loc(&e->text_loc[f], text, t.start);
            if (t.kind == ERRCAT__PH_NAMED_BARE)
                diag_warning(&at, "placeholder '%.*s' has no conversion "
                             "character (expected '%.*ss'); it is kept as "
                             "written", (int)t.len, text + t.start,
                             (int)t.len, text + t.start);
            else if (t.loose && ph->ambiguous)
                diag_warning(&at, "'%.*s' is taken as text, though printf "
                             "and msgfmt read a conversion with the space "
                             "flag (say format=\"none\" to confirm)",
                             (int)t.len, text + t.start);
            else if (t.kind == ERRCAT__PH_BAD && t.unsupported)
                diag_warning(&at, "'%.*s' is not a placeholder errcat "
                             "supports; the message is not formatted",
                             (int)t.len, text + t.start);
            else if (t.kind == ERRCAT__PH_BAD && ph->nargs > 0
                     && text[t.start] == '%')
                diag_warning(&at, "'%.*s' starts no placeholder but the "
                             "message has some: which it is, is ambiguous, "
                             "and the message is not formatted (say "
                             "format=\"c\" or \"python\" and write %%%%, "
                             "or format=\"none\")", (int)t.len,
                             text + t.start);
            else if (t.kind == ERRCAT__PH_BAD)
                diag_warning(&at, "'%.*s' is not a placeholder; the message "
                             "is not formatted (write %s)", (int)t.len,
                             text + t.start, text[t.start] == '%'
                             ? "%% for a percent sign" : "{{ or }} for a "
                             "brace");
        }
    }
    for (q = text; (q = strchr(q, '"')) != NULL; q++) {
        quotes++;
        last = q;
    }
    if (quotes % 2) {
        at = validate_text_loc(&e->text_loc[f], text, (size_t)(last - text));
        diag_warning(&at, "unbalanced '\"' in %s", model_field_name[f]);
    }
    check_blanks(&e->text_loc[f], text, model_field_name[f]);
    if (f == FIELD_MESSAGE) {
        size_t len, off = markup_at(text, &len);

        if (len) {
            at = validate_text_loc(&e->text_loc[f], text, off);
            diag_warning(&at, "documentation markup '%.*s' in a message: "
                         "an API sends plain text", (int)len, text + off);
        }
        if (ph->nargs == 1 && !ph->mixed) {
            pos = 0;
            mode = errcat__ph_mode_of((enum errcat_format)ph->style);
            if (errcat__ph_next(text, n, &pos, mode, &t) != ERRCAT__PH_END
                && errcat__ph_is_arg(t.kind) && t.start == 0 && t.len == n)
                diag_warning(&e->text_loc[f], "message is nothing but the "
                             "placeholder '%s': it matches any error "
                             "body of its code", text);
        }
    }
}

/*
 * The format attribute against the message: the same for every entry of
 * a shared message, and no placeholder of the declared style that is
 * malformed or belongs to another style. Without the attribute, a
 * message with placeholders and a stray '%' is ambiguous: a warning.
 */
static unsigned
check_format(const struct model_catalog *cat, const struct model_entry *e,
             const struct model_text *t)
{
    const char *msg = e->text[FIELD_MESSAGE];
    const char *name = e->format >= 0 ? model_format_name[e->format] : "";
    struct placeholders inferred;
    struct errcat__ph tok;
    size_t pos = 0, n = strlen(msg);
    unsigned errors = 0;
    struct loc at;

    if (e->format != t->format) {
        const struct model_entry *o = &cat->entries[t->format_owner];

        diag_error(e->format >= 0 ? &e->format_loc
                   : &e->text_loc[FIELD_MESSAGE], "entry '%s' has the message "
                   "of entry '%s', which says format=\"%s\": say the same",
                   e->id, o->id, model_format_name[t->format]);
        diag_note(&o->format_loc, "format of '%s' is set here", o->id);
        return 1;
    }
    if (e->format < 0)
        return 0;               /* check_text warns of ambiguity */
    if (e->format == ERRCAT_FORMAT_NONE)
        return 0;
    model_scan(msg, &inferred);
    if (!inferred.mixed && inferred.style != ERRCAT_FORMAT_NONE
        && inferred.style != e->format && t->ph.nargs == 0) {
        diag_error(&e->format_loc, "format=\"%s\" but the message has no "
                   "placeholder of that style, and reads as format=\"%s\"",
                   name, model_format_name[inferred.style]);
        return 1;
    }
    while (errcat__ph_next(msg, n, &pos,
                           errcat__ph_mode_of((enum errcat_format)e->format),
                           &tok) != ERRCAT__PH_END) {
        at = validate_text_loc(&e->text_loc[FIELD_MESSAGE], msg, tok.start);
        if (e->format == ERRCAT_FORMAT_PRINTF
            && (tok.kind == ERRCAT__PH_NAMED
                || tok.kind == ERRCAT__PH_NAMED_BARE)) {
            diag_error(&at, "'%.*s' is a Python placeholder, but the message "
                       "says format=\"c\"", (int)tok.len, msg + tok.start);
            errors++;
        } else if (e->format == ERRCAT_FORMAT_PYTHON
                   && tok.kind == ERRCAT__PH_NUMBERED) {
            diag_error(&at, "'%.*s' is not a Python placeholder, but the "
                       "message says format=\"python\"", (int)tok.len,
                       msg + tok.start);
            errors++;
        } else if (tok.kind == ERRCAT__PH_NAMED_BARE) {
            diag_warning(&at, "placeholder '%.*s' has no conversion "
                         "character (expected '%.*ss'); it is kept as "
                         "written", (int)tok.len, msg + tok.start,
                         (int)tok.len, msg + tok.start);
        } else if (tok.kind == ERRCAT__PH_BAD && tok.unsupported) {
            diag_warning(&at, "'%.*s' is not a placeholder errcat supports; "
                         "the message is not formatted", (int)tok.len,
                         msg + tok.start);
        } else if (tok.kind == ERRCAT__PH_BAD) {
            diag_error(&at, "'%.*s' starts no placeholder, but the message "
                       "says format=\"%s\": write %s", (int)tok.len,
                       msg + tok.start, name, msg[tok.start] == '%'
                       ? "%% for a percent sign" : "{{ or }} for a brace");
            errors++;
        }
    }
    return errors;
}

static unsigned
check_entry(const struct model_catalog *cat, const struct model_entry *e)
{
    struct placeholders ph;
    unsigned errors = 0;
    int f;

    if (!e->text[FIELD_DESCRIPTION] && !e->text[FIELD_MESSAGE]) {
        diag_error(&e->loc, "entry '%.*s' has neither <description> nor "
                   "<message>: it needs at least one", VALIDATE_MAX_ID,
                   e->id);
        errors++;
    }
    if (e->has_status && (e->http_status < 100 || e->http_status > 599)) {
        diag_error(&e->status_loc, "HTTP status must be 100 to 599");
        errors++;
    }
    if (e->module_ref && e->module < 0) {
        diag_error(&e->module_loc, "unknown module '%s'", e->module_ref);
        if (cat->n_modules)
            diag_note(&cat->modules[0].loc, "modules are declared with "
                      "<module id=...>");
        errors++;
    }
    memset(&ph, 0, sizeof ph);
    if (e->text[FIELD_MESSAGE])
        ph = cat->texts[e->text_index[FIELD_MESSAGE]].ph;
    for (f = 0; f < ENTRY_TEXTS; f++) {
        if (!e->text[f])
            continue;
        if (*e->text[f] == '\0') {
            diag_error(&e->text_loc[f], "empty %s: leave the <%s> element "
                       "out when the entry has none", model_field_name[f],
                       model_field_name[f]);
            errors++;
            continue;
        }
        if (strlen(e->text[f]) > VALIDATE_MAX_TEXT) {
            diag_error(&e->text_loc[f], "%s longer than %d bytes",
                       model_field_name[f], VALIDATE_MAX_TEXT);
            errors++;
            continue;
        }
        check_text(e, (enum model_field)f, &ph,
                   f == FIELD_MESSAGE
                   ? cat->texts[e->text_index[FIELD_MESSAGE]].format : -1);
    }
    if (!e->text[FIELD_MESSAGE]) {
        if (e->n_args) {
            diag_error(&e->args[0].loc, "<arg> but the entry has no "
                       "<message>");
            errors++;
        }
        return errors;
    }
    f = (int)check_format(cat, e, &cat->texts[e->text_index[FIELD_MESSAGE]]);
    if (f)
        return errors + (unsigned)f;   /* <arg> checks would only echo it */
    if (ph.mixed) {
        diag_error(&e->text_loc[FIELD_MESSAGE], "message mixes placeholder "
                   "styles (%%s, %%N$s, %%(name)s, {name}): use one, or say "
                   "which with format=");
        return errors + 1;
    }
    if (ph.style == ERRCAT_FORMAT_NONE && e->format == ERRCAT_FORMAT_NONE) {
        if (e->n_args) {
            diag_error(&e->args[0].loc, "<arg> but format=\"none\": the "
                       "message has no placeholder");
            errors++;
        }
        return errors;
    }
    return errors + check_args(e, &ph);
}

/* Entries keyed by code and text indexes, to find repeated rows. */
struct rows {
    size_t *slot;                   /* entry index + 1; 0 empty */
    size_t mask;
};

static size_t
row_hash(long code, const unsigned *ti, int fields)
{
    unsigned long h = (unsigned long)code * 0x9e3779b1ul;
    int f;

    for (f = 0; f < fields; f++)
        h = (h ^ ti[f]) * 16777619ul;
    return (size_t)h;
}

/* Adds entry i; returns the entry already there with the same key (its
   code, and all its texts where `whole` is set, else its message), or
   (size_t)-1. */
static size_t
rows_add(struct rows *r, const struct model_catalog *cat, const long *code,
         size_t i, int whole)
{
    const struct model_entry *e = &cat->entries[i];
    unsigned key[ENTRY_TEXTS];
    size_t j;
    int f, n = whole ? ENTRY_TEXTS : 1;

    for (f = 0; f < n; f++)
        key[f] = e->text_index[whole ? f : FIELD_MESSAGE];
    for (j = row_hash(code[i], key, n) & r->mask; r->slot[j];
         j = (j + 1) & r->mask) {
        size_t k = r->slot[j] - 1;
        const struct model_entry *o = &cat->entries[k];
        int same = code[k] == code[i];

        for (f = 0; same && f < n; f++)
            same = o->text_index[whole ? f : FIELD_MESSAGE] == key[f];
        if (same)
            return k;
    }
    r->slot[j] = i + 1;
    return (size_t)-1;
}

/*
 * Entries that repeat others: the same code and texts (a duplicate row),
 * or the same code and message, so that a body with them is always
 * matched to the first. Warnings, since the data may truly say so.
 */
static void
check_repeats(const struct model_catalog *cat)
{
    struct rows whole, msg;
    long *code = xcalloc(cat->n_entries + 1, sizeof *code);
    size_t i, size = 16, k, first;

    /* each entry's code as the index of the first entry with it */
    for (i = 0; i < cat->n_entries; i++)
        code[i] = -1;
    for (i = 0; i < cat->hash_size; i++)
        for (k = cat->code_hash[i]; k; k = cat->entries[k - 1].next_same_code)
            code[k - 1] = (long)cat->code_hash[i] - 1;
    while (size < 2 * cat->n_entries)
        size *= 2;
    whole.mask = msg.mask = size - 1;
    whole.slot = xcalloc(size, sizeof *whole.slot);
    msg.slot = xcalloc(size, sizeof *msg.slot);
    for (i = 0; i < cat->n_entries; i++) {
        const struct model_entry *e = &cat->entries[i];

        if ((first = rows_add(&whole, cat, code, i, 1)) != (size_t)-1) {
            diag_warning(&e->loc, "entry '%s' repeats entry '%s': the same "
                         "code and texts", e->id, cat->entries[first].id);
            diag_note(&cat->entries[first].loc, "'%s' is here",
                      cat->entries[first].id);
        } else if (e->code && e->text[FIELD_MESSAGE]
                   && (first = rows_add(&msg, cat, code, i, 0))
                   != (size_t)-1) {
            diag_warning(&e->text_loc[FIELD_MESSAGE], "entry '%s' has the "
                         "code and message of entry '%s': an error body "
                         "with them is always matched to '%s'", e->id,
                         cat->entries[first].id, cat->entries[first].id);
            diag_note(&cat->entries[first].text_loc[FIELD_MESSAGE],
                      "the message of '%s' is here", cat->entries[first].id);
        }
    }
    free(whole.slot);
    free(msg.slot);
    free(code);
}

unsigned
validate_catalog(const struct model_catalog *cat)
{
    unsigned errors = check_header(cat) + check_modules(cat) + check_ids(cat)
        + check_codes(cat);
    size_t i;

    for (i = 0; i < cat->n_modules; i++) {
        if (strlen(cat->modules[i].name) > VALIDATE_MAX_TEXT) {
            diag_error(&cat->modules[i].name_loc, "module name longer than "
                       "%d bytes", VALIDATE_MAX_TEXT);
            errors++;
        }
        check_blanks(&cat->modules[i].name_loc, cat->modules[i].name,
                     "module name");
    }
    for (i = 0; i < cat->n_entries; i++)
        errors += check_entry(cat, &cat->entries[i]);
    check_repeats(cat);
    return errors;
}

unsigned
validate_together(struct model_catalog *const *cats, size_t n)
{
    unsigned errors = 0;
    size_t i, j;

    for (i = 0; i < n; i++) {
        for (j = 0; j < i; j++) {
            const char *what = NULL;

            if (strcmp(cats[i]->name, cats[j]->name) == 0)
                what = "name";
            else if (strcmp(cats[i]->domain, cats[j]->domain) == 0)
                what = "domain";
            else if (strcmp(cats[i]->prefix, cats[j]->prefix) == 0)
                what = "prefix";
            else if (cats[i]->number == cats[j]->number)
                what = "number";
            if (what) {
                diag_error(&cats[i]->loc, "catalog %s also used by %s: "
                           "values or outputs would collide", what,
                           cats[j]->path);
                diag_note(&cats[j]->loc, "the other catalog");
                errors++;
            }
        }
    }
    return errors;
}
