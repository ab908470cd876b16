/*
 * test_lazy.c - a .mo file of more than a few pages read lazily: only its
 * header and tables at first use, each string by pread when first asked
 * for, checked then; the same texts as a file read whole; a file cut
 * short under the reader loses texts, never safety, and one replaced is
 * read on as opened; threads resolving the same texts at once agree,
 * without a lock.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "errcat_int.h"
#include "../fixtures/fixture_catalog.h"
#include "../fixtures/fixture_locale.h"

static const struct errcat_catalog *const cat = &fixture_catalog;
static char big[256], medium[256], small[256];

/* Into dir, de.po of the fixture plus one message of pad bytes (no
 * catalog text), compiled by msgfmt, which writes the tables first. */
static void
make_padded(char *dir, size_t size, const char *tag, long pad)
{
    char cmd[1400];

    snprintf(dir, size, "%s", fx_tempdir(tag));
    snprintf(cmd, sizeof cmd,
             "{ cat '%s/tests/fixtures/po/de.po'; printf '\\nmsgid \"padding\"\\n"
             "msgstr \"'; head -c %ld /dev/zero | tr '\\0' x; "
             "printf '\"\\n'; } > '%s/de.po' && msgfmt -o '%s' '%s/de.po'",
             ERRCAT_TOP, pad, dir, fx_mo_path(dir, "de", "errcat-fixture"),
             dir);
    fx_sh(cmd);
}

/* The fixture's de.po as msgfmt compiles it (a few kB: read whole), with
 * a message of 1.5 MB (far over ERRCAT__MO_LAZY_MIN) and with one that
 * makes a file of a few pages, as a catalog of some dozens of entries. */
static void
make_dirs(void)
{
    char cmd[1400];

    if (big[0]) {
        fx_rmdir(big);
        fx_rmdir(medium);
        fx_rmdir(small);
    }
    snprintf(small, sizeof small, "%s", fx_tempdir("eager"));
    snprintf(cmd, sizeof cmd, "msgfmt -o '%s' '%s/tests/fixtures/po/de.po'",
             fx_mo_path(small, "de", "errcat-fixture"), ERRCAT_TOP);
    fx_sh(cmd);
    make_padded(big, sizeof big, "lazy", 1500000);
    make_padded(medium, sizeof medium, "pages", 24000);
}

static int
setup(void **state)
{
    (void)state;
    make_dirs();
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    errcat_catalog_release(cat);
    fx_rmdir(big);
    fx_rmdir(medium);
    fx_rmdir(small);
    return 0;
}

static const struct errcat_locale *
de_from(const char *dir)
{
    const struct errcat_locale *loc;

    errcat_catalog_release(cat);
    assert_int_equal(errcat_bind(cat, dir), 0);
    assert_int_equal(errcat_locale_get(cat, "de", &loc), 0);
    assert_string_equal(errcat_locale_name(loc), "de");
    return loc;
}

static void
test_lazy_reads_only_the_tables(void **state)
{
    char path[512];
    struct errcat__mo mo;

    (void)state;
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES/errcat-fixture.mo", big);
    assert_int_equal(errcat__mo_open_lazy(path, &mo), 0);
    assert_true(mo.lazy);
    assert_true(mo.size > ERRCAT__MO_LAZY_MIN);
    assert_true(mo.avail < mo.size / 4);
    assert_int_equal(mo.charset, ERRCAT__MO_UTF8);
    errcat__mo_close(&mo);
    /* the same file by errcat__mo_open, and a small one: read whole */
    assert_int_equal(errcat__mo_open(path, &mo), 0);
    assert_false(mo.lazy);
    errcat__mo_close(&mo);
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES/errcat-fixture.mo", small);
    assert_int_equal(errcat__mo_open_lazy(path, &mo), 0);
    assert_true(mo.size < ERRCAT__MO_LAZY_MIN);
    assert_false(mo.lazy);
    errcat__mo_close(&mo);
}

/* A file of a few pages is read lazily too: read whole, its pages of
 * fresh memory would cost a first use more than the lookups save. */
static void
test_lazy_reads_a_file_of_a_few_pages_lazily(void **state)
{
    char path[512];
    struct errcat__mo mo;
    const struct errcat_locale *loc;

    (void)state;
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES/errcat-fixture.mo",
             medium);
    assert_int_equal(errcat__mo_open_lazy(path, &mo), 0);
    assert_true(mo.size >= ERRCAT__MO_LAZY_MIN && mo.size < 64 << 10);
    assert_true(mo.lazy);
    assert_true(mo.avail < 4096);
    errcat__mo_close(&mo);
    loc = de_from(medium);
    assert_string_equal(errcat_describe(cat, loc, FIX_SERVER_NOT_FOUND),
                        "Der Server existiert nicht.");
}

static uint32_t
le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16
        | (uint32_t)p[3] << 24;
}

/* A lazily read file is not walked string by string at its first use:
 * a translation placed outside the file is refused when it is read, and
 * only it; the rest of the file is used. */
static void
test_lazy_refuses_a_string_out_of_the_file_alone(void **state)
{
    static const char key[] = "description\004The server types differ.";
    char path[512], *dir;
    unsigned char *mo;
    const struct errcat_locale *loc;
    uint32_t n, orig, trans, i;
    long size;
    FILE *f;

    (void)state;
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES/errcat-fixture.mo",
             medium);
    f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    size = ftell(f);
    rewind(f);
    mo = malloc((size_t)size);
    assert_non_null(mo);
    assert_int_equal(fread(mo, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    assert_int_equal(le32(mo), 0x950412deu);    /* msgfmt's, this host's */
    n = le32(mo + 8);
    orig = le32(mo + 12);
    trans = le32(mo + 16);
    for (i = 0; i < n; i++)
        if (le32(mo + orig + 8 * i) == sizeof key - 1
            && memcmp(mo + le32(mo + orig + 8 * i + 4), key,
                      sizeof key - 1) == 0)
            break;
    assert_true(i < n);
    mo_put32(mo + trans + 8 * i + 4, (uint32_t)size + 100, 0);
    dir = strdup(fx_tempdir("outside"));
    fx_write(fx_mo_path(dir, "de", "errcat-fixture"), mo, (size_t)size);
    free(mo);
    loc = de_from(dir);
    assert_string_equal(errcat_describe(cat, loc, FIX_SERVER_NOT_FOUND),
                        "Der Server existiert nicht.");
    assert_string_equal(errcat_describe(cat, loc, FIX_SERVER_TYPE_MISMATCH),
                        "The server types differ.");
    errcat_catalog_release(cat);
    fx_rmdir(dir);
    free(dir);
}

/* Every text of every entry is the same, read whole or lazily. */
static void
test_lazy_gives_the_texts_of_a_whole_read(void **state)
{
    const char *want[64][4];
    const struct errcat_locale *loc;
    size_t i, n = errcat_entry_count(cat);
    int f;
    char *copy[64][4];

    (void)state;
    assert_true(n <= 64);
    loc = de_from(small);
    for (i = 0; i < n; i++)
        for (f = 0; f < 4; f++) {
            want[i][f] = errcat_text(cat, loc, errcat_entry_at(cat, i),
                                     (enum errcat_field)f);
            copy[i][f] = strdup(want[i][f]);
        }
    loc = de_from(big);
    for (i = 0; i < n; i++)
        for (f = 0; f < 4; f++) {
            assert_string_equal(errcat_text(cat, loc, errcat_entry_at(cat, i),
                                            (enum errcat_field)f),
                                copy[i][f]);
            free(copy[i][f]);
        }
    assert_string_equal(errcat_describe(cat, loc, FIX_SERVER_NOT_FOUND),
                        "Der Server existiert nicht.");
}

/* Cut short or replaced after the load: what is not read yet is the
 * source text; what was read stays. */
static void
test_lazy_survives_the_file_changing(void **state)
{
    const struct errcat_locale *loc;
    const char *before;
    char path[512], cmd[2200];

    (void)state;
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES/errcat-fixture.mo", big);
    loc = de_from(big);
    before = errcat_description(cat, loc, errcat_find(cat,
                                                      FIX_SERVER_NOT_FOUND));
    assert_string_equal(before, "Der Server existiert nicht.");
    snprintf(cmd, sizeof cmd, "truncate -s 100000 '%s'", path);
    fx_sh(cmd);
    assert_string_equal(errcat_description(cat, loc,
                                           errcat_find(cat,
                                                       FIX_SERVER_NOT_FOUND)),
                        "Der Server existiert nicht.");
    assert_string_equal(errcat_description(cat, loc,
                                           errcat_find(cat,
                                                       FIX_SERVER_TYPE_MISMATCH)),
                        "The server types differ.");
    /* a new file in its place (msgfmt's way): the one opened is read on,
       consistent with what was read of it before */
    make_dirs();
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES/errcat-fixture.mo", big);
    loc = de_from(big);
    snprintf(cmd, sizeof cmd, "cp '%s' '%s.new' && mv '%s.new' '%s'", path,
             path, path, path);
    fx_sh(cmd);
    assert_string_equal(errcat_description(cat, loc,
                                           errcat_find(cat,
                                                       FIX_SERVER_NOT_FOUND)),
                        "Der Server existiert nicht.");
    errcat_catalog_release(cat);
    make_dirs();
}

struct racer {
    const struct errcat_locale *loc;
    const char *got[64];
};

static void *
race(void *arg)
{
    struct racer *r = arg;
    size_t i;

    for (i = 0; i < errcat_entry_count(cat); i++)
        r->got[i] = errcat_message_template(cat, r->loc,
                                            errcat_entry_at(cat, i));
    return NULL;
}

/* Four threads resolve the same texts at once: one text each, the same
 * pointer for all. */
static void
test_lazy_threads_agree(void **state)
{
    struct racer r[4];
    pthread_t t[4];
    size_t i, j;

    (void)state;
    r[0].loc = de_from(big);
    for (j = 1; j < 4; j++)
        r[j].loc = r[0].loc;
    for (j = 0; j < 4; j++)
        assert_int_equal(pthread_create(&t[j], NULL, race, &r[j]), 0);
    for (j = 0; j < 4; j++)
        assert_int_equal(pthread_join(t[j], NULL), 0);
    for (i = 0; i < errcat_entry_count(cat); i++)
        for (j = 1; j < 4; j++)
            assert_ptr_equal(r[j].got[i], r[0].got[i]);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lazy_reads_only_the_tables),
        cmocka_unit_test(test_lazy_reads_a_file_of_a_few_pages_lazily),
        cmocka_unit_test(test_lazy_refuses_a_string_out_of_the_file_alone),
        cmocka_unit_test(test_lazy_gives_the_texts_of_a_whole_read),
        cmocka_unit_test(test_lazy_survives_the_file_changing),
        cmocka_unit_test(test_lazy_threads_agree),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
