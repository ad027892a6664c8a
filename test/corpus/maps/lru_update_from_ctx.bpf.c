// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: an LRU hash remembering the last packet size per flow hash, updated
 * from a tc classifier.  Key and value live on the stack, fully initialised:
 * the ordinary, accepted way to use an LRU map.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0

struct flow_info {
	__u32 last_len;
	__u32 ifindex;
	__u64 seen_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, struct flow_info);
} flows SEC(".maps");

SEC("tc")
int track_flow(struct __sk_buff *skb)
{
	__u32 hash = bpf_get_hash_recalc(skb);
	struct flow_info info = {
		.last_len = skb->len,
		.ifindex = skb->ifindex,
		.seen_ns = bpf_ktime_get_ns(),
	};

	bpf_map_update_elem(&flows, &hash, &info, BPF_ANY);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
