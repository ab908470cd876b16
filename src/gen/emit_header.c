/*
 * emit_header.c - the catalog's C header: one enum constant per entry, its
 * value fixed by the numbering record, and the table declaration.
 */
#include <stdlib.h>

#include "emit.h"

/* "CODE (HTTP 400): description", each part only when present; the
   message stands in for an absent description. */
static void
emit_entry_summary(struct buf *out, const struct model_entry *e)
{
    const char *text = e->text[FIELD_DESCRIPTION]
        ? e->text[FIELD_DESCRIPTION] : e->text[FIELD_MESSAGE];
    size_t start = out->len;

    if (e->code)
        emit_c_comment_text(out, e->code, 64);
    if (e->has_status && e->code) {
        buf_lit(out, " (HTTP ");
        buf_putl(out, e->http_status);
        buf_putc(out, ')');
    } else if (e->has_status) {
        buf_lit(out, "HTTP ");
        buf_putl(out, e->http_status);
    }
    if (e->unused)
        buf_puts(out, out->len > start ? ", not used currently" :
                 "not used currently");
    if (out->len > start)
        buf_lit(out, ": ");
    emit_c_comment_text(out, text, 160);
}

void
emit_header(const struct model_catalog *cat, const struct emit_options *opt,
            struct buf *out)
{
    char *lower = emit_lower_name(cat);
    size_t i;

    (void)opt;
    emit_banner(out, cat, "/* ", " */");
    buf_lit(out, "\n/*\n * ");
    emit_c_comment_text(out, cat->title ? cat->title : cat->name, 200);
    buf_printf(out, ": the error codes of catalog %s,\n", cat->name);
    buf_printf(out, " * translated through the gettext domain %s.\n",
               cat->domain);
    buf_puts(out, " * A constant's value never changes once published: "
             "values come from the\n * catalog's numbering record, "
             "and a retired value is never given again.\n */\n");
    buf_printf(out, "#ifndef ERRCAT_GENERATED_%s_H\n", cat->prefix);
    buf_printf(out, "#define ERRCAT_GENERATED_%s_H\n\n", cat->prefix);
    buf_lit(out, "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");
    if (cat->n_entries > 0) {
        buf_printf(out, "enum %s_error {\n", lower);
        for (i = 0; i < cat->n_entries; i++) {
            const struct model_entry *e = &cat->entries[i];
            char *name = model_constant(cat, e);

            buf_lit(out, "    /* ");
            emit_entry_summary(out, e);
            buf_lit(out, " */\n    ");
            buf_puts(out, name);
            buf_lit(out, " = ");
            buf_putl(out, model_value(cat, e));
            buf_puts(out, i + 1 < cat->n_entries ? ",\n" : "\n");
            free(name);
        }
        buf_lit(out, "};\n\n");
    }
    buf_printf(out, "/* Catalog number: values are %d << 20 | serial. */\n",
               cat->number);
    buf_printf(out, "#define %s_CATALOG_NUMBER %d\n", cat->prefix,
               cat->number);
    buf_printf(out, "#define %s_ENTRY_COUNT %lu\n\n", cat->prefix,
               (unsigned long)cat->n_entries);
    buf_lit(out, "struct errcat_catalog;\n\n");
    buf_puts(out, "/* The constant tables behind the enum, for liberrcat "
             "(errcat.h). */\n");
    buf_printf(out, "extern const struct errcat_catalog %s_catalog;\n\n",
               lower);
    buf_lit(out, "#ifdef __cplusplus\n}\n#endif\n\n#endif\n");
    free(lower);
}
