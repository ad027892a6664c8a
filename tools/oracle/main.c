/*
 * main.c - owns the bpfverify-oracle command line: for every program of
 * every given BPF object, load that program alone into the running kernel
 * and print what the kernel's verifier said, as ONE JSON document in the
 * results shape of INTERFACE.md (see README.md for the fields).
 *
 * usage: bpfverify-oracle [options] OBJECT.o...
 * Exit status: 0 every program accepted; 1 some program rejected or not
 * loadable; 2 usage error, an unreadable object, or an internal failure.
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>

#include <bpf/libbpf.h>
#include <cjson/cJSON.h>

#include "oracle.h"
#include "report.h"

static void usage(FILE *to)
{
	fprintf(to,
		"usage: bpfverify-oracle [options] OBJECT.o...\n"
		"  -p, --program NAME      only the program NAME\n"
		"  -s, --source NAME       the \"source\" field (default: the object's\n"
		"                          name when there is one object, else null)\n"
		"  -k, --kernel-package S  the \"kernel_package\" field (default:\n"
		"                          $BPFVERIFY_ORACLE_KERNEL_PACKAGE, else null)\n"
		"  -a, --attach-target F   kernel function for fentry/fexit/fmod_ret\n"
		"                          programs without a usable target\n"
		"  -T, --no-timings        time_us is null (byte-stable output)\n"
		"  -r, --raw-log           the log exactly as the kernel wrote it\n"
		"  -L, --log-level N       BPF_PROG_LOAD log level (default 5 = level 1\n"
		"                          + stats; 6 = level 2 + stats, for comparing\n"
		"                          walks with bpfverify --log-level 2)\n"
		"  -h, --help\n");
}

/* "6.18.44-fc-v657" -> "6.18": the release up to the end of the second
 * number. */
static void kernel_name(const char *release, char *out, size_t size)
{
	size_t n = strspn(release, "0123456789");

	if (release[n] == '.')
		n += 1 + strspn(release + n + 1, "0123456789");
	if (n >= size)
		n = size - 1;
	memcpy(out, release, n);
	out[n] = '\0';
}

static char *base_name(const char *path)
{
	char *copy = strdup(path), *b;

	if (!copy)
		return NULL;
	b = strdup(basename(copy));
	free(copy);
	return b;
}

/* Check every program of @path; returns 0 all accepted, 1 some not, 2 the
 * object is unreadable, -1 internal failure. */
static int check_object(const char *path, const char *only,
			const struct oracle_setup_opts *opts,
			const struct oracle_report_env *env, cJSON *results,
			char *log_buf)
{
	char **names = NULL, *err_text = NULL, *object = base_name(path);
	struct oracle_load ld;
	int n, i, rc = 0, checked = 0, err;

	if (!object)
		return -1;
	n = oracle_list_programs(path, &names, &err_text);
	if (n < 0) {
		/* Still one result, so the document says why. */
		memset(&ld, 0, sizeof(ld));
		ld.verdict = ORACLE_LOAD_ERROR;
		ld.err = -n;
		ld.load_error = err_text;
		ld.log = "";
		fprintf(stderr, "bpfverify-oracle: %s: %s\n", path,
			err_text ? err_text : strerror(-n));
		err = oracle_report_add(results, env, object, &ld);
		free(err_text);
		free(object);
		return err ? -1 : 2;
	}
	for (i = 0; i < n; i++) {
		if (only && strcmp(only, names[i]) != 0)
			continue;
		checked++;
		err = oracle_load_one(path, names[i], opts, log_buf, &ld);
		if (!err)
			err = oracle_report_add(results, env, object, &ld);
		if (err) {
			fprintf(stderr, "bpfverify-oracle: %s: program '%s': %s\n",
				path, names[i], strerror(err < 0 ? -err : ENOMEM));
			oracle_load_free(&ld);
			rc = -1;
			break;
		}
		if (ld.verdict != ORACLE_ACCEPT)
			rc = 1;
		oracle_load_free(&ld);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(object);
	if (rc >= 0 && only && !checked) {
		fprintf(stderr, "bpfverify-oracle: %s: no program '%s'\n", path,
			only);
		return 2;
	}
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "program", required_argument, NULL, 'p' },
		{ "source", required_argument, NULL, 's' },
		{ "kernel-package", required_argument, NULL, 'k' },
		{ "attach-target", required_argument, NULL, 'a' },
		{ "no-timings", no_argument, NULL, 'T' },
		{ "raw-log", no_argument, NULL, 'r' },
		{ "log-level", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct oracle_report_env env = { .timings = true };
	struct oracle_setup_opts opts = { 0 };
	const char *only = NULL, *source = NULL;
	char kernel[64], *log_buf, *text, *src_base = NULL;
	struct utsname uts;
	cJSON *doc, *results;
	int opt, i, rc, status = 0;

	while ((opt = getopt_long(argc, argv, "p:s:k:a:TrL:h", longopts,
				  NULL)) != -1) {
		switch (opt) {
		case 'p': only = optarg; break;
		case 's': source = optarg; break;
		case 'k': env.kernel_package = optarg; break;
		case 'a': opts.attach_target = optarg; break;
		case 'T': env.timings = false; break;
		case 'r': env.raw_log = true; break;
		case 'L': opts.log_level = (unsigned)strtoul(optarg, NULL, 0); break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	if (!env.kernel_package)
		env.kernel_package = getenv("BPFVERIFY_ORACLE_KERNEL_PACKAGE");
	if (env.kernel_package && !env.kernel_package[0])
		env.kernel_package = NULL;
	if (uname(&uts) != 0) {
		fprintf(stderr, "bpfverify-oracle: uname: %s\n", strerror(errno));
		return 2;
	}
	kernel_name(uts.release, kernel, sizeof(kernel));
	env.kernel = kernel;
	env.kernel_release = uts.release;

	/* As loaders do for kernels that still charge BPF memory to the
	 * locked-memory limit (6.1 does not).  Where even root may not lift
	 * the hard limit (a sandbox), the soft limit goes up to it. */
	struct rlimit lim = { RLIM_INFINITY, RLIM_INFINITY };
	if (setrlimit(RLIMIT_MEMLOCK, &lim) != 0 &&
	    getrlimit(RLIMIT_MEMLOCK, &lim) == 0) {
		lim.rlim_cur = lim.rlim_max;
		setrlimit(RLIMIT_MEMLOCK, &lim);
	}
	libbpf_set_strict_mode(LIBBPF_STRICT_ALL);
	oracle_capture_install();
	log_buf = malloc(ORACLE_LOG_SIZE);
	doc = cJSON_CreateObject();
	if (!log_buf || !doc) {
		fprintf(stderr, "bpfverify-oracle: out of memory\n");
		return 2;
	}
	if (!source && argc - optind == 1)
		source = src_base = base_name(argv[optind]);
	cJSON_AddNumberToObject(doc, "version", 1);
	if (source)
		cJSON_AddStringToObject(doc, "source", source);
	else
		cJSON_AddNullToObject(doc, "source");
	results = cJSON_AddArrayToObject(doc, "results");

	for (i = optind; i < argc; i++) {
		rc = check_object(argv[i], only, &opts, &env, results, log_buf);
		if (rc < 0) {
			status = 2;
			break;
		}
		if (rc > status)
			status = rc;
	}
	text = cJSON_Print(doc);
	if (!text) {
		fprintf(stderr, "bpfverify-oracle: out of memory\n");
		return 2;
	}
	puts(text);
	free(text);
	cJSON_Delete(doc);
	oracle_capture_reset();
	free(log_buf);
	free(src_base);
	return status;
}
