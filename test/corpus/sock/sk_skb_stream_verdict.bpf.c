// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a sockmap stream verdict program: reads the first byte of the
 * record (bounds checked) and redirects it to the socket in slot 0 or 1 of
 * a sockmap with bpf_sk_redirect_map().
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SK_DROP 0

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} sock_map SEC(".maps");

SEC("sk_skb/stream_verdict")
int prog_verdict(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	__u8 *d = data;

	if (data + 1 > data_end)
		return SK_DROP;
	skb->tc_index = d[0];
	return bpf_sk_redirect_map(skb, &sock_map, d[0] & 1, 0);
}

char LICENSE[] SEC("license") = "GPL";
