// SPDX-License-Identifier: GPL-2.0
// Fix-its (c), the bound on an unchecked index: a TC classifier keeps a
// histogram of packet sizes in 64-byte buckets inside one array-map value;
// the bucket number derived from skb->len is never bounded, so the store
// could land anywhere. bpfverify's fix-it inserts
// `if (bucket >= 32) return TC_ACT_OK;` (32: the array's length in BTF)
// before the indexing: applied, it gives fixit_index_bound_fixed.bpf.c
// (test/lit/plugin/fixit-index-bound.test).
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0
#define NR_BUCKETS 32

struct size_hist {
	__u64 buckets[NR_BUCKETS];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct size_hist);
} hist_map SEC(".maps");

SEC("tc")
int tc_size_hist(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct size_hist *h;
	__u32 bucket;

	h = bpf_map_lookup_elem(&hist_map, &key);
	if (!h)
		return TC_ACT_OK;
	bucket = skb->len / 64;
	h->buckets[bucket] += 1;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
