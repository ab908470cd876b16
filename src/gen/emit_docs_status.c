/*
 * emit_docs_status.c - the translation status page, as Markdown and as
 * HTML: per catalog and language, how many of the domain's messages are
 * translated, fuzzy and untranslated, a bar per language, and the list of
 * what is missing, each message named by the entry that uses it.
 */
#include <string.h>

#include "docs.h"
#include "emit.h"

/* Whether language l has translations for catalog c (l 0 is English,
   the source, which the status page does not list). */
static int
has_lang(const struct docs_status *s, size_t c, size_t l)
{
    return l > 0 && s->pages[c * s->n_langs + l].present;
}

/* Who uses text i: "CSBS.6000 description", "module backup". */
static void
text_owner(struct buf *out, const struct model_catalog *cat, size_t i)
{
    const struct model_text *t = &cat->texts[i];
    const struct model_use *u = &t->uses[0];

    if (u->field == FIELD_MODULE) {
        buf_puts(out, "module ");
        buf_puts(out, cat->modules[u->owner].id);
        return;
    }
    {
        const struct model_entry *e = &cat->entries[u->owner];

        buf_puts(out, e->code && *e->code ? e->code : e->id);
        buf_putc(out, ' ');
        buf_puts(out, model_field_name[u->field]);
    }
}

/* part of whole in percent with one decimal, rounded down, so that
   99.96 is never shown as 100. */
static void
percent_number(struct buf *out, size_t part, size_t whole)
{
    unsigned long v = whole ? (unsigned long)(part * 1000 / whole) : 1000;

    buf_putl(out, (long)(v / 10));
    if (v % 10) {
        buf_putc(out, '.');
        buf_putl(out, (long)(v % 10));
    }
}

static void
percent(struct buf *out, size_t part, size_t whole)
{
    percent_number(out, part, whole);
    buf_puts(out, " %");
}

static void
md_bar(struct buf *out, size_t t, size_t f, size_t whole)
{
    size_t nt = whole ? t * 20 / whole : 20, nf = whole ? f * 20 / whole : 0,
           i;

    buf_putc(out, '`');
    for (i = 0; i < 20; i++)
        buf_puts(out, i < nt ? "\xe2\x96\x88" : i < nt + nf ? "\xe2\x96\x92"
                                                           : "\xc2\xb7");
    buf_putc(out, '`');
}

void
emit_docs_status_md(const struct docs_status *s, struct buf *out)
{
    size_t c, l, i;

    buf_puts(out, "# Translation status\n\n");
    buf_puts(out, "Translated, fuzzy and untranslated messages of each "
             "catalog's text domain, per language.\n");
    for (c = 0; c < s->n_catalogs; c++) {
        const struct model_catalog *cat = s->pages[c * s->n_langs].cat;

        buf_puts(out, "\n## ");
        buf_puts(out, cat->name);
        buf_puts(out, " (`");
        buf_puts(out, cat->domain);
        buf_puts(out, "`, ");
        buf_putl(out, (long)cat->n_texts);
        buf_puts(out, " messages)\n\n");
        buf_puts(out, "| Language | Translated | Fuzzy | Untranslated | |\n"
                 "|---|---|---|---|---|\n");
        for (l = 1; l < s->n_langs; l++) {
            const struct docs_page *p = &s->pages[c * s->n_langs + l];
            size_t n[3];

            if (!has_lang(s, c, l))
                continue;
            docs_count(p, n);
            buf_puts(out, "| ");
            buf_puts(out, p->lang->code);
            buf_puts(out, " | ");
            buf_putl(out, (long)n[0]);
            buf_puts(out, " (");
            percent(out, n[0], cat->n_texts);
            buf_puts(out, ") | ");
            buf_putl(out, (long)n[1]);
            buf_puts(out, " | ");
            buf_putl(out, (long)n[2]);
            buf_puts(out, " | ");
            md_bar(out, n[0], n[1], cat->n_texts);
            buf_puts(out, " |\n");
        }
        for (l = 1; l < s->n_langs; l++) {
            const struct docs_page *p = &s->pages[c * s->n_langs + l];
            size_t n[3];

            if (!has_lang(s, c, l))
                continue;
            docs_count(p, n);
            if (n[1] + n[2] == 0)
                continue;
            buf_puts(out, "\n### Missing in ");
            buf_puts(out, p->lang->code);
            buf_puts(out, "\n\n");
            for (i = 0; i < cat->n_texts; i++) {
                if (p->state[i] == DOCS_TRANSLATED)
                    continue;
                buf_puts(out, "- ");
                text_owner(out, cat, i);
                buf_puts(out, ": ");
                emit_docs_json_string(out, cat->texts[i].msgid);
                if (p->state[i] == DOCS_FUZZY)
                    buf_puts(out, " (fuzzy)");
                buf_putc(out, '\n');
            }
        }
    }
}

void
emit_docs_status_html(const struct docs_status *s, struct buf *out)
{
    size_t c, l, i;

    emit_docs_html_open(out, NULL, "en", 0, "Translation status", NULL);
    buf_puts(out, "<h1>Translation status</h1>\n<p>Translated, fuzzy and "
             "untranslated messages of each catalog's text domain, per "
             "language.</p>\n");
    for (c = 0; c < s->n_catalogs; c++) {
        const struct model_catalog *cat = s->pages[c * s->n_langs].cat;

        buf_puts(out, "<h2 id=\"catalog-");
        emit_docs_html_text(out, cat->name);
        buf_puts(out, "\">");
        emit_docs_html_text(out, cat->name);
        buf_puts(out, " (<code>");
        emit_docs_html_text(out, cat->domain);
        buf_puts(out, "</code>, ");
        buf_putl(out, (long)cat->n_texts);
        buf_puts(out, " messages)</h2>\n<table>\n<thead><tr>"
                 "<th scope=\"col\">Language</th>"
                 "<th scope=\"col\">Translated</th>"
                 "<th scope=\"col\">Fuzzy</th>"
                 "<th scope=\"col\">Untranslated</th>"
                 "<th scope=\"col\">Progress</th></tr></thead>\n<tbody>\n");
        for (l = 1; l < s->n_langs; l++) {
            const struct docs_page *p = &s->pages[c * s->n_langs + l];
            size_t n[3];

            if (!has_lang(s, c, l))
                continue;
            docs_count(p, n);
            buf_puts(out, "<tr><td data-label=\"Language\">");
            emit_docs_html_text(out, p->lang->code);
            buf_puts(out, "</td><td data-label=\"Translated\">");
            buf_putl(out, (long)n[0]);
            buf_puts(out, " (");
            percent(out, n[0], cat->n_texts);
            buf_puts(out, ")</td><td data-label=\"Fuzzy\">");
            buf_putl(out, (long)n[1]);
            buf_puts(out, "</td><td data-label=\"Untranslated\">");
            buf_putl(out, (long)n[2]);
            buf_puts(out, "</td><td data-label=\"Progress\"><div class=\"bar\" "
                     "role=\"img\" aria-label=\"");
            percent(out, n[0], cat->n_texts);
            buf_puts(out, " translated\"><span class=\"t\" style=\"width:");
            percent_number(out, n[0], cat->n_texts);
            buf_puts(out, "%\"></span><span class=\"f\" style=\"width:");
            percent_number(out, n[1], cat->n_texts);
            buf_puts(out, "%\"></span></div></td></tr>\n");
        }
        buf_puts(out, "</tbody>\n</table>\n");
        for (l = 1; l < s->n_langs; l++) {
            const struct docs_page *p = &s->pages[c * s->n_langs + l];
            size_t n[3];

            if (!has_lang(s, c, l))
                continue;
            docs_count(p, n);
            if (n[1] + n[2] == 0)
                continue;
            buf_puts(out, "<details>\n<summary>Missing in ");
            emit_docs_html_text(out, p->lang->code);
            buf_puts(out, ": ");
            buf_putl(out, (long)(n[1] + n[2]));
            buf_puts(out, "</summary>\n<ul>\n");
            for (i = 0; i < cat->n_texts; i++) {
                struct buf who = { NULL, 0, 0 };

                if (p->state[i] == DOCS_TRANSLATED)
                    continue;
                text_owner(&who, cat, i);
                buf_puts(out, "<li><code>");
                emit_docs_html_text(out, who.data);
                buf_puts(out, "</code>: <span lang=\"en\">");
                emit_docs_html_text(out, cat->texts[i].msgid);
                buf_puts(out, "</span>");
                if (p->state[i] == DOCS_FUZZY)
                    buf_puts(out, " <span class=\"badge\">fuzzy</span>");
                buf_puts(out, "</li>\n");
                buf_free(&who);
            }
            buf_puts(out, "</ul>\n</details>\n");
        }
    }
    emit_docs_html_close(out);
}
