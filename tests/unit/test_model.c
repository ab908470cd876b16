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

/* The style a message is given, from its placeholders alone. */
static void
test_model_scan_finds_each_style(void **state)
{
    static const struct {
        const char *text;
        int style, nargs, ambiguous, stray, mixed, bare;
    } cases[] = {
        { "Maximum number of plans allowed (%(allowed)d) exceeded",
          ERRCAT_FORMAT_PYTHON, 1, 0, 0, 0, 0 },
        { "Invalid input: %(x)r, %(v)5.2f", ERRCAT_FORMAT_PYTHON, 2, 0, 0, 0, 0 },
        { "region %(r) is", ERRCAT_FORMAT_PYTHON, 1, 0, 0, 0, 1 },
        { "%5.2f GB of %lu, %-10s", ERRCAT_FORMAT_PRINTF, 3, 0, 0, 0, 0 },
        { "Copy %2$d of %1$s", ERRCAT_FORMAT_PRINTF, 2, 0, 0, 0, 0 },
        { "{0} in {1}", ERRCAT_FORMAT_BRACE, 2, 0, 0, 0, 0 },
        { "{} to {}, 100%", ERRCAT_FORMAT_BRACE, 2, 0, 0, 0, 0 },
        { "{name!r} {n:>8}", ERRCAT_FORMAT_BRACE, 2, 0, 0, 0, 0 },
        { "Storage 100% used", ERRCAT_FORMAT_NONE, 0, 1, 0, 0, 0 },
        { "50 % off", ERRCAT_FORMAT_NONE, 0, 1, 0, 0, 0 },
        { "Quota 100%, used", ERRCAT_FORMAT_NONE, 0, 0, 1, 0, 0 },
        { "JSON {\"a\": 1}", ERRCAT_FORMAT_NONE, 0, 0, 0, 0, 0 },
        /* with another placeholder, "% u" is a conversion, as printf says */
        { "%s at 100% used", ERRCAT_FORMAT_PRINTF, 2, 0, 0, 0, 0 },
        { "%s and %1$s", ERRCAT_FORMAT_PRINTF, 2, 0, 0, 1, 0 },
        { "{} and {0}", ERRCAT_FORMAT_BRACE, 2, 0, 0, 1, 0 },
        { "%(a)s and {b}", ERRCAT_FORMAT_BRACE, 2, 0, 0, 1, 0 },
        { "%*d rows", ERRCAT_FORMAT_NONE, 0, 0, 1, 0, 0 },
    };
    struct placeholders ph;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        model_scan(cases[i].text, &ph);
        if (ph.style != cases[i].style || (int)ph.nargs != cases[i].nargs
            || ph.ambiguous != cases[i].ambiguous
            || ph.stray_percent != cases[i].stray
            || ph.mixed != cases[i].mixed || ph.bare != cases[i].bare)
            fail_msg("\"%s\": style %d, %u args, ambiguous %d, stray %d, "
                     "mixed %d, bare %d", cases[i].text, ph.style, ph.nargs,
                     ph.ambiguous, ph.stray_percent, ph.mixed, ph.bare);
    }
    model_scan("%*d rows", &ph);
    assert_true(ph.unsupported);
    model_scan("100%, used", &ph);
    assert_false(ph.unsupported);
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
        cmocka_unit_test(test_model_scan_finds_each_style),
    };

    return cmocka_run_group_tests(tests, gen_setup, gen_teardown);
}
