/*
 * test_lookup.c - finding entries by value, code, code and status, and id,
 * in the fixture and the shipped catalog; the registry; and the fixed
 * fallbacks for anything unknown.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "errcat.h"
#include "csbs.h"
#include "../fixtures/fixture_catalog.h"
/* errcat-gen's own output for a catalog with absent fields, kept exact
   by the golden test */
#include "../golden/absent.c"

static const struct errcat_catalog *const fx = &fixture_catalog;

/* Every entry is found by its value, its id and (through the chain of its
 * code) its code: the tables agree with each other. */
static void
check_tables(const struct errcat_catalog *cat)
{
    size_t i;

    for (i = 0; i < errcat_entry_count(cat); i++) {
        const struct errcat_entry *e = errcat_entry_at(cat, i), *f;

        assert_ptr_equal(errcat_find(cat, errcat_entry_value(e)), e);
        assert_ptr_equal(errcat_find_id(cat, errcat_entry_id(e)), e);
        if (e->code == NULL) {
            /* found by value and id only */
            assert_string_equal(errcat_entry_code(e), "");
            assert_null(errcat_find_code(cat, ""));
            continue;
        }
        for (f = errcat_find_code(cat, errcat_entry_code(e)); f && f != e;
             f = errcat_next_same_code(cat, f))
            assert_string_equal(errcat_entry_code(f), errcat_entry_code(e));
        assert_ptr_equal(f, e);
        assert_ptr_equal(errcat_find_code_status(cat, errcat_entry_code(e),
                                                 errcat_entry_http_status(e))
                         ->code, e->code);
    }
    assert_null(errcat_entry_at(cat, i));
}

static void
test_lookup_fixture_tables_consistent(void **state)
{
    (void)state;
    check_tables(fx);
}

static void
test_lookup_finds_by_value(void **state)
{
    const struct errcat_entry *e;

    (void)state;
    e = errcat_find(fx, FIX_SERVER_NOT_FOUND);
    assert_non_null(e);
    assert_string_equal(errcat_entry_code(e), "FIX.0001");
    assert_string_equal(errcat_entry_id(e), "server_not_found");
    assert_int_equal(errcat_entry_http_status(e), 400);
    assert_null(errcat_find(fx, FIX_BASE + 5));         /* retired serial */
    assert_null(errcat_find(fx, FIX_BASE + 17));        /* never given */
    assert_null(errcat_find(fx, FIX_BASE + ERRCAT_SERIAL_MAX));
    assert_null(errcat_find(fx, FIX_BASE));
    assert_null(errcat_find(fx, (98 << ERRCAT_SERIAL_BITS) + 1));
    assert_null(errcat_find(fx, -1));
    assert_null(errcat_find(NULL, FIX_SERVER_NOT_FOUND));
    assert_true(errcat_entry_unused(errcat_find(fx, FIX_MIXED_VOLUME_TYPES)));
    assert_false(errcat_entry_unused(e));
}

static void
test_lookup_finds_every_entry_of_a_code(void **state)
{
    const struct errcat_entry *e;

    (void)state;
    e = errcat_find_code(fx, "FIX.0003");
    assert_string_equal(errcat_entry_id(e), "dedicated_capacity_insufficient");
    e = errcat_next_same_code(fx, e);
    assert_string_equal(errcat_entry_id(e), "vbs_no_cross_region");
    assert_null(errcat_next_same_code(fx, e));
    assert_string_equal(errcat_entry_id(errcat_find_code_status(fx, "FIX.0008",
                                                                403)),
                        "user_not_verified");
    assert_string_equal(errcat_entry_id(errcat_find_code_status(fx, "FIX.0008",
                                                                400)),
                        "space_below_used");
    assert_null(errcat_find_code_status(fx, "FIX.0008", 500));
    assert_null(errcat_find_code(fx, "FIX.4242"));
    assert_null(errcat_find_code(fx, ""));
    assert_null(errcat_find_code(fx, NULL));
    assert_null(errcat_next_same_code(fx, NULL));
    assert_null(errcat_find_id(fx, "nope"));
    assert_null(errcat_find_id(fx, NULL));
}

static void
test_lookup_unknown_reads_as_fallback(void **state)
{
    const struct errcat_entry *e = errcat_find(fx, FIX_SERVER_NOT_FOUND);
    struct errcat_entry stray = *e;

    (void)state;
    assert_string_equal(errcat_description(fx, NULL, NULL), "Unknown error");
    assert_string_equal(errcat_message_template(fx, NULL, NULL),
                        "Unknown error");
    assert_string_equal(errcat_measure(fx, NULL, NULL),
                        "Contact technical support.");
    assert_string_equal(errcat_module_name(fx, NULL, NULL), "Unknown");
    assert_string_equal(errcat_module_id(fx, NULL), "unknown");
    assert_string_equal(errcat_description(NULL, NULL, e), "Unknown error");
    assert_string_equal(errcat_text(fx, NULL, e, (enum errcat_field)42),
                        "Unknown error");
    /* an entry of another catalog is unknown here */
    assert_string_equal(errcat_description(&csbs_catalog, NULL, e),
                        "Unknown error");
    assert_string_equal(errcat_description(fx, NULL, &stray),
                        "Unknown error");
    assert_string_equal(errcat_describe(fx, NULL, FIX_BASE + 5),
                        "Unknown error");
    assert_string_equal(errcat_entry_code(NULL), "unknown");
    assert_string_equal(errcat_entry_id(NULL), "unknown");
    assert_int_equal(errcat_entry_value(NULL), 0);
    assert_int_equal(errcat_entry_http_status(NULL), 500);
    assert_false(errcat_entry_unused(NULL));
    assert_int_equal(errcat_entry_count(NULL), 0);
    assert_string_equal(errcat_module_name(fx, NULL, e), "Shared");
    assert_string_equal(errcat_module_id(fx, e), "shared");
    assert_string_equal(errcat_status_string(ERRCAT_ENOMEM), "out of memory");
    assert_string_equal(errcat_status_string(12345), "unknown status");
}

/* Absent fields read as "" (HTTP status 0), never as the fallback of an
 * unknown entry; an entry without code is found by value and id. */
static void
test_lookup_absent_fields_read_as_empty(void **state)
{
    const struct errcat_catalog *cat = &absent_catalog;
    const struct errcat_entry *plan = errcat_find(cat, ABS_PLAN_LIMIT_EXCEEDED);
    const struct errcat_entry *bare = errcat_find_id(cat, "bare");
    const struct errcat_entry *vault = errcat_find(cat, ABS_VAULT_MISSING);
    const struct errcat_entry *old = errcat_find(cat, ABS_OLD_QUOTA);
    const char *args[] = { "7" };
    char buf[128];

    (void)state;
    check_tables(cat);
    assert_non_null(plan);
    assert_ptr_equal(bare, errcat_find(cat, ABS_BARE));
    assert_null(plan->code);
    assert_string_equal(errcat_entry_code(plan), "");
    assert_int_equal(errcat_entry_http_status(plan), 413);
    assert_string_equal(errcat_description(cat, NULL, plan), "");
    assert_string_equal(errcat_measure(cat, NULL, plan), "");
    assert_string_equal(errcat_module_name(cat, NULL, plan), "");
    assert_string_equal(errcat_module_id(cat, plan), "");
    assert_string_equal(errcat_message_template(cat, NULL, plan),
                        "Maximum number of plans allowed (%(allowed)s) "
                        "exceeded");
    assert_int_equal(errcat_format(cat, NULL, plan, args, 1, buf, sizeof buf),
                     strlen("Maximum number of plans allowed (7) exceeded"));
    assert_string_equal(buf, "Maximum number of plans allowed (7) exceeded");
    assert_string_equal(errcat_describe(cat, NULL, ABS_PLAN_LIMIT_EXCEEDED),
                        "");

    assert_int_equal(errcat_entry_http_status(bare), 0);
    assert_string_equal(errcat_message_template(cat, NULL, bare), "");
    assert_int_equal(errcat_format(cat, NULL, bare, args, 1, buf, sizeof buf),
                     0);
    assert_string_equal(buf, "");
    assert_string_equal(errcat_describe(cat, NULL, ABS_BARE),
                        "Something went wrong.");

    /* a code shared by an entry with and one without module and status */
    assert_ptr_equal(errcat_find_code(cat, "ABS.0002"), vault);
    assert_ptr_equal(errcat_next_same_code(cat, vault), old);
    assert_ptr_equal(errcat_find_code_status(cat, "ABS.0002", 400), old);
    assert_ptr_equal(errcat_find_code_status(cat, "ABS.0002", 0), vault);
    assert_string_equal(errcat_module_id(cat, vault), "backup");
    assert_string_equal(errcat_module_name(cat, NULL, old), "");
    assert_string_equal(errcat_measure(cat, NULL, old),
                        "Ask for a larger quota.");
    assert_null(errcat_find_code(cat, "ABS.0003"));
    assert_null(errcat_find_code(cat, NULL));
    /* unknown still reads as the fallback */
    assert_string_equal(errcat_measure(cat, NULL, NULL),
                        "Contact technical support.");
}

static void
test_lookup_registry_refuses_duplicates(void **state)
{
    struct errcat_catalog same_number = fixture_catalog;
    struct errcat_catalog same_domain = fixture_catalog;
    struct errcat_catalog old_abi = fixture_catalog;
    struct errcat_catalog no_number = fixture_catalog;
    const struct errcat_catalog *cat, *list[4];

    (void)state;
    same_number.domain = "errcat-other";
    same_domain.number = 98;
    old_abi.abi = ERRCAT_ABI_VERSION + 1;
    no_number.number = 0;
    assert_int_equal(errcat_register(fx), 0);
    assert_int_equal(errcat_register(fx), ERRCAT_EEXIST);
    assert_int_equal(errcat_register(&same_number), ERRCAT_EEXIST);
    assert_int_equal(errcat_register(&same_domain), ERRCAT_EEXIST);
    assert_int_equal(errcat_register(&old_abi), ERRCAT_EABI);
    assert_int_equal(errcat_register(&no_number), ERRCAT_EINVAL);
    assert_int_equal(errcat_register(NULL), ERRCAT_EINVAL);
    assert_int_equal(errcat_register(&csbs_catalog), 0);
    assert_int_equal(errcat_catalogs(list, 4), 2);
    assert_ptr_equal(list[0], fx);
    assert_ptr_equal(list[1], &csbs_catalog);

    assert_string_equal(errcat_entry_code(errcat_lookup(FIX_BRACE_ESCAPE,
                                                        &cat)), "FIX.0011");
    assert_ptr_equal(cat, fx);
    assert_string_equal(errcat_entry_id(errcat_lookup(CSBS_SERVER_NOT_FOUND,
                                                      &cat)),
                        "server_not_found");
    assert_ptr_equal(cat, &csbs_catalog);
    assert_non_null(errcat_lookup_code("CSBS.6000", &cat));
    assert_ptr_equal(cat, &csbs_catalog);
    assert_non_null(errcat_lookup_id("brace_escape", &cat));
    assert_ptr_equal(cat, fx);
    assert_null(errcat_lookup_code("NOPE.1", &cat));
    assert_null(cat);
    assert_null(errcat_lookup(12345, NULL));

    assert_int_equal(errcat_unregister(fx), 0);
    assert_int_equal(errcat_unregister(fx), ERRCAT_ENOENT);
    assert_null(errcat_lookup(FIX_BRACE_ESCAPE, NULL));
    assert_int_equal(errcat_unregister(&csbs_catalog), 0);
    assert_int_equal(errcat_catalogs(list, 4), 0);
}

static void
test_lookup_shipped_catalog(void **state)
{
    const struct errcat_entry *e;
    static const char *const shared[][3] = {
        { "CSBS.8026", "dedicated_capacity_insufficient", "vbs_no_cross_region" },
        { "CSBS.9009", "user_not_verified", "space_below_used" },
        { "CSBS.5001", "replication_running", "policy_stop_failed" },
    };
    size_t i;

    (void)state;
    assert_int_equal(errcat_entry_count(&csbs_catalog), 66);
    check_tables(&csbs_catalog);
    e = errcat_find_code(&csbs_catalog, "CSBS.6000");
    assert_ptr_equal(e, errcat_find(&csbs_catalog, CSBS_SERVER_NOT_FOUND));
    assert_string_equal(errcat_description(&csbs_catalog, NULL, e),
                        "The server does not exist.");
    assert_string_equal(errcat_message_template(&csbs_catalog, NULL, e),
                        "server do not exist");
    assert_string_equal(errcat_module_name(&csbs_catalog, NULL, e), "Shared");
    for (i = 0; i < 3; i++) {
        e = errcat_find_code(&csbs_catalog, shared[i][0]);
        assert_string_equal(errcat_entry_id(e), shared[i][1]);
        e = errcat_next_same_code(&csbs_catalog, e);
        assert_string_equal(errcat_entry_id(e), shared[i][2]);
        assert_null(errcat_next_same_code(&csbs_catalog, e));
    }
    assert_string_equal(errcat_entry_id(errcat_find_code_status(
                            &csbs_catalog, "CSBS.9009", 403)),
                        "user_not_verified");
    assert_true(errcat_entry_unused(errcat_find(&csbs_catalog,
                                                CSBS_MIXED_VOLUME_TYPES)));
}

/* errcat_describe's one-load path gives what the general path gives, for
   every entry in every shipped language, and falls back the same way. */
static void
test_lookup_describe_fast_path_agrees(void **state)
{
    static const char *const langs[] = { "de", "zh_CN", "en" };
    const struct errcat_catalog *cat = &csbs_catalog;
    const struct errcat_locale *loc;
    size_t i, l;

    (void)state;
    assert_int_equal(errcat_bind(cat, ERRCAT_BUILD_LOCALEDIR), 0);
    for (l = 0; l < sizeof langs / sizeof langs[0]; l++) {
        assert_int_equal(errcat_locale_get(cat, langs[l], &loc), 0);
        assert_string_equal(errcat_locale_name(loc), langs[l]);
        for (i = 0; i < errcat_entry_count(cat); i++) {
            const struct errcat_entry *e = errcat_entry_at(cat, i);

            assert_ptr_equal(errcat_describe(cat, loc, errcat_entry_value(e)),
                             errcat_description(cat, loc, e));
        }
        assert_string_equal(errcat_describe(cat, loc, cat->base),
                            errcat_description(cat, loc, NULL));
        assert_string_equal(errcat_describe(cat, loc, cat->base + 1000000),
                            errcat_description(cat, loc, NULL));
        assert_string_equal(errcat_describe(cat, loc, -1),
                            errcat_description(cat, loc, NULL));
        assert_string_equal(errcat_describe(cat, loc, 2 << 20 | 1),
                            errcat_description(cat, loc, NULL));
    }
    errcat_catalog_release(cat);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup_fixture_tables_consistent),
        cmocka_unit_test(test_lookup_describe_fast_path_agrees),
        cmocka_unit_test(test_lookup_finds_by_value),
        cmocka_unit_test(test_lookup_finds_every_entry_of_a_code),
        cmocka_unit_test(test_lookup_unknown_reads_as_fallback),
        cmocka_unit_test(test_lookup_absent_fields_read_as_empty),
        cmocka_unit_test(test_lookup_registry_refuses_duplicates),
        cmocka_unit_test(test_lookup_shipped_catalog),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
