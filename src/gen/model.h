/*
 * model.h - the catalog as plain structs: what the loader builds, the
 * validator reads and the emitters print. No I/O and no libxml2 here.
 */
#ifndef GEN_MODEL_H
#define GEN_MODEL_H

#include <stddef.h>

#include "diag.h"
#include "util.h"

/* The translatable fields; the name of each is its msgctxt. */
enum model_field {
    FIELD_DESCRIPTION,
    FIELD_MESSAGE,
    FIELD_MEASURE,
    FIELD_MODULE,
    FIELD_COUNT
};

extern const char *const model_field_name[FIELD_COUNT];

struct model_module {
    char *id;
    char *name;
    struct loc loc;                 /* the <module> element */
    struct loc name_loc;            /* its text */
    unsigned text;                  /* index into catalog texts */
};

struct model_arg {
    char *name;                     /* NULL for a positional %s */
    char *text;                     /* what the placeholder stands for */
    struct loc loc;
};

#define ENTRY_TEXTS 3               /* description, message, measure */

/* A text index of an absent field, as ERRCAT_NO_TEXT in the tables. */
#define MODEL_NO_TEXT 0xffffffffu

/* Every field but id may be absent: a NULL string, has_status 0. */
struct model_entry {
    char *id;
    char *code;                     /* NULL when absent */
    char *module_ref;               /* NULL when absent */
    int http_status;                /* 0 when absent */
    int has_status;
    int unused;
    int format;                     /* the format attribute, an enum
                                       errcat_format; -1 when absent */
    char *text[ENTRY_TEXTS];        /* indexed by enum model_field; NULL
                                       when absent */
    struct model_arg *args;
    size_t n_args;
    char *note;                     /* for translators, on every text */
    char *field_note[ENTRY_TEXTS];  /* <note field=...>: on that text only */
    struct loc loc;                 /* the <entry> element */
    struct loc id_loc, code_loc, status_loc, module_loc, format_loc;
    struct loc text_loc[ENTRY_TEXTS];
    int module;                     /* index into modules; -1 absent or
                                       unresolved */
    unsigned serial;                /* from the numbering record; 0 none */
    unsigned text_index[ENTRY_TEXTS];   /* MODEL_NO_TEXT when absent */
    unsigned next_same_code;        /* index + 1 of the next entry with
                                       this code; 0 none */
};

/* Where a text is used: an entry's field, or a module's name. */
struct model_use {
    enum model_field field;
    size_t owner;                   /* entry or module index */
};

/* What the placeholders of a message say about its format. */
struct placeholders {
    int style;                      /* enum errcat_format */
    unsigned nargs;                 /* arguments taken, each once */
    int bare;                       /* a %(name) without conversion */
    int stray_percent;              /* a % or brace that starts no
                                       placeholder errcat takes */
    int unsupported;                /* of those, a directive errcat does
                                       not take: %*d, %p, %n, {a.b} */
    int loose;                      /* "% u" directives (space flag) read
                                       as conversions, as msgfmt reads them */
    int ambiguous;                  /* style none only because its "% u"
                                       ("100% used") is taken as text */
    int mixed;                      /* styles mixed: an error */
    int named;                      /* arguments by name: %(n)s, {n} */
    unsigned positional;            /* arguments in turn: %s, {} */
    unsigned highest;               /* by number: the highest of %N$s, {N-1} */
};

/* One message of the .pot: a (field, msgid) pair and where it is used. */
struct model_text {
    enum model_field field;
    const char *msgid;              /* borrowed from its first user */
    struct placeholders ph;         /* a message's; zero for other fields */
    int format;                     /* a message's format attribute, from
                                       its first user that has one; -1
                                       none: ph is then inferred */
    size_t format_owner;            /* that user */
    struct model_use *uses;         /* in the catalog's uses */
    size_t n_uses;
};

struct model_catalog {
    struct pool strings;            /* every string below but path */
    char *path;                     /* as given on the command line: for
                                       I/O and diagnostics */
    char *ref;                      /* how outputs name the catalog: its
                                       file name, or its path from
                                       --root; never the working
                                       directory's view */
    char *name;
    char *domain;
    char *prefix;
    char *title;                    /* may be NULL */
    char *code_pattern;             /* POSIX ERE, may be NULL */
    char *project_version;          /* .pot header fields; may be NULL */
    char *bugs;
    char *pot_date;                 /* YYYY-MM-DD */
    int number;
    struct loc loc;                 /* the <catalog> element */
    struct loc number_loc;
    struct loc code_pattern_loc;
    struct loc project_version_loc, bugs_loc, pot_date_loc;
    struct model_module *modules;
    size_t n_modules, cap_modules;
    struct model_entry *entries;
    size_t n_entries, cap_entries;
    struct model_text *texts;       /* filled by model_index */
    size_t n_texts;
    struct model_use *uses;         /* every text's uses, one block */
    unsigned n_serials;             /* highest serial given + 1 */
    size_t hash_size;               /* code hash table size, power of 2 */
    unsigned *code_hash;            /* slot -> entry index + 1; 0 empty */
};

struct model_catalog *model_catalog_new(const char *path);
void model_catalog_free(struct model_catalog *cat);

/* A NUL-terminated copy of s[0..n) that the catalog owns. */
char *model_strndup(struct model_catalog *cat, const char *s, size_t n);

/* Appends a zeroed module or entry and returns it; the catalog owns it. */
struct model_module *model_add_module(struct model_catalog *cat);
struct model_entry *model_add_entry(struct model_catalog *cat);
struct model_arg *model_add_arg(struct model_entry *e);

/*
 * Resolves module references, collects the unique texts in .pot order
 * (module names, then each entry's description, message and measure;
 * absent ones left out), chains entries that share a code and builds the
 * code hash table of the entries that have a code.
 * Call after loading; references that do not resolve stay -1 for the
 * validator to report.
 */
void model_index(struct model_catalog *cat);

/* What the placeholders of text say; model_index does it for each
   message text, once. */
void model_scan(const char *text, struct placeholders *ph);

/* The same, read in the style a format attribute declares (an enum
   errcat_format): placeholders of other styles are text, nothing is
   mixed; ERRCAT_FORMAT_NONE has no placeholder at all. */
void model_scan_as(const char *text, int format, struct placeholders *ph);

/* The name of format in a format attribute: "none", "c", ... */
extern const char *const model_format_name[4];

/* The C enum constant of an entry: PREFIX_ID upper-cased, '-' as '_'. */
char *model_constant(const struct model_catalog *cat,
                     const struct model_entry *e);

/* The enum value of an entry. */
long model_value(const struct model_catalog *cat, const struct model_entry *e);

/* 32-bit FNV-1a, as errcat_code_hash in errcat_catalog.h. */
unsigned model_hash(const char *s);

#endif
