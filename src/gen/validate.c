/*
 * validate.c - unique ids and C names, code syntax, HTTP statuses, module
 * references, placeholders and their <arg> notes, unbalanced quotes.
 */
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

static int
valid_code(const char *c)
{
    size_t i = 0;

    if (!((c[0] >= 'A' && c[0] <= 'Z') || (c[0] >= 'a' && c[0] <= 'z')))
        return 0;
    while ((c[i] >= 'A' && c[i] <= 'Z') || (c[i] >= 'a' && c[i] <= 'z')
           || (c[i] >= '0' && c[i] <= '9') || c[i] == '_')
        i++;
    if (c[i++] != '.' || !(c[i] >= '0' && c[i] <= '9'))
        return 0;
    while (c[i] >= '0' && c[i] <= '9')
        i++;
    return c[i] == '\0';
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
    int named = 0;

    /* {0} and {} are by position, like %s; names need name= */
    while (errcat__ph_next(msg, n, &pos, mode, &t) != ERRCAT__PH_END)
        named |= t.kind == ERRCAT__PH_NAMED || t.kind == ERRCAT__PH_NAMED_BARE
            || t.kind == ERRCAT__PH_BRACE;
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

    if (strlen(e->code) > VALIDATE_MAX_CODE || !valid_code(e->code)) {
        diag_error(&e->code_loc, "code '%.*s' is not PREFIX.NUMBER "
                   "(letters, digits, '_', a dot, digits)",
                   VALIDATE_MAX_CODE, e->code);
        errors++;
    }
    if (e->http_status < 100 || e->http_status > 599) {
        diag_error(&e->status_loc, "HTTP status must be 100 to 599");
        errors++;
    }
    if (e->module < 0) {
        diag_error(&e->module_loc, "unknown module '%s'", e->module_ref);
        if (cat->n_modules)
            diag_note(&cat->modules[0].loc, "modules are declared with "
                      "<module id=...>");
        errors++;
    }
    ph = cat->texts[e->text_index[FIELD_MESSAGE]].ph;
    for (f = 0; f < ENTRY_TEXTS; f++) {
        if (empty_text(&e->text_loc[f], model_field_name[f], e->text[f])) {
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
    unsigned errors = check_modules(cat) + check_ids(cat);
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
