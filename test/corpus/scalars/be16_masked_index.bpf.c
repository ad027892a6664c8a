// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: a port histogram indexed by the high byte of a network-order
 * port: the mask is applied before bpf_ntohs (a be16 byte swap), so the
 * swapped value is at most 0xff. 6.18 keeps the tnum through the swap
 * (var_off=(0x0; 0xff)) and the index stays in the 256-slot array; older
 * kernels forget the value after a byte swap and see an unbounded index.
 */
// EXPECT: 6.18 accept, 6.12 reject, 6.1 reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct port_hist {
	__u64 slot[256];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct port_hist);
} hist SEC(".maps");

SEC("tc")
int port_high_byte(struct __sk_buff *skb)
{
	__u32 key = 0;
	__u16 port_be = 0;
	struct port_hist *h;
	__u16 hi;

	if (bpf_skb_load_bytes(skb, 14 + 20 + 2, &port_be, sizeof(port_be)))
		return 0;
	port_be &= bpf_htons(0x00ff);
	/* keep clang from folding the mask into the swap (as it cannot when
	 * the two are in different functions of a real parser) */
	asm volatile("" : "+r"(port_be));
	hi = bpf_ntohs(port_be);
	h = bpf_map_lookup_elem(&hist, &key);
	if (h)
		h->slot[hi] += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
