/*
 * docs.h - errcat-gen docs: the reference pages of catalogs, one per
 * catalog, language and format, and the translation status page. The
 * pipeline (docs.c) loads and checks the catalogs as generate does,
 * reads each language's .po, and hands the page emitters (emit_docs_*.c)
 * a const view of one catalog in one language.
 */
#ifndef GEN_DOCS_H
#define GEN_DOCS_H

#include <stddef.h>

#include "model.h"
#include "util.h"

/* Marks a fixed string of the pages for xgettext (errcat's own domain). */
#define N_(s) s

enum docs_format {
    DOCS_MD = 1,
    DOCS_HTML = 2,
    DOCS_RST = 4
};

struct docs_options {
    const char *out_dir;
    char **po_dirs;                 /* the n-th for the n-th catalog */
    size_t n_po_dirs;
    unsigned formats;               /* enum docs_format bits */
    int werror;
    char **catalogs;
    size_t n_catalogs;
};

/* Runs the docs pipeline; returns the exit status as gen_run does.
   Nothing is written unless every page of the run could be made. */
int docs_run(const struct docs_options *opt);

/* One language of the pages: "en", the source, or one of LINGUAS. */
struct docs_lang {
    char *code;                     /* "zh_CN": the .po's name */
    char *tag;                      /* "zh-CN": BCP 47, for lang= */
    int rtl;                        /* written right to left */
};

/* What a translation is, per text of a catalog in a language. */
enum docs_state {
    DOCS_TRANSLATED,
    DOCS_FUZZY,
    DOCS_UNTRANSLATED
};

/* The columns a catalog's table has: a field no entry has is left out. */
enum docs_column {
    DOCS_COL_MODULE = 1,
    DOCS_COL_STATUS = 2,
    DOCS_COL_CODE = 4,
    DOCS_COL_DESCRIPTION = 8,
    DOCS_COL_MESSAGE = 16,
    DOCS_COL_MEASURE = 32
};

/* One catalog in one language: what a page emitter reads. */
struct docs_page {
    const struct model_catalog *cat;
    const struct docs_lang *lang;
    const char *const *text;        /* per text index: what the page
                                       shows (translation or source) */
    const unsigned char *state;     /* per text index: enum docs_state */
    unsigned columns;               /* enum docs_column bits */
    int present;                    /* the catalog has this language */
    const unsigned char *first_of_code;     /* per entry: the first of
                                               its code, which holds the
                                               code's anchor */
    const struct model_entry *example;  /* of the error body; may be NULL */
};

/* msgid of errcat's own domain in the page's language; borrowed. */
const char *docs_tr(const struct docs_page *p, const char *msgid);

/* An entry's text of field f on the page, or NULL when it has none. */
const char *docs_entry_text(const struct docs_page *p,
                            const struct model_entry *e, enum model_field f);

/* The same text's English source, or NULL. */
const char *docs_entry_source(const struct model_entry *e,
                              enum model_field f);

/* The shown name of e's module, or NULL when it has none. */
const char *docs_module_name(const struct docs_page *p,
                             const struct model_entry *e);

/* The number of entries from i on that share e[i]'s module, in a row. */
size_t docs_group_length(const struct model_catalog *cat, size_t i);

/* Whether an unused entry's description lacks the source's own mark,
   "(Not used currently.)", so the page must add it. */
int docs_needs_unused_mark(const struct model_entry *e);

/* Helpers the page emitters share. */
void emit_docs_json_string(struct buf *out, const char *s);
void emit_docs_body_example(struct buf *out, const struct model_entry *e,
                            const char *indent);

void emit_docs_html_text(struct buf *out, const char *s);
/* The page's head up to <main>; css, if not NULL, is added to the style
   sheet. */
void emit_docs_html_open(struct buf *out, const struct model_catalog *cat,
                         const char *tag, int rtl, const char *title,
                         const char *css);
void emit_docs_html_close(struct buf *out);

void emit_docs_md(const struct docs_page *p, struct buf *out);
void emit_docs_html(const struct docs_page *p, struct buf *out);
void emit_docs_rst(const struct docs_page *p, struct buf *out);

/* The status page: every catalog in every language. */
struct docs_status {
    const struct docs_page *pages;  /* catalog-major, languages minor */
    size_t n_catalogs, n_langs;     /* pages[c * n_langs + l]; l = 0 en */
};

void emit_docs_status_md(const struct docs_status *s, struct buf *out);
void emit_docs_status_html(const struct docs_status *s, struct buf *out);

/* Counts of a page's texts by state. */
void docs_count(const struct docs_page *p, size_t count[3]);

#endif
