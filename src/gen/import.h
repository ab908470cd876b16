/*
 * import.h - error tables as services publish them (Markdown, HTML,
 * reStructuredText, CSV, TSV) read into rows of cells, and those rows
 * turned into the catalog model. One reader per format fills an
 * import_doc; import.c maps its columns and builds the model.
 */
#ifndef GEN_IMPORT_H
#define GEN_IMPORT_H

#include <stddef.h>

#include "diag.h"
#include "util.h"

/* Largest table file read, in bytes. */
#define IMPORT_MAX_BYTES (128ul << 20)

/* One cell as a reader found it. Both strings are owned by the cell,
   or by the doc's pool when pooled is set. */
struct import_cell {
    char *text;                 /* the format's own escaping undone:
                                   what a message is carried as */
    char *plain;                /* inline markup made plain text too:
                                   what a description or measure is;
                                   text itself when they are the same */
    unsigned line;              /* where the cell's text starts */
    unsigned col;               /* its column in characters; 0 unknown */
    int merged;                 /* a copy of a cell spanning rows or
                                   columns, not written in this row */
    int pooled;                 /* text and plain are in the doc's pool */
};

struct import_row {
    struct import_cell *cells;
    size_t n, cap;
    unsigned line;
};

struct import_table {
    struct import_row *rows;
    size_t n_rows, cap_rows;
    size_t n_header;            /* rows the format marks as header; 0
                                   when it cannot tell (CSV) */
    unsigned line;              /* where the table starts */
};

/* The tables of one file; everything else on the page is skipped. */
struct import_doc {
    const char *path;
    struct pool strings;        /* texts of the pooled cells */
    struct import_table *tables;
    size_t n_tables, cap_tables;
};

/* A reader: finds the tables in data[0..len) (data[len] is '\0' and the
   bytes are valid UTF-8), appends them to doc and reports bad input
   through diag at doc->path:LINE. Returns 0, or -1 after an error. */
typedef int import_reader(struct import_doc *doc, const char *data,
                          size_t len);

int import_md_read(struct import_doc *doc, const char *data, size_t len);
int import_html_read(struct import_doc *doc, const char *data, size_t len);
int import_rst_read(struct import_doc *doc, const char *data, size_t len);
int import_csv_read(struct import_doc *doc, const char *data, size_t len);
int import_tsv_read(struct import_doc *doc, const char *data, size_t len);

/* The reader of a format name (md, html, rst, csv, tsv), or NULL. */
import_reader *import_reader_of(const char *format);

/* The format of a file from its extension, else from its first bytes. */
const char *import_sniff(const char *path, const char *data, size_t len);

/* Building a doc, for the readers. */
struct import_table *import_add_table(struct import_doc *doc, unsigned line);
struct import_row *import_add_row(struct import_table *t, unsigned line);
/* Appends a cell taking ownership of text and plain (plain NULL, or
   text itself: the same as text). */
struct import_cell *import_add_cell(struct import_row *r, char *text,
                                    char *plain, unsigned line);
/* The same for text and plain in doc->strings, which keeps them. */
struct import_cell *import_add_pooled_cell(struct import_row *r, char *text,
                                           char *plain, unsigned line);
/* Frees the tables of doc (not doc itself); NULL-safe inside. */
void import_doc_free(struct import_doc *doc);

/* Reads path whole, checks it is UTF-8 without NUL bytes (reported at
   path:LINE), and gives it '\0'-terminated. Returns 0, 1 after a
   reported input error, 2 after an I/O error. */
int import_read_file(const char *path, char **data, size_t *len);

/* Reads path in format (NULL: sniffed) into doc; as import_read_file. */
int import_read_doc(const char *path, const char *format,
                    struct import_doc *doc);

/* The catalog's fields a table column can hold. */
enum import_field {
    IMP_MODULE,
    IMP_STATUS,
    IMP_CODE,
    IMP_DESCRIPTION,
    IMP_MESSAGE,
    IMP_MEASURE,
    IMP_NFIELDS
};

extern const char *const import_field_name[IMP_NFIELDS];

/* One row of a table, its columns mapped to fields. */
struct import_rec {
    const char *path;           /* the table file */
    unsigned line;
    char *field[IMP_NFIELDS];   /* NULL: no such column, or a blank cell */
    unsigned field_line[IMP_NFIELDS];
    unsigned field_col[IMP_NFIELDS];
    int status;                 /* 0 when absent */
    int unused;                 /* "(Not used currently.)" */
};

struct import_rows {
    struct pool strings;        /* every text of the records */
    struct import_rec *recs;
    size_t n, cap;
    int has[IMP_NFIELDS];       /* some table has the column */
};

/*
 * Maps the columns of every table of doc by their headers (English and
 * Chinese names, case and blanks ignored; columns maps more, as
 * "Header=field,..."), fills merged and blank Module cells down and
 * appends a record per row to rows; the texts of rows stay valid when
 * doc is freed.
 * Reports every bad row and returns the number of errors.
 */
unsigned import_map(struct import_doc *doc, const char *columns,
                    struct import_rows *rows);
/* Frees the records of rows and their texts. */
void import_rows_free(struct import_rows *rows);

/* A set of strings, for the ids taken. */
struct import_slot {
    char *s;                    /* NULL: empty */
    unsigned hash;              /* of s */
    unsigned next;              /* a number kept with s
                                   (import_set_number) */
};

struct import_set {
    struct import_slot *slot;
    size_t mask, n;
    struct pool strings;        /* the slots' strings */
};

/* Membership, and adding a copy of s (nothing if present): O(1). A
   zeroed struct is an empty set; import_set_free empties it. */
int import_set_has(const struct import_set *set, const char *s);
void import_set_add(struct import_set *set, const char *s);
/* The number kept with s, added if absent (for ids: the next suffix to
   try, 2 at first; callers may keep other numbers). */
unsigned *import_set_number(struct import_set *set, const char *s);
void import_set_free(struct import_set *set);

/* A readable snake_case id for a row, from its description (or message,
   or code), neither a C/C++ keyword nor in taken; added to taken. The
   same rows in the same order always get the same ids. Owned. */
char *import_entry_id(const struct import_rec *r, struct import_set *taken);
/* An id for a module from its name; added to taken. Owned. */
char *import_module_id(const char *name, size_t index,
                       struct import_set *taken);

/* Placeholders of a message, for the <arg> notes a table cannot give:
   for each, its name (NULL for %s) appended to names; returns count. */
size_t import_placeholders(const char *message, char ***names);

/* The text of the <arg> note of placeholder k (name NULL for %s): what
   it is, and that the table does not describe it. Owned. */
char *import_arg_text(const char *name, size_t k);

struct model_catalog;

/* Catalog attributes of a new catalog. */
struct import_meta {
    const char *name, *domain, *prefix, *title;
    int number;
};

/*
 * The model of the rows, as the loader would build it from the catalog
 * the writer makes of them, with locations in the tables: ready for
 * model_index and validate_catalog. Owned. The model takes the texts of
 * rows over instead of copying them: they live as long as the model,
 * and import_rows_free then frees only the records.
 */
struct model_catalog *import_build(struct import_rows *rows,
                                   const struct import_meta *meta);
/* import_build in two steps: the model with every field but the
   entries' ids and <arg> notes, then those. The second reads only rows
   and the entries' messages and writes only ids and args (from the
   model's pool, which model_index does not touch): it may run while
   another thread runs model_index. */
struct model_catalog *import_build_texts(struct import_rows *rows,
                                         const struct import_meta *meta);
void import_build_ids(struct model_catalog *cat,
                      const struct import_rows *rows);

/*
 * Pairs each row with an entry of cat: by code, then HTTP status, then
 * message among entries sharing a code, then the first in catalog order;
 * an entry is paired at most once. pair[i] is the entry index or -1.
 * Owned array of rows->n.
 */
long *import_pair(const struct model_catalog *cat,
                  const struct import_rows *rows);

#endif
