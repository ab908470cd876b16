/*
 * emit_docs_html.c - a catalog's reference page as one standalone HTML
 * file: no external resource, lang and dir set, module groups merged with
 * rowspan, an anchor per code. On a narrow screen the table reflows into
 * one block per error (each cell labelled by its column's class), so a 390 px phone needs no
 * horizontal scrolling; a print style keeps rows whole.
 */
#include <string.h>

#include "docs.h"
#include "emit.h"
#include "placeholder.h"

static const char style[] =
    ":root{color-scheme:light;--line:#d0d7de;--muted:#57606a;"
    "--head:#f6f8fa;--accent:#0b5cad}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:80rem;padding:1rem;line-height:1.5;"
    "color:#1f2328;background:#fff;"
    "font-family:system-ui,\"Noto Sans\",\"Segoe UI\",Roboto,"
    "\"Helvetica Neue\",Arial,sans-serif}\n"
    ":lang(zh-CN),:lang(zh-SG),:lang(zh-Hans){font-family:"
    "\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\","
    "\"Source Han Sans SC\",sans-serif}\n"
    ":lang(zh-TW),:lang(zh-HK),:lang(zh-MO),:lang(zh-Hant){font-family:"
    "\"Noto Sans CJK TC\",\"PingFang TC\",\"Microsoft JhengHei\","
    "\"Source Han Sans TC\",sans-serif}\n"
    ":lang(ja){font-family:\"Noto Sans CJK JP\",\"Hiragino Sans\","
    "\"Yu Gothic\",sans-serif}\n"
    ":lang(ko){font-family:\"Noto Sans CJK KR\",\"Malgun Gothic\","
    "sans-serif}\n"
    ":lang(ar),:lang(fa),:lang(ur){font-family:\"Noto Naskh Arabic\","
    "\"Noto Sans Arabic\",\"Segoe UI\",Tahoma,sans-serif}\n"
    ":lang(en){font-family:system-ui,\"Noto Sans\",\"Segoe UI\",Roboto,"
    "Arial,sans-serif}\n"
    "h1{font-size:1.6rem;margin:.5rem 0}\n"
    ".subtitle{color:var(--muted);margin-top:0}\n"
    "pre{background:var(--head);border:1px solid var(--line);"
    "padding:.75rem;white-space:pre-wrap;overflow-wrap:anywhere}\n"
    "code,pre,td.code a,.api{font-family:ui-monospace,\"Noto Sans Mono\","
    "\"DejaVu Sans Mono\",Menlo,Consolas,monospace;font-size:.9em}\n"
    "table{border-collapse:collapse;width:100%}\n"
    "th,td{border:1px solid var(--line);padding:.4rem .5rem;"
    "vertical-align:top;text-align:start;overflow-wrap:break-word}\n"
    "td.code{white-space:nowrap}\n"
    "th{background:var(--head)}\n"
    "td.module{font-weight:600}\n"
    "tr.unused td:not(.module){color:var(--muted)}\n"
    ".badge{display:inline-block;border:1px solid var(--line);"
    "border-radius:.6rem;padding:0 .45rem;font-size:.8em;"
    "color:var(--muted)}\n"
    ".localized{display:block;margin-top:.25rem}\n"
    "a{color:var(--accent)}\n"
    ":target{background:#fff8c5}\n"
    ".bar{display:flex;height:.8rem;min-width:6rem;background:#eaeef2;"
    "border-radius:.4rem;overflow:hidden}\n"
    ".bar .t{background:#1a7f37}.bar .f{background:#bf8700}\n"
    "@media (max-width:48rem){\n"
    "table,thead,tbody,tr,th,td{display:block}\n"
    "thead{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0 0 0 0)}\n"
    "tbody{border:1px solid var(--line);margin-bottom:1rem}\n"
    "tr{border-top:1px solid var(--line);padding:.3rem .5rem}\n"
    "td{border:none;padding:.15rem 0;overflow-wrap:anywhere}\n"
    "td.code{white-space:normal}\n"
    "td::before{content:attr(data-label);display:block;font-size:.8em;"
    "font-weight:600;color:var(--muted)}\n"
    "td.module{background:var(--head);margin:-.3rem -.5rem .2rem;"
    "padding:.4rem .5rem}\n"
    "td.module::before{display:none}\n"
    "}\n"
    "@media print{body{max-width:none;padding:0;font-size:9pt}"
    "a{color:inherit;text-decoration:none}tr{break-inside:avoid}"
    "thead{display:table-header-group}:target{background:none}}\n";

void
emit_docs_html_text(struct buf *out, const char *s)
{
    for (;;) {
        size_t n = strcspn(s, "&<>\"\n\r");

        buf_add(out, s, n);
        s += n;
        switch (*s++) {
        case '\0': return;
        case '&': buf_add(out, "&amp;", 5); break;
        case '<': buf_add(out, "&lt;", 4); break;
        case '>': buf_add(out, "&gt;", 4); break;
        case '"': buf_add(out, "&quot;", 6); break;
        case '\n': buf_add(out, "<br>", 4); break;
        default: break;             /* '\r' of a "\r\n" */
        }
    }
}

void
emit_docs_html_open(struct buf *out, const struct model_catalog *cat,
                    const char *tag, int rtl, const char *title,
                    const char *css)
{
    buf_puts(out, "<!DOCTYPE html>\n");
    if (cat)
        emit_banner(out, cat, "<!-- ", " -->");
    buf_puts(out, "<html lang=\"");
    emit_docs_html_text(out, tag);
    buf_puts(out, rtl ? "\" dir=\"rtl\">\n" : "\" dir=\"ltr\">\n");
    buf_puts(out, "<head>\n<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, "
             "initial-scale=1\">\n<title>");
    emit_docs_html_text(out, title);
    buf_puts(out, "</title>\n<style>\n");
    buf_puts(out, style);
    if (css)
        buf_puts(out, css);
    buf_puts(out, "</style>\n</head>\n<body>\n<main>\n");
}

void
emit_docs_html_close(struct buf *out)
{
    buf_puts(out, "</main>\n</body>\n</html>\n");
}

/* A text that is English whatever the page's language: lang="en" and,
   on a right-to-left page, its own direction. */
static void
english(struct buf *out, const struct docs_page *p, const char *cls,
        const char *s)
{
    int mark = strcmp(p->lang->code, "en") != 0;

    if (mark || cls) {
        buf_puts(out, "<span");
        if (cls) {
            buf_puts(out, " class=\"");
            buf_puts(out, cls);
            buf_putc(out, '"');
        }
        if (mark)
            buf_puts(out, " lang=\"en\" dir=\"ltr\"");
        buf_putc(out, '>');
    }
    emit_docs_html_text(out, s);
    if (mark || cls)
        buf_puts(out, "</span>");
}

/* A message template; on a right-to-left page each placeholder is
   isolated left to right, so "%s" or "{name}" is not turned around. */
static void
html_template(struct buf *out, const char *s, int style, int rtl)
{
    struct errcat__ph ph;
    struct buf piece = { NULL, 0, 0 };
    size_t pos = 0, n = strlen(s);

    if (!rtl || style == ERRCAT_FORMAT_NONE) {
        emit_docs_html_text(out, s);
        return;
    }
    while (errcat__ph_next(s, n, &pos,
                           errcat__ph_mode_of((enum errcat_format)style), &ph)
           != ERRCAT__PH_END) {
        piece.len = 0;
        buf_add(&piece, s + ph.start, ph.len);
        if (errcat__ph_is_arg(ph.kind))
            buf_puts(out, "<span dir=\"ltr\">");
        emit_docs_html_text(out, piece.data);
        if (errcat__ph_is_arg(ph.kind))
            buf_puts(out, "</span>");
    }
    buf_free(&piece);
}

static void
td_open(struct buf *out, const char *cls)
{
    buf_puts(out, "<td class=\"");
    buf_puts(out, cls);
    buf_puts(out, "\">");
}

/* A CSS string: quotes, backslashes and line breaks escaped, and '<' so
   that no "</style" can end the style sheet. */
static void
css_string(struct buf *out, const char *s)
{
    buf_putc(out, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            buf_putc(out, '\\');
        if (*s == '\n')
            buf_puts(out, "\\A ");
        else if (*s == '<')
            buf_puts(out, "\\3C ");
        else
            buf_putc(out, *s);
    }
    buf_putc(out, '"');
}

/* The columns, each cell of one with its class: on a narrow screen the
   class's ::before shows the column's header, set once in the page's
   style rather than in every cell. */
static const struct {
    unsigned column;
    const char *cls;
    const char *label;
} columns[] = {
    { DOCS_COL_MODULE, "module", N_("Module") },
    { DOCS_COL_STATUS, "status", N_("HTTP Status Code") },
    { DOCS_COL_CODE, "code", N_("Error Code") },
    { DOCS_COL_DESCRIPTION, "desc", N_("Description") },
    { DOCS_COL_MESSAGE, "msg", N_("Error Message") },
    { DOCS_COL_MEASURE, "measure", N_("Measure") },
};

static void
html_row(struct buf *out, const struct docs_page *p, size_t i, size_t span)
{
    const struct model_catalog *cat = p->cat;
    const struct model_entry *e = &cat->entries[i];
    const char *t, *src;

    buf_puts(out, "<tr id=\"entry-");
    emit_docs_html_text(out, e->id);
    buf_putc(out, '"');
    if (e->unused)
        buf_puts(out, " class=\"unused\"");
    buf_puts(out, ">");
    if ((p->columns & DOCS_COL_MODULE) && span) {
        buf_puts(out, "<td class=\"module\"");
        if (span > 1) {
            buf_puts(out, " rowspan=\"");
            buf_putl(out, (long)span);
            buf_putc(out, '"');
        }
        buf_putc(out, '>');
        t = docs_module_name(p, e);
        emit_docs_html_text(out, t ? t : "");
        buf_puts(out, "</td>");
    }
    if (p->columns & DOCS_COL_STATUS) {
        td_open(out, "status");
        if (e->http_status > 0)
            buf_putl(out, e->http_status);
        buf_puts(out, "</td>");
    }
    if (p->columns & DOCS_COL_CODE) {
        td_open(out, "code");
        if (e->code && *e->code) {
            /* The first entry of a code holds the code's anchor. */
            int first = p->first_of_code[i];

            buf_puts(out, first ? "<a id=\"" : "<a data-code=\"");
            emit_docs_html_text(out, e->code);
            buf_puts(out, "\" href=\"#");
            emit_docs_html_text(out, e->code);
            buf_puts(out, "\" dir=\"ltr\">");
            emit_docs_html_text(out, e->code);
            buf_puts(out, "</a>");
        }
        buf_puts(out, "</td>");
    }
    if (p->columns & DOCS_COL_DESCRIPTION) {
        td_open(out, "desc");
        t = docs_entry_text(p, e, FIELD_DESCRIPTION);
        emit_docs_html_text(out, t ? t : "");
        if (docs_needs_unused_mark(e)) {
            buf_puts(out, " <span class=\"badge\">");
            emit_docs_html_text(out, docs_tr(p, N_("(Not used currently.)")));
            buf_puts(out, "</span>");
        }
        buf_puts(out, "</td>");
    }
    if (p->columns & DOCS_COL_MESSAGE) {
        td_open(out, "msg");
        src = docs_entry_source(e, FIELD_MESSAGE);
        if (src) {
            t = docs_entry_text(p, e, FIELD_MESSAGE);
            english(out, p, "api", src);
            if (strcmp(src, t) != 0) {
                buf_puts(out, "<span class=\"localized\">");
                html_template(out, t,
                              cat->texts[e->text_index[FIELD_MESSAGE]].ph.style,
                              p->lang->rtl);
                buf_puts(out, "</span>");
            }
        }
        buf_puts(out, "</td>");
    }
    if (p->columns & DOCS_COL_MEASURE) {
        td_open(out, "measure");
        t = docs_entry_text(p, e, FIELD_MEASURE);
        emit_docs_html_text(out, t ? t : "");
        buf_puts(out, "</td>");
    }
    buf_puts(out, "</tr>\n");
}

void
emit_docs_html(const struct docs_page *p, struct buf *out)
{
    const struct model_catalog *cat = p->cat;
    const char *label[6];
    struct buf title = { NULL, 0, 0 };
    size_t i, k;

    for (k = 0; k < 6; k++)
        label[k] = docs_tr(p, columns[k].label);
    buf_puts(&title, docs_tr(p, N_("Error Codes")));
    if (cat->title) {
        buf_puts(&title, " \xe2\x80\x94 ");
        buf_puts(&title, cat->title);
    }
    {
        struct buf css = { NULL, 0, 0 };

        buf_puts(&css, "@media (max-width:48rem){\n");
        for (k = 1; k < 6; k++) {
            buf_puts(&css, "td.");
            buf_puts(&css, columns[k].cls);
            buf_puts(&css, "::before{content:");
            css_string(&css, label[k]);
            buf_puts(&css, "}\n");
        }
        buf_puts(&css, "}\n");
        emit_docs_html_open(out, cat, p->lang->tag, p->lang->rtl, title.data,
                            css.data);
        buf_free(&css);
    }
    buf_free(&title);
    buf_puts(out, "<h1>");
    emit_docs_html_text(out, docs_tr(p, N_("Error Codes")));
    buf_puts(out, "</h1>\n");
    if (cat->title) {
        buf_puts(out, "<p class=\"subtitle\">");
        english(out, p, NULL, cat->title);
        buf_puts(out, "</p>\n");
    }
    if (p->example) {
        buf_puts(out, "<p>");
        emit_docs_html_text(out, docs_tr(p, N_("An example response error "
                                               "is returned as follows:")));
        buf_puts(out, "</p>\n<pre lang=\"en\" dir=\"ltr\"><code>");
        {
            struct buf b = { NULL, 0, 0 };

            emit_docs_body_example(&b, p->example, "");
            b.data[--b.len] = '\0';     /* no line break before </code> */
            for (i = 0; i < b.len; i++) {
                char c = b.data[i];

                if (c == '&')
                    buf_puts(out, "&amp;");
                else if (c == '<')
                    buf_puts(out, "&lt;");
                else if (c == '>')
                    buf_puts(out, "&gt;");
                else
                    buf_putc(out, c);
            }
            buf_free(&b);
        }
        buf_puts(out, "</code></pre>\n");
    }
    buf_puts(out, "<p>");
    emit_docs_html_text(out, docs_tr(p, N_("The following table describes "
                                           "the error codes.")));
    buf_puts(out, "</p>\n<table>\n<thead><tr>");
    for (k = 0; k < 6; k++)
        if (p->columns & columns[k].column) {
            buf_puts(out, "<th scope=\"col\">");
            emit_docs_html_text(out, label[k]);
            buf_puts(out, "</th>");
        }
    buf_puts(out, "</tr></thead>\n");
    for (i = 0; i < cat->n_entries;) {
        size_t n = docs_group_length(cat, i), j;

        buf_puts(out, "<tbody>\n");
        for (j = 0; j < n; j++)
            html_row(out, p, i + j, j == 0 ? n : 0);
        buf_puts(out, "</tbody>\n");
        i += n;
    }
    buf_puts(out, "</table>\n");
    emit_docs_html_close(out);
}
