/*
 * load.c - owns loading one program of an object alone into the running
 * kernel: the object is opened afresh, autoload is switched off for every
 * other program, the loader set-up is applied (setup.c), and the program is
 * loaded with log level 1 + stats and a 16 MiB log buffer.  It decides the
 * verdict: accept (loaded), reject (refused with a verifier log),
 * load_error (refused with no log: refused before verification, e.g. map
 * creation, a missing attach target, EPERM).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/libbpf.h>

#include "oracle.h"

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* @s with every occurrence of @path replaced by its last component, so
 * that messages do not depend on where the object was when checked. */
static char *without_dir(const char *s, const char *path)
{
	const char *base = strrchr(path, '/'), *hit;
	size_t plen = strlen(path), blen, n = 0;
	char *out;

	if (!base || !plen)
		return strdup(s);
	base++;
	blen = strlen(base);
	out = malloc(strlen(s) + 1);
	if (!out)
		return NULL;
	while ((hit = strstr(s, path)) != NULL) {
		memcpy(out + n, s, (size_t)(hit - s));
		n += (size_t)(hit - s);
		memcpy(out + n, base, blen);
		n += blen;
		s = hit + plen;
	}
	strcpy(out + n, s);
	return out;
}

static char *open_error_text(const char *path, int err)
{
	char buf[1024];
	size_t i, n = oracle_capture_count();

	/* libbpf's own explanation, when it gave one, says more. */
	for (i = 0; i < n; i++)
		if (oracle_capture_line(i)[0])
			return without_dir(oracle_capture_line(i), path);
	snprintf(buf, sizeof(buf), "cannot open %s: %s",
		 strrchr(path, '/') ? strrchr(path, '/') + 1 : path,
		 strerror(err));
	return strdup(buf);
}

int oracle_list_programs(const char *path, char ***names, char **err_text)
{
	struct bpf_object *obj;
	struct bpf_program *prog;
	char **v = NULL, **nv;
	int n = 0, err;

	*names = NULL;
	*err_text = NULL;
	oracle_capture_reset();
	obj = bpf_object__open_file(path, NULL);
	if (!obj) {
		err = errno ? errno : EINVAL;
		*err_text = open_error_text(path, err);
		return -err;
	}
	bpf_object__for_each_program(prog, obj) {
		nv = realloc(v, (size_t)(n + 1) * sizeof(*v));
		if (!nv || !(nv[n] = strdup(bpf_program__name(prog)))) {
			free(nv ? nv : v);
			bpf_object__close(obj);
			return -ENOMEM;
		}
		v = nv;
		n++;
	}
	bpf_object__close(obj);
	*names = v;
	return n;
}

static int copy_captured(struct oracle_load *out, const char *path)
{
	size_t i, n = oracle_capture_count();

	if (!n)
		return 0;
	out->libbpf_msgs = calloc(n, sizeof(char *));
	if (!out->libbpf_msgs)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		out->libbpf_msgs[i] = without_dir(oracle_capture_line(i), path);
		if (!out->libbpf_msgs[i])
			return -ENOMEM;
		out->n_libbpf_msgs++;
	}
	return 0;
}

/* Why a load failed before verification: libbpf's first warning that is
 * not followed by a retry ("Error in bpf_create_map_xattr(m):... Retrying
 * without BTF."), else the errno text. */
static char *load_error_text(int err, const char *path)
{
	size_t i, n = oracle_capture_count();
	char buf[256];

	for (i = 0; i < n; i++)
		if (!strstr(oracle_capture_line(i), "Retrying"))
			return without_dir(oracle_capture_line(i), path);
	if (n)
		return without_dir(oracle_capture_line(0), path);
	snprintf(buf, sizeof(buf), "load failed with no verifier log: %s",
		 strerror(err));
	return strdup(buf);
}

/* A section this libbpf does not know gets libbpf 1.6's program type and
 * attach type (sections.c); the result says so in its set-up notes. */
static void note_section_fix(struct bpf_program *prog, struct oracle_load *out)
{
	const char *rule = oracle_section_fix(prog);
	size_t max = sizeof(out->setup) / sizeof(out->setup[0]);
	char buf[256];

	if (!rule || out->n_setup >= max)
		return;
	snprintf(buf, sizeof(buf),
		 "section '%s' unknown to this libbpf: program type and attach type set as libbpf 1.6 sets them",
		 rule);
	out->setup[out->n_setup] = strdup(buf);
	if (out->setup[out->n_setup])
		out->n_setup++;
}

static int load_attempt(const char *path, const char *name,
			const struct oracle_setup_opts *opts, char *log_buf,
			size_t log_size, struct oracle_load *out)
{
	struct bpf_object *obj;
	struct bpf_program *prog, *target = NULL;
	int err;

	memset(out, 0, sizeof(*out));
	oracle_capture_reset();
	obj = bpf_object__open_file(path, NULL);
	if (!obj) {
		err = errno ? errno : EINVAL;
		out->program = strdup(name);
		out->verdict = ORACLE_LOAD_ERROR;
		out->err = err;
		out->load_error = open_error_text(path, err);
		out->log = strdup("");
		return copy_captured(out, path);
	}
	bpf_object__for_each_program(prog, obj) {
		bool me = strcmp(bpf_program__name(prog), name) == 0;

		if (me)
			target = prog;
		bpf_program__set_autoload(prog, me);
	}
	if (!target) {
		bpf_object__close(obj);
		fprintf(stderr, "bpfverify-oracle: %s: no program '%s'\n", path,
			name);
		return -ENOENT;
	}
	out->program = strdup(name);
	out->section = strdup(bpf_program__section_name(target));
	out->prog_type =
		dup_or_null(libbpf_bpf_prog_type_str(bpf_program__type(target)));
	out->n_setup = oracle_setup(obj, target, opts, out->setup,
				    sizeof(out->setup) / sizeof(out->setup[0]));
	note_section_fix(target, out);

	log_buf[0] = '\0';
	bpf_program__set_log_buf(target, log_buf, log_size);
	bpf_program__set_log_level(target, opts->log_level ? opts->log_level
							     : ORACLE_LOG_LEVEL);
	err = bpf_object__load(obj);
	/* The prog type can be refined at load (e.g. by set-up); re-read. */
	free(out->prog_type);
	out->prog_type =
		dup_or_null(libbpf_bpf_prog_type_str(bpf_program__type(target)));

	out->err = err < 0 ? -err : 0;
	out->log = strdup(log_buf);
	if (!err)
		out->verdict = ORACLE_ACCEPT;
	else if (log_buf[0])
		out->verdict = ORACLE_REJECT;
	else {
		out->verdict = ORACLE_LOAD_ERROR;
		out->load_error = load_error_text(out->err, path);
	}
	bpf_object__close(obj);
	if (!out->program || !out->section || !out->log)
		return -ENOMEM;
	return copy_captured(out, path);
}

/*
 * ENOSPC means the verifier log did not fit the buffer: 6.1 then stops
 * before printing its message, and 6.18 (whose log rotates) fails even a
 * program it would accept. Neither is a verdict, so a load that ends so is
 * tried once more with a buffer large enough for a 1M-instruction path.
 */
int oracle_load_one(const char *path, const char *name,
		    const struct oracle_setup_opts *opts, char *log_buf,
		    struct oracle_load *out)
{
	char *big;
	int err;

	err = load_attempt(path, name, opts, log_buf, ORACLE_LOG_SIZE, out);
	/* An explicit --log-level (a level-2 log, for comparing walks) keeps
	 * what fitted: the start of the walk is what a comparison needs. */
	if (err || out->err != ENOSPC || opts->log_level)
		return err;
	big = malloc(ORACLE_LOG_SIZE_LARGE);
	if (!big)
		return 0; /* keep the first answer */
	oracle_load_free(out);
	err = load_attempt(path, name, opts, big, ORACLE_LOG_SIZE_LARGE, out);
	free(big);
	return err;
}

void oracle_load_free(struct oracle_load *ld)
{
	size_t i;

	free(ld->program);
	free(ld->section);
	free(ld->prog_type);
	free(ld->load_error);
	free(ld->log);
	for (i = 0; i < ld->n_libbpf_msgs; i++)
		free(ld->libbpf_msgs[i]);
	free(ld->libbpf_msgs);
	for (i = 0; i < ld->n_setup; i++)
		free(ld->setup[i]);
	memset(ld, 0, sizeof(*ld));
}
