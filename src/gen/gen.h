/*
 * gen.h - the pipeline of errcat-gen: load, index, validate, number, emit.
 */
#ifndef GEN_GEN_H
#define GEN_GEN_H

#include <stddef.h>

enum gen_command {
    GEN_CHECK,
    GEN_GENERATE
};

struct gen_options {
    enum gen_command command;
    const char *out_dir;            /* generate: .h and .c */
    const char *pot_dir;            /* generate: .pot; default out_dir */
    const char *compiled_dir;       /* generate: NAME.errcat; NULL none */
    const char *root;               /* outputs name catalogs by their path
                                       from here; NULL: by file name */
    int werror;
    char **catalogs;
    size_t n_catalogs;
};

/* Runs the pipeline; returns the exit status: 0 clean (warnings allowed),
   1 catalog errors, 2 I/O errors. Nothing is written unless status 0. */
int gen_run(const struct gen_options *opt);

struct buf;

/*
 * The pipeline for one catalog into a compiled catalog in memory, for
 * programs that read catalog XML (the errcat command): load, index,
 * validate, number from the catalog's record (read, never written), and
 * emit_compiled into *out. Diagnostics go to stderr. Returns 0, 1
 * (catalog errors) or 2 (I/O); *out is written only on 0. load_init
 * must have been called.
 */
int gen_compile(const char *path, struct buf *out);

#endif
