// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: an lwt_xmit program on a route counts IPv4 packets per protocol
 * with direct packet access (LWT packets start at the network header) and
 * lets them through (BPF_OK).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define BPF_OK 0

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} proto_count SEC(".maps");

SEC("lwt_xmit")
int count_xmit(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph = data;
	__u32 proto;
	__u64 *cnt;

	if ((void *)(iph + 1) > data_end)
		return BPF_OK;
	proto = iph->protocol;
	cnt = bpf_map_lookup_elem(&proto_count, &proto);
	if (cnt)
		*cnt += 1;
	skb->mark = proto;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "GPL";
