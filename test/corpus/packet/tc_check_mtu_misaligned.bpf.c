// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_check_mtu with its MTU out-parameter inside a packed stack
 * record, at an address that is not 4-byte aligned: the helper's argument
 * must be naturally aligned (MEM_ALIGNED), the kernel refuses the
 * misaligned stack access.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct mtu_report {
	__u8 ver;
	__u32 mtu;
	__u8 pad[3];
} __attribute__((packed));

__u32 last_mtu;

SEC("tc")
int mtu_probe(struct __sk_buff *skb)
{
	struct mtu_report rep = {};

	rep.ver = 1;
	bpf_check_mtu(skb, skb->ifindex, &rep.mtu, 0, 0);
	last_mtu = rep.mtu;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
