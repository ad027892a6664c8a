// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: lwt_in programs may read but not write packet data directly
 * (only lwt_xmit may); this one decrements the TTL in place.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define BPF_OK 0

SEC("lwt_in")
int ttl_dec(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph = data;

	if ((void *)(iph + 1) > data_end)
		return BPF_OK;
	iph->ttl--;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "GPL";
