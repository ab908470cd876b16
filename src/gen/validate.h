/*
 * validate.h - meaning checks that a schema cannot express. Reads a const
 * model and reports through diag; changes nothing.
 */
#ifndef GEN_VALIDATE_H
#define GEN_VALIDATE_H

#include "model.h"

/* Longest id, code and text accepted, in bytes. */
#define VALIDATE_MAX_ID 64
#define VALIDATE_MAX_CODE 64
#define VALIDATE_MAX_TEXT 65536

/* Checks one catalog; returns the number of errors reported. */
unsigned validate_catalog(const struct model_catalog *cat);

/* Checks that catalogs of one run can live in one program. */
unsigned validate_together(struct model_catalog *const *cats, size_t n);

/* Nonzero if s is a keyword of C (C89 to C23) or C++. */
int validate_is_keyword(const char *s);

/* Location of byte offset off of a text that starts at *start. */
struct loc validate_text_loc(const struct loc *start, const char *text,
                             size_t off);

#endif
