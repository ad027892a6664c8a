/* tracing.h — BTF-typed program contexts and kernel-object pointers for
 * the tracing program types (fentry/fexit/fmod_ret, tp_btf, iter, lsm,
 * lsm_cgroup): the attach target resolved against the target kernel's BTF,
 * the context (the u64 argument array typed from the target's prototype),
 * field walks through PTR_TO_BTF_ID pointers, the return-value range, and
 * the BTF ids of helper prototypes that name kernel structs.
 *
 * One struct bvf_tracing per verification (facade.c keeps it on its
 * stack): every answer depends on it and the kernel's BTF only.
 */
#ifndef BVF_TRACING_H
#define BVF_TRACING_H

#include <stdbool.h>
#include <stdint.h>

#include "bpfverify/facade.h"
#include "bpfverify/verifier.h"
#include "kb.h"

struct btf;
struct btf_type;
struct bvf_program;
struct bvf_kernel;

struct bvf_tracing {
	const struct btf *btf;        /* the target kernel's (profile) BTF */
	uint64_t features;            /* BV_FEAT_BIT set of the kernel */
	uint32_t prog_type, attach_type;
	bool sleepable;
	/* attach target */
	char func_name[160];          /* as the kernel names it in messages */
	uint32_t proto_id;            /* FUNC_PROTO of the target; 0: none */
	bool skip_first;              /* btf_trace_<tp>: the leading void *__data */
	uint64_t null_mask;           /* tp_btf: args that may be NULL (4 bits each) */
	bool iter;
	char iter_target[64];         /* "task" for iter/task */
	/* bpf_d_path_allowed for this program: 1 yes, 0 no ("helper call is
	 * not allowed in probe"), -1 the profile does not say */
	int d_path_allowed;
	/* helper prototypes with BTF ids resolved in this kernel, by id */
	struct bv_helper_proto protos[BVF_KB_HELPER_ID_MAX + 1];
	bool resolved[BVF_KB_HELPER_ID_MAX + 1];
};

/* Clears t as a zeroed struct would read: every field, and no helper
 * prototype resolved yet. protos[] (~22 KB) is left as it is: an entry is
 * only read once resolved[] says it was written, so the per-program set-up
 * does not zero it (allocate t with malloc and call this). */
void bvf_tracing_clear(struct bvf_tracing *t);

/* Sets t up for prog on kernel k when prog is of a type this file models
 * (returns 1), fills res and returns -1 when the load fails or cannot be
 * verified (the attach target is missing: libbpf's load error), returns 0
 * for other program types (t unused). */
int bvf_tracing_init(struct bvf_tracing *t, const struct bvf_program *prog,
		     const struct bvf_kernel *k, struct bv_result *res);

/* The facade ops for a program set up by bvf_tracing_init. */
bool bvf_tracing_ctx_access(const struct bvf_tracing *t, int32_t off, uint32_t size,
			    enum bv_access access, struct bv_ctx_access_info *info);
void bvf_tracing_return_range(const struct bvf_tracing *t, struct bv_retval_range *range);

/* BTF-typed pointers against a kernel BTF (any program type). */
int bvf_btf_struct_access(const struct btf *btf, uint64_t features, bool in_rcu_cs,
			  uint32_t btf_id, int32_t off, uint32_t size,
			  struct bv_btf_access *out);
const char *bvf_btf_struct_name(const struct btf *btf, uint32_t btf_id);
bool bvf_btf_ids_match(const struct btf *btf, uint32_t btf_id, int32_t off,
		       uint32_t want_id, bool strict);

/* The prototype p with the BTF ids it names (return and argument structs)
 * resolved in this kernel's BTF; p itself when it names none. */
const struct bv_helper_proto *bvf_tracing_proto(struct bvf_tracing *t,
						const struct btf *btf, uint64_t features,
						const struct bv_helper_proto *p);

#endif
