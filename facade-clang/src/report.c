/* report.c — how results are told: the one-line error text shared by the
 * plugin and the CLI (bvf_format_error) and the JSON results document of
 * INTERFACE.md (bvf_report_*), written with cJSON.
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
#include "outcomes_internal.h"
#include "report_internal.h"

#define REPORT_VERSION 1

struct bvf_report {
	cJSON *root;
	cJSON *results;   /* owned by root */
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
		return NULL;
	rep->root = cJSON_CreateObject();
	if (!rep->root)
		goto fail;
	if (!cJSON_AddNumberToObject(rep->root, "version", REPORT_VERSION))
		goto fail;
	if (!(source ? cJSON_AddStringToObject(rep->root, "source", source)
		     : cJSON_AddNullToObject(rep->root, "source")))
		goto fail;
	rep->results = cJSON_AddArrayToObject(rep->root, "results");
	if (!rep->results)
		goto fail;
	return rep;
fail:
	bvf_report_free(rep);
	errno = ENOMEM;
	return NULL;
}

static bool add_str(cJSON *o, const char *key, const char *v)
{
	return v ? cJSON_AddStringToObject(o, key, v) != NULL
		 : cJSON_AddNullToObject(o, key) != NULL;
}

static bool add_num(cJSON *o, const char *key, int64_t v)
{
	return v >= 0 ? cJSON_AddNumberToObject(o, key, (double)v) != NULL
		      : cJSON_AddNullToObject(o, key) != NULL;
}

static bool add_notes(cJSON *o, const struct bvf_outcome_note *notes, size_t n)
{
	cJSON *arr = cJSON_AddArrayToObject(o, "notes");

	for (size_t i = 0; arr && i < n; i++) {
		const struct bvf_outcome_note *x = &notes[i];
		bool known = x->loc.file && x->loc.line;
		cJSON *no = cJSON_CreateObject();

		if (!no || !cJSON_AddItemToArray(arr, no)) {
			cJSON_Delete(no);
			return false;
		}
		if (!add_str(no, "message", x->text) || !add_num(no, "insn", x->insn) ||
		    !add_str(no, "file", known ? x->loc.file : NULL) ||
		    !add_num(no, "line", known ? (int64_t)x->loc.line : -1) ||
		    !add_num(no, "column", known && x->loc.column ? (int64_t)x->loc.column : -1))
			return false;
	}
	return arr != NULL;
}

static bool add_fixits(cJSON *o, const struct bvf_fixit *f)
{
	cJSON *arr = cJSON_AddArrayToObject(o, "fixits");
	cJSON *fo;

	if (!arr)
		return false;
	if (!f || !f->file)
		return true;
	fo = cJSON_CreateObject();
	if (!fo || !cJSON_AddItemToArray(arr, fo)) {
		cJSON_Delete(fo);
		return false;
	}
	return add_str(fo, "file", f->file) && add_num(fo, "line", f->line) &&
	       add_num(fo, "column", f->column) && add_num(fo, "end_line", f->end_line) &&
	       add_num(fo, "end_column", f->end_column) && add_str(fo, "text", f->text) &&
	       add_str(fo, "description", f->description);
}

int bvf_report_add_row(struct bvf_report *rep, const struct bvf_report_row *r)
{
	cJSON *o;
	bool ok;

	if (!rep || !r)
		return -EINVAL;
	o = cJSON_CreateObject();
	if (!o)
		return -ENOMEM;
	ok = add_str(o, "program", r->program) &&
	     add_str(o, "section", r->section) &&
	     add_str(o, "prog_type", r->prog_type) &&
	     add_str(o, "kernel", r->kernel) &&
	     add_str(o, "verdict", r->verdict) &&
	     add_str(o, "message", r->message) &&
	     add_num(o, "insn", r->insn) &&
	     add_str(o, "file", r->file) &&
	     add_num(o, "line", r->line) &&
	     add_num(o, "column", r->column) &&
	     add_num(o, "insns_processed", (int64_t)r->insns_processed) &&
	     add_num(o, "states", (int64_t)r->states) &&
	     add_num(o, "time_us", (int64_t)r->time_us) &&
	     add_str(o, "class", r->class_id) &&
	     add_notes(o, r->notes, r->nr_notes) &&
	     add_fixits(o, r->fixit);
	if (!ok || !cJSON_AddItemToArray(rep->results, o)) {
		cJSON_Delete(o);
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
	struct bvf_outcome_note notes[BV_NOTES_MAX];
	char texts[BV_NOTES_MAX][BV_MSG_MAX + 1];
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
		r.nr_notes = res->nr_notes < BV_NOTES_MAX ? res->nr_notes : BV_NOTES_MAX;
		for (size_t i = 0; i < r.nr_notes; i++) {
			memcpy(texts[i], res->notes[i].text, BV_MSG_MAX);
			texts[i][BV_MSG_MAX] = '\0';
			memset(&notes[i], 0, sizeof(notes[i]));
			notes[i].text = texts[i];
			notes[i].insn = res->notes[i].insn;
			if (notes[i].insn >= 0 &&
			    !bvf_program_source_loc(prog, (uint32_t)notes[i].insn, &notes[i].loc))
				memset(&notes[i].loc, 0, sizeof(notes[i].loc));
		}
		r.notes = notes;
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
	cJSON *results;

	if (!rep || !message)
		return -EINVAL;
	/* before "results", as the CLI writes it for an unreadable object */
	cJSON_DeleteItemFromObjectCaseSensitive(rep->root, "error");
	results = cJSON_DetachItemFromObjectCaseSensitive(rep->root, "results");
	if (!cJSON_AddStringToObject(rep->root, "error", message)) {
		cJSON_AddItemToObject(rep->root, "results", results);
		return -ENOMEM;
	}
	return cJSON_AddItemToObject(rep->root, "results", results) ? 0 : -ENOMEM;
}

int bvf_report_write_string(const struct bvf_report *rep, char **text)
{
	if (!rep || !text)
		return -EINVAL;
	*text = cJSON_Print(rep->root);
	return *text ? 0 : -ENOMEM;
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

int bvf_report_write(const struct bvf_report *rep, FILE *out)
{
	if (!rep || !out)
		return -EINVAL;
	return bvf_json_print(rep->root, out);
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
	cJSON_Delete(rep->root);
	free(rep);
}
