/*
 * locale_name.c - checks, parses and expands locale names: what a caller,
 * the environment or an Accept-Language header names, made safe before
 * it becomes part of a path, and its gettext fallback chain.
 */
#include <stdlib.h>
#include <string.h>

#include "errcat_int.h"

static int
to_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int
to_upper(int c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

int
errcat__locale_name_safe(const char *name)
{
    size_t i;

    if (name == NULL || name[0] == '\0')
        return 0;
    for (i = 0; name[i]; i++) {
        int c = (unsigned char)name[i];

        if (i >= ERRCAT_LOCALE_NAME_MAX)
            return 0;
        if (!errcat__is_alpha(c) && !errcat__is_digit(c) && c != '_' && c != '-'
            && c != '.' && c != '@')
            return 0;
        if (c == '.' && name[i + 1] == '.')
            return 0;
    }
    return 1;
}

/* Copies s[0..n) to out (size ERRCAT_LOCALE_NAME_MAX + 1) when it is a
 * non-empty run of [A-Za-z0-9_-]. */
static int
word(const char *s, size_t n, char *out)
{
    size_t i;

    if (n == 0 || n > ERRCAT_LOCALE_NAME_MAX)
        return 0;
    for (i = 0; i < n; i++)
        if (!errcat__is_alpha((unsigned char)s[i]) && !errcat__is_digit((unsigned char)s[i])
            && s[i] != '_' && s[i] != '-')
            return 0;
    memcpy(out, s, n);
    out[n] = '\0';
    return 1;
}

static int
all(const char *s, size_t n, int (*pred)(int))
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!pred((unsigned char)s[i]))
            return 0;
    return 1;
}

/* Reads the subtags of base[0..n) in BCP 47's order: language, then a
 * script, a territory, variants (dropped) until an extension singleton.
 * What comes out of order is a variant: de-1996-AT has no territory, as
 * RFC 4647 Lookup never reaches de-AT from it. */
static int
parse_base(const char *base, size_t n, struct errcat__lname *ln)
{
    enum { LANG, SCRIPT, TERR, VARIANT } stage = LANG;
    size_t i = 0, j, len, k;
    int first = 1;

    while (i <= n) {
        for (j = i; j < n && base[j] != '_' && base[j] != '-'; j++)
            ;
        len = j - i;
        if (len == 0)
            return ERRCAT_EINVAL;
        if (first) {
            if (len < 2 || len > 8 || !all(base + i, len, errcat__is_alpha))
                return ERRCAT_EINVAL;
            for (k = 0; k < len; k++)
                ln->lang[k] = (char)to_lower((unsigned char)base[i + k]);
            ln->lang[len] = '\0';
            first = 0;
        } else if (len == 1) {
            break;              /* extension or private use: ignored */
        } else if (len > 8 || !all(base + i, len, errcat__is_alnum)) {
            return ERRCAT_EINVAL;
        } else if (len == 4 && stage < SCRIPT
                   && all(base + i, 4, errcat__is_alpha)) {
            for (k = 0; k < 4; k++)
                ln->script[k] = (char)to_lower((unsigned char)base[i + k]);
            ln->script[4] = '\0';
            stage = SCRIPT;
        } else if (stage < TERR
                   && ((len == 2 && all(base + i, 2, errcat__is_alpha))
                       || (len == 3 && all(base + i, 3, errcat__is_digit)))) {
            for (k = 0; k < len; k++)
                ln->terr[k] = (char)to_upper((unsigned char)base[i + k]);
            ln->terr[len] = '\0';
            stage = TERR;
        } else {
            stage = VARIANT;    /* a variant or extlang: dropped */
        }
        i = j + 1;
    }
    /* Lookup falls from de-Latn-AT to de-Latn and de, never to de-AT; only
     * Chinese scripts have locales of their own (see the chain). */
    if (ln->script[0] && strcmp(ln->lang, "zh") != 0)
        ln->terr[0] = '\0';
    return 0;
}

int
errcat__locale_parse(const char *name, struct errcat__lname *ln)
{
    const char *at = NULL, *dot = NULL, *dash = NULL, *end;

    memset(ln, 0, sizeof *ln);
    if (!errcat__locale_name_safe(name))
        return ERRCAT_EINVAL;
    if (strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0
        || strncmp(name, "C.", 2) == 0 || strncmp(name, "C@", 2) == 0) {
        ln->english_c = 1;
        return 0;
    }
    /* The separators in one pass over the (short) name: the first '@',
     * the first '.' before it, a '-' before both. Not strchr and memchr:
     * in a fresh process each one's first call, its symbol bound and its
     * code paged in, costs more than this whole parse. */
    for (end = name; *end; end++)
        if (*end == '@' && !at)
            at = end;
        else if (*end == '.' && !at && !dot)
            dot = end;
        else if (*end == '-' && !at && !dot)
            dash = end;
    if (at) {
        if (!word(at + 1, (size_t)(end - at - 1), ln->modifier))
            return ERRCAT_EINVAL;
        end = at;
    }
    if (dot) {
        if (!word(dot + 1, (size_t)(end - dot - 1), ln->codeset))
            return ERRCAT_EINVAL;
        end = dot;
    }
    ln->bcp47 = dash != NULL;
    return parse_base(name, (size_t)(end - name), ln);
}

/* Appends sep and s to out (size ERRCAT_LOCALE_NAME_MAX + 1), cutting at
 * the end; parts of a checked name never need to be cut. */
static void
append(char *out, const char *sep, const char *s)
{
    size_t n = strlen(out);

    while (*sep && n < ERRCAT_LOCALE_NAME_MAX)
        out[n++] = *sep++;
    while (*s && n < ERRCAT_LOCALE_NAME_MAX)
        out[n++] = *s++;
    out[n] = '\0';
}

/* Territories whose Chinese is written in Traditional characters, by
 * CLDR's likely subtags (zh-TW, zh-HK, zh-MO are zh-Hant-*). */
static int
hant_territory(const char *terr)
{
    return strcmp(terr, "TW") == 0 || strcmp(terr, "HK") == 0
        || strcmp(terr, "MO") == 0;
}

/*
 * The chain of a Chinese BCP 47 tag (or of plain "zh"), by script: a
 * Traditional tag (zh-Hant-*, zh-TW, zh-HK, zh-MO) tries its territory if
 * Traditional, then zh_TW, and never a Simplified translation; a
 * Simplified one (zh, zh-Hans-*, zh-CN, zh-SG, ...) its territory if not
 * Traditional, then zh_CN, then zh, and never a Traditional one.
 */
static size_t
chinese_chain(const struct errcat__lname *ln,
              char out[][ERRCAT_LOCALE_NAME_MAX + 1])
{
    int hant = strcmp(ln->script, "hant") == 0
        || (!ln->script[0] && hant_territory(ln->terr));
    const char *home = hant ? "TW" : "CN";
    size_t n = 0;

    if (ln->terr[0] && hant_territory(ln->terr) == hant
        && strcmp(ln->terr, home) != 0) {
        strcpy(out[n], "zh_");
        append(out[n++], "", ln->terr);
    }
    strcpy(out[n], "zh_");
    append(out[n++], "", home);
    if (!hant)
        strcpy(out[n++], "zh");
    return n;
}

size_t
errcat__locale_chain(const struct errcat__lname *ln,
                     char out[][ERRCAT_LOCALE_NAME_MAX + 1])
{
    /* gettext's order: modifier, then territory, then codeset, dropped
     * from the least significant up (_nl_make_l10nflist). */
    static const unsigned char masks[] = { 7, 6, 5, 4, 3, 2, 1, 0 };
    enum { MOD = 4, TERR = 2, CS = 1 };
    unsigned have = (ln->modifier[0] ? MOD : 0) | (ln->terr[0] ? TERR : 0)
        | (ln->codeset[0] ? CS : 0);
    size_t i, n = 0;

    if (ln->english_c || !ln->lang[0])
        return 0;
    if (strcmp(ln->lang, "zh") == 0 && (ln->bcp47 || (!ln->terr[0]
                                                      && !ln->codeset[0]
                                                      && !ln->modifier[0])))
        return chinese_chain(ln, out);
    for (i = 0; i < sizeof masks; i++) {
        unsigned m = masks[i];

        if ((m & have) != m)
            continue;
        out[n][0] = '\0';
        append(out[n], "", ln->lang);
        if (m & TERR)
            append(out[n], "_", ln->terr);
        if (m & CS)
            append(out[n], ".", ln->codeset);
        if (m & MOD)
            append(out[n], "@", ln->modifier);
        n++;
    }
    return n;
}

int
errcat__english_name(const char *n)
{
    return (n[0] == 'e' || n[0] == 'E') && (n[1] == 'n' || n[1] == 'N')
        && (n[2] == '\0' || n[2] == '_' || n[2] == '-' || n[2] == '.'
            || n[2] == '@');
}

static const char *
env(const char *name)
{
    const char *v = getenv(name);

    return v && v[0] ? v : NULL;
}

/* "C" and "POSIX" exactly: glibc's names of the locale that ignores
 * LANGUAGE and that ends a LANGUAGE list; C.UTF-8 is neither. */
static int
plain_c(const char *s, size_t n)
{
    return (n == 1 && s[0] == 'C') || (n == 5 && memcmp(s, "POSIX", 5) == 0);
}

int
errcat__env_locales(int (*try)(const char *name, void *ctx), void *ctx)
{
    const char *v = env("LC_ALL"), *list, *p, *colon;
    char item[ERRCAT_LOCALE_NAME_MAX + 1];
    struct errcat__lname ln;
    size_t n;
    int r;

    if (v == NULL)
        v = env("LC_MESSAGES");
    if (v == NULL)
        v = env("LANG");
    if (v == NULL || plain_c(v, strlen(v))
        || errcat__locale_parse(v, &ln) != 0)
        return 0;
    if ((list = env("LANGUAGE")) == NULL)
        return ln.english_c ? 0 : try(v, ctx);
    for (p = list;; p = colon + 1) {
        colon = strchr(p, ':');
        n = colon ? (size_t)(colon - p) : strlen(p);
        if (plain_c(p, n))
            return 0;
        if (n > 0 && n <= ERRCAT_LOCALE_NAME_MAX) {
            memcpy(item, p, n);
            item[n] = '\0';
            if (errcat__locale_name_safe(item) && (r = try(item, ctx)) != 0)
                return r;
        }
        if (!colon)
            return 0;
    }
}

/* Nonzero when the word w is one of the space-separated words of list,
 * which starts and ends with a space. */
static int
in_list(const char *list, const char *w)
{
    const char *p;
    size_t i;

    for (p = list; p[1]; p++) {
        if (*p != ' ')
            continue;
        for (i = 0; w[i] && p[1 + i] == w[i]; i++)
            ;
        if (w[i] == '\0' && p[1 + i] == ' ')
            return 1;
    }
    return 0;
}

int
errcat__rtl(const struct errcat__lname *ln)
{
    /* languages whose usual script is right-to-left (Arabic, Hebrew,
       Thaana, Syriac, N'Ko, Adlam ...), and those scripts */
    static const char langs[] =
        " ar arc ckb dv fa he iw ks nqo ps sd syr ug ur yi ";
    static const char scripts[] = " arab hebr adlm thaa syrc nkoo ";

    if (ln->english_c)
        return 0;
    if (ln->script[0]) {
        if (in_list(scripts, ln->script))
            return 1;
        if (in_list(" latn cyrl ", ln->script))
            return 0;
    }
    return ln->lang[0] && in_list(langs, ln->lang);
}
