/*
 * test_mo.c - the .mo reader: real msgfmt output in both byte orders, and
 * every kind of broken or hostile file refused without reading outside it.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "errcat_int.h"
#include "../fixtures/fixture_locale.h"

static const struct mo_pair good_pairs[] = {
    MO_PAIR("", MO_HEADER_UTF8),
    MO_PAIR("message\004server do not exist", "Server existiert nicht"),
    MO_PAIR("message\004x", "y"),
};

static unsigned char image[4096];
static size_t image_size;

static void
build_good(int big)
{
    image_size = mo_build(image, sizeof image, good_pairs, 3, big);
}

/* Parses a heap copy of exactly n bytes, so a sanitizer sees overreads. */
static int
parse_copy(const unsigned char *data, size_t n, struct errcat__mo *mo)
{
    static unsigned char *copy;

    free(copy);
    copy = malloc(n ? n : 1);
    assert_non_null(copy);
    memcpy(copy, data, n);
    return errcat__mo_parse(copy, n, mo);
}

/* Reads every pair of a parsed file, checking the reader's promises. */
static void
touch_all(const struct errcat__mo *mo)
{
    uint32_t i;

    for (i = 0; i < mo->n; i++) {
        const char *k, *v;
        size_t kn, vn;

        errcat__mo_pair(mo, i, &k, &kn, &v, &vn);
        assert_true((const unsigned char *)k >= mo->data);
        assert_true((const unsigned char *)k + kn < mo->data + mo->size);
        assert_true((const unsigned char *)v + vn < mo->data + mo->size);
        assert_int_equal(k[kn], '\0');
        assert_int_equal(v[vn], '\0');
    }
}

static void
put32(unsigned char *p, uint32_t v, int big)
{
    mo_put32(p, v, big);
}

static void
test_mo_reads_both_byte_orders(void **state)
{
    struct errcat__mo mo;
    const char *k, *v;
    size_t kn, vn;
    int big;

    (void)state;
    for (big = 0; big <= 1; big++) {
        build_good(big);
        assert_int_equal(parse_copy(image, image_size, &mo), 0);
        assert_int_equal(mo.swap, big);
        assert_int_equal(mo.n, 3);
        assert_int_equal(mo.charset, ERRCAT__MO_UTF8);
        errcat__mo_pair(&mo, 1, &k, &kn, &v, &vn);
        assert_int_equal(kn, strlen("message\004server do not exist"));
        assert_string_equal(v, "Server existiert nicht");
        touch_all(&mo);
    }
}

static void
test_mo_reads_msgfmt_output(void **state)
{
    const char *dir = fx_locale_dir();
    char path[512];
    struct errcat__mo mo;
    uint32_t i;
    int found = 0;

    (void)state;
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES/errcat-fixture.mo", dir);
    assert_int_equal(errcat__mo_open(path, &mo), 0);
    assert_int_equal(mo.charset, ERRCAT__MO_UTF8);
    assert_true(mo.n > 40);
    touch_all(&mo);
    for (i = 0; i < mo.n; i++) {
        const char *k, *v;
        size_t kn, vn;

        errcat__mo_pair(&mo, i, &k, &kn, &v, &vn);
        if (strcmp(k, "description\004The server does not exist.") == 0) {
            assert_string_equal(v, "Der Server existiert nicht.");
            found = 1;
        }
    }
    assert_true(found);
    errcat__mo_close(&mo);
    snprintf(path, sizeof path, "%s/la/LC_MESSAGES/errcat-fixture.mo", dir);
    assert_int_equal(errcat__mo_open(path, &mo), 0);
    assert_int_equal(mo.charset, ERRCAT__MO_OTHER);  /* ISO-8859-1: ignored */
    errcat__mo_close(&mo);
    fx_rmdir(dir);
}

static void
test_mo_rejects_wrong_magic(void **state)
{
    struct errcat__mo mo;

    (void)state;
    build_good(0);
    image[0] ^= 1;
    assert_int_equal(parse_copy(image, image_size, &mo), ERRCAT_EINVAL);
    memcpy(image, "GNU gettext mo", 14);
    assert_int_equal(parse_copy(image, image_size, &mo), ERRCAT_EINVAL);
}

static void
test_mo_rejects_unknown_major_revision(void **state)
{
    struct errcat__mo mo;

    (void)state;
    build_good(0);
    put32(image + 4, 0x00010001, 0);        /* 1.1: fine */
    assert_int_equal(parse_copy(image, image_size, &mo), 0);
    put32(image + 4, 0x00020000, 0);        /* 2.0: unknown */
    assert_int_equal(parse_copy(image, image_size, &mo), ERRCAT_EINVAL);
}

static void
test_mo_rejects_tables_out_of_range(void **state)
{
    struct errcat__mo mo;
    int big;

    (void)state;
    for (big = 0; big <= 1; big++) {
        build_good(big);
        put32(image + 12, (uint32_t)image_size - 8, big);  /* O */
        assert_int_equal(parse_copy(image, image_size, &mo), ERRCAT_EINVAL);
        build_good(big);
        put32(image + 16, 0xfffffff0u, big);               /* T */
        assert_int_equal(parse_copy(image, image_size, &mo), ERRCAT_EINVAL);
        build_good(big);
        put32(image + 12, 4, big);              /* inside the header */
        assert_int_equal(parse_copy(image, image_size, &mo), ERRCAT_EINVAL);
    }
}

static void
test_mo_rejects_strings_out_of_range(void **state)
{
    struct errcat__mo mo;

    (void)state;
    build_good(0);
    put32(image + 28 + 8 + 4, (uint32_t)image_size, 0);     /* offset */
    assert_int_equal(parse_copy(image, image_size, &mo), ERRCAT_EINVAL);
    build_good(0);
    put32(image + 28 + 8, 0xffffffffu, 0);                  /* length */
    assert_int_equal(parse_copy(image, image_size, &mo), ERRCAT_EINVAL);
    build_good(0);
    put32(image + 28 + 24 + 8, 0x7fffffffu, 0);     /* a translation */
    put32(image + 28 + 24 + 12, 0x7fffffffu, 0);
    assert_int_equal(parse_copy(image, image_size, &mo), ERRCAT_EINVAL);
}

static void
test_mo_rejects_huge_counts(void **state)
{
    struct errcat__mo mo;
    uint32_t counts[] = { 0xffffffffu, 0x80000000u, 0x10000000u, 1000 };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof counts / sizeof *counts; i++) {
        build_good(0);
        put32(image + 8, counts[i], 0);
        assert_int_equal(parse_copy(image, image_size, &mo), ERRCAT_EINVAL);
    }
}

static void
test_mo_rejects_unterminated_strings(void **state)
{
    struct errcat__mo mo;
    size_t i;

    (void)state;
    build_good(0);
    /* replace every NUL after the tables by a letter */
    for (i = 28 + 16 * 3; i < image_size; i++)
        if (image[i] == '\0')
            image[i] = 'x';
    assert_int_equal(parse_copy(image, image_size, &mo), ERRCAT_EINVAL);
    build_good(0);
    put32(image + 28 + 8, 2, 0);    /* key length 2 of "message...": no NUL */
    assert_int_equal(parse_copy(image, image_size, &mo), ERRCAT_EINVAL);
}

static void
test_mo_overlapping_strings_stay_inside(void **state)
{
    struct errcat__mo mo;
    const char *k, *v;
    size_t kn, vn;

    (void)state;
    build_good(0);
    /* the translation of pair 1 is its own key's bytes */
    memcpy(image + 28 + 24 + 8, image + 28 + 8, 8);
    assert_int_equal(parse_copy(image, image_size, &mo), 0);
    touch_all(&mo);
    errcat__mo_pair(&mo, 1, &k, &kn, &v, &vn);
    assert_ptr_equal(k, v);
    assert_int_equal(kn, vn);
    /* and a key that starts inside another string, running to its NUL */
    put32(image + 28 + 16 + 4, (uint32_t)(k - (const char *)mo.data) + 3, 0);
    put32(image + 28 + 16, (uint32_t)kn - 3, 0);
    assert_int_equal(parse_copy(image, image_size, &mo), 0);
    touch_all(&mo);
}

static void
test_mo_rejects_every_truncation(void **state)
{
    struct errcat__mo mo;
    size_t n;
    int big;

    (void)state;
    for (big = 0; big <= 1; big++) {
        build_good(big);
        for (n = 0; n < image_size; n++)
            assert_int_equal(parse_copy(image, n, &mo), ERRCAT_EINVAL);
    }
}

static void
test_mo_survives_random_corruption(void **state)
{
    struct errcat__mo mo;
    unsigned seed = 12345;
    int round, flips, ok = 0;

    (void)state;
    for (round = 0; round < 20000; round++) {
        build_good(round & 1);
        for (flips = 0; flips < 1 + round % 4; flips++) {
            seed = seed * 1103515245u + 12345u;
            image[(seed >> 8) % image_size] ^= (unsigned char)(1u << (seed % 8));
        }
        if (parse_copy(image, image_size, &mo) == 0) {
            touch_all(&mo);
            ok++;
        }
    }
    assert_true(ok > 0);        /* flips inside strings keep files valid */
}

static void
test_mo_header_names_the_charset(void **state)
{
    /* ASCII is UTF-8's first 128 characters: GNU and Python gettext read
       a file declaring it, or declaring no charset, as ASCII */
    static const struct {
        const char *header;
        int charset;
    } cases[] = {
        { "Content-Type: text/plain; charset=UTF-8\n", ERRCAT__MO_UTF8 },
        { "MIME-Version: 1.0\ncontent-type: text/plain; CHARSET=utf-8\n",
          ERRCAT__MO_UTF8 },
        { "Content-Type: text/plain; charset=utf8\n", ERRCAT__MO_UTF8 },
        { "Content-Type: text/plain; charset=ASCII\n", ERRCAT__MO_ASCII },
        { "Content-Type: text/plain; charset=us-ascii\n", ERRCAT__MO_ASCII },
        { "Content-Type: text/plain; charset=ANSI_X3.4-1968\n",
          ERRCAT__MO_ASCII },
        { "Content-Type: text/plain; charset=ISO-8859-1\n", ERRCAT__MO_OTHER },
        { "Content-Type: text/plain; charset=UTF-16\n", ERRCAT__MO_OTHER },
        { "Content-Type: text/plain; charset=ASCII-8\n", ERRCAT__MO_OTHER },
        { "Content-Type: text/plain\n", ERRCAT__MO_ASCII },
        { "X-Note: charset=UTF-8\n", ERRCAT__MO_ASCII },
        { "", ERRCAT__MO_ASCII },
    };
    struct mo_pair p[2] = { MO_PAIR("", ""), MO_PAIR("a", "b") };
    struct errcat__mo mo;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        p[0].val = cases[i].header;
        p[0].val_len = strlen(cases[i].header);
        image_size = mo_build(image, sizeof image, p, 2, 0);
        assert_int_equal(parse_copy(image, image_size, &mo), 0);
        assert_int_equal(mo.charset, cases[i].charset);
    }
    /* no header entry at all */
    image_size = mo_build(image, sizeof image, p + 1, 1, 0);
    assert_int_equal(parse_copy(image, image_size, &mo), 0);
    assert_int_equal(mo.charset, ERRCAT__MO_ASCII);
    /* an ASCII file's translations must be ASCII */
    assert_true(errcat__mo_text_ok(&mo, "abc", 3));
    assert_false(errcat__mo_text_ok(&mo, "\xc3\xa4", 2));
}

static void
test_mo_open_refuses_missing_and_odd_files(void **state)
{
    const char *dir = fx_tempdir("mo");
    char path[512], cmd[600];
    struct errcat__mo mo;

    (void)state;
    snprintf(path, sizeof path, "%s/missing.mo", dir);
    assert_int_equal(errcat__mo_open(path, &mo), ERRCAT_ENOENT);
    snprintf(path, sizeof path, "%s/dir.mo", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    assert_int_equal(errcat__mo_open(path, &mo), ERRCAT_ENOENT);
    snprintf(path, sizeof path, "%s/fifo.mo", dir);
    assert_int_equal(mkfifo(path, 0644), 0);
    assert_int_equal(errcat__mo_open(path, &mo), ERRCAT_ENOENT);   /* no hang */
    snprintf(path, sizeof path, "%s/empty.mo", dir);
    fx_write(path, "", 0);
    assert_int_equal(errcat__mo_open(path, &mo), ERRCAT_EINVAL);
    snprintf(path, sizeof path, "%s/short.mo", dir);
    fx_write(path, "\xde\x12\x04\x95", 4);
    assert_int_equal(errcat__mo_open(path, &mo), ERRCAT_EINVAL);
    snprintf(path, sizeof path, "%s/good.mo", dir);
    build_good(1);
    fx_write(path, image, image_size);
    assert_int_equal(errcat__mo_open(path, &mo), 0);
    assert_true(mo.swap);
    touch_all(&mo);
    errcat__mo_close(&mo);
    assert_int_equal(chmod(path, 0), 0);
    if (geteuid() == 0) {
        fprintf(stderr, "NOTE: test_mo_open_refuses_missing_and_odd_files: "
                "running as root, the unreadable-file case is SKIPPED\n");
    } else
        assert_int_equal(errcat__mo_open(path, &mo), ERRCAT_ENOENT);
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s'", dir);
    fx_sh(cmd);
    fx_rmdir(dir);
}

/* Every key of a msgfmt file is found through its hash table, and
 * through errcat's own index once the table is gone; a hostile table
 * makes lookups miss, never read outside the file or loop. */
static void
test_mo_finds_keys_by_hash_table_or_index(void **state)
{
    const char *dir = fx_locale_dir();
    char path[512];
    struct errcat__mo mo, copy;
    struct errcat__mo_index ix;
    unsigned char *bad;
    uint32_t i, j;
    int round;

    (void)state;
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES/errcat-fixture.mo", dir);
    assert_int_equal(errcat__mo_open(path, &mo), 0);
    assert_true(mo.hash_size > 2);          /* msgfmt writes one */
    assert_int_equal(errcat__mo_index(&mo, &ix), 0);
    assert_null(ix.slot);                   /* not needed */
    for (i = 0; i < mo.n; i++) {
        const char *k, *v;
        size_t kn, vn;

        errcat__mo_pair(&mo, i, &k, &kn, &v, &vn);
        assert_int_equal(errcat__mo_find(&mo, &ix, k, kn), (long)i);
    }
    assert_int_equal(errcat__mo_find(&mo, &ix, "no such key", 11), -1);
    /* the same without the table */
    copy = mo;
    copy.hash_size = 0;
    assert_int_equal(errcat__mo_index(&copy, &ix), 0);
    assert_non_null(ix.slot);
    for (i = 0; i < mo.n; i++) {
        const char *k, *v;
        size_t kn, vn;

        errcat__mo_pair(&mo, i, &k, &kn, &v, &vn);
        assert_int_equal(errcat__mo_find(&copy, &ix, k, kn), (long)i);
    }
    assert_int_equal(errcat__mo_find(&copy, &ix, "no such key", 11), -1);
    errcat__mo_index_free(&ix);
    /* hostile tables: out-of-range entries, every slot full, a cycle */
    bad = malloc(mo.size);
    assert_non_null(bad);
    for (round = 0; round < 3; round++) {
        struct errcat__mo h;

        memcpy(bad, mo.data, mo.size);
        assert_int_equal(errcat__mo_parse(bad, mo.size, &h), 0);
        for (j = 0; j < h.hash_size; j++)
            mo_put32(bad + h.hash + 4 * j, round == 0 ? 0xffffffffu
                     : round == 1 ? 1 : (j + 1) % h.n + 1, h.swap);
        for (i = 0; i < h.n; i++) {
            const char *k, *v;
            size_t kn, vn;
            long got;

            errcat__mo_pair(&h, i, &k, &kn, &v, &vn);
            got = errcat__mo_find(&h, &ix, k, kn);
            assert_true(got == -1 || got == (long)i);
        }
        assert_int_equal(errcat__mo_find(&h, &ix, "no such key", 11), -1);
    }
    free(bad);
    errcat__mo_close(&mo);
    fx_rmdir(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mo_reads_both_byte_orders),
        cmocka_unit_test(test_mo_reads_msgfmt_output),
        cmocka_unit_test(test_mo_rejects_wrong_magic),
        cmocka_unit_test(test_mo_rejects_unknown_major_revision),
        cmocka_unit_test(test_mo_rejects_tables_out_of_range),
        cmocka_unit_test(test_mo_rejects_strings_out_of_range),
        cmocka_unit_test(test_mo_rejects_huge_counts),
        cmocka_unit_test(test_mo_rejects_unterminated_strings),
        cmocka_unit_test(test_mo_overlapping_strings_stay_inside),
        cmocka_unit_test(test_mo_rejects_every_truncation),
        cmocka_unit_test(test_mo_survives_random_corruption),
        cmocka_unit_test(test_mo_header_names_the_charset),
        cmocka_unit_test(test_mo_open_refuses_missing_and_odd_files),
        cmocka_unit_test(test_mo_finds_keys_by_hash_table_or_index),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
