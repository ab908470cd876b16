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
    int werror;
    char **catalogs;
    size_t n_catalogs;
};

/* Runs the pipeline; returns the exit status: 0 clean (warnings allowed),
   1 catalog errors, 2 I/O errors. Nothing is written unless status 0. */
int gen_run(const struct gen_options *opt);

#endif
