// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: an lwt_in program classifies incoming packets of a route by DSCP
 * (read with direct packet access) into skb->priority, and drops packets
 * too short for an IPv4 header.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define BPF_OK 0
#define BPF_DROP 2

SEC("lwt_in")
int dscp_prio(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph = data;

	if ((void *)(iph + 1) > data_end)
		return BPF_DROP;
	skb->priority = iph->tos >> 2;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "GPL";
