// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: lwt programs see no socket fields of __sk_buff (family ..
 * local_port are refused); this lwt_xmit program reads skb->family.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define BPF_OK 0
#define BPF_DROP 2

SEC("lwt_xmit")
int v4_only(struct __sk_buff *skb)
{
	return skb->family == 2 ? BPF_OK : BPF_DROP;
}

char LICENSE[] SEC("license") = "GPL";
