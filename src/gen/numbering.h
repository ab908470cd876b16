/*
 * numbering.h - the committed record that makes enum values stable: each id
 * keeps the serial it was first given; removed ids stay, retired, so their
 * values are never given again.
 */
#ifndef GEN_NUMBERING_H
#define GEN_NUMBERING_H

#include "model.h"
#include "util.h"

/* The record's path for a catalog path: catalog/csbs.xml ->
   catalog/csbs.numbers. Owned by the caller. */
char *numbering_path(const char *catalog_path);

/*
 * Reads the record at path (a missing file is an empty record) and gives
 * every entry of cat its serial: the recorded one, or the next free one
 * for a new id. Reports a record that is malformed, or a catalog change
 * that would renumber (a changed catalog number or name), and returns the
 * number of errors. On success writes the updated record's text to *out
 * and sets cat->n_serials. I/O errors return -1.
 */
int numbering_apply(struct model_catalog *cat, const char *path,
                    struct buf *out);

#endif
