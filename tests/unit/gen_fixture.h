/*
 * gen_fixture.h - builds small catalogs from XML text for generator tests.
 */
#ifndef TEST_GEN_FIXTURE_H
#define TEST_GEN_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "load.h"
#include "model.h"
#include "util.h"

/* cmocka group setup and teardown: libxml2 and the schema, once. */
static inline int
gen_setup(void **state)
{
    (void)state;
    load_init();
    return 0;
}

static inline int
gen_teardown(void **state)
{
    (void)state;
    load_cleanup();
    return 0;
}

/* A catalog of the given entries (XML text), loaded and indexed. */
static inline struct model_catalog *
fixture(const char *entries)
{
    struct buf b = { NULL, 0, 0 };
    struct model_catalog *cat = NULL;

    buf_printf(&b,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<catalog version=\"1\" name=\"t\" number=\"9\" "
               "domain=\"errcat-t\" prefix=\"T\">\n"
               "  <module id=\"m\">Main</module>\n%s</catalog>\n", entries);
    diag_reset();
    if (load_catalog_memory("t.xml", b.data, b.len, &cat) == LOAD_OK)
        model_index(cat);
    buf_free(&b);
    return cat;
}

/* One <entry> of XML text. */
static inline const char *
fixture_entry(char *buf, size_t size, const char *id, const char *code,
              int status, const char *message, const char *args)
{
    snprintf(buf, size,
             "  <entry id=\"%s\" code=\"%s\" http-status=\"%d\" "
             "module=\"m\">\n"
             "    <description>Description of %s.</description>\n"
             "    <message>%s</message>\n%s"
             "    <measure>Fix %s.</measure>\n  </entry>\n",
             id, code, status, id, message, args, id);
    return buf;
}

#endif
