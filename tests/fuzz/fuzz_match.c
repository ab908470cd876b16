/*
 * fuzz_match.c - libFuzzer target over the error-body matcher: the JSON
 * body parser and errcat_match_body against the shipped catalog, and
 * errcat__match_template with a template from the input.
 *
 * Input: byte 0 selects the mode. Even: the rest is a JSON error body.
 * Odd: byte 1 is the format (mod 4), then template NUL message.
 *
 * Checked besides the sanitizers: a body that matches comes back
 * byte for byte when its entry's English message is formatted with the
 * arguments recovered (the shipped templates name each argument once);
 * recovered arguments lie inside the message.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "csbs.h"
#include "errcat_int.h"

static void
fail(const char *what)
{
    fprintf(stderr, "fuzz_match: %s\n", what);
    abort();
}

static void
body(const char *data, size_t size)
{
    struct errcat_match m;
    json_t *root;
    const char *msg;
    char *again;
    size_t need;
    int rc;

    rc = errcat_match_body(&csbs_catalog, data, size, &m);
    if (rc != 0) {
        if (m.entry || m.storage || m.nargs)
            fail("match not empty on error");
        errcat_match_free(&m);
        return;
    }
    if (!m.entry || m.cat != &csbs_catalog || m.nargs > ERRCAT_ARGS_MAX)
        fail("match incomplete");
    /* the same body as jansson reads it */
    root = json_loadb(data, size, JSON_REJECT_DUPLICATES, NULL);
    if (!root)
        fail("matched a body jansson rejects");
    msg = json_string_value(json_object_get(root, "error_msg"));
    if (!msg
        || strcmp(json_string_value(json_object_get(root, "error_code")),
                  m.entry->code) != 0)
        fail("matched entry has another code");
    need = errcat_format(&csbs_catalog, NULL, m.entry, m.args, m.nargs,
                         NULL, 0);
    again = malloc(need + 1);
    errcat_format(&csbs_catalog, NULL, m.entry, m.args, m.nargs, again,
                  need + 1);
    if (strcmp(again, msg) != 0)
        fail("recovered arguments do not rebuild the message");
    free(again);
    json_decref(root);
    errcat_match_free(&m);
}

static void
template(const char *data, size_t size)
{
    size_t off[ERRCAT_ARGS_MAX], len[ERRCAT_ARGS_MAX], nargs, i, n;
    const char *tmpl, *msg;
    char *text;
    enum errcat_format fmt;

    if (size < 1)
        return;
    fmt = (enum errcat_format)((unsigned char)data[0] % 4);
    text = malloc(size);
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    tmpl = text;
    n = strlen(tmpl);
    msg = n + 1 < size ? text + n + 1 : "";
    n = strlen(msg);
    if (errcat__match_template(tmpl, fmt, msg, n, off, len,
                               ERRCAT_ARGS_MAX, &nargs)) {
        for (i = 0; i < nargs && i < ERRCAT_ARGS_MAX; i++)
            if (off[i] > n || len[i] > n - off[i])
                fail("argument outside the message");
    }
    free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > (1u << 20))
        return 0;
    if (data[0] % 2 == 0)
        body((const char *)data + 1, size - 1);
    else
        template((const char *)data + 1, size - 1);
    return 0;
}
