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

/* ---- target kernels ---- */
/* spec: a profile name ("6.18", "6.1"), "host", or a path to a raw BTF or
 * vmlinux file. */
struct bvf_kernel *bvf_kernel_open(const char *spec, char *err, size_t errsz);
void bvf_kernel_close(struct bvf_kernel *k);
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
};
/* Verifies one program for one kernel. Always fills *res (verdict BV_ERROR
 * with a message when the program cannot be verified). */
int bvf_verify(const struct bvf_program *prog, const struct bvf_kernel *k,
	       const struct bvf_verify_opts *opts, struct bv_result *res);

/* ---- reporting (shared by the plugin and the CLI) ---- */
/* "R0 invalid mem access 'map_value_or_null' [bpfverify: prog, kernel 6.18]" */
int bvf_format_error(const struct bvf_program *prog, const struct bvf_kernel *k,
		     const struct bv_result *res, char *buf, size_t size);

struct bvf_report;   /* the JSON results document of INTERFACE.md */
struct bvf_report *bvf_report_new(const char *source);
int bvf_report_add(struct bvf_report *rep, const struct bvf_program *prog,
		   const struct bvf_kernel *k, const struct bv_result *res);
int bvf_report_write(const struct bvf_report *rep, FILE *out);
int bvf_report_write_file(const struct bvf_report *rep, const char *path);
void bvf_report_free(struct bvf_report *rep);

#ifdef __cplusplus
}
#endif
#endif
