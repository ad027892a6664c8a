// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: the TLV parser of xdp_payload_offset_from_packet.bpf.c with the
 * length masked to 11 bits (TLVs are at most 2047 bytes here), so offset
 * plus header stays far below the verifier's maximum packet offset and the
 * data_end check gives the next pointer a usable range.  Clang applies the
 * mask before the byte swap (bpf_ntohs, a BPF_END instruction): 6.1 knows
 * nothing about a swapped value and rejects, newer kernels track the swap.
 */
// EXPECT: 6.1 reject, 6.18 accept
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
	next = (__u8 *)(t + 1) + (bpf_ntohs(t->len) & 0x7ff);
	if ((void *)(next + 1) > data_end)
		return XDP_PASS;
	return *next == 0xff ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
