// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a TC egress program copying the TCP options (up to 40 bytes)
 * into a stack buffer with bpf_skb_load_bytes() and walking them with a
 * bounded loop over the buffer, looking for the timestamp option; the
 * index into the stack buffer is meant to be bounded by the loop
 * condition "i < 40 && i < optlen" plus an explicit check before each
 * access, but clang reads the byte through a copy of i whose bound the
 * verifier never learnt (the check was on another register), so the
 * kernel rejects a variable-offset stack read reaching past the frame.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_HLEN 14
#define ETH_P_IP 0x0800
#define IPPROTO_TCP 6
#define TCPOPT_EOL 0
#define TCPOPT_NOP 1
#define TCPOPT_TIMESTAMP 8
#define TCP_MAX_OPTLEN 40
#define TC_ACT_OK 0

struct ts_stat {
	__u64 with_ts;
	__u64 without_ts;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ts_stat);
} ts_stats SEC(".maps");

SEC("tc")
int tc_tcp_ts(struct __sk_buff *skb)
{
	__u8 opts[TCP_MAX_OPTLEN];
	struct tcphdr tcph;
	struct iphdr iph;
	struct ts_stat *st;
	__u32 zero = 0, optlen, i = 0;
	int found = 0, n;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, &iph, sizeof(iph)) < 0 ||
	    iph.protocol != IPPROTO_TCP || iph.ihl != 5)
		return TC_ACT_OK;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + sizeof(iph), &tcph, sizeof(tcph)) < 0)
		return TC_ACT_OK;
	optlen = tcph.doff * 4;
	if (optlen <= sizeof(tcph))
		return TC_ACT_OK;
	optlen -= sizeof(tcph);
	if (optlen > TCP_MAX_OPTLEN)
		optlen = TCP_MAX_OPTLEN;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + sizeof(iph) + sizeof(tcph), opts,
			       TCP_MAX_OPTLEN) < 0)
		return TC_ACT_OK;

	for (n = 0; n < TCP_MAX_OPTLEN && i < optlen; n++) {
		__u8 kind, len;

		if (i >= TCP_MAX_OPTLEN - 1)
			break;
		kind = opts[i];
		if (kind == TCPOPT_EOL)
			break;
		if (kind == TCPOPT_NOP) {
			i++;
			continue;
		}
		len = opts[i + 1];
		if (kind == TCPOPT_TIMESTAMP && len == 10) {
			found = 1;
			break;
		}
		if (len < 2)
			break;
		i += len;
	}

	st = bpf_map_lookup_elem(&ts_stats, &zero);
	if (!st)
		return TC_ACT_OK;
	if (found)
		st->with_ts++;
	else
		st->without_ts++;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
