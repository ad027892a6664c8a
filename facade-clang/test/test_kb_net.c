/* test_kb_net.c — the knowledge base of the socket-level program types
 * (kb_net.c, kb_protos_net.c): context rules per type (each case a
 * kernel verdict observed on 6.18 with the corpus in test/corpus/sock/ or
 * read from net/core/filter.c), socket structure loads, helper
 * availability chains and prototypes, may_update_sockmap. */
#include <errno.h>
#include <stddef.h>

#include <linux/bpf.h>

#include "kb.h"
#include "kb_net.h"

#include "harness.h"

static struct bvf_kb_env env_of(uint32_t type, uint32_t attach)
{
	struct bvf_kb_env e = { .prog_type = type, .attach_type = attach,
				.bpf_capable = true, .perfmon_capable = true };
	return e;
}

static bool ctx(uint32_t type, int32_t off, uint32_t size, enum bv_access a,
		struct bv_ctx_access_info *info)
{
	struct bvf_kb_env e = env_of(type, 0);
	struct bv_ctx_access_info dummy;

	return bvf_kb_ctx_access(&e, off, size, a, info ? info : &dummy);
}

static void test_ctx(void)
{
	struct bv_ctx_access_info info;

	/* sockops: reply and sk_txhash writable, nothing else */
	CHECK(ctx(BV_PROG_TYPE_SOCK_OPS, offsetof(struct bpf_sock_ops, reply), 4, BV_WRITE, NULL),
	      "sockops reply is writable");
	CHECK(ctx(BV_PROG_TYPE_SOCK_OPS, offsetof(struct bpf_sock_ops, sk_txhash), 4, BV_WRITE,
		  NULL), "sockops sk_txhash is writable");
	CHECK(!ctx(BV_PROG_TYPE_SOCK_OPS, offsetof(struct bpf_sock_ops, remote_port), 4,
		   BV_WRITE, NULL), "observed: remote_port store refused (off=64)");
	CHECK(!ctx(BV_PROG_TYPE_SOCK_OPS, offsetof(struct bpf_sock_ops, bytes_acked), 4, BV_READ,
		   NULL), "observed: 32-bit read of bytes_acked refused (off=176)");
	CHECK(ctx(BV_PROG_TYPE_SOCK_OPS, offsetof(struct bpf_sock_ops, bytes_acked), 8, BV_READ,
		  NULL), "bytes_acked read whole");
	CHECK(ctx(BV_PROG_TYPE_SOCK_OPS, offsetof(struct bpf_sock_ops, sk), 8, BV_READ, &info) &&
	      info.reg_type == (BV_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL), "skops->sk: sock_or_null");
	CHECK(ctx(BV_PROG_TYPE_SOCK_OPS, offsetof(struct bpf_sock_ops, skb_data), 8, BV_READ,
		  &info) && info.reg_type == BV_PTR_TO_PACKET, "skb_data: packet");
	CHECK(ctx(BV_PROG_TYPE_SOCK_OPS, offsetof(struct bpf_sock_ops, skb_tcp_flags), 1,
		  BV_READ, &info) && info.ctx_field_size == 4, "skb_tcp_flags narrows");
	CHECK(!ctx(BV_PROG_TYPE_SOCK_OPS, offsetof(struct bpf_sock_ops, op), 2, BV_READ, NULL),
	      "op does not narrow");
	/* sk_skb: mark never, tc_index writable, packet pointers */
	CHECK(!ctx(BV_PROG_TYPE_SK_SKB, offsetof(struct __sk_buff, mark), 4, BV_READ, NULL),
	      "observed: sk_skb reads of mark refused (off=8)");
	CHECK(ctx(BV_PROG_TYPE_SK_SKB, offsetof(struct __sk_buff, tc_index), 4, BV_WRITE, NULL),
	      "sk_skb tc_index writable");
	CHECK(ctx(BV_PROG_TYPE_SK_SKB, offsetof(struct __sk_buff, data_end), 4, BV_READ, &info) &&
	      info.reg_type == BV_PTR_TO_PACKET_END, "sk_skb data_end");
	CHECK(ctx(BV_PROG_TYPE_SK_SKB, offsetof(struct __sk_buff, remote_port), 4, BV_READ, NULL),
	      "sk_skb reads socket fields");
	/* lwt: no socket fields, mark writable */
	CHECK(!ctx(BV_PROG_TYPE_LWT_XMIT, offsetof(struct __sk_buff, family), 4, BV_READ, NULL),
	      "lwt: family refused");
	CHECK(ctx(BV_PROG_TYPE_LWT_XMIT, offsetof(struct __sk_buff, mark), 4, BV_WRITE, NULL),
	      "lwt: mark writable");
	CHECK(ctx(BV_PROG_TYPE_LWT_IN, offsetof(struct __sk_buff, len), 2, BV_READ, &info) &&
	      info.ctx_field_size == 4, "lwt: len narrows");
	/* flow dissector: only data, data_end, flow_keys */
	CHECK(!ctx(BV_PROG_TYPE_FLOW_DISSECTOR, offsetof(struct __sk_buff, mark), 4, BV_READ,
		   NULL), "observed: flow_dissector mark refused (off=8)");
	CHECK(ctx(BV_PROG_TYPE_FLOW_DISSECTOR, offsetof(struct __sk_buff, flow_keys), 8, BV_READ,
		  &info) && info.reg_type == BV_PTR_TO_FLOW_KEYS, "flow_keys pointer");
	/* sk_msg: read-only, sk is a socket */
	CHECK(!ctx(BV_PROG_TYPE_SK_MSG, offsetof(struct sk_msg_md, size), 4, BV_WRITE, NULL),
	      "sk_msg read-only");
	CHECK(ctx(BV_PROG_TYPE_SK_MSG, offsetof(struct sk_msg_md, sk), 8, BV_READ, &info) &&
	      info.reg_type == BV_PTR_TO_SOCKET, "msg->sk: sock");
	CHECK(!ctx(BV_PROG_TYPE_SK_MSG, offsetof(struct sk_msg_md, local_port), 2, BV_READ, NULL),
	      "sk_msg: no narrow loads");
	/* sk_reuseport */
	CHECK(!ctx(BV_PROG_TYPE_SK_REUSEPORT, offsetof(struct sk_reuseport_md, hash), 4, BV_WRITE,
		   NULL), "observed: hash store refused (off=32)");
	CHECK(ctx(BV_PROG_TYPE_SK_REUSEPORT, offsetof(struct sk_reuseport_md, migrating_sk), 8,
		  BV_READ, &info) && info.reg_type == (BV_PTR_TO_SOCK_COMMON | BV_PTR_MAYBE_NULL),
	      "migrating_sk: sock_common_or_null");
	CHECK(!ctx(BV_PROG_TYPE_SK_REUSEPORT, offsetof(struct sk_reuseport_md, eth_protocol), 1,
		   BV_READ, NULL), "eth_protocol: not below 2 bytes");
	CHECK(ctx(BV_PROG_TYPE_SK_REUSEPORT, offsetof(struct sk_reuseport_md, eth_protocol), 2,
		  BV_READ, NULL), "eth_protocol: 2 bytes");
	CHECK(bvf_kb_ctx_size(BV_PROG_TYPE_SK_MSG) == sizeof(struct sk_msg_md), "sk_msg size");
}

static void test_sock_structs(void)
{
	struct bv_ctx_access_info info;

	CHECK(bvf_kb_net_ptr_struct_access(BV_PTR_TO_SOCKET, offsetof(struct bpf_sock, state), 4,
					   BV_READ, &info), "sock state");
	CHECK(bvf_kb_net_ptr_struct_access(BV_PTR_TO_SOCKET, offsetof(struct bpf_sock, dst_port),
					   2, BV_READ, &info) && info.ctx_field_size == 2,
	      "dst_port as a 16-bit field");
	CHECK(!bvf_kb_net_ptr_struct_access(BV_PTR_TO_SOCKET,
					    offsetof(struct bpf_sock, dst_port) + 2, 2, BV_READ,
					    &info), "the padding after dst_port");
	CHECK(!bvf_kb_net_ptr_struct_access(BV_PTR_TO_SOCK_COMMON,
					    offsetof(struct bpf_sock, type), 4, BV_READ, &info),
	      "sock_common has no type");
	CHECK(bvf_kb_net_ptr_struct_access(BV_PTR_TO_SOCKET, offsetof(struct bpf_sock, type), 4,
					   BV_READ, &info), "a full socket has");
	CHECK(!bvf_kb_net_ptr_struct_access(BV_PTR_TO_TCP_SOCK, 0, 2, BV_READ, &info),
	      "observed: tcp_sock narrow read refused (off=0 size=2)");
	CHECK(bvf_kb_net_ptr_struct_access(BV_PTR_TO_TCP_SOCK,
					   offsetof(struct bpf_tcp_sock, bytes_acked), 8, BV_READ,
					   &info), "tcp_sock bytes_acked");
	CHECK(!bvf_kb_net_ptr_struct_access(BV_PTR_TO_FLOW_KEYS, sizeof(struct bpf_flow_keys), 4,
					    BV_WRITE, NULL), "observed: flow keys off=56 refused");
	CHECK(bvf_kb_net_ptr_struct_access(BV_PTR_TO_FLOW_KEYS, 0, 2, BV_WRITE, NULL),
	      "flow keys writable");
}

static void test_helpers(void)
{
	struct bvf_kb_env e = env_of(BV_PROG_TYPE_SOCK_OPS, BPF_CGROUP_SOCK_OPS);
	const struct bv_helper_proto *p;

	CHECK(bvf_kb_helper(&e, BPF_FUNC_sock_hash_update, &p) == 0 && p->acquires_ref == 0,
	      "sockops: sock_hash_update");
	CHECK(bvf_kb_helper(&e, BPF_FUNC_msg_redirect_hash, &p) == -EPERM,
	      "sockops: no msg_redirect_hash");
	CHECK(bvf_kb_helper(&e, BPF_FUNC_ktime_get_coarse_ns, &p) == 0,
	      "sockops: bpf_sk_base_func_proto");
	e = env_of(BV_PROG_TYPE_SK_REUSEPORT, BPF_SK_REUSEPORT_SELECT);
	CHECK(bvf_kb_helper(&e, BPF_FUNC_sk_select_reuseport, &p) == 0, "sk_select_reuseport");
	CHECK(bvf_kb_helper(&e, BPF_FUNC_skc_to_tcp_sock, &p) == -EPERM,
	      "sk_reuseport skips bpf_sk_base_func_proto");
	e = env_of(BV_PROG_TYPE_LWT_OUT, 0);
	CHECK(bvf_kb_helper(&e, BPF_FUNC_skb_get_tunnel_key, &p) == -EPERM,
	      "lwt_out: no tunnel helpers");
	e = env_of(BV_PROG_TYPE_LWT_XMIT, 0);
	CHECK(bvf_kb_helper(&e, BPF_FUNC_skb_get_tunnel_key, &p) == 0, "lwt_xmit: tunnel key");
	CHECK(bvf_kb_helper(&e, BPF_FUNC_skb_pull_data, &p) == 0 && p->changes_pkt_data,
	      "lwt_xmit: skb_pull_data from lwt_out");
	e = env_of(BV_PROG_TYPE_SCHED_CLS, 0);
	CHECK(bvf_kb_helper(&e, BPF_FUNC_sk_lookup_tcp, &p) == 0 && p->acquires_ref &&
	      p->ret_type == (BV_RET_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL), "sk_lookup_tcp");
	CHECK(bvf_kb_helper(&e, BPF_FUNC_sk_release, &p) == 0 &&
	      (p->arg_type[0] & BV_OBJ_RELEASE), "sk_release releases");
	CHECK(bvf_kb_helper(&e, BPF_FUNC_check_mtu, &p) == 0 && p->arg_size[2] == 4 &&
	      (p->arg_type[2] & BV_MEM_ALIGNED) && !(p->arg_type[2] & BV_MEM_UNINIT),
	      "check_mtu: an aligned u32, read and written (6.12+)");
	p = bvf_kb_check_mtu_uninit();
	CHECK(p && (p->arg_type[2] & BV_MEM_UNINIT) && (p->arg_type[2] & BV_MEM_ALIGNED),
	      "check_mtu on 6.1: MEM_UNINIT");
	e = env_of(BV_PROG_TYPE_KPROBE, 0);
	CHECK(bvf_kb_net_proto(&e, BPF_FUNC_sk_storage_get) == NULL,
	      "tracing's sk_storage_get variant is not this one");
}

static void test_sockmap_updates(void)
{
	struct bvf_kb_env e = env_of(BV_PROG_TYPE_RAW_TRACEPOINT, 0);

	CHECK(!bvf_kb_net_may_update_sockmap(&e, BPF_FUNC_map_delete_elem),
	      "observed: raw_tp may not delete");
	e = env_of(BV_PROG_TYPE_SK_SKB, BPF_SK_SKB_STREAM_VERDICT);
	CHECK(!bvf_kb_net_may_update_sockmap(&e, BPF_FUNC_map_delete_elem),
	      "observed: sk_skb may not delete");
	e = env_of(BV_PROG_TYPE_SOCK_OPS, BPF_CGROUP_SOCK_OPS);
	CHECK(bvf_kb_net_may_update_sockmap(&e, BPF_FUNC_map_delete_elem), "sockops deletes");
	CHECK(!bvf_kb_net_may_update_sockmap(&e, BPF_FUNC_map_update_elem),
	      "sockops does not update");
	e = env_of(BV_PROG_TYPE_SCHED_CLS, 0);
	CHECK(bvf_kb_net_may_update_sockmap(&e, BPF_FUNC_map_update_elem), "tc updates");
}

int main(void)
{
	test_ctx();
	test_sock_structs();
	test_helpers();
	test_sockmap_updates();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
