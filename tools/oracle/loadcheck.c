// SPDX-License-Identifier: GPL-2.0
/*
 * loadcheck - load every program of a BPF object file, one at a time, into
 * the running kernel and report what the kernel verifier says about it.
 *
 * For each program it prints:
 *   === program <name>
 *   section: <ELF section>
 *   verdict: accept|reject|error
 *   errno: <n> (<strerror>)
 *   --- verifier log ---
 *   <full log_level 1 verifier log>
 *   --- end log ---
 *
 * Exit status: 0 if every program was accepted, 1 if at least one was
 * rejected or failed to load, 2 on usage or open errors.
 *
 * Set LOADCHECK_LIBBPF_LOG=1 (or =debug) to see libbpf's messages on stderr.
 *
 * Build:  gcc -O2 -Wall -o loadcheck loadcheck.c -lbpf -lelf -lz
 * Usage:  loadcheck [-p PROG] [-q] OBJ.bpf.o
 *         -p PROG  only check the program named PROG
 *         -q       print the log only for rejected programs
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/libbpf.h>

#define LOG_BUF_SIZE (16u * 1024 * 1024)

static int quiet_libbpf(enum libbpf_print_level level, const char *fmt,
			va_list args)
{
	/*
	 * The verifier log is printed by us.  libbpf's own messages go to
	 * stderr only on request: LOADCHECK_LIBBPF_LOG=1 for warnings,
	 * LOADCHECK_LIBBPF_LOG=debug for everything (e.g. CO-RE relocations).
	 */
	const char *want = getenv("LOADCHECK_LIBBPF_LOG");

	if (!want)
		return 0;
	if (level == LIBBPF_DEBUG && strcmp(want, "debug") != 0)
		return 0;
	return vfprintf(stderr, fmt, args);
}

/* Open the object with program @only marked for autoload, all others off. */
static int check_one(const char *path, const char *only, char *log_buf,
		     int quiet)
{
	struct bpf_object *obj;
	struct bpf_program *prog, *target = NULL;
	int err;

	obj = bpf_object__open_file(path, NULL);
	if (!obj) {
		fprintf(stderr, "loadcheck: cannot open %s: %s\n", path,
			strerror(errno));
		return -1;
	}

	bpf_object__for_each_program(prog, obj) {
		if (strcmp(bpf_program__name(prog), only) == 0) {
			target = prog;
			bpf_program__set_autoload(prog, true);
		} else {
			bpf_program__set_autoload(prog, false);
		}
	}
	if (!target) {
		fprintf(stderr, "loadcheck: no program %s in %s\n", only, path);
		bpf_object__close(obj);
		return -1;
	}

	log_buf[0] = '\0';
	bpf_program__set_log_buf(target, log_buf, LOG_BUF_SIZE);
	bpf_program__set_log_level(target, 1);

	err = bpf_object__load(obj);

	printf("=== program %s\n", bpf_program__name(target));
	printf("section: %s\n", bpf_program__section_name(target));
	/*
	 * "reject" means the verifier ran and refused the program (there is a
	 * log); "error" means the load failed before or outside the verifier
	 * (no log: missing privileges, map creation, ELF or BTF problems).
	 */
	printf("verdict: %s\n",
	       !err ? "accept" : log_buf[0] ? "reject" : "error");
	if (err)
		printf("errno: %d (%s)\n", -err, strerror(-err));
	else
		printf("errno: 0\n");
	if (!quiet || err) {
		printf("--- verifier log ---\n");
		fputs(log_buf, stdout);
		if (log_buf[0] && log_buf[strlen(log_buf) - 1] != '\n')
			putchar('\n');
		printf("--- end log ---\n");
	}
	fflush(stdout);

	bpf_object__close(obj);
	return err ? 1 : 0;
}

int main(int argc, char **argv)
{
	const char *only = NULL, *path;
	struct bpf_object *obj;
	struct bpf_program *prog;
	char **names = NULL;
	size_t n = 0, i;
	char *log_buf;
	int opt, quiet = 0, rejected = 0, checked = 0, rc;

	while ((opt = getopt(argc, argv, "p:q")) != -1) {
		switch (opt) {
		case 'p':
			only = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			goto usage;
		}
	}
	if (optind != argc - 1)
		goto usage;
	path = argv[optind];

	libbpf_set_strict_mode(LIBBPF_STRICT_ALL);
	libbpf_set_print(quiet_libbpf);

	/* First pass: collect program names. */
	obj = bpf_object__open_file(path, NULL);
	if (!obj) {
		fprintf(stderr, "loadcheck: cannot open %s: %s\n", path,
			strerror(errno));
		return 2;
	}
	bpf_object__for_each_program(prog, obj) {
		names = realloc(names, (n + 1) * sizeof(*names));
		if (!names)
			return 2;
		names[n++] = strdup(bpf_program__name(prog));
	}
	bpf_object__close(obj);

	log_buf = malloc(LOG_BUF_SIZE);
	if (!log_buf)
		return 2;

	printf("object: %s\n", path);
	for (i = 0; i < n; i++) {
		if (only && strcmp(only, names[i]) != 0)
			continue;
		checked++;
		rc = check_one(path, names[i], log_buf, quiet);
		if (rc < 0)
			return 2;
		rejected |= rc;
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(log_buf);
	if (only && !checked) {
		fprintf(stderr, "loadcheck: no program %s in %s\n", only, path);
		return 2;
	}
	return rejected ? 1 : 0;

usage:
	fprintf(stderr, "usage: %s [-p PROG] [-q] OBJ.bpf.o\n", argv[0]);
	return 2;
}
