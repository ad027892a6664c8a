/* tools/bpfverify/main.c — the bpfverify CLI: verifies every program of one
 * or more BPF ELF objects (built by any compiler) for one or more target
 * kernels, and prints clang-style diagnostics (--format text), the JSON
 * document of INTERFACE.md (--format json) or a SARIF 2.1.0 log
 * (--format sarif, one log for all objects).
 *
 * Several kernels (--kernel 6.1,6.12,6.18): every program is verified for
 * each, and each distinct outcome is told once, naming its kernels
 * (bvf_outcomes, shared with the plugin), with a remark where the kernels
 * disagree; --table prints a program x kernel table instead; JSON keeps one
 * entry per (program, kernel).
 *
 * Exit status (docs/usage.md): 2 bad usage or unreadable input (bad
 * ELF/BTF, no programs, no kernel profile could be opened); else 1 when
 * some program is rejected or its load fails (load_error); else 3 when
 * some program could not be verified (an unsupported feature, a kernel
 * profile of the list that could not be opened); else 0.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpfverify/bvf.h"
#include "exact.h"
#include "heap.h"

#define BPFVERIFY_VERSION "0.1.0"

enum { EXIT_ACCEPTED = 0, EXIT_REJECTED = 1, EXIT_BAD_INPUT = 2, EXIT_NOT_VERIFIED = 3 };

enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF };

struct cli {
	const char *kernels;     /* comma-separated specs, NULL: default */
	const char *exact;       /* --exact K: the real kernel of profile K */
	const char *log_path;
	const char *source_root; /* --source-root: SARIF URIs relative to it */
	enum format format;
	bool json;               /* format == FORMAT_JSON */
	bool format_set;         /* --format given */
	bool table;
	bool unpriv;
	uint32_t nr_cpu_ids;     /* --nr-cpus N: the loading machine's; 0 unknown */
	const char **objects;
	int nr_objects;
};

/* A kernel of --kernel that could not be opened: reported once, and as
 * an error result for each program in JSON and the table. */
struct bad_kernel {
	char *spec;
	char *err;
};

/* One line of --table. */
struct table_row {
	char *file, *program, *kernel;
	enum bv_verdict verdict;
	uint32_t insns, states;
	uint64_t time_us;
};

struct run {
	struct bvf_kernel **kernels;
	int nr_kernels;
	struct bad_kernel *bad;
	int nr_bad;
	FILE *log;
	bool bad_input, rejected, not_verified;
	int json_docs;           /* JSON documents printed */
	struct table_row *rows;
	size_t nr_rows;
	struct bv_exact_report exact; /* --exact: the real kernel's results */
	struct bvf_sarif *sarif;  /* --format sarif: the one log */
	size_t object;           /* index of the object being reported */
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: bpfverify [--kernel K[,K...] | --exact K] [--format text|json|sarif | --table]\n"
		"                 [--source-root DIR] [--log FILE] [--unpriv] OBJECT.o...\n"
		"\n"
		"Verifies every BPF program in each OBJECT.o with the rules of the Linux\n"
		"verifier of the target kernel(s), and reports rejections at their source line.\n"
		"\n"
		"  --kernel K[,K...]  target kernel profile(s): a btf-db name (6.1, 6.12, 6.18), 'host',\n"
		"                     or a path to a raw BTF or vmlinux file (default: %s)\n"
		"  --exact K          ask profile K's real kernel instead of the embedded verifier:\n"
		"                     6.1, 6.12 boot their pinned Debian kernel under QEMU; 6.18\n"
		"                     and host load into the running kernel (root)\n"
		"  --format F         text: clang-style diagnostics (default); json: one JSON\n"
		"                     document with every result; sarif: a SARIF 2.1.0 log\n"
		"  --json             the same as --format json\n"
		"  --source-root DIR  SARIF artifact URIs are relative to DIR (%%SRCROOT%%);\n"
		"                     default: the current directory\n"
		"  --table            print a table: program, kernel, verdict, insns, states, time\n"
		"  --log FILE         write the verifier log (kernel log_level 2 format) to FILE\n"
		"  --unpriv           verify as an unprivileged loader (no CAP_BPF/CAP_PERFMON)\n"
		"  --nr-cpus N        the loading machine has N possible CPUs (kernels that bound\n"
		"                     bpf_get_smp_processor_id() by it); default: any number\n"
		"  --help, --version\n"
		"\n"
		"Exit status: 0 all accepted; 1 some program rejected or its load fails; 2 bad\n"
		"usage or unreadable input; 3 nothing rejected, but something not verified.\n",
		bvf_kernel_default() ? bvf_kernel_default() : "newest profile");
}

static void note_verdict(struct run *r, enum bv_verdict v)
{
	if (v == BV_REJECT || v == BV_LOAD_ERROR)
		r->rejected = true;
	else if (v != BV_ACCEPT)
		r->not_verified = true;
}

static int exit_status(const struct run *r)
{
	if (r->bad_input)
		return EXIT_BAD_INPUT;
	if (r->rejected)
		return EXIT_REJECTED;
	if (r->not_verified)
		return EXIT_NOT_VERIFIED;
	return EXIT_ACCEPTED;
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

static void log_to_file(void *ctx, const char *text, size_t len)
{
	fwrite(text, 1, len, (FILE *)ctx);
}

static void print_loc(const struct bvf_source_loc *loc, const char *fallback)
{
	if (loc->line && loc->file) {
		if (loc->column)
			printf("%s:%u:%u: ", loc->file, loc->line, loc->column);
		else
			printf("%s:%u: ", loc->file, loc->line);
	} else {
		printf("%s: ", fallback);
	}
}

/* The outcomes of one object: per program, the remark where its kernels
 * disagree, then each outcome once with its notes; accepts as one line. */
static void print_outcomes(const char *path, const struct bvf_outcomes *o)
{
	const char *shown = NULL;   /* program whose remark was printed */
	char fallback[1024];

	for (size_t i = 0; i < bvf_outcomes_count(o); i++) {
		const struct bvf_outcome *x = bvf_outcomes_get(o, i);

		snprintf(fallback, sizeof(fallback), "%s: %s", path, x->program);
		if (!shown || strcmp(shown, x->program) != 0) {
			shown = x->program;
			for (size_t j = 0; j < bvf_outcomes_summary_count(o); j++) {
				const struct bvf_outcome_summary *sm = bvf_outcomes_summary(o, j);

				if (strcmp(sm->program, x->program) != 0)
					continue;
				print_loc(&sm->loc, fallback);
				printf("remark: %s\n", sm->text);
			}
		}
		if (x->verdict == BV_ACCEPT) {
			printf("%s: %s (%s): %s\n", path, x->program, x->section, x->text);
			continue;
		}
		print_loc(&x->loc, fallback);
		/* as the plugin: not verifying is a warning (exit status 3), a
		 * rejection or a failing load an error */
		printf("%s: %s\n", x->verdict == BV_ERROR ? "warning" : "error", x->text);
		for (size_t j = 0; j < x->nr_notes; j++) {
			/* a note about no instruction is about the error's place */
			print_loc(x->notes[j].loc.line ? &x->notes[j].loc : &x->loc, fallback);
			printf("note: %s\n", x->notes[j].text);
		}
	}
}

static int add_row(struct run *r, const char *path, const char *program, const char *kernel,
		   const struct bv_result *res)
{
	struct table_row *nr = realloc(r->rows, (r->nr_rows + 1) * sizeof(*nr));
	struct table_row *row;

	if (!nr)
		return -ENOMEM;
	r->rows = nr;
	row = &r->rows[r->nr_rows];
	memset(row, 0, sizeof(*row));
	row->file = strdup(path);
	row->program = strdup(program ? program : "?");
	row->kernel = strdup(kernel);
	if (!row->file || !row->program || !row->kernel) {
		free(row->file);
		free(row->program);
		free(row->kernel);
		return -ENOMEM;
	}
	row->verdict = res->verdict;
	row->insns = res->insns_processed;
	row->states = res->total_states;
	row->time_us = res->time_us;
	r->nr_rows++;
	return 0;
}

/* veristat-style: one line per (program, kernel), columns aligned. */
static void print_table(const struct run *r)
{
	static const char *const head[] = { "File", "Program", "Kernel", "Verdict",
					    "Insns", "States", "Time (us)" };
	int w[7];
	char num[3][32];

	for (int c = 0; c < 7; c++)
		w[c] = (int)strlen(head[c]);
	for (size_t i = 0; i < r->nr_rows; i++) {
		const struct table_row *x = &r->rows[i];
		const char *base = strrchr(x->file, '/') ? strrchr(x->file, '/') + 1 : x->file;
		int l[7] = { (int)strlen(base), (int)strlen(x->program), (int)strlen(x->kernel),
			     (int)strlen(bv_verdict_name(x->verdict)),
			     snprintf(num[0], sizeof(num[0]), "%u", x->insns),
			     snprintf(num[1], sizeof(num[1]), "%u", x->states),
			     snprintf(num[2], sizeof(num[2]), "%llu", (unsigned long long)x->time_us) };

		for (int c = 0; c < 7; c++)
			if (l[c] > w[c])
				w[c] = l[c];
	}
	printf("%-*s  %-*s  %-*s  %-*s  %*s  %*s  %*s\n", w[0], head[0], w[1], head[1], w[2],
	       head[2], w[3], head[3], w[4], head[4], w[5], head[5], w[6], head[6]);
	for (size_t i = 0; i < r->nr_rows; i++) {
		const struct table_row *x = &r->rows[i];
		const char *base = strrchr(x->file, '/') ? strrchr(x->file, '/') + 1 : x->file;
		bool stats = x->verdict == BV_ACCEPT || x->verdict == BV_REJECT;

		printf("%-*s  %-*s  %-*s  %-*s  ", w[0], base, w[1], x->program, w[2], x->kernel,
		       w[3], bv_verdict_name(x->verdict));
		if (stats)
			printf("%*u  %*u  %*llu\n", w[4], x->insns, w[5], x->states, w[6],
			       (unsigned long long)x->time_us);
		else   /* nothing ran: no statistics */
			printf("%*s  %*s  %*s\n", w[4], "-", w[5], "-", w[6], "-");
	}
}

/* An object that cannot be read: a message on stderr, and in JSON mode a
 * document that says so. */
static void object_error(struct run *r, const struct cli *c, const char *path,
			 const char *msg)
{
	fprintf(stderr, "bpfverify: error: %s\n", msg);
	if (r->sarif)
		bvf_sarif_add_problem(r->sarif, path, msg);
	if (c->json) {
		if (r->json_docs++)
			fputs(",\n", stdout);
		fputs("{ \"version\": 1, \"source\": ", stdout);
		json_string(stdout, path);
		fputs(", \"error\": ", stdout);
		json_string(stdout, msg);
		fputs(", \"results\": [] }", stdout);
	}
	r->bad_input = true;
}

/* Writes the object's JSON document, joined to any before it. */
static void print_json(struct run *r, const char *path, const struct bvf_report *rep)
{
	/* no final newline: several documents are joined by ",\n" */
	if (r->json_docs++)
		fputs(",\n", stdout);
	if (bvf_report_write_unterminated(rep, stdout) != 0) {
		fprintf(stderr, "bpfverify: error: %s: cannot write JSON results\n", path);
		r->bad_input = true;
	}
}

static void verify_one(struct run *r, const struct cli *c, const struct bvf_program *prog,
		       struct bvf_kernel *k, struct bv_result *res)
{
	struct bvf_verify_opts vo;

	if (c->exact) {
		bv_exact_to_result(&r->exact, r->object, bvf_program_name(prog), res);
		return;
	}
	memset(&vo, 0, sizeof(vo));
	vo.sz = sizeof(vo);
	vo.unpriv = c->unpriv;
	vo.nr_cpu_ids = c->nr_cpu_ids;
	if (r->log) {
		fprintf(r->log, "# bpfverify: program %s (%s), kernel %s\n", bvf_program_name(prog),
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
}

static void verify_object(struct run *r, const struct cli *c, const char *path)
{
	char err[512] = "";
	char msg[1024];
	struct bvf_object *obj;
	struct bvf_report *rep = NULL;
	struct bvf_outcomes *outs = NULL;
	struct bv_result *res = NULL;
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
	res = calloc(1, sizeof(*res));
	if (c->json)
		rep = bvf_report_new(path);
	else if (!c->table)
		outs = bvf_outcomes_new();
	if (!res || (c->json && !rep) || (!c->json && !c->table && !outs)) {
		snprintf(msg, sizeof(msg), "%s: out of memory", path);
		object_error(r, c, path, msg);
		goto out;
	}
	for (i = 0; i < n; i++) {
		const struct bvf_program *prog = bvf_object_program(obj, i);
		int ki;

		for (ki = 0; ki < r->nr_kernels; ki++) {
			struct bvf_kernel *k = r->kernels[ki];
			int e = 0;

			memset(res, 0, sizeof(*res));
			verify_one(r, c, prog, k, res);
			if (rep)
				e = bvf_report_add(rep, prog, k, res);
			else if (c->table)
				e = add_row(r, path, bvf_program_name(prog), bvf_kernel_name(k), res);
			else
				e = bvf_outcomes_add(outs, prog, k, res);
			if (e) {
				fprintf(stderr, "bpfverify: error: %s: cannot record a result: %s\n",
					path, strerror(-e));
				r->bad_input = true;
			}
			note_verdict(r, res->verdict);
		}
		/* Kernels that could not be opened: not verified there. */
		for (ki = 0; ki < r->nr_bad; ki++) {
			memset(res, 0, sizeof(*res));
			res->verdict = BV_ERROR;
			res->insn = -1;
			snprintf(res->message, sizeof(res->message), "kernel profile '%s': %s",
				 r->bad[ki].spec, r->bad[ki].err);
			if (rep)
				bvf_report_add_named(rep, prog, r->bad[ki].spec, res);
			else if (c->table)
				add_row(r, path, bvf_program_name(prog), r->bad[ki].spec, res);
		}
	}
	if (rep) {
		print_json(r, path, rep);
	} else if (r->sarif) {
		if (bvf_sarif_add_outcomes(r->sarif, path, outs)) {
			fprintf(stderr, "bpfverify: error: %s: cannot record the results\n", path);
			r->bad_input = true;
		}
	} else if (outs) {
		print_outcomes(path, outs);
	}
out:
	free(res);
	bvf_outcomes_free(outs);
	bvf_report_free(rep);
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
			struct bad_kernel *nb;

			if (!err[0])
				snprintf(err, sizeof(err), "cannot open profile");
			fprintf(stderr, "bpfverify: error: kernel '%s': %s\n", tok, err);
			nb = realloc(r->bad, (r->nr_bad + 1) * sizeof(*nb));
			if (!nb) {
				ret = -1;
				break;
			}
			r->bad = nb;
			r->bad[r->nr_bad].spec = strdup(tok);
			r->bad[r->nr_bad].err = strdup(err);
			if (!r->bad[r->nr_bad].spec || !r->bad[r->nr_bad].err) {
				free(r->bad[r->nr_bad].spec);
				free(r->bad[r->nr_bad].err);
				ret = -1;
				break;
			}
			r->nr_bad++;
			r->not_verified = true;   /* verified for the others only */
			continue;
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
		if (!r->nr_bad)
			fprintf(stderr, "bpfverify: error: --kernel: empty list\n");
		ret = -1;   /* nothing to verify against */
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
			c->format = FORMAT_JSON;
		} else if ((v = option_value(argc, argv, &i, "--format", &missing))) {
			if (!strcmp(v, "text")) {
				c->format = FORMAT_TEXT;
			} else if (!strcmp(v, "json")) {
				c->format = FORMAT_JSON;
			} else if (!strcmp(v, "sarif")) {
				c->format = FORMAT_SARIF;
			} else {
				fprintf(stderr, "bpfverify: error: --format: 'text', 'json' or 'sarif', not '%s'\n",
					v);
				return -1;
			}
			c->format_set = true;
		} else if ((v = option_value(argc, argv, &i, "--source-root", &missing))) {
			if (!*v) {
				fprintf(stderr, "bpfverify: error: --source-root: empty directory name\n");
				return -1;
			}
			c->source_root = v;
		} else if (!strcmp(a, "--table")) {
			c->table = true;
		} else if (!strcmp(a, "--unpriv")) {
			c->unpriv = true;
		} else if ((v = option_value(argc, argv, &i, "--kernel", &missing))) {
			if (!*v) {
				fprintf(stderr, "bpfverify: error: --kernel: empty list\n");
				return -1;
			}
			c->kernels = v;
		} else if ((v = option_value(argc, argv, &i, "--exact", &missing))) {
			if (!*v || strchr(v, ',')) {
				fprintf(stderr, "bpfverify: error: --exact: one kernel profile\n");
				return -1;
			}
			c->exact = v;
		} else if ((v = option_value(argc, argv, &i, "--nr-cpus", &missing))) {
			char *end;
			unsigned long n = strtoul(v, &end, 10);

			if (!*v || *end || n == 0 || n > 65536) {
				fprintf(stderr, "bpfverify: error: --nr-cpus: a number of CPUs from 1 to 65536, not '%s'\n",
					v);
				return -1;
			}
			c->nr_cpu_ids = (uint32_t)n;
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
	if (c->exact && c->kernels) {
		fprintf(stderr, "bpfverify: error: --exact and --kernel exclude each other\n");
		return -1;
	}
	if (c->exact && c->log_path) {
		fprintf(stderr, "bpfverify: error: --log is not available with --exact\n");
		return -1;
	}
	c->json = c->format == FORMAT_JSON;
	if (c->table && (c->json || c->format_set)) {
		fprintf(stderr, "bpfverify: error: --%s and --table exclude each other\n",
			c->format_set ? "format" : "json");
		return -1;
	}
	if (c->source_root && c->format != FORMAT_SARIF) {
		fprintf(stderr, "bpfverify: error: --source-root needs --format sarif\n");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct cli c;
	struct run r;
	int i;

	/* before any malloc, so that the heap's first huge page holds the run's
	 * blocks; --help and --version do not pay for it (~0.5 ms) */
	for (i = 1; i < argc && strcmp(argv[i], "--help") != 0 && strcmp(argv[i], "--version") != 0;
	     i++)
		;
	if (argc > 1 && i == argc)
		bv_cli_heap_setup();
	memset(&c, 0, sizeof(c));
	memset(&r, 0, sizeof(r));
	if (parse_args(argc, argv, &c)) {
		fprintf(stderr, "usage: bpfverify [--kernel K[,K...] | --exact K] "
			"[--format text|json|sarif | --table] [--log FILE] [--unpriv] OBJECT.o... "
			"(--help for more)\n");
		return EXIT_BAD_INPUT;
	}
	if (c.format == FORMAT_SARIF) {
		r.sarif = bvf_sarif_new(c.source_root, BPFVERIFY_VERSION);
		if (!r.sarif) {
			fprintf(stderr, "bpfverify: error: cannot start the SARIF log: %s\n",
				strerror(errno));
			return EXIT_BAD_INPUT;
		}
	}
	if (open_kernels(&r, c.exact ? c.exact : c.kernels)) {
		r.bad_input = true;
		goto out;
	}
	for (i = 0; r.sarif && i < r.nr_bad; i++) {
		char msg[1024];

		snprintf(msg, sizeof(msg), "kernel '%s': %s; not verified for it", r.bad[i].spec,
			 r.bad[i].err);
		bvf_sarif_add_problem(r.sarif, NULL, msg);
	}
	if (c.exact) {
		char err[1024] = "";

		/* One run of the real kernel for every object (one QEMU boot). */
		if (bv_exact_verify(c.exact, c.objects, (size_t)c.nr_objects, NULL, &r.exact,
				    err, sizeof(err))) {
			fprintf(stderr, "bpfverify: error: --exact %s: %s\n", c.exact, err);
			r.bad_input = true;
			goto out;
		}
	}
	if (c.log_path) {
		r.log = fopen(c.log_path, "w");
		if (!r.log) {
			fprintf(stderr, "bpfverify: error: cannot write log '%s': %s\n",
				c.log_path, strerror(errno));
			r.bad_input = true;
			goto out;
		}
	}
	/* Several objects in JSON mode: one document holding one per object. */
	if (c.json && c.nr_objects > 1)
		fputs("{ \"version\": 1, \"objects\": [\n", stdout);
	for (i = 0; i < c.nr_objects; i++) {
		r.object = (size_t)i;
		verify_object(&r, &c, c.objects[i]);
	}
	if (c.json)
		fputs(c.nr_objects > 1 ? "\n] }\n" : "\n", stdout);
	if (c.table)
		print_table(&r);
	if (r.log && fclose(r.log) != 0) {
		fprintf(stderr, "bpfverify: error: cannot write log '%s': %s\n",
			c.log_path, strerror(errno));
		r.bad_input = true;
	}
out:
	if (r.sarif) {
		if (bvf_sarif_write(r.sarif, stdout, !r.bad_input)) {
			fprintf(stderr, "bpfverify: error: cannot write the SARIF log\n");
			r.bad_input = true;
		}
		bvf_sarif_free(r.sarif);
	}
	for (i = 0; i < r.nr_kernels; i++)
		bvf_kernel_close(r.kernels[i]);
	free(r.kernels);
	for (i = 0; i < r.nr_bad; i++) {
		free(r.bad[i].spec);
		free(r.bad[i].err);
	}
	free(r.bad);
	for (size_t j = 0; j < r.nr_rows; j++) {
		free(r.rows[j].file);
		free(r.rows[j].program);
		free(r.rows[j].kernel);
	}
	free(r.rows);
	bv_exact_report_free(&r.exact);
	free(c.objects);
	fflush(stdout);
	return exit_status(&r);
}
