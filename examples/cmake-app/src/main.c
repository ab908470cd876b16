/*
 * main.c - the CMake example: prints each error of its own
 * catalog, shelf, in a language.   usage: shelf [LOCALE]
 */
#include <stdio.h>

#include <errcat/errcat.h>

#include "shelf.h"

int
main(int argc, char **argv)
{
    static const struct {
        int value;
        size_t nargs;
        const char *args[2];
    } errors[] = {
        { SHELF_BOOK_NOT_FOUND, 1, { "978-3-16-148410-0" } },
        { SHELF_SHELF_FULL, 2, { "kitchen", "40" } },
        { SHELF_LOAN_OVERDUE, 2, { "Emma", "3" } },
    };
    const struct errcat_locale *loc;
    char msg[256];
    size_t i;

    /* The .mo files are installed beside the program, not necessarily
       where liberrcat looks by default. */
    if (errcat_bind(&shelf_catalog, LOCALEDIR) != 0)
        return 2;
    errcat_locale_get(&shelf_catalog, argc > 1 ? argv[1] : NULL, &loc);
    for (i = 0; i < sizeof errors / sizeof errors[0]; i++) {
        const struct errcat_entry *e = errcat_find(&shelf_catalog,
                                                   errors[i].value);

        errcat_format(&shelf_catalog, loc, e, errors[i].args,
                      errors[i].nargs, msg, sizeof msg);
        printf("%s: %s (%s)\n", errcat_entry_code(e),
               errcat_description(&shelf_catalog, loc, e), msg);
    }
    return 0;
}
