// SPDX-License-Identifier: GPL-2.0
/*
 * Mistake: the Ethernet header is read without first checking that it
 * lies before data_end, so the read may run past the end of the packet.
 */
// KERNEL-6.18: invalid access to packet, off=12 size=2, R1(id=0,off=12,r=0)
// KERNEL-6.18-INSN: 1
// KERNEL-6.18-LOG-TAIL:
//   0: (61) r1 = *(u32 *)(r1 +0)          ; R1=pkt(r=0)
//   ; if (eth->h_proto == bpf_htons(ETH_P_IPV6)) /* FAULT */ @ xdp_no_bounds.bad.bpf.c:30
//   1: (69) r1 = *(u16 *)(r1 +12)
//   invalid access to packet, off=12 size=2, R1(id=0,off=12,r=0)
//   R1 offset is outside of the packet
//   processed 2 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IPV6 0x86DD

SEC("xdp")
int xdp_drop_ipv6(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;

	(void)data_end;	/* the bounds check against data_end is missing */
	if (eth->h_proto == bpf_htons(ETH_P_IPV6)) /* FAULT */
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
