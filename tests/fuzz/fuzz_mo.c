/*
 * fuzz_mo.c - libFuzzer target over the .mo reader: errcat__mo_parse on
 * the input, then errcat__locale_build of the shipped catalog from it
 * (the path a .mo file on disk takes), and every text and formatted
 * message of every entry in that locale.
 *
 * The same bytes then go to a file, zeros after them up to
 * ERRCAT__MO_LAZY_MIN, which liberrcat reads lazily (tables first, each
 * string by pread when it is asked for), and the catalog's German locale
 * is loaded from it through errcat_bind and errcat_locale_get.
 *
 * Checked besides the sanitizers: every string pair lies inside the
 * image and is NUL-terminated there; every text a locale gives, read
 * whole or lazily, is well-formed UTF-8; every message formats with
 * arguments.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csbs.h"
#include "errcat_int.h"

static void
fail(const char *what)
{
    fprintf(stderr, "fuzz_mo: %s\n", what);
    abort();
}

static const char *const args[ERRCAT_ARGS_MAX] = {
    "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8",
    "a9", "a10", "a11", "a12", "a13", "a14", "a15", "a16"
};

/* Every text and formatted message of every entry in l. */
static void
read_all(const struct errcat_locale *l)
{
    char out[512];
    unsigned e, f;

    for (e = 0; e < csbs_catalog.n_entries; e++) {
        const struct errcat_entry *en = &csbs_catalog.entries[e];

        for (f = ERRCAT_DESCRIPTION; f <= ERRCAT_MODULE; f++) {
            const char *t = errcat_text(&csbs_catalog, l, en,
                                        (enum errcat_field)f);

            if (!t || !errcat__utf8_valid(t, strlen(t)))
                fail("locale text is not UTF-8");
        }
        errcat_format(&csbs_catalog, l, en, args, ERRCAT_ARGS_MAX, out,
                      sizeof out);
        errcat_format(&csbs_catalog, l, en, args, 1, out, 7);
    }
}

static char dir[] = "/tmp/fuzz_mo.XXXXXX", path[256];

/* Removes the file lazy() writes, and its directories. */
static void
remove_dir(void)
{
    char d[256];

    remove(path);
    snprintf(d, sizeof d, "%s/de/LC_MESSAGES", dir);
    rmdir(d);
    snprintf(d, sizeof d, "%s/de", dir);
    rmdir(d);
    rmdir(dir);
}

/* data as DIR/de/LC_MESSAGES/DOMAIN.mo, padded to be read lazily, and
   the German locale from it. */
static void
lazy(const uint8_t *data, size_t size)
{
    static const char zeros[4096];
    const struct errcat_locale *l;
    size_t n;
    FILE *fp;

    if (!path[0]) {
        if (!mkdtemp(dir))
            fail("mkdtemp");
        snprintf(path, sizeof path, "%s/de", dir);
        mkdir(path, 0700);
        snprintf(path, sizeof path, "%s/de/LC_MESSAGES", dir);
        mkdir(path, 0700);
        snprintf(path, sizeof path, "%s/de/LC_MESSAGES/%s.mo", dir,
                 csbs_catalog.domain);
        atexit(remove_dir);
    }
    if ((fp = fopen(path, "wb")) == NULL)
        fail("cannot write the .mo file");
    fwrite(data, 1, size, fp);
    for (n = size; n < ERRCAT__MO_LAZY_MIN; n += sizeof zeros)
        fwrite(zeros, 1, sizeof zeros, fp);
    if (fclose(fp) != 0)
        fail("cannot write the .mo file");
    errcat_catalog_release(&csbs_catalog);
    if (errcat_bind(&csbs_catalog, dir) != 0)
        fail("errcat_bind");
    if (errcat_locale_get(&csbs_catalog, "de", &l) == 0)
        read_all(l);
    errcat_catalog_release(&csbs_catalog);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct errcat__mo mo;
    struct errcat_locale *l;
    unsigned char *copy;
    uint32_t i;

    if (size > (4u << 20))
        return 0;
    /* an exact-size copy: ASan sees any read past the image */
    copy = malloc(size ? size : 1);
    memcpy(copy, data, size);
    if (errcat__mo_parse(copy, size, &mo) == 0) {
        for (i = 0; i < mo.n; i++) {
            const char *k, *v;
            size_t kn, vn;

            errcat__mo_pair(&mo, i, &k, &kn, &v, &vn);
            if ((const unsigned char *)k < copy
                || (const unsigned char *)k + kn >= copy + size
                || (const unsigned char *)v < copy
                || (const unsigned char *)v + vn >= copy + size
                || k[kn] != '\0' || v[vn] != '\0')
                fail("string pair outside the image");
        }
    }
    if (errcat__locale_build(&csbs_catalog, copy, size, &l) == 0) {
        read_all(l);
        errcat__locale_free(l);
    }
    free(copy);
    lazy(data, size);
    return 0;
}
