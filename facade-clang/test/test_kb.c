/* test_kb.c — the knowledge base against facts observed on Linux 6.18:
 * helper availability per program type and capability, GPL flags,
 * context access rules (incl. the observed socket-filter skb->mark write),
 * map/helper compatibility, return ranges, and kernel profile opening.
 *
 * Expected values come from the live 6.18 kernel (root loads of every
 * helper id and every context offset/size, see kb_helpers.c and kb_ctx.c)
 * and from 6.18's sources for the unprivileged gates.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#include <bpf/libbpf.h>
#include <linux/bpf.h>

#include "bvf_internal.h"
#include "kb.h"
#include "kb_observed_6_18.h"

#include "harness.h"



static struct bvf_kb_env env_of(uint32_t prog_type, bool priv)
{
	struct bvf_kb_env e = { .prog_type = prog_type, .bpf_capable = priv,
				.perfmon_capable = priv };
	return e;
}

/* helper(type, id) with the expected return and, when set, the name. */
static void expect_helper(uint32_t type, bool priv, int32_t id, int want, const char *name)
{
	struct bvf_kb_env e = env_of(type, priv);
	const struct bv_helper_proto *p = (const void *)1;
	int r = bvf_kb_helper(&e, id, &p);

	CHECK(r == want, "type %u priv %d helper %d: got %d want %d", type, priv, id, r, want);
	if (want == -ENOENT) {
		CHECK(p == NULL, "helper %d: -ENOENT must clear *proto", id);
	} else {
		CHECK(p && p->name && (!name || strcmp(p->name, name) == 0),
		      "helper %d: name %s, want %s", id, p && p->name ? p->name : "(null)",
		      name ? name : "(any)");
		CHECK(p && p->func_id == id, "helper %d: func_id %d", id, p ? p->func_id : -1);
	}
}

static const struct bv_helper_proto *proto_of(uint32_t type, int32_t id)
{
	struct bvf_kb_env e = env_of(type, true);
	const struct bv_helper_proto *p = NULL;

	return bvf_kb_helper(&e, id, &p) == 0 ? p : NULL;
}

static void test_helpers(void)
{
	/* names */
	CHECK(strcmp(bvf_kb_helper_name(1), "bpf_map_lookup_elem") == 0, "name 1");
	CHECK(strcmp(bvf_kb_helper_name(BPF_FUNC_ktime_get_coarse_ns),
		     "bpf_ktime_get_coarse_ns") == 0, "name 160");
	CHECK(strcmp(bvf_kb_helper_name(211), "bpf_cgrp_storage_delete") == 0, "name 211");
	CHECK(bvf_kb_helper_name(0) == NULL && bvf_kb_helper_name(212) == NULL &&
	      bvf_kb_helper_name(-1) == NULL, "no name outside 1..211");
	for (int32_t id = 1; id <= BVF_KB_HELPER_ID_MAX; id++)
		CHECK(bvf_kb_helper_name(id) && strncmp(bvf_kb_helper_name(id), "bpf_", 4) == 0,
		      "name of %d", id);

	/* unknown ids: "invalid func unknown#212" on 6.18 */
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, true, 212, -ENOENT, NULL);
	expect_helper(BV_PROG_TYPE_KPROBE, true, 0, -ENOENT, NULL);
	expect_helper(BV_PROG_TYPE_XDP, true, -5, -ENOENT, NULL);

	/* socket filter: observed "program of this type cannot use helper
	 * bpf_skb_store_bytes#9" */
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, true, BPF_FUNC_map_lookup_elem, 0,
		      "bpf_map_lookup_elem");
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, true, BPF_FUNC_skb_store_bytes, -EPERM,
		      "bpf_skb_store_bytes");
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, true, BPF_FUNC_skb_load_bytes, 0,
		      "bpf_skb_load_bytes");
	/* available but not modelled: never a made-up prototype */
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, true, BPF_FUNC_check_mtu,
		      -EPERM, "bpf_check_mtu");
	expect_helper(BV_PROG_TYPE_SCHED_CLS, true, BPF_FUNC_check_mtu,
		      0, "bpf_check_mtu");
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, true, BPF_FUNC_ktime_get_coarse_ns, 0, NULL);
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, true, BPF_FUNC_probe_read, -EPERM,
		      "bpf_probe_read");
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, true, BPF_FUNC_get_stack, -EPERM, NULL);
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, true, BPF_FUNC_redirect, -EPERM, NULL);

	/* capability tiers of bpf_base_func_proto */
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, false, BPF_FUNC_map_lookup_elem, 0, NULL);
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, false, BPF_FUNC_ringbuf_output, 0, NULL);
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, true, BPF_FUNC_trace_printk, 0, NULL);
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, false, BPF_FUNC_trace_printk, -EPERM,
		      "bpf_trace_printk");
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, true, BPF_FUNC_loop, 0, NULL);
	expect_helper(BV_PROG_TYPE_SOCKET_FILTER, false, BPF_FUNC_loop, -EPERM, NULL);
	expect_helper(BV_PROG_TYPE_CGROUP_SKB, false, BPF_FUNC_jiffies64, -EPERM, NULL);
	expect_helper(BV_PROG_TYPE_CGROUP_SKB, true, BPF_FUNC_jiffies64, 0, NULL);
	{
		/* CAP_BPF without CAP_PERFMON: tier 2 yes, tier 3 no */
		struct bvf_kb_env e = { .prog_type = BV_PROG_TYPE_SOCKET_FILTER,
					.bpf_capable = true, .perfmon_capable = false };
		const struct bv_helper_proto *p;

		CHECK(bvf_kb_helper(&e, BPF_FUNC_get_current_cgroup_id, &p) == 0, "bpf tier");
		CHECK(bvf_kb_helper(&e, BPF_FUNC_get_current_comm, &p) == -EPERM, "perfmon tier");
		CHECK(bvf_kb_helper(&e, BPF_FUNC_probe_read_kernel, &p) == -EPERM, "perfmon tier");
		/* the socket casts of bpf_sk_base_func_proto need CAP_PERFMON only */
		CHECK(bvf_kb_helper(&e, BPF_FUNC_skc_to_tcp_sock, &p) == -EPERM, "sk_base gate");
		e.perfmon_capable = true;
		CHECK(bvf_kb_helper(&e, BPF_FUNC_skc_to_tcp_sock, &p) == 0 &&
		      p->ret_type == (BV_RET_PTR_TO_BTF_ID | BV_PTR_MAYBE_NULL),
		      "sk_base gate open");
		CHECK(bvf_kb_helper(&e, BPF_FUNC_get_current_comm, &p) == 0, "perfmon tier open");
	}

	/* tc, xdp, cgroup_skb */
	expect_helper(BV_PROG_TYPE_SCHED_CLS, true, BPF_FUNC_skb_store_bytes, 0, NULL);
	expect_helper(BV_PROG_TYPE_SCHED_ACT, true, BPF_FUNC_l3_csum_replace, 0, NULL);
	expect_helper(BV_PROG_TYPE_SCHED_CLS, true, BPF_FUNC_l4_csum_replace, 0, NULL);
	expect_helper(BV_PROG_TYPE_SCHED_CLS, true, BPF_FUNC_redirect, 0, NULL);
	expect_helper(BV_PROG_TYPE_SCHED_CLS, true, BPF_FUNC_csum_diff, 0, NULL);
	expect_helper(BV_PROG_TYPE_SCHED_CLS, true, BPF_FUNC_redirect_map, -EPERM, NULL);
	expect_helper(BV_PROG_TYPE_SCHED_CLS, true, BPF_FUNC_xdp_adjust_head, -EPERM, NULL);
	expect_helper(BV_PROG_TYPE_XDP, true, BPF_FUNC_xdp_adjust_head, 0, NULL);
	expect_helper(BV_PROG_TYPE_XDP, true, BPF_FUNC_xdp_adjust_tail, 0, NULL);
	expect_helper(BV_PROG_TYPE_XDP, true, BPF_FUNC_xdp_adjust_meta, 0, NULL);
	expect_helper(BV_PROG_TYPE_XDP, true, BPF_FUNC_redirect_map, 0, NULL);
	expect_helper(BV_PROG_TYPE_XDP, true, BPF_FUNC_skb_load_bytes, -EPERM, NULL);
	expect_helper(BV_PROG_TYPE_XDP, true, BPF_FUNC_tail_call, 0, NULL);
	expect_helper(BV_PROG_TYPE_CGROUP_SKB, true, BPF_FUNC_skb_load_bytes, 0, NULL);
	expect_helper(BV_PROG_TYPE_CGROUP_SKB, true, BPF_FUNC_skb_store_bytes, -EPERM, NULL);
	expect_helper(BV_PROG_TYPE_CGROUP_SKB, true, BPF_FUNC_get_local_storage, 0,
		      "bpf_get_local_storage");
	/* strtol's result: fixed-size, written, naturally aligned */
	expect_helper(BV_PROG_TYPE_CGROUP_SKB, true, BPF_FUNC_strtol, 0, "bpf_strtol");

	/* tracing */
	expect_helper(BV_PROG_TYPE_KPROBE, true, BPF_FUNC_probe_read, 0, NULL);
	expect_helper(BV_PROG_TYPE_KPROBE, true, BPF_FUNC_probe_read_kernel, 0, NULL);
	expect_helper(BV_PROG_TYPE_KPROBE, true, BPF_FUNC_get_stackid, 0, NULL);
	expect_helper(BV_PROG_TYPE_KPROBE, true, BPF_FUNC_send_signal, 0, NULL);
	expect_helper(BV_PROG_TYPE_KPROBE, true, BPF_FUNC_ktime_get_coarse_ns, -EPERM, NULL);
	expect_helper(BV_PROG_TYPE_KPROBE, true, BPF_FUNC_skb_load_bytes, -EPERM, NULL);
	expect_helper(BV_PROG_TYPE_TRACEPOINT, true, BPF_FUNC_perf_event_output, 0, NULL);
	expect_helper(BV_PROG_TYPE_TRACEPOINT, true, BPF_FUNC_get_current_task, 0, NULL);
	expect_helper(BV_PROG_TYPE_RAW_TRACEPOINT, true, BPF_FUNC_get_stack, 0, NULL);
	expect_helper(BV_PROG_TYPE_PERF_EVENT, true, BPF_FUNC_perf_prog_read_value, 0, NULL);
	expect_helper(BV_PROG_TYPE_TRACEPOINT, true, BPF_FUNC_perf_prog_read_value,
		      -EPERM, "bpf_perf_prog_read_value");
	/* not modelled program type: nothing is available */
	expect_helper(BV_PROG_TYPE_STRUCT_OPS, true, BPF_FUNC_map_lookup_elem, -EPERM, NULL);

	/* GPL flags (observed with a non-GPL license) */
	const struct bv_helper_proto *p;

	p = proto_of(BV_PROG_TYPE_KPROBE, BPF_FUNC_probe_read);
	CHECK(p && p->gpl_only, "probe_read is GPL-only");
	p = proto_of(BV_PROG_TYPE_KPROBE, BPF_FUNC_trace_printk);
	CHECK(p && p->gpl_only, "trace_printk is GPL-only");
	p = proto_of(BV_PROG_TYPE_KPROBE, BPF_FUNC_map_lookup_elem);
	CHECK(p && !p->gpl_only && p->pkt_access, "map_lookup_elem: not GPL, pkt_access");
	p = proto_of(BV_PROG_TYPE_SOCKET_FILTER, BPF_FUNC_perf_event_output);
	CHECK(p && p->gpl_only, "skb perf_event_output is GPL-only");
	p = proto_of(BV_PROG_TYPE_KPROBE, BPF_FUNC_get_stackid);
	CHECK(p && p->gpl_only, "get_stackid (kprobe) is GPL-only");
	p = proto_of(BV_PROG_TYPE_PERF_EVENT, BPF_FUNC_get_stackid);
	CHECK(p && !p->gpl_only, "get_stackid (perf_event) is not GPL-only");
	p = proto_of(BV_PROG_TYPE_KPROBE, BPF_FUNC_get_current_pid_tgid);
	CHECK(p && !p->gpl_only && p->ret_type == BV_RET_INTEGER, "pid_tgid");
	p = proto_of(BV_PROG_TYPE_KPROBE, BPF_FUNC_get_current_task);
	CHECK(p && p->gpl_only, "get_current_task is GPL-only");
	p = proto_of(BV_PROG_TYPE_SCHED_CLS, BPF_FUNC_skb_store_bytes);
	CHECK(p && !p->gpl_only, "skb_store_bytes is not GPL-only");

	/* prototypes */
	p = proto_of(BV_PROG_TYPE_KPROBE, BPF_FUNC_map_lookup_elem);
	CHECK(p && p->ret_type == (BV_RET_PTR_TO_MAP_VALUE | BV_PTR_MAYBE_NULL) &&
	      p->arg_type[0] == BV_ARG_CONST_MAP_PTR && p->arg_type[1] == BV_ARG_PTR_TO_MAP_KEY &&
	      p->arg_type[2] == BV_ARG_DONTCARE, "map_lookup_elem proto");
	p = proto_of(BV_PROG_TYPE_KPROBE, BPF_FUNC_ringbuf_reserve);
	CHECK(p && BV_BASE_TYPE(p->ret_type) == BV_RET_PTR_TO_MEM &&
	      (p->ret_type & BV_MEM_RINGBUF) && (p->ret_type & BV_PTR_MAYBE_NULL) &&
	      p->arg_type[1] == BV_ARG_CONST_ALLOC_SIZE_OR_ZERO && p->acquires_ref,
	      "ringbuf_reserve proto");
	p = proto_of(BV_PROG_TYPE_KPROBE, BPF_FUNC_ringbuf_submit);
	CHECK(p && p->ret_type == BV_RET_VOID &&
	      p->arg_type[0] == (BV_ARG_PTR_TO_RINGBUF_MEM | BV_OBJ_RELEASE), "ringbuf_submit");
	p = proto_of(BV_PROG_TYPE_KPROBE, BPF_FUNC_probe_read_kernel);
	CHECK(p && BV_BASE_TYPE(p->arg_type[0]) == BV_ARG_PTR_TO_MEM &&
	      (p->arg_type[0] & BV_MEM_UNINIT) && p->arg_type[1] == BV_ARG_CONST_SIZE_OR_ZERO,
	      "probe_read_kernel proto");
	p = proto_of(BV_PROG_TYPE_KPROBE, BPF_FUNC_tail_call);
	CHECK(p && p->ret_type == BV_RET_VOID && p->arg_type[0] == BV_ARG_PTR_TO_CTX &&
	      p->arg_type[1] == BV_ARG_CONST_MAP_PTR && !p->changes_pkt_data, "tail_call");
	p = proto_of(BV_PROG_TYPE_KPROBE, BPF_FUNC_loop);
	CHECK(p && p->arg_type[1] == BV_ARG_PTR_TO_FUNC &&
	      p->arg_type[2] == (BV_ARG_PTR_TO_STACK | BV_PTR_MAYBE_NULL), "loop");

	/* bpf_helper_changes_pkt_data */
	p = proto_of(BV_PROG_TYPE_XDP, BPF_FUNC_xdp_adjust_head);
	CHECK(p && p->changes_pkt_data, "xdp_adjust_head changes packet data");
	p = proto_of(BV_PROG_TYPE_SCHED_CLS, BPF_FUNC_skb_store_bytes);
	CHECK(p && p->changes_pkt_data, "skb_store_bytes changes packet data");
	p = proto_of(BV_PROG_TYPE_SCHED_CLS, BPF_FUNC_l3_csum_replace);
	CHECK(p && p->changes_pkt_data, "l3_csum_replace changes packet data");
	p = proto_of(BV_PROG_TYPE_SCHED_CLS, BPF_FUNC_skb_load_bytes);
	CHECK(p && !p->changes_pkt_data, "skb_load_bytes does not");
	p = proto_of(BV_PROG_TYPE_SCHED_CLS, BPF_FUNC_csum_diff);
	CHECK(p && !p->changes_pkt_data && p->pkt_access, "csum_diff");
	{
		struct bvf_kb_env e = env_of(BV_PROG_TYPE_SCHED_CLS, true);

		CHECK(bvf_kb_helper(&e, BPF_FUNC_skb_pull_data, &p) == 0 &&
		      p->changes_pkt_data, "skb_pull_data changes packet data");
	}
}

static bool ctx(uint32_t type, uint32_t attach, bool priv, int32_t off, uint32_t size,
		enum bv_access a, struct bv_ctx_access_info *info)
{
	struct bvf_kb_env e = env_of(type, priv);
	struct bv_ctx_access_info scratch;

	e.attach_type = attach;
	return bvf_kb_ctx_access(&e, off, size, a, info ? info : &scratch);
}

static void test_ctx(void)
{
	struct bv_ctx_access_info i;
	const uint32_t SF = BV_PROG_TYPE_SOCKET_FILTER, TC = BV_PROG_TYPE_SCHED_CLS;
	const uint32_t CG = BV_PROG_TYPE_CGROUP_SKB, XDP = BV_PROG_TYPE_XDP;

	/* socket filter: observed "invalid bpf_context access off=8 size=4"
	 * for skb->mark = len, and off=0 for skb->len = 0 */
	CHECK(!ctx(SF, 0, true, 8, 4, BV_WRITE, NULL), "sf: skb->mark is read-only");
	CHECK(!ctx(SF, 0, true, 0, 4, BV_WRITE, NULL), "sf: skb->len is read-only");
	CHECK(ctx(SF, 0, true, 8, 4, BV_READ, &i) && i.reg_type == BV_SCALAR, "sf: read mark");
	CHECK(ctx(SF, 0, true, 48, 4, BV_WRITE, NULL), "sf: cb[0] writable");
	CHECK(ctx(SF, 0, true, 64, 4, BV_WRITE, NULL), "sf: cb[4] writable");
	CHECK(ctx(SF, 0, true, 56, 8, BV_WRITE, NULL), "sf: 8 bytes of cb");
	CHECK(!ctx(SF, 0, true, 64, 8, BV_WRITE, NULL), "sf: past cb[4]");
	CHECK(!ctx(SF, 0, true, 68, 4, BV_WRITE, NULL), "sf: hash read-only");
	CHECK(ctx(SF, 0, true, 3, 1, BV_READ, &i) && i.ctx_field_size == 4, "sf: narrow read");
	CHECK(ctx(SF, 0, true, 2, 2, BV_READ, NULL), "sf: narrow u16 read");
	CHECK(!ctx(SF, 0, true, 1, 2, BV_READ, NULL), "sf: misaligned");
	CHECK(!ctx(SF, 0, true, 0, 8, BV_READ, NULL), "sf: 8-byte read of u32");
	CHECK(!ctx(SF, 0, true, 76, 4, BV_READ, NULL), "sf: no skb->data");
	CHECK(!ctx(SF, 0, true, 72, 4, BV_READ, NULL), "sf: no tc_classid");
	CHECK(ctx(SF, 0, true, 168, 8, BV_READ, &i) &&
	      i.reg_type == (BV_PTR_TO_SOCK_COMMON | BV_PTR_MAYBE_NULL), "sf: skb->sk");
	CHECK(!ctx(SF, 0, true, 168, 4, BV_READ, NULL), "sf: skb->sk narrow");
	CHECK(!ctx(SF, 0, true, 192, 4, BV_READ, NULL), "sf: past the end");
	CHECK(!ctx(SF, 0, true, -4, 4, BV_READ, NULL), "sf: negative");

	/* tc */
	CHECK(ctx(TC, 0, true, 8, 4, BV_WRITE, NULL), "tc: mark writable");
	CHECK(!ctx(TC, 0, true, 8, 2, BV_WRITE, NULL), "tc: narrow write");
	CHECK(ctx(TC, 0, true, 32, 4, BV_WRITE, NULL), "tc: priority writable");
	CHECK(ctx(TC, 0, true, 72, 4, BV_WRITE, NULL), "tc: tc_classid writable");
	CHECK(!ctx(TC, 0, true, 0, 4, BV_WRITE, NULL), "tc: len read-only");
	CHECK(ctx(TC, 0, true, 76, 4, BV_READ, &i) && i.reg_type == BV_PTR_TO_PACKET, "tc: data");
	CHECK(ctx(TC, 0, true, 80, 4, BV_READ, &i) && i.reg_type == BV_PTR_TO_PACKET_END,
	      "tc: data_end");
	CHECK(ctx(TC, 0, true, 140, 4, BV_READ, &i) && i.reg_type == BV_PTR_TO_PACKET_META,
	      "tc: data_meta");
	CHECK(!ctx(TC, 0, true, 76, 2, BV_READ, NULL), "tc: narrow data");
	CHECK(!ctx(TC, 0, true, 76, 4, BV_WRITE, NULL), "tc: data read-only");
	CHECK(ctx(TC, 0, true, 152, 8, BV_WRITE, NULL), "tc: tstamp writable");
	CHECK(!ctx(BV_PROG_TYPE_SCHED_ACT, 0, true, 88, 4, BV_READ, NULL), "tc: no family");

	/* cgroup_skb */
	CHECK(ctx(CG, 0, true, 76, 4, BV_READ, &i) && i.reg_type == BV_PTR_TO_PACKET,
	      "cg: data with CAP_BPF");
	CHECK(!ctx(CG, 0, false, 76, 4, BV_READ, NULL), "cg: no data without CAP_BPF");
	CHECK(!ctx(CG, 0, false, 80, 4, BV_READ, NULL), "cg: no data_end without CAP_BPF");
	CHECK(!ctx(CG, 0, true, 140, 4, BV_READ, NULL), "cg: no data_meta");
	CHECK(ctx(CG, 0, true, 8, 4, BV_WRITE, NULL), "cg: mark writable");
	CHECK(!ctx(CG, 0, true, 44, 4, BV_WRITE, NULL), "cg: tc_index read-only");
	CHECK(ctx(CG, 0, true, 152, 8, BV_WRITE, NULL), "cg: tstamp with CAP_BPF");
	CHECK(!ctx(CG, 0, false, 152, 8, BV_WRITE, NULL), "cg: tstamp without CAP_BPF");
	CHECK(ctx(CG, 0, false, 152, 8, BV_READ, NULL), "cg: tstamp readable");
	CHECK(ctx(CG, 0, true, 92, 4, BV_READ, NULL) && !ctx(CG, 0, true, 92, 2, BV_READ, NULL),
	      "cg: remote_ip4 whole only");
	CHECK(ctx(CG, 0, true, 132, 2, BV_READ, NULL), "cg: remote_port narrow");

	/* xdp */
	CHECK(ctx(XDP, 0, true, 0, 4, BV_READ, &i) && i.reg_type == BV_PTR_TO_PACKET, "xdp data");
	CHECK(ctx(XDP, 0, true, 4, 4, BV_READ, &i) && i.reg_type == BV_PTR_TO_PACKET_END,
	      "xdp data_end");
	CHECK(ctx(XDP, 0, true, 8, 4, BV_READ, &i) && i.reg_type == BV_PTR_TO_PACKET_META,
	      "xdp data_meta");
	CHECK(ctx(XDP, 0, true, 12, 4, BV_READ, &i) && i.reg_type == BV_SCALAR, "xdp ifindex");
	CHECK(!ctx(XDP, 0, true, 12, 2, BV_READ, NULL), "xdp: no narrow reads");
	CHECK(!ctx(XDP, 0, true, 0, 4, BV_WRITE, NULL), "xdp: no writes");
	CHECK(!ctx(XDP, 0, true, 20, 4, BV_READ, NULL), "xdp: egress_ifindex needs devmap");
	CHECK(ctx(XDP, BPF_XDP_DEVMAP, true, 20, 4, BV_READ, NULL), "xdp devmap egress_ifindex");
	CHECK(!ctx(XDP, 0, true, 24, 4, BV_READ, NULL), "xdp: past the end");

	/* tracing */
	CHECK(ctx(BV_PROG_TYPE_KPROBE, 0, true, 160, 8, BV_READ, NULL), "kprobe: last reg");
	CHECK(ctx(BV_PROG_TYPE_KPROBE, 0, true, 4, 4, BV_READ, NULL), "kprobe: half reg");
	CHECK(!ctx(BV_PROG_TYPE_KPROBE, 0, true, 168, 8, BV_READ, NULL), "kprobe: past regs");
	CHECK(!ctx(BV_PROG_TYPE_KPROBE, 0, true, 4, 8, BV_READ, NULL), "kprobe: misaligned");
	CHECK(!ctx(BV_PROG_TYPE_KPROBE, 0, true, 0, 8, BV_WRITE, NULL), "kprobe: read-only");
	CHECK(!ctx(BV_PROG_TYPE_TRACEPOINT, 0, true, 0, 8, BV_READ, NULL), "tp: common fields");
	CHECK(ctx(BV_PROG_TYPE_TRACEPOINT, 0, true, 8, 8, BV_READ, NULL), "tp: first field");
	CHECK(ctx(BV_PROG_TYPE_TRACEPOINT, 0, true, 8184, 8, BV_READ, NULL), "tp: last u64");
	CHECK(!ctx(BV_PROG_TYPE_TRACEPOINT, 0, true, 8192, 1, BV_READ, NULL), "tp: past the end");
	CHECK(!ctx(BV_PROG_TYPE_TRACEPOINT, 0, true, 16, 8, BV_WRITE, NULL), "tp: read-only");
	CHECK(ctx(BV_PROG_TYPE_RAW_TRACEPOINT, 0, true, 88, 8, BV_READ, NULL), "raw_tp: arg 11");
	CHECK(!ctx(BV_PROG_TYPE_RAW_TRACEPOINT, 0, true, 96, 8, BV_READ, NULL), "raw_tp: arg 12");
	CHECK(!ctx(BV_PROG_TYPE_PERF_EVENT, 0, true, 0, 4, BV_READ, NULL), "pe: regs are longs");
	CHECK(ctx(BV_PROG_TYPE_PERF_EVENT, 0, true, 0, 8, BV_READ, NULL), "pe: regs");
	CHECK(ctx(BV_PROG_TYPE_PERF_EVENT, 0, true, 172, 4, BV_READ, &i) && i.ctx_field_size == 8,
	      "pe: sample_period narrow");
	CHECK(!ctx(BV_PROG_TYPE_PERF_EVENT, 0, true, 184, 8, BV_READ, NULL), "pe: past the end");

	/* unmodelled types have no rules */
	CHECK(!ctx(BV_PROG_TYPE_LSM, 0, true, 0, 8, BV_READ, NULL), "lsm: not modelled");

	CHECK(bvf_kb_ctx_size(SF) == 192 && bvf_kb_ctx_size(TC) == 192 &&
	      bvf_kb_ctx_size(CG) == 192, "__sk_buff is 192 bytes");
	CHECK(bvf_kb_ctx_size(XDP) == 24, "xdp_md is 24 bytes");
	CHECK(bvf_kb_ctx_size(BV_PROG_TYPE_KPROBE) == 168, "pt_regs is 168 bytes");
	CHECK(bvf_kb_ctx_size(BV_PROG_TYPE_TRACEPOINT) == 8192, "PERF_MAX_TRACE_SIZE");
	CHECK(bvf_kb_ctx_size(BV_PROG_TYPE_RAW_TRACEPOINT) == 96, "12 args");
	CHECK(bvf_kb_ctx_size(BV_PROG_TYPE_PERF_EVENT) == 184, "bpf_perf_event_data");
	CHECK(bvf_kb_ctx_size(BV_PROG_TYPE_LSM) == 0, "lsm: no size");
}

/* The whole recorded 6.18 answer set (kb_observed_6_18.h), privileged. */
static int hexdigit(char c)
{
	return c <= '9' ? c - '0' : c - 'a' + 10;
}

static const char *reg_name(bv_reg_type t)
{
	switch (BV_BASE_TYPE(t)) {
	case BV_SCALAR: return "scalar";
	case BV_PTR_TO_PACKET: return "pkt";
	case BV_PTR_TO_PACKET_END: return "pkt_end";
	case BV_PTR_TO_PACKET_META: return "pkt_meta";
	case BV_PTR_TO_SOCK_COMMON:
		return t & BV_PTR_MAYBE_NULL ? "sock_common_or_null" : "sock_common";
	default: return "?";
	}
}

static void test_observed(void)
{
	static const uint32_t sizes[4] = { 1, 2, 4, 8 };
	int ctx_bad = 0, reg_bad = 0, helper_bad = 0;

	for (size_t t = 0; t < sizeof(kb_obs_ctx) / sizeof(kb_obs_ctx[0]); t++) {
		const struct kb_obs_ctx *o = &kb_obs_ctx[t];
		struct bvf_kb_env e = env_of(o->prog_type, true);

		e.attach_type = o->attach_type;
		for (uint32_t off = 0; off < o->nr_offsets; off++) {
			int m = hexdigit(o->masks[2 * off]) << 4 | hexdigit(o->masks[2 * off + 1]);

			for (int b = 0; b < 8; b++) {
				struct bv_ctx_access_info i;
				uint32_t size = sizes[b & 3];
				bool want = m & (1 << b);
				bool got;

				if (off % size)
					continue;
				got = bvf_kb_ctx_access(&e, (int32_t)off, size,
							b < 4 ? BV_READ : BV_WRITE, &i);
				if (got != want && ++ctx_bad <= 10)
					printf("  type %u/%u off %u size %u %s: model %d, 6.18 %d\n",
					       o->prog_type, o->attach_type, off, size,
					       b < 4 ? "read" : "write", got, want);
				if (got && want && b < 4 && i.reg_type != BV_SCALAR) {
					bool listed = false;

					for (size_t r = 0; r < sizeof(kb_obs_regs) / sizeof(kb_obs_regs[0]); r++) {
						const struct kb_obs_reg *x = &kb_obs_regs[r];

						if (x->prog_type == o->prog_type &&
						    x->attach_type == o->attach_type &&
						    x->off == (int32_t)off && x->size == size)
							listed = strcmp(x->type, reg_name(i.reg_type)) == 0;
					}
					if (!listed && ++reg_bad <= 10)
						printf("  type %u off %u: model yields %s\n", o->prog_type,
						       off, reg_name(i.reg_type));
				}
			}
		}
	}
	for (size_t r = 0; r < sizeof(kb_obs_regs) / sizeof(kb_obs_regs[0]); r++) {
		const struct kb_obs_reg *x = &kb_obs_regs[r];
		struct bvf_kb_env e = env_of(x->prog_type, true);
		struct bv_ctx_access_info i;

		e.attach_type = x->attach_type;
		if (!bvf_kb_ctx_access(&e, x->off, x->size, BV_READ, &i) ||
		    strcmp(reg_name(i.reg_type), x->type) != 0) {
			if (++reg_bad <= 10)
				printf("  type %u off %d: 6.18 yields %s\n", x->prog_type, x->off, x->type);
		}
	}
	CHECK(ctx_bad == 0, "%d context answers differ from 6.18", ctx_bad);
	CHECK(reg_bad == 0, "%d context register types differ from 6.18", reg_bad);

	for (size_t t = 0; t < sizeof(kb_obs_helpers) / sizeof(kb_obs_helpers[0]); t++) {
		const struct kb_obs_helpers *o = &kb_obs_helpers[t];
		struct bvf_kb_env e = env_of(o->prog_type, true);

		for (int32_t id = 1; id <= 212; id++) {
			const struct bv_helper_proto *p;
			int r = bvf_kb_helper(&e, id, &p);
			bool want = o->available[id / 64] >> (id % 64) & 1;
			bool gpl = o->gpl_only[id / 64] >> (id % 64) & 1;
			bool got = r == 0 || r == -EOPNOTSUPP;

			if (got != want && ++helper_bad <= 10)
				printf("  type %u helper %d: model %d, 6.18 %s\n", o->prog_type, id, r,
				       want ? "available" : "unavailable");
			if (r == 0 && p->gpl_only != gpl && ++helper_bad <= 10)
				printf("  type %u %s: gpl_only %d, 6.18 %d\n", o->prog_type, p->name,
				       p->gpl_only, gpl);
		}
	}
	CHECK(helper_bad == 0, "%d helper answers differ from 6.18", helper_bad);
}

static void test_return_range(void)
{
	struct bvf_kb_env e = env_of(BV_PROG_TYPE_CGROUP_SKB, true);
	struct bv_retval_range r;

	e.attach_type = BPF_CGROUP_INET_INGRESS;
	bvf_kb_return_range(&e, &r);
	CHECK(r.enforce && r.minval == 0 && r.maxval == 1, "cgroup_skb ingress [0,1]");
	e.attach_type = BPF_CGROUP_INET_EGRESS;
	bvf_kb_return_range(&e, &r);
	CHECK(r.enforce && r.minval == 0 && r.maxval == 3, "cgroup_skb egress [0,3]");
	const uint32_t free_types[] = {
		BV_PROG_TYPE_SOCKET_FILTER, BV_PROG_TYPE_SCHED_CLS, BV_PROG_TYPE_SCHED_ACT,
		BV_PROG_TYPE_XDP, BV_PROG_TYPE_KPROBE, BV_PROG_TYPE_TRACEPOINT,
		BV_PROG_TYPE_RAW_TRACEPOINT, BV_PROG_TYPE_PERF_EVENT,
	};
	for (size_t i = 0; i < sizeof(free_types) / sizeof(free_types[0]); i++) {
		e = env_of(free_types[i], true);
		bvf_kb_return_range(&e, &r);
		CHECK(!r.enforce, "type %u: return value not checked", free_types[i]);
	}
}

static void test_map_compat(void)
{
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_RINGBUF, BPF_FUNC_map_lookup_elem) == -EINVAL,
	      "no lookup on a ringbuf");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_RINGBUF, BPF_FUNC_map_update_elem) == -EINVAL,
	      "no update on a ringbuf");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_RINGBUF, BPF_FUNC_ringbuf_output) == 0,
	      "ringbuf_output on a ringbuf");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_RINGBUF, BPF_FUNC_ringbuf_reserve) == 0,
	      "ringbuf_reserve on a ringbuf");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_HASH, BPF_FUNC_ringbuf_output) == -EINVAL,
	      "ringbuf_output needs a ringbuf");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_PERF_EVENT_ARRAY,
					   BPF_FUNC_perf_event_output) == 0, "perf array");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_HASH, BPF_FUNC_perf_event_output) == -EINVAL,
	      "perf_event_output needs a perf event array");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_PERF_EVENT_ARRAY,
					   BPF_FUNC_map_lookup_elem) == -EINVAL, "perf array lookup");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_PROG_ARRAY, BPF_FUNC_tail_call) == 0,
	      "tail_call on a prog array");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_ARRAY, BPF_FUNC_tail_call) == -EINVAL,
	      "tail_call needs a prog array");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_PROG_ARRAY, BPF_FUNC_map_lookup_elem) == -EINVAL,
	      "no lookup on a prog array");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_HASH, BPF_FUNC_map_lookup_elem) == 0,
	      "hash lookup");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_ARRAY, BPF_FUNC_map_update_elem) == 0,
	      "array update");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_ARRAY, BPF_FUNC_map_lookup_percpu_elem) == -EINVAL,
	      "percpu lookup needs a percpu map");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_PERCPU_ARRAY,
					   BPF_FUNC_map_lookup_percpu_elem) == 0, "percpu lookup");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_QUEUE, BPF_FUNC_map_lookup_elem) == -EINVAL,
	      "no lookup on a queue");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_QUEUE, BPF_FUNC_map_pop_elem) == 0, "queue pop");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_HASH, BPF_FUNC_map_push_elem) == -EINVAL,
	      "push needs a queue/stack/bloom filter");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_STACK_TRACE, BPF_FUNC_get_stackid) == 0,
	      "stackid");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_HASH, BPF_FUNC_get_stackid) == -EINVAL,
	      "stackid needs a stack trace map");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_DEVMAP, BPF_FUNC_redirect_map) == 0,
	      "redirect_map devmap");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_HASH, BPF_FUNC_redirect_map) == -EINVAL,
	      "redirect_map needs a redirect map");
	CHECK(bvf_kb_map_helper_compatible(BV_MAP_TYPE_CPUMAP, BPF_FUNC_map_lookup_elem) == -EINVAL,
	      "no lookup on a cpumap");
}

/* A db folder with one profile NAME whose files are given (NULL: absent). */
static void make_profile(const char *db, const char *name, const char *profile,
			 const char *facts, const void *btf, size_t btf_len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", db, name);
	mkdir(path, 0755);
	if (profile && (snprintf(path, sizeof(path), "%s/%s/profile.json", db, name),
			f = fopen(path, "w"))) {
		fputs(profile, f);
		fclose(f);
	}
	if (facts && (snprintf(path, sizeof(path), "%s/%s/facts.json", db, name),
		      f = fopen(path, "w"))) {
		fputs(facts, f);
		fclose(f);
	}
	if (btf && (snprintf(path, sizeof(path), "%s/%s/vmlinux.btf.zst", db, name),
		    f = fopen(path, "w"))) {
		fwrite(btf, 1, btf_len, f);
		fclose(f);
	}
}

/* Broken profiles are clear errors for that kernel, never a crash. */
static void test_broken_profiles(void)
{
	char db[] = "/tmp/bvf-test-db.XXXXXX", err[1024];
	struct bvf_kernel *k;
	const char *old = getenv("BPFVERIFY_DB");
	char *saved = old ? strdup(old) : NULL;

	if (!mkdtemp(db)) {
		CHECK(0, "mkdtemp");
		return;
	}
	setenv("BPFVERIFY_DB", db, 1);
	make_profile(db, "9.1", "{\"release\": \"9.1.0\"}", "{\"features\": [\"no-such\"]}",
		     NULL, 0);
	make_profile(db, "9.2", "{\"release\": \"9.2.0\"}", "{\"features\": []}",
		     "\x28\xb5\x2f\xfdjunk", 9);
	make_profile(db, "9.3", "not json", "{}", NULL, 0);
	make_profile(db, "9.4", "{\"release\": \"9.4.0\"}", NULL, NULL, 0);

	k = bvf_kernel_open("9.1", err, sizeof(err));
	CHECK(!k && strstr(err, "unknown verifier behaviour 'no-such'"), "unknown feature: %s", err);
	k = bvf_kernel_open("9.2", err, sizeof(err));
	CHECK(k != NULL, "9.2 opens (BTF is lazy): %s", err);
	CHECK(k && !bvf_kernel_btf(k, err, sizeof(err)) && strstr(err, "vmlinux.btf.zst"),
	      "corrupt BTF: %s", err);
	bvf_kernel_close(k);
	k = bvf_kernel_open("9.3", err, sizeof(err));
	CHECK(!k && strstr(err, "is broken") && strstr(err, "not a JSON object"),
	      "corrupt profile.json: %s", err);
	k = bvf_kernel_open("9.4", err, sizeof(err));
	CHECK(!k && strstr(err, "facts.json"), "missing facts: %s", err);

	if (saved) {
		setenv("BPFVERIFY_DB", saved, 1);
		free(saved);
	} else {
		unsetenv("BPFVERIFY_DB");
	}
	{
		char cmd[600];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", db);
		CHECK(system(cmd) == 0, "cleanup");
	}
}

/* A profile's helper facts: ids beyond the kernel's enum bpf_func_id are
 * unknown, and facts.json moves helpers in or out of a program type. */
static void test_helper_facts(void)
{
	struct bvf_kb_helper_facts h;
	struct bvf_kb_env e = env_of(BV_PROG_TYPE_SCHED_CLS, true);
	const struct bv_helper_proto *p;
	struct bvf_kernel *k;
	char err[512];

	memset(&h, 0, sizeof(h));
	h.nr_ids = 210;
	h.unavailable[BPF_FUNC_get_current_comm / 64] |= 1ull << (BPF_FUNC_get_current_comm % 64);
	h.available[BPF_FUNC_probe_read / 64] |= 1ull << (BPF_FUNC_probe_read % 64);
	e.helpers = &h;
	CHECK(bvf_kb_helper(&e, 210, &p) == -ENOENT, "id 210 unknown to a kernel of 210 ids");
	CHECK(bvf_kb_helper(&e, BPF_FUNC_get_current_comm, &p) == -EPERM,
	      "facts: get_current_comm unavailable");
	CHECK(bvf_kb_helper(&e, BPF_FUNC_probe_read, &p) == 0, "facts: probe_read available");
	CHECK(bvf_kb_helper(&e, BPF_FUNC_map_lookup_elem, &p) == 0, "facts: others unchanged");

	/* the shipped 6.1 profile: its BTF knows 210 ids (up to
	 * user_ringbuf_drain); tc programs have no get_current_pid_tgid */
	k = bvf_kernel_open("6.1", err, sizeof(err));
	CHECK(k && bvf_kb_helper_facts_load(k, BV_PROG_TYPE_SCHED_CLS, &h, err, sizeof(err)) == 0,
	      "6.1 helper facts: %s", err);
	CHECK(h.nr_ids == 210, "6.1 nr_ids %d", h.nr_ids);
	CHECK(h.unavailable[0] & (1ull << BPF_FUNC_get_current_pid_tgid), "6.1 tc pid_tgid");
	CHECK(!(h.unavailable[0] & (1ull << BPF_FUNC_map_lookup_elem)), "6.1 tc lookup");
	bvf_kernel_close(k);
	k = bvf_kernel_open("6.18", err, sizeof(err));
	CHECK(k && bvf_kb_helper_facts_load(k, BV_PROG_TYPE_SCHED_CLS, &h, err, sizeof(err)) == 0,
	      "6.18 helper facts: %s", err);
	CHECK(h.nr_ids > BVF_KB_HELPER_ID_MAX && !h.unavailable[0] && !h.available[0],
	      "6.18: the model's own kernel (%d ids)", h.nr_ids);
	bvf_kernel_close(k);
}

static void test_profiles(void)
{
	char err[512];
	struct bvf_kernel *k;
	struct stat st;

	CHECK(strcmp(bvf_kernel_default(), "6.18") == 0, "default profile");

	k = bvf_kernel_open("6.18", err, sizeof(err));
	CHECK(k && strcmp(bvf_kernel_name(k), "6.18") == 0, "open 6.18");
	CHECK(k && (bvf_kernel_version(k) >> 8) == (BV_KERNEL_VERSION(6, 18, 0) >> 8),
	      "6.18 version");
	CHECK(k && bvf_kernel_btf(k, err, sizeof(err)) != NULL, "6.18 BTF: %s", err);
	bvf_kernel_close(k);

	k = bvf_kernel_open(NULL, err, sizeof(err));
	CHECK(k && strcmp(bvf_kernel_name(k), "6.18") == 0, "NULL spec = default");
	bvf_kernel_close(k);

	/* the shipped profiles, offline: BTF from btf-db, whatever the host */
	k = bvf_kernel_open("6.1", err, sizeof(err));
	CHECK(k && strcmp(bvf_kernel_name(k), "6.1") == 0, "open 6.1: %s", err);
	CHECK(k && bvf_kernel_version(k) == BV_KERNEL_VERSION(6, 1, 0),
	      "6.1 version as libbpf derives it from 6.1.0-50-cloud-amd64");
	CHECK(k && strcmp(bvf_kernel_rules(k), "6.1") == 0, "6.1 rules");
	CHECK(k && bvf_kernel_btf(k, err, sizeof(err)) != NULL, "6.1 BTF: %s", err);
	bvf_kernel_close(k);
	k = bvf_kernel_open("6.12", err, sizeof(err));
	CHECK(k && (bvf_kernel_version(k) >> 8) == (BV_KERNEL_VERSION(6, 12, 0) >> 8), "open 6.12");
	bvf_kernel_close(k);

	err[0] = 0;
	k = bvf_kernel_open("5.4", err, sizeof(err));
	CHECK(!k && strcmp(err, "unknown kernel profile '5.4' (available: 6.1, 6.12, 6.18, host, "
			   "or a path to a BTF or vmlinux file)") == 0, "unknown: %s", err);

	err[0] = 0;
	k = bvf_kernel_open("/nonexistent/vmlinux", err, sizeof(err));
	CHECK(!k && strstr(err, "/nonexistent/vmlinux") && strstr(err, "cannot read BTF"),
	      "missing file: %s", err);

	k = bvf_kernel_open("host", err, sizeof(err));
	CHECK(k && strcmp(bvf_kernel_name(k), "host") == 0, "host");
	{
		struct utsname u;
		unsigned a, b;

		if (k && uname(&u) == 0 && sscanf(u.release, "%u.%u", &a, &b) == 2)
			CHECK((bvf_kernel_version(k) >> 8) == ((a << 8) | b),
			      "host version %x from %s", bvf_kernel_version(k), u.release);
	}
	bvf_kernel_close(k);

	if (stat("/sys/kernel/btf/vmlinux", &st) == 0) {
		k = bvf_kernel_open("/sys/kernel/btf/vmlinux", err, sizeof(err));
		CHECK(k && strcmp(bvf_kernel_name(k), "vmlinux") == 0, "path profile: %s", err);
		CHECK(k && bvf_kernel_btf(k, err, sizeof(err)) != NULL, "path BTF");
		CHECK(k && strcmp(bvf_kernel_rules(k), bvf_kernel_default()) == 0,
		      "path: the newest profile's behaviour");
		bvf_kernel_close(k);
	}

	test_broken_profiles();

	/* a file that is not BTF */
	err[0] = 0;
	k = bvf_kernel_open("/etc/hostname", err, sizeof(err));
	CHECK(!k && strstr(err, "cannot read BTF"), "not BTF: %s", err);

	/* loadability without privileges */
	struct bvf_kb_env e = env_of(BV_PROG_TYPE_SOCKET_FILTER, false);
	CHECK(bvf_kb_prog_type_loadable(&e), "unpriv socket filter");
	e = env_of(BV_PROG_TYPE_CGROUP_SKB, false);
	CHECK(bvf_kb_prog_type_loadable(&e), "unpriv cgroup skb");
	e = env_of(BV_PROG_TYPE_XDP, false);
	CHECK(!bvf_kb_prog_type_loadable(&e), "unpriv xdp");
	e = env_of(BV_PROG_TYPE_KPROBE, false);
	e.bpf_capable = true;
	CHECK(!bvf_kb_prog_type_loadable(&e), "kprobe needs CAP_PERFMON too");
	CHECK(bvf_kb_prog_type_modelled(BV_PROG_TYPE_PERF_EVENT) &&
	      bvf_kb_prog_type_modelled(BV_PROG_TYPE_LSM) &&
	      !bvf_kb_prog_type_modelled(BV_PROG_TYPE_STRUCT_OPS), "modelled types");
	CHECK(bvf_prog_type_name(BV_PROG_TYPE_SCHED_CLS) &&
	      strcmp(bvf_prog_type_name(BV_PROG_TYPE_SCHED_CLS), "sched_cls") == 0, "type name");
}

int main(void)
{
	/* libbpf's own warnings (a file that is not BTF) are expected here */
	libbpf_set_print(NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_helpers();
	test_ctx();
	test_observed();
	test_return_range();
	test_map_compat();
	test_profiles();
	test_helper_facts();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
