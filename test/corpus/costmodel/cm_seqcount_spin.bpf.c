// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a seqcount-style reader written by someone used to kernel C:
 * "do { seq = READ_ONCE(v->seq); } while (seq & 1);" spinning until the
 * writer (user space) finishes.  Each iteration reads the map value
 * again, so the state at the loop head is the same as the one before:
 * the verifier reports an infinite loop.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct snapshot {
	__u32 seq;
	__u32 pad;
	__u64 limit;
	__u64 used;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct snapshot);
} quota SEC(".maps");

SEC("cgroup_skb/ingress")
int quota_ingress(struct __sk_buff *skb)
{
	__u32 zero = 0, seq;
	struct snapshot *s = bpf_map_lookup_elem(&quota, &zero);
	__u64 limit, used;

	if (!s)
		return 1;
	do {
		seq = *(volatile __u32 *)&s->seq;
	} while (seq & 1);
	limit = s->limit;
	used = s->used;
	return used + skb->len <= limit;
}

char LICENSE[] SEC("license") = "GPL";
