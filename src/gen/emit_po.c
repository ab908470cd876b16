/*
 * emit_po.c - PO strings laid out exactly as GNU gettext's tools write
 * them (msgcat, msgmerge, xgettext; Weblate too), so that the first of
 * them to touch an errcat .pot changes nothing: escapes as write-po.c
 * makes them, one string per line of the text, and lines wrapped at 79
 * columns where libunistring's line breaking (UAX #14, the library
 * gettext itself calls) says, never inside an escape or a placeholder.
 */
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>

#include "emit.h"
#include "placeholder.h"

#define PO_PAGE_WIDTH 79            /* gettext's default page width */

/* Work buffers of one portion (a text line): reused, never shrunk. */
static char *portion, *overrides, *breaks;
static size_t portion_cap;

static void
reserve(size_t n)
{
    if (n <= portion_cap)
        return;
    portion_cap = n > 2 * portion_cap ? n : 2 * portion_cap;
    portion = xrealloc(portion, portion_cap);
    overrides = xrealloc(overrides, portion_cap);
    breaks = xrealloc(breaks, portion_cap);
}

void
emit_po_free(void)
{
    free(portion);
    free(overrides);
    free(breaks);
    portion = overrides = breaks = NULL;
    portion_cap = 0;
}

/* The letter of the C escape write-po.c uses for c, or 0. */
static int
escape_letter(unsigned char c)
{
    switch (c) {
    case '\a': return 'a';
    case '\b': return 'b';
    case '\f': return 'f';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    case '\v': return 'v';
    case '\\': return '\\';
    case '"': return '"';
    default: return 0;
    }
}

/* Length of the UTF-8 sequence that starts with byte c (catalogs are
   valid UTF-8, checked on load). */
static size_t
seq_len(unsigned char c)
{
    return c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/*
 * Marks in inside[] the bytes of s that lie within a placeholder of the
 * given style but do not start it: gettext does not break there.
 */
static void
mark_placeholders(const char *s, size_t n, int style, char *inside)
{
    struct errcat__ph t;
    size_t pos = 0, i;

    memset(inside, 0, n);
    if (!style)
        return;
    while (errcat__ph_next(s, n, &pos,
                           errcat__ph_mode_of((enum errcat_format)style), &t)
           != ERRCAT__PH_END)
        if (t.kind != ERRCAT__PH_TEXT && t.kind != ERRCAT__PH_BAD)
            for (i = t.start + 1; i < t.start + t.len && i < n; i++)
                inside[i] = 1;
}

/* Writes `keyword "..."` lines of one text; see the file comment. */
void
emit_po_string(struct buf *out, const char *keyword, const char *s,
               int style)
{
    size_t n = strlen(s), klen = strlen(keyword);
    const char *line = s, *end = s + n;
    char *inside = NULL;
    int first = 1;
    /* columns, as write-po.c counts them: room for both quotes, and
       lines after a break start in column 0 */
    const int width = PO_PAGE_WIDTH - 1 - 1;

    do {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        const char *stop = eol ? eol + 1 : end;
        size_t len = 0, i;
        int ascii = 1, startcol, broken = 0;
        const char *p;

        /* the escaped portion, and where breaks are overridden */
        reserve(2 * (size_t)(stop - line) + 1);
        for (p = line; p < stop; ) {
            unsigned char c = (unsigned char)*p;
            int letter = escape_letter(c);
            char brk = inside && inside[p - s] ? UC_BREAK_PROHIBITED
                                               : UC_BREAK_UNDEFINED;

            if (letter) {
                portion[len] = '\\';
                portion[len + 1] = (char)letter;
                overrides[len] = brk;
                overrides[len + 1] = UC_BREAK_PROHIBITED;
                len += 2;
                p++;
            } else {
                size_t k = seq_len(c);

                ascii &= c >= 0x20 && c < 0x7f;
                portion[len] = (char)c;
                overrides[len] = brk;
                for (i = 1; i < k; i++) {
                    portion[len + i] = p[i];
                    overrides[len + i] = UC_BREAK_PROHIBITED;
                }
                len += k;
                p += k;
            }
        }
        /* no break just before the "\n" that ends a line */
        if (stop > line && stop[-1] == '\n')
            overrides[len - 2] = UC_BREAK_PROHIBITED;

    recompute:
        startcol = first ? (int)klen + 1 : 0;
        if (ascii && startcol + (int)len <= width) {
            /* it fits: no break (placeholders do not matter either) */
            memset(breaks, UC_BREAK_PROHIBITED, len);
            broken = 0;
        } else {
            if (style && !inside) {
                /* gettext keeps placeholders whole: find them, then
                   redo this portion with its overrides */
                inside = xmalloc(n + 1);
                mark_placeholders(s, n, style, inside);
                continue;
            }
            ulc_width_linebreaks(portion, len, width, startcol, 0, overrides,
                                 "UTF-8", breaks);
            broken = memchr(breaks, UC_BREAK_POSSIBLE, len) != NULL;
        }
        if (first && len > 0 && (stop < end || startcol > width || broken)) {
            buf_puts(out, keyword);
            buf_puts(out, " \"\"\n");
            first = 0;
            goto recompute;
        }
        if (first) {
            buf_puts(out, keyword);
            buf_putc(out, ' ');
            first = 0;
        }
        buf_putc(out, '"');
        if (!broken) {
            buf_add(out, portion, len);
        } else {
            size_t from = 0;

            for (i = 0; i < len; i++)
                if (breaks[i] == UC_BREAK_POSSIBLE) {
                    buf_add(out, portion + from, i - from);
                    buf_puts(out, "\"\n\"");
                    from = i;
                }
            buf_add(out, portion + from, len - from);
        }
        buf_puts(out, "\"\n");
        line = stop;
    } while (line < end);
    free(inside);
}
