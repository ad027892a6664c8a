// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the portable version of core_skb_vlan_present_old: use
 * vlan_present where it exists, else test the VLAN tag fields (vlan_all),
 * selected with bpf_core_field_exists() on ___old/___new flavors.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct sk_buff___old {
	__u8 vlan_present:1;
} __attribute__((preserve_access_index));

struct sk_buff___new {
	__u32 vlan_all;
} __attribute__((preserve_access_index));

__u64 vlan_frames;

SEC("kprobe/netif_receive_skb")
int BPF_KPROBE(on_rx, struct sk_buff *skb)
{
	struct sk_buff___old *old = (void *)skb;
	struct sk_buff___new *new = (void *)skb;
	int tagged;

	if (bpf_core_field_exists(old->vlan_present))
		tagged = BPF_CORE_READ_BITFIELD_PROBED(old, vlan_present);
	else
		tagged = BPF_CORE_READ(new, vlan_all) != 0;
	if (tagged)
		__sync_fetch_and_add(&vlan_frames, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
