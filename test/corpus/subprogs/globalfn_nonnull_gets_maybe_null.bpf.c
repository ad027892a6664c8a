// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a global function whose pointer argument is tagged arg:nonnull
 * (libbpf's __arg_nonnull) dereferences it directly; the caller passes an
 * unchecked map lookup result. Kernels that know the tag reject the call
 * (the argument must be non-NULL); older ones ignore the tag and reject
 * the unchecked access inside the function instead.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#ifndef __arg_nonnull
#define __arg_nonnull __attribute__((btf_decl_tag("arg:nonnull")))
#endif

struct conn_stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct conn_stats);
} conns SEC(".maps");

__noinline int account(struct conn_stats *st __arg_nonnull, __u32 len)
{
	st->packets++;
	st->bytes += len;
	return 1;
}

SEC("tc")
int tc_account(struct __sk_buff *skb)
{
	__u32 key = skb->hash;

	/* BUG: the lookup may fail */
	account(bpf_map_lookup_elem(&conns, &key), skb->len);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
