/*
 * output.c - all-or-nothing writing of generated files.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "output.h"

/* Nonzero when path already holds exactly these bytes. */
static int
unchanged(const char *path, const struct buf *data)
{
    struct stat st;
    FILE *fp;
    char chunk[65536];
    size_t off = 0, n;
    int same = 1;

    /* a file of another size differs: no need to read it back */
    if (stat(path, &st) != 0 || (size_t)st.st_size != data->len
        || !(fp = fopen(path, "rb")))
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

void
output_add(struct output_set *set, const char *path, struct buf *data)
{
    char *tmp;

    set->path = xgrow(set->path, &set->cap_path, set->n, sizeof *set->path);
    set->pending = xgrow(set->pending, &set->cap_pending, set->n,
                         sizeof *set->pending);
    set->path[set->n] = xstrdup(path);
    set->pending[set->n] = 0;
    set->n++;
    if (!set->failed && !unchanged(path, data)) {
        tmp = tmp_path(path);
        if (write_tmp(tmp, data) < 0) {
            diag_error(NULL, "cannot write '%s': %s", tmp, strerror(errno));
            remove(tmp);
            set->failed = 1;
        } else {
            set->pending[set->n - 1] = 1;
        }
        free(tmp);
    }
    buf_free(data);
}

static void
remove_pending(struct output_set *set)
{
    size_t i;

    for (i = 0; i < set->n; i++) {
        if (set->pending[i]) {
            char *tmp = tmp_path(set->path[i]);

            remove(tmp);
            free(tmp);
            set->pending[i] = 0;
        }
    }
}

int
output_commit(struct output_set *set)
{
    size_t i;
    int ret = 0;

    if (set->failed) {
        remove_pending(set);
        return -1;
    }
    for (i = 0; i < set->n; i++) {
        char *tmp;

        if (!set->pending[i])
            continue;
        tmp = tmp_path(set->path[i]);
        if (rename(tmp, set->path[i]) != 0) {
            diag_error(NULL, "cannot rename '%s' to '%s': %s", tmp,
                       set->path[i], strerror(errno));
            remove(tmp);
            ret = -1;
        }
        set->pending[i] = 0;
        free(tmp);
    }
    set->committed = 1;
    return ret;
}

void
output_free(struct output_set *set)
{
    size_t i;

    if (!set->committed && set->pending)
        remove_pending(set);
    for (i = 0; i < set->n; i++)
        free(set->path[i]);
    free(set->path);
    free(set->pending);
    memset(set, 0, sizeof *set);
}

int
output_mkdir(const char *dir)
{
    struct stat st;

    if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return 0;
    if (mkdir(dir, 0777) == 0)
        return 0;
    diag_error(NULL, "cannot create directory '%s': %s", dir,
               strerror(errno));
    return -1;
}
