/*
 * placeholder.c - scanner of printf directives, Python %(name) directives
 * and brace fields, in the syntax placeholder.h documents.
 */
#include <string.h>

#include "placeholder.h"

#define NUMBER_MAX 9999         /* %N$ and {N}: larger is not a number */

static int
is_name_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int
is_name_char(int c)
{
    return is_name_start(c) || (c >= '0' && c <= '9');
}

/* Nonzero when c is one of the bytes of set: never for the NUL, which
 * strchr finds in every set. */
static int
in_set(const char *set, int c)
{
    for (; *set; set++)
        if (*set == c)
            return 1;
    return 0;
}

static int
is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* Length of the identifier at s[i..n), 0 if there is none. */
static size_t
name_len(const char *s, size_t n, size_t i)
{
    size_t j = i;

    if (j >= n || !is_name_start((unsigned char)s[j]))
        return 0;
    while (j < n && is_name_char((unsigned char)s[j]))
        j++;
    return j - i;
}

/* Length of the digit run at s[i..n). */
static size_t
digits(const char *s, size_t n, size_t i)
{
    size_t j = i;

    while (j < n && is_digit((unsigned char)s[j]))
        j++;
    return j - i;
}

/* Value of the digits s[i..i+len), or NUMBER_MAX + 1 when larger. */
static unsigned long
number(const char *s, size_t i, size_t len)
{
    unsigned long v = 0;
    size_t k;

    for (k = i; k < i + len; k++)
        if ((v = v * 10 + (unsigned)(s[k] - '0')) > NUMBER_MAX)
            return NUMBER_MAX + 1;
    return v;
}

static enum errcat__ph_kind
set(struct errcat__ph *ph, enum errcat__ph_kind kind, size_t start,
    size_t end, size_t *pos)
{
    ph->kind = kind;
    ph->start = start;
    ph->len = end - start;
    *pos = end;
    return kind;
}

static enum errcat__ph_kind
bad(struct errcat__ph *ph, int unsupported, size_t start, size_t end,
    size_t *pos)
{
    ph->unsupported = unsupported;
    return set(ph, ERRCAT__PH_BAD, start, end, pos);
}

/*
 * Flags, width, precision, length and conversion of a directive from
 * s[j]; python selects Python's length modifiers and conversions. Returns
 * the offset past the conversion, or 0 with *fail the offset of the byte
 * that ends the directive (and *unsupported set for '*' and conversions
 * printf has but errcat does not take).
 */
static size_t
directive(const char *s, size_t n, size_t j, int python,
          struct errcat__ph *ph, size_t *fail, int *unsupported)
{
    const char *conv = python ? "diouxXeEfFgGcrsa" : "diouxXeEfFgGaAcs";
    const char *flags = python ? "-+ #0" : "-+ #0'";
    const char *others = python ? "*" : "*pnmCS";
    size_t k;

    ph->flags.off = j;
    while (j < n && in_set(flags, s[j])) {
        if (s[j] == ' ')
            ph->loose = 1;
        j++;
    }
    ph->flags.len = j - ph->flags.off;
    ph->width.off = j;
    j += ph->width.len = digits(s, n, j);
    if (j < n && s[j] == '.') {
        ph->has_prec = 1;
        ph->prec.off = ++j;
        j += ph->prec.len = digits(s, n, j);
    }
    if (j + 1 < n && (s[j] == 'h' || s[j] == 'l') && s[j + 1] == s[j]
        && !python) {
        ph->length = s[j] == 'h' ? 'H' : 'q';
        j += 2;
    } else if (j < n && in_set(python ? "hlL" : "hlLqjzt", s[j])) {
        ph->length = s[j];
        j++;
    }
    if (j < n && in_set(conv, s[j])) {
        ph->conv = s[j];
        return j + 1;
    }
    for (k = ph->flags.off; k <= j && k < n; k++)
        if (in_set(others, s[k]))
            *unsupported = 1;
    *fail = j;
    return 0;
}

/* Where a directive that failed at s[fail] ends: past that byte, unless
 * it is a '%' that may start the next directive. */
static size_t
bad_end(const char *s, size_t n, size_t fail)
{
    return fail >= n ? n : s[fail] == '%' ? fail : fail + 1;
}

static enum errcat__ph_kind
scan_named(const char *s, size_t n, size_t i, size_t *pos,
           struct errcat__ph *ph)
{
    size_t len = name_len(s, n, i + 2), k = i + 2 + len, end, fail = 0;
    int unsupported = 0;

    if (len == 0 || k >= n || s[k] != ')')
        return bad(ph, 0, i, i + 1, pos);
    ph->name = i + 2;
    ph->name_len = len;
    ph->style = ERRCAT_FORMAT_PYTHON;
    if (k + 1 < n && s[k + 1] != ' '
        && (end = directive(s, n, k + 1, 1, ph, &fail, &unsupported)) != 0)
        return set(ph, ERRCAT__PH_NAMED, i, end, pos);
    if (unsupported)
        return bad(ph, 1, i, bad_end(s, n, fail), pos);
    ph->conv = ph->length = 0;
    ph->loose = ph->has_prec = 0;
    memset(&ph->flags, 0, sizeof ph->flags);
    memset(&ph->width, 0, sizeof ph->width);
    memset(&ph->prec, 0, sizeof ph->prec);
    return set(ph, ERRCAT__PH_NAMED_BARE, i, k + 1, pos);
}

static enum errcat__ph_kind
scan_percent(const char *s, size_t n, size_t i, size_t *pos, int python,
             struct errcat__ph *ph)
{
    size_t j = i + 1, d, end, fail = 0;
    int unsupported = 0;

    if (j < n && s[j] == '%')
        return set(ph, ERRCAT__PH_ESCAPE, i, j + 1, pos);
    if (j < n && s[j] == '(')
        return scan_named(s, n, i, pos, ph);
    ph->style = python ? ERRCAT_FORMAT_PYTHON : ERRCAT_FORMAT_PRINTF;
    d = digits(s, n, j);
    if (d > 0 && j + d < n && s[j + d] == '$') {
        /* Python has no %N$: read as printf's, which a python-format
           text may not hold */
        python = 0;
        ph->style = ERRCAT_FORMAT_PRINTF;
        unsigned long num = number(s, j, d);

        if (s[j] == '0' || num > NUMBER_MAX)
            return bad(ph, 0, i, j + d + 1, pos);
        ph->number = (unsigned)num;
        end = directive(s, n, j + d + 1, python, ph, &fail, &unsupported);
        if (end == 0)
            return bad(ph, unsupported, i, bad_end(s, n, fail), pos);
        return set(ph, ERRCAT__PH_NUMBERED, i, end, pos);
    }
    end = directive(s, n, j, python, ph, &fail, &unsupported);
    if (end == 0)
        return bad(ph, unsupported, i, bad_end(s, n, fail), pos);
    return set(ph, ERRCAT__PH_POSITIONAL, i, end, pos);
}

/* Python's format-spec mini-language over s[j..n) up to the closing
 * brace; returns the offset of that brace, or 0 when the spec is not
 * one errcat takes (*nested for a nested field). */
static size_t
brace_spec(const char *s, size_t n, size_t j, struct errcat__ph *ph,
           int *nested)
{
    size_t k = j, c;

    ph->spec.off = j;
    /* [[fill]align]: the fill is any one UTF-8 character but a brace */
    c = 1;
    while (k + c < n && ((unsigned char)s[k + c] & 0xC0) == 0x80)
        c++;
    if (k + c < n && in_set("<>^", s[k + c])
        && s[k] != '{' && s[k] != '}')
        k += c + 1;
    else if (k < n && in_set("<>^", s[k]))
        k++;
    if (k < n && in_set("+- ", s[k]))
        k++;
    if (k < n && s[k] == '#')
        k++;
    if (k < n && s[k] == '0')
        k++;
    ph->width.off = k;
    k += ph->width.len = digits(s, n, k);
    if (k < n && (s[k] == ',' || s[k] == '_'))
        k++;
    if (k < n && s[k] == '.') {
        ph->has_prec = 1;
        ph->prec.off = ++k;
        k += ph->prec.len = digits(s, n, k);
        if (ph->prec.len == 0)
            return 0;
    }
    if (k < n && in_set("bcdeEfFgGnosxX%", s[k]))
        ph->type = s[k++];
    ph->spec.len = k - j;
    if (k < n && s[k] == '}')
        return k;
    while (k < n && s[k] != '}')
        if (s[k++] == '{')
            *nested = 1;
    return 0;
}

static enum errcat__ph_kind
scan_brace(const char *s, size_t n, size_t i, size_t *pos,
           enum errcat__ph_mode mode, struct errcat__ph *ph)
{
    size_t j = i + 1, len, end;
    int nested = 0, field_ok;

    if (i + 1 < n && s[i + 1] == s[i])
        /* finding a style, "{{x}}" is no field either way */
        return set(ph, mode == ERRCAT__PH_MODE_BRACE ? ERRCAT__PH_ESCAPE
                   : ERRCAT__PH_TEXT, i, i + 2, pos);
    if (s[i] == '}')
        goto not_field;
    ph->style = ERRCAT_FORMAT_BRACE;
    if ((len = name_len(s, n, j)) > 0) {
        ph->name = j;
        ph->name_len = len;
    } else if ((len = digits(s, n, j)) > 0) {
        unsigned long num = number(s, j, len);

        if (num > NUMBER_MAX - 1 || (len > 1 && s[j] == '0'))
            goto not_field;
        ph->number = (unsigned)num + 1;
    }
    j += len;
    field_ok = j < n && (s[j] == '}' || s[j] == '!' || s[j] == ':');
    if (!field_ok) {
        /* {a.b} and {a[0]} are fields Python takes but errcat does not */
        if (mode != ERRCAT__PH_MODE_ANY && len > 0 && j < n
            && (s[j] == '.' || s[j] == '['))
            return bad(ph, 1, i, j + 1, pos);
        goto not_field;
    }
    if (s[j] == '!') {
        if (j + 2 >= n || !in_set("rsa", s[j + 1])
            || (s[j + 2] != '}' && s[j + 2] != ':'))
            goto not_field;
        ph->conv = s[j + 1];
        j += 2;
    }
    if (s[j] == ':') {
        if ((end = brace_spec(s, n, j + 1, ph, &nested)) == 0) {
            if (nested || mode != ERRCAT__PH_MODE_ANY)
                return bad(ph, nested, i, j + 1, pos);
            goto not_field;
        }
        j = end;
    }
    if (ph->name_len > 0)
        return set(ph, ERRCAT__PH_BRACE, i, j + 1, pos);
    return set(ph, ph->number ? ERRCAT__PH_NUMBERED : ERRCAT__PH_POSITIONAL,
               i, j + 1, pos);
not_field:
    memset(ph, 0, sizeof *ph);
    if (mode == ERRCAT__PH_MODE_ANY)
        return set(ph, ERRCAT__PH_TEXT, i, i + 1, pos);
    return set(ph, ERRCAT__PH_BAD, i, i + 1, pos);
}

/* Bytes that may start a placeholder: 1 for '%', 2 for a brace. */
static const unsigned char starts[256] = {
    ['%'] = 1, ['{'] = 2, ['}'] = 2
};

enum errcat__ph_kind
errcat__ph_next(const char *s, size_t n, size_t *pos,
                enum errcat__ph_mode mode, struct errcat__ph *ph)
{
    size_t i = *pos, j;
    int percent = mode != ERRCAT__PH_MODE_BRACE;
    int brace = mode == ERRCAT__PH_MODE_BRACE || mode == ERRCAT__PH_MODE_ANY;

    memset(ph, 0, sizeof *ph);
    if (i >= n)
        return set(ph, ERRCAT__PH_END, n, n, pos);
    if (percent && s[i] == '%')
        return scan_percent(s, n, i, pos, mode == ERRCAT__PH_MODE_PYTHON, ph);
    if (brace && (s[i] == '{' || s[i] == '}'))
        return scan_brace(s, n, i, pos, mode, ph);
    /* the text runs to the next byte that may start a placeholder:
       messages are mostly text, and every check reads them whole */
    if (!brace) {
        const char *p = memchr(s + i + 1, '%', n - i - 1);

        j = p ? (size_t)(p - s) : n;
    } else {
        unsigned char stop = percent ? 3 : 2;

        for (j = i + 1; j < n && !(starts[(unsigned char)s[j]] & stop); j++)
            ;
    }
    return set(ph, ERRCAT__PH_TEXT, i, j, pos);
}

enum errcat__ph_mode
errcat__ph_mode_of(enum errcat_format fmt)
{
    switch (fmt) {
    case ERRCAT_FORMAT_PRINTF:
        return ERRCAT__PH_MODE_PERCENT;
    case ERRCAT_FORMAT_PYTHON:
        return ERRCAT__PH_MODE_PYTHON;
    case ERRCAT_FORMAT_BRACE:
        return ERRCAT__PH_MODE_BRACE;
    default:
        return ERRCAT__PH_MODE_ANY;
    }
}

int
errcat__ph_is_arg(enum errcat__ph_kind kind)
{
    return kind == ERRCAT__PH_POSITIONAL || kind == ERRCAT__PH_NUMBERED
        || kind == ERRCAT__PH_NAMED || kind == ERRCAT__PH_NAMED_BARE
        || kind == ERRCAT__PH_BRACE;
}

/* gettext's classes; the size is a second byte. */
enum { T_SINT = 1, T_UINT, T_DOUBLE, T_CHAR, T_STRING, T_WCHAR, T_WSTRING };

unsigned
errcat__ph_type(const struct errcat__ph *ph)
{
    unsigned cls = 0, size = 0;
    char c = ph->conv, l = ph->length;

    if (ph->style == ERRCAT_FORMAT_PYTHON) {
        if (ph->kind == ERRCAT__PH_NAMED_BARE)
            return 4;           /* kept as written: stands for a text */
        return c == 'c' ? 1 : in_set("diouxX", c) ? 2 : in_set("eEfFgG", c)
            ? 3 : 4;
    }
    if (ph->style != ERRCAT_FORMAT_PRINTF || c == 0)
        return 0;
    if (c == 'd' || c == 'i')
        cls = T_SINT;
    else if (in_set("ouxX", c))
        cls = T_UINT;
    else if (in_set("eEfFgGaA", c))
        cls = T_DOUBLE;
    else if (c == 'c')
        cls = l == 'l' ? T_WCHAR : T_CHAR;
    else
        cls = l == 'l' ? T_WSTRING : T_STRING;
    if (cls == T_SINT || cls == T_UINT)
        size = l == 'L' ? 'q' : (unsigned char)l;
    else if (cls == T_DOUBLE)
        size = l == 'L' || l == 'q' ? 'L' : 0;
    return cls | size << 8;
}

void
errcat__ph_layout(const char *s, const struct errcat__ph *ph,
                  struct errcat__ph_layout *lay)
{
    size_t k;
    char c;

    memset(lay, 0, sizeof *lay);
    lay->prec = -1;
    lay->fill = " ";
    lay->fill_len = 1;
    lay->align = '>';
    if (ph->width.len > 0) {
        unsigned long w = 0;

        for (k = ph->width.off; k < ph->width.off + ph->width.len; k++)
            if ((w = w * 10 + (unsigned)(s[k] - '0')) > 4096)
                w = 4096;       /* no field is wider than a page */
        lay->width = w;
    }
    if (ph->has_prec) {
        long p = 0;

        for (k = ph->prec.off; k < ph->prec.off + ph->prec.len; k++)
            if ((p = p * 10 + (s[k] - '0')) > 4096)
                p = 4096;
        lay->prec = p;
    }
    if (ph->style == ERRCAT_FORMAT_BRACE) {
        const char *sp = s + ph->spec.off, *end = sp + ph->spec.len;
        size_t c1 = 1;

        c = ph->type;
        while (sp + c1 < end && ((unsigned char)sp[c1] & 0xC0) == 0x80)
            c1++;
        lay->align = 0;
        if (sp + c1 < end && in_set("<>^", sp[c1])) {
            lay->fill = sp;
            lay->fill_len = c1;
            lay->align = sp[c1];
            sp += c1 + 1;
        } else if (sp < end && in_set("<>^", *sp))
            lay->align = *sp++;
        if (sp < end && in_set("+- ", *sp))
            sp++;
        if (sp < end && *sp == '#') {
            lay->alt = 1;
            sp++;
        }
        if (sp < end && *sp == '0' && lay->align == 0)
            lay->zero = 1;
        lay->cls = c == 'd' || c == 'n' ? ERRCAT__PH_INT
            : c == 'x' || c == 'X' ? ERRCAT__PH_HEX
            : c == 'o' ? ERRCAT__PH_OCT : c == 'b' ? ERRCAT__PH_BIN
            : in_set("eEfFgG%", c) ? ERRCAT__PH_FLOAT
            : c == 'c' ? ERRCAT__PH_CHAR : ERRCAT__PH_ANY;
        if (ph->conv)
            lay->cls = ERRCAT__PH_ANY;      /* !r: a repr, any text */
        if (lay->align == 0)    /* Python: text left, numbers right */
            lay->align = lay->cls == ERRCAT__PH_ANY
                || lay->cls == ERRCAT__PH_CHAR ? '<' : '>';
        return;
    }
    c = ph->conv;
    for (k = ph->flags.off; k < ph->flags.off + ph->flags.len; k++) {
        if (s[k] == '-')
            lay->align = '<';
        else if (s[k] == '0')
            lay->zero = 1;
        else if (s[k] == '#')
            lay->alt = 1;
    }
    if (ph->style == ERRCAT_FORMAT_PYTHON && (c == 'a' || c == 'r'))
        c = 's';                /* ascii() and repr(): text */
    lay->cls = c == 'd' || c == 'i' ? ERRCAT__PH_INT
        : c == 'u' ? ERRCAT__PH_UINT
        : c == 'x' || c == 'X' ? ERRCAT__PH_HEX
        : c == 'o' ? ERRCAT__PH_OCT
        : in_set("eEfFgGaA", c) ? ERRCAT__PH_FLOAT
        : c == 'c' ? ERRCAT__PH_CHAR : ERRCAT__PH_ANY;
    if (lay->align == '<' || lay->cls == ERRCAT__PH_ANY
        || lay->cls == ERRCAT__PH_CHAR)
        lay->zero = 0;
}
