// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: cgroup_skb programs may not write packet data: their skb dynptr
 * is read-only, so bpf_dynptr_slice_rdwr() on it is refused.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: reject on 6.12 and 6.18; load_error on 6.1 (no such kfuncs)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern int bpf_dynptr_from_skb(struct __sk_buff *skb, __u64 flags,
			       struct bpf_dynptr *ptr) __ksym;
extern void *bpf_dynptr_slice_rdwr(const struct bpf_dynptr *ptr, __u32 offset,
				   void *buffer, __u32 buffer__szk) __ksym;

SEC("cgroup_skb/egress")
int egress_mark(struct __sk_buff *skb)
{
	struct bpf_dynptr pkt;
	struct iphdr ibuf, *ip;

	if (bpf_dynptr_from_skb(skb, 0, &pkt))
		return 1;
	ip = bpf_dynptr_slice_rdwr(&pkt, 0, &ibuf, sizeof(ibuf));
	if (!ip)
		return 1;
	ip->tos = 0x10;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
