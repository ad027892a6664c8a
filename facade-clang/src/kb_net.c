/* kb_net.c — socket-level networking program types and networking helper
 * prototypes, as Linux 6.18 defines them (facts from net/core/filter.c,
 * net/core/sock_map.c, net/core/bpf_sk_storage.c, kernel/bpf/verifier.c;
 * checked against the live 6.18 kernel and Debian's 6.12 and 6.1 with the
 * corpus in test/corpus/sock/).
 *
 * Program types: sockops (struct bpf_sock_ops), sk_skb, flow_dissector
 * and lwt_* (struct __sk_buff with their own rules), sk_msg (struct
 * sk_msg_md), sk_reuseport (struct sk_reuseport_md). For each: which
 * bytes of the context may be read or written, with which sizes, what a
 * read yields; which helpers its get_func_proto offers before falling
 * back to the shared levels; the return range.
 *
 * Context rules are written as one function per structure, because the
 * kernel's rules for them are not uniform tables (u64 fields, pointer
 * fields, per-field narrowing).
 */
#include <stddef.h>
#include <stdint.h>

#include <linux/bpf.h>

#include "kb_net.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- context layouts ----
 * struct bpf_sock_ops grew skb_hwtstamp (u64 at 216) after 6.1; the
 * installed UAPI header may predate it, so the model's size is spelled out. */
#define SOCK_OPS_SKB_HWTSTAMP 216
#define SOCK_OPS_SIZE 224

#define SKB(f) offsetof(struct __sk_buff, f)
#define SKB_SZ(f) sizeof(((struct __sk_buff *)0)->f)
#define OPS(f) offsetof(struct bpf_sock_ops, f)
#define MSG(f) offsetof(struct sk_msg_md, f)
#define RP(f) offsetof(struct sk_reuseport_md, f)

/* Does [off, off+size) start inside field [f, f+fsz)? (The kernel's
 * bpf_ctx_range: the case matches any offset inside the field.) */
static bool in(int32_t off, size_t f, size_t fsz)
{
	return (size_t)off >= f && (size_t)off < f + fsz;
}

/* bpf_ctx_narrow_access_ok: a power-of-two part of a u32 field. */
static bool narrow_ok(int32_t off, uint32_t size, uint32_t field, struct bv_ctx_access_info *info)
{
	if (info)
		info->ctx_field_size = field;
	return size <= field && (off % field) + size <= field;
}

static void yields(struct bv_ctx_access_info *info, bv_reg_type t)
{
	if (info)
		info->reg_type = t;
}

/* The rules every __sk_buff program type shares (bpf_skb_is_valid_access). */
static bool skb_base(int32_t off, uint32_t size, enum bv_access t,
		     struct bv_ctx_access_info *info)
{
	if (in(off, SKB(cb), SKB_SZ(cb)))
		return off + size <= SKB(cb) + SKB_SZ(cb);
	if (in(off, SKB(data), 4) || in(off, SKB(data_meta), 4) || in(off, SKB(data_end), 4))
		return size == 4;
	if (in(off, SKB(remote_ip6), SKB_SZ(remote_ip6)) ||
	    in(off, SKB(local_ip6), SKB_SZ(local_ip6)) || in(off, SKB(remote_ip4), 4) ||
	    in(off, SKB(local_ip4), 4))
		return size == 4;
	if (in(off, SKB(flow_keys), 8))
		return false;
	if (in(off, SKB(hwtstamp), 8))
		return t == BV_READ && size == 8;
	if (in(off, SKB(tstamp), 8))
		return size == 8;
	if (in(off, SKB(sk), 8)) {
		yields(info, BV_PTR_TO_SOCK_COMMON | BV_PTR_MAYBE_NULL);
		return t == BV_READ && size == 8;
	}
	if ((size_t)off >= SKB(tstamp_type) && (size_t)off < SKB(hwtstamp))
		return false;  /* tstamp_type and the padding after it */
	if (t == BV_WRITE)
		return size == 4;
	return narrow_ok(off, size, 4, info);
}

static bool skb_packet_ptrs(int32_t off, struct bv_ctx_access_info *info)
{
	if (in(off, SKB(data), 4))
		yields(info, BV_PTR_TO_PACKET);
	else if (in(off, SKB(data_end), 4))
		yields(info, BV_PTR_TO_PACKET_END);
	return true;
}

/* sk_skb_is_valid_access */
static bool sk_skb_access(int32_t off, uint32_t size, enum bv_access t,
			  struct bv_ctx_access_info *info)
{
	if (in(off, SKB(tc_classid), 4) || in(off, SKB(data_meta), 4) ||
	    in(off, SKB(tstamp), 8) || in(off, SKB(wire_len), 4) || in(off, SKB(hwtstamp), 8) ||
	    in(off, SKB(mark), 4))
		return false;
	if (t == BV_WRITE && !in(off, SKB(tc_index), 4) && !in(off, SKB(priority), 4))
		return false;
	skb_packet_ptrs(off, info);
	return skb_base(off, size, t, info);
}

/* lwt_is_valid_access (lwt_in, lwt_out, lwt_xmit, lwt_seg6local) */
static bool lwt_access(int32_t off, uint32_t size, enum bv_access t,
		       struct bv_ctx_access_info *info)
{
	if (in(off, SKB(tc_classid), 4) || in(off, SKB(data_meta), 4) ||
	    in(off, SKB(tstamp), 8) || in(off, SKB(wire_len), 4) || in(off, SKB(hwtstamp), 8) ||
	    ((size_t)off >= SKB(family) && (size_t)off < SKB(local_port) + 4))
		return false;
	if (t == BV_WRITE && !in(off, SKB(mark), 4) && !in(off, SKB(priority), 4) &&
	    !in(off, SKB(cb), SKB_SZ(cb)))
		return false;
	skb_packet_ptrs(off, info);
	return skb_base(off, size, t, info);
}

/* flow_dissector_is_valid_access: data, data_end, flow_keys; read-only. */
static bool flow_dissector_access(int32_t off, uint32_t size, enum bv_access t,
				  struct bv_ctx_access_info *info)
{
	if (t == BV_WRITE)
		return false;
	if (in(off, SKB(data), 4)) {
		yields(info, BV_PTR_TO_PACKET);
		return size == 4;
	}
	if (in(off, SKB(data_end), 4)) {
		yields(info, BV_PTR_TO_PACKET_END);
		return size == 4;
	}
	if (in(off, SKB(flow_keys), 8)) {
		yields(info, BV_PTR_TO_FLOW_KEYS);
		return size == 8;
	}
	return false;
}

/* sock_ops_is_valid_access: only reply and sk_txhash are writable (whole
 * u32); bytes_received/bytes_acked and the pointers are read whole;
 * skb_tcp_flags may be narrowed; everything else is a whole u32. */
static bool sock_ops_access(int32_t off, uint32_t size, enum bv_access t,
			    struct bv_ctx_access_info *info)
{
	if (t == BV_WRITE)
		return ((size_t)off == OPS(reply) || (size_t)off == OPS(sk_txhash)) && size == 4;
	if ((size_t)off >= OPS(bytes_received) && (size_t)off < OPS(bytes_acked) + 8)
		return size == 8;
	if (in(off, OPS(sk), 8)) {
		yields(info, BV_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL);
		return size == 8;
	}
	if (in(off, OPS(skb_data), 8)) {
		yields(info, BV_PTR_TO_PACKET);
		return size == 8;
	}
	if (in(off, OPS(skb_data_end), 8)) {
		yields(info, BV_PTR_TO_PACKET_END);
		return size == 8;
	}
	if ((size_t)off == OPS(skb_tcp_flags))
		return narrow_ok(off, size, 4, info);
	if (in(off, SOCK_OPS_SKB_HWTSTAMP, 8))
		return size == 8;
	return size == 4;
}

/* sk_msg_is_valid_access: read-only; pointers whole, the rest whole u32. */
static bool sk_msg_access(int32_t off, uint32_t size, enum bv_access t,
			  struct bv_ctx_access_info *info)
{
	if (t == BV_WRITE)
		return false;
	if (in(off, MSG(data), 8)) {
		yields(info, BV_PTR_TO_PACKET);
		return size == 8;
	}
	if (in(off, MSG(data_end), 8)) {
		yields(info, BV_PTR_TO_PACKET_END);
		return size == 8;
	}
	if (in(off, MSG(sk), 8)) {
		yields(info, BV_PTR_TO_SOCKET);
		return size == 8;
	}
	if ((size_t)off >= MSG(family) && (size_t)off < MSG(size) + 4)
		return size == 4;
	return false;
}

/* sk_reuseport_is_valid_access: read-only; exact offsets. */
static bool sk_reuseport_access(int32_t off, uint32_t size, enum bv_access t,
				struct bv_ctx_access_info *info)
{
	if (t != BV_READ)
		return false;
	switch (off) {
	case RP(data):
		yields(info, BV_PTR_TO_PACKET);
		return size == 8;
	case RP(data_end):
		yields(info, BV_PTR_TO_PACKET_END);
		return size == 8;
	case RP(hash):
		return size == 4;
	case RP(sk):
		yields(info, BV_PTR_TO_SOCKET);
		return size == 8;
	case RP(migrating_sk):
		yields(info, BV_PTR_TO_SOCK_COMMON | BV_PTR_MAYBE_NULL);
		return size == 8;
	default:
		break;
	}
	if (in(off, RP(eth_protocol), 4) && size < 2)
		return false;
	if (in(off, RP(eth_protocol), 4) || in(off, RP(ip_protocol), 4) ||
	    in(off, RP(bind_inany), 4) || in(off, RP(len), 4))
		return narrow_ok(off, size, 4, info);
	return false;
}

const char *bvf_kb_net_ctx_struct(uint32_t prog_type)
{
	switch (prog_type) {
	case BV_PROG_TYPE_SOCK_OPS:
		return "bpf_sock_ops";
	case BV_PROG_TYPE_SK_MSG:
		return "sk_msg_md";
	case BV_PROG_TYPE_SK_REUSEPORT:
		return "sk_reuseport_md";
	default:
		return bvf_kb_net_ctx_size(prog_type) ? "__sk_buff" : NULL;
	}
}

bool bvf_kb_net_prog_type(uint32_t prog_type)
{
	return bvf_kb_net_ctx_size(prog_type) != 0;
}

uint32_t bvf_kb_net_ctx_size(uint32_t prog_type)
{
	switch (prog_type) {
	case BV_PROG_TYPE_SOCK_OPS:
		return SOCK_OPS_SIZE;
	case BV_PROG_TYPE_SK_SKB:
	case BV_PROG_TYPE_FLOW_DISSECTOR:
	case BV_PROG_TYPE_LWT_IN:
	case BV_PROG_TYPE_LWT_OUT:
	case BV_PROG_TYPE_LWT_XMIT:
	case BV_PROG_TYPE_LWT_SEG6LOCAL:
		return sizeof(struct __sk_buff);
	case BV_PROG_TYPE_SK_MSG:
		return sizeof(struct sk_msg_md);
	case BV_PROG_TYPE_SK_REUSEPORT:
		return sizeof(struct sk_reuseport_md);
	default:
		return 0;
	}
}

bool bvf_kb_net_ctx_access(const struct bvf_kb_env *env, int32_t off, uint32_t size,
			   enum bv_access access, struct bv_ctx_access_info *info)
{
	uint32_t ctx_size = bvf_kb_net_ctx_size(env->prog_type);

	if (ctx_size && env->ctx_size && env->ctx_size < ctx_size)
		ctx_size = env->ctx_size;  /* an older kernel's shorter structure */

	if (!ctx_size || off < 0 || (size != 1 && size != 2 && size != 4 && size != 8))
		return false;
	if ((uint32_t)off + size > ctx_size || off % size)
		return false;
	if (info) {
		info->reg_type = BV_SCALAR;
		info->ctx_field_size = 0;
		info->btf_id = 0;
		info->mem_size = 0;
	}
	switch (env->prog_type) {
	case BV_PROG_TYPE_SOCK_OPS:
		return sock_ops_access(off, size, access, info);
	case BV_PROG_TYPE_SK_SKB:
		return sk_skb_access(off, size, access, info);
	case BV_PROG_TYPE_FLOW_DISSECTOR:
		return flow_dissector_access(off, size, access, info);
	case BV_PROG_TYPE_SK_MSG:
		return sk_msg_access(off, size, access, info);
	case BV_PROG_TYPE_SK_REUSEPORT:
		return sk_reuseport_access(off, size, access, info);
	default:
		return lwt_access(off, size, access, info);
	}
}

/* check_return_code: of these types only sockops is checked, [0, 1]
 * (observed: 2 rejected on 6.18, 6.12 and 6.1). */
void bvf_kb_net_return_range(const struct bvf_kb_env *env, struct bv_retval_range *range)
{
	if (env->prog_type == BV_PROG_TYPE_SOCK_OPS) {
		range->enforce = true;
		range->minval = 0;
		range->maxval = 1;
	}
}

/* ---- availability: each type's own get_func_proto level ---- */
static const int32_t sock_ops_own[] = {
	BPF_FUNC_get_local_storage, /* cgroup_common_func_proto */
	BPF_FUNC_setsockopt, BPF_FUNC_getsockopt, BPF_FUNC_sock_ops_cb_flags_set,
	BPF_FUNC_sock_map_update, BPF_FUNC_sock_hash_update, BPF_FUNC_get_socket_cookie,
	BPF_FUNC_perf_event_output, BPF_FUNC_sk_storage_get, BPF_FUNC_sk_storage_delete,
	BPF_FUNC_get_netns_cookie, BPF_FUNC_load_hdr_opt, BPF_FUNC_store_hdr_opt,
	BPF_FUNC_reserve_hdr_opt, BPF_FUNC_tcp_sock,
};
static const int32_t sk_msg_own[] = {
	BPF_FUNC_msg_redirect_map, BPF_FUNC_msg_redirect_hash, BPF_FUNC_msg_apply_bytes,
	BPF_FUNC_msg_cork_bytes, BPF_FUNC_msg_pull_data, BPF_FUNC_msg_push_data,
	BPF_FUNC_msg_pop_data, BPF_FUNC_perf_event_output, BPF_FUNC_get_current_uid_gid,
	BPF_FUNC_sk_storage_get, BPF_FUNC_sk_storage_delete, BPF_FUNC_get_netns_cookie,
	BPF_FUNC_get_cgroup_classid,
};
static const int32_t sk_skb_own[] = {
	BPF_FUNC_skb_store_bytes, BPF_FUNC_skb_load_bytes, BPF_FUNC_skb_pull_data,
	BPF_FUNC_skb_change_tail, BPF_FUNC_skb_change_head, BPF_FUNC_skb_adjust_room,
	BPF_FUNC_get_socket_cookie, BPF_FUNC_get_socket_uid, BPF_FUNC_sk_redirect_map,
	BPF_FUNC_sk_redirect_hash, BPF_FUNC_perf_event_output, BPF_FUNC_sk_lookup_tcp,
	BPF_FUNC_sk_lookup_udp, BPF_FUNC_sk_release, BPF_FUNC_skc_lookup_tcp,
};
/* sk_reuseport_func_proto falls back to bpf_base_func_proto directly. */
static const int32_t sk_reuseport_own[] = {
	BPF_FUNC_sk_select_reuseport, BPF_FUNC_skb_load_bytes,
	BPF_FUNC_skb_load_bytes_relative, BPF_FUNC_get_socket_cookie,
	BPF_FUNC_ktime_get_coarse_ns,
};
static const int32_t flow_dissector_own[] = { BPF_FUNC_skb_load_bytes };
static const int32_t lwt_out_own[] = {
	BPF_FUNC_skb_load_bytes, BPF_FUNC_skb_pull_data, BPF_FUNC_csum_diff,
	BPF_FUNC_get_cgroup_classid, BPF_FUNC_get_route_realm, BPF_FUNC_get_hash_recalc,
	BPF_FUNC_perf_event_output, BPF_FUNC_get_smp_processor_id,
	BPF_FUNC_skb_under_cgroup,
};
static const int32_t lwt_in_own[] = { BPF_FUNC_lwt_push_encap };
static const int32_t lwt_xmit_own[] = {
	BPF_FUNC_skb_get_tunnel_key, BPF_FUNC_skb_set_tunnel_key,
	BPF_FUNC_skb_get_tunnel_opt, BPF_FUNC_skb_set_tunnel_opt, BPF_FUNC_redirect,
	BPF_FUNC_clone_redirect, BPF_FUNC_skb_change_tail, BPF_FUNC_skb_change_head,
	BPF_FUNC_skb_store_bytes, BPF_FUNC_csum_update, BPF_FUNC_csum_level,
	BPF_FUNC_l3_csum_replace, BPF_FUNC_l4_csum_replace, BPF_FUNC_set_hash_invalid,
	BPF_FUNC_lwt_push_encap,
};
/* lwt_seg6local_func_proto also offers lwt_seg6_store_bytes, _action and
 * _adjust_srh with CONFIG_IPV6_SEG6_BPF, which the live 6.18 build this
 * model was observed on lacks ("program of this type cannot use helper
 * bpf_lwt_seg6_action#76"); Debian's 6.12 and 6.1 have them (their
 * facts.json "available"). */
static const int32_t lwt_seg6local_own[] = { BPF_FUNC_skb_pull_data };

static bool listed(const int32_t *ids, size_t nr, int32_t id)
{
	for (size_t i = 0; i < nr; i++)
		if (ids[i] == id)
			return true;
	return false;
}

#define LISTED(arr, id) listed(arr, ARRAY_LEN(arr), id)

int bvf_kb_net_helper_listed(const struct bvf_kb_env *env, int32_t id, bool *sk_base)
{
	*sk_base = true;
	switch (env->prog_type) {
	case BV_PROG_TYPE_SOCK_OPS:
		return LISTED(sock_ops_own, id);
	case BV_PROG_TYPE_SK_MSG:
		return LISTED(sk_msg_own, id);
	case BV_PROG_TYPE_SK_SKB:
		return LISTED(sk_skb_own, id);
	case BV_PROG_TYPE_SK_REUSEPORT:
		*sk_base = false;
		return LISTED(sk_reuseport_own, id);
	case BV_PROG_TYPE_FLOW_DISSECTOR:
		return LISTED(flow_dissector_own, id);
	case BV_PROG_TYPE_LWT_OUT:
		return LISTED(lwt_out_own, id);
	case BV_PROG_TYPE_LWT_IN:
		return LISTED(lwt_in_own, id) || LISTED(lwt_out_own, id);
	case BV_PROG_TYPE_LWT_XMIT:
		return LISTED(lwt_xmit_own, id) || LISTED(lwt_out_own, id);
	case BV_PROG_TYPE_LWT_SEG6LOCAL:
		return LISTED(lwt_seg6local_own, id) || LISTED(lwt_out_own, id);
	default:
		return -1;
	}
}

/* may_update_sockmap (kernel/bpf/verifier.c) */
bool bvf_kb_net_may_update_sockmap(const struct bvf_kb_env *env, int32_t func_id)
{
	if (func_id != BPF_FUNC_map_update_elem && func_id != BPF_FUNC_map_delete_elem)
		return false;
	switch (env->prog_type) {
	case BV_PROG_TYPE_TRACING:
		return env->attach_type == BPF_TRACE_ITER;
	case BV_PROG_TYPE_SOCK_OPS:
		/* updates only through bpf_sock_map_update/bpf_sock_hash_update */
		return func_id == BPF_FUNC_map_delete_elem;
	case BV_PROG_TYPE_SOCKET_FILTER:
	case BV_PROG_TYPE_SCHED_CLS:
	case BV_PROG_TYPE_SCHED_ACT:
	case BV_PROG_TYPE_XDP:
	case BV_PROG_TYPE_SK_REUSEPORT:
	case BV_PROG_TYPE_FLOW_DISSECTOR:
	case BV_PROG_TYPE_SK_LOOKUP:
		return true;
	default:
		return false;
	}
}

/* ---- structures behind socket and flow-keys pointers ---- */
#define SK(f) offsetof(struct bpf_sock, f)
#define SK_SZ(f) sizeof(((struct bpf_sock *)0)->f)

/* bpf_sock_is_valid_access: whole u32 fields; the addresses and some
 * identity fields also narrow; dst_port is a 16-bit field that a whole
 * u32 load may read too; the padding after it is not readable. */
static bool bpf_sock_access(int32_t off, uint32_t size, struct bv_ctx_access_info *info)
{
	if ((size_t)off == SK(state) || (size_t)off == SK(family) || (size_t)off == SK(type) ||
	    (size_t)off == SK(protocol) || (size_t)off == SK(src_port) ||
	    (size_t)off == SK(rx_queue_mapping) || in(off, SK(src_ip4), 4) ||
	    in(off, SK(src_ip6), SK_SZ(src_ip6)) || in(off, SK(dst_ip4), 4) ||
	    in(off, SK(dst_ip6), SK_SZ(dst_ip6)))
		return narrow_ok(off, size, 4, info) && !(size & (size - 1));
	if (in(off, SK(dst_port), 2))
		return narrow_ok(off, size, size == 4 ? 4 : 2, info);
	if ((size_t)off >= SK(dst_port) + 2 && (size_t)off < SK(dst_ip4))
		return false;
	return size == 4;
}

bool bvf_kb_net_ptr_struct_access(bv_reg_type type, int32_t off, uint32_t size,
				  enum bv_access access, struct bv_ctx_access_info *info)
{
	if (info) {
		info->reg_type = BV_SCALAR;
		info->ctx_field_size = 0;
	}
	if (off < 0 || size == 0)
		return false;
	switch (type) {
	case BV_PTR_TO_FLOW_KEYS:
		return (uint64_t)off + size <= sizeof(struct bpf_flow_keys);
	case BV_PTR_TO_SOCK_COMMON:
		/* bpf_sock_common_is_valid_access: type .. priority are not
		 * in every socket */
		if ((size_t)off >= SK(type) && (size_t)off < SK(priority) + 4)
			return false;
		/* fallthrough */
	case BV_PTR_TO_SOCKET:
		if (access != BV_READ || (size_t)off >= sizeof(struct bpf_sock) || off % size)
			return false;
		return bpf_sock_access(off, size, info);
	case BV_PTR_TO_TCP_SOCK:
		/* bpf_tcp_sock_is_valid_access: u32 fields but two u64 counters */
		if (access != BV_READ ||
		    (size_t)off >= offsetof(struct bpf_tcp_sock, icsk_retransmits) + 4 || off % size)
			return false;
		if ((size_t)off == offsetof(struct bpf_tcp_sock, bytes_received) ||
		    (size_t)off == offsetof(struct bpf_tcp_sock, bytes_acked))
			return size == 8;
		return size == 4;
	case BV_PTR_TO_XDP_SOCK:
		/* bpf_xdp_sock_is_valid_access: queue_id only */
		return access == BV_READ && off == 0 && size == 4;
	default:
		return false;
	}
}
