/*
 * gen.c - runs the pipeline over every catalog of a run: load, index,
 * validate, number; then, only when no catalog has an error, emits every
 * output and writes them all or nothing.
 */
#define _XOPEN_SOURCE 700           /* realpath */

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "emit.h"
#include "gen.h"
#include "load.h"
#include "numbering.h"
#include "output.h"
#include "validate.h"

/* POT-Creation-Date: SOURCE_DATE_EPOCH, or -1 to take the catalog's
   date, never the clock. */
static long long
source_date(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    char *end;
    long long v;

    if (!s || !*s)
        return -1;
    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno || *end || v < 0) {
        diag_warning(NULL, "SOURCE_DATE_EPOCH is not a number of seconds: "
                     "ignored");
        return -1;
    }
    return v;
}

/*
 * Names cat in its outputs by its path from root, both resolved, so that
 * where errcat-gen runs from changes no byte. A catalog outside root is
 * a usage error.
 */
static int
set_ref(struct model_catalog *cat, const char *root)
{
    char top[PATH_MAX], file[PATH_MAX];
    size_t n;

    if (!root)
        return 0;
    if (!realpath(root, top)) {
        diag_error(NULL, "--root '%s': %s", root, strerror(errno));
        return -1;
    }
    if (!realpath(cat->path, file)) {
        diag_error(NULL, "cannot resolve '%s': %s", cat->path,
                   strerror(errno));
        return -1;
    }
    n = strlen(top);
    if (n == 1)
        n = 0;                      /* root is "/" */
    if (strncmp(file, top, n) != 0 || file[n] != '/') {
        diag_error(NULL, "%s is not under --root %s", cat->path, root);
        return -1;
    }
    free(cat->ref);
    cat->ref = xstrdup(file + n + 1);
    return 0;
}

static void
emit_all(struct model_catalog *cat, const struct emit_options *eo,
         struct output_set *outs)
{
    size_t i;

    for (i = 0; i < n_emitters; i++) {
        struct buf b = { NULL, 0, 0 };
        char *path = emitters[i].path(cat, eo);

        if (path == NULL)
            continue;
        emitters[i].emit(cat, eo, &b);
        output_add(outs, path, &b);
        free(path);
    }
}

int
gen_run(const struct gen_options *opt)
{
    struct model_catalog **cats;
    struct output_set outs;
    struct emit_options eo;
    size_t i, loaded = 0;
    int status = 0;

    memset(&outs, 0, sizeof outs);
    diag_set_werror(opt->werror);
    cats = xcalloc(opt->n_catalogs + 1, sizeof *cats);
    for (i = 0; i < opt->n_catalogs; i++) {
        struct buf record = { NULL, 0, 0 };
        char *record_path;
        unsigned before = diag_errors();
        int n;

        switch (load_catalog(opt->catalogs[i], &cats[loaded])) {
        case LOAD_IO:
            status = 2;
            continue;
        case LOAD_INVALID:
            continue;
        case LOAD_SCHEMA:
            /* the content checks too, in the same run; no numbering */
            model_index(cats[loaded]);
            validate_catalog(cats[loaded]);
            loaded++;
            continue;
        case LOAD_OK:
            break;
        }
        if (set_ref(cats[loaded], opt->root) < 0) {
            status = 2;
            loaded++;
            continue;
        }
        model_index(cats[loaded]);
        validate_catalog(cats[loaded]);
        if (diag_errors() > before) {
            loaded++;
            continue;
        }
        record_path = numbering_path(cats[loaded]->path);
        n = numbering_apply(cats[loaded], record_path, &record);
        if (n < 0)
            status = 2;
        else if (n == 0 && opt->command == GEN_GENERATE)
            output_add(&outs, record_path, &record);
        buf_free(&record);
        free(record_path);
        loaded++;
    }
    if (status == 0 && diag_errors() == 0)
        validate_together(cats, loaded);
    if (status == 0 && diag_errors() > 0)
        status = 1;
    if (status == 0 && opt->command == GEN_GENERATE) {
        eo.out_dir = opt->out_dir;
        eo.pot_dir = opt->pot_dir ? opt->pot_dir : opt->out_dir;
        eo.compiled_dir = opt->compiled_dir;
        eo.date = source_date();
        if (diag_errors() > 0)
            status = 1;
        else if (output_mkdir(eo.out_dir) < 0 || output_mkdir(eo.pot_dir) < 0
                 || (eo.compiled_dir && output_mkdir(eo.compiled_dir) < 0))
            status = 2;
        for (i = 0; i < loaded && status == 0; i++)
            emit_all(cats[i], &eo, &outs);
        if (status == 0 && output_commit(&outs) < 0)
            status = 2;
    }
    diag_summary();
    output_free(&outs);
    for (i = 0; i < loaded; i++)
        model_catalog_free(cats[i]);
    free(cats);
    return status;
}

int
gen_compile(const char *path, struct buf *out)
{
    struct model_catalog *cat = NULL;
    struct buf record = { NULL, 0, 0 };
    struct emit_options eo;
    char *record_path;
    unsigned before = diag_errors();
    int status = 0, n;

    switch (load_catalog(path, &cat)) {
    case LOAD_IO:
        return 2;
    case LOAD_INVALID:
        return 1;
    case LOAD_SCHEMA:
        /* the content checks too, as generate reports them */
        model_index(cat);
        validate_catalog(cat);
        model_catalog_free(cat);
        return 1;
    case LOAD_OK:
        break;
    }
    model_index(cat);
    validate_catalog(cat);
    if (diag_errors() == before) {
        /* the record is read, never written: values stay those of the
           catalog's own build */
        record_path = numbering_path(cat->path);
        n = numbering_apply(cat, record_path, &record);
        status = n < 0 ? 2 : n > 0 ? 1 : 0;
        buf_free(&record);
        free(record_path);
    } else {
        status = 1;
    }
    if (status == 0 && diag_errors() > before)
        status = 1;
    if (status == 0) {
        memset(&eo, 0, sizeof eo);
        emit_compiled(cat, &eo, out);
    }
    model_catalog_free(cat);
    return status;
}
