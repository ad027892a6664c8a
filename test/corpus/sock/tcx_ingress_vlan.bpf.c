// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a tcx ingress program (tcx/ingress, Linux 6.6+) pops the VLAN tag
 * of tagged frames with bpf_skb_vlan_pop() and passes everything (TCX_NEXT).
 * On kernels without tcx the load fails before verification.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TCX_NEXT (-1)

SEC("tcx/ingress")
int strip_vlan(struct __sk_buff *skb)
{
	if (skb->vlan_present)
		bpf_skb_vlan_pop(skb);
	return TCX_NEXT;
}

char LICENSE[] SEC("license") = "GPL";
