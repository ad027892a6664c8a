// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a socket filter returning a packet-derived pointer-sized value by
 * mistake: `return skb->data_end - skb->data` was meant, `return data`
 * was written (socket filters cannot even read data directly; this uses
 * the map value pointer instead).  Socket filter return values are a
 * length, any scalar; a pointer is a leak, allowed only for root.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} snaplen SEC(".maps");

SEC("socket")
int snap_trunc(struct __sk_buff *skb)
{
	__u32 zero = 0;
	__u32 *len = bpf_map_lookup_elem(&snaplen, &zero);

	if (!len)
		return 0;
	return (long)len;	/* meant: return *len; */
}

char LICENSE[] SEC("license") = "GPL";
