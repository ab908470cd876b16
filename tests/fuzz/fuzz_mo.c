/*
 * fuzz_mo.c - libFuzzer target over the .mo reader: errcat__mo_parse on
 * the input, then errcat__locale_build of the shipped catalog from it
 * (the path a .mo file on disk takes), and every text and formatted
 * message of every entry in that locale.
 *
 * Checked besides the sanitizers: every string pair lies inside the
 * image and is NUL-terminated there; every text a locale gives is
 * well-formed UTF-8; every message formats with arguments.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csbs.h"
#include "errcat_int.h"

static void
fail(const char *what)
{
    fprintf(stderr, "fuzz_mo: %s\n", what);
    abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const args[ERRCAT_ARGS_MAX] = {
        "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8",
        "a9", "a10", "a11", "a12", "a13", "a14", "a15", "a16"
    };
    struct errcat__mo mo;
    struct errcat_locale *l;
    unsigned char *copy;
    char out[512];
    uint32_t i;
    unsigned e, f;

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
        errcat__locale_free(l);
    }
    free(copy);
    return 0;
}
