/* kb_net.h — the knowledge base of the socket-level networking program
 * types (sockops, sk_skb, sk_msg, sk_reuseport, flow_dissector, lwt_*)
 * and of the networking helpers' prototypes (net/core/filter.c,
 * net/core/sock_map.c, net/core/bpf_sk_storage.c). kb_ctx.c and
 * kb_helpers.c ask here for what their own tables do not cover.
 */
#ifndef BVF_KB_NET_H
#define BVF_KB_NET_H

#include <stdbool.h>
#include <stdint.h>

#include "kb.h"

/* Is this one of the program types kb_net.c models? */
bool bvf_kb_net_prog_type(uint32_t prog_type);

/* The UAPI structure a program type's context is ("bpf_sock_ops"), whose
 * size the facade reads from the target kernel's BTF into env->ctx_size
 * (struct bpf_sock_ops gained skb_hwtstamp after 6.1); NULL: not ours. */
const char *bvf_kb_net_ctx_struct(uint32_t prog_type);

/* Context size (0 when not one of ours) and is_valid_access. */
uint32_t bvf_kb_net_ctx_size(uint32_t prog_type);
bool bvf_kb_net_ctx_access(const struct bvf_kb_env *env, int32_t off, uint32_t size,
			   enum bv_access access, struct bv_ctx_access_info *info);

/* check_return_code for our types; leaves *range alone otherwise. */
void bvf_kb_net_return_range(const struct bvf_kb_env *env, struct bv_retval_range *range);

/* The program type's own get_func_proto level: 1 when it lists id (and
 * offers it), 0 when the kernel falls through to the shared levels;
 * *sk_base says which: bpf_sk_base_func_proto (true) or
 * bpf_base_func_proto directly (false). -1 for a type not ours. */
int bvf_kb_net_helper_listed(const struct bvf_kb_env *env, int32_t id, bool *sk_base);

/* The prototype of a networking helper modelled here; NULL otherwise. */
const struct bv_helper_proto *bvf_kb_net_proto(const struct bvf_kb_env *env, int32_t id);

/* The kernel's may_update_sockmap(): may this program call
 * bpf_map_update_elem/bpf_map_delete_elem on a sockmap or sockhash? */
bool bvf_kb_net_may_update_sockmap(const struct bvf_kb_env *env, int32_t func_id);

/* The facade's ptr_struct_access op: struct bpf_sock and its
 * sock_common view, bpf_tcp_sock, bpf_xdp_sock, bpf_flow_keys. */
bool bvf_kb_net_ptr_struct_access(bv_reg_type type, int32_t off, uint32_t size,
				  enum bv_access access, struct bv_ctx_access_info *info);

#endif
