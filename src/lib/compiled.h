/*
 * compiled.h - the compiled catalog file: the tables of errcat_catalog.h
 * as one little-endian file that errcat-gen writes and liberrcat loads,
 * so that a program can use a catalog it was not built with.
 *
 * Layout (every number a little-endian u32 unless said otherwise):
 *
 *   header      ERRCAT__CC_HEADER bytes, the fields below
 *   strings     NUL-terminated UTF-8 strings back to back; an offset into
 *               this area is where one of them starts
 *   entries     n_entries records of ERRCAT__CC_ENTRY bytes
 *   modules     n_modules records of ERRCAT__CC_MODULE bytes
 *   texts       n_texts records of ERRCAT__CC_TEXT bytes
 *   by_serial   n_serials u32: serial -> entry index + 1, 0 none
 *   code_hash   code_mask + 1 u32: slot -> entry index + 1, 0 empty
 *
 * Tables are found through the header's offsets, not by position, and
 * each lies inside the file and outside the strings. A string offset or
 * text index of ERRCAT__CC_ABSENT, and a module of ERRCAT__CC_NO_MODULE,
 * stand for an absent field. The catalog's name, domain and prefix lie in
 * the first ERRCAT__CC_HEAD bytes, so that its header can be read alone.
 */
#ifndef ERRCAT_COMPILED_H
#define ERRCAT_COMPILED_H

#define ERRCAT__CC_MAGIC "\211ECAT\r\n\032"     /* 8 bytes, as PNG's */
#define ERRCAT__CC_MAGIC_LEN 8
#define ERRCAT__CC_VERSION 1
#define ERRCAT__CC_HEAD 4096
#define ERRCAT__CC_ABSENT 0xffffffffu
#define ERRCAT__CC_NO_MODULE 0xffffu

/* Header field offsets. */
enum {
    ERRCAT__CC_H_VERSION = 8,
    ERRCAT__CC_H_SIZE = 12,         /* the file's size in bytes */
    ERRCAT__CC_H_NUMBER = 16,
    ERRCAT__CC_H_N_ENTRIES = 20,
    ERRCAT__CC_H_N_MODULES = 24,
    ERRCAT__CC_H_N_TEXTS = 28,
    ERRCAT__CC_H_N_SERIALS = 32,
    ERRCAT__CC_H_CODE_MASK = 36,
    ERRCAT__CC_H_NAME = 40,         /* string offsets */
    ERRCAT__CC_H_DOMAIN = 44,
    ERRCAT__CC_H_PREFIX = 48,
    ERRCAT__CC_H_SOURCE = 52,
    ERRCAT__CC_H_ENTRIES = 56,      /* file offsets of the tables */
    ERRCAT__CC_H_MODULES = 60,
    ERRCAT__CC_H_TEXTS = 64,
    ERRCAT__CC_H_BY_SERIAL = 68,
    ERRCAT__CC_H_CODE_HASH = 72,
    ERRCAT__CC_H_STRINGS = 76,
    ERRCAT__CC_H_STRINGS_SIZE = 80,
    ERRCAT__CC_H_RESERVED = 84,     /* zero up to the header's end */
    ERRCAT__CC_HEADER = 96
};

/* An entry record. */
enum {
    ERRCAT__CC_E_ID = 0,            /* string */
    ERRCAT__CC_E_CODE = 4,          /* string */
    ERRCAT__CC_E_VALUE = 8,
    ERRCAT__CC_E_HTTP_STATUS = 12,  /* u16 */
    ERRCAT__CC_E_MODULE = 14,       /* u16: module index */
    ERRCAT__CC_E_FLAGS = 16,
    ERRCAT__CC_E_DESCRIPTION = 20,  /* text indexes */
    ERRCAT__CC_E_MESSAGE = 24,
    ERRCAT__CC_E_MEASURE = 28,
    ERRCAT__CC_E_NEXT_SAME_CODE = 32,
    ERRCAT__CC_ENTRY = 36
};

/* A module record. */
enum {
    ERRCAT__CC_M_ID = 0,            /* string */
    ERRCAT__CC_M_NAME = 4,          /* text index */
    ERRCAT__CC_MODULE = 8
};

/* A text record: key is "ctxt\004msgid", msgid points into it. */
enum {
    ERRCAT__CC_T_KEY = 0,           /* string */
    ERRCAT__CC_T_MSGID = 4,         /* offset into the strings, inside key */
    ERRCAT__CC_T_FORMAT = 8,        /* u8: enum errcat_format */
    ERRCAT__CC_T_NARGS = 9,         /* u8 */
    ERRCAT__CC_T_RESERVED = 10,     /* u16, zero */
    ERRCAT__CC_TEXT = 12
};

/* Longest context before the \004 of a text's key. */
#define ERRCAT__CC_CTXT_MAX 64

#endif
