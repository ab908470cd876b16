/*
 * fuzz_match.c - libFuzzer target over the error-body matcher: the JSON
 * body parser and errcat_match_body against the shipped catalog, and
 * errcat__match_template with a template from the input.
 *
 * Input: byte 0 selects the mode. Even: the rest is a JSON error body.
 * Odd: byte 1 is the format (mod 4), then template NUL message.
 *
 * Checked besides the sanitizers: a body that matches (in any of the
 * shapes errcat_match_body reads) has the entry's code or HTTP status,
 * and comes back byte for byte when its entry's English message is
 * formatted with the arguments recovered (the shipped templates name each
 * argument once), unless it matched by code only; recovered arguments
 * lie inside the message.
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
    json_t *root, *fields, *code;
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
    /* the same body as jansson reads it, in the shape that matched */
    root = json_loadb(data, size, JSON_REJECT_DUPLICATES, NULL);
    if (!root)
        fail("matched a body jansson rejects");
    fields = root;
    if (!json_object_get(root, "error_code")
        && !json_object_get(root, "code") && !json_object_get(root, "message"))
        fields = json_object_iter_value(json_object_iter(root));
    code = json_object_get(fields, json_object_get(root, "error_code")
                           ? "error_code" : "code");
    msg = json_string_value(json_object_get(fields, json_object_get(
                                root, "error_code") ? "error_msg" : "message"));
    if (!msg)
        fail("matched a body without a message");
    if (json_is_string(code)
        ? strcmp(json_string_value(code), errcat_entry_code(m.entry)) != 0
        : !json_is_integer(code)
          || json_integer_value(code) != m.entry->http_status)
        fail("matched entry has another code or status");
    if (m.by_code_only) {
        if (m.nargs != 0 || !json_is_string(code))
            fail("by code only, yet arguments or no code");
        json_decref(root);
        errcat_match_free(&m);
        return;
    }
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
