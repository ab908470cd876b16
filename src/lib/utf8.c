/*
 * utf8.c - strict UTF-8 validation for translations read from .mo files.
 */
#include <string.h>

#include "errcat_int.h"

/* Length of the well-formed sequence at s[0..n), 0 when ill-formed
 * (Unicode 15, table 3-7). */
static size_t
sequence(const unsigned char *s, size_t n)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xBF;
    size_t len, i;

    if (c >= 0x01 && c <= 0x7F)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;          /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;          /* nothing above U+10FFFF */
    } else
        return 0;               /* NUL, continuation byte, C0, C1, F5.. */
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}

/* Nonzero when the 8 bytes at p are ASCII without NUL. */
static int
ascii8(const unsigned char *p)
{
    uint64_t w;

    memcpy(&w, p, 8);
    return ((w | ((w - 0x0101010101010101u) & ~w)) & 0x8080808080808080u)
        == 0;
}

int
errcat__utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, len;

    while (i < n) {
        if (n - i >= 8 && ascii8(p + i)) {
            i += 8;
            continue;
        }
        if ((len = sequence(p + i, n - i)) == 0)
            return 0;
        i += len;
    }
    return 1;
}
