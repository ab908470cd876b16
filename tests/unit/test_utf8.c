/*
 * test_utf8.c - strict UTF-8 validation of translations.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "errcat_int.h"

#define VALID(s) errcat__utf8_valid(s, sizeof s - 1)

static void
test_utf8_accepts_well_formed_text(void **state)
{
    (void)state;
    assert_true(VALID(""));
    assert_true(VALID("plain ASCII, with\ttab and\nnewline"));
    assert_true(VALID("Prüfen Sie, ob der Server existiert."));
    assert_true(VALID("云服务器不存在。"));
    assert_true(VALID("\xf0\x9f\x98\x80 emoji"));          /* U+1F600 */
    assert_true(VALID("\xf4\x8f\xbf\xbf"));                /* U+10FFFF */
    assert_true(VALID("\xed\x9f\xbf"));                    /* U+D7FF */
    assert_true(VALID("\xee\x80\x80"));                    /* U+E000 */
}

static void
test_utf8_rejects_ill_formed_text(void **state)
{
    (void)state;
    assert_false(VALID("\x80"));                   /* lone continuation */
    assert_false(VALID("abc\xc3"));                /* cut sequence */
    assert_false(VALID("\xe4\xb8"));               /* cut sequence */
    assert_false(VALID("\xc0\xaf"));               /* overlong '/' */
    assert_false(VALID("\xc1\xbf"));               /* overlong */
    assert_false(VALID("\xe0\x80\xaf"));           /* overlong */
    assert_false(VALID("\xf0\x80\x80\xaf"));       /* overlong */
    assert_false(VALID("\xed\xa0\x80"));           /* surrogate D800 */
    assert_false(VALID("\xed\xbf\xbf"));           /* surrogate DFFF */
    assert_false(VALID("\xf4\x90\x80\x80"));       /* above U+10FFFF */
    assert_false(VALID("\xf5\x80\x80\x80"));
    assert_false(VALID("\xff"));
    assert_false(VALID("\xc3\x28"));               /* bad continuation */
    assert_false(VALID("ab\0cd"));                 /* NUL trick */
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_accepts_well_formed_text),
        cmocka_unit_test(test_utf8_rejects_ill_formed_text),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
