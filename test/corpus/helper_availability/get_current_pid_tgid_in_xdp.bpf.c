// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_get_current_pid_tgid() in an XDP program, e.g. to tag the
 * packets seen while a given process runs.  The helper became part of the
 * base set offered to every program type after 6.1.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} pkts_by_tgid SEC(".maps");

SEC("xdp")
int tag_packets(struct xdp_md *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 one = 1, *v;

	v = bpf_map_lookup_elem(&pkts_by_tgid, &tgid);
	if (v)
		__sync_fetch_and_add(v, 1);
	else
		bpf_map_update_elem(&pkts_by_tgid, &tgid, &one, BPF_NOEXIST);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
