// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: a toy TLV parser takes the next offset from a 16-bit length field
 * in the packet itself and checks the target byte against data_end.  The
 * offset (up to 0xffff) plus the fixed header offset can exceed the largest
 * packet offset the verifier tracks (0xffff), so the check proves nothing
 * and the read is refused.  Masking the length first is the fix.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct tlv {
	__u16 type;
	__u16 len;
};

SEC("xdp")
int xdp_tlv(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct tlv *t = data + sizeof(struct ethhdr);
	__u8 *next;

	if ((void *)(t + 1) > data_end)
		return XDP_PASS;
	next = (__u8 *)(t + 1) + bpf_ntohs(t->len);
	if ((void *)(next + 1) > data_end)
		return XDP_PASS;
	return *next == 0xff ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
