/*
 * json.c - error bodies as JSON, through jansson: parsing the bodies a
 * server sent (then matched by match.c) and writing the API body and the
 * extended localized body, escaped by jansson. The one file that includes
 * jansson.
 */
#include <string.h>

#include <jansson.h>

#include "errcat_int.h"

/*
 * The code and message of an error body in one of the shapes
 * errcat_match_body documents, or nonzero. *code is a string or an
 * integer; both borrowed from root.
 */
static int
body_fields(json_t *root, json_t **code, json_t **msg)
{
    json_t *inner;

    if (!json_is_object(root))
        return -1;
    *code = json_object_get(root, "error_code");
    *msg = json_object_get(root, "error_msg");
    if (*code || *msg)
        return json_is_string(*code) && json_is_string(*msg) ? 0 : -1;
    *code = json_object_get(root, "code");
    *msg = json_object_get(root, "message");
    if (!*code && !*msg && json_object_size(root) == 1) {
        inner = json_object_iter_value(json_object_iter(root));
        if (!json_is_object(inner))
            return -1;
        *code = json_object_get(inner, "code");
        *msg = json_object_get(inner, "message");
    }
    return (json_is_string(*code) || json_is_integer(*code))
        && json_is_string(*msg) ? 0 : -1;
}

int
errcat_match_body(const struct errcat_catalog *cat, const char *body,
                  size_t len, struct errcat_match *m)
{
    json_error_t err;
    json_t *root, *code, *msg;
    json_int_t status;
    int rc;

    if (m == NULL)
        return ERRCAT_EINVAL;
    memset(m, 0, sizeof *m);
    if (body == NULL)
        return ERRCAT_EINVAL;
    if (len > ERRCAT_BODY_MAX)
        return ERRCAT_ETOOBIG;
    /* jansson limits nesting (2048) and rejects invalid UTF-8; \u0000 is
       valid JSON, let through to be reported as what it is */
    root = json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL,
                      &err);
    if (root == NULL)
        return json_error_code(&err) == json_error_out_of_memory
            ? ERRCAT_ENOMEM : ERRCAT_EBODY;
    if (body_fields(root, &code, &msg) != 0)
        rc = ERRCAT_EBODY;
    else if ((json_is_string(code)
              && memchr(json_string_value(code), '\0',
                        json_string_length(code)))
             || memchr(json_string_value(msg), '\0', json_string_length(msg)))
        rc = ERRCAT_ENUL;
    else if (json_is_string(code))
        rc = errcat_match(cat, json_string_value(code),
                          json_string_value(msg), m);
    else if ((status = json_integer_value(code)) < 100 || status > 599)
        rc = ERRCAT_EBODY;
    else
        rc = errcat_match_status(cat, (unsigned)status,
                                 json_string_value(msg), m);
    json_decref(root);
    return rc;
}

/* The message of e in loc formatted into a new string, or NULL. */
static char *
format_new(const struct errcat_catalog *cat, const struct errcat_locale *loc,
           const struct errcat_entry *e, const char *const *args,
           size_t nargs)
{
    size_t n = errcat_format(cat, loc, e, args, nargs, NULL, 0);
    char *s;

    if (n == (size_t)-1 || (s = errcat__malloc(n + 1)) == NULL)
        return NULL;
    errcat_format(cat, loc, e, args, nargs, s, n + 1);
    return s;
}

/* Sets key to a new string value; nonzero on failure (invalid UTF-8 in
 * an argument, or no memory). */
static int
set_string(json_t *obj, const char *key, const char *value)
{
    return json_object_set_new(obj, key, json_string(value)) != 0;
}

/* The \u escape of byte c (<, >, &), or NULL. */
static const char *
embed_escape(unsigned char c)
{
    return c == '<' ? "\\u003c" : c == '>' ? "\\u003e"
        : c == '&' ? "\\u0026" : NULL;
}

size_t
errcat_json_embed(const char *json, size_t len, char *buf, size_t size)
{
    size_t i, n = 0, k;
    const char *esc;
    char sep[7];

    for (i = 0; i < len; i++) {
        const unsigned char *p = (const unsigned char *)json + i;

        esc = embed_escape(*p);
        if (esc == NULL && *p == 0xe2 && i + 2 < len && p[1] == 0x80
            && (p[2] == 0xa8 || p[2] == 0xa9)) {
            memcpy(sep, p[2] == 0xa8 ? "\\u2028" : "\\u2029", 7);
            esc = sep;
            i += 2;
        }
        if (esc) {
            for (k = 0; k < 6; k++, n++)
                if (buf && n < size)
                    buf[n] = esc[k];
        } else {
            if (buf && n < size)
                buf[n] = (char)*p;
            n++;
        }
    }
    if (buf && size > 0)
        buf[n < size ? n : 0] = '\0';
    return n;
}

/* The same, but leaves the key out for "", an absent field: catalogs
 * have no empty texts or codes. */
static int
set_present(json_t *obj, const char *key, const char *value)
{
    return *value ? set_string(obj, key, value) : 0;
}

/* Writes obj compactly into buf as errcat_json_body documents, made safe
 * to embed with ERRCAT_JSON_EMBED. */
static long
dump(json_t *obj, unsigned flags, char *buf, size_t size)
{
    size_t need = json_dumpb(obj, NULL, 0, JSON_COMPACT);
    char *raw;

    if (need == 0 || need > (size_t)0x7fffffff)
        return ERRCAT_ENOMEM;
    if (flags & ERRCAT_JSON_EMBED) {
        if ((raw = errcat__malloc(need)) == NULL)
            return ERRCAT_ENOMEM;
        json_dumpb(obj, raw, need, JSON_COMPACT);
        need = errcat_json_embed(raw, need, buf, size);
        errcat__free(raw);
        return need > (size_t)0x7fffffff ? ERRCAT_ENOMEM : (long)need;
    }
    if (buf && need < size) {
        json_dumpb(obj, buf, size, JSON_COMPACT);
        buf[need] = '\0';
    } else if (buf && size > 0)
        buf[0] = '\0';
    return (long)need;
}

/*
 * Builds the body of e: the API fields, and with `extended` the localized
 * ones. Invalid UTF-8 in an argument gives ERRCAT_EINVAL.
 */
static long
body(const struct errcat_catalog *cat, const struct errcat_locale *loc,
     const struct errcat_entry *e, const char *const *args, size_t nargs,
     int extended, unsigned flags, char *buf, size_t size)
{
    json_t *obj = json_object();
    char *api = format_new(cat, NULL, e, args, nargs);
    char *local = extended ? format_new(cat, loc, e, args, nargs) : NULL;
    long rc = ERRCAT_ENOMEM;
    int bad = 0;

    if (obj == NULL || api == NULL || (extended && local == NULL))
        goto out;
    /* an absent field reads as "" (status 0), and its key is left out */
    bad |= set_present(obj, "error_code", errcat_entry_code(e));
    bad |= set_present(obj, "error_msg", api);
    if (extended) {
        bad |= set_present(obj, "code", errcat_entry_code(e));
        bad |= set_string(obj, "id", errcat_entry_id(e));
        bad |= set_present(obj, "module", errcat_module_name(cat, loc, e));
        if (errcat_entry_http_status(e) != 0)
            bad |= json_object_set_new(obj, "http_status", json_integer(
                                           errcat_entry_http_status(e)));
        bad |= set_present(obj, "description",
                           errcat_description(cat, loc, e));
        bad |= set_present(obj, "message", local);
        bad |= set_present(obj, "measure", errcat_measure(cat, loc, e));
        bad |= json_object_set_new(obj, "unused",
                                   json_boolean(errcat_entry_unused(e)));
        bad |= set_string(obj, "locale", errcat_locale_name(
                              loc && loc->cat == cat ? loc : NULL));
    }
    rc = bad ? ERRCAT_EINVAL : dump(obj, flags, buf, size);
out:
    if (rc < 0 && buf && size > 0)
        buf[0] = '\0';
    json_decref(obj);
    errcat__free(api);
    errcat__free(local);
    return rc;
}

long
errcat_json_body(const struct errcat_catalog *cat,
                 const struct errcat_entry *e, const char *const *args,
                 size_t nargs, char *buf, size_t size)
{
    return body(cat, NULL, e, args, nargs, 0, 0, buf, size);
}

long
errcat_json_body_ex(const struct errcat_catalog *cat,
                    const struct errcat_entry *e, const char *const *args,
                    size_t nargs, unsigned flags, char *buf, size_t size)
{
    return body(cat, NULL, e, args, nargs, 0, flags, buf, size);
}

long
errcat_json_localized(const struct errcat_catalog *cat,
                      const struct errcat_locale *loc,
                      const struct errcat_entry *e, const char *const *args,
                      size_t nargs, char *buf, size_t size)
{
    return body(cat, loc, e, args, nargs, 1, 0, buf, size);
}

long
errcat_json_localized_ex(const struct errcat_catalog *cat,
                         const struct errcat_locale *loc,
                         const struct errcat_entry *e,
                         const char *const *args, size_t nargs,
                         unsigned flags, char *buf, size_t size)
{
    return body(cat, loc, e, args, nargs, 1, flags, buf, size);
}
