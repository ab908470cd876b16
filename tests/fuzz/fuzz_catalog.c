/*
 * fuzz_catalog.c - libFuzzer target over errcat-gen's whole pipeline in
 * memory: load_catalog_memory (UTF-8, NUL and DTD checks, libxml2 SAX2,
 * the XML Schema), model_index, validate_catalog, numbering against an
 * empty record, and every emitter into a buffer.
 *
 * Besides the sanitizers it checks properties of the emitted text: every
 * C string literal decodes back to its source bytes (no trigraph
 * survives), no C comment the header opens is closed or nested early, and
 * every .pot line is a comment, a keyword line or a string line; and the
 * compiled catalog loads in liberrcat (errcat_catalog_load) with every
 * entry's id and code, found again by its value and code.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "emit.h"
#include "errcat.h"
#include "load.h"
#include "model.h"
#include "numbering.h"
#include "validate.h"

/* Decodes a C string literal at p (opening quote) as emit_c_string
   writes it; returns the bytes or NULL when it is not such a literal. */
static char *
decode_c_string(const char *p, size_t *used)
{
    struct buf b = { NULL, 0, 0 };
    const char *s = p;

    if (*s++ != '"')
        return NULL;
    buf_add(&b, "", 0);
    while (*s && *s != '"') {
        if (s[0] == '?' && s[1] == '?' && strchr("=/'()!<>-", s[2]))
            goto bad;               /* a trigraph: not what was meant */
        if (*s != '\\') {
            buf_putc(&b, *s++);
            continue;
        }
        s++;
        switch (*s) {
        case 'n': buf_putc(&b, '\n'); s++; break;
        case 't': buf_putc(&b, '\t'); s++; break;
        case '"': case '\\': case '?': case '\'': buf_putc(&b, *s++); break;
        default:
            if (s[0] >= '0' && s[0] <= '7' && s[1] >= '0' && s[1] <= '7'
                && s[2] >= '0' && s[2] <= '7') {
                buf_putc(&b, (s[0] - '0') * 64 + (s[1] - '0') * 8
                         + (s[2] - '0'));
                s += 3;
                break;
            }
            goto bad;
        }
    }
    if (*s != '"')
        goto bad;
    *used = (size_t)(s + 1 - p);
    return b.data;
bad:
    buf_free(&b);
    return NULL;
}

static void
check_c_string(const char *text)
{
    struct buf b = { NULL, 0, 0 };
    size_t used;
    char *back;

    emit_c_string(&b, text);
    back = decode_c_string(b.data, &used);
    if (!back || used != b.len || strcmp(back, text) != 0) {
        fprintf(stderr, "C literal does not round-trip: %s\n", b.data);
        abort();
    }
    free(back);
    buf_free(&b);
}

static void
check_comment(const char *text)
{
    struct buf b = { NULL, 0, 0 };

    buf_puts(&b, "/* ");
    emit_c_comment_text(&b, text, 160);
    buf_puts(&b, " */");
    if (strstr(b.data + 2, "*/") != b.data + b.len - 2
        || strstr(b.data + 2, "/*") || strstr(b.data, "?\?/")
        || strchr(b.data, '\n')) {
        fprintf(stderr, "C comment broken: %s\n", b.data);
        abort();
    }
    buf_free(&b);
}

/* Every line of a .pot is a comment, a keyword line, a string line or
   empty: a text that breaks out of its comment or string shows here. */
static void
check_pot(const struct buf *pot)
{
    static const char *const starts[] = {
        "#", "msgctxt \"", "msgid \"", "msgstr \"", "\"", ""
    };
    const char *line = pot->data, *nl;
    size_t k;

    for (; line && *line; line = nl ? nl + 1 : NULL) {
        nl = strchr(line, '\n');
        for (k = 0; k < sizeof starts / sizeof *starts; k++)
            if (strncmp(line, starts[k], strlen(starts[k])) == 0
                && (starts[k][0] || line[0] == '\n'))
                break;
        if (k == sizeof starts / sizeof *starts
            || (line[0] != '#' && line[0] != '\n'
                && (!nl || nl[-1] != '"'))) {
            fprintf(stderr, "broken .pot line: %.80s\n", line);
            abort();
        }
    }
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    load_init();
    return 0;
}

/* The compiled catalog of cat, out, as liberrcat loads it. */
static void
check_compiled(const struct model_catalog *cat, const struct buf *out)
{
    const struct errcat_catalog *c;
    struct errcat_file_error err;
    size_t i;

    if (errcat_catalog_load(out->data, out->len, &c, &err) != 0) {
        fprintf(stderr, "fuzz_catalog: compiled catalog refused at %lu: %s\n",
                err.offset, err.reason);
        abort();
    }
    if (errcat_entry_count(c) != cat->n_entries)
        abort();
    for (i = 0; i < cat->n_entries; i++) {
        const struct errcat_entry *e = errcat_entry_at(c, i);
        const struct model_entry *m = &cat->entries[i];

        if (strcmp(e->id, m->id) != 0
            || (m->code == NULL) != (e->code == NULL)
            || (m->code && strcmp(e->code, m->code) != 0)
            || errcat_find(c, e->value) != e
            || (m->code && errcat_find_code(c, m->code) == NULL))
            abort();
    }
    errcat_catalog_close(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct model_catalog *cat = NULL;
    struct emit_options eo = { "out", "po", 0, NULL };
    struct buf record = { NULL, 0, 0 };
    char *text;
    size_t i, k;

    if (size > (1u << 20))
        return 0;
    text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    diag_reset();
    switch (load_catalog_memory("fuzz.xml", text, size, &cat)) {
    case LOAD_SCHEMA:
        /* schema errors: the content checks still run on what was read */
        model_index(cat);
        validate_catalog(cat);
        model_catalog_free(cat);
        break;
    case LOAD_OK:
        model_index(cat);
        for (i = 0; i < cat->n_texts; i++) {
            check_c_string(cat->texts[i].msgid);
            check_comment(cat->texts[i].msgid);
        }
        if (validate_catalog(cat) == 0 && diag_errors() == 0
            && numbering_apply(cat, "/nonexistent/fuzz.numbers",
                               &record) == 0) {
            validate_together(&cat, 1);
            for (k = 0; k < n_emitters; k++) {
                struct buf out = { NULL, 0, 0 };
                char *path = emitters[k].path(cat, &eo);

                emitters[k].emit(cat, &eo, &out);
                if (strcmp(emitters[k].kind, "pot") == 0)
                    check_pot(&out);
                if (strcmp(emitters[k].kind, "compiled") == 0)
                    check_compiled(cat, &out);
                free(path);
                buf_free(&out);
            }
        }
        buf_free(&record);
        model_catalog_free(cat);
        break;
    default:
        break;
    }
    free(text);
    return 0;
}
