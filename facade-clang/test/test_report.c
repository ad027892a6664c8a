/* test_report.c — the JSON results document (INTERFACE.md) and the
 * one-line error text: a golden document for fake results, parsed back
 * with cJSON, every key checked in order, plus bvf_format_error's forms.
 */
#define SLEEPABLE_MSG "do_unlinkat is not sleepable"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "bvf_internal.h"
#include "report_internal.h"

#include "harness.h"



static const char *const row_keys[] = {
	"program", "section", "prog_type", "kernel", "verdict", "message", "insn",
	"file", "line", "column", "insns_processed", "states", "time_us", "class", "notes",
	"fixits",
};
#define NR_ROW_KEYS (sizeof(row_keys) / sizeof(row_keys[0]))

static char *write_doc(const struct bvf_report *rep)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int err;

	if (!f)
		return NULL;
	err = bvf_report_write(rep, f);
	fclose(f);
	if (err) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void check_str(const cJSON *o, const char *key, const char *want)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	if (!want)
		CHECK(cJSON_IsNull(v), "%s: want null", key);
	else
		CHECK(cJSON_IsString(v) && strcmp(v->valuestring, want) == 0,
		      "%s: got %s want %s", key, cJSON_IsString(v) ? v->valuestring : "?", want);
}

static void check_num(const cJSON *o, const char *key, double want)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	CHECK(cJSON_IsNumber(v) && v->valuedouble == want, "%s: got %g want %g", key,
	      cJSON_IsNumber(v) ? v->valuedouble : -1.0, want);
}

static void check_null(const cJSON *o, const char *key)
{
	CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(o, key)), "%s: want null", key);
}

static void check_key_order(const cJSON *o)
{
	const cJSON *it = o ? o->child : NULL;
	size_t i = 0;

	for (; it && i < NR_ROW_KEYS; it = it->next, i++)
		CHECK(it->string && strcmp(it->string, row_keys[i]) == 0,
		      "key %zu: got %s want %s", i, it->string ? it->string : "?", row_keys[i]);
	CHECK(i == NR_ROW_KEYS && !it, "exactly %zu keys", NR_ROW_KEYS);
}

static void test_document(void)
{
	struct bvf_report *rep = bvf_report_new("prog.bpf.c");
	struct bvf_report_row reject = {
		.program = "count_no_check",
		.section = "tracepoint/syscalls/sys_enter_openat",
		.prog_type = "tracepoint", .kernel = "6.18", .verdict = "reject",
		.message = "R0 invalid mem access 'map_value_or_null'", .insn = 8,
		.file = "prog.bpf.c", .line = 12, .column = 5,
		.insns_processed = 9, .states = 1, .time_us = 120,
	};
	struct bvf_report_row accept = {
		.program = "count_ok", .section = "xdp", .prog_type = "xdp",
		.kernel = "6.18", .verdict = "accept", .insn = -1, .line = -1,
		.column = -1, .insns_processed = 23, .states = 2, .time_us = 7,
	};
	struct bvf_report_row error = {
		.program = "odd", .section = "lsm/file_open", .prog_type = "lsm",
		.kernel = "6.18", .verdict = "error",
		.message = "program type lsm is not supported yet",
		.insn = -1, .line = -1, .column = -1,
	};
	cJSON *doc, *results, *r;
	char *text;

	CHECK(rep != NULL, "report");
	if (!rep)
		return;
	CHECK(bvf_report_add_row(rep, &reject) == 0, "add reject");
	CHECK(bvf_report_add_row(rep, &accept) == 0, "add accept");
	CHECK(bvf_report_add_row(rep, &error) == 0, "add error");
	CHECK(bvf_report_add_row(NULL, &error) == -EINVAL, "add to NULL");

	text = write_doc(rep);
	CHECK(text != NULL, "write");
	if (!text) {
		bvf_report_free(rep);
		return;
	}
	CHECK(text[strlen(text) - 1] == '\n', "document ends with a newline");
	doc = cJSON_Parse(text);
	CHECK(doc != NULL, "parses back");

	/* top level: version, source, results — in this order */
	const cJSON *top = doc ? doc->child : NULL;
	CHECK(top && strcmp(top->string, "version") == 0 && cJSON_IsNumber(top) &&
	      top->valueint == 1, "version 1 first");
	top = top ? top->next : NULL;
	CHECK(top && strcmp(top->string, "source") == 0 && cJSON_IsString(top) &&
	      strcmp(top->valuestring, "prog.bpf.c") == 0, "source second");
	top = top ? top->next : NULL;
	CHECK(top && strcmp(top->string, "results") == 0 && cJSON_IsArray(top) && !top->next,
	      "results last");
	results = cJSON_GetObjectItemCaseSensitive(doc, "results");
	CHECK(cJSON_GetArraySize(results) == 3, "three results");

	/* the INTERFACE.md example, byte for byte in meaning */
	r = cJSON_GetArrayItem(results, 0);
	check_key_order(r);
	check_str(r, "program", "count_no_check");
	check_str(r, "section", "tracepoint/syscalls/sys_enter_openat");
	check_str(r, "prog_type", "tracepoint");
	check_str(r, "kernel", "6.18");
	check_str(r, "verdict", "reject");
	check_str(r, "message", "R0 invalid mem access 'map_value_or_null'");
	check_num(r, "insn", 8);
	check_str(r, "file", "prog.bpf.c");
	check_num(r, "line", 12);
	check_num(r, "column", 5);
	check_num(r, "insns_processed", 9);
	check_num(r, "states", 1);
	check_num(r, "time_us", 120);

	/* accepted: no message, no location */
	r = cJSON_GetArrayItem(results, 1);
	check_key_order(r);
	check_str(r, "program", "count_ok");
	check_str(r, "section", "xdp");
	check_str(r, "prog_type", "xdp");
	check_str(r, "kernel", "6.18");
	check_str(r, "verdict", "accept");
	check_null(r, "message");
	check_null(r, "insn");
	check_null(r, "file");
	check_null(r, "line");
	check_null(r, "column");
	check_num(r, "insns_processed", 23);
	check_num(r, "states", 2);
	check_num(r, "time_us", 7);

	/* error: a message, no instruction */
	r = cJSON_GetArrayItem(results, 2);
	check_key_order(r);
	check_str(r, "verdict", "error");
	check_str(r, "message", "program type lsm is not supported yet");
	check_null(r, "insn");
	check_null(r, "file");
	check_num(r, "insns_processed", 0);

	cJSON_Delete(doc);
	free(text);

	/* write_file round trip */
	char path[] = "/tmp/test_report_XXXXXX";
	int fd = mkstemp(path);

	CHECK(fd >= 0, "mkstemp");
	if (fd >= 0) {
		close(fd);
		CHECK(bvf_report_write_file(rep, path) == 0, "write_file");
		FILE *f = fopen(path, "r");
		char buf[8192];
		size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;

		if (f)
			fclose(f);
		buf[n] = 0;
		doc = cJSON_Parse(buf);
		CHECK(doc && cJSON_GetArraySize(cJSON_GetObjectItem(doc, "results")) == 3,
		      "file parses back");
		cJSON_Delete(doc);
		unlink(path);
	}
	CHECK(bvf_report_write_file(rep, "/nonexistent/dir/x.json") == -ENOENT,
	      "write_file to a missing directory");
	bvf_report_free(rep);

	/* an empty document */
	rep = bvf_report_new("empty.bpf.c");
	text = rep ? write_doc(rep) : NULL;
	doc = text ? cJSON_Parse(text) : NULL;
	CHECK(doc && cJSON_IsArray(cJSON_GetObjectItem(doc, "results")) &&
	      cJSON_GetArraySize(cJSON_GetObjectItem(doc, "results")) == 0, "empty results");
	cJSON_Delete(doc);
	free(text);
	bvf_report_free(rep);
	bvf_report_free(NULL);
}

/* "class" and "notes": a note with a location, one without. */
static void test_notes(void)
{
	struct bvf_report *rep = bvf_report_new("prog.bpf.c");
	struct bvf_outcome_note notes[2] = {
		{ .text = "R0 may be NULL", .insn = 7,
		  .loc = { .file = "prog.bpf.c", .line = 11, .column = 8 } },
		{ .text = "no place", .insn = -1 },
	};
	struct bvf_report_row row = {
		.program = "p", .section = "xdp", .prog_type = "xdp", .kernel = "6.18",
		.verdict = "reject", .message = "R0 invalid mem access 'map_value_or_null'",
		.insn = 8, .file = "prog.bpf.c", .line = 12, .column = 5,
		.class_id = "nullable-pointer", .notes = notes, .nr_notes = 2,
	};
	cJSON *doc = NULL, *r, *n;
	char *text = NULL;

	CHECK(rep && bvf_report_add_row(rep, &row) == 0, "add");
	CHECK(rep && bvf_report_set_error(rep, "partly") == 0, "set error");
	text = rep ? write_doc(rep) : NULL;
	doc = text ? cJSON_Parse(text) : NULL;
	CHECK(doc != NULL, "parses");
	if (doc) {
		check_str(doc, "error", "partly");
		CHECK(doc->child && doc->child->next && doc->child->next->next &&
		      strcmp(doc->child->next->next->string, "error") == 0, "error before results");
		r = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "results"), 0);
		check_key_order(r);
		check_str(r, "class", "nullable-pointer");
		n = cJSON_GetObjectItemCaseSensitive(r, "notes");
		CHECK(cJSON_GetArraySize(n) == 2, "two notes");
		check_str(cJSON_GetArrayItem(n, 0), "message", "R0 may be NULL");
		check_num(cJSON_GetArrayItem(n, 0), "insn", 7);
		check_str(cJSON_GetArrayItem(n, 0), "file", "prog.bpf.c");
		check_num(cJSON_GetArrayItem(n, 0), "line", 11);
		check_num(cJSON_GetArrayItem(n, 0), "column", 8);
		check_null(cJSON_GetArrayItem(n, 1), "insn");
		check_null(cJSON_GetArrayItem(n, 1), "file");
		check_null(cJSON_GetArrayItem(n, 1), "line");
	}
	cJSON_Delete(doc);
	free(text);
	bvf_report_free(rep);
}

static void test_format_error(void)
{
	char err[256], buf[BV_MSG_MAX + 256];
	struct bvf_kernel *k = bvf_kernel_open("6.18", err, sizeof(err));
	struct bv_result res;

	CHECK(k != NULL, "open 6.18: %s", err);
	memset(&res, 0, sizeof(res));
	res.verdict = BV_REJECT;
	res.insn = 9;
	snprintf(res.message, sizeof(res.message), "R0 invalid mem access 'map_value_or_null'");
	/* without a program the name is "?" (the object side names real ones) */
	CHECK(bvf_format_error(NULL, k, &res, buf, sizeof(buf)) == 0 &&
	      strcmp(buf, "R0 invalid mem access 'map_value_or_null' [bpfverify: ?, kernel 6.18]") == 0,
	      "reject: %s", buf);

	res.verdict = BV_ERROR;
	res.insn = -1;
	snprintf(res.message, sizeof(res.message), "program type lsm is not supported yet");
	CHECK(bvf_format_error(NULL, k, &res, buf, sizeof(buf)) == 0 &&
	      strcmp(buf, "could not verify '?' for kernel 6.18: program type lsm is not supported yet") == 0,
	      "error: %s", buf);

	CHECK(bvf_format_error(NULL, k, &res, buf, 10) == -ENOSPC && strlen(buf) == 9,
	      "truncation");
	CHECK(bvf_format_error(NULL, k, NULL, buf, sizeof(buf)) == -EINVAL, "no result");
	CHECK(bvf_format_error(NULL, k, &res, NULL, 0) == -EINVAL, "no buffer");
	bvf_kernel_close(k);
}

/* With real objects (built from facade-clang/test/inputs by CMake): rows
 * come from bvf_report_add exactly as bvf_verify left them. */
#ifdef BVF_TEST_INPUTS
static const struct bvf_program *find_prog(const struct bvf_object *obj, const char *name)
{
	for (size_t i = 0; i < bvf_object_program_count(obj); i++)
		if (strcmp(bvf_program_name(bvf_object_program(obj, i)), name) == 0)
			return bvf_object_program(obj, i);
	return NULL;
}

static const cJSON *row_of(const cJSON *doc, const char *program)
{
	const cJSON *r;

	cJSON_ArrayForEach(r, cJSON_GetObjectItem(doc, "results")) {
		const cJSON *p = cJSON_GetObjectItem(r, "program");

		if (cJSON_IsString(p) && strcmp(p->valuestring, program) == 0)
			return r;
	}
	return NULL;
}

static void test_real_objects(void)
{
	char err[512], buf[BV_MSG_MAX + 256];
	struct bvf_object *obj = bvf_object_open_file(BVF_TEST_INPUTS "/multi.bpf.o", err, sizeof(err));
	struct bvf_object *odd = bvf_object_open_file(BVF_TEST_INPUTS "/unknown_sec.bpf.o", err, sizeof(err));
	struct bvf_kernel *k = bvf_kernel_open("6.18", err, sizeof(err));
	struct bvf_report *rep = bvf_report_new("multi.bpf.c");
	struct bv_result res[3];
	const struct bvf_program *progs[3];
	char *text;
	cJSON *doc;

	CHECK(obj && odd && k && rep, "open inputs: %s", err);
	if (!obj || !odd || !k || !rep)
		goto out;
	progs[0] = find_prog(obj, "sock_a");     /* accepted */
	progs[1] = find_prog(obj, "fentry_s");   /* sleepable fentry: refused at attach */
	progs[2] = find_prog(odd, "odd");        /* unknown section */
	for (int i = 0; i < 3; i++) {
		CHECK(progs[i] != NULL, "program %d present", i);
		if (!progs[i])
			goto out;
		CHECK(bvf_verify(progs[i], k, NULL, &res[i]) == 0, "verify %d", i);
		CHECK(bvf_report_add(rep, progs[i], k, &res[i]) == 0, "add %d", i);
	}
	CHECK(res[0].verdict == BV_ACCEPT, "sock_a accepted: %s", res[0].message);
	CHECK(res[1].verdict == BV_REJECT && res[1].insn == -1 &&
	      strcmp(res[1].message, SLEEPABLE_MSG) == 0,
	      "fentry_s: %s", res[1].message);
	CHECK(res[2].verdict == BV_ERROR && res[2].insn == -1 && bvf_program_error(progs[2]) &&
	      strcmp(res[2].message, bvf_program_error(progs[2])) == 0,
	      "odd: program error passed through: %s", res[2].message);

	/* the error line names the program and the kernel */
	snprintf(err, sizeof(err), "could not verify 'odd' for kernel 6.18: %s",
		 bvf_program_error(progs[2]));
	CHECK(bvf_format_error(progs[2], k, &res[2], buf, sizeof(buf)) == 0 &&
	      strcmp(buf, err) == 0, "format error: %s", buf);

	text = write_doc(rep);
	doc = text ? cJSON_Parse(text) : NULL;
	CHECK(doc != NULL, "real document parses");
	if (doc) {
		const cJSON *r = row_of(doc, "sock_a");

		check_key_order(r);
		check_str(r, "section", "socket");
		check_str(r, "prog_type", "socket_filter");
		check_str(r, "kernel", "6.18");
		check_str(r, "verdict", "accept");
		check_null(r, "message");
		check_null(r, "file");
		check_num(r, "insns_processed", res[0].insns_processed);
		r = row_of(doc, "fentry_s");
		check_key_order(r);
		check_str(r, "verdict", "reject");
		check_str(r, "message", SLEEPABLE_MSG);
		check_null(r, "insn");
		/* no instruction: the program's entry, where clang reports it */
		CHECK(cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(r, "line")),
		      "fentry_s: the entry's line");
		check_str(r, "class", "sleepable-context");
		r = row_of(doc, "odd");
		check_str(r, "verdict", "error");
		check_null(r, "prog_type");
		check_str(r, "class", "not-verified");
		CHECK(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(r, "file")),
		      "odd: the entry's file");
		CHECK(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(r, "notes")), "odd: notes");
	}
	cJSON_Delete(doc);
	free(text);
out:
	bvf_report_free(rep);
	bvf_kernel_close(k);
	bvf_object_close(obj);
	bvf_object_close(odd);
}
#endif

/* The text is cJSON_Print's for the same document, byte for byte (the
 * writer has no tree: report_text.c): strings with every kind of escape
 * and raw UTF-8, numbers past int, nulls, notes, the "error" key, and a
 * document without results. */
static cJSON *cjson_row(const struct bvf_report_row *r)
{
	cJSON *o = cJSON_CreateObject(), *notes;
#define S(k, v) ((v) ? cJSON_AddStringToObject(o, k, v) : cJSON_AddNullToObject(o, k))
#define N(k, v) ((int64_t)(v) >= 0 ? cJSON_AddNumberToObject(o, k, (double)(v)) : cJSON_AddNullToObject(o, k))
	S("program", r->program);
	S("section", r->section);
	S("prog_type", r->prog_type);
	S("kernel", r->kernel);
	S("verdict", r->verdict);
	S("message", r->message);
	N("insn", r->insn);
	S("file", r->file);
	N("line", r->line);
	N("column", r->column);
	N("insns_processed", r->insns_processed);
	N("states", r->states);
	N("time_us", r->time_us);
	S("class", r->class_id);
	notes = cJSON_AddArrayToObject(o, "notes");
	for (size_t i = 0; i < r->nr_notes; i++) {
		const struct bvf_outcome_note *x = &r->notes[i];
		bool known = x->loc.file && x->loc.line;
		cJSON *no = cJSON_CreateObject(), *keep = o;

		cJSON_AddItemToArray(notes, no);
		o = no;
		S("message", x->text);
		N("insn", x->insn);
		S("file", known ? x->loc.file : NULL);
		N("line", known ? (int64_t)x->loc.line : -1);
		N("column", known && x->loc.column ? (int64_t)x->loc.column : -1);
		o = keep;
	}
	cJSON_AddArrayToObject(o, "fixits");
#undef S
#undef N
	return o;
}

static void test_same_as_cjson(void)
{
	struct bvf_outcome_note notes[3] = {
		{ .text = "quote \" backslash \\ tab \t nl \n cr \r bs \b ff \f bell \a del \x7f",
		  .insn = 4, .loc = { .file = "a \"b\".c", .line = 7, .column = 3 } },
		{ .text = "", .insn = -1 },
		{ .text = "utf-8: \xc3\xa9\xe2\x9c\x93 ctl \x01\x1f", .insn = 2147483647,
		  .loc = { .file = "x.c", .line = 1 } },
	};
	struct bvf_report_row rows[] = {
		{ .program = "p\\1", .section = "kprobe/x", .prog_type = NULL, .kernel = "6.18",
		  .verdict = "reject", .message = "R1 \"bad\"\n", .insn = 0, .file = "f.c",
		  .line = 2147483647, .column = -1, .insns_processed = 2147483648ULL,
		  .states = 5000000000ULL, .time_us = 1ULL << 60, .class_id = "x",
		  .notes = notes, .nr_notes = 3 },
		{ .program = "", .section = "", .prog_type = "xdp", .kernel = "6.1",
		  .verdict = "accept", .insn = -1, .line = -1, .column = -1,
		  .insns_processed = 123456789012345ULL, .states = 0, .time_us = 9007199254740993ULL },
		{ .program = "q", .section = "s", .prog_type = "lsm", .kernel = "k",
		  .verdict = "error", .message = "m", .insn = -1, .line = -1, .column = -1,
		  .notes = notes + 1, .nr_notes = 1 },
	};

	for (int variant = 0; variant < 4; variant++) {
		struct bvf_report *rep = bvf_report_new(variant == 1 ? NULL : "src \"1\".bpf.c");
		cJSON *doc = cJSON_CreateObject(), *results;
		char *want, *got = NULL, *file;
		size_t nrows = variant == 3 ? 0 : sizeof(rows) / sizeof(rows[0]);

		cJSON_AddNumberToObject(doc, "version", 1);
		if (variant == 1)
			cJSON_AddNullToObject(doc, "source");
		else
			cJSON_AddStringToObject(doc, "source", "src \"1\".bpf.c");
		if (variant >= 2)
			cJSON_AddStringToObject(doc, "error", "crashed:\t\"why\"");
		results = cJSON_AddArrayToObject(doc, "results");
		for (size_t i = 0; i < nrows; i++) {
			CHECK(rep && bvf_report_add_row(rep, &rows[i]) == 0, "add row %zu", i);
			cJSON_AddItemToArray(results, cjson_row(&rows[i]));
		}
		if (variant >= 2)
			CHECK(rep && bvf_report_set_error(rep, "crashed:\t\"why\"") == 0, "set error");
		want = cJSON_Print(doc);
		CHECK(rep && bvf_report_write_string(rep, &got) == 0, "write_string");
		CHECK(want && got && strcmp(want, got) == 0,
		      "variant %d: the text is cJSON_Print's:\n--- want\n%s\n--- got\n%s", variant,
		      want ? want : "?", got ? got : "?");
		file = rep ? write_doc(rep) : NULL;
		CHECK(file && got && strlen(file) == strlen(got) + 1 &&
		      strncmp(file, got, strlen(got)) == 0 && file[strlen(got)] == '\n',
		      "variant %d: write = write_string + newline", variant);
		free(file);
		{
			char *buf = NULL;
			size_t len = 0;
			FILE *f = open_memstream(&buf, &len);

			CHECK(f && rep && bvf_report_write_unterminated(rep, f) == 0 &&
			      fclose(f) == 0 && got && strcmp(buf, got) == 0,
			      "variant %d: write_unterminated = write_string", variant);
			free(buf);
		}
		free(got);
		cJSON_free(want);
		cJSON_Delete(doc);
		bvf_report_free(rep);
	}
}

/* "fixits": an empty array without one; with one, its seven keys. */
static void test_fixits(void)
{
	struct bvf_report *rep = bvf_report_new("prog.bpf.c");
	struct bvf_fixit fix = {
		.file = "prog.bpf.c", .line = 11, .column = 45, .end_line = 11, .end_column = 45,
		.text = "\n\tif (!cnt)\n\t\treturn 0;",
		.description = "check 'cnt' for NULL after bpf_map_lookup_elem()",
	};
	struct bvf_report_row with = {
		.program = "p", .section = "xdp", .prog_type = "xdp", .kernel = "6.18",
		.verdict = "reject", .message = "R0 invalid mem access 'map_value_or_null'",
		.insn = 8, .file = "prog.bpf.c", .line = 12, .column = 5, .fixit = &fix,
	};
	struct bvf_report_row without = with;
	const cJSON *results, *arr, *f;
	cJSON *doc;
	char *text;

	without.fixit = NULL;
	CHECK(rep && bvf_report_add_row(rep, &with) == 0 &&
	      bvf_report_add_row(rep, &without) == 0, "add rows");
	text = rep ? write_doc(rep) : NULL;
	doc = text ? cJSON_Parse(text) : NULL;
	results = cJSON_GetObjectItemCaseSensitive(doc, "results");
	arr = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(results, 0), "fixits");
	CHECK(cJSON_IsArray(arr) && cJSON_GetArraySize(arr) == 1, "one fix-it");
	f = cJSON_GetArrayItem(arr, 0);
	check_str(f, "file", "prog.bpf.c");
	check_num(f, "line", 11);
	check_num(f, "column", 45);
	check_num(f, "end_line", 11);
	check_num(f, "end_column", 45);
	check_str(f, "text", fix.text);
	check_str(f, "description", fix.description);
	arr = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(results, 1), "fixits");
	CHECK(cJSON_IsArray(arr) && cJSON_GetArraySize(arr) == 0, "no fix-it: []");
	cJSON_Delete(doc);
	free(text);
	bvf_report_free(rep);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_document();
	test_fixits();
	test_notes();
	test_same_as_cjson();
	test_format_error();
#ifdef BVF_TEST_INPUTS
	test_real_objects();
#endif
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
