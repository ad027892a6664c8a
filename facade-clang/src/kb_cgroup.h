/* kb_cgroup.h — the knowledge base's cgroup program types and their
 * neighbours (kb_prog_cgroup.c: context, return range, helper
 * availability; kb_protos_cgroup.c: their helpers' prototypes). kb_ctx.c
 * and kb_helpers.c hand these types over with one line each. */
#ifndef BVF_KB_CGROUP_H
#define BVF_KB_CGROUP_H

#include <stdbool.h>
#include <stdint.h>

#include "kb.h"

/* Where a type's get_func_proto goes after its own cases. */
enum bvf_kb_tail {
	BVF_KB_TAIL_NONE = 0,
	BVF_KB_TAIL_BASE,     /* bpf_base_func_proto */
	BVF_KB_TAIL_SK_BASE,  /* bpf_sk_base_func_proto, then the base */
};

/* cgroup_sock_addr, cgroup_sock, cgroup_sockopt, cgroup_sysctl,
 * cgroup_device, sk_lookup, netfilter, syscall, lirc_mode2. */
bool bvf_kb_cgroup_prog_type(uint32_t prog_type);
uint32_t bvf_kb_cgroup_ctx_size(uint32_t prog_type);
bool bvf_kb_cgroup_ctx_access(const struct bvf_kb_env *env, int32_t off, uint32_t size,
			      enum bv_access access, struct bv_ctx_access_info *info);
/* The kernel struct a BTF-pointer field of the context points to
 * (netfilter: nf_hook_state, sk_buff), for the facade to find its id in
 * the kernel's BTF; NULL for other fields. */
const char *bvf_kb_cgroup_ctx_btf_struct(uint32_t prog_type, int32_t off);
void bvf_kb_cgroup_return_range(const struct bvf_kb_env *env, struct bv_retval_range *range);

/* The type's own helper cases: 1 offered, 0 refused (the kernel returns
 * NULL there), -1 not decided: ask *tail. */
int bvf_kb_cgroup_helper(const struct bvf_kb_env *env, int32_t id, enum bvf_kb_tail *tail);

/* The prototype the kernel hands this program (type, attach type) for
 * id, when it is one of this area's; NULL otherwise. */
const struct bv_helper_proto *bvf_kb_cgroup_proto(const struct bvf_kb_env *env, int32_t id);

#endif
