/*
 * test_catalog_file.c - the compiled catalog loader: the file errcat-gen
 * writes for the shipped catalog gives the same tables and answers as the
 * generated C; truncated, corrupt and hostile files are refused with the
 * offset of what is wrong; failing allocations leak nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "compiled.h"
#include "csbs.h"
#include "errcat_int.h"

#ifndef ERRCAT_BUILD_CATALOGDIR
#error "ERRCAT_BUILD_CATALOGDIR must name the built catalogs (the Makefile)"
#endif
#define CSBS_FILE ERRCAT_BUILD_CATALOGDIR "/csbs.errcat"

static unsigned char *good;     /* the file as errcat-gen wrote it */
static size_t good_size;
static unsigned char *img;      /* a copy to break */

static uint32_t
get32(const unsigned char *p, size_t off)
{
    return (uint32_t)p[off] | (uint32_t)p[off + 1] << 8
        | (uint32_t)p[off + 2] << 16 | (uint32_t)p[off + 3] << 24;
}

static void
set32(unsigned char *p, size_t off, uint32_t v)
{
    p[off] = (unsigned char)v;
    p[off + 1] = (unsigned char)(v >> 8);
    p[off + 2] = (unsigned char)(v >> 16);
    p[off + 3] = (unsigned char)(v >> 24);
}

static void
set16(unsigned char *p, size_t off, unsigned v)
{
    p[off] = (unsigned char)v;
    p[off + 1] = (unsigned char)(v >> 8);
}

/* File offset of field f of entry i, text i, module i. */
static size_t
entry_at(size_t i, size_t f)
{
    return get32(good, ERRCAT__CC_H_ENTRIES) + i * ERRCAT__CC_ENTRY + f;
}

static size_t
text_at(size_t i, size_t f)
{
    return get32(good, ERRCAT__CC_H_TEXTS) + i * ERRCAT__CC_TEXT + f;
}

static int
setup(void **state)
{
    FILE *fp = fopen(CSBS_FILE, "rb");
    struct stat st;

    (void)state;
    if (fp == NULL || fstat(fileno(fp), &st) != 0)
        return -1;
    good_size = (size_t)st.st_size;
    good = malloc(good_size);
    img = malloc(good_size);
    if (!good || !img || fread(good, 1, good_size, fp) != good_size)
        return -1;
    fclose(fp);
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    free(good);
    free(img);
    return 0;
}

/* Loads img[0..n) from an exact-size heap copy: a sanitizer sees any
 * read past it. */
static int
load_n(size_t n, const struct errcat_catalog **cat,
       struct errcat_file_error *err)
{
    unsigned char *copy = malloc(n ? n : 1);
    int rc;

    assert_non_null(copy);
    memcpy(copy, img, n);
    err->offset = 12345;
    err->reason = NULL;
    rc = errcat_catalog_load(copy, n, cat, err);
    free(copy);
    return rc;
}

/* Nonzero when texts a and b are the same bytes (both NULL counts). */
static int
same(const char *a, const char *b)
{
    return (a == NULL && b == NULL)
        || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
test_catalog_file_holds_the_generated_tables(void **state)
{
    const struct errcat_catalog *c, *g = &csbs_catalog;
    struct errcat_file_error err;
    unsigned i;

    (void)state;
    assert_int_equal(errcat_catalog_open(CSBS_FILE, &c, &err), 0);
    assert_int_equal(c->abi, g->abi);
    assert_string_equal(c->name, g->name);
    assert_string_equal(c->domain, g->domain);
    assert_string_equal(c->prefix, g->prefix);
    assert_string_equal(c->source, g->source);
    assert_int_equal(c->number, g->number);
    assert_int_equal(c->base, g->base);
    assert_int_equal(c->n_entries, g->n_entries);
    assert_int_equal(c->n_modules, g->n_modules);
    assert_int_equal(c->n_texts, g->n_texts);
    assert_int_equal(c->n_serials, g->n_serials);
    assert_int_equal(c->code_mask, g->code_mask);
    for (i = 0; i < g->n_entries; i++) {
        const struct errcat_entry *a = &c->entries[i], *b = &g->entries[i];

        assert_string_equal(a->id, b->id);
        assert_true(same(a->code, b->code));
        assert_int_equal(a->value, b->value);
        assert_int_equal(a->http_status, b->http_status);
        assert_int_equal(a->module, b->module);
        assert_int_equal(a->flags, b->flags);
        assert_int_equal(a->description, b->description);
        assert_int_equal(a->message, b->message);
        assert_int_equal(a->measure, b->measure);
        assert_int_equal(a->next_same_code, b->next_same_code);
    }
    for (i = 0; i < g->n_modules; i++) {
        assert_string_equal(c->modules[i].id, g->modules[i].id);
        assert_int_equal(c->modules[i].name, g->modules[i].name);
    }
    for (i = 0; i < g->n_texts; i++) {
        assert_string_equal(c->texts[i].key, g->texts[i].key);
        assert_string_equal(c->texts[i].msgid, g->texts[i].msgid);
        assert_int_equal(c->texts[i].format, g->texts[i].format);
        assert_int_equal(c->texts[i].nargs, g->texts[i].nargs);
    }
    assert_memory_equal(c->by_serial, g->by_serial,
                        g->n_serials * sizeof *g->by_serial);
    assert_memory_equal(c->code_hash, g->code_hash,
                        (g->code_mask + 1) * sizeof *g->code_hash);
    errcat_catalog_close(c);
}

/* Every entry in German and Chinese: the compiled catalog answers as the
 * built-in one, from the same .mo files. */
static void
test_catalog_file_answers_as_the_generated_tables(void **state)
{
    static const char *const langs[] = { "de", "zh_CN", "en" };
    static const char *const args[] = { "ecs-01", "two", "three" };
    const struct errcat_catalog *c, *g = &csbs_catalog;
    const struct errcat_locale *lc, *lg;
    char bc[1024], bg[1024];
    struct errcat_match m;
    size_t l, i;
    int f;

    (void)state;
    assert_int_equal(errcat_catalog_open(CSBS_FILE, &c, NULL), 0);
    assert_int_equal(errcat_bind(c, ERRCAT_BUILD_LOCALEDIR), 0);
    assert_int_equal(errcat_bind(g, ERRCAT_BUILD_LOCALEDIR), 0);
    for (l = 0; l < 3; l++) {
        assert_int_equal(errcat_locale_get(c, langs[l], &lc), 0);
        assert_int_equal(errcat_locale_get(g, langs[l], &lg), 0);
        assert_string_equal(errcat_locale_name(lc), langs[l]);
        for (i = 0; i < g->n_entries; i++) {
            const struct errcat_entry *ec = errcat_entry_at(c, i);
            const struct errcat_entry *eg = errcat_entry_at(g, i);

            for (f = ERRCAT_DESCRIPTION; f <= ERRCAT_MODULE; f++)
                assert_string_equal(errcat_text(c, lc, ec, f),
                                    errcat_text(g, lg, eg, f));
            assert_string_equal(errcat_describe(c, lc, eg->value),
                                errcat_describe(g, lg, eg->value));
            errcat_format(c, lc, ec, args, 3, bc, sizeof bc);
            errcat_format(g, lg, eg, args, 3, bg, sizeof bg);
            assert_string_equal(bc, bg);
            assert_ptr_equal(errcat_find(c, eg->value), ec);
            assert_ptr_equal(errcat_find_id(c, eg->id), ec);
        }
    }
    assert_int_equal(errcat_match(c, "CSBS.6005",
                                  "Server (ecs-01) is already in service.",
                                  &m), 0);
    assert_string_equal(m.entry->id, "server_status_no_backup");
    assert_ptr_equal(m.cat, c);
    assert_string_equal(m.args[0], "ecs-01");
    errcat_match_free(&m);
    assert_int_equal(errcat_register(c), 0);
    assert_ptr_equal(errcat_lookup_code("CSBS.6000", NULL),
                     errcat_find_code(c, "CSBS.6000"));
    assert_int_equal(errcat_unregister(c), 0);
    errcat_catalog_release(g);
    errcat_catalog_close(c);
}

static void
test_catalog_file_peek_reads_the_head(void **state)
{
    static const char *const absent[] = {
        "CSBS.6", "CSBS.60000", "csbs.6000", "CSBS.6000 ", "", "X.1"
    };
    struct errcat_catalog_info info;
    struct errcat_file_error err;
    size_t i;

    (void)state;
    assert_int_equal(errcat_catalog_peek(CSBS_FILE, NULL, &info, &err), 0);
    assert_int_equal(info.has_code, 0);
    assert_int_equal(info.number, CSBS_CATALOG_NUMBER);
    assert_int_equal(info.n_entries, CSBS_ENTRY_COUNT);
    assert_string_equal(info.name, "csbs");
    assert_string_equal(info.domain, "errcat-csbs");
    assert_string_equal(info.prefix, "CSBS");
    /* every code of the catalog is there, others are not */
    for (i = 0; i < csbs_catalog.n_entries; i++) {
        assert_int_equal(errcat_catalog_peek(CSBS_FILE,
                                             csbs_catalog.entries[i].code,
                                             &info, &err), 0);
        assert_int_not_equal(info.has_code, 0);
    }
    for (i = 0; i < sizeof absent / sizeof *absent; i++) {
        assert_int_equal(errcat_catalog_peek(CSBS_FILE, absent[i], &info,
                                             &err), 0);
        assert_int_equal(info.has_code, 0);
    }
    assert_int_equal(errcat_catalog_peek(ERRCAT_BUILD_LOCALEDIR, NULL, &info,
                                         &err), ERRCAT_ENOENT);
    assert_int_equal(errcat_catalog_peek("/nonexistent/x.errcat", NULL, &info,
                                         &err), ERRCAT_ENOENT);
    assert_string_equal(err.reason, "no such file");
}

/* Every proper prefix of the file is refused, none read past its end. */
static void
test_catalog_file_truncated_is_refused(void **state)
{
    const struct errcat_catalog *c;
    struct errcat_file_error err;
    size_t n;

    (void)state;
    memcpy(img, good, good_size);
    for (n = 0; n < good_size; n++) {
        assert_int_equal(load_n(n, &c, &err), ERRCAT_EINVAL);
        assert_null(c);
        assert_non_null(err.reason);
    }
    assert_int_equal(load_n(good_size, &c, &err), 0);
    errcat_catalog_close(c);
}

/* One broken field per case, and where the loader says it is. */
struct hostile {
    const char *what;
    void (*apply)(void);
    size_t (*where)(void);
    const char *reason;
};

static size_t strings_off(void) { return get32(good, ERRCAT__CC_H_STRINGS); }

static void magic(void) { img[1] ^= 0x20; }
static size_t at0(void) { return 0; }
static void version(void) { set32(img, ERRCAT__CC_H_VERSION, 2); }
static size_t at_version(void) { return ERRCAT__CC_H_VERSION; }
static void reserved(void) { img[ERRCAT__CC_HEADER - 1] = 1; }
static size_t at_reserved(void) { return ERRCAT__CC_HEADER - 1; }
static void size_field(void)
{
    set32(img, ERRCAT__CC_H_SIZE, (uint32_t)good_size + 1);
}
static size_t at_size(void) { return ERRCAT__CC_H_SIZE; }
static void number0(void) { set32(img, ERRCAT__CC_H_NUMBER, 0); }
static void number_big(void)
{
    set32(img, ERRCAT__CC_H_NUMBER, ERRCAT_NUMBER_MAX + 1);
}
static size_t at_number(void) { return ERRCAT__CC_H_NUMBER; }
static void strings_big(void)
{
    set32(img, ERRCAT__CC_H_STRINGS_SIZE, (uint32_t)good_size);
}
static size_t at_strings(void) { return ERRCAT__CC_H_STRINGS; }
static void entries_out(void)
{
    set32(img, ERRCAT__CC_H_ENTRIES, (uint32_t)good_size - 4);
}
static void entries_in_strings(void)
{
    set32(img, ERRCAT__CC_H_ENTRIES, get32(good, ERRCAT__CC_H_STRINGS));
}
static size_t at_entries(void) { return ERRCAT__CC_H_ENTRIES; }
static void mask_odd(void)
{
    set32(img, ERRCAT__CC_H_CODE_MASK,
          get32(good, ERRCAT__CC_H_CODE_MASK) - 1);
}
static void mask_huge(void) { set32(img, ERRCAT__CC_H_CODE_MASK, ~0u); }
static size_t at_mask(void) { return ERRCAT__CC_H_CODE_MASK; }
static void serials_huge(void)
{
    set32(img, ERRCAT__CC_H_N_SERIALS, ERRCAT_SERIAL_MAX + 2);
}
static size_t at_serials(void) { return ERRCAT__CC_H_N_SERIALS; }

static void unterminated(void)
{
    img[strings_off() + get32(good, ERRCAT__CC_H_STRINGS_SIZE) - 1] = 'x';
}
static size_t at_last_string_byte(void)
{
    return strings_off() + get32(good, ERRCAT__CC_H_STRINGS_SIZE) - 1;
}
static void bad_utf8(void)
{
    img[strings_off() + get32(good, entry_at(0, ERRCAT__CC_E_ID)) + 2] = 0xc0;
}
static size_t at_id0_string(void)
{
    return strings_off() + get32(good, entry_at(0, ERRCAT__CC_E_ID));
}
static void code_mid_string(void)
{
    set32(img, entry_at(0, ERRCAT__CC_E_CODE),
          get32(good, entry_at(0, ERRCAT__CC_E_CODE)) + 1);
}
static void code_outside(void)
{
    set32(img, entry_at(0, ERRCAT__CC_E_CODE), 0x7ffffff0u);
}
static size_t at_code0(void) { return entry_at(0, ERRCAT__CC_E_CODE); }
static void domain_path(void)
{
    memcpy(img + strings_off() + get32(good, ERRCAT__CC_H_DOMAIN), "../", 3);
}
static void domain_slash(void)
{
    img[strings_off() + get32(good, ERRCAT__CC_H_DOMAIN) + 6] = '/';
}
static size_t at_domain(void) { return ERRCAT__CC_H_DOMAIN; }
static void name_upper(void)
{
    img[strings_off() + get32(good, ERRCAT__CC_H_NAME)] = 'C';
}
static size_t at_name(void) { return ERRCAT__CC_H_NAME; }
static void prefix_lower(void)
{
    img[strings_off() + get32(good, ERRCAT__CC_H_PREFIX) + 1] = 's';
}
static size_t at_prefix(void) { return ERRCAT__CC_H_PREFIX; }
static void name_to_source(void)
{
    /* the source path is a fine string, but not a name */
    set32(img, ERRCAT__CC_H_NAME, get32(good, ERRCAT__CC_H_SOURCE));
}
static void id_space(void)
{
    img[strings_off() + get32(good, entry_at(0, ERRCAT__CC_E_ID)) + 2] = ' ';
}
static size_t at_id0(void) { return entry_at(0, ERRCAT__CC_E_ID); }
static void value_out(void)
{
    set32(img, entry_at(0, ERRCAT__CC_E_VALUE),
          (uint32_t)csbs_catalog.base + csbs_catalog.n_serials);
}
static void value_other_catalog(void)
{
    set32(img, entry_at(0, ERRCAT__CC_E_VALUE),
          get32(good, entry_at(0, ERRCAT__CC_E_VALUE)) + (1u << 20));
}
static size_t at_value0(void) { return entry_at(0, ERRCAT__CC_E_VALUE); }
static void status_low(void)
{
    set16(img, entry_at(0, ERRCAT__CC_E_HTTP_STATUS), 99);
}
static void status_high(void)
{
    set16(img, entry_at(0, ERRCAT__CC_E_HTTP_STATUS), 600);
}
static size_t at_status0(void)
{
    return entry_at(0, ERRCAT__CC_E_HTTP_STATUS);
}
static void module_out(void)
{
    set16(img, entry_at(0, ERRCAT__CC_E_MODULE), csbs_catalog.n_modules);
}
static size_t at_module0(void) { return entry_at(0, ERRCAT__CC_E_MODULE); }
static void flag_unknown(void) { set32(img, entry_at(0, ERRCAT__CC_E_FLAGS), 2); }
static size_t at_flags0(void) { return entry_at(0, ERRCAT__CC_E_FLAGS); }
static void text_out(void)
{
    set32(img, entry_at(0, ERRCAT__CC_E_MEASURE), csbs_catalog.n_texts);
}
static size_t at_measure0(void) { return entry_at(0, ERRCAT__CC_E_MEASURE); }

/* The first entry whose code has a later entry, and that later one. */
static size_t
chained(size_t *next)
{
    size_t i;

    *next = 0;
    for (i = 0; i < csbs_catalog.n_entries; i++)
        if (csbs_catalog.entries[i].next_same_code) {
            *next = csbs_catalog.entries[i].next_same_code - 1;
            return i;
        }
    fail_msg("the shipped catalog has no code shared by two entries");
    return 0;
}

static void next_backwards(void)
{
    size_t n, i = chained(&n);

    set32(img, entry_at(n, ERRCAT__CC_E_NEXT_SAME_CODE), (uint32_t)i + 1);
}
static size_t at_next_of_second(void)
{
    size_t n;

    chained(&n);
    return entry_at(n, ERRCAT__CC_E_NEXT_SAME_CODE);
}
static void next_self(void)
{
    size_t n, i = chained(&n);

    set32(img, entry_at(i, ERRCAT__CC_E_NEXT_SAME_CODE), (uint32_t)i + 1);
}
static void next_other_code(void)
{
    size_t n, i = chained(&n);

    set32(img, entry_at(i, ERRCAT__CC_E_NEXT_SAME_CODE),
          (uint32_t)csbs_catalog.n_entries);
}
static void next_beyond(void)
{
    size_t n, i = chained(&n);

    set32(img, entry_at(i, ERRCAT__CC_E_NEXT_SAME_CODE),
          (uint32_t)csbs_catalog.n_entries + 1);
}
static size_t at_next_of_first(void)
{
    size_t n;

    return entry_at(chained(&n), ERRCAT__CC_E_NEXT_SAME_CODE);
}

static size_t serial_of(size_t i)
{
    return (size_t)csbs_catalog.entries[i].value & ERRCAT_SERIAL_MAX;
}
static void serials_swapped(void)
{
    size_t t = get32(good, ERRCAT__CC_H_BY_SERIAL);

    set32(img, t + 4 * serial_of(0), 2);
    set32(img, t + 4 * serial_of(1), 1);
}
static void serial_dropped(void)
{
    set32(img, get32(good, ERRCAT__CC_H_BY_SERIAL) + 4 * serial_of(0), 0);
}
static size_t at_serial0(void)
{
    size_t a = serial_of(0), b = serial_of(1);

    return get32(good, ERRCAT__CC_H_BY_SERIAL) + 4 * (a < b ? a : b);
}

/* The code hash slot holding entry 0, and an empty one. */
static size_t
slot_of0(int empty)
{
    size_t t = get32(good, ERRCAT__CC_H_CODE_HASH), i;

    for (i = 0; i <= csbs_catalog.code_mask; i++)
        if (csbs_catalog.code_hash[i] == (empty ? 0u : 1u))
            return t + 4 * i;
    fail_msg("no such code hash slot");
    return 0;
}
static void hash_dropped(void) { set32(img, slot_of0(0), 0); }
static void hash_twice(void) { set32(img, slot_of0(1), 1); }
static void hash_second_of_code(void)
{
    size_t n, i = chained(&n), t = get32(good, ERRCAT__CC_H_CODE_HASH), s;

    for (s = 0; s <= csbs_catalog.code_mask; s++)
        if (csbs_catalog.code_hash[s] == i + 1)
            set32(img, t + 4 * s, (uint32_t)n + 1);
}
static size_t at_hash_slot_of_first(void)
{
    size_t n, i = chained(&n), s;

    for (s = 0; s <= csbs_catalog.code_mask; s++)
        if (csbs_catalog.code_hash[s] == i + 1)
            return get32(good, ERRCAT__CC_H_CODE_HASH) + 4 * s;
    return 0;
}
static size_t at_hash_table(void) { return get32(good, ERRCAT__CC_H_CODE_HASH); }

static void msgid_before_key(void)
{
    set32(img, text_at(0, ERRCAT__CC_T_MSGID),
          get32(good, text_at(0, ERRCAT__CC_T_MSGID)) - 1);
}
static void msgid_far(void)
{
    set32(img, text_at(0, ERRCAT__CC_T_MSGID),
          get32(good, text_at(0, ERRCAT__CC_T_KEY)) + 200);
}
static size_t at_msgid0(void) { return text_at(0, ERRCAT__CC_T_MSGID); }
static void format_unknown(void) { img[text_at(0, ERRCAT__CC_T_FORMAT)] = 9; }
static size_t at_format0(void) { return text_at(0, ERRCAT__CC_T_FORMAT); }

static const struct hostile hostile[] = {
    { "bad magic", magic, at0, "bad magic" },
    { "version 2", version, at_version, "unsupported format version" },
    { "reserved byte", reserved, at_reserved, "reserved header byte" },
    { "size field", size_field, at_size, "truncated" },
    { "number 0", number0, at_number, "catalog number" },
    { "number 2048", number_big, at_number, "catalog number" },
    { "strings past the end", strings_big, at_strings, "strings area" },
    { "entries past the end", entries_out, at_entries, "table outside" },
    { "entries in the strings", entries_in_strings, at_entries,
      "table outside" },
    { "hash mask not 2^n-1", mask_odd, at_mask, "code hash" },
    { "hash mask 2^32-1", mask_huge, at_mask, "code hash" },
    { "too many serials", serials_huge, at_serials, "too many serials" },
    { "strings not terminated", unterminated, at_last_string_byte,
      "NUL-terminated" },
    { "invalid UTF-8", bad_utf8, at_id0_string, "UTF-8" },
    { "code in a string", code_mid_string, at_code0, "not at a string" },
    { "code outside", code_outside, at_code0, "not at a string" },
    { "domain ../", domain_path, at_domain, "domain" },
    { "domain with /", domain_slash, at_domain, "domain" },
    { "name upper case", name_upper, at_name, "name" },
    { "prefix lower case", prefix_lower, at_prefix, "prefix" },
    { "name is a path", name_to_source, at_name, "name" },
    { "id with a space", id_space, at_id0, "entry id" },
    { "value past the serials", value_out, at_value0, "value" },
    { "value of another catalog", value_other_catalog, at_value0, "value" },
    { "HTTP status 99", status_low, at_status0, "HTTP status" },
    { "HTTP status 600", status_high, at_status0, "HTTP status" },
    { "module out of range", module_out, at_module0, "module" },
    { "unknown flag", flag_unknown, at_flags0, "flag" },
    { "text out of range", text_out, at_measure0, "text index" },
    { "chain backwards", next_backwards, at_next_of_second, "next entry" },
    { "chain to itself", next_self, at_next_of_first, "next entry" },
    { "chain to another code", next_other_code, at_next_of_first,
      "next entry" },
    { "chain past the entries", next_beyond, at_next_of_first, "next entry" },
    { "serials swapped", serials_swapped, at_serial0, "serial index" },
    { "serial dropped", serial_dropped, at_value0, "serial index" },
    { "code not hashed", hash_dropped, at_code0, "code hash" },
    { "code hashed twice", hash_twice, at_hash_table, "twice" },
    { "second entry hashed", hash_second_of_code, at_hash_slot_of_first,
      "code hash" },
    { "msgid before its key", msgid_before_key, at_msgid0, "msgid" },
    { "msgid far in the key", msgid_far, at_msgid0, "msgid" },
    { "unknown format", format_unknown, at_format0, "format" },
};

static void
test_catalog_file_hostile_fields_are_refused_where_they_are(void **state)
{
    const struct errcat_catalog *c;
    struct errcat_file_error err;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof hostile / sizeof *hostile; i++) {
        memcpy(img, good, good_size);
        hostile[i].apply();
        if (load_n(good_size, &c, &err) != ERRCAT_EINVAL)
            fail_msg("%s: not refused", hostile[i].what);
        assert_null(c);
        if (err.offset != hostile[i].where()
            || strstr(err.reason, hostile[i].reason) == NULL)
            fail_msg("%s: refused at %lu (%s), expected %lu (%s)",
                     hostile[i].what, err.offset, err.reason,
                     (unsigned long)hostile[i].where(), hostile[i].reason);
    }
}

/* Every entry's texts of a catalog that loaded: all usable. */
static void
touch(const struct errcat_catalog *c)
{
    const struct errcat_entry *e;
    char buf[64];
    size_t i;
    int f;

    for (i = 0; (e = errcat_entry_at(c, i)) != NULL; i++) {
        for (f = ERRCAT_DESCRIPTION; f <= ERRCAT_MODULE; f++)
            assert_true(strlen(errcat_text(c, NULL, e, f)) < good_size);
        assert_ptr_equal(errcat_find(c, e->value), e);
        assert_non_null(errcat_find_code(c, e->code));
        errcat_format(c, NULL, e, NULL, 0, buf, sizeof buf);
        while ((e = errcat_next_same_code(c, e)) != NULL)
            ;
    }
}

/* Bytes flipped all over the file: refused, or a catalog that works. */
static void
test_catalog_file_corrupt_bytes_are_refused_or_harmless(void **state)
{
    const struct errcat_catalog *c;
    struct errcat_file_error err;
    size_t i;
    int rc;

    (void)state;
    for (i = 0; i < good_size; i += 3) {
        memcpy(img, good, good_size);
        img[i] ^= (unsigned char)(0x55 + i);
        rc = load_n(good_size, &c, &err);
        assert_true(rc == 0 || rc == ERRCAT_EINVAL);
        if (rc == 0) {
            touch(c);
            errcat_catalog_close(c);
        } else {
            assert_true(err.offset < good_size);
        }
    }
}

static void
test_catalog_file_allocation_failures_leak_nothing(void **state)
{
    const struct errcat_catalog *c;
    unsigned long k;
    int rc;

    (void)state;
    for (k = 1; k < 100; k++) {
        errcat__alloc_count = 0;
        errcat__alloc_live = 0;
        errcat__alloc_fail_at = k;
        rc = errcat_catalog_open(CSBS_FILE, &c, NULL);
        errcat__alloc_fail_at = ULONG_MAX;
        if (rc == 0) {
            errcat_catalog_close(c);
            assert_int_equal(errcat__alloc_live, 0);
            errcat__alloc_fail_at = 0;
            break;
        }
        assert_int_equal(rc, ERRCAT_ENOMEM);
        assert_null(c);
        assert_int_equal(errcat__alloc_live, 0);
        errcat__alloc_fail_at = 0;
    }
    assert_true(k > 1 && k < 100);
}

static void
test_catalog_file_open_refuses_what_is_not_a_file(void **state)
{
    char dir[] = "/tmp/errcat-cf-XXXXXX", path[64];
    const struct errcat_catalog *c;
    struct errcat_file_error err;
    int fd;

    (void)state;
    assert_non_null(mkdtemp(dir));
    assert_int_equal(errcat_catalog_open(dir, &c, &err), ERRCAT_ENOENT);
    assert_string_equal(err.reason, "not a regular file");
    /* a FIFO does not hang the loader */
    snprintf(path, sizeof path, "%s/fifo.errcat", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_int_equal(errcat_catalog_open(path, &c, &err), ERRCAT_ENOENT);
    unlink(path);
    /* a file over the limit is refused before it is read (sparse) */
    snprintf(path, sizeof path, "%s/big.errcat", dir);
    fd = open(path, O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)ERRCAT_CATALOG_FILE_MAX + 1), 0);
    close(fd);
    assert_int_equal(errcat_catalog_open(path, &c, &err), ERRCAT_ETOOBIG);
    assert_null(c);
    unlink(path);
    /* a file cut short on disk */
    snprintf(path, sizeof path, "%s/cut.errcat", dir);
    fd = open(path, O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, good, good_size / 2), (ssize_t)(good_size / 2));
    close(fd);
    assert_int_equal(errcat_catalog_open(path, &c, &err), ERRCAT_EINVAL);
    assert_int_equal(err.offset, ERRCAT__CC_H_SIZE);
    assert_int_equal(errcat_catalog_peek(path, "CSBS.6000",
                                         &(struct errcat_catalog_info){
                                             0, 0, "", "", "", 0 }, &err),
                     ERRCAT_EINVAL);
    unlink(path);
    rmdir(dir);
    assert_int_equal(errcat_catalog_open(NULL, &c, &err), ERRCAT_EINVAL);
    assert_int_equal(errcat_catalog_load(good, good_size, NULL, &err),
                     ERRCAT_EINVAL);
    errcat_catalog_close(NULL);
}

/* Writes img[0..n) to a file and peeks at it for code. */
static int
peek_img(size_t n, const char *code, struct errcat_catalog_info *info)
{
    char path[] = "/tmp/errcat-peek-XXXXXX";
    int fd = mkstemp(path), rc;

    assert_true(fd >= 0);
    assert_int_equal(write(fd, img, n), (ssize_t)n);
    close(fd);
    rc = errcat_catalog_peek(path, code, info, NULL);
    unlink(path);
    return rc;
}

/* A damaged code hash never makes a peek say "certainly not": the file
 * is then opened, and errcat_catalog_open reports the damage. */
static void
test_catalog_file_peek_says_maybe_when_in_doubt(void **state)
{
    struct errcat_catalog_info info;
    size_t i, t = get32(good, ERRCAT__CC_H_CODE_HASH);
    uint32_t mask = get32(good, ERRCAT__CC_H_CODE_MASK);

    (void)state;
    memcpy(img, good, good_size);
    assert_int_equal(peek_img(good_size, "CSBS.6000", &info), 0);
    assert_int_not_equal(info.has_code, 0);
    /* every slot points past the entries */
    for (i = 0; i <= mask; i++)
        set32(img, t + 4 * i, 0xfffffff0u);
    assert_int_equal(peek_img(good_size, "CSBS.6000", &info), 0);
    assert_int_not_equal(info.has_code, 0);
    assert_int_equal(peek_img(good_size, "NOPE.1", &info), 0);
    assert_int_not_equal(info.has_code, 0);
    /* a mask that is not 2^n - 1 */
    memcpy(img, good, good_size);
    set32(img, ERRCAT__CC_H_CODE_MASK, mask - 1);
    assert_int_equal(peek_img(good_size, "NOPE.1", &info), 0);
    assert_int_not_equal(info.has_code, 0);
    /* a hash table placed past the end of the file */
    memcpy(img, good, good_size);
    set32(img, ERRCAT__CC_H_CODE_HASH, 0x7ffffff0u);
    assert_int_equal(peek_img(good_size, "NOPE.1", &info), 0);
    assert_int_not_equal(info.has_code, 0);
    /* a head with its name out of place is refused, info zeroed */
    memcpy(img, good, good_size);
    set32(img, ERRCAT__CC_H_NAME, get32(good, ERRCAT__CC_H_NAME) + 1);
    assert_int_equal(peek_img(good_size, NULL, &info), ERRCAT_EINVAL);
    assert_int_equal(info.number, 0);
    assert_string_equal(info.name, "");
    /* a file shorter than a header */
    assert_int_equal(peek_img(40, NULL, &info), ERRCAT_EINVAL);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_catalog_file_holds_the_generated_tables),
        cmocka_unit_test(test_catalog_file_answers_as_the_generated_tables),
        cmocka_unit_test(test_catalog_file_peek_reads_the_head),
        cmocka_unit_test(test_catalog_file_peek_says_maybe_when_in_doubt),
        cmocka_unit_test(test_catalog_file_truncated_is_refused),
        cmocka_unit_test(
            test_catalog_file_hostile_fields_are_refused_where_they_are),
        cmocka_unit_test(
            test_catalog_file_corrupt_bytes_are_refused_or_harmless),
        cmocka_unit_test(test_catalog_file_allocation_failures_leak_nothing),
        cmocka_unit_test(test_catalog_file_open_refuses_what_is_not_a_file),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
