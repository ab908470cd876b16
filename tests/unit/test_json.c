/*
 * test_json.c - error bodies as JSON: the API body and the localized body
 * written with correct escaping, incoming bodies of every shape services
 * send (Huawei, OpenStack, {"error": {}}, flat) matched by code or HTTP
 * status, and hostile ones refused with a defined status.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "errcat_int.h"
#include "../fixtures/fixture_catalog.h"
#include "../fixtures/fixture_locale.h"
#include "../golden/styles.c"
#include "../golden/absent.c"

static const struct errcat_catalog *const fx = &fixture_catalog;
static char buf[4096];

static const struct errcat_entry *
entry(int value)
{
    return errcat_find(fx, value);
}

static void
test_json_writes_the_api_body(void **state)
{
    const char *args[] = { "ecs-01" };
    long n;

    (void)state;
    n = errcat_json_body(fx, entry(FIX_SERVER_ALREADY_BOUND), args, 1, buf,
                         sizeof buf);
    assert_string_equal(buf, "{\"error_code\":\"FIX.0002\",\"error_msg\":"
                        "\"Server (ecs-01) is already in service.\"}");
    assert_int_equal(n, (long)strlen(buf));
    n = errcat_json_body(fx, NULL, NULL, 0, buf, sizeof buf);
    assert_string_equal(buf, "{\"error_code\":\"unknown\",\"error_msg\":"
                        "\"Unknown error\"}");
}

static void
test_json_escapes_every_string(void **state)
{
    const char *args[] = { "a\"b\\c\nd\x01</script>云" };
    json_t *root;
    json_error_t err;

    (void)state;
    assert_true(errcat_json_body(fx, entry(FIX_SERVER_ALREADY_BOUND), args, 1,
                                 buf, sizeof buf) > 0);
    assert_non_null(strstr(buf, "a\\\"b\\\\c\\nd\\u0001</script>云"));
    root = json_loads(buf, JSON_REJECT_DUPLICATES, &err);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "error_msg")),
                        "Server (a\"b\\c\nd\x01</script>云) is already in "
                        "service.");
    json_decref(root);
}

static void
test_json_refuses_invalid_utf8_arguments(void **state)
{
    const char *args[] = { "bad \xc3\x28 byte" };

    (void)state;
    strcpy(buf, "junk");
    assert_int_equal(errcat_json_body(fx, entry(FIX_SERVER_ALREADY_BOUND),
                                      args, 1, buf, sizeof buf),
                     ERRCAT_EINVAL);
    assert_string_equal(buf, "");
}

static void
test_json_reports_the_length_a_short_buffer_needs(void **state)
{
    char small[16];
    long n;

    (void)state;
    n = errcat_json_body(fx, entry(FIX_SERVER_NOT_FOUND), NULL, 0, NULL, 0);
    assert_true(n > 16);
    strcpy(small, "junk");
    assert_int_equal(errcat_json_body(fx, entry(FIX_SERVER_NOT_FOUND), NULL, 0,
                                      small, sizeof small), n);
    assert_string_equal(small, "");
    assert_int_equal(errcat_json_body(fx, entry(FIX_SERVER_NOT_FOUND), NULL, 0,
                                      buf, (size_t)n), n);
    assert_string_equal(buf, "");           /* no room for the NUL */
    assert_int_equal(errcat_json_body(fx, entry(FIX_SERVER_NOT_FOUND), NULL, 0,
                                      buf, (size_t)n + 1), n);
    assert_int_equal(strlen(buf), n);
}

static void
test_json_writes_the_localized_body(void **state)
{
    const char *dir = fx_locale_dir();
    const struct errcat_locale *de;
    const char *args[] = { "ecs-01" };
    json_t *root;
    json_error_t err;

    (void)state;
    assert_int_equal(errcat_bind(fx, dir), 0);
    assert_int_equal(errcat_locale_get(fx, "de-DE", &de), 0);
    assert_true(errcat_json_localized(fx, de, entry(FIX_SERVER_ALREADY_BOUND),
                                      args, 1, buf, sizeof buf) > 0);
    root = json_loads(buf, JSON_REJECT_DUPLICATES, &err);
    assert_non_null(root);
#define STR(k) json_string_value(json_object_get(root, k))
    assert_string_equal(STR("error_code"), "FIX.0002");
    assert_string_equal(STR("error_msg"),
                        "Server (ecs-01) is already in service.");
    assert_string_equal(STR("code"), "FIX.0002");
    assert_string_equal(STR("id"), "server_already_bound");
    assert_string_equal(STR("module"), "Allgemein");
    assert_string_equal(STR("description"),
                        "Der Server ist bereits an eine Sicherungsrichtlinie "
                        "gebunden.");
    assert_string_equal(STR("message"), "Server (ecs-01) ist bereits in "
                        "Betrieb.");
    assert_string_equal(STR("measure"), "Prüfen Sie die Sicherungsrichtlinie.");
    assert_string_equal(STR("locale"), "de");
#undef STR
    assert_int_equal(json_integer_value(json_object_get(root, "http_status")),
                     400);
    assert_true(json_is_false(json_object_get(root, "unused")));
    json_decref(root);
    errcat_catalog_release(fx);
    fx_rmdir(dir);
}

/* Absent fields are left out of both bodies, never written as "" or 0. */
static void
test_json_leaves_absent_fields_out(void **state)
{
    const struct errcat_catalog *cat = &absent_catalog;
    const char *args[] = { "9" };

    (void)state;
    errcat_json_body(cat, errcat_find(cat, ABS_PLAN_LIMIT_EXCEEDED), args, 1,
                     buf, sizeof buf);
    assert_string_equal(buf, "{\"error_msg\":\"Maximum number of plans "
                        "allowed (9) exceeded\"}");
    errcat_json_body(cat, errcat_find(cat, ABS_VAULT_MISSING), NULL, 0, buf,
                     sizeof buf);
    assert_string_equal(buf, "{\"error_code\":\"ABS.0002\"}");
    errcat_json_localized(cat, NULL, errcat_find(cat, ABS_PLAN_LIMIT_EXCEEDED),
                          args, 1, buf, sizeof buf);
    assert_string_equal(buf, "{\"error_msg\":\"Maximum number of plans "
                        "allowed (9) exceeded\",\"id\":\"plan_limit_exceeded\","
                        "\"http_status\":413,\"message\":\"Maximum number of "
                        "plans allowed (9) exceeded\",\"unused\":false,"
                        "\"locale\":\"en\"}");
    errcat_json_localized(cat, NULL, errcat_find(cat, ABS_BARE), NULL, 0, buf,
                          sizeof buf);
    assert_string_equal(buf, "{\"id\":\"bare\",\"description\":\"Something "
                        "went wrong.\",\"unused\":false,\"locale\":\"en\"}");
}

static int
body(const char *json)
{
    struct errcat_match m;
    int rc = errcat_match_body(fx, json, strlen(json), &m);

    if (rc != 0)
        assert_null(m.entry);
    errcat_match_free(&m);
    return rc;
}

static void
test_json_parses_error_bodies(void **state)
{
    static const char b[] = "{\"error_code\":\"FIX.0003\",\"error_msg\":"
        "\"volume backup is not supported replication.\",\"extra\":[1,2]}";
    struct errcat_match m;

    (void)state;
    assert_int_equal(errcat_match_body(fx, b, strlen(b), &m), 0);
    assert_string_equal(errcat_entry_id(m.entry), "vbs_no_cross_region");
    errcat_match_free(&m);
    /* a buffer that is not NUL-terminated: len rules */
    assert_int_equal(errcat_match_body(fx, b, strlen(b) - 1, &m),
                     ERRCAT_EBODY);
    assert_int_equal(body("{\"error_code\":\"FIX.0002\",\"error_msg\":"
                          "\"Server (\\u4e91) is already in service.\"}"), 0);
}

/* A NUL inside error_code or error_msg is valid JSON that no C string
 * can carry: reported as that, not as "not a JSON error body". */
static void
test_json_names_a_nul_in_a_body(void **state)
{
    (void)state;
    assert_int_equal(body("{\"error_code\":\"FIX.0001\",\"error_msg\":"
                          "\"a\\u0000b\"}"), ERRCAT_ENUL);
    assert_int_equal(body("{\"error_code\":\"FIX\\u0000.0001\","
                          "\"error_msg\":\"x\"}"), ERRCAT_ENUL);
    assert_string_not_equal(errcat_status_string(ERRCAT_ENUL),
                            errcat_status_string(ERRCAT_EBODY));
    /* elsewhere in the body it is no concern of errcat's */
    assert_int_equal(body("{\"error_code\":\"FIX.0001\",\"error_msg\":"
                          "\"server do not exist\",\"x\":\"\\u0000\"}"), 0);
}

/* ERRCAT_JSON_EMBED: nothing that ends a <script> or a JavaScript string
 * is written raw; the text still parses to the same strings. */
static void
test_json_embed_escapes_what_html_and_javascript_break_on(void **state)
{
    const char *args[] = { "</script><b>&amp;\xe2\x80\xa8\xe2\x80\xa9\xe2\x80\xa7" };
    char raw[4096];
    json_t *root;
    json_error_t err;
    long n, m;

    (void)state;
    n = errcat_json_body_ex(fx, entry(FIX_SERVER_ALREADY_BOUND), args, 1,
                            ERRCAT_JSON_EMBED, buf, sizeof buf);
    assert_int_equal(n, (long)strlen(buf));
    assert_null(strpbrk(buf, "<>&"));
    assert_null(strstr(buf, "\xe2\x80\xa8"));
    assert_null(strstr(buf, "\xe2\x80\xa9"));
    assert_non_null(strstr(buf, "\\u003c/script\\u003e\\u003cb\\u003e"
                           "\\u0026amp;\\u2028\\u2029\xe2\x80\xa7"));
    root = json_loads(buf, 0, &err);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "error_msg")),
                        "Server (</script><b>&amp;\xe2\x80\xa8\xe2\x80\xa9"
                        "\xe2\x80\xa7) is already in service.");
    json_decref(root);
    /* without the flag, the body as before */
    m = errcat_json_body_ex(fx, entry(FIX_SERVER_ALREADY_BOUND), args, 1, 0,
                            raw, sizeof raw);
    assert_int_equal(m, errcat_json_body(fx, entry(FIX_SERVER_ALREADY_BOUND),
                                         args, 1, buf, sizeof buf));
    assert_string_equal(raw, buf);
    assert_non_null(strchr(raw, '<'));
    /* the localized body too */
    n = errcat_json_localized_ex(fx, NULL, entry(FIX_SERVER_ALREADY_BOUND),
                                 args, 1, ERRCAT_JSON_EMBED, buf, sizeof buf);
    assert_true(n > 0);
    assert_null(strpbrk(buf, "<>&"));
    /* short buffers: the length needed, and "" */
    n = (long)errcat_json_embed("\"<\"", 3, buf, 4);
    assert_int_equal(n, 8);
    assert_string_equal(buf, "");
    assert_int_equal(errcat_json_embed("\"<\"", 3, buf, 9), 8);
    assert_string_equal(buf, "\"\\u003c\"");
    assert_int_equal(errcat_json_embed("ab", 2, NULL, 0), 2);
    /* a cut sequence at the end is copied as it is */
    assert_int_equal(errcat_json_embed("\xe2\x80", 2, buf, sizeof buf), 2);
}

static void
test_json_refuses_hostile_bodies(void **state)
{
    static const char *const bad[] = {
        "", "null", "[]", "\"FIX.0001\"", "{", "{}",
        "{\"error_code\":1,\"error_msg\":\"x\"}",
        "{\"error_code\":\"FIX.0001\",\"error_msg\":null}",
        "{\"error_code\":\"FIX.0001\",\"error_msg\":[\"x\"]}",
        "{\"error_code\":\"FIX.0001\"}",
        ("{\"error_code\":\"FIX.0001\",\"error_code\":\"FIX.0002\","
         "\"error_msg\":\"x\"}"),
        "{\"error_code\":\"FIX.0001\",\"error_msg\":\"server do not exist\"} x",
        "{\"error_code\":\"FIX.0001\",\"error_msg\":\"\xc3\x28\"}",
        "{\"error_code\":\"FIX.0001\",\"error_msg\":\"\xed\xa0\x80\"}",
    };
    struct errcat_match m;
    size_t i, n = 200000;
    char *deep;

    (void)state;
    for (i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(body(bad[i]), ERRCAT_EBODY);
    assert_int_equal(errcat_match_body(fx, NULL, 0, &m), ERRCAT_EINVAL);
    assert_int_equal(errcat_match_body(fx, "{}", 2, NULL), ERRCAT_EINVAL);
    /* 200,000 levels of nesting */
    deep = malloc(2 * n + 1);
    assert_non_null(deep);
    memset(deep, '[', n);
    memset(deep + n, ']', n);
    deep[2 * n] = '\0';
    assert_int_equal(body(deep), ERRCAT_EBODY);
    free(deep);
    /* over the size limit */
    deep = calloc(ERRCAT_BODY_MAX + 2, 1);
    assert_non_null(deep);
    assert_int_equal(errcat_match_body(fx, deep, ERRCAT_BODY_MAX + 1, &m),
                     ERRCAT_ETOOBIG);
    free(deep);
}

static void
test_json_handles_huge_strings(void **state)
{
    size_t n = ERRCAT_BODY_MAX - 100, i;
    char *b = malloc(n + 1);
    int len;

    (void)state;
    assert_non_null(b);
    len = snprintf(b, n, "{\"error_code\":\"FIX.0003\",\"error_msg\":\"");
    for (i = (size_t)len; i < n - 2; i++)
        b[i] = 'x';
    b[n - 2] = '"';
    b[n - 1] = '}';
    b[n] = '\0';
    assert_int_equal(body(b), ERRCAT_ENOMATCH);
    free(b);
}

/* Matches body against the styles fixture: the entry's value, or the
 * status; *by_code receives by_code_only. */
static int
styles_body(const char *b, int *by_code)
{
    struct errcat_match m;
    int rc = errcat_match_body(&styles_catalog, b, strlen(b), &m);

    *by_code = m.by_code_only;
    if (rc == 0)
        rc = errcat_entry_value(m.entry);
    errcat_match_free(&m);
    return rc;
}

static void
test_json_reads_every_body_shape(void **state)
{
    static const struct {
        const char *body;
        int want, by_code;
    } cases[] = {
        /* OpenStack: the fault's name, then code = HTTP status */
        { "{\"itemNotFound\": {\"code\": 404, \"message\": \"Backup b-1 could "
          "not be found.\"}}", STY_BACKUP_NOT_FOUND, 0 },
        { "{\"itemNotFound\": {\"message\": \"Plan p-2 could not be found.\", "
          "\"code\": 404}}", STY_PLAN_NOT_FOUND, 0 },
        { "{\"overLimit\": {\"message\": \"Maximum number of plans allowed "
          "(10) exceeded\", \"code\": 413, \"retryAfter\": \"60\"}}",
          STY_PLAN_LIMIT_EXCEEDED, 0 },
        /* {"error": {...}} with a string code or a status */
        { "{\"error\": {\"code\": \"STY.0010\", \"message\": \"Size 7 is too "
          "large\"}}", STY_SIZE_NUMBER, 0 },
        { "{\"error\": {\"message\": \"Storage 100% used\", \"code\": 507, "
          "\"title\": \"Insufficient Storage\"}}", STY_STORAGE_FULL, 0 },
        /* flat */
        { "{\"code\": \"STY.0007\", \"message\": \"Unknown parameter 'x'\"}",
          STY_UNKNOWN_PARAMETER, 0 },
        { "{\"message\": \"Backup b could not be found.\", \"code\": 404}",
          STY_BACKUP_NOT_FOUND, 0 },
        /* Huawei */
        { "{\"error_code\": \"STY.0006\", \"error_msg\": \"Cannot attach v to "
          "s ({retry})\"}", STY_CANNOT_ATTACH, 0 },
        /* a message of no template: by code only when one entry has it */
        { "{\"error\": {\"code\": \"STY.0007\", \"message\": \"bad\"}}",
          STY_UNKNOWN_PARAMETER, 1 },
        { "{\"code\": \"PlanNotFound\", \"message\": \"no plan\"}",
          STY_PLAN_NOT_FOUND, 1 },
        { "{\"error_code\": \"STY.0011\", \"error_msg\": \"full\"}",
          STY_STORAGE_FULL, 1 },
        { "{\"error\": {\"code\": \"STY.0010\", \"message\": \"big\"}}",
          ERRCAT_ENOMATCH, 0 },
        /* never by status alone */
        { "{\"itemNotFound\": {\"code\": 404, \"message\": \"gone\"}}",
          ERRCAT_ENOMATCH, 0 },
        { "{\"teapot\": {\"code\": 418, \"message\": \"gone\"}}",
          ERRCAT_ENOENT, 0 },
        { "{\"code\": \"Nope\", \"message\": \"gone\"}", ERRCAT_ENOENT, 0 },
    };
    size_t i;
    int by_code;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        int rc = styles_body(cases[i].body, &by_code);

        if (rc != cases[i].want || by_code != cases[i].by_code)
            fail_msg("%s: got %d (by code %d)", cases[i].body, rc, by_code);
    }
}

static void
test_json_refuses_bodies_of_no_shape(void **state)
{
    static const char *const bad[] = {
        "{\"code\": 404}", "{\"message\": \"x\"}",
        "{\"code\": 404.0, \"message\": \"Storage 100% used\"}",
        "{\"code\": 99, \"message\": \"x\"}",
        "{\"code\": 600, \"message\": \"x\"}",
        "{\"code\": -404, \"message\": \"x\"}",
        "{\"code\": true, \"message\": \"x\"}",
        "{\"code\": \"STY.0011\", \"message\": 1}",
        "{\"a\": {\"code\": 404, \"message\": \"x\"}, \"b\": 1}",
        "{\"error\": [404, \"x\"]}", "{\"error\": {\"code\": 404}}",
        "{\"error\": {\"error\": {\"code\": 404, \"message\": \"x\"}}}",
        "{\"error_code\": \"STY.0011\", \"message\": \"x\"}",
        "{\"error_msg\": \"x\", \"code\": \"STY.0011\"}",
        "[{\"code\": 404, \"message\": \"x\"}]",
    };
    size_t i;
    int by_code;

    (void)state;
    for (i = 0; i < sizeof bad / sizeof *bad; i++)
        if (styles_body(bad[i], &by_code) != ERRCAT_EBODY)
            fail_msg("accepted %s", bad[i]);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_writes_the_api_body),
        cmocka_unit_test(test_json_escapes_every_string),
        cmocka_unit_test(test_json_refuses_invalid_utf8_arguments),
        cmocka_unit_test(test_json_reports_the_length_a_short_buffer_needs),
        cmocka_unit_test(test_json_writes_the_localized_body),
        cmocka_unit_test(test_json_leaves_absent_fields_out),
        cmocka_unit_test(test_json_parses_error_bodies),
        cmocka_unit_test(test_json_refuses_hostile_bodies),
        cmocka_unit_test(test_json_names_a_nul_in_a_body),
        cmocka_unit_test(test_json_embed_escapes_what_html_and_javascript_break_on),
        cmocka_unit_test(test_json_handles_huge_strings),
        cmocka_unit_test(test_json_reads_every_body_shape),
        cmocka_unit_test(test_json_refuses_bodies_of_no_shape),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
