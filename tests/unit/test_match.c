/*
 * test_match.c - recognising API error messages: templates matched by
 * their literal parts, arguments recovered, entries that share a code
 * told apart, in the fixture and the shipped catalog; every placeholder
 * style round-tripped through seeded random messages over the catalog
 * errcat-gen makes of tests/golden/styles.xml.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "errcat_int.h"
#include "csbs.h"
#include "../fixtures/fixture_catalog.h"
#include "../golden/styles.c"

static const struct errcat_catalog *const fx = &fixture_catalog;

static size_t off[ERRCAT_ARGS_MAX], len[ERRCAT_ARGS_MAX], nargs;

static size_t
tm(const char *src, enum errcat_format f, const char *msg)
{
    return errcat__match_template(src, f, msg, strlen(msg), off, len,
                                  ERRCAT_ARGS_MAX, &nargs);
}

static void
assert_arg(const char *msg, size_t i, const char *want)
{
    assert_true(i < nargs);
    assert_int_equal(len[i], strlen(want));
    assert_memory_equal(msg + off[i], want, len[i]);
}

static void
test_match_template_literal_parts(void **state)
{
    const char *m;

    (void)state;
    assert_int_equal(tm("server do not exist", ERRCAT_FORMAT_NONE,
                        "server do not exist"), 20);
    assert_int_equal(tm("server do not exist", ERRCAT_FORMAT_NONE,
                        "server do not exist."), 0);
    m = "Server (ecs-01) is already in service.";
    assert_true(tm("Server (%s) is already in service.", ERRCAT_FORMAT_PRINTF,
                   m) > 0);
    assert_int_equal(nargs, 1);
    assert_arg(m, 0, "ecs-01");
    assert_int_equal(tm("Server (%s) is already in service.",
                        ERRCAT_FORMAT_PRINTF, "Server (x) is in service."), 0);
    assert_int_equal(tm("ab%sba", ERRCAT_FORMAT_PRINTF, "aba"), 0);
    assert_true(tm("ab%sba", ERRCAT_FORMAT_PRINTF, "abba") > 0);
    assert_arg("abba", 0, "");
}

static void
test_match_template_recovers_every_argument(void **state)
{
    const char *m = "The project p1 dec used capacity is 5, dec capacity is 4.";
    const char *n = "Backup b-1 no need to replicate to eu-de, the replication "
        "record status is: done.";

    (void)state;
    assert_true(tm("The project %s dec used capacity is %s, dec capacity is "
                   "%s.", ERRCAT_FORMAT_PRINTF, m) > 0);
    assert_int_equal(nargs, 3);
    assert_arg(m, 0, "p1");
    assert_arg(m, 1, "5");
    assert_arg(m, 2, "4");
    assert_true(tm("Backup %(backup_id)s no need to replicate to %(region)s, "
                   "the replication record status is: %(record_status)s.",
                   ERRCAT_FORMAT_PYTHON, n) > 0);
    assert_arg(n, 0, "b-1");
    assert_arg(n, 1, "eu-de");
    assert_arg(n, 2, "done");
    m = "The destination region eu-de is not supported.";
    assert_true(tm("The destination region %(destination_region) is not "
                   "supported.", ERRCAT_FORMAT_PYTHON, m) > 0);
    assert_arg(m, 0, "eu-de");
    m = "The backup ckpt-9 has register to image, can't be delete";
    assert_true(tm("The backup {checkpoint_item_id} has register to image, "
                   "can't be delete", ERRCAT_FORMAT_BRACE, m) > 0);
    assert_arg(m, 0, "ckpt-9");
    m = "Service type of volume v1(belong to server s1) is dss.";
    assert_true(tm("Service type of volume %s(belong to server %s) is dss.",
                   ERRCAT_FORMAT_PRINTF, m) > 0);
    assert_arg(m, 0, "v1");
    assert_arg(m, 1, "s1");
}

static void
test_match_template_reads_escapes(void **state)
{
    const char *m = "Quota exceeded: 100% used by p1";

    (void)state;
    assert_true(tm("Quota exceeded: 100%% used by %s", ERRCAT_FORMAT_PRINTF,
                   m) > 0);
    assert_arg(m, 0, "p1");
    assert_int_equal(tm("Quota exceeded: 100%% used by %s",
                        ERRCAT_FORMAT_PRINTF,
                        "Quota exceeded: 100%% used by p1"), 0);
    m = "Use {braces} around x.";
    assert_true(tm("Use {{braces}} around {name}.", ERRCAT_FORMAT_BRACE, m) > 0);
    assert_arg(m, 0, "x");
}

static int
match(const char *code, const char *msg, struct errcat_match *m)
{
    return errcat_match(fx, code, msg, m);
}

static void
test_match_tells_apart_entries_of_one_code(void **state)
{
    struct errcat_match m;

    (void)state;
    assert_int_equal(match("FIX.0003", "volume backup is not supported "
                           "replication.", &m), 0);
    assert_string_equal(errcat_entry_id(m.entry), "vbs_no_cross_region");
    assert_int_equal(m.nargs, 0);
    errcat_match_free(&m);
    assert_int_equal(match("FIX.0003", "The project p1 dec used capacity is 5, "
                           "dec capacity is 4.", &m), 0);
    assert_string_equal(errcat_entry_id(m.entry),
                        "dedicated_capacity_insufficient");
    assert_ptr_equal(m.cat, fx);
    assert_int_equal(m.nargs, 3);
    assert_string_equal(m.args[0], "p1");
    assert_string_equal(m.args[1], "5");
    assert_string_equal(m.args[2], "4");
    errcat_match_free(&m);
    errcat_match_free(&m);                  /* idempotent */
    assert_int_equal(match("FIX.0008", "User is unverified.", &m), 0);
    assert_int_equal(errcat_entry_http_status(m.entry), 403);
    errcat_match_free(&m);
}

static void
test_match_prefers_the_most_literal_template(void **state)
{
    static const struct errcat_text texts[] = {
        { "module\004M", "M", ERRCAT_FORMAT_NONE, 0 },
        { "message\004%s failed", "%s failed", ERRCAT_FORMAT_PRINTF, 1 },
        { "message\004backup failed", "backup failed", ERRCAT_FORMAT_NONE, 0 },
    };
    static const struct errcat_module modules[] = { { "m", 0 } };
    static const struct errcat_entry entries[] = {
        { "generic", "T.1", (7 << 20) + 1, 500, 0, 0, 0, 1, 0, 2 },
        { "specific", "T.1", (7 << 20) + 2, 500, 0, 0, 0, 2, 0, 0 },
    };
    static const unsigned by_serial[] = { 0, 1, 2 };
    static unsigned code_hash[4];
    static struct errcat_cache cache;
    static const struct errcat_catalog cat = {
        ERRCAT_ABI_VERSION, "t", "errcat-t", "T", "test_match.c", 7, 7 << 20,
        2, entries, 1, modules, 3, texts, 3, by_serial, 3, code_hash, &cache
    };
    struct errcat_match m;

    (void)state;
    code_hash[errcat_code_hash("T.1") & 3] = 1;
    assert_int_equal(errcat_match(&cat, "T.1", "backup failed", &m), 0);
    assert_string_equal(errcat_entry_id(m.entry), "specific");
    errcat_match_free(&m);
    assert_int_equal(errcat_match(&cat, "T.1", "restore failed", &m), 0);
    assert_string_equal(errcat_entry_id(m.entry), "generic");
    assert_string_equal(m.args[0], "restore");
    errcat_match_free(&m);
}

static void
test_match_reports_unknown_and_unmatched(void **state)
{
    struct errcat_match m;
    char *huge;

    (void)state;
    assert_int_equal(match("FIX.4242", "x", &m), ERRCAT_ENOENT);
    assert_null(m.entry);
    assert_int_equal(match("FIX.0003", "something else", &m), ERRCAT_ENOMATCH);
    assert_null(m.entry);
    assert_null(m.storage);
    assert_int_equal(match(NULL, "x", &m), ERRCAT_EINVAL);
    assert_int_equal(match("FIX.0001", NULL, &m), ERRCAT_EINVAL);
    assert_int_equal(errcat_match(fx, "FIX.0001", "x", NULL), ERRCAT_EINVAL);
    huge = malloc(ERRCAT_BODY_MAX + 2);
    assert_non_null(huge);
    memset(huge, 'a', ERRCAT_BODY_MAX + 1);
    huge[ERRCAT_BODY_MAX + 1] = '\0';
    assert_int_equal(match("FIX.0003", huge, &m), ERRCAT_ETOOBIG);
    free(huge);
    errcat_match_free(NULL);
}

static void
test_match_takes_bounded_time_on_hostile_messages(void **state)
{
    struct errcat_match m;
    size_t n = ERRCAT_BODY_MAX, i;
    char *msg = malloc(n + 1);
    clock_t t0 = clock();

    (void)state;
    assert_non_null(msg);
    /* near-misses of "The project %s dec used capacity is %s, ..." */
    memcpy(msg, "The project ", 12);
    for (i = 12; i < n; i++)
        msg[i] = " dec used capacity is"[i % 21];
    msg[n] = '\0';
    assert_int_equal(match("FIX.0003", msg, &m), ERRCAT_ENOMATCH);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
    free(msg);
}

/* Templates that could make a backtracking matcher try exponentially
 * many splits give up within the budget. */
static void
test_match_backtracking_is_bounded(void **state)
{
    static const char *const tmpl[] = {
        "%d a %d a %d a %d a %d a %d a %d.", "%s%s%s%s%s%s%d.",
        "{0} a {1} a {0} a {1} a {0}.", "%5s a %-5s a %5s a %5d.",
    };
    size_t n = 1 << 20, i, k;
    char *msg = malloc(n + 1);
    clock_t t0 = clock();

    (void)state;
    assert_non_null(msg);
    for (i = 0; i < n; i++)
        msg[i] = "1 a "[i % 4];
    msg[n - 2] = 'x';
    msg[n - 1] = '.';
    msg[n] = '\0';
    for (k = 0; k < sizeof tmpl / sizeof *tmpl; k++)
        assert_int_equal(tm(tmpl[k], tmpl[k][0] == '{' ? ERRCAT_FORMAT_BRACE
                            : ERRCAT_FORMAT_PRINTF, msg), 0);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
    free(msg);
}

static void
test_match_survives_allocation_failure(void **state)
{
    struct errcat_match m;

    (void)state;
    errcat__alloc_count = 0;
    errcat__alloc_fail_at = 1;
    assert_int_equal(match("FIX.0002", "Server (ecs-01) is already in service.",
                           &m), ERRCAT_ENOMEM);
    errcat__alloc_fail_at = 0;
    assert_null(m.entry);
    assert_null(m.storage);
    assert_int_equal(m.nargs, 0);
}

static void
test_match_searches_registered_catalogs(void **state)
{
    struct errcat_match m;

    (void)state;
    assert_int_equal(errcat_match(NULL, "FIX.0002", "Server (a) is already in "
                                  "service.", &m), ERRCAT_ENOENT);
    assert_int_equal(errcat_register(fx), 0);
    assert_int_equal(errcat_register(&csbs_catalog), 0);
    assert_int_equal(errcat_match(NULL, "FIX.0002", "Server (a) is already in "
                                  "service.", &m), 0);
    assert_ptr_equal(m.cat, fx);
    errcat_match_free(&m);
    assert_int_equal(errcat_match(NULL, "CSBS.6005", "Server (ecs-01) is "
                                  "already in service.", &m), 0);
    assert_ptr_equal(m.cat, &csbs_catalog);
    assert_string_equal(m.args[0], "ecs-01");
    errcat_match_free(&m);
    errcat_unregister(fx);
    errcat_unregister(&csbs_catalog);
}

static void
test_match_shipped_catalog(void **state)
{
    static const struct {
        const char *code, *msg, *id, *arg0;
    } cases[] = {
        { "CSBS.6005", "Server (ecs-01) is already in service.",
          "server_status_no_backup", "ecs-01" },
        { "CSBS.6004", "Server (ecs-01) is already in service.",
          "server_already_bound", "ecs-01" },
        { "CSBS.8026", "volume backup is not supported replication.",
          "vbs_no_cross_region", NULL },
        { "CSBS.8026", "The project p1 dec used capacity is 5, dec capacity "
          "is 4.", "dedicated_capacity_insufficient", "p1" },
        { "CSBS.9009", "User is unverified.", "user_not_verified", NULL },
        { "CSBS.9009", "The backup or replication space after reduction "
          "cannot be less than the used space.", "space_below_used", NULL },
        { "CSBS.5001", "copy executing", "replication_running", NULL },
        { "CSBS.5001", "Scheduel operation status can't be set unable",
          "policy_stop_failed", NULL },
        { "CSBS.8012", "The destination region eu-de is not supported.",
          "replica_no_replication", "eu-de" },
        { "CSBS.8007", "The backup c-1 has register to image, can't be delete",
          "backup_has_image", "c-1" },
        { "CSBS.6018", "Not assign backup(s) (b1,b2) to volume(s), partial "
          "restore is not supported.\"", "partial_restore_unsupported",
          "b1,b2" },
    };
    struct errcat_match m;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        assert_int_equal(errcat_match(&csbs_catalog, cases[i].code,
                                      cases[i].msg, &m), 0);
        assert_string_equal(errcat_entry_id(m.entry), cases[i].id);
        if (cases[i].arg0)
            assert_string_equal(m.args[0], cases[i].arg0);
        errcat_match_free(&m);
    }
}

/* A small seeded generator, so every run tries the same messages. */
static unsigned long rng_state;

static unsigned
rng(unsigned n)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)((rng_state >> 33) % n);
}

/* Random text: spaces, %, parentheses, braces and non-ASCII among
 * letters; never empty when a letter is required. */
static void
random_text(char *buf, size_t size, int letter)
{
    static const char *const piece[] = {
        "a", "b", "Z", " ", "%", "(", ")", "{", "}", "-", "_", ".", ":",
        "'", "\xc3\xa9", "\xe4\xba\x91", "\xe7\xa1\xac", "7", "%%", "%s",
    };
    size_t n = rng(10), i, len = 0;

    buf[0] = '\0';
    for (i = 0; i < n; i++) {
        const char *p = piece[rng(sizeof piece / sizeof *piece)];

        if (len + strlen(p) + 2 > size)
            break;
        strcpy(buf + len, p);
        len += strlen(p);
    }
    if (letter) {
        buf[len++] = "xyQ"[rng(3)];
        buf[len] = '\0';
    }
}

/*
 * An argument of kind k: i integer, u unsigned, l unsigned long, f float
 * with two decimals, e and g and A floats as printf writes them, x hex
 * with 0x, X and h hex, o octal, G grouped digits, c one character, s
 * text, w text with a letter.
 */
static void
random_arg(char k, char *buf, size_t size)
{
    static const char *const one[] = { "a", "%", "(", "\xc3\xa9", "\xe4\xba\x91", "}" };
    long v = (long)rng(200000) - 100000;

    switch (k) {
    case 'i': snprintf(buf, size, "%ld", v); break;
    case 'u': snprintf(buf, size, "%u", rng(100000)); break;
    case 'l': snprintf(buf, size, "%lu", (unsigned long)rng(1u << 30) * 8ul); break;
    case 'f': snprintf(buf, size, "%.2f", (double)v / 100.0); break;
    case 'x': snprintf(buf, size, "%#x", rng(1u << 30) + 1); break;
    case 'o': snprintf(buf, size, "%o", rng(4096)); break;
    case 'c': snprintf(buf, size, "%s", one[rng(6)]); break;
    case 'X': snprintf(buf, size, "%X", rng(1u << 30)); break;
    case 'e': snprintf(buf, size, "%e", (double)v / 7.0); break;
    case 'g': snprintf(buf, size, "%g", (double)v / 1024.0); break;
    case 'A': snprintf(buf, size, "%A", (double)v / 16.0); break;
    case 'h': snprintf(buf, size, "%x", rng(1u << 30)); break;
    case 'G':                   /* grouped by thousands, as {:,d} */
        snprintf(buf, size, "%d,%03d,%03d", (int)rng(999) + 1,
                 (int)rng(1000), (int)rng(1000));
        break;
    default: random_text(buf, size, k == 'w');
    }
}

/* Argument kinds of each styles entry, in errcat_format's order. */
static const struct {
    int value;
    const char *kinds;
} style_args[] = {
    { STY_PLAN_LIMIT_EXCEEDED, "i" },
    { STY_PLAN_NOT_FOUND, "s" },
    { STY_INVALID_INPUT, "s" },
    { STY_QUOTA_RATIO, "fi" },
    { STY_VOLUME_TOO_LARGE, "fl" },
    { STY_NAME_TAKEN, "si" },
    { STY_COPY_FAILED, "su" },
    { STY_CHECKSUM_MISMATCH, "xcs" },
    { STY_RESOURCE_STATE, "ss" },
    { STY_CANNOT_ATTACH, "ss" },
    { STY_UNKNOWN_PARAMETER, "s" },
    { STY_QUEUE_FULL, "sis" },
    { STY_RATIO_HIGH, "fs" },
    { STY_SIZE_NUMBER, "i" },
    { STY_SIZE_TEXT, "w" },
    { STY_BACKUP_NOT_FOUND, "s" },
    { STY_OCTAL_MODE, "os" },
    { STY_SIZES, "iuXegA" },
    { STY_PYTHON_NUMBERS, "hes" },
    { STY_BRACE_NUMBERS, "heG" },
};

static const struct errcat_catalog *const sty = &styles_catalog;

static void
test_match_styles_tables_consistent(void **state)
{
    unsigned i, slot;

    (void)state;
    for (i = 0; i < sty->n_entries; i++) {
        const struct errcat_entry *e = &sty->entries[i];

        assert_ptr_equal(errcat_find(sty, e->value), e);
        if (e->code == NULL)
            continue;
        slot = errcat_code_hash(e->code) & sty->code_mask;
        while (strcmp(sty->entries[sty->code_hash[slot] - 1].code, e->code))
            slot = (slot + 1) & sty->code_mask;
        assert_true(sty->code_hash[slot] - 1 <= i);
    }
}

/*
 * For every template, 200 messages formatted from random arguments are
 * matched back to their entry (by code, or by HTTP status for the entry
 * without one) and the recovered arguments format the message again
 * byte for byte; numbers come back as the number given.
 */
static void
test_match_every_style_round_trips(void **state)
{
    char argbuf[ERRCAT_ARGS_MAX][64], msg[512], again[512];
    const char *args[ERRCAT_ARGS_MAX];
    struct errcat_match m;
    size_t i, j, round, n;

    (void)state;
    rng_state = 20261201;
    for (i = 0; i < sizeof style_args / sizeof *style_args; i++) {
        const struct errcat_entry *e = errcat_find(sty, style_args[i].value);
        const char *kinds = style_args[i].kinds;

        assert_non_null(e);
        for (round = 0; round < 200; round++) {
            for (j = 0; kinds[j]; j++) {
                random_arg(kinds[j], argbuf[j], sizeof argbuf[j]);
                args[j] = argbuf[j];
            }
            n = errcat_format(sty, NULL, e, args, j, msg, sizeof msg);
            assert_true(n < sizeof msg);
            if (e->code)
                assert_int_equal(errcat_match(sty, e->code, msg, &m), 0);
            else
                assert_int_equal(errcat_match_status(sty, e->http_status,
                                                     msg, &m), 0);
            if (m.entry != e)
                fail_msg("%s: \"%s\" matched %s", e->id, msg,
                         errcat_entry_id(m.entry));
            assert_false(m.by_code_only);
            assert_int_equal(m.nargs, j);
            errcat_format(sty, NULL, e, m.args, m.nargs, again, sizeof again);
            if (strcmp(again, msg) != 0)
                fail_msg("%s: \"%s\" came back as \"%s\"", e->id, msg, again);
            for (j = 0; kinds[j]; j++)
                if (strchr("iulfxoXegAhG", kinds[j]))
                    assert_string_equal(m.args[j], argbuf[j]);
            errcat_match_free(&m);
        }
    }
}

/* What each placeholder recovers, and how typed ones disambiguate. */
static void
test_match_recovers_typed_arguments(void **state)
{
    struct errcat_match m;
    const char *msg;

    (void)state;
    /* %d takes a number, so "Size 42" is the number's entry */
    assert_int_equal(errcat_match(sty, "STY.0010", "Size 42 is too large",
                                  &m), 0);
    assert_int_equal(errcat_entry_value(m.entry), STY_SIZE_NUMBER);
    assert_string_equal(m.args[0], "42");
    errcat_match_free(&m);
    assert_int_equal(errcat_match(sty, "STY.0010", "Size 4 GB is too large",
                                  &m), 0);
    assert_int_equal(errcat_entry_value(m.entry), STY_SIZE_TEXT);
    errcat_match_free(&m);
    /* width padding is not part of the argument */
    msg = "Volume size  3.50 GB exceeds the limit of 2 GB";
    assert_int_equal(errcat_match(sty, "STY.0001", msg, &m), 0);
    assert_string_equal(m.args[0], "3.50");
    assert_string_equal(m.args[1], "2");
    errcat_match_free(&m);
    assert_int_equal(errcat_match(sty, "STY.0001", "Volume size 3.5 GB "
                                  "exceeds the limit of 2 GB", &m), 0);
    assert_true(m.by_code_only);        /* 3.5 is narrower than %5.2f */
    errcat_match_free(&m);
    assert_int_equal(errcat_match(sty, "STY.0001", "Volume size big GB "
                                  "exceeds the limit of -2 GB", &m), 0);
    assert_true(m.by_code_only);        /* no number where %f and %lu are */
    errcat_match_free(&m);
    assert_int_equal(errcat_match(sty, "STY.0002",
                                  "Name [ab        ] is taken (3 tries)", &m),
                     0);
    assert_string_equal(m.args[0], "ab");
    errcat_match_free(&m);
    /* a repeated argument must be the same text both times */
    assert_int_equal(errcat_match(sty, "STY.0005", "Resource r is in state "
                                  "s is in state t since r is in state s",
                                  &m), 0);
    assert_string_equal(m.args[0], "r is in state s");
    assert_string_equal(m.args[1], "t");
    errcat_match_free(&m);
    /* Python %(x)d, {x:d}, {x:^7} and %c */
    assert_int_equal(errcat_match(sty, "PlanLimitExceeded", "Maximum number "
                                  "of plans allowed (12) exceeded", &m), 0);
    assert_false(m.by_code_only);
    assert_string_equal(m.args[0], "12");
    errcat_match_free(&m);
    assert_int_equal(errcat_match(sty, "STY.0008", "Queue    batch holds 7 "
                                  "jobs,   me    of them yours", &m), 0);
    assert_string_equal(m.args[0], "batch");
    assert_string_equal(m.args[1], "7");
    assert_string_equal(m.args[2], "me");
    errcat_match_free(&m);
    assert_int_equal(errcat_match(sty, "STY.0004", "Checksum 0x1f does not "
                                  "match, flag '\xc3\xa9', prefix abc", &m), 0);
    assert_string_equal(m.args[0], "0x1f");
    assert_string_equal(m.args[1], "\xc3\xa9");
    errcat_match_free(&m);
}

/* An entry without a code is found by HTTP status and message; a
 * message of no template is not found by status alone. */
static void
test_match_by_status(void **state)
{
    struct errcat_match m;

    (void)state;
    assert_int_equal(errcat_match_status(sty, 404, "Backup b-1 could not be "
                                         "found.", &m), 0);
    assert_int_equal(errcat_entry_value(m.entry), STY_BACKUP_NOT_FOUND);
    assert_string_equal(m.args[0], "b-1");
    errcat_match_free(&m);
    assert_int_equal(errcat_match_status(sty, 404, "Plan p could not be "
                                         "found.", &m), 0);
    assert_int_equal(errcat_entry_value(m.entry), STY_PLAN_NOT_FOUND);
    errcat_match_free(&m);
    assert_int_equal(errcat_match_status(sty, 507, "Storage 100% used", &m),
                     0);
    assert_int_equal(errcat_entry_value(m.entry), STY_STORAGE_FULL);
    assert_false(m.ambiguous);
    errcat_match_free(&m);
    /* FIX.0002 and FIX.0012 share a message and a status */
    assert_int_equal(errcat_match_status(fx, 400, "Server (s) is already in "
                                         "service.", &m), 0);
    assert_int_equal(errcat_entry_value(m.entry), FIX_SERVER_ALREADY_BOUND);
    assert_true(m.ambiguous);
    errcat_match_free(&m);
    assert_int_equal(match("FIX.0002", "Server (s) is already in service.",
                           &m), 0);
    assert_false(m.ambiguous);
    errcat_match_free(&m);
    assert_int_equal(errcat_match_status(sty, 404, "Gone.", &m),
                     ERRCAT_ENOMATCH);
    assert_null(m.entry);
    assert_int_equal(errcat_match_status(sty, 418, "Plan p could not be "
                                         "found.", &m), ERRCAT_ENOENT);
    assert_int_equal(errcat_match_status(sty, 99, "x", &m), ERRCAT_EINVAL);
    assert_int_equal(errcat_match_status(sty, 404, NULL, &m), ERRCAT_EINVAL);
    errcat_match_free(&m);
}

/* A message of no template: the entry when the code names only one. */
static void
test_match_by_code_only(void **state)
{
    struct errcat_match m;

    (void)state;
    assert_int_equal(match("FIX.0001", "server is gone", &m), 0);
    assert_int_equal(errcat_entry_value(m.entry), FIX_SERVER_NOT_FOUND);
    assert_true(m.by_code_only);
    assert_int_equal(m.nargs, 0);
    errcat_match_free(&m);
    assert_int_equal(match("FIX.0001", "server do not exist", &m), 0);
    assert_false(m.by_code_only);
    errcat_match_free(&m);
    /* two entries share FIX.0003: no guess */
    assert_int_equal(match("FIX.0003", "something else", &m), ERRCAT_ENOMATCH);
    assert_null(m.entry);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_match_template_literal_parts),
        cmocka_unit_test(test_match_template_recovers_every_argument),
        cmocka_unit_test(test_match_template_reads_escapes),
        cmocka_unit_test(test_match_tells_apart_entries_of_one_code),
        cmocka_unit_test(test_match_prefers_the_most_literal_template),
        cmocka_unit_test(test_match_reports_unknown_and_unmatched),
        cmocka_unit_test(test_match_takes_bounded_time_on_hostile_messages),
        cmocka_unit_test(test_match_backtracking_is_bounded),
        cmocka_unit_test(test_match_survives_allocation_failure),
        cmocka_unit_test(test_match_searches_registered_catalogs),
        cmocka_unit_test(test_match_shipped_catalog),
        cmocka_unit_test(test_match_styles_tables_consistent),
        cmocka_unit_test(test_match_every_style_round_trips),
        cmocka_unit_test(test_match_recovers_typed_arguments),
        cmocka_unit_test(test_match_by_status),
        cmocka_unit_test(test_match_by_code_only),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
