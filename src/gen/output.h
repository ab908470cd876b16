/*
 * output.h - writes a run's outputs all or nothing: every file first goes
 * to NAME.tmp, and only when all are written are they renamed into place.
 * A file whose bytes would not change is left alone (lemon's ReportHeader).
 */
#ifndef GEN_OUTPUT_H
#define GEN_OUTPUT_H

#include "util.h"

struct output_set {
    char **path;
    struct buf *data;
    size_t n, cap_path, cap_data;
};

/* Queues data (taken over; *data is left empty) for path (copied). */
void output_add(struct output_set *set, const char *path, struct buf *data);

/* Writes and renames every queued file; on failure removes every temp
   file, reports and returns -1. */
int output_commit(struct output_set *set);

void output_free(struct output_set *set);

#endif
