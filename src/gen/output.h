/*
 * output.h - writes a run's outputs all or nothing: each file goes to
 * NAME.tmp as soon as it is made (so only one output is in memory at a
 * time), and only when all are written are they renamed into place. A
 * file whose bytes would not change is left alone (lemon's ReportHeader).
 */
#ifndef GEN_OUTPUT_H
#define GEN_OUTPUT_H

#include "util.h"

struct output_set {
    char **path;
    char *pending;                  /* per path: a temp file awaits rename */
    size_t n, cap_path, cap_pending;
    int failed;                     /* a temp file could not be written */
    int committed;
};

/* Writes data to path's temp file unless path already holds exactly
   those bytes; frees data either way. Reports a failure, which
   output_commit then returns. */
void output_add(struct output_set *set, const char *path, struct buf *data);

/* Renames every temp file into place; returns -1 after a failure, with
   every temp file removed. */
int output_commit(struct output_set *set);

/* Removes the temp files of a set not committed, and frees it. */
void output_free(struct output_set *set);

/* Creates directory dir unless it exists; reports a failure and returns
   -1. */
int output_mkdir(const char *dir);

#endif
