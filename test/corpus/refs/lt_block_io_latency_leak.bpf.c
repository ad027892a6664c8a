// SPDX-License-Identifier: GPL-2.0
/*
 * Tests (rejected twin of lt_block_io_latency): a block I/O latency tool
 * the way biolatency/biosnoop-like tools write it, on BTF-enabled tracepoints: tp_btf/block_rq_issue stamps the
 * request (keyed by its address) in a hash map; tp_btf/block_rq_complete
 * looks the stamp up, adds the latency to a per-operation log2 histogram
 * through a static __noinline subprogram and reports slow requests through
 * a ring buffer record (device, sector, bytes, operation), filtered by a
 * configured device. The bug: a request without a disk, or of another
 * device, returns without discarding the reservation (a leak).
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define HIST_SLOTS 32
#define REQ_OP_BITS 8
#define REQ_OP_MASK ((1 << REQ_OP_BITS) - 1)
#define MKDEV(ma, mi) (((ma) << 20) | (mi))

struct io_start {
	__u64 ts;
	__u32 pid;
};

struct io_hist {
	__u64 slots[HIST_SLOTS];
};

struct slow_io {
	__u64 latency_ns;
	__u64 sector;
	__u32 dev;
	__u32 bytes;
	__u32 op;
	__u32 pid;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u64);
	__type(value, struct io_start);
} inflight SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct io_hist);
} op_hist SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} slow_ios SEC(".maps");

const volatile __u32 target_dev = 0;
const volatile __u64 slow_ns = 5 * 1000 * 1000;

static __noinline int log2_slot(__u64 v)
{
	int slot = 0;

	if (v >= (1ULL << 32)) { v >>= 32; slot += 32; }
	if (v >= (1ULL << 16)) { v >>= 16; slot += 16; }
	if (v >= (1ULL << 8)) { v >>= 8; slot += 8; }
	if (v >= (1ULL << 4)) { v >>= 4; slot += 4; }
	if (v >= (1ULL << 2)) { v >>= 2; slot += 2; }
	if (v >= (1ULL << 1)) slot += 1;
	return slot < HIST_SLOTS ? slot : HIST_SLOTS - 1;
}

static __always_inline __u32 rq_dev(struct request *rq)
{
	struct gendisk *disk = BPF_CORE_READ(rq, q, disk);

	if (!disk)
		return 0;
	return MKDEV(BPF_CORE_READ(disk, major), BPF_CORE_READ(disk, first_minor));
}

SEC("tp_btf/block_rq_issue")
int BPF_PROG(rq_issue, struct request *rq)
{
	__u64 key = (__u64)rq;
	struct io_start s = {};

	if (target_dev && rq_dev(rq) != target_dev)
		return 0;
	s.ts = bpf_ktime_get_ns();
	s.pid = bpf_get_current_pid_tgid() >> 32;
	bpf_map_update_elem(&inflight, &key, &s, BPF_ANY);
	return 0;
}

SEC("tp_btf/block_rq_complete")
int BPF_PROG(rq_complete, struct request *rq, int error, unsigned int nr_bytes)
{
	__u64 key = (__u64)rq, ns;
	struct io_start *s;
	struct io_hist *h;
	struct slow_io *e;
	__u32 op, pid;
	int slot;

	s = bpf_map_lookup_elem(&inflight, &key);
	if (!s)
		return 0;
	ns = bpf_ktime_get_ns() - s->ts;
	pid = s->pid;
	bpf_map_delete_elem(&inflight, &key);
	op = BPF_CORE_READ(rq, cmd_flags) & REQ_OP_MASK;
	op = op < 4 ? op : 3;
	slot = log2_slot(ns / 1000);
	h = bpf_map_lookup_elem(&op_hist, &op);
	if (h)
		__sync_fetch_and_add(&h->slots[slot & (HIST_SLOTS - 1)], 1);
	if (ns < slow_ns)
		return 0;
	e = bpf_ringbuf_reserve(&slow_ios, sizeof(*e), 0);
	if (!e)
		return 0;
	e->dev = rq_dev(rq);
	if (!e->dev || (target_dev && e->dev != target_dev))
		return 0;
	e->latency_ns = ns;
	e->sector = BPF_CORE_READ(rq, __sector);
	e->bytes = nr_bytes;
	e->op = op;
	e->pid = pid;
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
