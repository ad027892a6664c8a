/* core_relo.h — CO-RE relocations resolved against a target kernel's BTF,
 * as libbpf resolves them when it loads an object into that kernel.
 *
 * Pure functions over (local BTF, target BTF, relocation records,
 * instructions): no global state, no I/O; scratch memory is allocated per
 * call and freed before returning. Facts from the BPF ABI (the .BTF.ext
 * core_relo record and enum bpf_core_relo_kind) and libbpf's documented
 * semantics; the code is our own.
 *
 * The object side (obj_link.c) records each program's relocations with
 * assembled instruction indexes; the knowledge side (facade.c) applies them
 * to a per-(program, kernel) copy of the instructions before verifying.
 */
#ifndef BVF_CORE_RELO_H
#define BVF_CORE_RELO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bpfverify/insn.h"

struct btf;

/* enum bpf_core_relo_kind (include/uapi/linux/bpf.h). */
enum bvf_core_kind {
	BVF_CORE_FIELD_BYTE_OFFSET = 0,
	BVF_CORE_FIELD_BYTE_SIZE = 1,
	BVF_CORE_FIELD_EXISTS = 2,
	BVF_CORE_FIELD_SIGNED = 3,
	BVF_CORE_FIELD_LSHIFT_U64 = 4,
	BVF_CORE_FIELD_RSHIFT_U64 = 5,
	BVF_CORE_TYPE_ID_LOCAL = 6,
	BVF_CORE_TYPE_ID_TARGET = 7,
	BVF_CORE_TYPE_EXISTS = 8,
	BVF_CORE_TYPE_SIZE = 9,
	BVF_CORE_ENUMVAL_EXISTS = 10,
	BVF_CORE_ENUMVAL_VALUE = 11,
	BVF_CORE_TYPE_MATCHES = 12,
};

/* The helper id libbpf writes into an instruction whose relocation cannot
 * be satisfied (0xbad2310, "bad relo"); the kernel then rejects it, if
 * reachable, with "invalid func unknown#195896080". */
#define BVF_CORE_POISON_HELPER 195896080

/* One relocation of an assembled program (.BTF.ext core_relo record with
 * the instruction index translated to the program). */
struct bvf_core_relo {
	uint32_t insn;            /* instruction index in the assembled program */
	uint32_t type_id;         /* root type in the local (object) BTF */
	uint32_t access_str_off;  /* "0:1:2" in the local BTF string section */
	uint32_t kind;            /* enum bvf_core_kind (unchecked) */
	uint32_t rec_idx;         /* index in its section's record block: libbpf's "relo #N" */
	const char *sec_name;     /* ELF section of the record */
};

/* What happened to one relocation. */
struct bvf_core_outcome {
	uint32_t insn;
	uint32_t kind;
	bool poisoned;            /* instruction replaced by the poison call */
	uint64_t orig_val;        /* value the compiler assumed (local BTF) */
	uint64_t new_val;         /* value for the target (valid unless poisoned) */
	/* C-like view of the access, "struct task_struct.pid", "enum e::V",
	 * "struct s" (type relocations). */
	char spec[160];
	/* Why it was poisoned, to follow the spec ("is not found in kernel
	 * 6.18 BTF"), or "". */
	char reason[160];
	/* The local spec as libbpf's log prints it, "<byte_off> [17] struct
	 * x.f (0:0 @ offset 0)": libbpf rewrites the kernel's rejection of a
	 * poisoned instruction into "failed to resolve CO-RE relocation "
	 * followed by this. */
	char libbpf_spec[200];
	/* Set on the relocation libbpf refuses (bvf_core_relocate failed):
	 * the line libbpf prints for it after "prog 'NAME': ", its own cause
	 * where libbpf words one ("relo #3: field offset ambiguity: 0 != 32"),
	 * else its summary ("relo #3: failed to relocate: -22"). */
	bool refused;
	char libbpf_error[200];
};

/* Clears o as a zeroed struct reads (empty strings, no flags) without
 * writing its ~720 bytes of text buffers: a program's relocations are
 * set up once per program and kernel. */
static inline void bvf_core_outcome_clear(struct bvf_core_outcome *o)
{
	o->insn = 0;
	o->kind = 0;
	o->poisoned = false;
	o->orig_val = 0;
	o->new_val = 0;
	o->spec[0] = '\0';
	o->reason[0] = '\0';
	o->libbpf_spec[0] = '\0';
	o->refused = false;
	o->libbpf_error[0] = '\0';
}

/* *dst = *src, its strings copied up to their ends. */
static inline void bvf_core_outcome_copy(struct bvf_core_outcome *dst,
					 const struct bvf_core_outcome *src)
{
	dst->insn = src->insn;
	dst->kind = src->kind;
	dst->poisoned = src->poisoned;
	dst->orig_val = src->orig_val;
	dst->new_val = src->new_val;
	memcpy(dst->spec, src->spec, strnlen(src->spec, sizeof(src->spec) - 1) + 1);
	memcpy(dst->reason, src->reason, strnlen(src->reason, sizeof(src->reason) - 1) + 1);
	memcpy(dst->libbpf_spec, src->libbpf_spec,
	       strnlen(src->libbpf_spec, sizeof(src->libbpf_spec) - 1) + 1);
	dst->refused = src->refused;
	memcpy(dst->libbpf_error, src->libbpf_error,
	       strnlen(src->libbpf_error, sizeof(src->libbpf_error) - 1) + 1);
}

/* Name of a relocation kind as libbpf prints it ("byte_off"), or "unknown". */
const char *bvf_core_kind_name(uint32_t kind);

/* Length of `name` without its "___flavor" suffix (libbpf's essential
 * name): "task_struct___v2" → 11. */
size_t bvf_core_essential_len(const char *name);

/* Applies relocations `relos[0..n)` to `insns[0..cnt)` in place, resolving
 * each against `targ` (named `targ_name` in reasons, e.g. "kernel 6.18";
 * NULL: "the target") as libbpf would: patched immediates and offsets,
 * LDX/STX/ST memory sizes adjusted where libbpf adjusts them, and the
 * instruction poisoned (call BVF_CORE_POISON_HELPER) where the relocation
 * cannot be satisfied. `out`, when not NULL, has n entries.
 *
 * Returns 0, or a negative errno with a message in err[errsz] when libbpf
 * would refuse to load the object (unparsable access string, ambiguous
 * candidates, an instruction that does not fit its relocation, an unknown
 * kind, …): "relo #3 (section 'kprobe/x', insn 12, byte_off): …"; the
 * refused relocation's outcome (when `out`) then says what libbpf prints. */
int bvf_core_relocate(const struct btf *local, const struct btf *targ, const char *targ_name,
		      const struct bvf_core_relo *relos, size_t n,
		      struct bv_insn *insns, uint32_t cnt,
		      struct bvf_core_outcome *out, char *err, size_t errsz);

/* The same, with `names` (bvdb_names__new(targ), or NULL) to find each
 * root type's candidates by a lookup instead of a scan of every target
 * type. The results are identical. */
struct bvdb_names;
int bvf_core_relocate_indexed(const struct btf *local, const struct btf *targ,
			      const struct bvdb_names *names, const char *targ_name,
			      const struct bvf_core_relo *relos, size_t n,
			      struct bv_insn *insns, uint32_t cnt,
			      struct bvf_core_outcome *out, char *err, size_t errsz);

/* The same, remembering resolutions in `memo` (core_memo.h, made for
 * `targ`; NULL: none) for later calls with the same local BTF: the
 * programs of one object. A memo made for another target is not used.
 * Only relocations whose result cannot depend on the ones before are
 * remembered (a root type with at most one candidate; TYPE_ID_LOCAL), so
 * the results are identical to resolving each anew. */
struct bvf_core_memo;
int bvf_core_relocate_memo(const struct btf *local, const struct btf *targ,
			   const struct bvdb_names *names, struct bvf_core_memo *memo,
			   const char *targ_name, const struct bvf_core_relo *relos, size_t n,
			   struct bv_insn *insns, uint32_t cnt,
			   struct bvf_core_outcome *out, char *err, size_t errsz);

/* The same against a target read in place (bvdb.h's view of a kernel
 * profile's BTF): identical results, without libbpf's struct btf. */
struct bvdb_btf;
int bvf_core_relocate_view(const struct btf *local, const struct bvdb_btf *targ,
			   const struct bvdb_names *names, struct bvf_core_memo *memo,
			   const char *targ_name, const struct bvf_core_relo *relos, size_t n,
			   struct bv_insn *insns, uint32_t cnt,
			   struct bvf_core_outcome *out, char *err, size_t errsz);

#endif
