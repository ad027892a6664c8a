// SPDX-License-Identifier: GPL-2.0
/*
 * Mistake: a histogram of read() sizes in 1 KiB buckets.  The bucket index
 * comes straight from the syscall argument (count >> 10) and is used to
 * index the array in the map value without any bounds check.
 */
// KERNEL-6.18: R0 unbounded memory access, make sure to bounds check any such access
// KERNEL-6.18-INSN: 15
// KERNEL-6.18-LOG-TAIL:
//   12: (5f) r6 &= r1                     ; R1=0x1fffffffffffff8 R6=scalar(smin=0,smax=umax=0x1fffffffffffff8,smax32=0x7ffffff8,umax32=0xfffffff8,var_off=(0x0; 0x1fffffffffffff8))
//   13: (0f) r0 += r6                     ; R0=map_value(map=hist,ks=4,vs=128,smin=0,smax=umax=0x1fffffffffffff8,smax32=0x7ffffff8,umax32=0xfffffff8,var_off=(0x0; 0x1fffffffffffff8)) R6=scalar(smin=0,smax=umax=0x1fffffffffffff8,smax32=0x7ffffff8,umax32=0xfffffff8,var_off=(0x0; 0x1fffffffffffff8))
//   14: (b7) r1 = 1                       ; R1=1
//   15: (db) lock *(u64 *)(r0 +0) += r1
//   R0 unbounded memory access, make sure to bounds check any such access
//   processed 14 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define NR_BUCKETS 16

struct read_hist {
	__u64 bucket[NR_BUCKETS];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct read_hist);
} hist SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_read")
int read_size_hist(struct trace_event_raw_sys_enter *ctx)
{
	__u64 slot = ctx->args[2] >> 10;	/* count, in KiB */
	struct read_hist *h;
	__u32 key = 0;

	h = bpf_map_lookup_elem(&hist, &key);
	if (!h)
		return 0;
	__sync_fetch_and_add(&h->bucket[slot], 1); /* FAULT */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
