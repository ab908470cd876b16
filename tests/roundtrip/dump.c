/*
 * dump.c - prints what a generated catalog's C tables hold, for
 * tests/roundtrip.test.sh: "texts" prints every module and entry with its
 * strings as xmltext.c prints them from the XML; "keys" prints the .mo
 * key (msgctxt "\004" msgid) of every text in table order. Records end
 * in NUL bytes, so any text round-trips. Build with -DCATALOG=NAME_catalog.
 */
#include <stdio.h>
#include <string.h>

#include "errcat_catalog.h"

extern const struct errcat_catalog CATALOG;

static void
put(const char *s)
{
    fwrite(s, 1, strlen(s) + 1, stdout);
}

/* Absent fields print as xmltext.c prints a missing attribute or
   element. */
static const char *
text(unsigned i)
{
    if (i == ERRCAT_NO_TEXT)
        return "<missing>";
    return i < CATALOG.n_texts ? CATALOG.texts[i].msgid : "<bad index>";
}

int
main(int argc, char **argv)
{
    const struct errcat_catalog *c = &CATALOG;
    char num[16];
    unsigned i;

    if (argc == 2 && strcmp(argv[1], "keys") == 0) {
        for (i = 0; i < c->n_texts; i++)
            put(c->texts[i].key);
        return 0;
    }
    put(c->name);
    put(c->domain);
    put(c->prefix);
    for (i = 0; i < c->n_modules; i++) {
        put("module");
        put(c->modules[i].id);
        put(text(c->modules[i].name));
    }
    for (i = 0; i < c->n_entries; i++) {
        const struct errcat_entry *e = &c->entries[i];

        put("entry");
        put(e->id);
        put(e->code ? e->code : "<missing>");
        snprintf(num, sizeof num, "%u", e->http_status);
        put(e->http_status ? num : "<missing>");
        put(e->module == ERRCAT_NO_MODULE ? "<missing>"
            : e->module < c->n_modules ? c->modules[e->module].id : "?");
        put(text(e->description));
        put(text(e->message));
        put(text(e->measure));
    }
    return ferror(stdout) != 0;
}
