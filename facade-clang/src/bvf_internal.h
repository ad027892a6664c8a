/* bvf_internal.h — what facade-clang's two halves tell each other:
 * the object side (ELF, BTF, relocations, sections: object.c, …) and the
 * knowledge side (kernel profiles, helper prototypes, context rules, the
 * facade given to the core, reports: kernel.c, kb_*.c, facade.c, report.c).
 */
#ifndef BVF_INTERNAL_H
#define BVF_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include "bpfverify/bvf.h"
#include "bpfverify/facade.h"

/* ---- object side: facts about one program ---- */
uint32_t bvf_program_prog_type(const struct bvf_program *prog);       /* enum bv_prog_type */
uint32_t bvf_program_attach_type(const struct bvf_program *prog);     /* enum bpf_attach_type value */
/* Attach target from the section name ("sys_enter_openat" for
 * "tracepoint/syscalls/sys_enter_openat", a function for kprobes), or NULL. */
const char *bvf_program_attach_target(const struct bvf_program *prog);
/* The section declared the program sleepable ("fentry.s/…", "lsm.s/…"). */
bool bvf_program_sleepable(const struct bvf_program *prog);
/* License string from SEC("license"), NULL when absent. */
const char *bvf_program_license(const struct bvf_program *prog);
/* GPL-compatible as the kernel decides it (exact match against "GPL",
 * "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL",
 * "Dual MPL/GPL"); false for NULL. */
bool bvf_license_is_gpl(const char *license);
/* Maps the program's instructions refer to: index i is the imm of its
 * relocated BV_PSEUDO_MAP_FD / BV_PSEUDO_MAP_VALUE ld_imm64s. Includes
 * the global-data maps (.data, .rodata, .bss, .kconfig) as array maps. */
const struct bv_map_desc *bvf_program_maps(const struct bvf_program *prog, uint32_t *nr);
/* Subprograms (entry first) with their BTF linkage, sorted by insn_off. */
const struct bv_func_desc *bvf_program_funcs(const struct bvf_program *prog, uint32_t *nr);
const struct bvf_object *bvf_program_object(const struct bvf_program *prog);
/* The CO-RE memo (core_memo.h) of the program's object for target `targ`
 * of kernel `key`, locked until bvf_program_core_memo_release; NULL (and
 * nothing to release) when there is none to be had. */
struct bvf_core_memo;
struct bvf_core_memo *bvf_program_core_memo_acquire(const struct bvf_program *prog,
						    const void *key, const void *targ);
void bvf_program_core_memo_release(const struct bvf_program *prog, struct bvf_core_memo *m);
/* CO-RE relocations of the assembled program (core_relo.h), sorted by
 * instruction; bvf_program_insns() is as compiled, before them. */
struct bvf_core_relo;
struct btf;
const struct bvf_core_relo *bvf_program_core_relos(const struct bvf_program *prog, size_t *nr);
/* The object's BTF (the "local" BTF of CO-RE), NULL without .BTF. */
const struct btf *bvf_program_btf(const struct bvf_program *prog);

/* ---- knowledge side: facts about the target kernel ---- */
/* The text of a profile's hand-written facts file (facts.json; at most
 * 1 MiB), NUL-terminated and malloc'd; NULL when unreadable. */
char *bvf_facts_read(const char *path);
/* "kernel profile: version" facts for a program; facade.c uses these. */
uint32_t bvf_kernel_version(const struct bvf_kernel *k);
/* The profile's folder in the db (kfuncs.json), NULL when not a profile. */
const char *bvf_kernel_dir(const struct bvf_kernel *k);   /* BV_KERNEL_VERSION(a,b,c) */
/* Verifier behaviours (BV_FEAT_BIT set) of the profile whose rules apply. */
uint64_t bvf_kernel_features(const struct bvf_kernel *k);
/* A file of the kernel's profile, decompressed ("config", "symbols"):
 * malloc'ed, *len bytes, not NUL-terminated; NULL with a message. */
void *bvf_kernel_read_file(const struct bvf_kernel *k, const char *file, size_t *len,
			   char *err, size_t errsz);
/* Does the profile's "symbols" list every kernel symbol (kallsyms), or
 * only the exported ones? */
bool bvf_kernel_symbols_complete(const struct bvf_kernel *k);
/* Name of the profile whose rules apply ("6.18" for host on a 6.18.x). */
const char *bvf_kernel_rules(const struct bvf_kernel *k);
/* The kernel's `uname -r` ("6.1.0-50-cloud-amd64"); "" when unknown. */
const char *bvf_kernel_release(const struct bvf_kernel *k);
/* The profile's kernel BTF (libbpf), parsed on first use and owned by the
 * profile; NULL with a message in err when it cannot be read. */
struct btf *bvf_kernel_btf(const struct bvf_kernel *k, char *err, size_t errsz);
/* Name index of that BTF for CO-RE candidate search (built on first use);
 * NULL when the BTF cannot be read or memory ran out (callers then scan). */
struct bvdb_names;
const struct bvdb_names *bvf_kernel_names(const struct bvf_kernel *k);
/* The same BTF read in place (bpfverify/bvdb.h, struct bvdb_btf): the
 * same ids and bytes, without libbpf's parse of every type, which only
 * bvf_kernel_btf pays for; NULL with a message when it cannot be read. */
struct bvdb_btf;
const struct bvdb_btf *bvf_kernel_view(const struct bvf_kernel *k, char *err, size_t errsz);
/* btf__find_by_name_kind on the view: the first id of that name and kind
 * (through the name index for the kinds it holds); -ENOENT when none. */
int bvf_kernel_find(const struct bvf_kernel *k, const char *name, int kind);
/* Type id of enum `name` (a string literal: kept by pointer) in the
 * kernel's BTF, looked up once per profile; <= 0 when absent. */
int bvf_kernel_enum_id(const struct bvf_kernel *k, const char *name);
/* Does the kernel's BTF (vmlinux, or a module of a db profile) have a
 * function of that name? 1 yes, 0 no, -1 cannot tell (no BTF; or not in
 * vmlinux and the kernel's modules are not known). */
int bvf_kernel_has_func(const struct bvf_kernel *k, const char *name);
/* Functions the object calls without defining them (kfuncs, BTF `extern`
 * functions of .ksyms): name and weak binding, sorted by name as libbpf
 * resolves them. *has_other is set when it has other externs too (ksym
 * variables, .kconfig), whose resolution is not modelled. */
struct bvf_extern_func {
	const char *name;
	bool weak;
};
size_t bvf_object_extern_funcs(const struct bvf_object *obj, const struct bvf_extern_func **out,
			       bool *has_other);
/* Extern variables of the object (obj_externs.c), sorted as libbpf lays
 * out the .kconfig map: kconfig ones first. */
enum bvf_kcfg_type {
	BVF_KCFG_UNKNOWN = 0,
	BVF_KCFG_CHAR,
	BVF_KCFG_BOOL,
	BVF_KCFG_INT,
	BVF_KCFG_TRISTATE,
	BVF_KCFG_CHAR_ARR,
};
struct bvf_extern_var {
	const char *name;
	bool weak;
	bool kconfig;             /* .kconfig; else .ksyms */
	uint32_t type_id;         /* in the object's BTF; ksyms: 0 = typeless */
	/* kconfig only */
	enum bvf_kcfg_type kcfg_type;
	bool is_signed;
	uint32_t size, align, data_off;
};
/* *kconfig_map: index of the .kconfig map among the program maps, -1. */
size_t bvf_object_extern_vars(const struct bvf_object *obj, const struct bvf_extern_var **out,
			      int *kconfig_map);
/* ld_imm64 instructions of a program that load a ksym's address: patched
 * per kernel (extern_vars index). */
struct bvf_ksym_ref {
	uint32_t insn;
	uint32_t ext;
};
/* The first ld_imm64 of the program that names a map by a raw number
 * libbpf did not relocate: its index (-1 if none), the number, and whether
 * it is the fd_array index form. */
int64_t bvf_program_raw_map_fd(const struct bvf_program *prog, int32_t *fd, bool *idx_form);
size_t bvf_program_ksym_refs(const struct bvf_program *prog, const struct bvf_ksym_ref **out);
/* Calls of extern functions (kfuncs) and ld_imm64 of their addresses:
 * patched per kernel as libbpf does (extern_funcs index). */
struct bvf_kfunc_ref {
	uint32_t insn;
	uint32_t ext;
	bool addr;                /* an ld_imm64 of the address, not a call */
};
size_t bvf_program_kfunc_refs(const struct bvf_program *prog, const struct bvf_kfunc_ref **out);

/* libbpf-style name of a program type ("sched_cls"), NULL if unknown. */
const char *bvf_prog_type_name(uint32_t prog_type);

/* report.c: a JSON document printed to `out`, newline-terminated
 * (0 or -errno). */
struct cJSON;
int bvf_json_print(const struct cJSON *doc, FILE *out);

#endif
