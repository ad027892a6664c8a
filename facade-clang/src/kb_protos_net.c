/* kb_protos_net.c — prototypes of the networking helpers of
 * net/core/filter.c, net/core/sock_map.c and net/core/bpf_sk_storage.c
 * (the kernel's bpf_func_proto structures, rewritten in the
 * bv_helper_proto encoding). Where the kernel keeps several variants for
 * one id, the variant the program type gets is chosen here; a variant
 * that takes a BTF-typed pointer (tracing programs) is not modelled and
 * stays "prototype not modelled" (verdict error), never guessed.
 *
 * Not modelled: the BTF-typed variants (bpf_skc_to_*, tracing sk_storage,
 * bpf_skb_output).
 */
#include <stddef.h>
#include <stdint.h>

#include <linux/bpf.h>

#include "kb_net.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#define CTX BV_ARG_PTR_TO_CTX
#define ANY BV_ARG_ANYTHING
#define MAP BV_ARG_CONST_MAP_PTR
#define KEY BV_ARG_PTR_TO_MAP_KEY
#define SIZE BV_ARG_CONST_SIZE
#define SIZE0 BV_ARG_CONST_SIZE_OR_ZERO
#define RO_MEM (BV_ARG_PTR_TO_MEM | BV_MEM_RDONLY)
#define UNINIT_MEM (BV_ARG_PTR_TO_MEM | BV_MEM_UNINIT | BV_MEM_WRITE)
#define SKC BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON
#define INT BV_RET_INTEGER

#define P(id, ...) { .name = "bpf_" #id, .func_id = BPF_FUNC_##id, __VA_ARGS__ }

/* Helpers with one prototype for every program type that may call them. */
static const struct bv_helper_proto common[] = {
	/* packets: sk_buff */
	P(skb_pull_data, .changes_pkt_data = 1, .ret_type = INT, .arg_type = { CTX, ANY }),
	P(skb_change_tail, .changes_pkt_data = 1, .ret_type = INT, .arg_type = { CTX, ANY, ANY }),
	P(skb_change_head, .changes_pkt_data = 1, .ret_type = INT, .arg_type = { CTX, ANY, ANY }),
	P(skb_change_proto, .changes_pkt_data = 1, .ret_type = INT, .arg_type = { CTX, ANY, ANY }),
	P(skb_change_type, .ret_type = INT, .arg_type = { CTX, ANY }),
	P(skb_adjust_room, .changes_pkt_data = 1, .ret_type = INT,
	  .arg_type = { CTX, ANY, ANY, ANY }),
	P(skb_vlan_push, .changes_pkt_data = 1, .ret_type = INT, .arg_type = { CTX, ANY, ANY }),
	P(skb_vlan_pop, .changes_pkt_data = 1, .ret_type = INT, .arg_type = { CTX }),
	P(skb_get_tunnel_key, .ret_type = INT, .arg_type = { CTX, UNINIT_MEM, SIZE, ANY }),
	P(skb_get_tunnel_opt, .ret_type = INT, .arg_type = { CTX, UNINIT_MEM, SIZE }),
	P(skb_set_tunnel_key, .ret_type = INT, .arg_type = { CTX, RO_MEM, SIZE, ANY }),
	P(skb_set_tunnel_opt, .ret_type = INT, .arg_type = { CTX, RO_MEM, SIZE }),
	P(skb_load_bytes_relative, .ret_type = INT,
	  .arg_type = { CTX, ANY, UNINIT_MEM, SIZE, ANY }),
	P(skb_get_xfrm_state, .ret_type = INT, .arg_type = { CTX, ANY, UNINIT_MEM, SIZE, ANY }),
	P(skb_under_cgroup, .ret_type = INT, .arg_type = { CTX, MAP, ANY }),
	P(skb_cgroup_id, .ret_type = INT, .arg_type = { CTX }),
	P(skb_ancestor_cgroup_id, .ret_type = INT, .arg_type = { CTX, ANY }),
	P(skb_cgroup_classid, .ret_type = INT, .arg_type = { CTX }),
	P(skb_ecn_set_ce, .ret_type = INT, .arg_type = { CTX }),
	P(skb_set_tstamp, .ret_type = INT, .arg_type = { CTX, ANY, ANY }),
	P(get_route_realm, .ret_type = INT, .arg_type = { CTX }),
	P(get_hash_recalc, .ret_type = INT, .arg_type = { CTX }),
	P(set_hash_invalid, .ret_type = INT, .arg_type = { CTX }),
	P(set_hash, .ret_type = INT, .arg_type = { CTX, ANY }),
	P(csum_update, .ret_type = INT, .arg_type = { CTX, ANY }),
	P(csum_level, .ret_type = INT, .arg_type = { CTX, ANY }),
	P(clone_redirect, .changes_pkt_data = 1, .ret_type = INT, .arg_type = { CTX, ANY, ANY }),
	P(redirect_peer, .ret_type = INT, .arg_type = { ANY, ANY }),
	P(redirect_neigh, .ret_type = INT,
	  .arg_type = { ANY, RO_MEM | BV_PTR_MAYBE_NULL, SIZE0, ANY }),
	/* the skb and xdp variants agree */
	P(fib_lookup, .gpl_only = 1, .ret_type = INT,
	  .arg_type = { CTX, BV_ARG_PTR_TO_MEM, SIZE, ANY }),
	/* the MTU out (and, on newer kernels, in) through a naturally
	 * aligned u32; the skb and xdp variants agree. A kernel without
	 * BV_FEAT_CHECK_MTU_LEN_IN gets bvf_kb_check_mtu_uninit's. */
	P(check_mtu, .gpl_only = 1, .ret_type = INT,
	  .arg_type = { CTX, ANY, BV_ARG_PTR_TO_MEM | BV_MEM_FIXED_SIZE | BV_MEM_WRITE |
			BV_MEM_ALIGNED, ANY, ANY },
	  .arg_size = { 0, 0, 4 }),
	/* packets: xdp_buff */
	P(xdp_load_bytes, .ret_type = INT, .arg_type = { CTX, ANY, UNINIT_MEM, SIZE }),
	P(xdp_store_bytes, .ret_type = INT, .arg_type = { CTX, ANY, RO_MEM, SIZE }),
	/* lwt */
	P(lwt_push_encap, .changes_pkt_data = 1, .ret_type = INT,
	  .arg_type = { CTX, ANY, RO_MEM, SIZE }),
	P(lwt_seg6_store_bytes, .changes_pkt_data = 1, .ret_type = INT,
	  .arg_type = { CTX, ANY, RO_MEM, SIZE }),
	P(lwt_seg6_action, .changes_pkt_data = 1, .ret_type = INT,
	  .arg_type = { CTX, ANY, RO_MEM, SIZE }),
	P(lwt_seg6_adjust_srh, .changes_pkt_data = 1, .ret_type = INT,
	  .arg_type = { CTX, ANY, ANY }),
	/* sockets: lookups return a referenced socket, or NULL */
	P(sk_lookup_tcp, .pkt_access = 1, .acquires_ref = 1,
	  .ret_type = BV_RET_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL,
	  .arg_type = { CTX, RO_MEM, SIZE0, ANY, ANY }),
	P(sk_lookup_udp, .pkt_access = 1, .acquires_ref = 1,
	  .ret_type = BV_RET_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL,
	  .arg_type = { CTX, RO_MEM, SIZE0, ANY, ANY }),
	P(skc_lookup_tcp, .pkt_access = 1, .acquires_ref = 1,
	  .ret_type = BV_RET_PTR_TO_SOCK_COMMON | BV_PTR_MAYBE_NULL,
	  .arg_type = { CTX, RO_MEM, SIZE0, ANY, ANY }),
	P(sk_release, .ret_type = INT, .arg_type = { SKC | BV_OBJ_RELEASE }),
	/* casts keep the argument's reference (the core's special case) */
	P(sk_fullsock, .ret_type = BV_RET_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL,
	  .arg_type = { BV_ARG_PTR_TO_SOCK_COMMON }),
	P(tcp_sock, .ret_type = BV_RET_PTR_TO_TCP_SOCK | BV_PTR_MAYBE_NULL,
	  .arg_type = { BV_ARG_PTR_TO_SOCK_COMMON }),
	P(get_listener_sock, .ret_type = BV_RET_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL,
	  .arg_type = { BV_ARG_PTR_TO_SOCK_COMMON }),
	P(tcp_check_syncookie, .gpl_only = 1, .pkt_access = 1, .ret_type = INT,
	  .arg_type = { SKC, RO_MEM, SIZE, RO_MEM, SIZE }),
	P(tcp_gen_syncookie, .gpl_only = 1, .pkt_access = 1, .ret_type = INT,
	  .arg_type = { SKC, RO_MEM, SIZE, RO_MEM, SIZE }),
	P(tcp_raw_gen_syncookie_ipv4, .gpl_only = 1, .pkt_access = 1, .ret_type = INT,
	  .arg_type = { BV_ARG_PTR_TO_MEM | BV_MEM_FIXED_SIZE, BV_ARG_PTR_TO_MEM, SIZE0 },
	  .arg_size = { 20 }),
	P(tcp_raw_gen_syncookie_ipv6, .gpl_only = 1, .pkt_access = 1, .ret_type = INT,
	  .arg_type = { BV_ARG_PTR_TO_MEM | BV_MEM_FIXED_SIZE, BV_ARG_PTR_TO_MEM, SIZE0 },
	  .arg_size = { 40 }),
	P(tcp_raw_check_syncookie_ipv4, .gpl_only = 1, .pkt_access = 1, .ret_type = INT,
	  .arg_type = { BV_ARG_PTR_TO_MEM | BV_MEM_FIXED_SIZE,
			BV_ARG_PTR_TO_MEM | BV_MEM_FIXED_SIZE },
	  .arg_size = { 20, 20 }),
	P(tcp_raw_check_syncookie_ipv6, .gpl_only = 1, .pkt_access = 1, .ret_type = INT,
	  .arg_type = { BV_ARG_PTR_TO_MEM | BV_MEM_FIXED_SIZE,
			BV_ARG_PTR_TO_MEM | BV_MEM_FIXED_SIZE },
	  .arg_size = { 40, 20 }),
	P(get_socket_uid, .ret_type = INT, .arg_type = { CTX }),
	/* sockmap, sockhash, reuseport */
	P(sock_map_update, .pkt_access = 1, .ret_type = INT, .arg_type = { CTX, MAP, KEY, ANY }),
	P(sock_hash_update, .pkt_access = 1, .ret_type = INT, .arg_type = { CTX, MAP, KEY, ANY }),
	P(sk_redirect_map, .ret_type = INT, .arg_type = { CTX, MAP, ANY, ANY }),
	P(sk_redirect_hash, .ret_type = INT, .arg_type = { CTX, MAP, KEY, ANY }),
	P(msg_redirect_map, .ret_type = INT, .arg_type = { CTX, MAP, ANY, ANY }),
	P(msg_redirect_hash, .ret_type = INT, .arg_type = { CTX, MAP, KEY, ANY }),
	P(sk_select_reuseport, .ret_type = INT, .arg_type = { CTX, MAP, KEY, ANY }),
	/* sk_msg */
	P(msg_apply_bytes, .ret_type = INT, .arg_type = { CTX, ANY }),
	P(msg_cork_bytes, .ret_type = INT, .arg_type = { CTX, ANY }),
	P(msg_pull_data, .changes_pkt_data = 1, .ret_type = INT, .arg_type = { CTX, ANY, ANY, ANY }),
	P(msg_push_data, .changes_pkt_data = 1, .ret_type = INT, .arg_type = { CTX, ANY, ANY, ANY }),
	P(msg_pop_data, .changes_pkt_data = 1, .ret_type = INT, .arg_type = { CTX, ANY, ANY, ANY }),
	/* sockops */
	P(sock_ops_cb_flags_set, .ret_type = INT, .arg_type = { CTX, ANY }),
	P(load_hdr_opt, .ret_type = INT,
	  .arg_type = { CTX, BV_ARG_PTR_TO_MEM | BV_MEM_WRITE, SIZE, ANY }),
	P(store_hdr_opt, .ret_type = INT, .arg_type = { CTX, RO_MEM, SIZE, ANY }),
	P(reserve_hdr_opt, .ret_type = INT, .arg_type = { CTX, ANY, ANY }),
	/* xdp */
	P(xdp_get_buff_len, .ret_type = INT, .arg_type = { CTX }),
};

/* Variants chosen by program type. */
static const struct bv_helper_proto socket_cookie_ctx =
	P(get_socket_cookie, .ret_type = INT, .arg_type = { CTX });
static const struct bv_helper_proto netns_cookie_ctx_or_null =
	P(get_netns_cookie, .ret_type = INT, .arg_type = { CTX | BV_PTR_MAYBE_NULL });
static const struct bv_helper_proto setsockopt_ctx =
	P(setsockopt, .ret_type = INT, .arg_type = { CTX, ANY, ANY, RO_MEM, SIZE });
static const struct bv_helper_proto getsockopt_ctx =
	P(getsockopt, .ret_type = INT, .arg_type = { CTX, ANY, ANY, UNINIT_MEM, SIZE });
static const struct bv_helper_proto sk_storage_get_skc =
	P(sk_storage_get, .ret_type = BV_RET_PTR_TO_MAP_VALUE | BV_PTR_MAYBE_NULL,
	  .arg_type = { MAP, SKC, BV_ARG_PTR_TO_MAP_VALUE | BV_PTR_MAYBE_NULL, ANY });
static const struct bv_helper_proto sk_storage_delete_skc =
	P(sk_storage_delete, .ret_type = INT, .arg_type = { MAP, SKC });
static const struct bv_helper_proto cgroup_classid_skb =
	P(get_cgroup_classid, .ret_type = INT, .arg_type = { CTX });
static const struct bv_helper_proto sk_assign_tc =
	P(sk_assign, .ret_type = INT, .arg_type = { CTX, SKC, ANY });

/* Program types whose context is a socket-level object the cookie/storage
 * helpers take as ARG_PTR_TO_CTX or a sock_common pointer (not tracing). */
static bool networking(uint32_t t)
{
	switch (t) {
	case BV_PROG_TYPE_SOCKET_FILTER:
	case BV_PROG_TYPE_SCHED_CLS:
	case BV_PROG_TYPE_SCHED_ACT:
	case BV_PROG_TYPE_XDP:
	case BV_PROG_TYPE_CGROUP_SKB:
	case BV_PROG_TYPE_LWT_IN:
	case BV_PROG_TYPE_LWT_OUT:
	case BV_PROG_TYPE_LWT_XMIT:
	case BV_PROG_TYPE_LWT_SEG6LOCAL:
	case BV_PROG_TYPE_SOCK_OPS:
	case BV_PROG_TYPE_SK_SKB:
	case BV_PROG_TYPE_SK_MSG:
	case BV_PROG_TYPE_SK_REUSEPORT:
	case BV_PROG_TYPE_FLOW_DISSECTOR:
		return true;
	default:
		return false;
	}
}

const struct bv_helper_proto *bvf_kb_net_proto(const struct bvf_kb_env *env, int32_t id)
{
	uint32_t t = env->prog_type;

	if (!networking(t))
		return NULL;
	switch (id) {
	case BPF_FUNC_get_socket_cookie:
		return &socket_cookie_ctx;
	case BPF_FUNC_get_netns_cookie:
		return t == BV_PROG_TYPE_SOCK_OPS || t == BV_PROG_TYPE_SK_MSG ?
			&netns_cookie_ctx_or_null : NULL;
	case BPF_FUNC_setsockopt:
		return t == BV_PROG_TYPE_SOCK_OPS ? &setsockopt_ctx : NULL;
	case BPF_FUNC_getsockopt:
		return t == BV_PROG_TYPE_SOCK_OPS ? &getsockopt_ctx : NULL;
	case BPF_FUNC_sk_storage_get:
		return &sk_storage_get_skc;
	case BPF_FUNC_sk_storage_delete:
		return &sk_storage_delete_skc;
	case BPF_FUNC_get_cgroup_classid:
		/* the lwt types get the skb variant; the rest the current
		 * task's (bpf_base_func_proto: not modelled here) */
		return t >= BV_PROG_TYPE_LWT_IN && t <= BV_PROG_TYPE_LWT_XMIT ?
			&cgroup_classid_skb : t == BV_PROG_TYPE_LWT_SEG6LOCAL ?
			&cgroup_classid_skb : NULL;
	case BPF_FUNC_sk_assign:
		return t == BV_PROG_TYPE_SCHED_CLS || t == BV_PROG_TYPE_SCHED_ACT ?
			&sk_assign_tc : NULL;
	default:
		break;
	}
	for (size_t i = 0; i < ARRAY_LEN(common); i++)
		if (common[i].func_id == id)
			return &common[i];
	return NULL;
}

static const struct bv_helper_proto check_mtu_uninit =
	P(check_mtu, .gpl_only = 1, .ret_type = INT,
	  .arg_type = { CTX, ANY, BV_ARG_PTR_TO_MEM | BV_MEM_FIXED_SIZE | BV_MEM_UNINIT |
			BV_MEM_WRITE | BV_MEM_ALIGNED, ANY, ANY },
	  .arg_size = { 0, 0, 4 });

const struct bv_helper_proto *bvf_kb_check_mtu_uninit(void)
{
	return &check_mtu_uninit;
}
