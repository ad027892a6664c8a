// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a slice of an skb dynptr covers only the bytes asked for: reading
 * the IPv4 protocol through a slice of the Ethernet header's size is out
 * of bounds.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: reject on 6.12 and 6.18; load_error on 6.1 (no such kfuncs)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK	0

extern int bpf_dynptr_from_skb(struct __sk_buff *skb, __u64 flags,
			       struct bpf_dynptr *ptr) __ksym;
extern void *bpf_dynptr_slice(const struct bpf_dynptr *ptr, __u32 offset,
			      void *buffer, __u32 buffer__szk) __ksym;

SEC("tc")
int tc_proto(struct __sk_buff *skb)
{
	struct bpf_dynptr pkt;
	__u8 buf[14], *hdr;

	if (bpf_dynptr_from_skb(skb, 0, &pkt))
		return TC_ACT_OK;
	hdr = bpf_dynptr_slice(&pkt, 0, buf, sizeof(buf));
	if (!hdr)
		return TC_ACT_OK;
	/* BUG: the IPv4 protocol byte is at 14 + 9, past the slice */
	return hdr[14 + 9] == 6;
}

char LICENSE[] SEC("license") = "GPL";
