/*
 * errcat_catalog.h - the constant tables that errcat-gen emits for a catalog
 * and liberrcat reads: the contract between generator and runtime.
 *
 * Everything here is read-only data but `cache`, which liberrcat owns.
 * Applications use the functions of errcat.h, not these fields.
 */
#ifndef ERRCAT_CATALOG_H
#define ERRCAT_CATALOG_H

#ifdef __cplusplus
extern "C" {
#endif

/* Layout version of these structs; errcat-gen writes it, liberrcat checks. */
#define ERRCAT_ABI_VERSION 2

/*
 * An enum value is number << ERRCAT_SERIAL_BITS | serial: the catalog's
 * number (1..2047, declared in the catalog) and the entry's serial, handed
 * out once by the numbering record and never reused.
 */
#define ERRCAT_SERIAL_BITS 20
#define ERRCAT_SERIAL_MAX ((1u << ERRCAT_SERIAL_BITS) - 1)
#define ERRCAT_NUMBER_MAX 2047

/*
 * Absent fields. Every field of an entry but its id may be absent from the
 * catalog: a code is then NULL, an HTTP status 0, a module
 * ERRCAT_NO_MODULE and a text index (description, message, measure)
 * ERRCAT_NO_TEXT. Absent texts are not in `texts` and never translated.
 */
#define ERRCAT_NO_MODULE 0xffffu
#define ERRCAT_NO_TEXT 0xffffffffu

/* Entry flags. */
#define ERRCAT_ENTRY_UNUSED 0x1u    /* "Not used currently" in the source */

/* Placeholder style of a text (gettext's c-, python-, python-brace-format). */
enum errcat_format {
    ERRCAT_FORMAT_NONE = 0,         /* no placeholder */
    ERRCAT_FORMAT_PRINTF = 1,       /* %s, and %N$s in translations */
    ERRCAT_FORMAT_PYTHON = 2,       /* %(name)s */
    ERRCAT_FORMAT_BRACE = 3         /* {name} */
};

/*
 * One translatable text: one message of the domain's .pot. Every text has
 * a context naming its field ("description", "message", "measure",
 * "module"), so `key` is exactly the key of the .mo: ctxt "\004" msgid.
 */
struct errcat_text {
    const char *key;                /* msgctxt "\004" msgid */
    const char *msgid;              /* the English source text */
    unsigned char format;           /* enum errcat_format */
    unsigned char nargs;            /* arguments msgid takes, each once */
};

struct errcat_module {
    const char *id;                 /* "backup" */
    unsigned name;                  /* index into texts */
};

struct errcat_entry {
    const char *id;                 /* symbolic id, "server_not_found" */
    const char *code;               /* "CSBS.6000"; not unique; NULL
                                       when absent */
    int value;                      /* the enum constant's value */
    unsigned short http_status;     /* 0 when absent */
    unsigned short module;          /* index into modules, or
                                       ERRCAT_NO_MODULE */
    unsigned flags;                 /* ERRCAT_ENTRY_* */
    unsigned description;           /* index into texts, or ERRCAT_NO_TEXT */
    unsigned message;               /* index into texts, or ERRCAT_NO_TEXT */
    unsigned measure;               /* index into texts, or ERRCAT_NO_TEXT */
    unsigned next_same_code;        /* index + 1 of the next entry with
                                       this code, in catalog order; 0 none */
};

/* Mutable state of one catalog, zero at start; liberrcat's alone. */
struct errcat_cache {
    void *locales;                  /* loaded locales, published atomically */
    void *localedir;                /* set by errcat_bind, else default */
};

struct errcat_catalog {
    unsigned abi;                   /* ERRCAT_ABI_VERSION */
    const char *name;               /* "csbs" */
    const char *domain;             /* gettext domain, "errcat-csbs" */
    const char *prefix;             /* C prefix, "CSBS" */
    const char *source;             /* "csbs.xml": as outputs name it */
    int number;                     /* 1..ERRCAT_NUMBER_MAX */
    int base;                       /* number << ERRCAT_SERIAL_BITS */
    unsigned n_entries;
    const struct errcat_entry *entries;     /* catalog order */
    unsigned n_modules;
    const struct errcat_module *modules;
    unsigned n_texts;
    const struct errcat_text *texts;        /* .pot order */
    unsigned n_serials;             /* highest serial ever given + 1 */
    const unsigned *by_serial;      /* serial -> entry index + 1; 0 for
                                       retired or never given */
    unsigned code_mask;             /* hash table size - 1 (power of 2) */
    const unsigned *code_hash;      /* slot -> entry index + 1 of the first
                                       entry with that code (entries
                                       without a code are not in it); 0
                                       empty; slot
                                       errcat_code_hash(code) & code_mask,
                                       linear probing */
    struct errcat_cache *cache;
};

/* FNV-1a, 32 bits, over the bytes of a code; generator and runtime agree. */
static inline unsigned
errcat_code_hash(const char *s)
{
    unsigned long h = 2166136261ul;

    while (*s) {
        h ^= (unsigned char)*s++;
        h = (h * 16777619ul) & 0xfffffffful;
    }
    return (unsigned)h;
}

#ifdef __cplusplus
}
#endif

#endif
