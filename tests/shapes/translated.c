/*
 * translated.c - prints, for tests/shapes.test.sh, every text of a
 * generated catalog as liberrcat gives it in a locale: one line
 * "context|msgid|text" per present field of each entry, absent fields
 * checked to read as "". Build with -DCATALOG=NAME_catalog; run as
 * translated LOCALEDIR LOCALE.
 */
#include <stdio.h>
#include <string.h>

#include "errcat.h"

extern const struct errcat_catalog CATALOG;

static const char *const context[] = {
    "description", "message", "measure", "module"
};

int
main(int argc, char **argv)
{
    const struct errcat_catalog *cat = &CATALOG;
    const struct errcat_locale *loc;
    size_t i;
    int f, bad = 0;

    if (argc != 3 || errcat_bind(cat, argv[1]) != 0
        || errcat_locale_get(cat, argv[2], &loc) != 0)
        return 2;
    if (strcmp(errcat_locale_name(loc), argv[2]) != 0) {
        fprintf(stderr, "no translations for %s in %s\n", argv[2], argv[1]);
        return 1;
    }
    for (i = 0; i < errcat_entry_count(cat); i++) {
        const struct errcat_entry *e = errcat_entry_at(cat, i);
        unsigned idx[4];

        idx[0] = e->description;
        idx[1] = e->message;
        idx[2] = e->measure;
        idx[3] = e->module == ERRCAT_NO_MODULE ? ERRCAT_NO_TEXT
                                               : cat->modules[e->module].name;
        for (f = 0; f < 4; f++) {
            const char *t = errcat_text(cat, loc, e, (enum errcat_field)f);

            if (idx[f] == ERRCAT_NO_TEXT) {
                if (*t) {
                    fprintf(stderr, "%s: absent %s reads '%s'\n",
                            errcat_entry_id(e), context[f], t);
                    bad = 1;
                }
                continue;
            }
            printf("%s|%s|%s\n", context[f], cat->texts[idx[f]].msgid, t);
        }
    }
    errcat_catalog_release(cat);
    return bad || ferror(stdout);
}
