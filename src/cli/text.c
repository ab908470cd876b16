/*
 * text.c - the errcat command's own texts: its labels, usage and messages
 * are messages of errcat's text domain, translated by liberrcat's
 * errcat_tr into the locale the command shows entries in, and written
 * without printf, since a translation is data.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *tr_locale;

const char *
cli_localedir(void)
{
    const char *d = getenv("ERRCAT_LOCALEDIR");

    if (d && *d)
        return d;
#if defined(ERRCAT_BUILD_LOCALEDIR) && !defined(ERRCAT_INSTALLED)
    return ERRCAT_BUILD_LOCALEDIR;
#else
    return NULL;
#endif
}

void
cli_tr_setup(void)
{
    /* on failure (no memory) the texts stay English */
    (void)errcat_tr_bind(cli_localedir());
}

void
cli_tr_locale(const char *locale)
{
    tr_locale = locale;
}

const char *
cli_tr(const char *msgid)
{
    return errcat_tr(tr_locale, msgid);
}

static void
put_escaped(FILE *f, const char *s)
{
    size_t i;

    for (i = 0; s[i] && i < 80; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c < 0x20 || c >= 0x7f || c == '\\' || c == '\'')
            fprintf(f, "\\x%02x", c);
        else
            fputc(c, f);
    }
    if (s[i])
        fputs("...", f);
}

void
cli_put(FILE *f, const char *tmpl, const char *const *args, size_t n,
        int escape)
{
    size_t next = 0, k;
    const char *p = tmpl, *arg;

    while (*p) {
        const char *pct = strchr(p, '%');

        if (pct == NULL) {
            fputs(p, f);
            return;
        }
        fwrite(p, 1, (size_t)(pct - p), f);
        p = pct + 1;
        if (*p == '%') {
            fputc('%', f);
            p++;
            continue;
        }
        if (*p >= '1' && *p <= '9' && p[1] == '$' && p[2] == 's') {
            k = (size_t)(*p - '1');
            p += 3;
        } else if (*p == 's') {
            k = next++;
            p++;
        } else {                    /* not a placeholder: kept as written */
            fputc('%', f);
            continue;
        }
        arg = k < n && args[k] ? args[k] : "";
        if (escape)
            put_escaped(f, arg);
        else
            fputs(arg, f);
    }
}

void
cli_error(const char *msgid, const char *arg)
{
    fputs("errcat: ", stderr);
    cli_put(stderr, _(msgid), &arg, arg != NULL, 1);
    fputc('\n', stderr);
}

/* East Asian wide and full-width ranges (Unicode's EastAsianWidth W, F)
 * that translations use: Hangul Jamo, CJK and its punctuation, Kana,
 * Hangul syllables, compatibility ideographs, full-width forms. */
static const struct {
    unsigned lo, hi;
} wide[] = {
    { 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
    { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
    { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
    { 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x20000, 0x3fffd }
};

size_t
cli_width(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t w = 0, i;

    while (*p) {
        unsigned c = *p++, extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2
            : c >= 0xc0 ? 1 : 0;

        c &= extra == 3 ? 0x07 : extra == 2 ? 0x0f : extra ? 0x1f : 0x7f;
        for (; extra && (*p & 0xc0) == 0x80; extra--)
            c = c << 6 | (*p++ & 0x3f);
        if ((c >= 0x300 && c <= 0x36f) || c == 0x200b)
            continue;
        for (i = 0; i < sizeof wide / sizeof *wide; i++)
            if (c >= wide[i].lo && c <= wide[i].hi)
                break;
        w += i < sizeof wide / sizeof *wide ? 2 : 1;
    }
    return w;
}
