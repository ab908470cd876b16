/*
 * load.c - reads a catalog with libxml2's streaming xmlTextReader, validated
 * against the compiled-in RELAX NG schema while it streams, into the model.
 *
 * Security: the file is checked for UTF-8, NUL bytes and a document type
 * declaration before libxml2 sees it; libxml2 runs with no network, no
 * DTD loading and no entity substitution, and an entity loader that
 * refuses everything. libxml2 gives no columns for elements, so columns
 * are found by scanning the bytes, which load_catalog keeps.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include "load.h"
#include "util.h"

extern const char errcat_gen_schema[];

static xmlRelaxNGPtr schema;

/* The bytes of the file being loaded, for locations. */
struct src {
    const char *path;
    const char *data;
    size_t len;
    size_t cursor;          /* offset of the last element found */
    int failed;             /* a libxml2 error was reported */
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
    xmlRelaxNGParserCtxtPtr pc;

    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_entity);
    pc = xmlRelaxNGNewMemParserCtxt(errcat_gen_schema,
                                    (int)strlen(errcat_gen_schema));
    if (pc) {
        schema = xmlRelaxNGParse(pc);
        xmlRelaxNGFreeParserCtxt(pc);
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
    xmlRelaxNGFree(schema);
    schema = NULL;
    xmlCleanupParser();
}

/* Line and column (in characters, from 1) of byte offset off. */
static struct loc
loc_at(const struct src *s, size_t off)
{
    struct loc at;
    size_t i;

    at.file = s->path;
    at.line = 1;
    at.col = 1;
    for (i = 0; i < off && i < s->len; i++) {
        unsigned char c = (unsigned char)s->data[i];

        if (c == '\n') {
            at.line++;
            at.col = 1;
        } else if ((c & 0xc0) != 0x80) {
            at.col++;
        }
    }
    return at;
}

/* Offset of the first byte of line `line`, or len. */
static size_t
line_start(const struct src *s, unsigned line)
{
    size_t i = 0;
    unsigned l = 1;

    while (l < line && i < s->len) {
        if (s->data[i++] == '\n')
            l++;
    }
    return i;
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

/* Is c a byte that may follow an element name in a tag? */
static int
ends_name(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>'
        || c == '/';
}

/*
 * Offset of the next start tag <name after s->cursor, skipping comments,
 * CDATA sections and PIs; elements come in document order, so the search
 * only moves forward.
 */
static size_t
find_tag(struct src *s, const char *name)
{
    size_t n = strlen(name), i = s->cursor;
    const char *d = s->data, *end;

    while (i < s->len) {
        const char *lt = memchr(d + i, '<', s->len - i);

        if (!lt)
            break;
        i = (size_t)(lt - d);
        if (strncmp(lt, "<!--", 4) == 0)
            end = strstr(lt, "-->");
        else if (strncmp(lt, "<![CDATA[", 9) == 0)
            end = strstr(lt, "]]>");
        else if (strncmp(lt, "<?", 2) == 0)
            end = strstr(lt, "?>");
        else
            end = NULL;
        if (end) {
            i = (size_t)(end - d) + 2;
            continue;
        }
        if (i + 1 + n < s->len && strncmp(lt + 1, name, n) == 0
            && ends_name((unsigned char)lt[1 + n])) {
            s->cursor = i + 1;
            return i;
        }
        i++;
    }
    return (size_t)-1;
}

/* Offset just past the '>' of the start tag at off. */
static size_t
tag_end(const struct src *s, size_t off)
{
    char quote = 0;

    for (; off < s->len; off++) {
        char c = s->data[off];

        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return off + 1;
        }
    }
    return s->len;
}

/* Location of attribute `attr` in the start tag at off, else the tag's. */
static struct loc
attr_loc(const struct src *s, size_t off, const char *attr)
{
    size_t end = tag_end(s, off), n = strlen(attr), i;
    char quote = 0;

    for (i = off; i + n < end; i++) {
        char c = s->data[i];

        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
            continue;
        }
        if (strchr(" \t\r\n", c) && c
            && strncmp(s->data + i + 1, attr, n) == 0
            && strchr(" \t\r\n=", s->data[i + 1 + n])
            && s->data[i + 1 + n])
            return loc_at(s, i + 1);
    }
    return loc_at(s, off);
}

static char *
get_attr(xmlTextReaderPtr r, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttribute(r, BAD_CAST name);
    char *s;

    if (!v)
        return NULL;
    s = xstrdup((const char *)v);
    xmlFree(v);
    return s;
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
    at.file = s->path;
    at.line = err->line > 0 ? (unsigned)err->line : 0;
    at.col = err->int2 > 0 && err->domain == XML_FROM_PARSER
        ? (unsigned)err->int2 : 0;
    if (at.line && !at.col && err->node
        && ((xmlNodePtr)err->node)->type == XML_ELEMENT_NODE) {
        size_t save = s->cursor, off;

        s->cursor = line_start(s, at.line);
        off = find_tag(s, (const char *)((xmlNodePtr)err->node)->name);
        if (off != (size_t)-1 && loc_at(s, off).line == at.line)
            at = loc_at(s, off);
        s->cursor = save;
    }
    /* libxml2's streaming RELAX NG validator repeats an error as
       "... in element  TODO  content": the first report says it all */
    if (err->message && strstr(err->message, " TODO "))
        return;
    msg = xstrdup(err->message ? err->message : "malformed catalog");
    n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    /* GNU style: diagnostics start in lower case */
    if (msg[0] >= 'A' && msg[0] <= 'Z' && msg[1] >= 'a' && msg[1] <= 'z')
        msg[0] = (char)(msg[0] - 'A' + 'a');
    if (err->level == XML_ERR_WARNING) {
        diag_warning(&at, "%s", msg);
    } else {
        diag_error(&at, "%s", msg);
        s->failed = 1;
    }
    free(msg);
}

/* The element whose text is being collected, and where it goes. */
struct text_target {
    char **dst;
    int depth;
};

static void
append_text(char **dst, const char *text)
{
    size_t a = *dst ? strlen(*dst) : 0, b = strlen(text);

    *dst = xrealloc(*dst, a + b + 1);
    memcpy(*dst + a, text, b + 1);
}

static int
to_int(const char *v)
{
    long n;
    char *end;

    if (!v)
        return 0;
    errno = 0;
    n = strtol(v, &end, 10);
    if (errno || *end || n < -100000 || n > 100000)
        return 0;
    return (int)n;
}

static int
attr_int(xmlTextReaderPtr r, const char *name)
{
    char *v = get_attr(r, name);
    int n = to_int(v);

    free(v);
    return n;
}

/* Starts collecting the text of the element under the reader into *dst. */
static void
collect(xmlTextReaderPtr r, struct text_target *t, char **dst)
{
    free(*dst);
    *dst = xstrdup("");
    if (xmlTextReaderIsEmptyElement(r))
        return;
    t->dst = dst;
    t->depth = xmlTextReaderDepth(r);
}

/* Reads the stream; builds the model as it goes. */
static void
walk(xmlTextReaderPtr r, struct src *s, struct model_catalog *cat)
{
    static const char *const fields[ENTRY_TEXTS] = {
        "description", "message", "measure"
    };
    struct model_entry *e = NULL;
    struct model_module *m;
    struct model_arg *a;
    struct text_target target = { NULL, -1 };
    struct loc at, text_at;
    const char *name;
    size_t off;
    int ret, depth, f;

    while ((ret = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);

        depth = xmlTextReaderDepth(r);
        if (type == XML_READER_TYPE_END_ELEMENT && depth == target.depth) {
            target.dst = NULL;
            target.depth = -1;
            continue;
        }
        if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
            || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            if (target.dst)
                append_text(target.dst,
                            (const char *)xmlTextReaderConstValue(r));
            continue;
        }
        if (type == XML_READER_TYPE_ENTITY_REFERENCE
            || type == XML_READER_TYPE_DOCUMENT_TYPE) {
            at.file = s->path;
            at.line = (unsigned)xmlTextReaderGetParserLineNumber(r);
            at.col = 0;
            diag_error(&at, "entities are not allowed in catalogs");
            s->failed = 1;
            continue;
        }
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        name = (const char *)xmlTextReaderConstLocalName(r);
        off = find_tag(s, name);
        if (off == (size_t)-1)
            off = s->cursor;
        at = loc_at(s, off);
        text_at = loc_at(s, tag_end(s, off));
        if (depth == 0 && strcmp(name, "catalog") == 0) {
            cat->loc = at;
            cat->name = get_attr(r, "name");
            cat->domain = get_attr(r, "domain");
            cat->prefix = get_attr(r, "prefix");
            cat->title = get_attr(r, "title");
            cat->number = attr_int(r, "number");
            cat->number_loc = attr_loc(s, off, "number");
        } else if (depth == 1 && strcmp(name, "module") == 0) {
            m = model_add_module(cat);
            m->id = get_attr(r, "id");
            m->loc = at;
            m->name_loc = text_at;
            collect(r, &target, &m->name);
            e = NULL;
        } else if (depth == 1 && strcmp(name, "entry") == 0) {
            e = model_add_entry(cat);
            e->loc = at;
            e->id = get_attr(r, "id");
            e->code = get_attr(r, "code");
            e->module_ref = get_attr(r, "module");
            e->http_status = attr_int(r, "http-status");
            e->id_loc = attr_loc(s, off, "id");
            e->code_loc = attr_loc(s, off, "code");
            e->status_loc = attr_loc(s, off, "http-status");
            e->module_loc = attr_loc(s, off, "module");
            {
                char *u = get_attr(r, "unused");

                e->unused = u && strcmp(u, "true") == 0;
                free(u);
            }
        } else if (depth == 2 && e) {
            for (f = 0; f < ENTRY_TEXTS; f++) {
                if (strcmp(name, fields[f]) == 0) {
                    e->text_loc[f] = text_at;
                    collect(r, &target, &e->text[f]);
                }
            }
            if (strcmp(name, "arg") == 0) {
                a = model_add_arg(e);
                a->name = get_attr(r, "name");
                a->loc = at;
                collect(r, &target, &a->text);
            } else if (strcmp(name, "note") == 0) {
                collect(r, &target, &e->note);
            }
        }
    }
    if (ret < 0)
        s->failed = 1;
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

        if (!e->id || !e->code || !e->module_ref)
            return 0;
        for (f = 0; f < ENTRY_TEXTS; f++)
            if (!e->text[f])
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
    xmlTextReaderPtr r;
    struct model_catalog *cat;
    unsigned before = diag_errors();

    *out = NULL;
    memset(&s, 0, sizeof s);
    s.path = path;
    s.data = data;
    s.len = len;
    if (precheck(&s) < 0)
        return LOAD_INVALID;
    r = xmlReaderForMemory(data, (int)len, path, "UTF-8", XML_PARSE_NONET);
    if (!r) {
        diag_error(NULL, "%s: cannot start the XML reader", path);
        return LOAD_IO;
    }
    xmlTextReaderSetStructuredErrorHandler(r, report, &s);
    if (xmlTextReaderRelaxNGSetSchema(r, schema) != 0) {
        xmlFreeTextReader(r);
        diag_error(NULL, "%s: cannot attach the schema", path);
        return LOAD_IO;
    }
    cat = model_catalog_new(path);
    walk(r, &s, cat);
    if (!s.failed && xmlTextReaderIsValid(r) != 1)
        s.failed = 1;
    xmlFreeTextReader(r);
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
