/*
 * exact.c - exact mode (see exact.h): runs scripts/oracle-run for a
 * profile's real kernel on the objects and turns the oracle's JSON
 * documents (tools/oracle/README.md) into bv_exact_result entries.
 */
#include "exact.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "bpfverify/verifier.h"

static void fail(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errsz)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
}

const char *bv_exact_verdict_name(enum bv_exact_verdict v)
{
	switch (v) {
	case BV_EXACT_ACCEPT: return "accept";
	case BV_EXACT_REJECT: return "reject";
	case BV_EXACT_LOAD_ERROR: return "load_error";
	}
	return "?";
}

static int is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The source tree holding scripts/oracle-run, into buf; 0 or -1. */
static int source_dir(const struct bv_exact_opts *opts, char *buf, size_t n)
{
	char exe[PATH_MAX], path[PATH_MAX + 32];
	const char *cands[3] = { 0 };
	ssize_t len;
	size_t i, k = 0;

	if (opts && opts->source_dir)
		cands[k++] = opts->source_dir;
	else if (getenv("BPFVERIFY_SOURCE_DIR"))
		cands[k++] = getenv("BPFVERIFY_SOURCE_DIR");
#ifdef BV_EXACT_SOURCE_DIR
	cands[k++] = BV_EXACT_SOURCE_DIR;
#endif
	for (i = 0; i < k; i++) {
		snprintf(path, sizeof(path), "%s/scripts/oracle-run", cands[i]);
		if (is_file(path)) {
			snprintf(buf, n, "%s", cands[i]);
			return 0;
		}
	}
	/* build/bin/EXE -> the tree two folders up */
	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (len > 0) {
		int up;

		exe[len] = 0;
		for (up = 0; up < 3; up++) {
			char *slash = strrchr(exe, '/');

			if (!slash)
				break;
			*slash = 0;
			snprintf(path, sizeof(path), "%s/scripts/oracle-run", exe);
			if (is_file(path)) {
				snprintf(buf, n, "%s", exe);
				return 0;
			}
		}
	}
	return -1;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, got;

	if (!f)
		return NULL;
	for (;;) {
		if (cap - len < 4096) {
			char *nb = realloc(buf, cap ? cap * 2 : 65536);

			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
			cap = cap ? cap * 2 : 65536;
		}
		got = fread(buf + len, 1, cap - len - 1, f);
		len += got;
		if (got == 0)
			break;
	}
	fclose(f);
	buf[len] = 0;
	return buf;
}

/* The last non-empty line of a file (a script's error), into buf. */
static void last_line(const char *path, char *buf, size_t n)
{
	char *text = slurp(path), *end, *start;

	buf[0] = 0;
	if (!text)
		return;
	end = text + strlen(text);
	while (end > text && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' '))
		end--;
	*end = 0;
	start = strrchr(text, '\n');
	snprintf(buf, n, "%s", start ? start + 1 : text);
	free(text);
}

/*
 * Runs SRC/scripts/oracle-run with argv, stdout and stderr to files in
 * dir; returns the exit status (or -1 when it could not run).
 */
static int run_script(const char *src, const char *oracle_dir, char **argv,
		      const char *dir)
{
	char script[PATH_MAX + 32], out[PATH_MAX + 32], errp[PATH_MAX + 32];
	pid_t pid;
	int status;

	snprintf(script, sizeof(script), "%s/scripts/oracle-run", src);
	snprintf(out, sizeof(out), "%s/run.stdout", dir);
	snprintf(errp, sizeof(errp), "%s/run.stderr", dir);
	argv[0] = script;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int e = open(errp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int in = open("/dev/null", O_RDONLY);

		if (o < 0 || e < 0 || in < 0)
			_exit(127);
		dup2(in, 0);
		dup2(o, 1);
		dup2(e, 2);
		if (oracle_dir)
			setenv("BPFVERIFY_ORACLE_DIR", oracle_dir, 1);
		execv(script, argv);
		dprintf(2, "cannot run %s: %s\n", script, strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

static void rm_tree(const char *dir, size_t nfiles)
{
	char path[PATH_MAX + 64];
	size_t i;

	for (i = 1; i <= nfiles; i++) {
		snprintf(path, sizeof(path), "%s/%zu.json", dir, i);
		unlink(path);
		snprintf(path, sizeof(path), "%s/%zu.stderr", dir, i);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/run.stdout", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/run.stderr", dir);
	unlink(path);
	rmdir(dir);
}

static char *str_or_null(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) && v->valuestring ? strdup(v->valuestring) : NULL;
}

static long num_or(const cJSON *o, const char *key, long dflt)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsNumber(v) ? (long)v->valuedouble : dflt;
}

/* Appends the results of one oracle document; 0 or -1 (err set). */
static int take_document(const char *text, size_t object, const char *name,
			 struct bv_exact_report *out, char *err, size_t errsz)
{
	cJSON *doc = cJSON_Parse(text);
	const cJSON *results, *r;
	int rc = -1;

	if (!doc) {
		fail(err, errsz, "%s: the oracle's output is not JSON", name);
		return -1;
	}
	results = cJSON_GetObjectItemCaseSensitive(doc, "results");
	if (!cJSON_IsArray(results)) {
		fail(err, errsz, "%s: the oracle's output has no results", name);
		goto out;
	}
	cJSON_ArrayForEach(r, results) {
		struct bv_exact_result *res, *grown;
		char *verdict = str_or_null(r, "verdict");

		grown = realloc(out->results, (out->n + 1) * sizeof(*grown));
		if (!grown) {
			free(verdict);
			fail(err, errsz, "out of memory");
			goto out;
		}
		out->results = grown;
		res = &out->results[out->n];
		memset(res, 0, sizeof(*res));
		res->object = object;
		res->name = str_or_null(r, "program");
		res->section = str_or_null(r, "section");
		if (verdict && !strcmp(verdict, "accept"))
			res->verdict = BV_EXACT_ACCEPT;
		else if (verdict && !strcmp(verdict, "reject"))
			res->verdict = BV_EXACT_REJECT;
		else
			res->verdict = BV_EXACT_LOAD_ERROR;
		free(verdict);
		res->message = str_or_null(r, "message");
		res->insn = num_or(r, "insn", -1);
		res->insns_processed = num_or(r, "insns_processed", -1);
		res->states = num_or(r, "states", -1);
		res->time_us = num_or(r, "time_us", -1);
		res->load_error = str_or_null(r, "load_error");
		out->n++;
		if (!out->kernel_release)
			out->kernel_release = str_or_null(r, "kernel_release");
		if (!out->kernel_package)
			out->kernel_package = str_or_null(r, "kernel_package");
	}
	rc = 0;
out:
	cJSON_Delete(doc);
	return rc;
}

static int check_profile(const char *profile, char *err, size_t errsz)
{
	static const char *const known[] = { "6.1", "6.12", "6.18", "host" };
	size_t i;

	for (i = 0; profile && i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(profile, known[i]))
			return 0;
	fail(err, errsz, "exact mode: unknown kernel profile '%s' (6.1, 6.12, 6.18 or host)",
	     profile ? profile : "(null)");
	return -1;
}

static int make_workdir(char *dir, size_t n, char *err, size_t errsz)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, n, "%s/bpfverify-exact.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		fail(err, errsz, "exact mode: cannot make a temporary folder: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int script_failed(int rc, const char *dir, const char *profile,
			 char *err, size_t errsz)
{
	char path[PATH_MAX + 32], why[1024];

	snprintf(path, sizeof(path), "%s/run.stderr", dir);
	last_line(path, why, sizeof(why));
	if (rc < 0 || rc == 127)
		fail(err, errsz, "exact mode %s: cannot run scripts/oracle-run%s%s", profile,
		     why[0] ? ": " : "", why);
	else
		fail(err, errsz, "exact mode %s: %s", profile,
		     why[0] ? why : "the kernel oracle failed");
	return -1;
}

int bv_exact_available(const char *profile, const struct bv_exact_opts *opts,
		       char *err, size_t errsz)
{
	char src[PATH_MAX], dir[PATH_MAX];
	char *argv[5];
	int rc;

	if (check_profile(profile, err, errsz))
		return -1;
	if (source_dir(opts, src, sizeof(src))) {
		fail(err, errsz, "exact mode: cannot find scripts/oracle-run (set BPFVERIFY_SOURCE_DIR to the bpfverify source tree)");
		return -1;
	}
	if (make_workdir(dir, sizeof(dir), err, errsz))
		return -1;
	argv[1] = "--kernel";
	argv[2] = (char *)profile;
	argv[3] = "--probe";
	argv[4] = NULL;
	rc = run_script(src, opts ? opts->oracle_dir : NULL, argv, dir);
	if (rc != 0)
		script_failed(rc, dir, profile, err, errsz);
	rm_tree(dir, 0);
	return rc == 0 ? 0 : -1;
}

int bv_exact_verify(const char *profile, const char *const *objects,
		    size_t nobjects, const struct bv_exact_opts *opts,
		    struct bv_exact_report *out, char *err, size_t errsz)
{
	char src[PATH_MAX], dir[PATH_MAX], path[PATH_MAX + 32];
	char **argv;
	size_t i;
	int rc;

	memset(out, 0, sizeof(*out));
	if (check_profile(profile, err, errsz))
		return -1;
	if (!objects || nobjects == 0) {
		fail(err, errsz, "exact mode: no object to verify");
		return -1;
	}
	for (i = 0; i < nobjects; i++) {
		if (!objects[i] || access(objects[i], R_OK) != 0) {
			fail(err, errsz, "exact mode: cannot read %s: %s",
			     objects[i] ? objects[i] : "(null)", strerror(errno));
			return -1;
		}
		if (strchr(objects[i], '=')) {
			fail(err, errsz, "exact mode: %s: a path with '=' is not supported", objects[i]);
			return -1;
		}
	}
	if (source_dir(opts, src, sizeof(src))) {
		fail(err, errsz, "exact mode: cannot find scripts/oracle-run (set BPFVERIFY_SOURCE_DIR to the bpfverify source tree)");
		return -1;
	}
	if (make_workdir(dir, sizeof(dir), err, errsz))
		return -1;
	argv = calloc(nobjects + 8, sizeof(*argv));
	if (!argv) {
		rm_tree(dir, 0);
		fail(err, errsz, "out of memory");
		return -1;
	}
	argv[1] = "--kernel";
	argv[2] = (char *)profile;
	argv[3] = "--timings";
	argv[4] = "-o";
	argv[5] = dir;
	for (i = 0; i < nobjects; i++)
		argv[6 + i] = (char *)objects[i];
	rc = run_script(src, opts ? opts->oracle_dir : NULL, argv, dir);
	free(argv);
	if (rc != 0) {
		script_failed(rc, dir, profile, err, errsz);
		rm_tree(dir, nobjects);
		return -1;
	}
	for (i = 0; i < nobjects; i++) {
		char *text;

		snprintf(path, sizeof(path), "%s/%zu.json", dir, i + 1);
		text = slurp(path);
		if (!text || !*text) {
			char why[1024];

			free(text);
			snprintf(path, sizeof(path), "%s/%zu.stderr", dir, i + 1);
			last_line(path, why, sizeof(why));
			fail(err, errsz, "exact mode %s: no result for %s%s%s", profile,
			     objects[i], why[0] ? ": " : "", why);
			goto fail;
		}
		rc = take_document(text, i, objects[i], out, err, errsz);
		free(text);
		if (rc)
			goto fail;
	}
	rm_tree(dir, nobjects);
	return 0;
fail:
	rm_tree(dir, nobjects);
	bv_exact_report_free(out);
	return -1;
}

void bv_exact_report_free(struct bv_exact_report *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->n; i++) {
		free(r->results[i].name);
		free(r->results[i].section);
		free(r->results[i].message);
		free(r->results[i].load_error);
	}
	free(r->results);
	free(r->kernel_release);
	free(r->kernel_package);
	memset(r, 0, sizeof(*r));
}

static void copy_text(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

int bv_exact_to_result(const struct bv_exact_report *r, size_t object, const char *name,
		       struct bv_result *res)
{
	memset(res, 0, sizeof(*res));
	res->insn = -1;
	for (size_t i = 0; r && name && i < r->n; i++) {
		const struct bv_exact_result *e = &r->results[i];

		if (e->object != object || !e->name || strcmp(e->name, name) != 0)
			continue;
		switch (e->verdict) {
		case BV_EXACT_ACCEPT:
			res->verdict = BV_ACCEPT;
			break;
		case BV_EXACT_REJECT:
			res->verdict = BV_REJECT;
			copy_text(res->message, sizeof(res->message), e->message);
			res->insn = e->insn >= 0 ? (int32_t)e->insn : -1;
			break;
		case BV_EXACT_LOAD_ERROR:
			res->verdict = BV_LOAD_ERROR;
			copy_text(res->message, sizeof(res->message), e->load_error);
			break;
		}
		res->insns_processed = e->insns_processed > 0 ? (uint32_t)e->insns_processed : 0;
		res->total_states = e->states > 0 ? (uint32_t)e->states : 0;
		res->time_us = e->time_us > 0 ? (uint64_t)e->time_us : 0;
		return 0;
	}
	res->verdict = BV_ERROR;
	snprintf(res->message, sizeof(res->message),
		 "exact mode: the kernel's run reported no program '%s'", name ? name : "?");
	return -ENOENT;
}
