/*
 * errcat.h - liberrcat, the runtime of errcat catalogs: find an entry by
 * enum value, code or API error body, and get its texts translated into a
 * locale chosen per call, without touching the process locale.
 *
 * Translations are read from the catalog's gettext domain (.mo files) by
 * liberrcat itself: it never calls setlocale, textdomain or dgettext, never
 * prints and never exits, and works where the system has no locales. All
 * returned strings are UTF-8 and borrowed: they live until
 * errcat_catalog_release() for the catalog (or forever, for fallbacks).
 *
 * Thread safety: lookups and text functions are thread-safe and take no
 * lock once a locale has been used; the first use of a locale loads it
 * under a lock. errcat_register, errcat_bind and errcat_catalog_release are
 * meant for start-up and shutdown (see each).
 */
#ifndef ERRCAT_H
#define ERRCAT_H

#include <stddef.h>

#include "errcat_catalog.h"

#ifdef __cplusplus
extern "C" {
#endif

/* liberrcat is built with hidden visibility: what this header declares is
   its whole exported API (libuv's UV_EXTERN, in one place). */
#if defined __GNUC__ && __GNUC__ >= 4
#pragma GCC visibility push(default)
#endif

/* Results: ERRCAT_OK or one of these negative values. */
enum errcat_status {
    ERRCAT_OK = 0,
    ERRCAT_EINVAL = -1,         /* bad argument, e.g. an unsafe locale name */
    ERRCAT_ENOMEM = -2,         /* out of memory; nothing leaked */
    ERRCAT_ENOENT = -3,         /* no such entry, code or file */
    ERRCAT_ENOMATCH = -4,       /* error body matches no message */
    ERRCAT_EBODY = -5,          /* error body: not JSON, or wrong types */
    ERRCAT_ETOOBIG = -6,        /* input over its size limit */
    ERRCAT_EEXIST = -7,         /* catalog number or domain registered */
    ERRCAT_EABI = -8,           /* tables of another ERRCAT_ABI_VERSION */
    ERRCAT_EFULL = -9,          /* registry full */
    ERRCAT_ENUL = -10           /* error body: NUL (\u0000) in error_code
                                   or error_msg */
};

/* A short English phrase for a status; never NULL. Thread-safe. */
const char *errcat_status_string(int status);

#define ERRCAT_LOCALE_NAME_MAX 64   /* bytes of a locale name */
#define ERRCAT_ARGS_MAX 16          /* arguments of a message */
#define ERRCAT_BODY_MAX (1 << 20)   /* bytes of an error body parsed */
#define ERRCAT_REGISTRY_MAX 64      /* catalogs registered at once */

/* ---- Catalogs ----------------------------------------------------------- */

/*
 * Adds cat to the process-wide registry that errcat_lookup*() and
 * errcat_match*() with a NULL catalog search. Returns 0; ERRCAT_EEXIST
 * when a catalog with the same number or domain is registered (the same
 * catalog again included); ERRCAT_EABI; ERRCAT_EINVAL; ERRCAT_EFULL.
 * Register at start-up: registering while another thread looks values up
 * is safe, but that thread may not see the new catalog yet.
 */
int errcat_register(const struct errcat_catalog *cat);

/* Removes cat from the registry; ERRCAT_ENOENT when it was not there. Not
 * safe while other threads use the registry. */
int errcat_unregister(const struct errcat_catalog *cat);

/* Stores up to max registered catalogs into out, in registration order;
 * returns how many are registered. */
size_t errcat_catalogs(const struct errcat_catalog **out, size_t max);

/*
 * Sets the directory holding cat's translations as
 * DIR/LOCALE/LC_MESSAGES/DOMAIN.mo, like bindtextdomain; NULL restores the
 * compiled-in default (ERRCAT_LOCALEDIR). The string is copied. Affects
 * locales not loaded yet; call it before the first lookup, or
 * errcat_catalog_release() first. Thread-safe. Returns 0, ERRCAT_EINVAL
 * (cat without cache, dir empty or over 4000 bytes) or ERRCAT_ENOMEM.
 */
int errcat_bind(const struct errcat_catalog *cat, const char *dir);

/* The directory errcat_bind set for cat, or the default. Borrowed; valid
 * until the next errcat_bind or errcat_catalog_release for cat. */
const char *errcat_localedir(const struct errcat_catalog *cat);

/*
 * Frees everything liberrcat allocated for cat: its loaded locales and
 * bound directory. Every errcat_locale handle of cat and every string they
 * returned become invalid. NOT thread-safe: no other thread may use cat
 * during or after the call, until it is used afresh (which reloads).
 */
void errcat_catalog_release(const struct errcat_catalog *cat);

/* ---- Locales ------------------------------------------------------------ */

/* One catalog's texts in one locale; opaque, owned by liberrcat. */
struct errcat_locale;

/*
 * Resolves a locale name for cat and loads its translations on first use.
 * name is POSIX (de_DE.UTF-8, de_CH@euro) or BCP 47 (de-CH, zh-Hans-CN).
 * Chinese BCP 47 tags and plain "zh" go by script: Traditional ones
 * (zh-Hant-*, zh-TW, zh-HK, zh-MO) to zh_CC if Traditional, then zh_TW;
 * Simplified ones (zh, zh-Hans-*, zh-CN, zh-SG, ...) to zh_CC if
 * Simplified, then zh_CN, then zh; never across scripts. It is checked before any path is
 * built: at most 64 bytes of [A-Za-z0-9_.@-], no "..". The first locale
 * of gettext's chain that has a .mo file is used: ll_CC.codeset@mod,
 * ll_CC@mod, ll.codeset@mod, ll@mod, ll_CC.codeset, ll_CC, ll.codeset, ll;
 * else the English source texts ("en"). As in gettext, a text missing from
 * that file comes from the next file down the chain (de_AT, then de), then
 * from the source. A .mo file that is missing, unreadable, malformed or
 * not UTF-8 counts as absent; a translation whose placeholders differ from
 * the source text's, or that is not valid UTF-8, is replaced by the source
 * text. Texts are always UTF-8, whatever the codeset asked for.
 *
 * NULL or "": the process environment by GNU gettext's rules: the first
 * non-empty of LC_ALL, LC_MESSAGES, LANG; unset, "C" or "POSIX" mean
 * English (LANGUAGE is ignored there, as glibc ignores it); otherwise,
 * C.UTF-8 included, LANGUAGE, a colon-separated list, if set and
 * non-empty: the first entry that resolves to a translation or to "en",
 * a "C" or "POSIX" entry ending the list with English; else that locale.
 * Unlike gettext, the locale need not be installed on the system. Reads
 * the environment on every call.
 *
 * *out always receives a usable handle, the English one on any error.
 * Returns 0; ERRCAT_EINVAL (bad name, or cat NULL or without cache);
 * ERRCAT_ENOMEM (the handle falls back along the chain, at worst to
 * English; nothing is cached, so a later call retries). Thread-safe. After
 * a name's first use, a lookup of it walks a short lock-free list: no
 * lock, no allocation (past 128 distinct names per catalog that are not
 * locale names themselves, further names are resolved afresh each time,
 * under the lock, so hostile names cannot grow memory).
 */
int errcat_locale_get(const struct errcat_catalog *cat, const char *name,
                      const struct errcat_locale **out);

/*
 * Negotiates an HTTP Accept-Language header (RFC 9110) against the
 * translations present for cat, by RFC 4647 Lookup: acceptable items in
 * order of q-value, then header order (malformed items skipped; a tag
 * repeated counts once, with its best q; the 64 best considered), each
 * tried down its chain as errcat_locale_get does (ll_CC, then ll). A tag
 * with q=0 is not acceptable: a locale it names exactly (de-AT for de_AT,
 * zh-CN or zh-Hans-CN for zh_CN, en for the source) is skipped and the
 * lookup goes on down the chain, however long the header; q=0 on a
 * longer tag (de-CH) leaves the shorter one (de) acceptable. "en" and
 * "en-*" are the source English; "*" means the source English as well,
 * where it stands, unless en is excluded. Nothing acceptable gives
 * English. NULL or "" header gives English. Returns as
 * errcat_locale_get; *out always receives a usable handle.
 */
int errcat_locale_accept(const struct errcat_catalog *cat,
                         const char *header,
                         const struct errcat_locale **out);

/* The locale a handle actually uses: "zh_CN", "de", "en" for English
 * (also for NULL). Borrowed. */
const char *errcat_locale_name(const struct errcat_locale *loc);

/* ---- Entries ------------------------------------------------------------ */

/* The entry of enum value, or NULL when cat has none. O(1). */
const struct errcat_entry *errcat_find(const struct errcat_catalog *cat,
                                       int value);

/* The first entry (catalog order) with code ("CSBS.6000"), or NULL. O(1). */
const struct errcat_entry *errcat_find_code(const struct errcat_catalog *cat,
                                            const char *code);

/* The entry after e with the same code, or NULL. */
const struct errcat_entry *
errcat_next_same_code(const struct errcat_catalog *cat,
                      const struct errcat_entry *e);

/* The entry with code and HTTP status, or NULL. */
const struct errcat_entry *
errcat_find_code_status(const struct errcat_catalog *cat, const char *code,
                        unsigned http_status);

/* The entry with symbolic id ("server_not_found"), or NULL. O(entries). */
const struct errcat_entry *errcat_find_id(const struct errcat_catalog *cat,
                                          const char *id);

/* The number of entries of cat, and entry i (catalog order) or NULL. */
size_t errcat_entry_count(const struct errcat_catalog *cat);
const struct errcat_entry *errcat_entry_at(const struct errcat_catalog *cat,
                                           size_t i);

/*
 * The same over the registered catalogs: the entry, or NULL; *cat (if
 * not NULL) receives its catalog or NULL. errcat_lookup finds the catalog
 * by the value's number in O(registered catalogs).
 */
const struct errcat_entry *errcat_lookup(int value,
                                         const struct errcat_catalog **cat);
const struct errcat_entry *
errcat_lookup_code(const char *code, const struct errcat_catalog **cat);
const struct errcat_entry *errcat_lookup_id(const char *id,
                                            const struct errcat_catalog **cat);

/* Fields of an entry. NULL gives the fallback: code and id "unknown",
 * value 0, HTTP status 500, not unused. A field absent from the catalog
 * gives "" for the code and 0 for the HTTP status. */
const char *errcat_entry_code(const struct errcat_entry *e);
const char *errcat_entry_id(const struct errcat_entry *e);
int errcat_entry_value(const struct errcat_entry *e);
unsigned errcat_entry_http_status(const struct errcat_entry *e);
int errcat_entry_unused(const struct errcat_entry *e);

/* ---- Texts -------------------------------------------------------------- */

enum errcat_field {
    ERRCAT_DESCRIPTION,
    ERRCAT_MESSAGE,             /* the message template */
    ERRCAT_MEASURE,
    ERRCAT_MODULE               /* the module's name */
};

/*
 * A text of entry e of cat in locale loc. loc NULL, or a handle of another
 * catalog, gives English. e NULL or not an entry of cat gives a fixed
 * fallback ("Unknown error", ...) in loc's language, from errcat's own
 * domain (see errcat_tr). A text the entry does not have (no measure, no
 * module, ...) gives "": catalog texts are never empty, so "" always
 * means absent. Never NULL; borrowed. Thread-safe, lock-free, no
 * allocation (but for the first unknown entry of a locale, which reads
 * errcat.mo).
 */
const char *errcat_text(const struct errcat_catalog *cat,
                        const struct errcat_locale *loc,
                        const struct errcat_entry *e, enum errcat_field field);

const char *errcat_description(const struct errcat_catalog *cat,
                               const struct errcat_locale *loc,
                               const struct errcat_entry *e);
const char *errcat_measure(const struct errcat_catalog *cat,
                           const struct errcat_locale *loc,
                           const struct errcat_entry *e);
const char *errcat_module_name(const struct errcat_catalog *cat,
                               const struct errcat_locale *loc,
                               const struct errcat_entry *e);
const char *errcat_message_template(const struct errcat_catalog *cat,
                                    const struct errcat_locale *loc,
                                    const struct errcat_entry *e);

/* The module's id ("backup"), "unknown" for the fallback, "" when the
 * entry has no module. */
const char *errcat_module_id(const struct errcat_catalog *cat,
                             const struct errcat_entry *e);

/* The description of enum value in loc, like strerror; the fallback for
 * an unknown value, "" for an entry without description. */
const char *errcat_describe(const struct errcat_catalog *cat,
                            const struct errcat_locale *loc, int value);

/*
 * Formats e's message in loc with args, by liberrcat's own formatter
 * (translated text never reaches printf). Arguments are strings: %s and
 * {} take the next one, %N$s and {N} argument N (1-based for %N$, 0-based
 * for {N}), %(name)s / %(name) and {name} the argument at the name's
 * place among the source text's names (first appearance), so one args
 * array fits every translation; %% and {{ }} escapes. Width, precision
 * and '-' lay a string out as printf lays out %s, counted in characters
 * (UTF-8 code points); brace specs likewise with their fill and < > ^
 * (text left, number types right). For a numeric conversion (%d %5.2f
 * %x {n:d}) the argument is the number's text: inserted as given, padded
 * to the width ('0' pads after a sign), not reformatted; !r %r %a insert
 * the argument as given. Widths and precisions over 4096 count as 4096.
 * A missing or NULL argument leaves its placeholder as written. Writes at
 * most size-1 bytes and a NUL, cut before a UTF-8 sequence that does not
 * fit; buf may be NULL when size is 0. Returns the length of the whole
 * message, as snprintf. An entry without message formats as "".
 *
 * When loc's language is written right to left (ar, fa, he, ur, ...),
 * each argument substituted is wrapped in U+2068 FIRST STRONG ISOLATE ...
 * U+2069 POP DIRECTIONAL ISOLATE, as Fluent does, so that an id like
 * ecs-01 or a UUID keeps its own direction inside the text; other
 * locales, and English, are unchanged.
 */
size_t errcat_format(const struct errcat_catalog *cat,
                     const struct errcat_locale *loc,
                     const struct errcat_entry *e,
                     const char *const *args, size_t nargs,
                     char *buf, size_t size);

/* Flags of errcat_format_ex. */
#define ERRCAT_NO_ISOLATE 0x1u  /* no bidi isolation of arguments, e.g.
                                   for a log line or a terminal */

/* errcat_format with flags (ERRCAT_NO_ISOLATE). */
size_t errcat_format_ex(const struct errcat_catalog *cat,
                        const struct errcat_locale *loc,
                        const struct errcat_entry *e,
                        const char *const *args, size_t nargs,
                        unsigned flags, char *buf, size_t size);

/* ---- errcat's own texts ------------------------------------------------- */

/*
 * errcat's own text domain, "errcat": the fallback texts of unknown
 * entries, and the labels and messages of the errcat tools. errcat_tr
 * gives msgid translated into locale, read from
 * DIR/LL/LC_MESSAGES/errcat.mo by liberrcat's own reader along the same
 * chain as errcat_locale_get (ll_CC, then ll, then msgid itself); locale
 * is a name as errcat_locale_name returns or errcat_locale_get takes, and
 * NULL or "" means the environment by gettext's rules (as
 * errcat_locale_get reads it). A translation is used only when it is
 * valid UTF-8 with the same printf placeholders as msgid (%s, %N$s).
 * Returns msgid itself when there is none (and msgid when it is NULL).
 * Borrowed, valid for the process. Thread-safe; lock-free once a locale
 * name has been used (past 128 distinct names, further names are
 * resolved afresh under a lock, so hostile names cannot grow memory).
 */
const char *errcat_tr(const char *locale, const char *msgid);

/*
 * Sets DIR for errcat_tr, like bindtextdomain("errcat", dir); NULL
 * restores the compiled-in default (ERRCAT_LOCALEDIR). The string is
 * copied. Texts already returned stay valid; later calls read from dir.
 * Meant for start-up. Returns 0, ERRCAT_EINVAL (dir empty or over 4000
 * bytes) or ERRCAT_ENOMEM.
 */
int errcat_tr_bind(const char *dir);

/* ---- Error bodies ------------------------------------------------------- */

/* An error body recognised: the entry and the arguments recovered. */
struct errcat_match {
    const struct errcat_catalog *cat;
    const struct errcat_entry *entry;
    size_t nargs;
    const char *args[ERRCAT_ARGS_MAX];  /* point into storage */
    char *storage;                      /* owned; errcat_match_free */
    int by_code_only;                   /* the message matched no template;
                                           the code names only this entry;
                                           no arguments */
    int ambiguous;                      /* another entry's template matched
                                           as well and ranked as high: this
                                           one is first in catalog order */
};

/*
 * Finds the entry of code whose English message template matches msg and
 * fills m. The literal parts of a template must match exactly; each
 * placeholder recovers one argument: an integer for %d %i %u {x:d}, hex
 * digits for %x, octal for %o, a floating number for %f %e %g %a {x:f},
 * one character for %c, any text (possibly empty) for %s %r {x} {x!r};
 * a field as wide as its width gives the argument without its padding.
 * The split is leftmost: each placeholder ends where the text after it
 * first matches and lets the rest match; between two placeholders with
 * nothing between them a number takes the longest run, a text the
 * shortest; an argument used twice must be the same text both times.
 * With several entries matching, the template with the most literal text
 * wins, then the one with more number or character placeholders, then
 * catalog order (and `ambiguous` is set). When no template matches but
 * the code names exactly one entry, that entry is the match with
 * by_code_only set and no arguments; with more entries of the code it is
 * ERRCAT_ENOMATCH. A match that would need more than about 2^14 trials
 * plus one per byte of msg (hostile input) is not found. cat NULL
 * searches the registered catalogs.
 * Returns 0; ERRCAT_ENOENT (unknown code); ERRCAT_ENOMATCH; ERRCAT_EINVAL;
 * ERRCAT_ETOOBIG (msg over ERRCAT_BODY_MAX); ERRCAT_ENOMEM. On error m is
 * empty. Free m with errcat_match_free in every case. Thread-safe.
 */
int errcat_match(const struct errcat_catalog *cat, const char *code,
                 const char *msg, struct errcat_match *m);

/*
 * The same for a body that gives an HTTP status (100..599) instead of a
 * code: among the entries of that status, with or without a code, the
 * one whose template matches msg, ranked as errcat_match does; never by
 * status alone. ERRCAT_ENOENT when no entry has the status, ERRCAT_EINVAL
 * for a status outside 100..599. O(entries) per catalog.
 */
int errcat_match_status(const struct errcat_catalog *cat,
                        unsigned http_status, const char *msg,
                        struct errcat_match *m);

/*
 * The same from a JSON error body of len bytes (parsed by jansson,
 * duplicate keys rejected), in any of the shapes services send, tried in
 * this order:
 *   {"error_code": "CODE", "error_msg": "..."}           (Huawei Cloud)
 *   {"code": CODE or STATUS, "message": "..."}            (flat)
 *   {"NAME": {"code": CODE or STATUS, "message": "..."}}  (OpenStack's
 *       {"badRequest": {"code": 400, ...}}, and {"error": {...}}: an
 *       object of one member holding such an object; other keys of the
 *       inner object are ignored, keys may come in any order)
 * A string code is matched as errcat_match does, an integer as an HTTP
 * status as errcat_match_status does. Returns as those, and ERRCAT_EBODY
 * when body is none of these shapes (or a status outside 100..599),
 * ERRCAT_ENUL when its code or message holds a NUL character (valid
 * JSON, \u0000, but no C string can carry it), ERRCAT_ETOOBIG over
 * ERRCAT_BODY_MAX bytes.
 */
int errcat_match_body(const struct errcat_catalog *cat, const char *body,
                      size_t len, struct errcat_match *m);

/* Frees what m owns and empties it; NULL-safe, idempotent. */
void errcat_match_free(struct errcat_match *m);

/* ---- JSON --------------------------------------------------------------- */

/*
 * Writes the API error body {"error_code":CODE,"error_msg":MESSAGE} of e
 * (English, formatted with args) as JSON into buf[0..size), NUL-terminated
 * when it fits, else buf is "" (if size > 0). Returns the length needed
 * (without the NUL), or a negative ERRCAT_* status. A field the entry
 * does not have (code, message) is left out of the object.
 */
long errcat_json_body(const struct errcat_catalog *cat,
                      const struct errcat_entry *e,
                      const char *const *args, size_t nargs,
                      char *buf, size_t size);

/*
 * The extended body in loc: error_code and error_msg as the API sends
 * them (English), and code, id, module, http_status, description, message
 * (formatted in loc), measure, unused, locale. Returns as errcat_json_body;
 * absent fields (code, module, http_status, texts) are left out.
 */
long errcat_json_localized(const struct errcat_catalog *cat,
                           const struct errcat_locale *loc,
                           const struct errcat_entry *e,
                           const char *const *args, size_t nargs,
                           char *buf, size_t size);

/* Flags of the _ex writers. */
#define ERRCAT_JSON_EMBED 0x1u  /* safe inside an HTML <script> or a
                                   JavaScript string: <, >, &, U+2028 and
                                   U+2029 written as \u escapes */

/* errcat_json_body and errcat_json_localized with flags (ERRCAT_JSON_*). */
long errcat_json_body_ex(const struct errcat_catalog *cat,
                         const struct errcat_entry *e,
                         const char *const *args, size_t nargs,
                         unsigned flags, char *buf, size_t size);
long errcat_json_localized_ex(const struct errcat_catalog *cat,
                              const struct errcat_locale *loc,
                              const struct errcat_entry *e,
                              const char *const *args, size_t nargs,
                              unsigned flags, char *buf, size_t size);

/*
 * Rewrites the JSON text json[0..len) safe to embed, as ERRCAT_JSON_EMBED
 * does: <, >, & as \u003c, \u003e, \u0026 and U+2028, U+2029 as \u2028,
 * \u2029 (outside strings JSON has none of them, so the text means the
 * same). Writes into buf[0..size), NUL-terminated when it fits, else buf
 * is "" (if size > 0); returns the length needed without the NUL.
 * Thread-safe; no allocation.
 */
size_t errcat_json_embed(const char *json, size_t len, char *buf,
                         size_t size);

#if defined __GNUC__ && __GNUC__ >= 4
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif
