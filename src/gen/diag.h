/*
 * diag.h - diagnostics in GNU form, FILE:LINE:COL: error|warning|note: text,
 * counted so the pipeline can decide its exit status.
 */
#ifndef GEN_DIAG_H
#define GEN_DIAG_H

/* A place in an input file; line or col 0 when unknown. */
struct loc {
    const char *file;
    unsigned line;
    unsigned col;
};

#if defined(__GNUC__)
#define DIAG_PRINTF __attribute__((format(printf, 2, 3)))
#else
#define DIAG_PRINTF
#endif

void diag_error(const struct loc *at, const char *fmt, ...) DIAG_PRINTF;
void diag_warning(const struct loc *at, const char *fmt, ...) DIAG_PRINTF;
void diag_note(const struct loc *at, const char *fmt, ...) DIAG_PRINTF;

/* Errors and warnings printed in one run; the rest are counted, and
   diag_summary says how many were left out. Notes go with theirs. */
#define DIAG_MAX_SHOWN 1000

/* Prints "N more errors and warnings not shown" when some were. */
void diag_summary(void);

/* With --Werror a warning counts, and is labelled, as an error. */
void diag_set_werror(int on);
unsigned diag_errors(void);
unsigned diag_warnings(void);
void diag_reset(void);

#endif
