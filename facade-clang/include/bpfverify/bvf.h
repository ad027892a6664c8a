/* bpfverify/bvf.h — facade-clang: from a BPF ELF object and a target kernel
 * profile to verified results.
 *
 * Opaque handles with object__verb names (libbpf style). Functions that
 * return a pointer return NULL on failure and write a message with its
 * context into err[errsz] (e.g. "prog.bpf.o: .BTF.ext: truncated line_info
 * record"); int-returning functions return 0 or -errno.
 */
#ifndef BPFVERIFY_BVF_H
#define BPFVERIFY_BVF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "bpfverify/verifier.h"

#ifdef __cplusplus
extern "C" {
#endif

struct bvf_object;
struct bvf_program;
struct bvf_kernel;

/* ---- objects ---- */
struct bvf_object *bvf_object_open_file(const char *path, char *err, size_t errsz);
/* `data` is copied; `name` names the object in messages. */
struct bvf_object *bvf_object_open_mem(const void *data, size_t size,
				       const char *name, char *err, size_t errsz);
void bvf_object_close(struct bvf_object *obj);
const char *bvf_object_name(const struct bvf_object *obj);
size_t bvf_object_program_count(const struct bvf_object *obj);
const struct bvf_program *bvf_object_program(const struct bvf_object *obj, size_t i);

/* ---- programs ---- */
const char *bvf_program_name(const struct bvf_program *prog);    /* entry symbol */
const char *bvf_program_section(const struct bvf_program *prog); /* ELF section */
/* libbpf-style type name ("tracepoint", "xdp", "sched_cls"), or NULL when the
 * section name maps to no program type. */
const char *bvf_program_type_name(const struct bvf_program *prog);
/* Problem that prevents verifying this program (unknown section, bad
 * relocation, …), or NULL. */
const char *bvf_program_error(const struct bvf_program *prog);
/* Instructions as assembled for loading (subprograms appended, map and
 * call relocations applied); insn indexes in results refer to these.
 * CO-RE relocations depend on the target kernel: bvf_verify() applies them
 * to its own copy (same length, same indexes), so these are as compiled. */
const struct bv_insn *bvf_program_insns(const struct bvf_program *prog, uint32_t *cnt);

struct bvf_source_loc {
	const char *file;   /* as recorded in BTF line info (may be relative) */
	uint32_t line;      /* 1-based; 0 when unknown */
	uint32_t column;    /* 1-based; 0 when unknown */
	const char *text;   /* source line text from BTF, may be NULL */
};
/* Source location of instruction `insn` (nearest preceding line-info
 * record). Returns false when the object has no line info for it. */
bool bvf_program_source_loc(const struct bvf_program *prog, uint32_t insn,
			    struct bvf_source_loc *loc);

/* The edit that fixes a rejection, where it is mechanical and known to be
 * right (docs/diagnostics.md, "Fix-its"): a NULL check after a lookup, a
 * data_end check before a packet access, a bound on an index, a release
 * before a leaking return. One replacement of the text from (line, column)
 * up to, not including, (end_line, end_column); equal ends: an insertion.
 * Lines and columns are 1-based, columns in bytes, as clang counts them. */
#define BVF_FIXIT_TEXT_MAX 256
struct bvf_fixit {
	const char *file;   /* as recorded in line info; NULL: no fix-it */
	uint32_t line, column;
	uint32_t end_line, end_column;
	char text[BVF_FIXIT_TEXT_MAX];        /* the replacement */
	char description[BVF_FIXIT_TEXT_MAX]; /* "check 'v' for NULL after bpf_map_lookup_elem()" */
};
/* The fix-it for a result of prog (from its bv_result.cause and the
 * source lines in the object's line info): true and *fix filled, or false
 * when there is none that is certainly right. *fix is valid while the
 * object is open. */
bool bvf_fixit_for(const struct bvf_program *prog, const struct bv_result *res,
		   struct bvf_fixit *fix);

/* ---- target kernels ---- */
/* spec: a profile name ("6.18", "6.1"), "host", or a path to a raw BTF or
 * vmlinux file. */
struct bvf_kernel *bvf_kernel_open(const char *spec, char *err, size_t errsz);
void bvf_kernel_close(struct bvf_kernel *k);
/* Loads now what a profile otherwise loads at the first program that needs
 * it (the BTF, the CO-RE name index), e.g. in another thread while the
 * object is being built. Returns 0, or -1 when the BTF cannot be loaded
 * (the programs that need it then report why, as they would have). */
int bvf_kernel_preload(struct bvf_kernel *k);
const char *bvf_kernel_name(const struct bvf_kernel *k);   /* "6.18" */
/* Name of the default profile (the newest one shipped). */
const char *bvf_kernel_default(void);

/* ---- verification ---- */
struct bvf_verify_opts {
	size_t sz;                 /* sizeof(struct bvf_verify_opts) */
	bool unpriv;               /* verify as an unprivileged loader */
	uint32_t log_level;        /* kernel log_level bits; 0 = no log */
	void (*log_cb)(void *ctx, const char *text, size_t len);
	void *log_ctx;
	/* nr_cpu_ids of the machine the program will load on (the kernel
	 * bounds bpf_get_smp_processor_id() by it); 0: unknown, any. */
	uint32_t nr_cpu_ids;
};
/* Verifies one program for one kernel. Always fills *res (verdict BV_ERROR
 * with a message when the program cannot be verified). */
int bvf_verify(const struct bvf_program *prog, const struct bvf_kernel *k,
	       const struct bvf_verify_opts *opts, struct bv_result *res);

/* ---- reporting (shared by the plugin and the CLI) ---- */
/* One result as one line:
 *   reject      "R0 invalid mem access 'map_value_or_null' [bpfverify: prog, kernel 6.18]"
 *   load_error  "load fails before verification: libbpf: … [bpfverify: prog, kernel 6.1]"
 *   error       "could not verify 'prog' for kernel 6.18: …"
 *   accept      "accepted [bpfverify: prog, kernel 6.18]" */
int bvf_format_error(const struct bvf_program *prog, const struct bvf_kernel *k,
		     const struct bv_result *res, char *buf, size_t size);

/* Several kernels, one diagnostic per distinct outcome.
 *
 * The results of one object's programs for several kernels go in, one
 * (program, kernel) at a time; out come the outcomes: results with the same
 * program, verdict, message and instruction are one outcome naming every
 * kernel it applies to ("[bpfverify: prog, kernels 6.1, 6.12]"), in the
 * order programs and kernels were first added. Notes of the merged results
 * are merged too: a note every kernel of the outcome gave appears once as
 * it is; one only some gave is tagged with them ("… [kernel 6.1]").
 * Where a program's kernels disagree, a summary says how
 * ("kernels disagree on 'prog': accepted by 6.12 and 6.18; rejected by
 * 6.1: unknown func bpf_cgrp_storage_get#210").
 * Strings are owned by the bvf_outcomes and stay valid until it is freed;
 * pointers into it are invalidated by the next bvf_outcomes_add(). */
struct bvf_outcomes;

struct bvf_outcome_note {
	const char *text;            /* as shown, tag included */
	int32_t insn;                /* -1: none */
	struct bvf_source_loc loc;   /* line 0: unknown */
};

struct bvf_outcome {
	const char *program;
	const char *section;
	enum bv_verdict verdict;
	const char *message;         /* the kernel's (libbpf's) line; NULL for accept */
	int32_t insn;                /* -1: none */
	/* Where to report it: insn's line; a load error without an
	 * instruction is reported at the program's entry. line 0: unknown. */
	struct bvf_source_loc loc;
	const char *kernels;         /* "6.1, 6.12" */
	size_t nr_kernels;
	/* The diagnostic: bvf_format_error's forms with every kernel named;
	 * an accept reads "accepted by kernels 6.12, 6.18 (19 insns processed)". */
	const char *text;
	const struct bvf_outcome_note *notes;
	size_t nr_notes;
	/* The fix-it (bvf_fixit_for) of the outcome's first result; NULL:
	 * none. */
	const struct bvf_fixit *fixit;
};

struct bvf_outcome_summary {
	const char *program;
	const char *text;            /* "kernels disagree on 'prog': …" */
	struct bvf_source_loc loc;   /* the program's entry; line 0: unknown */
};

struct bvf_outcomes *bvf_outcomes_new(void);
void bvf_outcomes_free(struct bvf_outcomes *o);
/* Adds the result of verifying prog for kernel k. -E2BIG beyond 64 kernels. */
int bvf_outcomes_add(struct bvf_outcomes *o, const struct bvf_program *prog,
		     const struct bvf_kernel *k, const struct bv_result *res);
size_t bvf_outcomes_count(const struct bvf_outcomes *o);
const struct bvf_outcome *bvf_outcomes_get(const struct bvf_outcomes *o, size_t i);
/* Programs whose kernels disagree, in the order they were added. */
size_t bvf_outcomes_summary_count(const struct bvf_outcomes *o);
const struct bvf_outcome_summary *bvf_outcomes_summary(const struct bvf_outcomes *o, size_t i);

struct bvf_report;   /* the JSON results document of INTERFACE.md */
struct bvf_report *bvf_report_new(const char *source);
int bvf_report_add(struct bvf_report *rep, const struct bvf_program *prog,
		   const struct bvf_kernel *k, const struct bv_result *res);
/* The same for a kernel named only (e.g. a profile that could not be
 * opened, with a BV_ERROR result saying why). */
int bvf_report_add_named(struct bvf_report *rep, const struct bvf_program *prog,
			 const char *kernel, const struct bv_result *res);
/* The whole run failed (e.g. the verifier crashed): an "error" key says why. */
int bvf_report_set_error(struct bvf_report *rep, const char *message);
/* The document as text, without the final newline; free() it. */
int bvf_report_write_string(const struct bvf_report *rep, char **text);
int bvf_report_write(const struct bvf_report *rep, FILE *out);
/* The same text as bvf_report_write_string, written to out (not flushed):
 * documents joined by the caller, without a copy. */
int bvf_report_write_unterminated(const struct bvf_report *rep, FILE *out);
int bvf_report_write_file(const struct bvf_report *rep, const char *path);
void bvf_report_free(struct bvf_report *rep);

/* ---- rejection classes (docs/diagnostics.md) ---- */
/* A stable id per kind of failure: SARIF rule ids, the JSON "class". */
struct bvf_diag_class {
	const char *id;              /* "nullable-pointer": never changes */
	const char *title;           /* one line */
	const char *meaning;         /* what it means, in plain words */
	const char *const *patterns; /* kernel messages it covers ('*': any run); NULL-ended */
};
size_t bvf_diag_class_count(void);
const struct bvf_diag_class *bvf_diag_class_at(size_t i);
/* The class of a result: by the kernel's message for a rejection,
 * "load-error" / "not-verified" for those verdicts, NULL for an accept. */
const struct bvf_diag_class *bvf_diag_class_of(enum bv_verdict v, const char *message);

/* ---- SARIF 2.1.0 (the CLI's --format sarif) ---- */
/* One run of one tool over any number of objects: a result per distinct
 * outcome (kernels merged; notes as related locations), artifact URIs
 * relative to source_root (uriBaseId %SRCROOT%), or absolute file URIs for
 * files outside it. Relative file names from line info are taken relative
 * to the current directory. */
struct bvf_sarif;
struct bvf_sarif *bvf_sarif_new(const char *source_root, const char *tool_version);
int bvf_sarif_add_outcomes(struct bvf_sarif *s, const char *object, const struct bvf_outcomes *o);
/* An object that could not be read: a tool execution notification. */
int bvf_sarif_add_problem(struct bvf_sarif *s, const char *object, const char *message);
int bvf_sarif_write(struct bvf_sarif *s, FILE *out, bool success);
void bvf_sarif_free(struct bvf_sarif *s);

#ifdef __cplusplus
}
#endif
#endif
