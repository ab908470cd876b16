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


/* Open-addressed string set giving the index of the first holder. */
struct seen {
    const char **key;
    size_t *index;
    size_t mask;
};

static void
seen_init(struct seen *s, size_t n)
{
    size_t size = 16;

    while (size < 2 * n)
        size *= 2;
    s->mask = size - 1;
    s->key = xcalloc(size, sizeof *s->key);
    s->index = xcalloc(size, sizeof *s->index);
}

/* Adds key; returns the index it was first added with, or (size_t)-1. */
static size_t
seen_add(struct seen *s, const char *key, size_t index)
{
    size_t i = model_hash(key) & s->mask;

    while (s->key[i]) {
        if (strcmp(s->key[i], key) == 0)
            return s->index[i];
        i = (i + 1) & s->mask;
    }
    s->key[i] = key;
    s->index[i] = index;
    return (size_t)-1;
}

static void
seen_free(struct seen *s)
{
    free(s->key);
    free(s->index);
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
    unsigned errors = 0;
    size_t i, first;

    seen_init(&ids, cat->n_entries);
    seen_init(&names, cat->n_entries);
    for (i = 0; i < cat->n_entries; i++) {
        const struct model_entry *e = &cat->entries[i];

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
        first = seen_add(&ids, e->id, i);
        if (first != (size_t)-1) {
            diag_error(&e->id_loc, "duplicate id '%s'", e->id);
            diag_note(&cat->entries[first].id_loc, "first defined here");
            errors++;
            continue;
        }
        constant[i] = model_constant(cat, e);
        first = seen_add(&names, constant[i], i);
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
    int named = ph->style == ERRCAT_FORMAT_PYTHON
        || ph->style == ERRCAT_FORMAT_BRACE;

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
    if (!named && ph->nargs != positional) {
        diag_error(&e->text_loc[FIELD_MESSAGE], "message has %u "
                   "placeholder%s but %lu <arg> note%s", ph->nargs,
                   ph->nargs == 1 ? "" : "s", (unsigned long)positional,
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

/* Warnings the text itself deserves; it stays verbatim. */
static void
check_text(const struct model_entry *e, enum model_field f,
           const struct placeholders *ph)
{
    const char *text = e->text[f], *q, *last = NULL;
    struct errcat__ph t;
    size_t pos = 0, n = strlen(text), quotes = 0;
    enum errcat__ph_mode mode;
    struct loc at;

    if (f == FIELD_MESSAGE) {
        mode = errcat__ph_mode_of((enum errcat_format)(ph->mixed ? 0 : ph->style));
        while (errcat__ph_next(text, n, &pos, mode, &t) != ERRCAT__PH_END) {
            at = validate_text_loc(&e->text_loc[f], text, t.start);
            if (t.kind == ERRCAT__PH_NAMED_BARE)
                diag_warning(&at, "placeholder '%.*s' has no conversion "
                             "character (expected '%.*ss'); it is kept as "
                             "written", (int)t.len, text + t.start,
                             (int)t.len, text + t.start);
            else if (t.loose && ph->ambiguous)
                diag_warning(&at, "'%.*s' is taken as text, though printf "
                             "and msgfmt read a conversion with the space "
                             "flag", (int)t.len, text + t.start);
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
        check_text(e, (enum model_field)f, &ph);
    }
    if (!e->text[FIELD_MESSAGE]) {
        if (e->n_args) {
            diag_error(&e->args[0].loc, "<arg> but the entry has no "
                       "<message>");
            errors++;
        }
        return errors;
    }
    if (ph.mixed) {
        diag_error(&e->text_loc[FIELD_MESSAGE], "message mixes placeholder "
                   "styles (%%s, %%N$s, %%(name)s, {name}): use one");
        return errors + 1;
    }
    return errors + check_args(e, &ph);
}

unsigned
validate_catalog(const struct model_catalog *cat)
{
    unsigned errors = check_modules(cat) + check_ids(cat) + check_codes(cat);
    size_t i;

    for (i = 0; i < cat->n_modules; i++)
        if (strlen(cat->modules[i].name) > VALIDATE_MAX_TEXT) {
            diag_error(&cat->modules[i].name_loc, "module name longer than "
                       "%d bytes", VALIDATE_MAX_TEXT);
            errors++;
        }
    for (i = 0; i < cat->n_entries; i++)
        errors += check_entry(cat, &cat->entries[i]);
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
