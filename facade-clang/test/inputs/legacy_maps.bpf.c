// SPDX-License-Identifier: GPL-2.0
/* Test input: a pre-BTF map definition in SEC("maps"), which libbpf 1.x refuses. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct old_map_def {
	unsigned int type, key_size, value_size, max_entries, map_flags;
};

struct old_map_def old_map SEC("maps") = {
	.type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 4, .max_entries = 1,
};

SEC("xdp")
int legacy(struct xdp_md *ctx)
{
	__u32 k = 0;
	return bpf_map_lookup_elem(&old_map, &k) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
