// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: sk_skb verdict programs may not delete sockmap entries either
 * (may_update_sockmap lists socket filters, tc, xdp, sk_reuseport, flow
 * dissector and sk_lookup, not sk_skb): a record starting with 0xff that
 * tries to remove its slot is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SK_DROP 0
#define SK_PASS 1

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} socks SEC(".maps");

SEC("sk_skb/stream_verdict")
int close_slot(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	__u8 *d = data;
	__u32 slot;

	if (data + 2 > data_end)
		return SK_PASS;
	if (d[0] != 0xff)
		return SK_PASS;
	slot = d[1] & 63;
	bpf_map_delete_elem(&socks, &slot);
	return SK_DROP;
}

char LICENSE[] SEC("license") = "GPL";
