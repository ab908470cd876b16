/*
 * test_numbering.c - stable enum values: ids keep their serials when
 * entries move, removed ids are retired and never reused, a changed
 * catalog number or a corrupt record is refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <cmocka.h>

#include "gen_fixture.h"
#include "numbering.h"

#define RECORD "build/tests/test_numbering.numbers"

static int
teardown(void **state)
{
    (void)state;
    remove(RECORD);
    load_cleanup();
    return 0;
}

static void
write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");

    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
}

/* Numbers a catalog of the given ids against RECORD; updates RECORD. */
static int
number(const char *const *ids, size_t n, unsigned *serials)
{
    struct buf xml = { NULL, 0, 0 }, out = { NULL, 0, 0 };
    struct model_catalog *cat;
    char e[1024], code[32];
    size_t i;
    int ret;

    for (i = 0; i < n; i++) {
        snprintf(code, sizeof code, "T.%lu", (unsigned long)i + 1);
        buf_puts(&xml, fixture_entry(e, sizeof e, ids[i], code, 400, "m", ""));
    }
    cat = fixture(xml.data);
    assert_non_null(cat);
    ret = numbering_apply(cat, RECORD, &out);
    if (ret == 0) {
        for (i = 0; i < n; i++)
            serials[i] = cat->entries[i].serial;
        write_text(RECORD, out.data);
    }
    buf_free(&xml);
    buf_free(&out);
    model_catalog_free(cat);
    return ret;
}

static void
test_numbering_new_record_counts_from_one(void **state)
{
    const char *ids[] = { "a", "b", "c" };
    unsigned s[3];

    (void)state;
    remove(RECORD);
    assert_int_equal(number(ids, 3, s), 0);
    assert_int_equal(s[0], 1);
    assert_int_equal(s[1], 2);
    assert_int_equal(s[2], 3);
}

static void
test_numbering_moving_entries_keeps_values(void **state)
{
    const char *ids[] = { "a", "b", "c" }, *moved[] = { "c", "a", "b" };
    unsigned s[3];

    (void)state;
    remove(RECORD);
    assert_int_equal(number(ids, 3, s), 0);
    assert_int_equal(number(moved, 3, s), 0);
    assert_int_equal(s[0], 3);
    assert_int_equal(s[1], 1);
    assert_int_equal(s[2], 2);
}

static void
test_numbering_removed_value_is_never_reused(void **state)
{
    const char *ids[] = { "a", "b", "c" }, *later[] = { "a", "c", "d" };
    unsigned s[3];

    (void)state;
    remove(RECORD);
    assert_int_equal(number(ids, 3, s), 0);
    assert_int_equal(number(later, 3, s), 0);
    assert_int_equal(s[0], 1);
    assert_int_equal(s[1], 3);
    assert_int_equal(s[2], 4);          /* not 2: b's value is retired */
}

static void
test_numbering_retired_id_comes_back_with_its_value(void **state)
{
    const char *ids[] = { "a", "b" }, *without[] = { "a" };
    unsigned s[2];

    (void)state;
    remove(RECORD);
    assert_int_equal(number(ids, 2, s), 0);
    assert_int_equal(number(without, 1, s), 0);
    assert_int_equal(number(ids, 2, s), 0);
    assert_int_equal(s[1], 2);
}

static void
test_numbering_changed_catalog_number_is_refused(void **state)
{
    const char *ids[] = { "a" };
    unsigned s[1];

    (void)state;
    write_text(RECORD, "catalog t 8\nnext 2\n1 a\n");
    assert_int_equal(number(ids, 1, s), 1);
}

static void
test_numbering_corrupt_record_is_refused(void **state)
{
    const char *ids[] = { "a" };
    unsigned s[1];

    (void)state;
    write_text(RECORD, "catalog t 9\nnext 3\n1 a\n1 b\n");
    assert_int_equal(number(ids, 1, s), 1);
    write_text(RECORD, "catalog t 9\nnext 2\n1 a\n5 b\n");
    assert_int_equal(number(ids, 1, s), 1);
    write_text(RECORD, "catalog t 9\nnext 3\n1 a\n2 a\n");
    assert_int_equal(number(ids, 1, s), 1);
    write_text(RECORD, "catalog t 9\nnext 2\n1 a\nwhat is this\n");
    assert_int_equal(number(ids, 1, s), 1);
    write_text(RECORD, "next 2\n1 a\n");
    assert_int_equal(number(ids, 1, s), 1);
}

static void
test_numbering_path_beside_catalog(void **state)
{
    char *p;

    (void)state;
    p = numbering_path("catalog/csbs.xml");
    assert_string_equal(p, "catalog/csbs.numbers");
    free(p);
    p = numbering_path("odd");
    assert_string_equal(p, "odd.numbers");
    free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbering_new_record_counts_from_one),
        cmocka_unit_test(test_numbering_moving_entries_keeps_values),
        cmocka_unit_test(test_numbering_removed_value_is_never_reused),
        cmocka_unit_test(test_numbering_retired_id_comes_back_with_its_value),
        cmocka_unit_test(test_numbering_changed_catalog_number_is_refused),
        cmocka_unit_test(test_numbering_corrupt_record_is_refused),
        cmocka_unit_test(test_numbering_path_beside_catalog),
    };

    return cmocka_run_group_tests(tests, gen_setup, teardown);
}
