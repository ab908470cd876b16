/*
 * placeholder.h - the one scanner of placeholders in catalog texts, shared
 * by errcat-gen (validation, .pot format flags) and liberrcat (formatting,
 * checking translations, matching error bodies), so both read a template
 * the same way.
 *
 * The syntax, as printf(3), Python's % operator and str.format read it:
 *
 *   printf   %[N$][flags][width][.precision][length]conversion
 *            flags -+ #0' ; width and precision digits (a '*' is not
 *            supported: arguments are strings); length hh h l ll L q j z
 *            t; conversion d i o u x X e E f F g G a A c s; %% a percent
 *   Python   %(name)[flags][width][.precision][length]conversion with
 *            length h l L and conversion d i o u x X e E f F g G c r s a;
 *            a space right after ")" ends the placeholder, so that
 *            "%(name) is" is the bare name followed by text (the old
 *            CSBS spelling), not Python's "% i"; in a python-format
 *            text (ERRCAT__PH_MODE_PYTHON) %s %r %5.2f by position take
 *            Python's conversions too, and %N$s is printf's, not Python's
 *   braces   {field[!conversion][:spec]}, field a name, a number or empty,
 *            conversion r s a, spec Python's mini-language without
 *            nesting: [[fill]align][sign][#][0][width][,_][.precision]
 *            [type] with align < > ^; {{ and }} a brace
 *
 * A printf directive with the space flag ("% u" in "100% used") is a
 * conversion to printf and to msgfmt -c alike; the scanner marks it
 * `loose` so the generator can read a text whose only directives are
 * loose as plain text (and warn that it is ambiguous).
 */
#ifndef ERRCAT_PLACEHOLDER_H
#define ERRCAT_PLACEHOLDER_H

#include <stddef.h>

#include "errcat_catalog.h"

/* Which placeholder syntax a scan recognises. */
enum errcat__ph_mode {
    ERRCAT__PH_MODE_PERCENT,     /* %s %N$s %(name)s %%; braces are text */
    ERRCAT__PH_MODE_BRACE,  /* {name} {{ }}; percent signs are text */
    ERRCAT__PH_MODE_ANY,         /* both, for finding a text's style; a brace
                               that opens no {name} is text here */
    ERRCAT__PH_MODE_PYTHON  /* as PERCENT, but %s %r %5.2f by position are
                               Python's (conversions r and a, length h l
                               L), as a python-format text reads them */
};

enum errcat__ph_kind {
    ERRCAT__PH_END,         /* end of the text */
    ERRCAT__PH_TEXT,        /* literal run */
    ERRCAT__PH_ESCAPE,      /* %%, {{ or }}: stands for one character */
    ERRCAT__PH_POSITIONAL,  /* %d, and {}: the next argument */
    ERRCAT__PH_NUMBERED,    /* %N$d (N >= 1), and {M} (number M + 1) */
    ERRCAT__PH_NAMED,       /* %(name)d */
    ERRCAT__PH_NAMED_BARE,  /* %(name) with no conversion character */
    ERRCAT__PH_BRACE,       /* {name}, {name!r:>8} */
    ERRCAT__PH_BAD          /* a lone %, { or }, or a directive errcat
                               does not support (see `unsupported`) */
};

/* A span of the text: offset and length; len 0 when absent. */
struct errcat__ph_span {
    size_t off, len;
};

struct errcat__ph {
    enum errcat__ph_kind kind;
    size_t start;           /* offset of the token in the text */
    size_t len;             /* its length in bytes */
    size_t name;            /* NAMED, NAMED_BARE, BRACE: offset of name */
    size_t name_len;
    unsigned number;        /* NUMBERED: N (1-based) */
    int style;              /* enum errcat_format of an argument kind */
    char conv;              /* conversion: 'd', 's', 'r'...; braces: the
                               !conversion, 0 without one */
    char length;            /* printf/Python length modifier: 0, 'H' (hh),
                               'h', 'l', 'q' (ll, q), 'L', 'j', 'z', 't' */
    char type;              /* braces: the spec's type character, or 0 */
    int loose;              /* printf: the space flag is among the flags */
    int unsupported;        /* BAD: a directive errcat does not take
                               (%*d, %p, %n, {a.b}, {x:{w}}), not a
                               stray % or brace */
    struct errcat__ph_span flags;   /* printf/Python flags */
    struct errcat__ph_span width;   /* digits */
    struct errcat__ph_span prec;    /* digits after '.'; see has_prec */
    int has_prec;
    struct errcat__ph_span spec;    /* braces: the whole spec after ':' */
};

/*
 * Reads the token at *pos of s[0..n) into *ph and advances *pos past it.
 * Returns ph->kind; ERRCAT__PH_END once *pos reaches n. Never reads
 * outside s[0..n). Thread-safe; no allocation.
 */
enum errcat__ph_kind errcat__ph_next(const char *s, size_t n, size_t *pos,
                                     enum errcat__ph_mode mode,
                                     struct errcat__ph *ph);

/* The mode a text of format fmt is read in, by generator and runtime
   alike: percent styles ignore braces, the brace style percent signs. */
enum errcat__ph_mode errcat__ph_mode_of(enum errcat_format fmt);

/* Nonzero for the kinds that take an argument. */
int errcat__ph_is_arg(enum errcat__ph_kind kind);

/*
 * The argument type of an argument placeholder as msgfmt -c compares
 * them: printf by conversion class and size (d i; o u x X; e E f F g G a
 * A; c; s; the length modifier as gettext reads it), Python by class (s r
 * a; d i o u x X; e E f F g G; c). Two placeholders of one argument must
 * have equal types. 0 for braces, which are compared by their spec.
 */
unsigned errcat__ph_type(const struct errcat__ph *ph);

/* What text a placeholder produces, for the formatter and the matcher. */
enum errcat__ph_class {
    ERRCAT__PH_ANY,         /* %s %r {x} {x!r}: any text */
    ERRCAT__PH_CHAR,        /* %c: one character */
    ERRCAT__PH_INT,         /* %d %i {x:d}: optional sign, digits */
    ERRCAT__PH_UINT,        /* %u: digits */
    ERRCAT__PH_HEX,         /* %x %X {x:x}: hex digits, 0x with '#' */
    ERRCAT__PH_OCT,         /* %o {x:o}: octal digits */
    ERRCAT__PH_BIN,         /* {x:b}: binary digits */
    ERRCAT__PH_FLOAT        /* %f %e %g %a {x:f}: a floating number */
};

/* How the formatter lays out an argument of placeholder ph of s. */
struct errcat__ph_layout {
    enum errcat__ph_class cls;
    size_t width;           /* in characters; 0 none */
    long prec;              /* characters kept of text; -1 none */
    char align;             /* '<' or '>' (printf: '-' gives '<'), '^' */
    int zero;               /* pad with '0' after a sign (numbers) */
    int alt;                /* '#': 0x / 0o / 0b prefixes */
    const char *fill;       /* the padding character (UTF-8) */
    size_t fill_len;
};

void errcat__ph_layout(const char *s, const struct errcat__ph *ph,
                       struct errcat__ph_layout *lay);

#endif
