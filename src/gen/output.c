/*
 * output.c - all-or-nothing writing of generated files.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "output.h"

void
output_add(struct output_set *set, const char *path, struct buf *data)
{
    set->path = xgrow(set->path, &set->cap_path, set->n, sizeof *set->path);
    set->data = xgrow(set->data, &set->cap_data, set->n, sizeof *set->data);
    set->path[set->n] = xstrdup(path);
    set->data[set->n] = *data;
    memset(data, 0, sizeof *data);
    set->n++;
}

/* Nonzero when path already holds exactly these bytes. */
static int
unchanged(const char *path, const struct buf *data)
{
    FILE *fp = fopen(path, "rb");
    char chunk[65536];
    size_t off = 0, n;
    int same = 1;

    if (!fp)
        return 0;
    while (same && (n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (off + n > data->len || memcmp(chunk, data->data + off, n) != 0)
            same = 0;
        off += n;
    }
    if (ferror(fp) || off != data->len)
        same = 0;
    fclose(fp);
    return same;
}

static char *
tmp_path(const char *path)
{
    char *t = xmalloc(strlen(path) + 5);

    strcpy(t, path);
    strcat(t, ".tmp");
    return t;
}

static int
write_tmp(const char *tmp, const struct buf *data)
{
    FILE *fp = fopen(tmp, "wb");
    int err;

    if (!fp)
        return -1;
    if (data->len)
        fwrite(data->data, 1, data->len, fp);
    err = ferror(fp);
    if (fclose(fp) != 0 || err)
        return -1;
    return 0;
}

int
output_commit(struct output_set *set)
{
    char *skip = xcalloc(set->n + 1, 1);
    size_t i, j;
    int ret = 0;

    for (i = 0; i < set->n; i++) {
        char *tmp;

        if (unchanged(set->path[i], &set->data[i])) {
            skip[i] = 1;
            continue;
        }
        tmp = tmp_path(set->path[i]);
        if (write_tmp(tmp, &set->data[i]) < 0) {
            diag_error(NULL, "cannot write '%s': %s", tmp, strerror(errno));
            remove(tmp);
            free(tmp);
            for (j = 0; j < i; j++) {
                if (!skip[j]) {
                    tmp = tmp_path(set->path[j]);
                    remove(tmp);
                    free(tmp);
                }
            }
            ret = -1;
            goto out;
        }
        free(tmp);
    }
    for (i = 0; i < set->n; i++) {
        char *tmp;

        if (skip[i])
            continue;
        tmp = tmp_path(set->path[i]);
        if (rename(tmp, set->path[i]) != 0) {
            diag_error(NULL, "cannot rename '%s' to '%s': %s", tmp,
                       set->path[i], strerror(errno));
            remove(tmp);
            ret = -1;
        }
        free(tmp);
    }
out:
    free(skip);
    return ret;
}

void
output_free(struct output_set *set)
{
    size_t i;

    for (i = 0; i < set->n; i++) {
        free(set->path[i]);
        buf_free(&set->data[i]);
    }
    free(set->path);
    free(set->data);
    memset(set, 0, sizeof *set);
}
