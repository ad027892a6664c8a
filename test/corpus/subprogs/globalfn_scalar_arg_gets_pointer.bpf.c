// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a global function declared with an integer parameter is called
 * with a pointer (a cast hides it from the compiler): the caller's
 * register must be a scalar, as the prototype says.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__noinline int hash_addr(__u64 key)
{
	return (key * 0x9E3779B97F4A7C15ULL) >> 58;
}

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} seed SEC(".maps");

SEC("tc")
int tc_hash(struct __sk_buff *skb)
{
	__u32 k = 0;
	__u64 *s = bpf_map_lookup_elem(&seed, &k);

	if (!s)
		return 0;
	/* BUG: hashes the address of the seed, not the seed */
	return hash_addr((__u64)s) & 1;
}

char LICENSE[] SEC("license") = "GPL";
