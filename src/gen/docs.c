/*
 * docs.c - the docs pipeline: loads and checks every catalog as generate
 * does, reads the languages of each catalog's PO directory, decides per
 * text what each page shows, and writes every page all or nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "docs.h"
#include "errcat.h"
#include "errcat_int.h"
#include "load.h"
#include "output.h"
#include "po.h"
#include "validate.h"

#define UNUSED_MARK "(Not used currently.)"

/* The languages of one catalog: en first, then its PO dir's LINGUAS. */
struct docs_catalog {
    struct model_catalog *cat;
    struct po_file **po;            /* per run language; NULL: absent */
};

const char *
docs_tr(const struct docs_page *p, const char *msgid)
{
    if (strcmp(p->lang->code, "en") == 0)
        return msgid;
    return errcat_tr(p->lang->code, msgid);
}

const char *
docs_entry_source(const struct model_entry *e, enum model_field f)
{
    const char *s = e->text[f];

    return s && *s ? s : NULL;
}

const char *
docs_entry_text(const struct docs_page *p, const struct model_entry *e,
                enum model_field f)
{
    if (!docs_entry_source(e, f))
        return NULL;
    return p->text[e->text_index[f]];
}

const char *
docs_module_name(const struct docs_page *p, const struct model_entry *e)
{
    if (e->module < 0)
        return NULL;
    return p->text[p->cat->modules[e->module].text];
}

size_t
docs_group_length(const struct model_catalog *cat, size_t i)
{
    size_t j = i + 1;

    while (j < cat->n_entries && cat->entries[j].module == cat->entries[i].module)
        j++;
    return j - i;
}

int
docs_needs_unused_mark(const struct model_entry *e)
{
    const char *d = docs_entry_source(e, FIELD_DESCRIPTION);

    return e->unused && !(d && strstr(d, UNUSED_MARK));
}

void
docs_count(const struct docs_page *p, size_t count[3])
{
    size_t i;

    count[0] = count[1] = count[2] = 0;
    for (i = 0; i < p->cat->n_texts; i++)
        count[p->state[i]]++;
}

/* BCP 47 tag of a gettext locale name: zh_CN -> zh-CN, sr@latin -> sr. */
static char *
lang_tag(const char *code)
{
    size_t n = strcspn(code, ".@");
    char *t = xstrndup(code, n);
    size_t i;

    for (i = 0; t[i]; i++)
        if (t[i] == '_')
            t[i] = '-';
    return t;
}

static int
lang_rtl(const char *code)
{
    static const char *const rtl[] = {
        "ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug",
        "ur", "yi"
    };
    size_t n = strcspn(code, "_.@"), i;

    for (i = 0; i < sizeof rtl / sizeof rtl[0]; i++)
        if (strlen(rtl[i]) == n && memcmp(rtl[i], code, n) == 0)
            return 1;
    return 0;
}

/* A language name from LINGUAS becomes a file name: nothing but
   letters, digits, '_', '@', '-' and an inner '.'. */
static int
lang_name_ok(const char *s)
{
    size_t i, n = strlen(s);

    if (n == 0 || n > 32 || s[0] == '.' || s[n - 1] == '.')
        return 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];

        if (!errcat__is_alnum(c) && c != '_' && c != '@' && c != '-'
            && c != '.')
            return 0;
        if (c == '.' && s[i + 1] == '.')
            return 0;
    }
    return 1;
}

static struct docs_lang *
find_lang(struct docs_lang *langs, size_t n, const char *code)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (strcmp(langs[i].code, code) == 0)
            return &langs[i];
    return NULL;
}

/*
 * Reads DIR/LINGUAS: words, '#' to the end of a line a comment. Adds the
 * languages to *langs (the run's union) and stores each one's name in
 * *names. Returns -1 after reporting an unreadable file or a bad name.
 */
static int
read_linguas(const char *dir, char ***names, size_t *n_names)
{
    char *path = xjoin(dir, '/', "LINGUAS");
    FILE *f = fopen(path, "r");
    char line[1024];
    unsigned lineno = 0;
    int status = 0;
    size_t cap = 0;

    if (!f) {
        diag_error(NULL, "cannot open '%s': %s", path, strerror(errno));
        free(path);
        return -1;
    }
    while (fgets(line, sizeof line, f)) {
        char *p = line, *w;

        lineno++;
        p[strcspn(p, "#\n")] = '\0';
        while ((w = strtok(p, " \t\r")) != NULL) {
            p = NULL;
            if (!lang_name_ok(w) || strcmp(w, "en") == 0) {
                struct loc at = { path, lineno, (unsigned)(w - line) + 1 };

                diag_error(&at, "'%s' is not a language name for the pages",
                           w);
                status = -1;
                continue;
            }
            *names = xgrow(*names, &cap, *n_names, sizeof **names);
            (*names)[(*n_names)++] = xstrdup(w);
        }
    }
    fclose(f);
    free(path);
    return status;
}

/* What each text of cat shows in a language with translations po. */
static void
decide_texts(const struct model_catalog *cat, const struct po_file *po,
             const char **text, unsigned char *state)
{
    size_t i;

    for (i = 0; i < cat->n_texts; i++) {
        const struct model_text *t = &cat->texts[i];
        const struct po_message *m =
            po ? po_find(po, model_field_name[t->field], t->msgid) : NULL;

        text[i] = t->msgid;
        state[i] = DOCS_UNTRANSLATED;
        if (!m || !*m->msgstr)
            continue;
        if (m->fuzzy) {
            state[i] = DOCS_FUZZY;
            continue;
        }
        /* As liberrcat: a translation whose placeholders differ from the
           source's, or that is not UTF-8, is not shown. */
        if (!errcat__utf8_valid(m->msgstr, strlen(m->msgstr))
            || !errcat__translation_ok(t->msgid,
                                       (enum errcat_format)t->ph.style,
                                       m->msgstr, strlen(m->msgstr)))
            continue;
        text[i] = m->msgstr;
        state[i] = DOCS_TRANSLATED;
    }
}

static unsigned
columns_of(const struct model_catalog *cat)
{
    unsigned c = 0;
    size_t i;

    for (i = 0; i < cat->n_entries; i++) {
        const struct model_entry *e = &cat->entries[i];

        if (e->module >= 0)
            c |= DOCS_COL_MODULE;
        if (e->http_status > 0)
            c |= DOCS_COL_STATUS;
        if (e->code && *e->code)
            c |= DOCS_COL_CODE;
        if (docs_entry_source(e, FIELD_DESCRIPTION))
            c |= DOCS_COL_DESCRIPTION;
        if (docs_entry_source(e, FIELD_MESSAGE))
            c |= DOCS_COL_MESSAGE;
        if (docs_entry_source(e, FIELD_MEASURE))
            c |= DOCS_COL_MEASURE;
    }
    return c;
}

/* Per entry, whether it is the first of its code: the code hash holds
   exactly those. */
static unsigned char *
first_of_codes(const struct model_catalog *cat)
{
    unsigned char *first = xcalloc(cat->n_entries + 1, 1);
    size_t j;

    for (j = 0; j < cat->hash_size; j++)
        if (cat->code_hash[j])
            first[cat->code_hash[j] - 1] = 1;
    return first;
}

/* The error body example: the first used entry with a code and a message
   without placeholders, else the first with a code and a message. */
static const struct model_entry *
example_of(const struct model_catalog *cat)
{
    const struct model_entry *any = NULL;
    size_t i;

    for (i = 0; i < cat->n_entries; i++) {
        const struct model_entry *e = &cat->entries[i];

        if (e->unused || !e->code || !*e->code
            || !docs_entry_source(e, FIELD_MESSAGE))
            continue;
        if (cat->texts[e->text_index[FIELD_MESSAGE]].ph.nargs == 0)
            return e;
        if (!any)
            any = e;
    }
    return any;
}

static const struct {
    unsigned format;
    const char *ext;
    void (*emit)(const struct docs_page *, struct buf *);
} page_kinds[] = {
    { DOCS_MD, "md", emit_docs_md },
    { DOCS_HTML, "html", emit_docs_html },
    { DOCS_RST, "rst", emit_docs_rst },
};

/* A page goes into a buffer sized after the last page of its kind, so
   that a 100k-entry page is not copied by a dozen reallocations. */
static void
write_page(struct output_set *outs, const char *out_dir,
           const struct docs_page *p, size_t kind, size_t *hint)
{
    struct buf b = { NULL, 0, 0 };
    struct buf path = { NULL, 0, 0 };

    if (hint[kind])
        buf_grow(&b, hint[kind] + hint[kind] / 4);
    page_kinds[kind].emit(p, &b);
    hint[kind] = b.len;
    buf_printf(&path, "%s/%s/%s.%s", out_dir, p->lang->code, p->cat->name,
               page_kinds[kind].ext);
    output_add(outs, path.data, &b);
    buf_free(&path);
}

static int
load_all(const struct docs_options *opt, struct docs_catalog *dc,
         size_t *loaded)
{
    int status = 0;
    size_t i;

    for (i = 0; i < opt->n_catalogs; i++) {
        struct model_catalog *cat = NULL;

        switch (load_catalog(opt->catalogs[i], &cat)) {
        case LOAD_IO:
            status = 2;
            continue;
        case LOAD_INVALID:
            continue;
        case LOAD_SCHEMA:
            /* reported with its content errors; no pages from it */
            model_index(cat);
            validate_catalog(cat);
            model_catalog_free(cat);
            continue;
        case LOAD_OK:
            break;
        }
        model_index(cat);
        validate_catalog(cat);
        dc[(*loaded)++].cat = cat;
    }
    if (status == 0 && diag_errors() == 0 && *loaded > 1) {
        struct model_catalog **cats = xcalloc(*loaded, sizeof *cats);

        for (i = 0; i < *loaded; i++)
            cats[i] = dc[i].cat;
        validate_together(cats, *loaded);
        free(cats);
    }
    return status;
}

int
docs_run(const struct docs_options *opt)
{
    struct docs_catalog *dc = xcalloc(opt->n_catalogs + 1, sizeof *dc);
    struct docs_lang *langs = NULL;
    struct docs_page *pages = NULL;
    unsigned char **firsts = NULL;
    struct output_set outs;
    char ***names = xcalloc(opt->n_catalogs + 1, sizeof *names);
    size_t *n_names = xcalloc(opt->n_catalogs + 1, sizeof *n_names);
    size_t loaded = 0, n_langs = 0, cap_langs = 0, i, j, k;
    size_t hint[sizeof page_kinds / sizeof page_kinds[0]] = { 0 };
    int status;

    memset(&outs, 0, sizeof outs);
    diag_set_werror(opt->werror);
    status = load_all(opt, dc, &loaded);
    /* The run's languages: en, then every catalog's in order. */
    langs = xgrow(langs, &cap_langs, n_langs, sizeof *langs);
    langs[n_langs].code = xstrdup("en");
    langs[n_langs].tag = xstrdup("en");
    langs[n_langs++].rtl = 0;
    for (i = 0; i < loaded && i < opt->n_po_dirs; i++) {
        if (read_linguas(opt->po_dirs[i], &names[i], &n_names[i]) < 0) {
            status = status ? status : 1;
            continue;
        }
        for (j = 0; j < n_names[i]; j++) {
            if (find_lang(langs, n_langs, names[i][j]))
                continue;
            langs = xgrow(langs, &cap_langs, n_langs, sizeof *langs);
            langs[n_langs].code = xstrdup(names[i][j]);
            langs[n_langs].tag = lang_tag(names[i][j]);
            langs[n_langs++].rtl = lang_rtl(names[i][j]);
        }
    }
    for (i = 0; i < loaded; i++) {
        dc[i].po = xcalloc(n_langs, sizeof *dc[i].po);
        for (j = 0; j < n_names[i]; j++) {
            struct buf path = { NULL, 0, 0 };
            size_t l = (size_t)(find_lang(langs, n_langs, names[i][j]) - langs);

            buf_printf(&path, "%s/%s.po", opt->po_dirs[i], names[i][j]);
            if (po_read(path.data, &dc[i].po[l]) < 0)
                status = status ? status : 1;
            buf_free(&path);
        }
    }
    if (status == 0 && diag_errors() > 0)
        status = 1;
    if (status != 0)
        goto out;

    pages = xcalloc(loaded * n_langs, sizeof *pages);
    firsts = xcalloc(loaded + 1, sizeof *firsts);
    for (i = 0; i < loaded; i++) {
        const struct model_catalog *cat = dc[i].cat;
        unsigned columns = columns_of(cat);

        firsts[i] = first_of_codes(cat);
        const struct model_entry *example = example_of(cat);

        for (j = 0; j < n_langs; j++) {
            struct docs_page *p = &pages[i * n_langs + j];
            const char **text = xcalloc(cat->n_texts + 1, sizeof *text);
            unsigned char *state = xcalloc(cat->n_texts + 1, 1);

            decide_texts(cat, j == 0 ? NULL : dc[i].po[j], text, state);
            if (j == 0)
                memset(state, DOCS_TRANSLATED, cat->n_texts);
            p->cat = cat;
            p->lang = &langs[j];
            p->text = text;
            p->state = state;
            p->columns = columns;
            p->example = example;
            p->present = j == 0 || dc[i].po[j] != NULL;
            p->first_of_code = firsts[i];
        }
    }
    if (output_mkdir(opt->out_dir) < 0) {
        status = 2;
        goto out;
    }
    for (j = 0; j < n_langs && status == 0; j++) {
        char *dir = xjoin(opt->out_dir, '/', langs[j].code);

        if (output_mkdir(dir) < 0)
            status = 2;
        free(dir);
    }
    for (i = 0; i < loaded && status == 0; i++)
        for (j = 0; j < n_langs; j++) {
            if (!pages[i * n_langs + j].present)
                continue;           /* not a language of this catalog */
            for (k = 0; k < sizeof page_kinds / sizeof page_kinds[0]; k++)
                if (opt->formats & page_kinds[k].format)
                    write_page(&outs, opt->out_dir, &pages[i * n_langs + j],
                               k, hint);
        }
    if (status == 0) {
        struct docs_status st;
        struct buf md = { NULL, 0, 0 }, html = { NULL, 0, 0 };
        char *path;

        st.pages = pages;
        st.n_catalogs = loaded;
        st.n_langs = n_langs;
        emit_docs_status_md(&st, &md);
        path = xjoin(opt->out_dir, '/', "status.md");
        output_add(&outs, path, &md);
        free(path);
        emit_docs_status_html(&st, &html);
        path = xjoin(opt->out_dir, '/', "status.html");
        output_add(&outs, path, &html);
        free(path);
    }
    if (status == 0 && output_commit(&outs) < 0)
        status = 2;
out:
    output_free(&outs);
    if (pages)
        for (i = 0; i < loaded * n_langs; i++) {
            free((void *)pages[i].text);
            free((void *)pages[i].state);
        }
    free(pages);
    for (i = 0; firsts && i < loaded; i++)
        free(firsts[i]);
    free(firsts);
    for (i = 0; i < loaded; i++) {
        for (j = 0; dc[i].po && j < n_langs; j++)
            po_free(dc[i].po[j]);
        free(dc[i].po);
        model_catalog_free(dc[i].cat);
    }
    for (i = 0; i < opt->n_catalogs; i++) {
        for (j = 0; j < n_names[i]; j++)
            free(names[i][j]);
        free(names[i]);
    }
    free(names);
    free(n_names);
    for (j = 0; j < n_langs; j++) {
        free(langs[j].code);
        free(langs[j].tag);
    }
    free(langs);
    free(dc);
    return status;
}
