// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of global_func_returns_ptr: the lookup wrapper is
 * static __noinline, so the verifier follows the call with the caller's
 * state and the returned map_value_or_null is checked by the caller.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct conn {
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct conn);
} conns SEC(".maps");

static __noinline struct conn *find_conn(__u32 id)
{
	return bpf_map_lookup_elem(&conns, &id);
}

SEC("tc")
int tc_account(struct __sk_buff *skb)
{
	struct conn *c = find_conn(skb->hash);

	if (c)
		__sync_fetch_and_add(&c->bytes, skb->len);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
