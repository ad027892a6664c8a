// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a sockops program built once against a new vmlinux.h records the
 * hardware timestamp of the segment that triggered the callback
 * (skops->skb_hwtstamp, a u64 struct bpf_sock_ops gained after 6.1). On
 * 6.1 the field lies past the end of the kernel's structure: the load is
 * refused.
 * ORACLE-VMLINUX: 6.18
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} last_hwtstamp SEC(".maps");

SEC("sockops")
int hwtstamp(struct bpf_sock_ops *skops)
{
	__u32 k = 0;
	__u64 *v;

	if (skops->op != BPF_SOCK_OPS_PARSE_HDR_OPT_CB)
		return 1;
	v = bpf_map_lookup_elem(&last_hwtstamp, &k);
	if (v)
		*v = skops->skb_hwtstamp;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
