// SPDX-License-Identifier: GPL-2.0
// Fix-its (c), applied: fixit_index_bound.bpf.c after clang -Xclang -fixit
// with bpfverify's plugin, which inserted the bound on the bucket index
// (the array's 32 elements, from BTF) before the store (the code below the
// comments is exactly the tool's output; checked by
// test/lit/plugin/fixit-index-bound.test). The kernel accepts it.
// EXPECT: accept
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
	if (bucket >= 32)
		return TC_ACT_OK;
	h->buckets[bucket] += 1;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
