/*
 * xmltext.c - prints a catalog's strings as libxml2's tree API reads them,
 * in the record format of dump.c: the oracle that the generated tables
 * are checked against, independent of errcat-gen's streaming loader.
 */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

static void
put(const xmlChar *s)
{
    const char *t = s ? (const char *)s : "<missing>";

    fwrite(t, 1, strlen(t) + 1, stdout);
}

static void
put_attr(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);

    put(v);
    xmlFree(v);
}

static void
put_child(xmlNodePtr n, const char *name)
{
    xmlNodePtr c;

    for (c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE
            && strcmp((const char *)c->name, name) == 0) {
            xmlChar *v = xmlNodeGetContent(c);

            put(v);
            xmlFree(v);
            return;
        }
    put(NULL);
}

int
main(int argc, char **argv)
{
    xmlDocPtr doc;
    xmlNodePtr root, n;
    xmlChar *v;

    if (argc != 2) {
        fputs("usage: xmltext CATALOG.xml\n", stderr);
        return 2;
    }
    doc = xmlReadFile(argv[1], NULL, XML_PARSE_NONET);
    if (!doc || !(root = xmlDocGetRootElement(doc)))
        return 1;
    put_attr(root, "name");
    put_attr(root, "domain");
    put_attr(root, "prefix");
    for (n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)n->name, "module") == 0) {
            put(BAD_CAST "module");
            put_attr(n, "id");
            v = xmlNodeGetContent(n);
            put(v);
            xmlFree(v);
        } else if (strcmp((const char *)n->name, "entry") == 0) {
            put(BAD_CAST "entry");
            put_attr(n, "id");
            put_attr(n, "code");
            put_attr(n, "http-status");
            put_attr(n, "module");
            put_child(n, "description");
            put_child(n, "message");
            put_child(n, "measure");
        }
    }
    xmlFreeDoc(doc);
    return ferror(stdout) != 0;
}
