// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: a limits map is created with BPF_F_RDONLY_PROG so only user space
 * may change it, yet the program "fixes up" a zero limit in place.  Writing
 * through the value pointer of a read-only-for-programs map is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__uint(map_flags, BPF_F_RDONLY_PROG);
	__type(key, __u32);
	__type(value, __u64);
} max_rate SEC(".maps");

SEC("xdp")
int rate_limit(struct xdp_md *ctx)
{
	__u32 key = 0;
	__u64 *limit;

	limit = bpf_map_lookup_elem(&max_rate, &key);
	if (!limit)
		return XDP_PASS;
	if (*limit == 0)
		*limit = 1000000;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
