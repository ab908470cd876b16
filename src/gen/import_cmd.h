/*
 * import_cmd.h - errcat-gen import and import-po: tables in, catalog XML
 * or a translation draft out.
 */
#ifndef GEN_IMPORT_CMD_H
#define GEN_IMPORT_CMD_H

#include <stddef.h>

struct import_options {
    const char *format;         /* md html rst csv tsv; NULL: sniffed */
    const char *columns;        /* --columns HEADER=FIELD,... */
    const char *name, *domain, *prefix, *title;     /* new catalog */
    int number;                 /* 0: 1 */
    const char *out;            /* -o: new catalog, or the .po */
    const char *into;           /* --into CATALOG.xml */
    int retire_missing;
    const char *lang;           /* import-po */
    const char *catalog;        /* import-po */
    char **tables;
    size_t n_tables;
};

/* errcat-gen import: the rows of every table become a new catalog at
   out, or update the catalog into. Writes nothing unless every row is
   good and the result passes check. Returns 0, 1 input errors, 2 I/O. */
int import_run(const struct import_options *opt);

/* errcat-gen import-po: the texts of a localized twin table become
   fuzzy translations in the .po at out, never replacing one it has.
   Returns as import_run. */
int import_po_run(const struct import_options *opt);

#endif
