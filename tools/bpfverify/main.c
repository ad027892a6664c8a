/* tools/bpfverify/main.c — the bpfverify CLI: verifies every program of one
 * or more BPF ELF objects (built by any compiler) for one or more target
 * kernels, and prints clang-style diagnostics or the JSON document of
 * INTERFACE.md.
 *
 * Exit status: 0 all accepted; 1 some program rejected; 2 bad usage or
 * unreadable input (bad ELF/BTF, no programs, unknown kernel profile, a
 * program that could not be verified).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpfverify/bvf.h"

#define BPFVERIFY_VERSION "0.1.0"

enum { EXIT_ACCEPTED = 0, EXIT_REJECTED = 1, EXIT_BAD_INPUT = 2 };

struct cli {
	const char *kernels;     /* comma-separated specs, NULL: default */
	const char *log_path;
	bool json;
	bool unpriv;
	const char **objects;
	int nr_objects;
};

struct run {
	struct bvf_kernel **kernels;
	int nr_kernels;
	FILE *log;
	int status;              /* worst exit status so far */
	int json_docs;           /* JSON documents printed */
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: bpfverify [--kernel K[,K...]] [--json] [--log FILE] [--unpriv] OBJECT.o...\n"
		"\n"
		"Verifies every BPF program in each OBJECT.o with the rules of the Linux\n"
		"verifier of the target kernel(s), and reports rejections at their source line.\n"
		"\n"
		"  --kernel K[,K...]  target kernel profile(s): a btf-db name (6.1, 6.18), 'host',\n"
		"                     or a path to a raw BTF or vmlinux file (default: %s)\n"
		"  --json             print one JSON document with every result to stdout\n"
		"  --log FILE         write the verifier log (kernel log_level 2 format) to FILE\n"
		"  --unpriv           verify as an unprivileged loader (no CAP_BPF/CAP_PERFMON)\n"
		"  --help, --version\n"
		"\n"
		"Exit status: 0 all accepted, 1 some program rejected, 2 bad usage or unreadable\n"
		"input.\n",
		bvf_kernel_default() ? bvf_kernel_default() : "newest profile");
}

static void raise_status(struct run *r, int st)
{
	if (st > r->status)
		r->status = st;
}

/* Writes `s` as a JSON string literal. */
static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

/* Prints "FILE:LINE:COL: " (or the fallback prefix) for instruction insn. */
static void print_where(const struct bvf_program *prog, int32_t insn,
			const char *fallback)
{
	struct bvf_source_loc loc;

	memset(&loc, 0, sizeof(loc));
	if (insn >= 0 && bvf_program_source_loc(prog, (uint32_t)insn, &loc) &&
	    loc.file && loc.line) {
		if (loc.column)
			printf("%s:%u:%u: ", loc.file, loc.line, loc.column);
		else
			printf("%s:%u: ", loc.file, loc.line);
	} else {
		printf("%s: ", fallback);
	}
}

static void log_to_file(void *ctx, const char *text, size_t len)
{
	fwrite(text, 1, len, (FILE *)ctx);
}

static void report_text(const char *path, const struct bvf_program *prog,
			const struct bvf_kernel *k, const struct bv_result *res)
{
	char text[BV_MSG_MAX + 256];
	char fallback[1024];
	uint32_t i, n;

	if (res->verdict == BV_ACCEPT) {
		printf("%s: %s (%s): accepted by kernel %s (%u insns processed)\n",
		       path, bvf_program_name(prog), bvf_program_section(prog),
		       bvf_kernel_name(k), res->insns_processed);
		return;
	}
	if (bvf_format_error(prog, k, res, text, sizeof(text)) < 0 || !text[0])
		snprintf(text, sizeof(text), "%s [bpfverify: %s, kernel %s]",
			 res->message, bvf_program_name(prog), bvf_kernel_name(k));
	snprintf(fallback, sizeof(fallback), "%s: %s", path, bvf_program_name(prog));
	if (res->verdict == BV_ERROR) {
		printf("%s: error: %s\n", fallback, text);
		return;
	}
	print_where(prog, res->insn, fallback);
	printf("error: %s\n", text);
	n = res->nr_notes < BV_NOTES_MAX ? res->nr_notes : BV_NOTES_MAX;
	for (i = 0; i < n; i++) {
		print_where(prog, res->notes[i].insn, fallback);
		printf("note: %.*s\n", (int)sizeof(res->notes[i].text),
		       res->notes[i].text);
	}
}

/* An object that cannot be read: a message on stderr, and in JSON mode a
 * document that says so. */
static void object_error(struct run *r, const struct cli *c, const char *path,
			 const char *msg)
{
	fprintf(stderr, "bpfverify: error: %s\n", msg);
	if (c->json) {
		if (r->json_docs++)
			fputs(",\n", stdout);
		fputs("{ \"version\": 1, \"source\": ", stdout);
		json_string(stdout, path);
		fputs(", \"error\": ", stdout);
		json_string(stdout, msg);
		fputs(", \"results\": [] }", stdout);
	}
	raise_status(r, EXIT_BAD_INPUT);
}

static void verify_object(struct run *r, const struct cli *c, const char *path)
{
	char err[512] = "";
	char msg[1024];
	struct bvf_object *obj;
	struct bvf_report *rep = NULL;
	size_t i, n;

	obj = bvf_object_open_file(path, err, sizeof(err));
	if (!obj) {
		if (!err[0])
			snprintf(err, sizeof(err), "%s: cannot read object: %s", path,
				 strerror(errno ? errno : EINVAL));
		object_error(r, c, path, err);
		return;
	}
	n = bvf_object_program_count(obj);
	if (n == 0) {
		snprintf(msg, sizeof(msg), "%s: no BPF programs found", path);
		object_error(r, c, path, msg);
		bvf_object_close(obj);
		return;
	}
	if (c->json) {
		rep = bvf_report_new(path);
		if (!rep) {
			snprintf(msg, sizeof(msg), "%s: out of memory", path);
			object_error(r, c, path, msg);
			bvf_object_close(obj);
			return;
		}
	}
	for (i = 0; i < n; i++) {
		const struct bvf_program *prog = bvf_object_program(obj, i);
		int ki;

		for (ki = 0; ki < r->nr_kernels; ki++) {
			struct bvf_kernel *k = r->kernels[ki];
			struct bvf_verify_opts vo;
			struct bv_result *res = calloc(1, sizeof(*res));

			if (!res) {
				fprintf(stderr, "bpfverify: error: out of memory\n");
				raise_status(r, EXIT_BAD_INPUT);
				continue;
			}
			memset(&vo, 0, sizeof(vo));
			vo.sz = sizeof(vo);
			vo.unpriv = c->unpriv;
			if (r->log) {
				fprintf(r->log, "# bpfverify: program %s (%s), kernel %s\n",
					bvf_program_name(prog),
					bvf_program_section(prog), bvf_kernel_name(k));
				vo.log_level = BV_LOG_LEVEL2;
				vo.log_cb = log_to_file;
				vo.log_ctx = r->log;
			}
			bvf_verify(prog, k, &vo, res);
			if (r->log) {
				fputc('\n', r->log);
				fflush(r->log);
			}
			if (rep)
				bvf_report_add(rep, prog, k, res);
			else
				report_text(path, prog, k, res);
			if (res->verdict == BV_REJECT)
				raise_status(r, EXIT_REJECTED);
			else if (res->verdict != BV_ACCEPT)
				raise_status(r, EXIT_BAD_INPUT);
			free(res);
		}
	}
	if (rep) {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);

		if (mem && bvf_report_write(rep, mem) == 0 && fclose(mem) == 0) {
			/* Strip the trailing newline so several documents can
			 * be joined. */
			while (len && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
				len--;
			if (r->json_docs++)
				fputs(",\n", stdout);
			fwrite(buf, 1, len, stdout);
		} else {
			if (mem)
				fclose(mem);
			fprintf(stderr, "bpfverify: error: %s: cannot write JSON results\n",
				path);
			raise_status(r, EXIT_BAD_INPUT);
		}
		free(buf);
		bvf_report_free(rep);
	}
	bvf_object_close(obj);
}

/* Opens every kernel of the comma-separated list (or the default). */
static int open_kernels(struct run *r, const char *list)
{
	char *copy, *tok, *save = NULL;
	char err[512];
	int ret = 0;

	if (!list || !*list)
		list = bvf_kernel_default();
	if (!list) {
		fprintf(stderr, "bpfverify: error: no kernel profile available\n");
		return -1;
	}
	copy = strdup(list);
	if (!copy)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		struct bvf_kernel **nk;
		struct bvf_kernel *k;

		err[0] = 0;
		k = bvf_kernel_open(tok, err, sizeof(err));
		if (!k) {
			fprintf(stderr, "bpfverify: error: kernel '%s': %s\n", tok,
				err[0] ? err : "cannot open profile");
			ret = -1;
			break;
		}
		nk = realloc(r->kernels, (r->nr_kernels + 1) * sizeof(*nk));
		if (!nk) {
			bvf_kernel_close(k);
			ret = -1;
			break;
		}
		r->kernels = nk;
		r->kernels[r->nr_kernels++] = k;
	}
	if (!ret && r->nr_kernels == 0) {
		fprintf(stderr, "bpfverify: error: --kernel: empty list\n");
		ret = -1;
	}
	free(copy);
	return ret;
}

/* Returns the value of "--name VALUE" / "--name=VALUE" at argv[*i], or NULL
 * when argv[*i] is not that option; *missing is set when the value is. */
static const char *option_value(int argc, char **argv, int *i, const char *name,
				bool *missing)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, n) != 0)
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != 0)
		return NULL;
	if (*i + 1 >= argc) {
		*missing = true;
		return NULL;
	}
	return argv[++*i];
}

static int parse_args(int argc, char **argv, struct cli *c)
{
	bool options_done = false;
	int i;

	c->objects = calloc(argc > 0 ? (size_t)argc : 1, sizeof(*c->objects));
	if (!c->objects)
		return -1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		bool missing = false;

		if (options_done || a[0] != '-' || !strcmp(a, "-")) {
			c->objects[c->nr_objects++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			options_done = true;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			exit(EXIT_ACCEPTED);
		} else if (!strcmp(a, "--version")) {
			printf("bpfverify %s (default kernel profile %s)\n",
			       BPFVERIFY_VERSION,
			       bvf_kernel_default() ? bvf_kernel_default() : "none");
			exit(EXIT_ACCEPTED);
		} else if (!strcmp(a, "--json")) {
			c->json = true;
		} else if (!strcmp(a, "--unpriv")) {
			c->unpriv = true;
		} else if ((v = option_value(argc, argv, &i, "--kernel", &missing))) {
			if (!*v) {
				fprintf(stderr, "bpfverify: error: --kernel: empty list\n");
				return -1;
			}
			c->kernels = v;
		} else if ((v = option_value(argc, argv, &i, "--log", &missing))) {
			if (!*v) {
				fprintf(stderr, "bpfverify: error: --log: empty file name\n");
				return -1;
			}
			c->log_path = v;
		} else {
			if (missing)
				fprintf(stderr, "bpfverify: error: option '%s' needs a value\n", a);
			else
				fprintf(stderr, "bpfverify: error: unknown option '%s'\n", a);
			return -1;
		}
	}
	if (c->nr_objects == 0) {
		fprintf(stderr, "bpfverify: error: no object file given\n");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct cli c;
	struct run r;
	int i;

	memset(&c, 0, sizeof(c));
	memset(&r, 0, sizeof(r));
	if (parse_args(argc, argv, &c)) {
		fprintf(stderr, "usage: bpfverify [--kernel K[,K...]] [--json] [--log FILE] "
			"[--unpriv] OBJECT.o... (--help for more)\n");
		return EXIT_BAD_INPUT;
	}
	if (open_kernels(&r, c.kernels)) {
		r.status = EXIT_BAD_INPUT;
		goto out;
	}
	if (c.log_path) {
		r.log = fopen(c.log_path, "w");
		if (!r.log) {
			fprintf(stderr, "bpfverify: error: cannot write log '%s': %s\n",
				c.log_path, strerror(errno));
			r.status = EXIT_BAD_INPUT;
			goto out;
		}
	}
	/* Several objects in JSON mode: one document holding one per object. */
	if (c.json && c.nr_objects > 1)
		fputs("{ \"version\": 1, \"objects\": [\n", stdout);
	for (i = 0; i < c.nr_objects; i++)
		verify_object(&r, &c, c.objects[i]);
	if (c.json)
		fputs(c.nr_objects > 1 ? "\n] }\n" : "\n", stdout);
	if (r.log && fclose(r.log) != 0) {
		fprintf(stderr, "bpfverify: error: cannot write log '%s': %s\n",
			c.log_path, strerror(errno));
		raise_status(&r, EXIT_BAD_INPUT);
	}
out:
	for (i = 0; i < r.nr_kernels; i++)
		bvf_kernel_close(r.kernels[i]);
	free(r.kernels);
	free(c.objects);
	fflush(stdout);
	return r.status;
}
