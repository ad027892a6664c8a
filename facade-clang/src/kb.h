/* kb.h — the knowledge base: what the target kernel knows about helpers,
 * program contexts, map/helper pairs and return values. The tables model
 * the newest profile's kernel (Linux 6.18); how an older kernel differs is
 * data of its profile (kb_facts.c), never a version test here.
 *
 * Pure lookups over declarative tables (kb_helpers.c, kb_helper_names.c,
 * kb_ctx.c, kb_prog_types.c). Every answer depends only on the arguments,
 * so facade.c can hand them to the core as its ops and tests can query
 * them directly without an object file.
 */
#ifndef BVF_KB_H
#define BVF_KB_H

#include <stdbool.h>
#include <stdint.h>

#include "bpfverify/facade.h"
#include "bpfverify/types.h"

/* The highest helper id Linux 6.18 knows (BPF_FUNC_cgrp_storage_delete). */
#define BVF_KB_HELPER_ID_MAX 211

/* How the target kernel's helpers differ from the knowledge base's model,
 * for one program type (kb_facts.c: the profile's BTF and facts.json). */
struct bvf_kb_helper_facts {
	int32_t nr_ids;           /* the kernel's __BPF_FUNC_MAX_ID; 0: unknown */
	uint64_t unavailable[4];  /* bit per id: not offered to this program type */
	uint64_t available[4];    /* bit per id: offered, although the model says not */
};

/* What the loader may do; the kernel's capability gates read these. */
struct bvf_kb_env {
	uint32_t prog_type;       /* enum bv_prog_type */
	uint32_t attach_type;     /* enum bpf_attach_type value */
	bool bpf_capable;         /* CAP_BPF (or CAP_SYS_ADMIN) */
	bool perfmon_capable;     /* CAP_PERFMON (or CAP_SYS_ADMIN) */
	/* The target kernel's differences; NULL: the model's kernel. */
	const struct bvf_kb_helper_facts *helpers;
	/* Size of the context structure in the target kernel's BTF, where
	 * it differs between kernels (kb_net.c types); 0: the model's. */
	uint32_t ctx_size;
};

/* Loads the helper facts of kernel k for a program type. 0, or -EINVAL
 * with a message when the profile's facts are malformed. */
struct bvf_kernel;
int bvf_kb_helper_facts_load(const struct bvf_kernel *k, uint32_t prog_type,
			     struct bvf_kb_helper_facts *out, char *err, size_t errsz);
/* The same, read once per kernel profile and program type (kernel.c). */
int bvf_kernel_helper_facts(const struct bvf_kernel *k, uint32_t prog_type,
			    struct bvf_kb_helper_facts *out, char *err, size_t errsz);

/* "bpf_map_lookup_elem" for 1; NULL for an id the kernel does not know. */
const char *bvf_kb_helper_name(int32_t func_id);

/* Prototypes of the base and tracing helpers kept in kb_protos_base.c
 * (NULL: not there). Asked by bvf_kb_helper after its own table. */
const struct bv_helper_proto *bvf_kb_protos_base(const struct bvf_kb_env *env, int32_t func_id);

/* The helper() op of struct bv_facade (see facade.h for the convention):
 * 0 with the prototype; -ENOENT (unknown id, *proto NULL); -EPERM (known,
 * not available to this program type or capability set, *proto names it);
 * -EOPNOTSUPP (available, prototype not modelled, *proto names it). */
int bvf_kb_helper(const struct bvf_kb_env *env, int32_t func_id,
		  const struct bv_helper_proto **proto);

/* The kernel's check_map_func_compatibility, both directions, for the map
 * types and helpers modelled: 0 or -EINVAL. */
int bvf_kb_map_helper_compatible(uint32_t map_type, int32_t func_id);

/* Does the knowledge base model this program type (context rules, helper
 * availability, return range)? */
bool bvf_kb_prog_type_modelled(uint32_t prog_type);

/* Context rules of a modelled program type: size of the context structure
 * (0 when not modelled) and the kernel's is_valid_access. */
uint32_t bvf_kb_ctx_size(uint32_t prog_type);
bool bvf_kb_ctx_access(const struct bvf_kb_env *env, int32_t off, uint32_t size,
		       enum bv_access access, struct bv_ctx_access_info *info);

/* The kernel's check_return_code range for the program type and attach
 * type (enforce false: any value). */
void bvf_kb_return_range(const struct bvf_kb_env *env, struct bv_retval_range *range);

/* May a loader with these capabilities load this program type at all?
 * (bpf_prog_load: only socket filters and cgroup skb programs without
 * CAP_BPF; tracing types also need CAP_PERFMON.) */
bool bvf_kb_prog_type_loadable(const struct bvf_kb_env *env);

/* ---- tracing program types and helpers on kernel objects (kb_tracing.c) ----
 * Availability where the kernel's tracing_prog_func_proto / bpf_lsm_func_proto
 * decide by attach type: 1 available, 0 not, -1 the shared chain decides. */
int bvf_kb_tracing_available(const struct bvf_kb_env *env, int32_t func_id);
/* The prototype of a helper on kernel objects (BTF-typed arguments or
 * return), NULL when kb_tracing.c does not own it. */
const struct bv_helper_proto *bvf_kb_tracing_proto(const struct bvf_kb_env *env,
						   int32_t func_id);
/* Structs a prototype names, by name (resolved in each kernel's BTF by the
 * facade): the return's and each argument's; NULL when none. */
struct bvf_kb_btf_names {
	int32_t func_id;
	const char *ret;
	const char *args[5];
};
const struct bvf_kb_btf_names *bvf_kb_proto_btf_names(int32_t func_id);
/* bpf_check_mtu whose mtu_len may be uninitialised (a kernel without
 * BV_FEAT_CHECK_MTU_LEN_IN) */
const struct bv_helper_proto *bvf_kb_check_mtu_uninit(void);
/* bpf_d_path for a program no attach target of which may call it */
const struct bv_helper_proto *bvf_kb_d_path_not_allowed(void);

#endif
