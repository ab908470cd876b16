/*
 * import_cmd.c - runs errcat-gen import: read every table, map its rows,
 * build the model and validate it where the rows are (FILE:LINE of the
 * table), then write a new catalog or update one in place. An updated
 * catalog is read back through the catalog loader and checked before
 * anything is written.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "import.h"
#include "import_cmd.h"
#include "load.h"
#include "model.h"
#include "output.h"
#include "validate.h"
#include "write_xml.h"

/* Reads and maps every table; returns 0, 1 or 2 as import_run. */
static int
read_rows(const struct import_options *opt, struct import_rows *rows)
{
    size_t i;
    int status = 0;

    for (i = 0; i < opt->n_tables; i++) {
        struct import_doc doc;
        int st;

        memset(&doc, 0, sizeof doc);
        st = import_read_doc(opt->tables[i], opt->format, &doc);
        if (st == 0 && import_map(&doc, opt->columns, rows) > 0)
            st = 1;
        import_doc_free(&doc);
        if (st > status)
            status = st;
    }
    if (status == 0 && diag_errors() > 0)
        status = 1;
    return status;
}

/* The catalog name from the output file's stem: lower case, [a-z0-9_],
   a letter first, at most 32 bytes. Owned. */
static char *
name_from_path(const char *path)
{
    const char *base = strrchr(path, '/'), *dot;
    char *name = xmalloc(40);
    size_t n = 0;

    base = base ? base + 1 : path;
    dot = strchr(base, '.');
    if (!dot)
        dot = base + strlen(base);
    for (; base < dot && n < 32; base++) {
        int c = tolower((unsigned char)*base);

        if (n == 0 && !(c >= 'a' && c <= 'z'))
            continue;
        name[n++] = (char)((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                           ? c : '_');
    }
    if (n == 0)
        memcpy(name, "catalog", (n = 7));
    name[n] = '\0';
    return name;
}

/* Does s match [first][rest]{0,max-1}, as the schema has it? */
static int
pattern(const char *s, const char *first, const char *rest, size_t max)
{
    size_t n = strlen(s);

    return n >= 1 && n <= max && strchr(first, s[0])
        && strspn(s + 1, rest) == n - 1;
}

#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGIT "0123456789"

/* The catalog attributes the schema restricts, checked before the rows
   are built: the model is then all `check` reads. */
static int
check_meta(const struct import_meta *m)
{
    int bad = 0;

    if (!pattern(m->name, LOWER, LOWER DIGIT "_", 32)) {
        diag_error(NULL, "catalog name '%s' is not [a-z][a-z0-9_]*, at most "
                   "32 bytes (--name)", m->name);
        bad = 1;
    }
    if (!pattern(m->domain, LOWER UPPER DIGIT, LOWER UPPER DIGIT "_.-", 64)) {
        diag_error(NULL, "text domain '%s' is not [A-Za-z0-9][A-Za-z0-9_.-]*, "
                   "at most 64 bytes (--domain)", m->domain);
        bad = 1;
    }
    if (!pattern(m->prefix, UPPER, UPPER DIGIT "_", 32)) {
        diag_error(NULL, "prefix '%s' is not [A-Z][A-Z0-9_]*, at most 32 "
                   "bytes (--prefix)", m->prefix);
        bad = 1;
    }
    return bad;
}

/* Loads bytes through the catalog loader and checks them as
   `errcat-gen check` does. Returns the number of errors. */
static unsigned
check_bytes(const char *path, const struct buf *b)
{
    struct model_catalog *cat = NULL;
    unsigned before = diag_errors();

    if (load_catalog_memory(path, b->data, b->len, &cat) == LOAD_OK) {
        model_index(cat);
        validate_catalog(cat);
        model_catalog_free(cat);
    }
    return diag_errors() - before;
}

/* What the thread that makes the ids is given. */
struct namer {
    struct model_catalog *cat;
    const struct import_rows *rows;
};

static void *
name_entries(void *arg)
{
    struct namer *n = arg;

    import_build_ids(n->cat, n->rows);
    return NULL;
}

/* What the writer thread is given. */
struct writer {
    const struct model_catalog *cat;
    char *const *sources;
    size_t n;
    struct buf out;
};

static void *
write_catalog(void *arg)
{
    struct writer *w = arg;

    write_xml_catalog(w->cat, w->sources, w->n, &w->out);
    return NULL;
}

static int
write_new(const struct import_options *opt, struct import_rows *rows)
{
    struct import_meta meta;
    struct model_catalog *cat;
    struct buf out = { NULL, 0, 0 };
    struct output_set outs;
    struct namer n;
    struct writer w;
    pthread_t thread;
    int threaded;
    char *name = opt->name ? xstrdup(opt->name) : name_from_path(opt->out);
    char *prefix = xstrdup(opt->prefix ? opt->prefix : name);
    int status = 0;
    size_t i;

    if (!opt->prefix)
        for (i = 0; prefix[i]; i++)
            prefix[i] = (char)toupper((unsigned char)prefix[i]);
    meta.name = name;
    meta.domain = opt->domain ? opt->domain : name;
    meta.prefix = prefix;
    meta.title = opt->title;
    meta.number = opt->number ? opt->number : 1;
    if (check_meta(&meta)) {
        free(name);
        free(prefix);
        return 2;
    }
    /* The model of the rows gets what `check` would do to the catalog
       written from it (the schema's restrictions are the attributes
       above and ids the model makes well-formed); the writer's output
       loading back to the same texts is what the fuzz targets check. */
    cat = import_build_texts(rows, &meta);
    /* the ids are made while the texts are indexed, on a second core
       when there is one: neither reads what the other writes */
    n.cat = cat;
    n.rows = rows;
    threaded = pthread_create(&thread, NULL, name_entries, &n) == 0;
    if (!threaded)
        import_build_ids(cat, rows);
    model_index(cat);
    if (threaded)
        pthread_join(thread, NULL);
    /* the model has taken the texts over: the records' memory is what
       the checks and the writer get next */
    import_rows_free(rows);
    /* The catalog is written while it is checked, on a second core when
       there is one: both only read the model, and the bytes are thrown
       away if the checks fail. */
    w.cat = cat;
    w.sources = opt->tables;
    w.n = opt->n_tables;
    memset(&w.out, 0, sizeof w.out);
    threaded = pthread_create(&thread, NULL, write_catalog, &w) == 0;
    if (validate_catalog(cat) > 0 || diag_errors() > 0)
        status = 1;
    if (threaded)
        pthread_join(thread, NULL);
    else if (status == 0)
        write_catalog(&w);
    out = w.out;
    if (status == 0) {
        memset(&outs, 0, sizeof outs);
        output_add(&outs, opt->out, &out);
        if (output_commit(&outs) < 0)
            status = 2;
        output_free(&outs);
        fprintf(stderr, "errcat-gen: %s: %lu entries, %lu modules\n",
                opt->out, (unsigned long)cat->n_entries,
                (unsigned long)cat->n_modules);
    }
    buf_free(&out);
    model_catalog_free(cat);
    free(name);
    free(prefix);
    return status;
}

static int
write_into(const struct import_options *opt, const struct import_rows *rows)
{
    struct model_catalog *old = NULL;
    struct buf out = { NULL, 0, 0 };
    struct write_xml_counts counts;
    struct output_set outs;
    char *data;
    size_t len;
    long *pair;
    int status;

    status = import_read_file(opt->into, &data, &len);
    if (status)
        return status;
    switch (load_catalog_memory(opt->into, data, len, &old)) {
    case LOAD_OK:
        break;
    case LOAD_IO:
        free(data);
        return 2;
    default:
        free(data);
        return 1;
    }
    /* the catalog is checked as it will be written, once */
    model_index(old);
    pair = import_pair(old, rows);
    write_xml_into(old, data, len, rows, pair, opt->retire_missing, &out,
                   &counts);
    if (check_bytes(opt->into, &out) > 0)
        status = 1;
    if (status == 0) {
        memset(&outs, 0, sizeof outs);
        output_add(&outs, opt->into, &out);
        if (output_commit(&outs) < 0)
            status = 2;
        output_free(&outs);
        fprintf(stderr, "errcat-gen: %s: %lu rows, %lu changes, %lu new "
                "entries, %lu entries not in the table%s\n", opt->into,
                (unsigned long)rows->n, (unsigned long)counts.changed,
                (unsigned long)counts.added, (unsigned long)counts.missing,
                counts.retired ? " (removed)" : "");
    } else {
        diag_note(NULL, "%s not changed", opt->into);
    }
    buf_free(&out);
    free(pair);
    model_catalog_free(old);
    free(data);
    return status;
}

int
import_run(const struct import_options *opt)
{
    struct import_rows rows;
    int status;

    memset(&rows, 0, sizeof rows);
    status = read_rows(opt, &rows);
    if (status == 0)
        status = opt->into ? write_into(opt, &rows) : write_new(opt, &rows);
    import_rows_free(&rows);
    return status;
}
