/*
 * diag.c - prints diagnostics to stderr and counts them.
 */
#include <stdarg.h>
#include <stdio.h>

#include "diag.h"

static unsigned nerrors;
static unsigned nwarnings;
static int werror;
static unsigned shown;          /* errors and warnings printed */
static unsigned hidden;         /* and not printed, past DIAG_MAX_SHOWN */
static int hiding;              /* the last one was not: nor its notes */

/* Whether the next error or warning is printed. */
static int
show_next(void)
{
    hiding = shown >= DIAG_MAX_SHOWN;
    if (hiding)
        hidden++;
    else
        shown++;
    return !hiding;
}

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
    if (!show_next())
        return;
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
    if (!show_next())
        return;
    va_start(ap, fmt);
    vreport(at, werror ? "error" : "warning", fmt, ap);
    va_end(ap);
}

void
diag_note(const struct loc *at, const char *fmt, ...)
{
    va_list ap;

    if (hiding)
        return;
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
diag_summary(void)
{
    if (hidden)
        fprintf(stderr, "errcat-gen: %u more errors and warnings not shown "
                "(the first %u are)\n", hidden, DIAG_MAX_SHOWN);
}

void
diag_reset(void)
{
    nerrors = nwarnings = shown = hidden = 0;
    hiding = 0;
}
