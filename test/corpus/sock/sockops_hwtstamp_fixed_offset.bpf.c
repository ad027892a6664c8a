// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: the same hardware-timestamp sampler as sockops_skb_hwtstamp, but
 * the field is read at a fixed offset (offsetof, no CO-RE relocation), as
 * code built against a UAPI header does. Accepted where struct
 * bpf_sock_ops has skb_hwtstamp (6.12, 6.18); on 6.1 offset 216 is past
 * the end of the context.
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
int hwtstamp_raw(struct bpf_sock_ops *skops)
{
	__u64 ts = *(volatile __u64 *)((void *)skops +
				       __builtin_offsetof(struct bpf_sock_ops, skb_hwtstamp));
	__u32 k = 0;
	__u64 *v;

	v = bpf_map_lookup_elem(&last_hwtstamp, &k);
	if (v)
		*v = ts;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
