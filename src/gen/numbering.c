/*
 * numbering.c - reads, checks, extends and writes the numbering record.
 *
 * Format, one item a line, '#' starts a comment:
 *   catalog NAME NUMBER
 *   next SERIAL                 the next serial to give
 *   SERIAL ID                   an id and its serial
 *   SERIAL ID retired           an id no longer in the catalog
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errcat_catalog.h"
#include "numbering.h"

struct record_item {
    unsigned long serial;
    char *id;
    int retired;
    int used;                       /* matched by an entry this run */
    unsigned line;
};

struct record {
    const char *path;
    char *name;
    long number;
    unsigned long next;
    unsigned catalog_line;
    struct record_item *items;
    size_t n, cap;
};

char *
numbering_path(const char *catalog_path)
{
    size_t n = strlen(catalog_path);
    char *p;

    if (n > 4 && strcmp(catalog_path + n - 4, ".xml") == 0)
        n -= 4;
    p = xmalloc(n + sizeof ".numbers");
    memcpy(p, catalog_path, n);
    strcpy(p + n, ".numbers");
    return p;
}

static void
record_free(struct record *r)
{
    size_t i;

    for (i = 0; i < r->n; i++)
        free(r->items[i].id);
    free(r->items);
    free(r->name);
}

static int
parse_serial(const char *s, unsigned long *out)
{
    char *end;

    if (!(*s >= '0' && *s <= '9'))
        return -1;
    errno = 0;
    *out = strtoul(s, &end, 10);
    if (errno || *end || *out > ERRCAT_SERIAL_MAX + 1ul)
        return -1;
    return 0;
}

/* Parses one line into words (at most 4); returns the count. */
static int
split(char *line, char **w)
{
    int n = 0;
    char *p = strtok(line, " \t\r");

    while (p && n < 4) {
        w[n++] = p;
        p = strtok(NULL, " \t\r");
    }
    return p ? 5 : n;
}

static unsigned
parse(struct record *r, char *text)
{
    unsigned errors = 0, line = 0;
    char *next, *w[4];
    int n;

    r->number = -1;
    for (; text; text = next) {
        struct loc at = { r->path, ++line, 1 };
        unsigned long serial;

        next = strchr(text, '\n');
        if (next)
            *next++ = '\0';
        if (strchr(text, '#'))
            *strchr(text, '#') = '\0';
        n = split(text, w);
        if (n == 0)
            continue;
        if (n == 3 && strcmp(w[0], "catalog") == 0 && !r->name) {
            r->name = xstrdup(w[1]);
            r->number = atol(w[2]);
            r->catalog_line = line;
        } else if (n == 2 && strcmp(w[0], "next") == 0
                   && parse_serial(w[1], &r->next) == 0) {
            ;
        } else if ((n == 2 || (n == 3 && strcmp(w[2], "retired") == 0))
                   && parse_serial(w[0], &serial) == 0 && serial > 0) {
            struct record_item *it;

            r->items = xgrow(r->items, &r->cap, r->n, sizeof *r->items);
            it = &r->items[r->n++];
            it->serial = serial;
            it->id = xstrdup(w[1]);
            it->retired = n == 3;
            it->used = 0;
            it->line = line;
        } else {
            diag_error(&at, "malformed numbering record line");
            errors++;
        }
    }
    return errors;
}

static int cmp_serial(const void *a, const void *b);

/* Sorts items by serial; a record as errcat-gen writes it already is. */
static void
sort_by_serial(struct record_item *items, size_t n)
{
    size_t i;

    for (i = 1; i < n; i++)
        if (items[i].serial < items[i - 1].serial)
            break;
    if (i < n)
        qsort(items, n, sizeof *items, cmp_serial);
}

static int
cmp_serial(const void *a, const void *b)
{
    const struct record_item *x = a, *y = b;

    return x->serial < y->serial ? -1 : x->serial > y->serial;
}

/*
 * The recorded items by id: an open-addressed table of item index + 1,
 * built once, so that matching 100k entries costs 100k probes rather
 * than sorts and binary searches of strings.
 */
struct id_index {
    size_t *slot;
    size_t mask;
};

/* Indexes r's items; reports and counts ids recorded twice. */
static unsigned
index_ids(const struct record *r, struct id_index *ix)
{
    size_t size = 16, i, j;
    unsigned errors = 0;

    while (size < 2 * r->n)
        size *= 2;
    ix->mask = size - 1;
    ix->slot = xcalloc(size, sizeof *ix->slot);
    for (i = 0; i < r->n; i++) {
        for (j = model_hash(r->items[i].id) & ix->mask; ix->slot[j];
             j = (j + 1) & ix->mask)
            if (strcmp(r->items[ix->slot[j] - 1].id, r->items[i].id) == 0)
                break;
        if (ix->slot[j]) {
            struct loc at = { r->path, r->items[i].line, 1 };

            diag_error(&at, "id '%s' recorded twice", r->items[i].id);
            errors++;
            continue;
        }
        ix->slot[j] = i + 1;
    }
    return errors;
}

/* Every serial and every id at most once, every serial below next; the
   items end sorted by serial, and *ix indexes them by id. */
static unsigned
check_record(struct record *r, struct id_index *ix)
{
    unsigned errors = 0;
    size_t i;

    sort_by_serial(r->items, r->n);
    for (i = 0; i < r->n; i++) {
        struct loc at = { r->path, r->items[i].line, 1 };

        if (i > 0 && r->items[i].serial == r->items[i - 1].serial) {
            diag_error(&at, "serial %lu given twice", r->items[i].serial);
            errors++;
        }
        if (r->items[i].serial >= r->next) {
            diag_error(&at, "serial %lu is not below 'next %lu'",
                       r->items[i].serial, r->next);
            errors++;
        }
    }
    return errors + index_ids(r, ix);
}

static int
read_file(const char *path, char **text)
{
    FILE *fp = fopen(path, "rb");
    struct buf b = { NULL, 0, 0 };
    char chunk[8192];
    size_t n;

    *text = NULL;
    if (!fp)
        return errno == ENOENT ? 0 : -1;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        buf_add(&b, chunk, n);
    if (ferror(fp)) {
        fclose(fp);
        buf_free(&b);
        return -1;
    }
    fclose(fp);
    buf_add(&b, "", 0);
    *text = b.data;
    return 1;
}

/* The recorded item for id, or NULL. */
static struct record_item *
find(struct record *r, const struct id_index *ix, const char *id)
{
    size_t j;

    for (j = model_hash(id) & ix->mask; ix->slot[j]; j = (j + 1) & ix->mask)
        if (strcmp(r->items[ix->slot[j] - 1].id, id) == 0)
            return &r->items[ix->slot[j] - 1];
    return NULL;
}

static void
write_record(const struct model_catalog *cat, const struct record *r,
             struct buf *out)
{
    size_t i;

    buf_printf(out, "# Numbering record of %s, kept by errcat-gen: "
               "commit it with the catalog.\n", cat->ref);
    buf_puts(out, "# An id keeps its serial for good; a removed id stays "
             "here, retired, so\n# its value is never given to another "
             "error. Do not edit.\n");
    buf_printf(out, "catalog %s %d\n", cat->name, cat->number);
    buf_printf(out, "next %lu\n", r->next);
    for (i = 0; i < r->n; i++) {
        buf_putl(out, (long)r->items[i].serial);
        buf_putc(out, ' ');
        buf_puts(out, r->items[i].id);
        buf_puts(out, r->items[i].retired ? " retired\n" : "\n");
    }
}

int
numbering_apply(struct model_catalog *cat, const char *path,
                struct buf *out)
{
    struct record r;
    struct id_index ix = { NULL, 0 };
    char *text, *fresh;
    unsigned errors;
    size_t i;
    int found;

    memset(&r, 0, sizeof r);
    r.path = path;
    r.next = 1;
    found = read_file(path, &text);
    if (found < 0) {
        diag_error(NULL, "cannot read '%s': %s", path, strerror(errno));
        return -1;
    }
    errors = found ? parse(&r, text) : 0;
    free(text);
    if (found && !errors && !r.name) {
        struct loc at = { path, 1, 1 };

        diag_error(&at, "numbering record has no 'catalog NAME NUMBER' line");
        errors++;
    }
    if (!errors)
        errors += check_record(&r, &ix);
    if (!errors && found && r.number != cat->number) {
        struct loc at = { path, r.catalog_line, 1 };

        diag_error(&cat->number_loc, "catalog number changed from %ld to "
                   "%d: every value would change", r.number, cat->number);
        diag_note(&at, "the number recorded here");
        errors++;
    }
    if (!errors && found && strcmp(r.name, cat->name) != 0) {
        struct loc at = { path, r.catalog_line, 1 };

        diag_error(&cat->loc, "numbering record is for catalog '%s', not "
                   "'%s'", r.name, cat->name);
        diag_note(&at, "recorded here");
        errors++;
    }
    if (errors) {
        free(ix.slot);
        record_free(&r);
        return (int)errors;
    }

    /* New ids are numbered in catalog order after every recorded one;
       they join r.items only after the loop, since ix indexes it. */
    fresh = xcalloc(cat->n_entries + 1, 1);
    for (i = 0; i < cat->n_entries; i++) {
        struct model_entry *e = &cat->entries[i];
        struct record_item *it = find(&r, &ix, e->id);

        if (it && !it->used) {
            it->used = 1;
            it->retired = 0;
            e->serial = (unsigned)it->serial;
        } else if (r.next > ERRCAT_SERIAL_MAX) {
            diag_error(&e->loc, "no serial left: a catalog holds at most "
                       "%u values", ERRCAT_SERIAL_MAX);
            errors++;
            break;
        } else {
            e->serial = (unsigned)r.next++;
            fresh[i] = 1;
        }
    }
    free(ix.slot);
    for (i = 0; i < cat->n_entries && !errors; i++) {
        struct model_entry *e = &cat->entries[i];
        struct record_item *it;

        if (!fresh[i])
            continue;
        r.items = xgrow(r.items, &r.cap, r.n, sizeof *r.items);
        it = &r.items[r.n++];
        it->serial = e->serial;
        it->id = xstrdup(e->id);
        it->retired = 0;
        it->used = 1;
        it->line = 0;
    }
    free(fresh);
    for (i = 0; i < r.n; i++)
        if (!r.items[i].used)
            r.items[i].retired = 1;
    sort_by_serial(r.items, r.n);
    cat->n_serials = (unsigned)r.next;
    if (!errors)
        write_record(cat, &r, out);
    record_free(&r);
    return (int)errors;
}
