/*
 * client.c - a client of the CSBS API that shows its errors localized,
 * with the CSBS catalog errcat installs: nothing copied, nothing set.
 *   cc client.c $(pkg-config --cflags --libs errcat-csbs)
 *   ./a.out LOCALE CODE
 */
#include <stdio.h>

#include <errcat/csbs.h>
#include <errcat/errcat.h>

int
main(int argc, char **argv)
{
    const struct errcat_locale *loc;
    const struct errcat_entry *e;

    if (argc != 3) {
        fputs("usage: client LOCALE CODE\n", stderr);
        return 2;
    }
    errcat_locale_get(&csbs_catalog, argv[1], &loc);
    e = errcat_find_code(&csbs_catalog, argv[2]);
    if (!e) {
        fprintf(stderr, "client: no CSBS code %s\n", argv[2]);
        return 1;
    }
    printf("%s [%s]: %s\n", errcat_entry_code(e), errcat_locale_name(loc),
           errcat_description(&csbs_catalog, loc, e));
    printf("  %s\n", errcat_measure(&csbs_catalog, loc, e));
    return 0;
}
