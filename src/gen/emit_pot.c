/*
 * emit_pot.c - the domain's gettext template: one message per translatable
 * text, with its field as msgctxt, notes for translators (code, HTTP
 * status, module, field, what each placeholder stands for), references to
 * the catalog lines, and the format flag that makes msgfmt -c check
 * what translators write.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emit.h"
#include "placeholder.h"

static const char *const flag_name[] = {
    NULL, "c-format", "python-format", "python-brace-format"
};

static void
header(struct buf *out, const struct model_catalog *cat, long long date)
{
    time_t t = (time_t)(date < 0 ? 0 : date);
    struct tm tm;
    char when[32];
    struct buf h = { NULL, 0, 0 };

    gmtime_r(&t, &tm);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M+0000", &tm);
    if (date < 0 && cat->pot_date)
        snprintf(when, sizeof when, "%.10s 00:00+0000", cat->pot_date);
    buf_printf(out, "# Translation template of the gettext domain %s: ",
               cat->domain);
    emit_c_comment_text(out, cat->title ? cat->title : cat->name, 200);
    buf_puts(out, ".\n");
    emit_banner(out, cat, "# ", "");
    buf_puts(out,
             "#\n"
             "# msgctxt names the field of each text. \"description\" says "
             "what went wrong\n"
             "# and \"measure\" what the user should do; \"message\" is "
             "the API's error\n"
             "# message, an English literal that clients match on, so "
             "translate what it\n"
             "# means (its typos are the API's, not yours); \"module\" "
             "names a group of\n"
             "# codes. Keep every placeholder: %s (reorder with %1$s, "
             "%2$s), %(name)s and\n"
             "# {name}.\n"
             "#\n"
             "#, fuzzy\n"
             "msgid \"\"\n");
    buf_printf(&h, "Project-Id-Version: %s%s%s\n", cat->domain,
               cat->project_version ? " " : "",
               cat->project_version ? cat->project_version : "");
    buf_printf(&h, "Report-Msgid-Bugs-To: %s\n", cat->bugs ? cat->bugs : "");
    buf_printf(&h, "POT-Creation-Date: %s\n", when);
    buf_puts(&h,
             "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
             "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
             "Language-Team: LANGUAGE <LL@li.org>\n"
             "Language: \n"
             "MIME-Version: 1.0\n"
             "Content-Type: text/plain; charset=UTF-8\n"
             "Content-Transfer-Encoding: 8bit\n");
    emit_po_string(out, "msgstr", h.data, 0);
    buf_free(&h);
}

/*
 * The comment lines of the message being written, to add each only once:
 * a hash set of (offset, length) in out, cleared for every message. A
 * search of the block per line would be quadratic in the uses of a text.
 */
static size_t *seen_off;        /* slot -> offset of a line + 1; 0 empty */
static size_t *seen_len;
static size_t seen_mask, seen_n;

static void
seen_clear(void)
{
    if (seen_off)
        memset(seen_off, 0, (seen_mask + 1) * sizeof *seen_off);
    seen_n = 0;
}

static void
seen_free(void)
{
    free(seen_off);
    free(seen_len);
    seen_off = seen_len = NULL;
    seen_mask = seen_n = 0;
}

static size_t
line_hash(const char *s, size_t n)
{
    unsigned long h = 2166136261ul;

    while (n--)
        h = ((h ^ (unsigned char)*s++) * 16777619ul) & 0xfffffffful;
    return (size_t)h;
}

/* Is the line at out[off..off+n) in the set? If not, adds it. */
static int
seen_add(const struct buf *out, size_t off, size_t n)
{
    size_t j, k;

    if (2 * (seen_n + 1) > seen_mask + 1) {
        size_t *o = seen_off, *l = seen_len, old = o ? seen_mask + 1 : 0;

        seen_mask = old ? 2 * old - 1 : 63;
        seen_off = xcalloc(seen_mask + 1, sizeof *seen_off);
        seen_len = xcalloc(seen_mask + 1, sizeof *seen_len);
        for (k = 0; k < old; k++) {
            if (!o[k])
                continue;
            for (j = line_hash(out->data + o[k] - 1, l[k]) & seen_mask;
                 seen_off[j]; j = (j + 1) & seen_mask)
                ;
            seen_off[j] = o[k];
            seen_len[j] = l[k];
        }
        free(o);
        free(l);
    }
    for (j = line_hash(out->data + off, n) & seen_mask; seen_off[j];
         j = (j + 1) & seen_mask)
        if (seen_len[j] == n
            && memcmp(out->data + seen_off[j] - 1, out->data + off, n) == 0)
            return 1;
    seen_off[j] = off + 1;
    seen_len[j] = n;
    seen_n++;
    return 0;
}

/* Adds line to out unless an identical line is already in the block
   (the lines seen since seen_clear; block is where they start). */
static void
note_once(struct buf *out, size_t block, const char *line)
{
    size_t off = out->len, n, i;

    (void)block;
    buf_puts(out, line);
    n = out->len - off;
    /* a newline in a module name or <arg> would end the comment and
       let the text write PO entries of its own */
    for (i = off; i < out->len; i++)
        if (out->data[i] == '\n' || out->data[i] == '\r')
            out->data[i] = ' ';
    if (seen_add(out, off, n)) {
        out->len = off;
        out->data[off] = '\0';
        return;
    }
    buf_putc(out, '\n');
}

static void
placeholder_notes(struct buf *out, size_t block,
                  const struct model_catalog *cat, const struct model_entry *e)
{
    const char *msg = e->text[FIELD_MESSAGE];
    struct errcat__ph t;
    struct placeholders ph = cat->texts[e->text_index[FIELD_MESSAGE]].ph;
    struct buf line = { NULL, 0, 0 };
    size_t pos = 0, n = strlen(msg), arg = 0, i;
    enum errcat__ph_mode mode;

    mode = errcat__ph_mode_of((enum errcat_format)(ph.mixed ? 0 : ph.style));
    while (errcat__ph_next(msg, n, &pos, mode, &t) != ERRCAT__PH_END) {
        const char *what = NULL;

        if (!errcat__ph_is_arg(t.kind))
            continue;
        if (t.name_len) {
            for (i = 0; i < e->n_args; i++)
                if (e->args[i].name && strlen(e->args[i].name) == t.name_len
                    && strncmp(e->args[i].name, msg + t.name, t.name_len) == 0)
                    what = e->args[i].text;
        } else {
            /* the <arg> of its place: its number, or its turn */
            size_t k = 0, want = t.kind == ERRCAT__PH_NUMBERED
                ? (size_t)t.number - 1 : arg;

            for (i = 0; i < e->n_args; i++)
                if (!e->args[i].name && k++ == want)
                    what = e->args[i].text;
            if (t.kind != ERRCAT__PH_NUMBERED)
                arg++;
        }
        if (!what)
            continue;
        line.len = 0;
        if (t.kind == ERRCAT__PH_POSITIONAL)
            buf_printf(&line, "#. %.*s #%lu: %s", (int)t.len, msg + t.start,
                       (unsigned long)arg, what);
        else
            buf_printf(&line, "#. %.*s: %s", (int)t.len, msg + t.start, what);
        note_once(out, block, line.data);
        if (t.kind == ERRCAT__PH_NAMED_BARE) {
            line.len = 0;
            buf_printf(&line, "#. %.*s lacks its conversion character: keep "
                       "it exactly as written.", (int)t.len, msg + t.start);
            note_once(out, block, line.data);
        }
    }
    buf_free(&line);
}

static void
use_notes(struct buf *out, size_t block, const struct model_catalog *cat,
          const struct model_text *t)
{
    static const char *const what[FIELD_COUNT] = {
        "description of the error", "API error message",
        "measure: what the user should do", "module name"
    };
    struct buf line = { NULL, 0, 0 };
    size_t i;

    for (i = 0; i < t->n_uses; i++) {
        const struct model_use *u = &t->uses[i];
        const struct model_entry *e;

        line.len = 0;
        if (u->field == FIELD_MODULE) {
            buf_printf(&line, "#. %s (a group of error codes)",
                       what[FIELD_MODULE]);
            note_once(out, block, line.data);
            continue;
        }
        e = &cat->entries[u->owner];
        /* what the entry has of code, status and module; the id stands
           in for an absent code */
        buf_puts(&line, "#. ");
        if (e->code) {
            buf_puts(&line, e->code);
        } else {
            buf_puts(&line, "entry ");
            buf_puts(&line, e->id);
        }
        if (e->has_status) {
            buf_puts(&line, ", HTTP ");
            buf_putl(&line, e->http_status);
        }
        if (e->module >= 0) {
            buf_puts(&line, ", module \"");
            buf_puts(&line, cat->modules[e->module].name);
            buf_putc(&line, '"');
        }
        buf_puts(&line, e->unused ? ", not used currently: " : ": ");
        buf_puts(&line, what[u->field]);
        note_once(out, block, line.data);
    }
    for (i = 0; i < t->n_uses; i++) {
        const struct model_entry *e;

        if (t->uses[i].field == FIELD_MODULE)
            continue;
        e = &cat->entries[t->uses[i].owner];
        if (t->field == FIELD_MESSAGE)
            placeholder_notes(out, block, cat, e);
        for (int n = 0; n < 2; n++) {
            const char *note = n == 0 ? e->note
                : e->field_note[t->uses[i].field];

            if (!note)
                continue;
            line.len = 0;
            buf_printf(&line, "#. Note: %s", note);
            for (size_t k = 0; k < line.len; k++)
                if (line.data[k] == '\n')
                    line.data[k] = ' ';
            note_once(out, block, line.data);
        }
    }
    buf_free(&line);
}

static void
references(struct buf *out, const struct model_catalog *cat,
           const struct model_text *t)
{
    size_t i, width = 2;

    buf_puts(out, "#:");
    for (i = 0; i < t->n_uses; i++) {
        const struct model_use *u = &t->uses[i];
        unsigned line = u->field == FIELD_MODULE
            ? cat->modules[u->owner].name_loc.line
            : cat->entries[u->owner].text_loc[u->field].line;
        size_t n = strlen(cat->ref) + 2 + (line >= 10000 ? 6 : 4);

        if (width > 2 && width + n > 79) {
            buf_puts(out, "\n#:");
            width = 2;
        }
        buf_putc(out, ' ');
        buf_puts(out, cat->ref);
        buf_putc(out, ':');
        buf_putl(out, (long)line);
        width += n;
    }
    buf_putc(out, '\n');
}

void
emit_pot(const struct model_catalog *cat, const struct emit_options *opt,
         struct buf *out)
{
    size_t i;

    header(out, cat, opt->date);
    for (i = 0; i < cat->n_texts; i++) {
        const struct model_text *t = &cat->texts[i];
        const struct placeholders *ph = &t->ph;
        size_t block;
        int flagged;

        buf_putc(out, '\n');
        block = out->len;
        seen_clear();
        use_notes(out, block, cat, t);
        references(out, cat, t);
        flagged = t->field == FIELD_MESSAGE && ph->style && !ph->bare
            && !ph->stray_percent && !ph->mixed;
        if (flagged) {
            buf_puts(out, "#, ");
            buf_puts(out, flag_name[ph->style]);
            buf_putc(out, '\n');
        }
        emit_po_string(out, "msgctxt", model_field_name[t->field], 0);
        emit_po_string(out, "msgid", t->msgid, flagged ? ph->style : 0);
        buf_puts(out, "msgstr \"\"\n");
    }
    seen_free();
    emit_po_free();
}
