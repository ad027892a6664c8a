// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: signed 32-bit modulo (BPF_SMOD, cpu v4) picking a histogram
 * bucket from a signed value that may be negative, then made
 * non-negative before indexing. -mcpu=v4 emits "w s%=".
 * ORACLE-CFLAGS: -mcpu=v4
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} hist SEC(".maps");

SEC("tc")
int tc_bucket(struct __sk_buff *skb)
{
	int v = (int)skb->hash;
	int b = v % 16;          /* signed modulo: -15..15 */
	__u32 key;
	__u64 *cnt;

	if (b < 0)
		b = -b;
	key = b;
	cnt = bpf_map_lookup_elem(&hist, &key);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
