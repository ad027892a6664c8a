// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of map_lookup_key_uninit: the key struct is
 * zeroed with __builtin_memset() before its fields are set, so the padding is
 * defined and the lookup hashes deterministic bytes.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct flow_key {
	__u64 cookie;
	__u32 proto;
	__u32 daddr;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct flow_key);
	__type(value, __u64);
} flows SEC(".maps");

SEC("kprobe/tcp_connect")
int count_connect(struct pt_regs *ctx)
{
	struct flow_key key;
	__u64 *cnt;

	__builtin_memset(&key, 0, sizeof(key));
	key.proto = 6;
	key.daddr = (__u32)bpf_get_prandom_u32();
	cnt = bpf_map_lookup_elem(&flows, &key);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
