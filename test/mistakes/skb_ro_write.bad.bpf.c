// SPDX-License-Identifier: GPL-2.0
/*
 * Mistake: a socket filter tries to remember its classification in
 * skb->mark.  skb->mark is writable from tc programs, but in a socket
 * filter only skb->cb[0..4] may be written; every other __sk_buff field
 * is read-only there.
 */
// KERNEL-6.18: invalid bpf_context access off=8 size=4
// KERNEL-6.18-INSN: 5
// KERNEL-6.18-LOG-TAIL:
//   ; if (len < SMALL_PKT) @ skb_ro_write.bad.bpf.c:32
//   4: (25) if r0 > 0x7f goto pc+1        ; R0=scalar(smin=smin32=0,smax=umax=smax32=umax32=127,var_off=(0x0; 0x7f))
//   ; skb->mark = len; /* FAULT */ @ skb_ro_write.bad.bpf.c:33
//   5: (63) *(u32 *)(r1 +8) = r0
//   invalid bpf_context access off=8 size=4
//   processed 6 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP	0x0800
#define SMALL_PKT	128

SEC("socket")
int tag_small_ipv4(struct __sk_buff *skb)
{
	__u32 len = skb->len;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return 0;		/* drop */
	if (len < SMALL_PKT)
		skb->mark = len; /* FAULT */
	return len;
}

char LICENSE[] SEC("license") = "GPL";
