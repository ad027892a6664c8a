// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: an lwt_out program pulls 20 bytes into the linear area with
 * bpf_skb_pull_data(), reloads the packet pointers and marks the packet
 * with the recalculated flow hash when it is TCP.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define BPF_OK 0

SEC("lwt_out")
int hash_mark(struct __sk_buff *skb)
{
	void *data, *data_end;
	struct iphdr *iph;

	if (bpf_skb_pull_data(skb, sizeof(*iph)))
		return BPF_OK;
	data = (void *)(long)skb->data;
	data_end = (void *)(long)skb->data_end;
	iph = data;
	if ((void *)(iph + 1) > data_end)
		return BPF_OK;
	if (iph->protocol == 6)
		skb->mark = bpf_get_hash_recalc(skb);
	return BPF_OK;
}

char LICENSE[] SEC("license") = "GPL";
