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

/*
 * Line breaking of printable ASCII, the bulk of catalog texts, without a
 * library call per string. For these characters libunistring's UAX #14
 * breaking is a pair table over the last non-blank character and the
 * next one, a break there being direct, allowed only after blanks, or
 * prohibited; the table is read from libunistring itself, once, and
 * make check compares the two on random texts. Layout as
 * ulc_width_linebreaks: a break goes before the piece that would pass
 * width.
 */
enum { PAIR_DIRECT, PAIR_AFTER_SPACE, PAIR_NEVER };
static unsigned char pair[128][128];
static int pair_ready;

static void
pair_init(void)
{
    char p[3];
    int x, y;

    for (x = 0x21; x < 0x7f; x++)
        for (y = 0x21; y < 0x7f; y++) {
            const char two[2] = { (char)x, (char)y };
            const char three[3] = { (char)x, ' ', (char)y };

            u8_possible_linebreaks((const uint8_t *)two, 2, "UTF-8", p);
            if (p[1] == UC_BREAK_POSSIBLE) {
                pair[x][y] = PAIR_DIRECT;
                continue;
            }
            u8_possible_linebreaks((const uint8_t *)three, 3, "UTF-8", p);
            pair[x][y] = p[2] == UC_BREAK_POSSIBLE ? PAIR_AFTER_SPACE
                                                   : PAIR_NEVER;
        }
    pair_ready = 1;
}

int
emit_po_ascii_linebreaks(const char *s, size_t n, int width, int start,
                         const char *o, char *p)
{
    size_t i;
    int last = 0, space = 0, column = start, piece = 0;
    char *last_p = NULL;

    if (!pair_ready)
        pair_init();
    for (i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        char brk = UC_BREAK_PROHIBITED;

        if (c == ' ') {
            space = 1;
        } else {
            if (last && (pair[last][c] == PAIR_DIRECT
                         || (pair[last][c] == PAIR_AFTER_SPACE && space)))
                brk = UC_BREAK_POSSIBLE;
            last = c;
            space = 0;
        }
        if (o[i] != UC_BREAK_UNDEFINED)
            brk = o[i];
        p[i] = UC_BREAK_PROHIBITED;
        if (brk == UC_BREAK_POSSIBLE) {
            /* a piece ends here: break before it if it passed width */
            if (last_p && column + piece > width) {
                *last_p = UC_BREAK_POSSIBLE;
                column = 0;
            }
            last_p = &p[i];
            column += piece;
            piece = 0;
        }
        piece++;
    }
    if (last_p && column + piece > width) {
        *last_p = UC_BREAK_POSSIBLE;
        column = 0;
    }
    return column + piece;
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

    /* the common case: one short line of plain ASCII, written as is */
    if (n + klen + 1 <= (size_t)width) {
        size_t i;

        for (i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];

            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
                break;
        }
        if (i == n) {
            buf_puts(out, keyword);
            buf_lit(out, " \"");
            buf_add(out, s, n);
            buf_lit(out, "\"\n");
            return;
        }
    }
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
            int letter;

            if (!inside && c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                /* a run of plain ASCII, copied in one piece */
                const char *q = p + 1;

                while (q < stop && (unsigned char)*q >= 0x20
                       && (unsigned char)*q < 0x7f && *q != '"'
                       && *q != '\\')
                    q++;
                memcpy(portion + len, p, (size_t)(q - p));
                memset(overrides + len, UC_BREAK_UNDEFINED, (size_t)(q - p));
                len += (size_t)(q - p);
                p = q;
                continue;
            }
            letter = escape_letter(c);
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
            if (ascii)
                emit_po_ascii_linebreaks(portion, len, width, startcol,
                                         overrides, breaks);
            else
                ulc_width_linebreaks(portion, len, width, startcol, 0,
                                     overrides, "UTF-8", breaks);
            broken = memchr(breaks, UC_BREAK_POSSIBLE, len) != NULL;
        }
        if (first && len > 0 && (stop < end || startcol > width || broken)) {
            buf_puts(out, keyword);
            buf_lit(out, " \"\"\n");
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
                    buf_lit(out, "\"\n\"");
                    from = i;
                }
            buf_add(out, portion + from, len - from);
        }
        buf_lit(out, "\"\n");
        line = stop;
    } while (line < end);
    free(inside);
}
