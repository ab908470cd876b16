/*
 * catalogs.c - the catalogs built into the errcat command: one line per
 * catalog (its generated header and its table).
 */
#include "cli.h"

#include "csbs.h"

const struct errcat_catalog *const cli_catalogs[] = {
    &csbs_catalog,
    NULL
};
