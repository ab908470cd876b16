/*
 * fuzz_accept.c - libFuzzer target over Accept-Language and locale names:
 * errcat__accept_parse, errcat__locale_name_safe / _parse / _chain, and
 * the public errcat_locale_accept and errcat_locale_get of the shipped
 * catalog with its translations (FUZZ_LOCALEDIR: the build's .mo files).
 *
 * Checked besides the sanitizers: items lie inside the header, are
 * well-formed and sorted; a name that is not safe never resolves; every
 * handle returned is usable and names a locale that exists.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csbs.h"
#include "errcat_int.h"

#ifndef FUZZ_LOCALEDIR
#define FUZZ_LOCALEDIR "build/locale"
#endif

static void
fail(const char *what)
{
    fprintf(stderr, "fuzz_accept: %s\n", what);
    abort();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    errcat_bind(&csbs_catalog, FUZZ_LOCALEDIR);
    return 0;
}

/* The source English, or a language whose .mo the build made: the
   shipped languages are po/LINGUAS's, so they are not listed here. */
static int
locale_is_there(const char *name)
{
    char path[sizeof FUZZ_LOCALEDIR + 64];
    size_t i;

    if (strcmp(name, "en") == 0)
        return 1;
    for (i = 0; name[i]; i++)
        if (!(name[i] >= 'a' && name[i] <= 'z') && !(name[i] >= 'A'
              && name[i] <= 'Z') && name[i] != '_' && name[i] != '@')
            return 0;
    if (i == 0 || i > 32)
        return 0;
    snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/errcat-csbs.mo",
             FUZZ_LOCALEDIR, name);
    return access(path, R_OK) == 0;
}

static void
check_handle(const struct errcat_locale *l)
{
    const char *name = errcat_locale_name(l);
    const struct errcat_entry *e = &csbs_catalog.entries[0];

    if (!locale_is_there(name))
        fail("handle names a locale that is not there");
    if (!errcat_description(&csbs_catalog, l, e))
        fail("no description");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct errcat__accept_item items[ERRCAT__ACCEPT_MAX];
    char chain[ERRCAT__CHAIN_MAX][ERRCAT_LOCALE_NAME_MAX + 1];
    struct errcat__lname ln;
    const struct errcat_locale *l = NULL;
    char *h;
    size_t n, i, k;
    int rc;

    if (size > 200000)
        return 0;
    h = malloc(size + 1);
    memcpy(h, data, size);
    h[size] = '\0';

    n = errcat__accept_parse(h, items, ERRCAT__ACCEPT_MAX);
    if (n > ERRCAT__ACCEPT_MAX)
        fail("too many items");
    for (i = 0; i < n; i++) {
        if (items[i].tag < h || items[i].tag + items[i].len > h + size
            || items[i].len == 0)
            fail("item outside the header");
        if (items[i].q > 1000)
            fail("q over 1");
        if (i > 0 && (items[i].q > items[i - 1].q
                      || (items[i].q == items[i - 1].q
                          && items[i].order < items[i - 1].order)))
            fail("items not sorted");
        for (k = 0; k < items[i].len; k++)
            if (items[i].tag[k] == ',' || items[i].tag[k] == ';'
                || items[i].tag[k] == ' ')
                fail("separator inside a tag");
    }

    if (errcat__locale_parse(h, &ln) == 0) {
        n = errcat__locale_chain(&ln, chain);
        if (n > ERRCAT__CHAIN_MAX)
            fail("chain too long");
        for (i = 0; i < n; i++)
            if (!errcat__locale_name_safe(chain[i]))
                fail("chain holds an unsafe name");
    }

    rc = errcat_locale_get(&csbs_catalog, h, &l);
    if (!errcat__locale_name_safe(h) && h[0] && rc != ERRCAT_EINVAL)
        fail("unsafe name accepted");
    if (rc != 0 && strcmp(errcat_locale_name(l), "en") != 0)
        fail("error without the English fallback");
    check_handle(l);
    rc = errcat_locale_accept(&csbs_catalog, h, &l);
    if (rc != 0 && rc != ERRCAT_ENOMEM)
        fail("accept failed");
    check_handle(l);
    free(h);
    return 0;
}
