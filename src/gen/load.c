/*
 * load.c - reads a catalog with libxml2's SAX2 parser, validated against
 * the compiled-in XML Schema as it streams (xmlSchemaSAXPlug), into the
 * model. No tree is built: memory stays proportional to the model.
 *
 * Security: the file is checked for UTF-8, NUL bytes and a document type
 * declaration before libxml2 sees it; libxml2 runs with no network, no
 * DTD loading and no entity substitution, and an entity loader that
 * refuses everything.
 *
 * Locations: at each start tag the parser stands on its '>', so the
 * byte offset of the tag is exact; lines and columns are counted in the
 * bytes this module keeps, in document order, so in linear time.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include "load.h"
#include "util.h"

extern const char errcat_gen_schema[];

static xmlSchemaPtr schema;

/* The bytes of the file being loaded, for locations. */
struct src {
    const char *path;
    const char *data;
    size_t len;
    int failed;             /* an error was reported */
    int malformed;          /* ... that is not a schema violation: the
                               model is not worth checking further */
    size_t memo_off;        /* loc_at's last answer: the next one, further */
    unsigned memo_line;     /* on in the file, goes on from there */
    unsigned memo_col;
    size_t mark_off;        /* the current tag: what lies behind memo */
    unsigned mark_line;
    unsigned mark_col;
    unsigned last_line;     /* line and hash of the last libxml2 message, */
    unsigned last_hash;     /* not repeated for each nested element */
    xmlParserCtxtPtr ctxt;  /* while parsing */
};

static xmlParserInputPtr
refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL;
}

void
load_init(void)
{
    xmlSchemaParserCtxtPtr pc;

    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_entity);
    pc = xmlSchemaNewMemParserCtxt(errcat_gen_schema,
                                   (int)strlen(errcat_gen_schema));
    if (pc) {
        schema = xmlSchemaParse(pc);
        xmlSchemaFreeParserCtxt(pc);
    }
    if (!schema) {
        fputs("errcat-gen: internal error: the built-in schema does not "
              "compile\n", stderr);
        exit(2);
    }
}

void
load_cleanup(void)
{
    xmlSchemaFree(schema);
    schema = NULL;
    xmlCleanupParser();
}

/*
 * Line and column (in characters, from 1) of byte offset off. Lookups come
 * mostly in document order, so each goes on from the last one.
 */
static struct loc
loc_at(struct src *s, size_t off)
{
    struct loc at;
    size_t i = 0;
    const char *nl;

    if (off > s->len)
        off = s->len;
    at.file = s->path;
    at.line = 1;
    at.col = 1;
    if (off >= s->memo_off) {
        i = s->memo_off;
        at.line = s->memo_line;
        at.col = s->memo_col;
    } else if (off >= s->mark_off) {
        i = s->mark_off;
        at.line = s->mark_line;
        at.col = s->mark_col;
    }
    while ((nl = memchr(s->data + i, '\n', off - i)) != NULL) {
        at.line++;
        at.col = 1;
        i = (size_t)(nl - s->data) + 1;
    }
    at.col += (unsigned)utf8_chars(s->data + i, off - i);
    s->memo_off = off;
    s->memo_line = at.line;
    s->memo_col = at.col;
    return at;
}

/* Length of a valid UTF-8 sequence at p[0..n), or 0. */
static size_t
utf8_len(const unsigned char *p, size_t n)
{
    size_t len, i;
    unsigned long cp;

    if (p[0] < 0x80)
        return 1;
    if (p[0] >= 0xc2 && p[0] <= 0xdf)
        len = 2, cp = p[0] & 0x1f;
    else if (p[0] >= 0xe0 && p[0] <= 0xef)
        len = 3, cp = p[0] & 0x0f;
    else if (p[0] >= 0xf0 && p[0] <= 0xf4)
        len = 4, cp = p[0] & 0x07;
    else
        return 0;
    if (len > n)
        return 0;
    for (i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3f);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)))
        || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
        return 0;
    return len;
}

/* Skips the prolog: the XML declaration, comments, PIs and blanks. */
static size_t
skip_prolog(const struct src *s, size_t i)
{
    const char *d = s->data;
    const char *end;

    for (;;) {
        while (i < s->len && strchr(" \t\r\n", d[i]) && d[i])
            i++;
        if (i + 4 <= s->len && memcmp(d + i, "<!--", 4) == 0)
            end = strstr(d + i + 4, "-->"), end = end ? end + 3 : NULL;
        else if (i + 2 <= s->len && memcmp(d + i, "<?", 2) == 0)
            end = strstr(d + i + 2, "?>"), end = end ? end + 2 : NULL;
        else
            return i;
        if (!end)
            return i;
        i = (size_t)(end - d);
    }
}

/*
 * What libxml2 is never shown: an empty file, a NUL byte, bytes that are
 * not UTF-8, an encoding other than UTF-8 declared, a document type
 * declaration (the door to external and recursive entities).
 */
static int
precheck(struct src *s)
{
    size_t i, n;
    struct loc at;
    const char *decl_end, *enc;

    if (s->len == 0) {
        at = loc_at(s, 0);
        diag_error(&at, "empty file: expected an errcat catalog");
        return -1;
    }
    for (i = 0; i < s->len; i += n) {
        const unsigned char *p = (const unsigned char *)s->data + i;
        uint64_t w;

        /* eight ASCII bytes, none of them NUL, at a step */
        if (s->len - i >= 8) {
            memcpy(&w, p, 8);
            if (((w | ((w - 0x0101010101010101u) & ~w))
                 & 0x8080808080808080u) == 0) {
                n = 8;
                continue;
            }
        }
        if (*p == 0) {
            at = loc_at(s, i);
            diag_error(&at, "NUL byte in catalog");
            return -1;
        }
        n = utf8_len(p, s->len - i);
        if (n == 0) {
            at = loc_at(s, i);
            diag_error(&at, "invalid UTF-8 (byte 0x%02x): catalogs are UTF-8",
                       *p);
            return -1;
        }
    }
    i = s->len >= 3 && memcmp(s->data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    if (s->len - i >= 5 && memcmp(s->data + i, "<?xml", 5) == 0
        && (decl_end = strstr(s->data + i, "?>")) != NULL) {
        enc = strstr(s->data + i, "encoding");
        if (enc && enc < decl_end) {
            const char *v = enc + 8;

            while (*v == ' ' || *v == '=' || *v == '\t')
                v++;
            if ((*v == '"' || *v == '\'')
                && strncasecmp(v + 1, "UTF-8", 5) != 0
                && strncasecmp(v + 1, "UTF8", 4) != 0) {
                at = loc_at(s, (size_t)(enc - s->data));
                diag_error(&at, "encoding must be UTF-8");
                return -1;
            }
        }
    }
    i = skip_prolog(s, i);
    if (s->len - i >= 9 && memcmp(s->data + i, "<!DOCTYPE", 9) == 0) {
        at = loc_at(s, i);
        diag_error(&at, "document type declaration not allowed: catalogs "
                   "have no DTD and no entities");
        return -1;
    }
    if (i >= s->len || s->data[i] != '<') {
        at = loc_at(s, i);
        diag_error(&at, "not XML: expected '<' to open the catalog");
        return -1;
    }
    return 0;
}
/* Offset in the file of the parser's current position. */
static size_t
parser_offset(const struct src *s)
{
    xmlParserInputPtr in = s->ctxt ? s->ctxt->input : NULL;
    size_t off;

    if (!in || !in->cur || !in->base)
        return 0;
    off = (size_t)in->consumed + (size_t)(in->cur - in->base);
    return off <= s->len ? off : s->len;
}

/* Offset of the '<' of the tag the parser is in or has just read. */
static size_t
tag_start(const struct src *s)
{
    size_t off = parser_offset(s);

    /* '<' never occurs inside attribute values */
    while (off > 0 && s->data[off] != '<')
        off--;
    return off;
}

/* Is at just past the last non-blank byte, where a cut-off file ends? */
static int
at_end(struct src *s, const struct loc *at)
{
    size_t end = s->len;
    struct loc eof;

    while (end > 0 && strchr(" \t\r\n", s->data[end - 1]))
        end--;
    eof = loc_at(s, end);
    return at->line == eof.line && at->col == eof.col;
}

static void
report(void *arg, xmlErrorPtr err)
{
    struct src *s = arg;
    struct loc at;
    char *msg;
    size_t n;

    if (!err || err->level == XML_ERR_NONE)
        return;
    if (err->domain == XML_FROM_PARSER && err->line > 0) {
        at.file = s->path;
        at.line = (unsigned)err->line;
        at.col = err->int2 > 0 ? (unsigned)err->int2 : 0;
    } else {
        /* validity: the element whose start or end tag was just read */
        at = loc_at(s, tag_start(s));
    }
    msg = xstrdup(err->message ? err->message : "malformed catalog");
    n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    if (err->domain == XML_FROM_PARSER && err->code == XML_ERR_DOCUMENT_END
        && at_end(s, &at)) {
        free(msg);
        msg = xstrdup("premature end of file: an element is not closed");
    }
    if (strstr(msg, "xcessive depth in document")) {
        free(msg);
        msg = xstrdup("elements nested more than 256 deep");
    }
    /* GNU style: diagnostics start in lower case */
    if (msg[0] >= 'A' && msg[0] <= 'Z' && msg[1] >= 'a' && msg[1] <= 'z')
        msg[0] = (char)(msg[0] - 'A' + 'a');
    if (err->level != XML_ERR_WARNING && err->domain != XML_FROM_SCHEMASV)
        s->malformed = 1;
    if (at.line == s->last_line && model_hash(msg) == s->last_hash) {
        s->failed |= err->level != XML_ERR_WARNING;
        free(msg);
        return;
    }
    s->last_line = at.line;
    s->last_hash = model_hash(msg);
    if (err->level == XML_ERR_WARNING) {
        diag_warning(&at, "%s", msg);
    } else {
        diag_error(&at, "%s", msg);
        s->failed = 1;
    }
    free(msg);
}

/* What the SAX callbacks build. */
struct state {
    struct src *s;
    struct model_catalog *cat;
    int depth;
    int in_entry;           /* an <entry> is open at depth 1 */
    char **dst;             /* text being collected goes here */
    int dst_depth;
    struct buf text;
};

/* The value of attribute name among SAX2's (localname, prefix, URI,
   value, end) quintuples, copied; NULL if absent. */
static char *
attr(struct state *st, const xmlChar **attrs, int n, const char *name,
     const xmlChar **where)
{
    int i;

    for (i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;

        if (!a[2] && strcmp((const char *)a[0], name) == 0) {
            if (where)
                *where = a[3];
            return model_strndup(st->cat, (const char *)a[3],
                                 (size_t)(a[4] - a[3]));
        }
    }
    return NULL;
}

/* Where attribute name is written in the tag at tag_off, found in the
   bytes (outside quoted values), or the tag itself. */
static struct loc
name_loc(struct src *s, const char *name, const struct loc *tag,
         size_t tag_off)
{
    size_t i, n = strlen(name);
    char quote = 0;

    for (i = tag_off; i < s->len && (quote || s->data[i] != '>'); i++) {
        if (quote) {
            if (s->data[i] == quote)
                quote = 0;
        } else if (s->data[i] == '"' || s->data[i] == '\'') {
            quote = s->data[i];
        } else if (strchr(" \t\r\n", s->data[i]) && i + 1 + n < s->len
                   && memcmp(s->data + i + 1, name, n) == 0
                   && strchr(" \t\r\n=", s->data[i + 1 + n])) {
            return loc_at(s, i + 1);
        }
    }
    return *tag;
}

/* Location of the attribute whose value SAX2 gave; when libxml2 handed
   a copy of the value (entities, non-ASCII), found by its name. */
static struct loc
attr_loc(struct state *st, const xmlChar *value, const char *name,
         const struct loc *tag, size_t tag_off)
{
    xmlParserInputPtr in = st->s->ctxt->input;
    size_t off;

    if (!value)
        return *tag;
    if (!in || value < in->base || value >= in->end
        || (off = (size_t)in->consumed + (size_t)(value - in->base))
           <= tag_off || off > st->s->len)
        return name_loc(st->s, name, tag, tag_off);
    /* back from the value over quote, '=' and blanks to the name */
    off--;
    while (off > tag_off && strchr(" \t\r\n=", st->s->data[off - 1]))
        off--;
    while (off > tag_off && !strchr(" \t\r\n", st->s->data[off - 1]))
        off--;
    return loc_at(st->s, off);
}

/* The integer v, clamped to +-100000; 0 and *ok 0 when v is none (the
   schema reports that). */
static int
to_int(const char *v, int *ok)
{
    long n;
    char *end;

    *ok = 0;
    if (!v)
        return 0;
    errno = 0;
    n = strtol(v, &end, 10);
    if (end == v || *end || errno || n < -2147483647 - 1 || n > 2147483647)
        return 0;               /* not an xs:int */
    *ok = 1;
    if (n < -100000 || n > 100000)
        return n < 0 ? -100000 : 100000;
    return (int)n;
}

/* Collects the text of the element just opened, at depth st->depth,
   into *dst. */
static void
collect(struct state *st, char **dst)
{
    *dst = NULL;
    st->dst = dst;
    st->dst_depth = st->depth;
    st->text.len = 0;
    buf_add(&st->text, "", 0);
}

static void
on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
         const xmlChar *uri, int nb_ns, const xmlChar **ns, int nb_attrs,
         int nb_defaulted, const xmlChar **attrs)
{
    static const char *const fields[ENTRY_TEXTS] = {
        "description", "message", "measure"
    };
    struct state *st = ctx;
    struct model_catalog *cat = st->cat;
    const char *name = (const char *)localname;
    size_t off = tag_start(st->s), end = parser_offset(st->s);
    struct loc at = loc_at(st->s, off), text_at;
    const xmlChar *v[6] = { NULL, NULL, NULL, NULL, NULL, NULL };
    int f, depth = st->depth++;

    st->s->mark_off = off;
    st->s->mark_line = at.line;
    st->s->mark_col = at.col;

    (void)prefix;
    (void)uri;
    (void)nb_ns;
    (void)ns;
    (void)nb_defaulted;
    text_at = loc_at(st->s, end < st->s->len && st->s->data[end] == '>'
                     ? end + 1 : end);
    if (depth == 0 && strcmp(name, "catalog") == 0) {
        char *num = attr(st, attrs, nb_attrs, "number", &v[0]);
        int ok;

        cat->loc = at;
        cat->name = attr(st, attrs, nb_attrs, "name", NULL);
        cat->domain = attr(st, attrs, nb_attrs, "domain", NULL);
        cat->prefix = attr(st, attrs, nb_attrs, "prefix", NULL);
        cat->title = attr(st, attrs, nb_attrs, "title", NULL);
        cat->code_pattern = attr(st, attrs, nb_attrs, "code-pattern", &v[1]);
        cat->code_pattern_loc = attr_loc(st, v[1], "code-pattern", &at, off);
        cat->project_version = attr(st, attrs, nb_attrs, "project-version",
                                    &v[2]);
        cat->project_version_loc = attr_loc(st, v[2], "project-version", &at,
                                            off);
        cat->bugs = attr(st, attrs, nb_attrs, "bugs", &v[3]);
        cat->bugs_loc = attr_loc(st, v[3], "bugs", &at, off);
        cat->pot_date = attr(st, attrs, nb_attrs, "pot-creation-date", &v[4]);
        cat->pot_date_loc = attr_loc(st, v[4], "pot-creation-date", &at, off);
        cat->number = to_int(num, &ok);
        cat->number_loc = attr_loc(st, v[0], "number", &at, off);
    } else if (depth == 1 && strcmp(name, "module") == 0) {
        struct model_module *m = model_add_module(cat);

        m->id = attr(st, attrs, nb_attrs, "id", NULL);
        m->loc = at;
        m->name_loc = text_at;
        st->in_entry = 0;
        collect(st, &m->name);
    } else if (depth == 1 && strcmp(name, "entry") == 0) {
        struct model_entry *e = model_add_entry(cat);
        char *status, *unused, *format;

        e->loc = at;
        e->id = attr(st, attrs, nb_attrs, "id", &v[0]);
        e->code = attr(st, attrs, nb_attrs, "code", &v[1]);
        status = attr(st, attrs, nb_attrs, "http-status", &v[2]);
        e->module_ref = attr(st, attrs, nb_attrs, "module", &v[3]);
        unused = attr(st, attrs, nb_attrs, "unused", NULL);
        format = attr(st, attrs, nb_attrs, "format", &v[4]);
        e->format = -1;
        for (f = 0; format && f < 4; f++)
            if (strcmp(format, model_format_name[f]) == 0)
                e->format = f;
        e->format_loc = attr_loc(st, v[4], "format", &at, off);
        e->http_status = to_int(status, &e->has_status);
        e->unused = unused && (strcmp(unused, "true") == 0
                               || strcmp(unused, "1") == 0);
        e->id_loc = attr_loc(st, v[0], "id", &at, off);
        e->code_loc = attr_loc(st, v[1], "code", &at, off);
        e->status_loc = attr_loc(st, v[2], "http-status", &at, off);
        e->module_loc = attr_loc(st, v[3], "module", &at, off);
        st->in_entry = 1;
    } else if (depth == 2 && st->in_entry && cat->n_entries > 0) {
        struct model_entry *e = &cat->entries[cat->n_entries - 1];

        for (f = 0; f < ENTRY_TEXTS; f++) {
            if (strcmp(name, fields[f]) == 0) {
                e->text_loc[f] = text_at;
                collect(st, &e->text[f]);
            }
        }
        if (strcmp(name, "arg") == 0) {
            struct model_arg *a = model_add_arg(e);

            a->name = attr(st, attrs, nb_attrs, "name", NULL);
            a->loc = at;
            collect(st, &a->text);
        } else if (strcmp(name, "note") == 0) {
            /* field= puts a note on that text only; without it the note
               goes with every text of the entry */
            char *field = attr(st, attrs, nb_attrs, "field", NULL);
            char **dst = &e->note;

            for (f = 0; field && f < ENTRY_TEXTS; f++)
                if (strcmp(field, fields[f]) == 0)
                    dst = &e->field_note[f];
            if (*dst && field)
                diag_error(&at, "second <note field=\"%s\"> in entry '%s': "
                           "one note per field", field, e->id ? e->id : "");
            else if (*dst)
                diag_error(&at, "second <note> without field= in entry "
                           "'%s': one note per field", e->id ? e->id : "");
            collect(st, dst);
        }
    }
}

static void
on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
       const xmlChar *uri)
{
    struct state *st = ctx;

    (void)localname;
    (void)prefix;
    (void)uri;
    if (st->dst && st->depth == st->dst_depth) {
        *st->dst = model_strndup(st->cat, st->text.data, st->text.len);
        st->dst = NULL;
    }
    st->depth--;
}

static void
on_text(void *ctx, const xmlChar *ch, int len)
{
    struct state *st = ctx;

    if (st->dst && st->depth == st->dst_depth)
        buf_add(&st->text, ch, (size_t)len);
}

static void
on_reference(void *ctx, const xmlChar *name)
{
    struct state *st = ctx;
    struct loc at = loc_at(st->s, parser_offset(st->s));

    diag_error(&at, "entity '%s' is not allowed in catalogs",
               (const char *)name);
    st->s->failed = 1;
    st->s->malformed = 1;
}

/*
 * After schema errors: keeps what the content checks can read, so that one
 * run reports both. Modules and entries without an id are dropped (the
 * schema has said so) and a missing catalog name, domain or prefix reads
 * as "".
 */
static void
salvage(struct model_catalog *cat)
{
    size_t i, n;

    if (!cat->name)
        cat->name = model_strndup(cat, "", 0);
    if (!cat->domain)
        cat->domain = model_strndup(cat, "", 0);
    if (!cat->prefix)
        cat->prefix = model_strndup(cat, "", 0);
    for (i = n = 0; i < cat->n_modules; i++)
        if (cat->modules[i].id && cat->modules[i].name)
            cat->modules[n++] = cat->modules[i];
    cat->n_modules = n;
    for (i = n = 0; i < cat->n_entries; i++) {
        struct model_entry *e = &cat->entries[i];
        size_t a;

        for (a = 0; a < e->n_args; a++)
            if (!e->args[a].text)
                e->args[a].text = model_strndup(cat, "", 0);
        if (e->id)
            cat->entries[n++] = *e;
        else
            free(e->args);
    }
    cat->n_entries = n;
}

/* Fills what a schema-valid catalog always has, so later stages can rely
   on it even after a schema error was reported. */
static int
complete(const struct model_catalog *cat)
{
    size_t i, f;

    if (!cat->name || !cat->domain || !cat->prefix)
        return 0;
    for (i = 0; i < cat->n_modules; i++)
        if (!cat->modules[i].id || !cat->modules[i].name)
            return 0;
    for (i = 0; i < cat->n_entries; i++) {
        const struct model_entry *e = &cat->entries[i];

        if (!e->id)
            return 0;
        for (f = 0; f < e->n_args; f++)
            if (!e->args[f].text)
                return 0;
    }
    return 1;
}


enum load_status
load_catalog_memory(const char *path, const char *data, size_t len,
                    struct model_catalog **out)
{
    struct src s;
    struct state st;
    xmlSAXHandler sax, *saxp = &sax;
    void *user = &st;
    xmlSchemaValidCtxtPtr vctxt;
    xmlSchemaSAXPlugPtr plug;
    xmlParserCtxtPtr ctxt;
    struct model_catalog *cat;
    unsigned before = diag_errors();
    int valid, ctxt_well_formed;

    *out = NULL;
    memset(&s, 0, sizeof s);
    s.path = path;
    s.data = data;
    s.len = len;
    s.memo_line = s.memo_col = 1;
    s.mark_line = s.mark_col = 1;
    if (precheck(&s) < 0)
        return LOAD_INVALID;
    if (len > (size_t)2147483647) {
        struct loc at = { path, 0, 0 };

        diag_error(&at, "file too large");
        return LOAD_INVALID;
    }

    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.ignorableWhitespace = on_text;
    sax.reference = on_reference;
    memset(&st, 0, sizeof st);
    st.s = &s;
    st.cat = cat = model_catalog_new(path);

    vctxt = xmlSchemaNewValidCtxt(schema);
    plug = vctxt ? xmlSchemaSAXPlug(vctxt, &saxp, &user) : NULL;
    ctxt = plug ? xmlCreateMemoryParserCtxt(data, (int)len) : NULL;
    if (!ctxt) {
        if (plug)
            xmlSchemaSAXUnplug(plug);
        xmlSchemaFreeValidCtxt(vctxt);
        model_catalog_free(cat);
        diag_error(NULL, "%s: cannot start the XML parser", path);
        return LOAD_IO;
    }
    memcpy(ctxt->sax, saxp, sizeof *saxp);
    ctxt->userData = user;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    s.ctxt = ctxt;
    xmlSchemaSetValidStructuredErrors(vctxt, report, &s);
    xmlSetStructuredErrorFunc(&s, report);
    xmlParseDocument(ctxt);
    xmlSetStructuredErrorFunc(NULL, NULL);
    ctxt_well_formed = ctxt->wellFormed;
    valid = ctxt_well_formed && xmlSchemaIsValid(vctxt) == 1;
    s.ctxt = NULL;
    xmlFreeParserCtxt(ctxt);
    xmlSchemaSAXUnplug(plug);
    xmlSchemaFreeValidCtxt(vctxt);
    buf_free(&st.text);
    if (!ctxt_well_formed)
        s.malformed = 1;
    if (!valid)
        s.failed = 1;
    if (s.failed && !s.malformed && diag_errors() > before) {
        salvage(cat);
        *out = cat;
        return LOAD_SCHEMA;
    }
    if (s.failed || diag_errors() > before || !complete(cat)) {
        if (diag_errors() == before) {
            struct loc at = loc_at(&s, 0);

            diag_error(&at, "not a valid errcat catalog");
        }
        model_catalog_free(cat);
        return LOAD_INVALID;
    }
    *out = cat;
    return LOAD_OK;
}

enum load_status
load_catalog(const char *path, struct model_catalog **out)
{
    FILE *fp;
    char *data = NULL;
    size_t len = 0, cap = 0, n;
    enum load_status status;
    struct stat st;

    *out = NULL;
    fp = fopen(path, "rb");
    if (!fp) {
        diag_error(NULL, "cannot open '%s': %s", path, strerror(errno));
        return LOAD_IO;
    }
    if (fstat(fileno(fp), &st) == 0 && st.st_size > (off_t)LOAD_MAX_BYTES) {
        struct loc at = { path, 0, 0 };

        fclose(fp);
        diag_error(&at, "file larger than %lu MiB: not read",
                   LOAD_MAX_BYTES >> 20);
        return LOAD_INVALID;
    }
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 65536;
            data = xrealloc(data, cap + 1);
        }
        n = fread(data + len, 1, cap - len, fp);
        len += n;
        if (len > LOAD_MAX_BYTES) {
            struct loc at = { path, 0, 0 };

            fclose(fp);
            free(data);
            diag_error(&at, "file larger than %lu MiB: not read",
                       LOAD_MAX_BYTES >> 20);
            return LOAD_INVALID;
        }
        if (n == 0)
            break;
    }
    if (ferror(fp)) {
        diag_error(NULL, "cannot read '%s': %s", path, strerror(errno));
        fclose(fp);
        free(data);
        return LOAD_IO;
    }
    fclose(fp);
    data[len] = '\0';
    status = load_catalog_memory(path, data, len, out);
    free(data);
    return status;
}
