// SPDX-License-Identifier: GPL-2.0
/*
 * Context: only the low byte of skb->mark matters (the low 8 bits hold a
 * class id), so the program reads it with a 1-byte load and the 16-bit
 * protocol with a 2-byte load.  Narrow loads at the start of a field are
 * allowed for these __sk_buff fields.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0

SEC("tc")
int low_mark(struct __sk_buff *skb)
{
	__u8 cls = *(volatile __u8 *)&skb->mark;
	__u16 proto = *(volatile __u16 *)&skb->protocol;

	if (cls == 3 && proto == 0x0008)
		return 2; /* TC_ACT_SHOT */
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
