/*
 * placeholder.h - the one scanner of placeholders in catalog texts, shared
 * by errcat-gen (validation, .pot format flags) and liberrcat (formatting,
 * checking translations, matching error bodies), so both read a template
 * the same way.
 */
#ifndef ERRCAT_PLACEHOLDER_H
#define ERRCAT_PLACEHOLDER_H

#include <stddef.h>

#include "errcat_catalog.h"

/* Which placeholder syntax a scan recognises. */
enum errcat__ph_mode {
    ERRCAT__PH_MODE_PERCENT,     /* %s %N$s %(name)s %%; braces are text */
    ERRCAT__PH_MODE_BRACE,  /* {name} {{ }}; percent signs are text */
    ERRCAT__PH_MODE_ANY          /* both, for finding a text's style; a brace
                               that opens no {name} is text here */
};

enum errcat__ph_kind {
    ERRCAT__PH_END,         /* end of the text */
    ERRCAT__PH_TEXT,        /* literal run */
    ERRCAT__PH_ESCAPE,      /* %%, {{ or }}: stands for one character */
    ERRCAT__PH_POSITIONAL,  /* %s */
    ERRCAT__PH_NUMBERED,    /* %N$s, N >= 1 */
    ERRCAT__PH_NAMED,       /* %(name)s */
    ERRCAT__PH_NAMED_BARE,  /* %(name) with no conversion character */
    ERRCAT__PH_BRACE,       /* {name} */
    ERRCAT__PH_BAD          /* %d, a lone %, a lone { or }: not supported */
};

struct errcat__ph {
    enum errcat__ph_kind kind;
    size_t start;           /* offset of the token in the text */
    size_t len;             /* its length in bytes */
    size_t name;            /* NAMED, NAMED_BARE, BRACE: offset of name */
    size_t name_len;
    unsigned number;        /* NUMBERED: N */
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

#endif
