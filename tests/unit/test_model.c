/*
 * test_model.c - the model's indexes: unique texts in .pot order, entries
 * chained by code, the code hash table, C constant names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <cmocka.h>

#include "gen_fixture.h"

#include "errcat_catalog.h"
#include <string.h>

#include "diag.h"
#include "load.h"
#include "model.h"

static struct model_catalog *
csbs(void)
{
    struct model_catalog *cat;

    diag_reset();
    assert_int_equal(load_catalog("catalog/csbs.xml", &cat), LOAD_OK);
    model_index(cat);
    return cat;
}

static void
test_model_texts_are_unique_per_field(void **state)
{
    struct model_catalog *cat = csbs();
    size_t i, j;

    (void)state;
    /* 6 modules and 185 distinct entry texts, counted from the seed */
    assert_int_equal(cat->n_texts, 191);
    for (i = 0; i < cat->n_texts; i++)
        for (j = i + 1; j < cat->n_texts; j++)
            assert_false(cat->texts[i].field == cat->texts[j].field
                         && strcmp(cat->texts[i].msgid,
                                   cat->texts[j].msgid) == 0);
    assert_int_equal(cat->texts[0].field, FIELD_MODULE);
    assert_string_equal(cat->texts[0].msgid, "Shared");
    model_catalog_free(cat);
}

/* CSBS.6001: the same English text is a description and a message. */
static void
test_model_same_text_in_two_fields_is_two_texts(void **state)
{
    struct model_catalog *cat = csbs();
    const struct model_entry *e = &cat->entries[2];

    (void)state;
    assert_string_equal(e->code, "CSBS.6001");
    assert_string_equal(e->text[FIELD_DESCRIPTION], e->text[FIELD_MESSAGE]);
    assert_int_not_equal(e->text_index[FIELD_DESCRIPTION],
                         e->text_index[FIELD_MESSAGE]);
    model_catalog_free(cat);
}

static void
test_model_shared_message_has_two_uses(void **state)
{
    struct model_catalog *cat = csbs();
    size_t i;
    int found = 0;

    (void)state;
    for (i = 0; i < cat->n_texts; i++)
        if (strcmp(cat->texts[i].msgid, "Server (%s) is already in service.")
            == 0) {
            assert_int_equal(cat->texts[i].n_uses, 2);
            found = 1;
        }
    assert_true(found);
    model_catalog_free(cat);
}

/* Looks a code up as liberrcat will: hash, probe, then follow the chain. */
static size_t
entries_of(const struct model_catalog *cat, const char *code)
{
    size_t slot = errcat_code_hash(code) & (cat->hash_size - 1), n = 0;
    unsigned i;

    while ((i = cat->code_hash[slot]) != 0
           && strcmp(cat->entries[i - 1].code, code) != 0)
        slot = (slot + 1) & (cat->hash_size - 1);
    for (; i; i = cat->entries[i - 1].next_same_code) {
        assert_string_equal(cat->entries[i - 1].code, code);
        n++;
    }
    return n;
}

static void
test_model_code_hash_finds_every_entry(void **state)
{
    struct model_catalog *cat = csbs();
    size_t i, total = 0;

    (void)state;
    assert_int_equal(entries_of(cat, "CSBS.9009"), 2);
    assert_int_equal(entries_of(cat, "CSBS.5001"), 2);
    assert_int_equal(entries_of(cat, "CSBS.8026"), 2);
    assert_int_equal(entries_of(cat, "BackupService.4008"), 1);
    assert_int_equal(entries_of(cat, "CSBS.0000"), 0);
    for (i = 0; i < cat->n_entries; i++)
        total += entries_of(cat, cat->entries[i].code)
            == 1 ? 1 : 0;
    assert_int_equal(total, 66 - 6);
    model_catalog_free(cat);
}

static void
test_model_constant_names(void **state)
{
    struct model_catalog *cat = csbs();
    char *name = model_constant(cat, &cat->entries[1]);

    (void)state;
    assert_string_equal(name, "CSBS_SERVER_NOT_FOUND");
    cat->entries[1].serial = 2;     /* numbering gives serials */
    assert_int_equal(model_value(cat, &cat->entries[1]), (1 << 20) | 2);
    free(name);
    model_catalog_free(cat);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_texts_are_unique_per_field),
        cmocka_unit_test(test_model_same_text_in_two_fields_is_two_texts),
        cmocka_unit_test(test_model_shared_message_has_two_uses),
        cmocka_unit_test(test_model_code_hash_finds_every_entry),
        cmocka_unit_test(test_model_constant_names),
    };

    return cmocka_run_group_tests(tests, gen_setup, gen_teardown);
}
