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
    buf_lit(out, ".\n");
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
 * the lines of the block in a list, searched in turn while they are few
 * and through a hash table once there are more (a text used by 50,000
 * entries would make a search per line quadratic). Clearing touches only
 * what the block used, never the whole table.
 */
struct seen_line {
    size_t off, len;                /* in out */
    size_t hash;
    size_t slot;                    /* its table slot, once hashed */
};

static struct seen_line *seen;
static size_t seen_n, seen_cap;
static size_t *seen_slot;           /* slot -> line index + 1; 0 empty */
static size_t seen_mask;            /* table size - 1; 0 no table */

#define SEEN_LINEAR 8               /* lines searched without the table */

static void
seen_clear(void)
{
    size_t i;

    /* a block of fewer lines put none into the table */
    if (seen_mask && seen_n >= SEEN_LINEAR)
        for (i = 0; i < seen_n; i++)
            seen_slot[seen[i].slot] = 0;
    seen_n = 0;
}

static void
seen_free(void)
{
    free(seen);
    free(seen_slot);
    seen = NULL;
    seen_slot = NULL;
    seen_n = seen_cap = seen_mask = 0;
}


/* Puts line i into the table, which has room. */
static void
seen_hash(size_t i)
{
    size_t j;

    for (j = seen[i].hash & seen_mask; seen_slot[j]; j = (j + 1) & seen_mask)
        ;
    seen_slot[j] = i + 1;
    seen[i].slot = j;
}

/* Is the line at out[off..off+n) in the set? If not, adds it. */
static int
seen_add(const struct buf *out, size_t off, size_t n)
{
    size_t h = mem_hash(out->data + off, n), i, j;

    if (seen_n < SEEN_LINEAR || !seen_mask) {
        for (i = 0; i < seen_n; i++)
            if (seen[i].hash == h && seen[i].len == n
                && memcmp(out->data + seen[i].off, out->data + off, n) == 0)
                return 1;
    } else {
        for (j = h & seen_mask; seen_slot[j]; j = (j + 1) & seen_mask) {
            const struct seen_line *l = &seen[seen_slot[j] - 1];

            if (l->hash == h && l->len == n
                && memcmp(out->data + l->off, out->data + off, n) == 0)
                return 1;
        }
    }
    seen = xgrow(seen, &seen_cap, seen_n, sizeof *seen);
    seen[seen_n].off = off;
    seen[seen_n].len = n;
    seen[seen_n].hash = h;
    seen_n++;
    if (seen_n < SEEN_LINEAR)
        return 0;
    if (2 * seen_n > seen_mask + 1) {
        /* a bigger table, with every line of the block in it */
        free(seen_slot);
        seen_mask = seen_mask ? 2 * seen_mask + 1 : 63;
        while (2 * seen_n > seen_mask + 1)
            seen_mask = 2 * seen_mask + 1;
        seen_slot = xcalloc(seen_mask + 1, sizeof *seen_slot);
        for (i = 0; i < seen_n; i++)
            seen_hash(i);
    } else if (seen_n == SEEN_LINEAR) {
        for (i = 0; i < seen_n; i++)
            seen_hash(i);
    } else {
        seen_hash(seen_n - 1);
    }
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
    for (i = off; (i += strcspn(out->data + i, "\n\r")) < out->len; i++)
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
        buf_lit(&line, "#. ");
        if (e->code) {
            buf_puts(&line, e->code);
        } else {
            buf_lit(&line, "entry ");
            buf_puts(&line, e->id);
        }
        if (e->has_status) {
            buf_lit(&line, ", HTTP ");
            buf_putl(&line, e->http_status);
        }
        if (e->module >= 0) {
            buf_lit(&line, ", module \"");
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

    buf_lit(out, "#:");
    for (i = 0; i < t->n_uses; i++) {
        const struct model_use *u = &t->uses[i];
        unsigned line = u->field == FIELD_MODULE
            ? cat->modules[u->owner].name_loc.line
            : cat->entries[u->owner].text_loc[u->field].line;
        size_t n = strlen(cat->ref) + 2 + (line >= 10000 ? 6 : 4);

        if (width > 2 && width + n > 79) {
            buf_lit(out, "\n#:");
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
            buf_lit(out, "#, ");
            buf_puts(out, flag_name[ph->style]);
            buf_putc(out, '\n');
        }
        emit_po_string(out, "msgctxt", model_field_name[t->field], 0);
        emit_po_string(out, "msgid", t->msgid, flagged ? ph->style : 0);
        buf_lit(out, "msgstr \"\"\n");
    }
    seen_free();
    emit_po_free();
}
