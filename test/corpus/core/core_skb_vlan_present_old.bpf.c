// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an older program reads the sk_buff bitfield vlan_present with
 * BPF_CORE_READ_BITFIELD_PROBED() (declared in a ___old flavor). The
 * field exists in 6.1 but was removed later (the VLAN tag presence is now
 * vlan_all != 0), so the relocation fails on 6.18.
 * EXPECT: 6.1 accept, 6.18 reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct sk_buff___old {
	__u8 vlan_present:1;
} __attribute__((preserve_access_index));

__u64 vlan_frames;

SEC("kprobe/netif_receive_skb")
int BPF_KPROBE(on_rx, struct sk_buff *skb)
{
	struct sk_buff___old *old = (void *)skb;

	if (BPF_CORE_READ_BITFIELD_PROBED(old, vlan_present))
		__sync_fetch_and_add(&vlan_frames, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
