// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a plain __noinline static subprogram (bpf-to-bpf call) that
 * takes a map value pointer and a scalar, the way developers factor a
 * counter update out of the main program.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct stats);
} stats_map SEC(".maps");

static __noinline void account(struct stats *s, __u32 len)
{
	__sync_fetch_and_add(&s->packets, 1);
	__sync_fetch_and_add(&s->bytes, len);
}

SEC("tc")
int count_bytes(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct stats *s = bpf_map_lookup_elem(&stats_map, &key);

	if (s)
		account(s, skb->len);
	return 0; /* TC_ACT_OK */
}

char LICENSE[] SEC("license") = "GPL";
