/* report.c — how results are told: the one-line error text shared by the
 * plugin and the CLI (bvf_format_error) and the JSON results document of
 * INTERFACE.md (bvf_report_*), written as text in cJSON_Print's layout
 * (report_text.c; bvf_json_print prints the SARIF log's cJSON tree).
 *
 * The document, keys in this order:
 *   { "version": 1, "source": S,
 *     "results": [ { "program", "section", "prog_type", "kernel", "verdict",
 *                    "message", "insn", "file", "line", "column",
 *                    "insns_processed", "states", "time_us", "class",
 *                    "notes": [ { "message", "insn", "file", "line",
 *                                 "column" }, … ],
 *                    "fixits": [ { "file", "line", "column", "end_line",
 *                                  "end_column", "text", "description" } ] }, … ] }
 * Every key is always present, so consumers need no existence checks.
 * Choices where the interface leaves room:
 *  - accepted programs: message, insn, file, line, column are null (there
 *    is no failing instruction; an empty string would read as "the kernel
 *    printed nothing");
 *  - errors (could not verify) and load errors (libbpf's message): insn
 *    is null unless an instruction is named; the location is then the
 *    program's entry (where the compiler diagnostic goes too);
 *  - "class" is the rejection class (docs/diagnostics.md), null for an
 *    accept; "notes" is always an array (empty for an accept);
 *  - a location the line info cannot give (no .BTF.ext) is null, never 0;
 *  - "fixits" (bvf_fixit_for): the edits that fix the rejection, an
 *    empty array when there is none; the range [line:column,
 *    end_line:end_column) is replaced by text, an insertion when empty;
 *  - "states" is the kernel's total_states; "prog_type" is null when the
 *    section names no program type.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "bvf_internal.h"
#include "diag_notes.h"
#include "outcomes_internal.h"
#include "report_internal.h"
#include "report_text.h"

#define REPORT_VERSION 1

/* The document as text (report_text.c: cJSON_Print's layout): the
 * results' objects as they are added, the rest when it is written. */
struct bvf_report {
	char *source;              /* NULL: null */
	char *error;               /* bvf_report_set_error; NULL: no key */
	struct bvf_jtext results;  /* the objects of "results", joined by ", " */
};

int bvf_format_error(const struct bvf_program *prog, const struct bvf_kernel *k,
		     const struct bv_result *res, char *buf, size_t size)
{
	const char *pname, *kname;
	char kernels[300];
	int n;

	if (!buf || !size)
		return -EINVAL;
	buf[0] = '\0';
	if (!res)
		return -EINVAL;
	pname = prog ? bvf_program_name(prog) : NULL;
	kname = k ? bvf_kernel_name(k) : NULL;
	if (!pname)
		pname = "?";
	if (!kname)
		kname = "?";
	snprintf(kernels, sizeof(kernels), "kernel %s", kname);
	if (res->verdict != BV_ACCEPT)
		return bvf_format_outcome(buf, size, res->verdict, res->message, pname, kernels);
	n = snprintf(buf, size, "accepted [bpfverify: %s, %s]", pname, kernels);
	if (n < 0)
		return -EINVAL;
	return (size_t)n >= size ? -ENOSPC : 0;
}

struct bvf_report *bvf_report_new(const char *source)
{
	struct bvf_report *rep = calloc(1, sizeof(*rep));

	if (!rep)
		goto fail;
	if (source && !(rep->source = strdup(source)))
		goto fail;
	return rep;
fail:
	bvf_report_free(rep);
	errno = ENOMEM;
	return NULL;
}

/* Depths as cJSON counts them: the document's members 1, "results" 2,
 * a result's members 3, its "notes" 4, a note's members 5. */
enum { RESULT_DEPTH = 2, NOTE_DEPTH = 4 };

static void add_notes(struct bvf_jtext *t, const struct bvf_outcome_note *notes, size_t n)
{
	bvf_jtext_key(t, RESULT_DEPTH + 1, "notes", false);
	bvf_jtext_put(t, "[", 1);
	for (size_t i = 0; i < n; i++) {
		const struct bvf_outcome_note *x = &notes[i];
		bool known = x->loc.file && x->loc.line;

		bvf_jtext_puts(t, i ? ", {\n" : "{\n");
		bvf_jtext_key(t, NOTE_DEPTH + 1, "message", true);
		bvf_jtext_str(t, x->text);
		bvf_jtext_key(t, NOTE_DEPTH + 1, "insn", false);
		bvf_jtext_num(t, x->insn);
		bvf_jtext_key(t, NOTE_DEPTH + 1, "file", false);
		bvf_jtext_str(t, known ? x->loc.file : NULL);
		bvf_jtext_key(t, NOTE_DEPTH + 1, "line", false);
		bvf_jtext_num(t, known ? (int64_t)x->loc.line : -1);
		bvf_jtext_key(t, NOTE_DEPTH + 1, "column", false);
		bvf_jtext_num(t, known && x->loc.column ? (int64_t)x->loc.column : -1);
		bvf_jtext_put(t, "\n", 1);
		bvf_jtext_tabs(t, NOTE_DEPTH);
		bvf_jtext_put(t, "}", 1);
	}
	bvf_jtext_put(t, "]", 1);
}

static void add_str(struct bvf_jtext *t, const char *key, const char *v, bool first)
{
	bvf_jtext_key(t, RESULT_DEPTH + 1, key, first);
	bvf_jtext_str(t, v);
}

static void add_num(struct bvf_jtext *t, const char *key, int64_t v)
{
	bvf_jtext_key(t, RESULT_DEPTH + 1, key, false);
	bvf_jtext_num(t, v);
}

/* The fix-its of one result: an empty array when there is none. */
static void add_fixits(struct bvf_jtext *t, const struct bvf_fixit *f)
{
	bvf_jtext_key(t, RESULT_DEPTH + 1, "fixits", false);
	bvf_jtext_put(t, "[", 1);
	if (f && f->file) {
		bvf_jtext_puts(t, "{\n");
		bvf_jtext_key(t, NOTE_DEPTH + 1, "file", true);
		bvf_jtext_str(t, f->file);
		bvf_jtext_key(t, NOTE_DEPTH + 1, "line", false);
		bvf_jtext_num(t, f->line);
		bvf_jtext_key(t, NOTE_DEPTH + 1, "column", false);
		bvf_jtext_num(t, f->column);
		bvf_jtext_key(t, NOTE_DEPTH + 1, "end_line", false);
		bvf_jtext_num(t, f->end_line);
		bvf_jtext_key(t, NOTE_DEPTH + 1, "end_column", false);
		bvf_jtext_num(t, f->end_column);
		bvf_jtext_key(t, NOTE_DEPTH + 1, "text", false);
		bvf_jtext_str(t, f->text);
		bvf_jtext_key(t, NOTE_DEPTH + 1, "description", false);
		bvf_jtext_str(t, f->description);
		bvf_jtext_put(t, "\n", 1);
		bvf_jtext_tabs(t, NOTE_DEPTH);
		bvf_jtext_put(t, "}", 1);
	}
	bvf_jtext_put(t, "]", 1);
}

int bvf_report_add_row(struct bvf_report *rep, const struct bvf_report_row *r)
{
	struct bvf_jtext *t;
	size_t mark;

	if (!rep || !r)
		return -EINVAL;
	t = &rep->results;
	mark = t->len;
	bvf_jtext_puts(t, mark ? ", {\n" : "{\n");
	add_str(t, "program", r->program, true);
	add_str(t, "section", r->section, false);
	add_str(t, "prog_type", r->prog_type, false);
	add_str(t, "kernel", r->kernel, false);
	add_str(t, "verdict", r->verdict, false);
	add_str(t, "message", r->message, false);
	add_num(t, "insn", r->insn);
	add_str(t, "file", r->file, false);
	add_num(t, "line", r->line);
	add_num(t, "column", r->column);
	add_num(t, "insns_processed", (int64_t)r->insns_processed);
	add_num(t, "states", (int64_t)r->states);
	add_num(t, "time_us", (int64_t)r->time_us);
	add_str(t, "class", r->class_id, false);
	add_notes(t, r->notes, r->nr_notes);
	add_fixits(t, r->fixit);
	bvf_jtext_put(t, "\n", 1);
	bvf_jtext_tabs(t, RESULT_DEPTH);
	bvf_jtext_put(t, "}", 1);
	if (t->oom) {
		/* the document stays as it was: the row is not in it */
		t->oom = false;
		t->len = mark;
		if (t->s)
			t->s[mark] = '\0';
		return -ENOMEM;
	}
	return 0;
}

static const char *verdict_word(enum bv_verdict v)
{
	switch (v) {
	case BV_ACCEPT:
		return "accept";
	case BV_REJECT:
		return "reject";
	case BV_LOAD_ERROR:
		return "load_error";
	default:
		return "error";
	}
}

int bvf_report_add(struct bvf_report *rep, const struct bvf_program *prog,
		   const struct bvf_kernel *k, const struct bv_result *res)
{
	if (!k)
		return -EINVAL;
	return bvf_report_add_named(rep, prog, bvf_kernel_name(k), res);
}

int bvf_report_add_named(struct bvf_report *rep, const struct bvf_program *prog,
			 const char *kernel, const struct bv_result *res)
{
	struct bvf_report_row r = { 0 };
	struct bvf_fixit fix;
	struct bvf_source_loc loc;
	struct bvf_note_list notes;
	char msg[BV_MSG_MAX + 1];

	if (!rep || !prog || !kernel || !res)
		return -EINVAL;
	r.program = bvf_program_name(prog);
	r.section = bvf_program_section(prog);
	r.prog_type = bvf_program_type_name(prog);
	r.kernel = kernel;
	r.verdict = verdict_word(res->verdict);
	r.insn = r.line = r.column = -1;
	if (res->verdict != BV_ACCEPT) {
		memcpy(msg, res->message, BV_MSG_MAX);
		msg[BV_MSG_MAX] = '\0';
		r.message = msg;
		r.class_id = bvf_diag_class_of(res->verdict, msg)->id;
		if (res->insn >= 0)
			r.insn = res->insn;
		/* Without an instruction, the program's entry: where the
		 * diagnostic is reported too. */
		memset(&loc, 0, sizeof(loc));
		if (bvf_program_source_loc(prog, res->insn >= 0 ? (uint32_t)res->insn : 0, &loc) &&
		    loc.file && loc.line) {
			r.file = loc.file;
			r.line = loc.line;
			r.column = loc.column ? (int64_t)loc.column : -1;
		}
		bvf_result_notes(prog, res, &notes);
		/* a note placed nowhere is about the result's own place */
		for (size_t i = 0; i < notes.nr && r.line > 0; i++) {
			if (notes.notes[i].loc.line)
				continue;
			notes.notes[i].loc.file = r.file;
			notes.notes[i].loc.line = (uint32_t)r.line;
			notes.notes[i].loc.column = r.column > 0 ? (uint32_t)r.column : 0;
		}
		r.notes = notes.notes;
		r.nr_notes = notes.nr;
		if (bvf_fixit_for(prog, res, &fix))
			r.fixit = &fix;
	}
	r.insns_processed = res->insns_processed;
	r.states = res->total_states;
	r.time_us = res->time_us;
	return bvf_report_add_row(rep, &r);
}

int bvf_report_set_error(struct bvf_report *rep, const char *message)
{
	char *copy;

	if (!rep || !message)
		return -EINVAL;
	copy = strdup(message);
	if (!copy)
		return -ENOMEM;
	free(rep->error);
	rep->error = copy;   /* written before "results" */
	return 0;
}

/* The document up to the opening of "results". */
static void document_head(const struct bvf_report *rep, struct bvf_jtext *t)
{
	bvf_jtext_puts(t, "{\n");
	bvf_jtext_key(t, 1, "version", true);
	bvf_jtext_num(t, REPORT_VERSION);
	bvf_jtext_key(t, 1, "source", false);
	bvf_jtext_str(t, rep->source);
	if (rep->error) {
		bvf_jtext_key(t, 1, "error", false);
		bvf_jtext_str(t, rep->error);
	}
	bvf_jtext_key(t, 1, "results", false);
	bvf_jtext_put(t, "[", 1);
}

/* The whole document, without the final newline. */
static int document(const struct bvf_report *rep, struct bvf_jtext *t)
{
	document_head(rep, t);
	if (rep->results.len)
		bvf_jtext_put(t, rep->results.s, rep->results.len);
	bvf_jtext_puts(t, "]\n}");
	if (t->oom) {
		bvf_jtext_free(t);
		return -ENOMEM;
	}
	return 0;
}

int bvf_report_write_string(const struct bvf_report *rep, char **text)
{
	struct bvf_jtext t = { 0 };
	int err;

	if (!rep || !text)
		return -EINVAL;
	*text = NULL;
	err = document(rep, &t);
	if (!err)
		*text = t.s;
	return err;
}

/* A JSON document printed to `out` with a final newline (the results
 * document here, the SARIF log in sarif.c). */
int bvf_json_print(const cJSON *doc, FILE *out)
{
	char *text = cJSON_Print(doc);
	int err = 0;

	if (!text)
		return -ENOMEM;
	if (fputs(text, out) == EOF || fputc('\n', out) == EOF || fflush(out) == EOF)
		err = errno ? -errno : -EIO;
	cJSON_free(text);
	return err;
}

int bvf_report_write_unterminated(const struct bvf_report *rep, FILE *out)
{
	struct bvf_jtext head = { 0 };
	int err = 0;

	if (!rep || !out)
		return -EINVAL;
	/* the document's head, then the results as they are (no copy) */
	document_head(rep, &head);
	if (head.oom)
		return -ENOMEM;
	if (fwrite(head.s, 1, head.len, out) != head.len ||
	    (rep->results.len &&
	     fwrite(rep->results.s, 1, rep->results.len, out) != rep->results.len) ||
	    fputs("]\n}", out) == EOF)
		err = errno ? -errno : -EIO;
	bvf_jtext_free(&head);
	return err;
}

int bvf_report_write(const struct bvf_report *rep, FILE *out)
{
	int err = bvf_report_write_unterminated(rep, out);

	if (!err && (fputc('\n', out) == EOF || fflush(out) == EOF))
		err = errno ? -errno : -EIO;
	return err;
}

int bvf_report_write_file(const struct bvf_report *rep, const char *path)
{
	FILE *f;
	int err;

	if (!rep || !path)
		return -EINVAL;
	f = fopen(path, "w");
	if (!f)
		return -errno;
	err = bvf_report_write(rep, f);
	if (fclose(f) != 0 && !err)
		err = -errno;
	return err;
}

void bvf_report_free(struct bvf_report *rep)
{
	if (!rep)
		return;
	free(rep->source);
	free(rep->error);
	bvf_jtext_free(&rep->results);
	free(rep);
}
