/*
 * write_xml.h - writes catalog XML: a new catalog from the model of
 * imported rows, or an existing catalog updated from a table in place,
 * its other bytes (comments, layout, notes) untouched.
 */
#ifndef GEN_WRITE_XML_H
#define GEN_WRITE_XML_H

#include "import.h"
#include "model.h"
#include "util.h"

/* Appends the bytes of a catalog file holding cat (its catalog
   attributes, modules and entries, in order) to out; sources, n of
   them, name the tables in its opening comment. */
void write_xml_catalog(const struct model_catalog *cat,
                       char *const *sources, size_t n, struct buf *out);

/* What an update of a catalog from a table did. */
struct write_xml_counts {
    size_t changed;         /* fields changed in paired entries */
    size_t added;           /* entries appended */
    size_t missing;         /* entries the table does not have */
    size_t retired;         /* of those, removed */
};

/*
 * Updates the catalog old, loaded from data[0..len), from rows paired
 * with its entries by pair (import_pair): texts, statuses, modules and
 * unused flags of paired entries that differ are rewritten in place and
 * reported one line each, rows without an entry are appended as new
 * entries (modules they name declared after the last module), entries
 * without a row are reported and, with retire, removed. Every other
 * byte of data is kept. Appends the new bytes to out.
 */
void write_xml_into(const struct model_catalog *old, const char *data,
                    size_t len, const struct import_rows *rows,
                    const long *pair, int retire, struct buf *out,
                    struct write_xml_counts *counts);

#endif
