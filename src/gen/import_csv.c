/*
 * import_csv.c - reads a spreadsheet export: comma-separated values as
 * RFC 4180 has them (fields in double quotes may hold commas, line
 * breaks and "" for a quote; records end in CRLF or LF), or the same
 * with tabs. The whole file is one table; rows before the header row are
 * skipped by the column mapping. A field is its text: CSV has no markup.
 */
#include <string.h>

#include "import.h"
#include "util.h"

static int
read_separated(struct import_doc *doc, const char *data, size_t len,
               char sep)
{
    struct import_table *t = import_add_table(doc, 1);
    struct import_row *r = NULL;
    struct buf b = { NULL, 0, 0 };
    size_t i = 0, line_start = 0;
    unsigned line = 1;
    int errors = 0;

    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    while (i < len) {
        unsigned start = line, col = 1;
        int end_of_record = 0;
        size_t k;

        for (k = line_start; k < i; k++)
            col += ((unsigned char)data[k] & 0xc0) != 0x80;
        b.len = 0;
        buf_add(&b, "", 0);
        if (!r)
            r = import_add_row(t, line);
        if (data[i] == '"') {
            i++;
            col++;                  /* the text starts after the quote */
            for (;;) {
                if (i >= len) {
                    struct loc at = { doc->path, start, 0 };

                    diag_error(&at, "quoted field not closed before the "
                               "end of the file");
                    errors++;
                    break;
                }
                if (data[i] == '"' && i + 1 < len && data[i + 1] == '"') {
                    buf_putc(&b, '"');
                    i += 2;
                } else if (data[i] == '"') {
                    i++;
                    break;
                } else {
                    if (data[i] == '\n') {
                        line++;
                        line_start = i + 1;
                    }
                    buf_putc(&b, data[i++]);
                }
            }
            if (i < len && data[i] != sep && data[i] != '\n'
                && !(data[i] == '\r' && i + 1 < len && data[i + 1] == '\n')) {
                struct loc at = { doc->path, line, 0 };

                diag_error(&at, "text after a quoted field's closing quote "
                           "(a quote inside a field is written \"\")");
                errors++;
                while (i < len && data[i] != sep && data[i] != '\n')
                    i++;
            }
        } else {
            while (i < len && data[i] != sep && data[i] != '\n'
                   && !(data[i] == '\r' && i + 1 < len
                        && data[i + 1] == '\n'))
                buf_putc(&b, data[i++]);
        }
        import_add_cell(r, xstrndup(b.data, b.len), NULL, start)->col = col;
        if (i < len && data[i] == sep) {
            i++;
            if (i == len)
                import_add_cell(r, xstrdup(""), NULL, line);
            continue;
        }
        if (i < len && data[i] == '\r')
            i++;
        if (i < len && data[i] == '\n') {
            i++;
            line++;
            line_start = i;
            end_of_record = 1;
        }
        if (end_of_record || i >= len)
            r = NULL;
    }
    buf_free(&b);
    return errors ? -1 : 0;
}

int
import_csv_read(struct import_doc *doc, const char *data, size_t len)
{
    return read_separated(doc, data, len, ',');
}

int
import_tsv_read(struct import_doc *doc, const char *data, size_t len)
{
    return read_separated(doc, data, len, '\t');
}
