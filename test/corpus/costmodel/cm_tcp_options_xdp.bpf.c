// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an XDP SYN inspector parsing TCP options with direct packet
 * access, the way SYN-cookie / MSS-clamping programs do: a bounded loop
 * over at most 10 options, the option offset kept below 40 by a mask so
 * the verifier can bound the packet pointer, a data_end check on every
 * read, and early exits on EOL and on the MSS option.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define IPPROTO_TCP 6
#define TCPOPT_EOL 0
#define TCPOPT_NOP 1
#define TCPOPT_MSS 2
#define MAX_OPTS 10

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} small_mss SEC(".maps");

SEC("xdp")
int xdp_syn_mss(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	struct tcphdr *tcph;
	__u8 *opts, *p;
	__u32 off = 0, optlen, zero = 0;
	__u16 mss = 0;
	__u64 *cnt;
	int i;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end || iph->ihl != 5 ||
	    iph->protocol != IPPROTO_TCP)
		return XDP_PASS;
	tcph = (void *)(iph + 1);
	if ((void *)(tcph + 1) > data_end || !tcph->syn || tcph->ack)
		return XDP_PASS;
	optlen = tcph->doff * 4;
	if (optlen <= sizeof(*tcph))
		return XDP_PASS;
	optlen -= sizeof(*tcph);
	opts = (__u8 *)(tcph + 1);

	for (i = 0; i < MAX_OPTS; i++) {
		if (off >= optlen)
			break;
		off &= 0x3f;
		if (off > 38)
			break;
		p = opts + off;
		if ((void *)(p + 2) > data_end)
			break;
		if (p[0] == TCPOPT_EOL)
			break;
		if (p[0] == TCPOPT_NOP) {
			off++;
			continue;
		}
		if (p[0] == TCPOPT_MSS && p[1] == 4) {
			if ((void *)(p + 4) > data_end)
				break;
			mss = (p[2] << 8) | p[3];
			break;
		}
		if (p[1] < 2)
			break;
		off += p[1];
	}
	if (mss && mss < 536) {
		cnt = bpf_map_lookup_elem(&small_mss, &zero);
		if (cnt)
			*cnt += 1;
		return XDP_DROP;
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
