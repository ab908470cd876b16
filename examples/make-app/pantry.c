/*
 * pantry.c - the plain-Makefile example: prints each error of its own
 * catalog, pantry, in a language.   usage: pantry [LOCALE]
 */
#include <stdio.h>

#include <errcat/errcat.h>

#include "pantry.h"

int
main(int argc, char **argv)
{
    static const struct {
        int value;
        size_t nargs;
        const char *args[2];
    } errors[] = {
        { PANTRY_ITEM_MISSING, 1, { "flour" } },
        { PANTRY_ITEM_EXPIRED, 2, { "milk", "2026-11-30" } },
        { PANTRY_SHELF_LOCKED, 0, { NULL } },
    };
    const struct errcat_locale *loc;
    char msg[256];
    size_t i;

    /* The .mo files are installed beside the program, not necessarily
       where liberrcat looks by default. */
    if (errcat_bind(&pantry_catalog, LOCALEDIR) != 0)
        return 2;
    errcat_locale_get(&pantry_catalog, argc > 1 ? argv[1] : NULL, &loc);
    for (i = 0; i < sizeof errors / sizeof errors[0]; i++) {
        const struct errcat_entry *e = errcat_find(&pantry_catalog,
                                                   errors[i].value);

        errcat_format(&pantry_catalog, loc, e, errors[i].args,
                      errors[i].nargs, msg, sizeof msg);
        printf("%s: %s (%s)\n", errcat_entry_code(e),
               errcat_description(&pantry_catalog, loc, e), msg);
    }
    return 0;
}
