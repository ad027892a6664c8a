/* sarif.c — the results as a SARIF 2.1.0 log (bvf_sarif_*, bvf.h), the
 * format code-scanning services read, written with cJSON.
 *
 * One run; the driver's rules are every rejection class (diag_class.c), in
 * table order, so a result's ruleIndex is its class's index. One result per
 * distinct outcome (bvf_outcomes: the same rejection on several kernels is
 * one result whose properties name the kernels); the outcome's notes are
 * related locations. Levels: reject and load_error "error", not verified
 * "warning". Files inside the source root are URIs relative to it with
 * uriBaseId %SRCROOT% (run.originalUriBaseIds says where that is); files
 * outside are absolute file: URIs. A result always has a location: its
 * line, else the object file.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "bvf_internal.h"

#define SARIF_SCHEMA \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define SRCROOT "%SRCROOT%"

struct bvf_sarif {
	cJSON *root;
	cJSON *results;        /* owned by root */
	cJSON *notifications;  /* owned by root */
	cJSON *invocation;     /* owned by root */
	char *source_root;     /* absolute, normalized, no trailing '/' (but "/") */
};

/* ---- paths and URIs ---- */

/* Lexically normalizes an absolute path in place: no "." or ".."
 * components, no repeated or trailing '/'. */
static void normalize(char *p)
{
	char *out = p, *in = p;

	while (*in) {
		char *seg;
		size_t len;

		while (*in == '/')
			in++;
		seg = in;
		while (*in && *in != '/')
			in++;
		len = (size_t)(in - seg);
		if (len == 0 || (len == 1 && seg[0] == '.'))
			continue;
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			while (out > p && *--out != '/')
				;
			continue;
		}
		*out++ = '/';
		memmove(out, seg, len);
		out += len;
	}
	if (out == p)
		*out++ = '/';
	*out = '\0';
}

/* `path` made absolute (relative to the current directory), symlinks
 * resolved when it exists, else normalized; malloc'd. */
static char *absolute(const char *path)
{
	char buf[PATH_MAX], cwd[PATH_MAX];
	char *s;

	if (realpath(path, buf))
		return strdup(buf);
	if (path[0] == '/') {
		s = strdup(path);
	} else {
		if (!getcwd(cwd, sizeof(cwd)))
			return NULL;
		s = malloc(strlen(cwd) + strlen(path) + 2);
		if (s)
			sprintf(s, "%s/%s", cwd, path);
	}
	if (s)
		normalize(s);
	return s;
}

/* Percent-encodes everything but RFC 3986's unreserved characters and '/'. */
static char *uri_encode(const char *prefix, const char *path, const char *suffix)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(prefix) + strlen(path) * 3 + strlen(suffix) + 1;
	char *s = malloc(n), *o;

	if (!s)
		return NULL;
	o = s + sprintf(s, "%s", prefix);
	for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || strchr("-._~/", *c)) {
			*o++ = (char)*c;
		} else {
			*o++ = '%';
			*o++ = hex[*c >> 4];
			*o++ = hex[*c & 15];
		}
	}
	strcpy(o, suffix);
	return s;
}

/* {"uri": …, "uriBaseId": "%SRCROOT%"} for a file under the source root,
 * {"uri": "file:///…"} otherwise. */
static cJSON *artifact_location(const struct bvf_sarif *s, const char *file)
{
	cJSON *o = cJSON_CreateObject();
	char *abs = absolute(file), *uri = NULL;
	size_t rl = strlen(s->source_root);
	bool inside;

	if (!o || !abs)
		goto fail;
	inside = rl == 1 ? abs[0] == '/' && abs[1]
			 : strncmp(abs, s->source_root, rl) == 0 && abs[rl] == '/';
	if (inside)
		uri = uri_encode("", abs + (rl == 1 ? 1 : rl + 1), "");
	else
		uri = uri_encode("file://", abs, "");
	if (!uri || !cJSON_AddStringToObject(o, "uri", uri) ||
	    (inside && !cJSON_AddStringToObject(o, "uriBaseId", SRCROOT)))
		goto fail;
	free(abs);
	free(uri);
	return o;
fail:
	free(abs);
	free(uri);
	cJSON_Delete(o);
	return NULL;
}

/* {"physicalLocation": {"artifactLocation", "region"}}; the object file
 * (no region) when the line is unknown. */
static cJSON *location(const struct bvf_sarif *s, const struct bvf_source_loc *loc,
		       const char *object)
{
	cJSON *o = cJSON_CreateObject(), *phys, *art, *region;
	bool known = loc && loc->file && loc->line;

	if (!o || !(phys = cJSON_AddObjectToObject(o, "physicalLocation")))
		goto fail;
	art = artifact_location(s, known ? loc->file : object);
	if (!art)
		goto fail;
	cJSON_AddItemToObject(phys, "artifactLocation", art);
	if (known) {
		region = cJSON_AddObjectToObject(phys, "region");
		if (!region || !cJSON_AddNumberToObject(region, "startLine", loc->line) ||
		    (loc->column && !cJSON_AddNumberToObject(region, "startColumn", loc->column)))
			goto fail;
	}
	return o;
fail:
	cJSON_Delete(o);
	return NULL;
}

static cJSON *message(const char *text)
{
	cJSON *m = cJSON_CreateObject();

	if (m && !cJSON_AddStringToObject(m, "text", text ? text : "")) {
		cJSON_Delete(m);
		return NULL;
	}
	return m;
}

/* A fix-it as a SARIF fix: one artifact change, one replacement of the
 * region [start, end) (empty for an insertion) by the text. */
static cJSON *fix_of(const struct bvf_sarif *s, const struct bvf_fixit *f)
{
	cJSON *fix = cJSON_CreateObject(), *changes, *change, *art, *reps, *rep, *del, *ins;

	if (!fix)
		return NULL;
	cJSON_AddItemToObject(fix, "description", message(f->description));
	if (!(changes = cJSON_AddArrayToObject(fix, "artifactChanges")) ||
	    !(change = cJSON_CreateObject()))
		goto fail;
	cJSON_AddItemToArray(changes, change);
	if (!(art = artifact_location(s, f->file)))
		goto fail;
	cJSON_AddItemToObject(change, "artifactLocation", art);
	if (!(reps = cJSON_AddArrayToObject(change, "replacements")) ||
	    !(rep = cJSON_CreateObject()))
		goto fail;
	cJSON_AddItemToArray(reps, rep);
	if (!(del = cJSON_AddObjectToObject(rep, "deletedRegion")) ||
	    !cJSON_AddNumberToObject(del, "startLine", f->line) ||
	    !cJSON_AddNumberToObject(del, "startColumn", f->column) ||
	    !cJSON_AddNumberToObject(del, "endLine", f->end_line) ||
	    !cJSON_AddNumberToObject(del, "endColumn", f->end_column) ||
	    !(ins = cJSON_AddObjectToObject(rep, "insertedContent")) ||
	    !cJSON_AddStringToObject(ins, "text", f->text))
		goto fail;
	return fix;
fail:
	cJSON_Delete(fix);
	return NULL;
}

/* ---- the log ---- */

static cJSON *rules(void)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; arr && i < bvf_diag_class_count(); i++) {
		const struct bvf_diag_class *c = bvf_diag_class_at(i);
		cJSON *r = cJSON_CreateObject(), *cfg;
		bool warn = strcmp(c->id, "not-verified") == 0;

		if (!r)
			goto fail;
		cJSON_AddItemToArray(arr, r);
		if (!cJSON_AddStringToObject(r, "id", c->id))
			goto fail;
		cJSON_AddItemToObject(r, "shortDescription", message(c->title));
		cJSON_AddItemToObject(r, "fullDescription", message(c->meaning));
		cfg = cJSON_AddObjectToObject(r, "defaultConfiguration");
		if (!cfg || !cJSON_AddStringToObject(cfg, "level", warn ? "warning" : "error"))
			goto fail;
	}
	return arr;
fail:
	cJSON_Delete(arr);
	return NULL;
}

struct bvf_sarif *bvf_sarif_new(const char *source_root, const char *tool_version)
{
	struct bvf_sarif *s = calloc(1, sizeof(*s));
	cJSON *runs, *run, *tool, *driver, *bases, *base, *invs, *r;
	char *root_uri = NULL;

	if (!s)
		return NULL;
	s->source_root = absolute(source_root && *source_root ? source_root : ".");
	s->root = cJSON_CreateObject();
	if (!s->source_root || !s->root)
		goto fail;
	if (!cJSON_AddStringToObject(s->root, "$schema", SARIF_SCHEMA) ||
	    !cJSON_AddStringToObject(s->root, "version", "2.1.0") ||
	    !(runs = cJSON_AddArrayToObject(s->root, "runs")) ||
	    !(run = cJSON_CreateObject()))
		goto fail;
	cJSON_AddItemToArray(runs, run);
	if (!(tool = cJSON_AddObjectToObject(run, "tool")) ||
	    !(driver = cJSON_AddObjectToObject(tool, "driver")) ||
	    !cJSON_AddStringToObject(driver, "name", "bpfverify") ||
	    !cJSON_AddStringToObject(driver, "version", tool_version ? tool_version : "0") ||
	    !(r = rules()))
		goto fail;
	cJSON_AddItemToObject(driver, "rules", r);
	root_uri = uri_encode("file://", s->source_root,
			      strcmp(s->source_root, "/") ? "/" : "");
	if (!root_uri || !(bases = cJSON_AddObjectToObject(run, "originalUriBaseIds")) ||
	    !(base = cJSON_AddObjectToObject(bases, SRCROOT)) ||
	    !cJSON_AddStringToObject(base, "uri", root_uri) ||
	    !(invs = cJSON_AddArrayToObject(run, "invocations")) ||
	    !(s->invocation = cJSON_CreateObject()))
		goto fail;
	cJSON_AddItemToArray(invs, s->invocation);
	if (!(s->notifications = cJSON_AddArrayToObject(s->invocation,
							"toolExecutionNotifications")) ||
	    !(s->results = cJSON_AddArrayToObject(run, "results")))
		goto fail;
	free(root_uri);
	return s;
fail:
	free(root_uri);
	bvf_sarif_free(s);
	errno = ENOMEM;
	return NULL;
}

/* "6.1, 6.12" -> ["6.1", "6.12"] */
static cJSON *kernel_array(const char *list)
{
	cJSON *arr = cJSON_CreateArray();
	char *copy = strdup(list ? list : ""), *tok, *save = NULL;

	if (!arr || !copy) {
		cJSON_Delete(arr);
		free(copy);
		return NULL;
	}
	for (tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save))
		cJSON_AddItemToArray(arr, cJSON_CreateString(tok));
	free(copy);
	return arr;
}

static size_t class_index(const struct bvf_diag_class *c)
{
	for (size_t i = 0; i < bvf_diag_class_count(); i++)
		if (bvf_diag_class_at(i) == c)
			return i;
	return 0;
}

static int add_result(struct bvf_sarif *s, const char *object, const struct bvf_outcome *x)
{
	const struct bvf_diag_class *c = bvf_diag_class_of(x->verdict, x->message);
	cJSON *r = cJSON_CreateObject(), *locs, *props, *rel;

	if (!r || !c)
		goto fail;
	cJSON_AddItemToArray(s->results, r);   /* freed with the log from here on */
	if (!cJSON_AddStringToObject(r, "ruleId", c->id) ||
	    !cJSON_AddNumberToObject(r, "ruleIndex", (double)class_index(c)) ||
	    !cJSON_AddStringToObject(r, "level", x->verdict == BV_ERROR ? "warning" : "error"))
		return -ENOMEM;
	cJSON_AddItemToObject(r, "message", message(x->text));
	if (!(locs = cJSON_AddArrayToObject(r, "locations")))
		return -ENOMEM;
	cJSON_AddItemToArray(locs, location(s, &x->loc, object));
	if (x->nr_notes) {
		if (!(rel = cJSON_AddArrayToObject(r, "relatedLocations")))
			return -ENOMEM;
		for (size_t i = 0; i < x->nr_notes; i++) {
			const struct bvf_outcome_note *n = &x->notes[i];
			/* a note about no instruction is about the result's place */
			cJSON *l = location(s, n->loc.line ? &n->loc : &x->loc, object);

			if (!l)
				return -ENOMEM;
			cJSON_AddItemToArray(rel, l);
			cJSON_AddNumberToObject(l, "id", (double)i);
			cJSON_AddItemToObject(l, "message", message(n->text));
		}
	}
	if (x->fixit) {
		cJSON *fixes = cJSON_AddArrayToObject(r, "fixes"), *f = fix_of(s, x->fixit);

		if (!fixes || !f) {
			cJSON_Delete(f);
			return -ENOMEM;
		}
		cJSON_AddItemToArray(fixes, f);
	}
	if (!(props = cJSON_AddObjectToObject(r, "properties")) ||
	    !cJSON_AddStringToObject(props, "program", x->program ? x->program : "") ||
	    !cJSON_AddStringToObject(props, "section", x->section ? x->section : "") ||
	    !cJSON_AddStringToObject(props, "verdict", bv_verdict_name(x->verdict)))
		return -ENOMEM;
	cJSON_AddItemToObject(props, "kernels", kernel_array(x->kernels));
	if (x->insn >= 0)
		cJSON_AddNumberToObject(props, "insn", x->insn);
	if (x->message)
		cJSON_AddStringToObject(props, "kernelMessage", x->message);
	cJSON_AddStringToObject(props, "object", object);
	return 0;
fail:
	cJSON_Delete(r);
	return -ENOMEM;
}

int bvf_sarif_add_outcomes(struct bvf_sarif *s, const char *object, const struct bvf_outcomes *o)
{
	if (!s || !object || !o)
		return -EINVAL;
	for (size_t i = 0; i < bvf_outcomes_count(o); i++) {
		const struct bvf_outcome *x = bvf_outcomes_get(o, i);
		int err;

		if (x->verdict == BV_ACCEPT)
			continue;
		err = add_result(s, object, x);
		if (err)
			return err;
	}
	return 0;
}

int bvf_sarif_add_problem(struct bvf_sarif *s, const char *object, const char *text)
{
	cJSON *n, *locs;

	if (!s || !text)
		return -EINVAL;
	n = cJSON_CreateObject();
	if (!n)
		return -ENOMEM;
	cJSON_AddItemToArray(s->notifications, n);
	if (!cJSON_AddStringToObject(n, "level", "error"))
		return -ENOMEM;
	cJSON_AddItemToObject(n, "message", message(text));
	if (object) {
		if (!(locs = cJSON_AddArrayToObject(n, "locations")))
			return -ENOMEM;
		cJSON_AddItemToArray(locs, location(s, NULL, object));
	}
	return 0;
}

int bvf_sarif_write(struct bvf_sarif *s, FILE *out, bool success)
{
	if (!s || !out)
		return -EINVAL;
	cJSON_DeleteItemFromObject(s->invocation, "executionSuccessful");
	if (!cJSON_AddBoolToObject(s->invocation, "executionSuccessful", success))
		return -ENOMEM;
	return bvf_json_print(s->root, out);
}

void bvf_sarif_free(struct bvf_sarif *s)
{
	if (!s)
		return;
	cJSON_Delete(s->root);
	free(s->source_root);
	free(s);
}
