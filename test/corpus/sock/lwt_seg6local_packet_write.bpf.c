// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: lwt_seg6local programs must change packets through the
 * bpf_lwt_seg6_* helpers; this one decrements the hop limit in place with
 * direct packet access and is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define BPF_OK 0
#define BPF_DROP 2

SEC("lwt_seg6local")
int hop_dec(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ipv6hdr *ip6 = data;

	if ((void *)(ip6 + 1) > data_end)
		return BPF_DROP;
	ip6->hop_limit--;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "GPL";
