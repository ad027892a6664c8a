// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed: the map value now really has room for the second counter, so the
 * write at offset 8 stays inside the 16-byte value.
 */
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct pkt_stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct pkt_stats);
} stats SEC(".maps");

SEC("xdp")
int xdp_stats(struct xdp_md *ctx)
{
	__u32 key = 0;
	__u64 *slots;

	slots = bpf_map_lookup_elem(&stats, &key);
	if (!slots)
		return XDP_PASS;
	slots[0] += 1;
	slots[1] += ctx->data_end - ctx->data;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
