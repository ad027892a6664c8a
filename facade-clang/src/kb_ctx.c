/* kb_ctx.c — program context rules of Linux 6.18: which bytes of the
 * context a program may read or write, with which sizes, and what a read
 * yields (kernel: the is_valid_access op of each program type), plus the
 * return-value range check_return_code enforces.
 *
 * Each modelled program type is a table of fields; a field is a byte range
 * of the context made of equal elements (cb[5] is five u32 elements) with
 * one read rule and one write rule:
 *   EXACT  — only a whole element, at its start (size == element size);
 *   NARROW — a power-of-two part of one element, naturally aligned
 *            (the kernel's bpf_ctx_narrow_access_ok: loads of the low or
 *            high half/byte of a u32 or u64 field);
 *   ANY    — any naturally aligned 1/2/4/8-byte access inside the range
 *            (cb[], tracing register/argument areas);
 * and the register type a read produces (packet pointers, socket pointers).
 * Bytes no field covers are not accessible ("invalid bpf_context access").
 * Every table was checked against the live 6.18 kernel: each offset, each
 * size, read and write, loaded as root into each program type.
 *
 * Layouts are the UAPI structures (struct __sk_buff, struct xdp_md, struct
 * bpf_perf_event_data) and x86-64's struct pt_regs (21 u64 = 168 bytes).
 */
#include <stddef.h>
#include <stdint.h>

#include <linux/bpf.h>

#include "kb.h"
#include "kb_cgroup.h"
#include "kb_net.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

enum kb_mode { NO = 0, EXACT, NARROW, ANY };

/* Capability gates on a field (cg_skb_is_valid_access). */
enum kb_ctx_gate { G_NONE = 0, G_BPF = 1 };

struct kb_ctx_field {
	uint16_t off, end;        /* [off, end) */
	uint8_t elem;             /* bytes of one element */
	uint8_t read, write;      /* enum kb_mode */
	uint8_t read_gate, write_gate; /* enum kb_ctx_gate */
	bv_reg_type reg_type;     /* what a read yields */
};

#define SCALAR BV_SCALAR
#define SKB(f) offsetof(struct __sk_buff, f)
#define SKB_END(f) (offsetof(struct __sk_buff, f) + sizeof(((struct __sk_buff *)0)->f))
#define XDP(f) offsetof(struct xdp_md, f)

/* The u32 fields from len to tc_index: readable (narrow) everywhere. */
#define SKB_HEAD_RO(w_mark, w_qmap, w_prio, w_tcidx) \
	{ SKB(len), SKB(mark), 4, NARROW, NO, 0, 0, SCALAR }, \
	{ SKB(mark), SKB_END(mark), 4, NARROW, w_mark, 0, 0, SCALAR }, \
	{ SKB(queue_mapping), SKB_END(queue_mapping), 4, NARROW, w_qmap, 0, 0, SCALAR }, \
	{ SKB(protocol), SKB(priority), 4, NARROW, NO, 0, 0, SCALAR }, \
	{ SKB(priority), SKB_END(priority), 4, NARROW, w_prio, 0, 0, SCALAR }, \
	{ SKB(ingress_ifindex), SKB(tc_index), 4, NARROW, NO, 0, 0, SCALAR }, \
	{ SKB(tc_index), SKB_END(tc_index), 4, NARROW, w_tcidx, 0, 0, SCALAR }, \
	{ SKB(cb), SKB_END(cb), 4, ANY, ANY, 0, 0, SCALAR }, \
	{ SKB(hash), SKB_END(hash), 4, NARROW, NO, 0, 0, SCALAR }

#define SKB_SK \
	{ SKB(sk), SKB(sk) + 8, 8, EXACT, NO, 0, 0, BV_PTR_TO_SOCK_COMMON | BV_PTR_MAYBE_NULL }

/* sk_filter_is_valid_access + bpf_skb_is_valid_access: everything but
 * cb[] is read-only; no packet pointers (observed: skb->mark = x gives
 * "invalid bpf_context access off=8 size=4"). */
static const struct kb_ctx_field skb_socket_filter[] = {
	SKB_HEAD_RO(NO, NO, NO, NO),
	{ SKB(napi_id), SKB_END(napi_id), 4, NARROW, NO, 0, 0, SCALAR },
	{ SKB(gso_segs), SKB_END(gso_segs), 4, NARROW, NO, 0, 0, SCALAR },
	SKB_SK,
	{ SKB(gso_size), SKB_END(gso_size), 4, NARROW, NO, 0, 0, SCALAR },
};

/* tc_cls_act_is_valid_access: writes to mark, queue_mapping, priority,
 * tc_index, cb[], tc_classid, tstamp; direct packet access. */
static const struct kb_ctx_field skb_tc[] = {
	SKB_HEAD_RO(EXACT, EXACT, EXACT, EXACT),
	{ SKB(tc_classid), SKB_END(tc_classid), 4, NARROW, EXACT, 0, 0, SCALAR },
	{ SKB(data), SKB_END(data), 4, EXACT, NO, 0, 0, BV_PTR_TO_PACKET },
	{ SKB(data_end), SKB_END(data_end), 4, EXACT, NO, 0, 0, BV_PTR_TO_PACKET_END },
	{ SKB(napi_id), SKB_END(napi_id), 4, NARROW, NO, 0, 0, SCALAR },
	{ SKB(data_meta), SKB_END(data_meta), 4, EXACT, NO, 0, 0, BV_PTR_TO_PACKET_META },
	{ SKB(tstamp), SKB_END(tstamp), 8, EXACT, EXACT, 0, 0, SCALAR },
	{ SKB(wire_len), SKB_END(wire_len), 4, NARROW, NO, 0, 0, SCALAR },
	{ SKB(gso_segs), SKB_END(gso_segs), 4, NARROW, NO, 0, 0, SCALAR },
	SKB_SK,
	{ SKB(gso_size), SKB_END(gso_size), 4, NARROW, NO, 0, 0, SCALAR },
	{ SKB(tstamp_type), SKB_END(tstamp_type), 1, EXACT, NO, 0, 0, SCALAR },
	{ SKB(hwtstamp), SKB_END(hwtstamp), 8, EXACT, NO, 0, 0, SCALAR },
};

/* cg_skb_is_valid_access: writes to mark, priority, cb[], and tstamp (with
 * CAP_BPF); data/data_end only with CAP_BPF; the socket fields family ..
 * local_port are readable (the addresses only as whole u32). */
static const struct kb_ctx_field skb_cgroup[] = {
	SKB_HEAD_RO(EXACT, NO, EXACT, NO),
	{ SKB(data), SKB_END(data), 4, EXACT, NO, G_BPF, 0, BV_PTR_TO_PACKET },
	{ SKB(data_end), SKB_END(data_end), 4, EXACT, NO, G_BPF, 0, BV_PTR_TO_PACKET_END },
	{ SKB(napi_id), SKB_END(napi_id), 4, NARROW, NO, 0, 0, SCALAR },
	{ SKB(family), SKB_END(family), 4, NARROW, NO, 0, 0, SCALAR },
	{ SKB(remote_ip4), SKB_END(local_ip6), 4, EXACT, NO, 0, 0, SCALAR },
	{ SKB(remote_port), SKB_END(local_port), 4, NARROW, NO, 0, 0, SCALAR },
	{ SKB(tstamp), SKB_END(tstamp), 8, EXACT, EXACT, 0, G_BPF, SCALAR },
	{ SKB(gso_segs), SKB_END(gso_segs), 4, NARROW, NO, 0, 0, SCALAR },
	SKB_SK,
	{ SKB(gso_size), SKB_END(gso_size), 4, NARROW, NO, 0, 0, SCALAR },
	{ SKB(hwtstamp), SKB_END(hwtstamp), 8, EXACT, NO, 0, 0, SCALAR },
};

/* xdp_is_valid_access: u32 reads only, no writes; egress_ifindex only for
 * programs attached to a devmap (BPF_XDP_DEVMAP). */
static const struct kb_ctx_field xdp_fields[] = {
	{ XDP(data), XDP(data) + 4, 4, EXACT, NO, 0, 0, BV_PTR_TO_PACKET },
	{ XDP(data_end), XDP(data_end) + 4, 4, EXACT, NO, 0, 0, BV_PTR_TO_PACKET_END },
	{ XDP(data_meta), XDP(data_meta) + 4, 4, EXACT, NO, 0, 0, BV_PTR_TO_PACKET_META },
	{ XDP(ingress_ifindex), XDP(egress_ifindex), 4, EXACT, NO, 0, 0, SCALAR },
};
static const struct kb_ctx_field xdp_devmap_fields[] = {
	{ XDP(data), XDP(data) + 4, 4, EXACT, NO, 0, 0, BV_PTR_TO_PACKET },
	{ XDP(data_end), XDP(data_end) + 4, 4, EXACT, NO, 0, 0, BV_PTR_TO_PACKET_END },
	{ XDP(data_meta), XDP(data_meta) + 4, 4, EXACT, NO, 0, 0, BV_PTR_TO_PACKET_META },
	{ XDP(ingress_ifindex), XDP(egress_ifindex) + 4, 4, EXACT, NO, 0, 0, SCALAR },
};

/* x86-64 struct pt_regs: 21 registers of 8 bytes. */
#define PT_REGS_SIZE 168
/* PERF_MAX_TRACE_SIZE (include/linux/trace_events.h) */
#define TP_CTX_SIZE 8192
/* MAX_BPF_FUNC_ARGS u64 arguments */
#define RAW_TP_CTX_SIZE (12 * 8)

/* kprobe_prog_is_valid_access: read-only, any aligned size. */
static const struct kb_ctx_field kprobe_fields[] = {
	{ 0, PT_REGS_SIZE, 8, ANY, NO, 0, 0, SCALAR },
};
/* tp_prog_is_valid_access: the first 8 bytes (common fields) are hidden. */
static const struct kb_ctx_field tp_fields[] = {
	{ 8, TP_CTX_SIZE, 8, ANY, NO, 0, 0, SCALAR },
};
/* raw_tp_prog_is_valid_access */
static const struct kb_ctx_field raw_tp_fields[] = {
	{ 0, RAW_TP_CTX_SIZE, 8, ANY, NO, 0, 0, SCALAR },
};
/* pe_prog_is_valid_access, struct bpf_perf_event_data: registers as whole
 * longs, sample_period and addr also narrow. */
static const struct kb_ctx_field pe_fields[] = {
	{ 0, PT_REGS_SIZE, 8, EXACT, NO, 0, 0, SCALAR },
	{ PT_REGS_SIZE, PT_REGS_SIZE + 16, 8, NARROW, NO, 0, 0, SCALAR },
};

struct kb_ctx_type {
	uint32_t prog_type;
	int32_t attach_type;      /* -1: any */
	uint32_t size;
	const struct kb_ctx_field *fields;
	size_t nr;
};

#define CTX(pt, at, sz, f) { pt, at, sz, f, ARRAY_LEN(f) }

/* First match wins: attach-type-specific rows come first. */
static const struct kb_ctx_type ctx_types[] = {
	CTX(BV_PROG_TYPE_SOCKET_FILTER, -1, sizeof(struct __sk_buff), skb_socket_filter),
	CTX(BV_PROG_TYPE_SCHED_CLS, -1, sizeof(struct __sk_buff), skb_tc),
	CTX(BV_PROG_TYPE_SCHED_ACT, -1, sizeof(struct __sk_buff), skb_tc),
	CTX(BV_PROG_TYPE_CGROUP_SKB, -1, sizeof(struct __sk_buff), skb_cgroup),
	CTX(BV_PROG_TYPE_XDP, BPF_XDP_DEVMAP, sizeof(struct xdp_md), xdp_devmap_fields),
	CTX(BV_PROG_TYPE_XDP, -1, sizeof(struct xdp_md), xdp_fields),
	CTX(BV_PROG_TYPE_KPROBE, -1, PT_REGS_SIZE, kprobe_fields),
	CTX(BV_PROG_TYPE_TRACEPOINT, -1, TP_CTX_SIZE, tp_fields),
	CTX(BV_PROG_TYPE_RAW_TRACEPOINT, -1, RAW_TP_CTX_SIZE, raw_tp_fields),
	CTX(BV_PROG_TYPE_PERF_EVENT, -1, PT_REGS_SIZE + 16, pe_fields),
};

static const struct kb_ctx_type *ctx_type(uint32_t prog_type, uint32_t attach_type)
{
	for (size_t i = 0; i < ARRAY_LEN(ctx_types); i++) {
		const struct kb_ctx_type *t = &ctx_types[i];

		if (t->prog_type == prog_type &&
		    (t->attach_type < 0 || (uint32_t)t->attach_type == attach_type))
			return t;
	}
	return NULL;
}

uint32_t bvf_kb_ctx_size(uint32_t prog_type)
{
	const struct kb_ctx_type *t = ctx_type(prog_type, UINT32_MAX);

	if (bvf_kb_cgroup_prog_type(prog_type))
		return bvf_kb_cgroup_ctx_size(prog_type);
	return t ? t->size : bvf_kb_net_ctx_size(prog_type);
}

static bool gate_open(uint8_t gate, const struct bvf_kb_env *env)
{
	return gate == G_NONE || (gate == G_BPF && env->bpf_capable);
}

bool bvf_kb_ctx_access(const struct bvf_kb_env *env, int32_t off, uint32_t size,
		       enum bv_access access, struct bv_ctx_access_info *info)
{
	const struct kb_ctx_type *t = ctx_type(env->prog_type, env->attach_type);
	const struct kb_ctx_field *f = NULL;

	if (bvf_kb_cgroup_prog_type(env->prog_type))
		return bvf_kb_cgroup_ctx_access(env, off, size, access, info);
	if (!t && bvf_kb_net_prog_type(env->prog_type))
		return bvf_kb_net_ctx_access(env, off, size, access, info);
	if (!t || off < 0 || (size != 1 && size != 2 && size != 4 && size != 8))
		return false;
	/* Every is_valid_access starts with these two: inside the structure,
	 * naturally aligned. */
	if ((uint32_t)off + size > t->size || off % size)
		return false;
	for (size_t i = 0; i < t->nr; i++) {
		if ((uint32_t)off >= t->fields[i].off && (uint32_t)off < t->fields[i].end) {
			f = &t->fields[i];
			break;
		}
	}
	if (!f || (uint32_t)off + size > f->end)
		return false;

	uint8_t mode = access == BV_WRITE ? f->write : f->read;
	uint8_t gate = access == BV_WRITE ? f->write_gate : f->read_gate;
	uint32_t in_elem = ((uint32_t)off - f->off) % f->elem;

	if (!gate_open(gate, env))
		return false;
	switch (mode) {
	case EXACT:
		if (size != f->elem || in_elem)
			return false;
		break;
	case NARROW:
		if (size > f->elem || in_elem + size > f->elem)
			return false;
		break;
	case ANY:
		break;
	default:
		return false;
	}
	if (info) {
		info->reg_type = access == BV_WRITE ? BV_SCALAR : f->reg_type;
		/* The core needs the full field size to model a narrow load. */
		info->ctx_field_size = mode == NARROW ? f->elem : 0;
		info->btf_id = 0;
		info->mem_size = 0;
	}
	return true;
}

/* check_return_code (kernel/bpf/verifier.c), 6.18, for the modelled types:
 *  - cgroup_skb: [0, 1]; attached to BPF_CGROUP_INET_EGRESS, [0, 3]
 *    (bit 1 is the congestion-notification verdict);
 *  - socket_filter, sched_cls/act, xdp, kprobe (not kprobe.session),
 *    tracepoint, raw_tracepoint (not tp_btf), perf_event: not checked.
 * Observed on 6.18: r0 = 2 rejected for cgroup_skb ingress, r0 = 3 accepted
 * and 4 rejected for egress; -1 and 1000 accepted by all the others. */
void bvf_kb_return_range(const struct bvf_kb_env *env, struct bv_retval_range *range)
{
	range->minval = 0;
	range->maxval = 0;
	range->enforce = false;
	if (bvf_kb_cgroup_prog_type(env->prog_type)) {
		bvf_kb_cgroup_return_range(env, range);
		return;
	}
	if (env->prog_type == BV_PROG_TYPE_CGROUP_SKB) {
		range->enforce = true;
		range->maxval = env->attach_type == BPF_CGROUP_INET_EGRESS ? 3 : 1;
	}
	bvf_kb_net_return_range(env, range);
}
