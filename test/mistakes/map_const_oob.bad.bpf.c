// SPDX-License-Identifier: GPL-2.0
/*
 * Mistake: the map value holds a single counter (8 bytes) but the code
 * treats it as an array of counters and writes the second slot, at
 * offset 8, one past the end of the value.
 */
// KERNEL-6.18: invalid access to map value, value_size=8 off=8 size=8
// KERNEL-6.18-INSN: 17
// KERNEL-6.18-LOG-TAIL:
//   15: (67) r2 <<= 32                    ; R2=scalar(smax=0x7fffffff00000000,umax=0xffffffff00000000,smin32=0,smax32=umax32=0,var_off=(0x0; 0xffffffff00000000))
//   16: (77) r2 >>= 32                    ; R2=scalar(smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff))
//   17: (79) r1 = *(u64 *)(r0 +8)
//   invalid access to map value, value_size=8 off=8 size=8
//   R0 min value is outside of the allowed memory range
//   processed 17 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct pkt_stats {
	__u64 packets;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct pkt_stats);
} stats SEC(".maps");

SEC("xdp")
int xdp_stats(struct xdp_md *ctx)
{
	__u32 key = 0;
	__u64 *slots;

	slots = bpf_map_lookup_elem(&stats, &key);
	if (!slots)
		return XDP_PASS;
	slots[0] += 1;
	slots[1] += ctx->data_end - ctx->data; /* FAULT */
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
