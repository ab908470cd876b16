/*
 * emit.h - one emitter per output kind, each reading a const, validated
 * model into a buffer. A new output kind is one file and one table row.
 */
#ifndef GEN_EMIT_H
#define GEN_EMIT_H

#include "model.h"
#include "util.h"

struct emit_options {
    const char *out_dir;            /* .h and .c */
    const char *pot_dir;            /* .pot */
    long long date;                 /* POT-Creation-Date, seconds; -1:
                                       the catalog's pot-creation-date,
                                       else the epoch */
};

struct emitter {
    const char *kind;
    /* Path of the output for cat; owned by the caller. */
    char *(*path)(const struct model_catalog *cat,
                  const struct emit_options *opt);
    void (*emit)(const struct model_catalog *cat,
                 const struct emit_options *opt, struct buf *out);
};

extern const struct emitter emitters[];
extern const size_t n_emitters;

void emit_header(const struct model_catalog *cat,
                 const struct emit_options *opt, struct buf *out);
void emit_source(const struct model_catalog *cat,
                 const struct emit_options *opt, struct buf *out);
void emit_pot(const struct model_catalog *cat,
              const struct emit_options *opt, struct buf *out);

/* Helpers shared by the emitters. */

/* s as a C string literal, every byte round-tripping; _body without the
   quotes, to be preceded by nothing that ends in '?' or an octal escape
   that a digit could extend (emit_c_string writes none). */
void emit_c_string(struct buf *out, const char *s);
void emit_c_string_body(struct buf *out, const char *s);
/* s inside a C comment: no comment end, no trigraph, one line. */
void emit_c_comment_text(struct buf *out, const char *s, size_t max);
/* s as the body of a PO string (no quotes), gettext's escapes. */
void emit_po_escape(struct buf *out, const char *s, size_t n);
/* `keyword "s"` as GNU gettext's tools write it: escaped, one string per
   text line, wrapped at 79 columns, never inside a placeholder of style
   (an enum errcat_format; 0 for none). emit_po_free frees its buffers. */
void emit_po_string(struct buf *out, const char *keyword, const char *s,
                    int style);
void emit_po_free(void);
/* ulc_width_linebreaks for printable ASCII s[0..n), as fast as a table;
   for emit_po_string, and for the test that compares the two. */
int emit_po_ascii_linebreaks(const char *s, size_t n, int width, int start,
                             const char *o, char *p);
/* The banner every generated file opens with, between lead and tail. */
void emit_banner(struct buf *out, const struct model_catalog *cat,
                 const char *lead, const char *tail);
/* The catalog name in lower case, for C identifiers. */
char *emit_lower_name(const struct model_catalog *cat);

#endif
