/*
 * diag.c - prints diagnostics to stderr and counts them.
 */
#include <stdarg.h>
#include <stdio.h>

#include "diag.h"

static unsigned nerrors;
static unsigned nwarnings;
static int werror;

static void
vreport(const struct loc *at, const char *kind, const char *fmt, va_list ap)
{
    if (at && at->file) {
        fputs(at->file, stderr);
        if (at->line) {
            fprintf(stderr, ":%u", at->line);
            if (at->col)
                fprintf(stderr, ":%u", at->col);
        }
        fputs(": ", stderr);
    } else {
        fputs("errcat-gen: ", stderr);
    }
    fprintf(stderr, "%s: ", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void
diag_error(const struct loc *at, const char *fmt, ...)
{
    va_list ap;

    nerrors++;
    va_start(ap, fmt);
    vreport(at, "error", fmt, ap);
    va_end(ap);
}

void
diag_warning(const struct loc *at, const char *fmt, ...)
{
    va_list ap;

    if (werror)
        nerrors++;
    else
        nwarnings++;
    va_start(ap, fmt);
    vreport(at, werror ? "error" : "warning", fmt, ap);
    va_end(ap);
}

void
diag_note(const struct loc *at, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(at, "note", fmt, ap);
    va_end(ap);
}

void
diag_set_werror(int on)
{
    werror = on;
}

unsigned
diag_errors(void)
{
    return nerrors;
}

unsigned
diag_warnings(void)
{
    return nwarnings;
}

void
diag_reset(void)
{
    nerrors = nwarnings = 0;
}
