/*
 * fuzz_format.c - libFuzzer target over liberrcat's message formatter and
 * translation check: template x arguments x translation x buffer size.
 *
 * Input: byte 0 the format (mod 4), byte 1 the buffer size, then
 * NUL-separated fields: source text, translation, arguments (at most 16;
 * an argument "\x01" stands for NULL).
 *
 * Checked besides the sanitizers: the length returned does not depend on
 * the buffer; the buffer holds a NUL-terminated prefix of the whole
 * output; a cut never splits a UTF-8 sequence of well-formed output; a
 * translation errcat__translation_ok accepts is well-formed UTF-8.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errcat_int.h"

#define FIELDS (2 + ERRCAT_ARGS_MAX)

static void
fail(const char *what)
{
    fprintf(stderr, "fuzz_format: %s\n", what);
    abort();
}

/* Formats tmpl into a buffer of exactly size bytes and checks it against
 * the whole output. */
static void
check(const char *tmpl, const char *src, enum errcat_format fmt,
      const char *const *args, size_t nargs, size_t size)
{
    size_t need = errcat__format(tmpl, src, fmt, args, nargs, NULL, 0);
    char *whole = malloc(need + 1), *cut = malloc(size ? size : 1);
    size_t got;

    if (errcat__format(tmpl, src, fmt, args, nargs, whole, need + 1) != need
        || strlen(whole) != need)
        fail("whole output has the wrong length");
    got = errcat__format(tmpl, src, fmt, args, nargs, size ? cut : NULL,
                         size);
    if (got != need)
        fail("length depends on the buffer");
    if (size > 0) {
        size_t n = strnlen(cut, size);

        if (n == size)
            fail("buffer not NUL-terminated");
        if (memcmp(cut, whole, n) != 0)
            fail("buffer is not a prefix of the output");
        if (errcat__utf8_valid(whole, need)) {
            if (!errcat__utf8_valid(cut, n))
                fail("cut splits a UTF-8 sequence");
            if (n < need && n + 4 < size)
                fail("output cut more than a UTF-8 sequence short");
        }
    }
    free(whole);
    free(cut);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *field[FIELDS], *args[ERRCAT_ARGS_MAX];
    enum errcat_format fmt;
    size_t nfield = 0, i, bufsize, nargs;
    char *text, *p, *end;

    if (size < 2 || size > 65536)
        return 0;
    fmt = (enum errcat_format)(data[0] % 4);
    bufsize = data[1];
    text = malloc(size - 2 + 1);
    memcpy(text, data + 2, size - 2);
    text[size - 2] = '\0';
    end = text + (size - 2);
    for (p = text; nfield < FIELDS; p += strlen(p) + 1) {
        field[nfield++] = p;
        if (p + strlen(p) >= end)
            break;
    }
    while (nfield < 2)
        field[nfield++] = "";
    nargs = nfield - 2;
    for (i = 0; i < nargs; i++)
        args[i] = strcmp(field[2 + i], "\x01") == 0 ? NULL : field[2 + i];

    /* the source text formatted as itself, then each translation */
    check(field[0], field[0], fmt, args, nargs, bufsize);
    check(field[0], NULL, fmt, args, nargs, bufsize);
    if (errcat__translation_ok(field[0], fmt, field[1], strlen(field[1]))) {
        if (!errcat__utf8_valid(field[1], strlen(field[1])))
            fail("translation accepted with ill-formed UTF-8");
        check(field[1], field[0], fmt, args, nargs, bufsize);
    }
    check(field[1], field[0], fmt, NULL, 0, bufsize);
    free(text);
    return 0;
}
