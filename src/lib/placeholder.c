/*
 * placeholder.c - scanner of %s, %N$s, %(name)s and {name} placeholders.
 */
#include "placeholder.h"

static int
is_name_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int
is_name_char(int c)
{
    return is_name_start(c) || (c >= '0' && c <= '9');
}

/* Length of the identifier at s[i..n), 0 if there is none. */
static size_t
name_len(const char *s, size_t n, size_t i)
{
    size_t j = i;

    if (j >= n || !is_name_start((unsigned char)s[j]))
        return 0;
    while (j < n && is_name_char((unsigned char)s[j]))
        j++;
    return j - i;
}

static enum errcat__ph_kind
set(struct errcat__ph *ph, enum errcat__ph_kind kind, size_t start,
    size_t end, size_t *pos)
{
    ph->kind = kind;
    ph->start = start;
    ph->len = end - start;
    *pos = end;
    return kind;
}

/* A conversion character other than s that printf or Python would take. */
static int
is_other_conversion(int c)
{
    switch (c) {
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    case 'c': case 'r': case 'a': case 'p': case 'n':
        return 1;
    }
    return 0;
}

static enum errcat__ph_kind
scan_percent(const char *s, size_t n, size_t i, size_t *pos,
             struct errcat__ph *ph)
{
    size_t j = i + 1, k;
    unsigned long num = 0;

    if (j < n && s[j] == '%')
        return set(ph, ERRCAT__PH_ESCAPE, i, j + 1, pos);
    if (j < n && s[j] == 's')
        return set(ph, ERRCAT__PH_POSITIONAL, i, j + 1, pos);
    if (j < n && s[j] >= '1' && s[j] <= '9') {
        for (k = j; k < n && s[k] >= '0' && s[k] <= '9'; k++)
            if ((num = num * 10 + (unsigned)(s[k] - '0')) > 9999)
                break;
        if (k + 1 < n && s[k] == '$' && s[k + 1] == 's' && num <= 9999) {
            ph->number = (unsigned)num;
            return set(ph, ERRCAT__PH_NUMBERED, i, k + 2, pos);
        }
        return set(ph, ERRCAT__PH_BAD, i, j, pos);
    }
    if (j < n && s[j] == '(') {
        size_t len = name_len(s, n, j + 1);

        k = j + 1 + len;
        if (len == 0 || k >= n || s[k] != ')')
            return set(ph, ERRCAT__PH_BAD, i, j, pos);
        ph->name = j + 1;
        ph->name_len = len;
        if (k + 1 < n && s[k + 1] == 's')
            return set(ph, ERRCAT__PH_NAMED, i, k + 2, pos);
        if (k + 1 < n && is_other_conversion((unsigned char)s[k + 1]))
            return set(ph, ERRCAT__PH_BAD, i, k + 2, pos);
        return set(ph, ERRCAT__PH_NAMED_BARE, i, k + 1, pos);
    }
    return set(ph, ERRCAT__PH_BAD, i, j < n ? j + 1 : j, pos);
}

static enum errcat__ph_kind
scan_brace(const char *s, size_t n, size_t i, size_t *pos,
           enum errcat__ph_mode mode, struct errcat__ph *ph)
{
    size_t len;

    if (i + 1 < n && s[i + 1] == s[i] && mode == ERRCAT__PH_MODE_BRACE)
        return set(ph, ERRCAT__PH_ESCAPE, i, i + 2, pos);
    if (s[i] == '{') {
        len = name_len(s, n, i + 1);
        if (len > 0 && i + 1 + len < n && s[i + 1 + len] == '}') {
            ph->name = i + 1;
            ph->name_len = len;
            return set(ph, ERRCAT__PH_BRACE, i, i + len + 2, pos);
        }
    }
    if (mode == ERRCAT__PH_MODE_ANY)
        return set(ph, ERRCAT__PH_TEXT, i, i + 1, pos);
    return set(ph, ERRCAT__PH_BAD, i, i + 1, pos);
}

enum errcat__ph_kind
errcat__ph_next(const char *s, size_t n, size_t *pos,
                enum errcat__ph_mode mode, struct errcat__ph *ph)
{
    size_t i = *pos, j;
    int percent = mode != ERRCAT__PH_MODE_BRACE;
    int brace = mode != ERRCAT__PH_MODE_PERCENT;

    ph->name = ph->name_len = 0;
    ph->number = 0;
    if (i >= n)
        return set(ph, ERRCAT__PH_END, n, n, pos);
    if (percent && s[i] == '%')
        return scan_percent(s, n, i, pos, ph);
    if (brace && (s[i] == '{' || s[i] == '}'))
        return scan_brace(s, n, i, pos, mode, ph);
    for (j = i + 1; j < n; j++)
        if ((percent && s[j] == '%') || (brace && (s[j] == '{' || s[j] == '}')))
            break;
    return set(ph, ERRCAT__PH_TEXT, i, j, pos);
}

enum errcat__ph_mode
errcat__ph_mode_of(enum errcat_format fmt)
{
    switch (fmt) {
    case ERRCAT_FORMAT_PRINTF:
    case ERRCAT_FORMAT_PYTHON:
        return ERRCAT__PH_MODE_PERCENT;
    case ERRCAT_FORMAT_BRACE:
        return ERRCAT__PH_MODE_BRACE;
    default:
        return ERRCAT__PH_MODE_ANY;
    }
}

int
errcat__ph_is_arg(enum errcat__ph_kind kind)
{
    return kind == ERRCAT__PH_POSITIONAL || kind == ERRCAT__PH_NUMBERED
        || kind == ERRCAT__PH_NAMED || kind == ERRCAT__PH_NAMED_BARE
        || kind == ERRCAT__PH_BRACE;
}
