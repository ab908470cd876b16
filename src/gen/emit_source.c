/*
 * emit_source.c - the constant tables of a catalog in the layout of
 * errcat_catalog.h: texts, modules, entries, and the two indexes that give
 * liberrcat O(1) lookups by value and by code.
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

static void
emit_numbers(struct buf *out, const char *decl, const unsigned *v, size_t n)
{
    size_t i;

    buf_printf(out, "%s[%lu] = {", decl, (unsigned long)n);
    for (i = 0; i < n; i++) {
        buf_puts(out, i % 10 ? " " : "\n    ");
        buf_putl(out, (long)v[i]);
        if (i + 1 < n)
            buf_putc(out, ',');
    }
    buf_lit(out, "\n};\n\n");
}

/* The format and argument count the runtime gets for a text: none for
   a message whose '%' starts no placeholder, since it is not formatted. */
static void
text_format(const struct model_text *t, int *format, unsigned *nargs)
{
    *format = 0;
    *nargs = 0;
    if (t->field == FIELD_MESSAGE && !t->ph.stray_percent) {
        *format = t->ph.style;
        *nargs = t->ph.nargs;
    }
}

/*
 * Each text's .mo key, "ctxt\004msgid", is a named array, and its msgid
 * points into it: every text is in the tables once.
 */
static void
emit_texts(struct buf *out, const struct model_catalog *cat, const char *p)
{
    size_t i;

    if (cat->n_texts == 0)
        return;                 /* C has no empty arrays */
    for (i = 0; i < cat->n_texts; i++) {
        const struct model_text *t = &cat->texts[i];

        buf_lit(out, "static const char ");
        buf_puts(out, p);
        buf_lit(out, "__t");
        buf_putl(out, (long)i);
        buf_lit(out, "[] =\n    \"");
        /* the .mo key, ctxt "\004" msgid, as one literal */
        buf_puts(out, model_field_name[t->field]);
        buf_add(out, "\\004", 4);
        emit_c_string_body(out, t->msgid);
        buf_lit(out, "\";\n");
    }
    buf_printf(out, "\nstatic const struct errcat_text %s__texts[] = {\n", p);
    for (i = 0; i < cat->n_texts; i++) {
        const struct model_text *t = &cat->texts[i];
        unsigned nargs;
        int format;

        text_format(t, &format, &nargs);
        buf_lit(out, "    { ");
        buf_puts(out, p);
        buf_lit(out, "__t");
        buf_putl(out, (long)i);
        buf_lit(out, ", ");
        buf_puts(out, p);
        buf_lit(out, "__t");
        buf_putl(out, (long)i);
        buf_lit(out, " + ");
        buf_putl(out, (long)strlen(model_field_name[t->field]) + 1);
        buf_lit(out, ", ");
        buf_putl(out, format);
        buf_lit(out, ", ");
        buf_putl(out, (long)nargs);
        buf_puts(out, i + 1 < cat->n_texts ? " },\n" : " }\n");
    }
    buf_lit(out, "};\n\n");
}

static void
emit_entries(struct buf *out, const struct model_catalog *cat, const char *p)
{
    size_t i, f;

    if (cat->n_modules)
        buf_printf(out, "static const struct errcat_module %s__modules[] = "
                   "{\n", p);
    for (i = 0; i < cat->n_modules; i++) {
        buf_lit(out, "    { ");
        emit_c_string(out, cat->modules[i].id);
        buf_printf(out, ", %u }%s\n", cat->modules[i].text,
                   i + 1 < cat->n_modules ? "," : "");
    }
    if (cat->n_modules)
        buf_lit(out, "};\n\n");
    if (cat->n_entries == 0)
        return;
    buf_printf(out, "static const struct errcat_entry %s__entries[] = {\n",
               p);
    for (i = 0; i < cat->n_entries; i++) {
        const struct model_entry *e = &cat->entries[i];
        char *name = model_constant(cat, e);

        buf_lit(out, "    { ");
        emit_c_string(out, e->id);
        buf_lit(out, ", ");
        if (e->code)
            emit_c_string(out, e->code);
        else
            buf_putc(out, '0');
        buf_lit(out, ", ");
        buf_puts(out, name);
        buf_lit(out, ", ");
        buf_putl(out, e->http_status);
        buf_lit(out, ", ");
        if (e->module >= 0)
            buf_putl(out, e->module);
        else
            buf_lit(out, "ERRCAT_NO_MODULE");
        buf_puts(out, e->unused ? ", ERRCAT_ENTRY_UNUSED, " : ", 0, ");
        for (f = 0; f < ENTRY_TEXTS; f++) {
            if (e->text_index[f] == MODEL_NO_TEXT)
                buf_lit(out, "ERRCAT_NO_TEXT");
            else
                buf_putl(out, (long)e->text_index[f]);
            buf_lit(out, ", ");
        }
        buf_putl(out, (long)e->next_same_code);
        buf_puts(out, i + 1 < cat->n_entries ? " },\n" : " }\n");
        free(name);
    }
    buf_lit(out, "};\n\n");
}

void
emit_source(const struct model_catalog *cat, const struct emit_options *opt,
            struct buf *out)
{
    char *p = emit_lower_name(cat);
    unsigned *by_serial = xcalloc(cat->n_serials + 1, sizeof *by_serial);
    struct buf decl = { NULL, 0, 0 };
    size_t i;

    (void)opt;
    emit_banner(out, cat, "/* ", " */");
    buf_putc(out, '\n');
    /* The installed layout: liberrcat's headers under errcat/ */
    buf_printf(out, "#include <errcat/errcat_catalog.h>\n"
               "#include \"%s.h\"\n\n", cat->name);
    emit_texts(out, cat, p);
    emit_entries(out, cat, p);
    for (i = 0; i < cat->n_entries; i++)
        by_serial[cat->entries[i].serial] = (unsigned)i + 1;
    buf_printf(&decl, "/* serial -> entry index + 1 */\n"
               "static const unsigned %s__by_serial", p);
    emit_numbers(out, decl.data, by_serial, cat->n_serials);
    decl.len = 0;
    buf_printf(&decl, "/* errcat_code_hash(code) & %lu -> entry index + 1 */\n"
               "static const unsigned %s__code_hash",
               (unsigned long)cat->hash_size - 1, p);
    emit_numbers(out, decl.data, cat->code_hash, cat->hash_size);
    buf_printf(out, "static struct errcat_cache %s__cache;\n\n", p);
    buf_printf(out, "const struct errcat_catalog %s_catalog = {\n", p);
    buf_lit(out, "    ERRCAT_ABI_VERSION, ");
    emit_c_string(out, cat->name);
    buf_lit(out, ", ");
    emit_c_string(out, cat->domain);
    buf_lit(out, ", ");
    emit_c_string(out, cat->prefix);
    buf_lit(out, ",\n    ");
    emit_c_string(out, cat->ref);
    buf_printf(out, ", %d, %ld,\n", cat->number,
               (long)cat->number << 20);
    if (cat->n_entries)
        buf_printf(out, "    %lu, %s__entries,\n",
                   (unsigned long)cat->n_entries, p);
    else
        buf_lit(out, "    0, 0,\n");
    if (cat->n_modules)
        buf_printf(out, "    %lu, %s__modules,\n",
                   (unsigned long)cat->n_modules, p);
    else
        buf_lit(out, "    0, 0,\n");
    if (cat->n_texts)
        buf_printf(out, "    %lu, %s__texts,\n", (unsigned long)cat->n_texts,
                   p);
    else
        buf_lit(out, "    0, 0,\n");
    buf_printf(out, "    %u, %s__by_serial,\n    %lu, %s__code_hash,\n",
               cat->n_serials, p, (unsigned long)cat->hash_size - 1, p);
    buf_printf(out, "    &%s__cache\n};\n", p);
    buf_free(&decl);
    free(by_serial);
    free(p);
}
