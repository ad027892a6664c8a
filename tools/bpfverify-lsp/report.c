/* bpfverify JSON report → LSP diagnostics and code actions; see report.h. */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* First of several spellings that is a number; -1 when none is. */
static long num(const cJSON *o, const char *const *keys)
{
	for (; *keys; keys++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, *keys);
		if (cJSON_IsNumber(v))
			return (long)v->valuedouble;
	}
	return -1;
}

static const char *const LINE[] = {"line", NULL};
static const char *const COL[] = {"column", "col", NULL};
static const char *const END_LINE[] = {"end_line", "endLine", NULL};
static const char *const END_COL[] = {"end_column", "end_col", "endColumn", NULL};

/* Does a report's file name denote document d? The check reads standard
 * input under a #line naming d's path, so names are d's path; "-" and
 * "<stdin>" are d too, and a bare relative name matches d's tail. */
static int is_doc_file(const struct document *d, const char *file)
{
	if (!file || !strcmp(file, "-") || !strcmp(file, "<stdin>"))
		return 1;
	if (!d->path)
		return 0;
	if (!strcmp(file, d->path))
		return 1;
	size_t fl = strlen(file), pl = strlen(d->path);
	return file[0] != '/' && fl < pl && d->path[pl - fl - 1] == '/' &&
	       !strcmp(d->path + pl - fl, file);
}

static cJSON *position(long line, long character)
{
	cJSON *p = cJSON_CreateObject();
	cJSON_AddNumberToObject(p, "line", line < 0 ? 0 : (double)line);
	cJSON_AddNumberToObject(p, "character", character < 0 ? 0 : (double)character);
	return p;
}

static cJSON *range(long l0, long c0, long l1, long c1)
{
	cJSON *r = cJSON_CreateObject();
	cJSON_AddItemToObject(r, "start", position(l0, c0));
	cJSON_AddItemToObject(r, "end", position(l1, c1));
	return r;
}

/* The range of a location (1-based line and byte column, as clang gives
 * them) in d: from the column to the line's last non-blank. */
static cJSON *range_at(const struct document *d, long line, long col)
{
	long l = line > 0 ? line - 1 : 0;
	long c = col > 0 ? doc_utf16_col(d, l, col - 1) : 0;
	long e = doc_line_end(d, l);
	if (e <= c)
		e = c + 1;
	return range(l, c, l, e);
}

/* A location object for a note in d or in another file. */
static cJSON *location(const struct document *d, const char *file, long line, long col)
{
	cJSON *loc = cJSON_CreateObject();
	if (is_doc_file(d, file)) {
		cJSON_AddStringToObject(loc, "uri", d->uri);
		cJSON_AddItemToObject(loc, "range", range_at(d, line, col));
	} else {
		char *uri = path_to_uri(file);
		cJSON_AddStringToObject(loc, "uri", uri);
		free(uri);
		long l = line > 0 ? line - 1 : 0, c = col > 0 ? col - 1 : 0;
		cJSON_AddItemToObject(loc, "range", range(l, c, l, c + 1));
	}
	return loc;
}

/* One distinct diagnostic and the kernels it holds for. */
struct entry {
	const cJSON *result;    /* first result that gave it */
	char kernels[256];
	int nkernels;
};

static int same_outcome(const cJSON *a, const cJSON *b)
{
	const char *keys[] = {"program", "verdict", "message", "file"};
	for (size_t i = 0; i < 4; i++) {
		const char *x = str(a, keys[i]), *y = str(b, keys[i]);
		if ((x == NULL) != (y == NULL) || (x && strcmp(x, y)))
			return 0;
	}
	return num(a, LINE) == num(b, LINE) && num(a, COL) == num(b, COL);
}

static void add_kernel(struct entry *e, const char *k)
{
	if (!k)
		return;
	size_t used = strlen(e->kernels);
	snprintf(e->kernels + used, sizeof e->kernels - used, "%s%s", e->nkernels ? ", " : "", k);
	e->nkernels++;
}

static cJSON *make_diagnostic(const struct document *d, const struct entry *e, int with_related)
{
	const cJSON *r = e->result;
	const char *verdict = str(r, "verdict");
	const char *message = str(r, "message");
	const char *program = str(r, "program");
	const char *file = str(r, "file");
	const char *klass = str(r, "class");
	long line = num(r, LINE), col = num(r, COL);
	int here = is_doc_file(d, file) && line > 0;

	cJSON *diag = cJSON_CreateObject();
	/* A result located in another file (a header) is shown at the top of
	 * this one, its place named in the message and related information. */
	cJSON_AddItemToObject(diag, "range", here ? range_at(d, line, col) : range(0, 0, 0, 1));
	cJSON_AddNumberToObject(diag, "severity", verdict && !strcmp(verdict, "error") ? 2 : 1);
	cJSON_AddStringToObject(diag, "source", "bpfverify");
	if (klass)
		cJSON_AddStringToObject(diag, "code", klass);
	const char *prefix = verdict && !strcmp(verdict, "load_error") ? "load fails before verification: " :
			     verdict && !strcmp(verdict, "error") ? "could not verify: " : "";
	char where[512] = "";
	if (!here && file && line > 0)
		snprintf(where, sizeof where, " (at %s:%ld)", file, line);
	size_t n = strlen(prefix) + strlen(message ? message : "") + strlen(where) +
		   strlen(program ? program : "") + strlen(e->kernels) + 64;
	char *text = malloc(n);
	snprintf(text, n, "%s%s%s [bpfverify: %s, kernel%s %s]", prefix, message ? message : "(no message)",
		 where, program ? program : "?", e->nkernels > 1 ? "s" : "", e->kernels);
	cJSON_AddStringToObject(diag, "message", text);
	free(text);

	cJSON *related = cJSON_CreateArray();
	if (!here && file && line > 0) {
		cJSON *ri = cJSON_CreateObject();
		cJSON_AddItemToObject(ri, "location", location(d, file, line, col));
		cJSON_AddStringToObject(ri, "message", "rejected here");
		cJSON_AddItemToArray(related, ri);
	}
	const cJSON *note;
	cJSON_ArrayForEach(note, cJSON_GetObjectItemCaseSensitive(r, "notes")) {
		const char *nmsg = str(note, "message");
		if (!nmsg)
			continue;
		const char *nfile = str(note, "file");
		long nline = num(note, LINE), ncol = num(note, COL);
		cJSON *ri = cJSON_CreateObject();
		/* A note without a place belongs to the error's own place. */
		if (nline > 0)
			cJSON_AddItemToObject(ri, "location", location(d, nfile, nline, ncol));
		else if (here)
			cJSON_AddItemToObject(ri, "location", location(d, file, line, col));
		else
			cJSON_AddItemToObject(ri, "location", location(d, NULL, 1, 1));
		cJSON_AddStringToObject(ri, "message", nmsg);
		cJSON_AddItemToArray(related, ri);
	}
	if (!with_related && cJSON_GetArraySize(related)) {
		/* The editor would not show them: the notes become lines of the
		 * message ("LINE: note"). */
		size_t len = strlen(cJSON_GetStringValue(cJSON_GetObjectItem(diag, "message"))) + 1;
		cJSON_ArrayForEach(note, related)
			len += strlen(cJSON_GetStringValue(cJSON_GetObjectItem(note, "message"))) + 32;
		char *full = malloc(len);
		strcpy(full, cJSON_GetStringValue(cJSON_GetObjectItem(diag, "message")));
		cJSON_ArrayForEach(note, related) {
			const cJSON *start = cJSON_GetObjectItem(
				cJSON_GetObjectItem(cJSON_GetObjectItem(note, "location"), "range"), "start");
			sprintf(full + strlen(full), "\n%d: %s",
				(int)cJSON_GetNumberValue(cJSON_GetObjectItem(start, "line")) + 1,
				cJSON_GetStringValue(cJSON_GetObjectItem(note, "message")));
		}
		cJSON_ReplaceItemInObject(diag, "message", cJSON_CreateString(full));
		free(full);
		cJSON_Delete(related);
		return diag;
	}
	if (cJSON_GetArraySize(related))
		cJSON_AddItemToObject(diag, "relatedInformation", related);
	else
		cJSON_Delete(related);
	return diag;
}

/* A fix-it: {file, line, column|col, end_line, end_column|end_col,
 * text|replacement|insert, description|message|title?}, lines and
 * columns 1-based as clang gives them, the range [start, end) replaced by
 * text; a missing end is an insertion at the start. */
static cJSON *make_edit(const struct document *d, const cJSON *fix)
{
	const char *file = str(fix, "file");
	if (file && !is_doc_file(d, file))
		return NULL;
	long line = num(fix, LINE), col = num(fix, COL);
	long eline = num(fix, END_LINE), ecol = num(fix, END_COL);
	const char *text = str(fix, "text");
	if (!text)
		text = str(fix, "replacement");
	if (!text)
		text = str(fix, "insert");
	if (line <= 0 || !text)
		return NULL;
	if (col <= 0)
		col = 1;
	if (eline <= 0)
		eline = line;
	if (ecol <= 0)
		ecol = eline == line ? col : 1;
	long l0 = line - 1, l1 = eline - 1;
	cJSON *edit = cJSON_CreateObject();
	cJSON_AddItemToObject(edit, "range", range(l0, doc_utf16_col(d, l0, col - 1), l1,
						   doc_utf16_col(d, l1, ecol - 1)));
	cJSON_AddStringToObject(edit, "newText", text);
	return edit;
}

static cJSON *make_action(const struct document *d, const cJSON *result, const cJSON *diag)
{
	const cJSON *fixits = cJSON_GetObjectItemCaseSensitive(result, "fixits");
	if (!cJSON_IsArray(fixits) || !cJSON_GetArraySize(fixits))
		return NULL;
	cJSON *edits = cJSON_CreateArray();
	const char *title = NULL;
	const cJSON *fix;
	cJSON_ArrayForEach(fix, fixits) {
		cJSON *edit = make_edit(d, fix);
		if (edit)
			cJSON_AddItemToArray(edits, edit);
		if (!title)
			title = str(fix, "description");
		if (!title)
			title = str(fix, "message");
		if (!title)
			title = str(fix, "title");
	}
	if (!cJSON_GetArraySize(edits)) {
		cJSON_Delete(edits);
		return NULL;
	}
	cJSON *action = cJSON_CreateObject();
	char t[512];
	snprintf(t, sizeof t, "bpfverify: %s", title ? title : "apply the suggested fix");
	cJSON_AddStringToObject(action, "title", t);
	cJSON_AddStringToObject(action, "kind", "quickfix");
	cJSON *ds = cJSON_AddArrayToObject(action, "diagnostics");
	cJSON_AddItemToArray(ds, cJSON_Duplicate(diag, 1));
	cJSON_AddTrueToObject(action, "isPreferred");
	cJSON *we = cJSON_AddObjectToObject(action, "edit");
	cJSON *changes = cJSON_AddObjectToObject(we, "changes");
	cJSON_AddItemToObject(changes, d->uri, edits);
	return action;
}

void report_to_lsp(const char *report, const struct document *d, int related, cJSON **diags,
		   cJSON **actions)
{
	*diags = cJSON_CreateArray();
	*actions = cJSON_CreateArray();
	cJSON *doc = report ? cJSON_Parse(report) : NULL;
	if (!doc)
		return;
	const char *error = str(doc, "error");
	if (error) {
		cJSON *diag = cJSON_CreateObject();
		cJSON_AddItemToObject(diag, "range", range(0, 0, 0, 1));
		cJSON_AddNumberToObject(diag, "severity", 2);
		cJSON_AddStringToObject(diag, "source", "bpfverify");
		char *text = malloc(strlen(error) + 64);
		sprintf(text, "bpfverify could not verify this file: %s", error);
		cJSON_AddStringToObject(diag, "message", text);
		free(text);
		cJSON_AddItemToArray(*diags, diag);
	}
	const cJSON *results = cJSON_GetObjectItemCaseSensitive(doc, "results");
	int n = cJSON_GetArraySize(results);
	struct entry *entries = calloc((size_t)n + 1, sizeof *entries);
	int ne = 0;
	const cJSON *r;
	cJSON_ArrayForEach(r, results) {
		const char *verdict = str(r, "verdict");
		if (!verdict || !strcmp(verdict, "accept"))
			continue;
		int i;
		for (i = 0; i < ne; i++)
			if (same_outcome(entries[i].result, r))
				break;
		if (i == ne)
			entries[ne++].result = r;
		add_kernel(&entries[i], str(r, "kernel"));
	}
	for (int i = 0; i < ne; i++) {
		cJSON *diag = make_diagnostic(d, &entries[i], related);
		cJSON *action = make_action(d, entries[i].result, diag);
		if (action)
			cJSON_AddItemToArray(*actions, action);
		cJSON_AddItemToArray(*diags, diag);
	}
	free(entries);
	cJSON_Delete(doc);
}

cJSON *report_actions_for(const struct document *d, long first, long last)
{
	cJSON *out = cJSON_CreateArray();
	const cJSON *a;
	cJSON_ArrayForEach(a, d->bv_actions) {
		const cJSON *diag = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(a, "diagnostics"), 0);
		const cJSON *start = cJSON_GetObjectItemCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(diag, "range"), "start");
		long line = (long)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(start, "line"));
		int hit = line >= first && line <= last;
		/* Or where one of its edits goes (the NULL check's line). */
		const cJSON *edits = cJSON_GetObjectItemCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(a, "edit"), "changes"), d->uri);
		const cJSON *e;
		cJSON_ArrayForEach(e, edits) {
			const cJSON *s = cJSON_GetObjectItemCaseSensitive(
				cJSON_GetObjectItemCaseSensitive(e, "range"), "start");
			long el = (long)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(s, "line"));
			if (el >= first && el <= last)
				hit = 1;
		}
		if (hit)
			cJSON_AddItemToArray(out, cJSON_Duplicate(a, 1));
	}
	return out;
}
