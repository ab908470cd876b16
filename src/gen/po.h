/*
 * po.h - reads a gettext .po file (the form msgfmt reads and msgcat
 * writes) into plain structs, for the outputs that need translators'
 * work as it stands: fuzzy flags and empty translations, which a .mo
 * no longer holds.
 */
#ifndef GEN_PO_H
#define GEN_PO_H

#include <stddef.h>

struct po_message {
    char *ctxt;                     /* msgctxt; NULL when absent */
    char *msgid;                    /* "" for the header */
    char *msgstr;                   /* msgstr, or msgstr[0] of a plural */
    unsigned line;                  /* of the msgid keyword */
    unsigned char fuzzy;            /* "#, fuzzy" */
    unsigned char plural;           /* has msgid_plural */
};

struct po_file {
    char *path;
    struct po_message *msgs;        /* file order; obsolete ones left out */
    size_t n_msgs, cap_msgs;
    size_t *slot;                   /* hash of (ctxt, msgid): index + 1 */
    size_t mask;
};

/*
 * Reads the .po at path into *out, owned by the caller (po_free).
 * Reports every syntax error as FILE:LINE:COL through diag and returns
 * -1 with *out NULL when there was one or the file cannot be read.
 */
int po_read(const char *path, struct po_file **out);

/* The message of (ctxt, msgid), ctxt NULL for none; NULL when absent. */
const struct po_message *po_find(const struct po_file *po, const char *ctxt,
                                 const char *msgid);

void po_free(struct po_file *po);

#endif
