// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: an SO_REUSEPORT group steered by hash: sk_reuseport selects the
 * socket at index hash % 4 of a REUSEPORT_SOCKARRAY with
 * bpf_sk_select_reuseport(), falling back to the kernel's choice.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SK_DROP 0
#define SK_PASS 1

struct {
	__uint(type, BPF_MAP_TYPE_REUSEPORT_SOCKARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} reuse_group SEC(".maps");

SEC("sk_reuseport")
int select_by_hash(struct sk_reuseport_md *reuse)
{
	__u32 idx = reuse->hash % 4;

	if (reuse->ip_protocol != 6)
		return SK_PASS;
	if (bpf_sk_select_reuseport(reuse, &reuse_group, &idx, 0))
		return SK_PASS;
	return SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
