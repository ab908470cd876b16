/*
 * load.h - turns a catalog file into the model. The only module that
 * includes libxml2.
 */
#ifndef GEN_LOAD_H
#define GEN_LOAD_H

#include "model.h"

/* Largest catalog file read, in bytes. */
#define LOAD_MAX_BYTES (128ul << 20)

enum load_status {
    LOAD_OK,                        /* a model, possibly with errors to
                                       report by validation */
    LOAD_INVALID,                   /* errors reported; no model */
    LOAD_SCHEMA,                    /* well-formed, but schema errors were
                                       reported: *out holds what could be
                                       read, for the content checks of the
                                       same run; never emit from it */
    LOAD_IO                         /* the file cannot be read */
};

/* Process-wide setup: refuses every external entity or DTD fetch. */
void load_init(void);
void load_cleanup(void);

/*
 * Reads, checks (UTF-8, no NUL, no DTD, well-formed, valid against the
 * schema) and loads the catalog at path into *out, owned by the caller.
 * Reports every problem through diag and returns LOAD_INVALID or LOAD_IO
 * with *out NULL when the file is not a loadable catalog, LOAD_SCHEMA
 * with a model to check (but not to emit) when it is well-formed XML
 * that the schema refuses.
 */
enum load_status load_catalog(const char *path, struct model_catalog **out);

/* As load_catalog, from bytes already in memory; path names them and
   data[len] must be '\0'. */
enum load_status load_catalog_memory(const char *path, const char *data,
                                     size_t len, struct model_catalog **out);

#endif
