/*
 * fuzz_compiled.c - libFuzzer target over the compiled catalog loader:
 * errcat_catalog_load on the input, then, when it loads, every lookup,
 * text and formatted message of every entry of the catalog it gives.
 *
 * Checked besides the sanitizers: a refusal names an offset inside the
 * input; every entry is found again by its value, id and code; every
 * chain of entries sharing a code ends and keeps to that code; every text
 * given out is well-formed UTF-8.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errcat_int.h"

static void
fail(const char *what)
{
    fprintf(stderr, "fuzz_compiled: %s\n", what);
    abort();
}

static void
check_text(const char *t)
{
    if (t == NULL || !errcat__utf8_valid(t, strlen(t)))
        fail("text is not UTF-8");
}

static void
check_entry(const struct errcat_catalog *c, const struct errcat_entry *e)
{
    static const char *const args[ERRCAT_ARGS_MAX] = {
        "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8",
        "a9", "a10", "a11", "a12", "a13", "a14", "a15", "a16"
    };
    const struct errcat_entry *n;
    char out[256];
    size_t steps = 0;
    int f;

    for (f = ERRCAT_DESCRIPTION; f <= ERRCAT_MODULE; f++)
        check_text(errcat_text(c, NULL, e, (enum errcat_field)f));
    check_text(errcat_module_id(c, e));
    check_text(errcat_describe(c, NULL, errcat_entry_value(e)));
    if (errcat_find(c, errcat_entry_value(e)) != e)
        fail("entry not found by its value");
    if (errcat_find_id(c, errcat_entry_id(e)) == NULL)
        fail("entry not found by its id");
    n = errcat_find_code(c, errcat_entry_code(e));
    if (n == NULL || strcmp(errcat_entry_code(n), errcat_entry_code(e)) != 0)
        fail("entry not found by its code");
    for (; n; n = errcat_next_same_code(c, n))
        if (++steps > c->n_entries
            || strcmp(errcat_entry_code(n), errcat_entry_code(e)) != 0)
            fail("chain of a code leaves it or does not end");
    errcat_format(c, NULL, e, args, ERRCAT_ARGS_MAX, out, sizeof out);
    errcat_format(c, NULL, e, args, 1, out, 7);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct errcat_catalog *c;
    struct errcat_file_error err;
    size_t i;

    if (size > (4u << 20))
        return 0;
    if (errcat_catalog_load(data, size, &c, &err) != 0) {
        if (c != NULL || err.reason == NULL
            || (err.offset >= size && err.offset != 0))
            fail("refusal without a place inside the input");
        return 0;
    }
    check_text(c->name);
    check_text(c->domain);
    check_text(c->prefix);
    check_text(c->source);
    for (i = 0; i < errcat_entry_count(c); i++)
        check_entry(c, errcat_entry_at(c, i));
    errcat_catalog_close(c);
    return 0;
}
