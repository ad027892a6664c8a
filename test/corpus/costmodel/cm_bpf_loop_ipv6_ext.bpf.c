// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the bpf_loop() variant of the IPv6 extension-header walk: each
 * callback invocation loads one extension header with
 * bpf_skb_load_bytes() through the skb pointer kept in the loop context
 * and advances the offset; the callback stops the loop (returns 1) at
 * the first non-extension header or on a load error.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_HLEN 14
#define ETH_P_IPV6 0x86DD
#define IPV6_MAX_EXT 8
#define TC_ACT_OK 0
#define TC_ACT_SHOT 2

struct walk_ctx {
	struct __sk_buff *skb;
	__u32 off;
	__u8 nexthdr;
	__u8 done;
	__u8 err;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} l4_proto_count SEC(".maps");

static int walk_one(__u32 i, struct walk_ctx *w)
{
	struct ipv6_opt_hdr opt;

	switch (w->nexthdr) {
	case 0: case 43: case 51: case 60:
		break;
	case 44:
		if (bpf_skb_load_bytes(w->skb, w->off, &opt, sizeof(opt)) < 0)
			goto err;
		w->off += 8;
		w->nexthdr = opt.nexthdr;
		return 0;
	default:
		w->done = 1;
		return 1;
	}
	if (bpf_skb_load_bytes(w->skb, w->off, &opt, sizeof(opt)) < 0)
		goto err;
	if (w->nexthdr == 51)
		w->off += (opt.hdrlen + 2) * 4;
	else
		w->off += (opt.hdrlen + 1) * 8;
	w->nexthdr = opt.nexthdr;
	return 0;
err:
	w->err = 1;
	return 1;
}

SEC("tc")
int classify_v6_loop(struct __sk_buff *skb)
{
	struct walk_ctx w = { .skb = skb, .off = ETH_HLEN + sizeof(struct ipv6hdr) };
	struct ipv6hdr ip6;
	__u32 key;
	__u64 *cnt;

	if (skb->protocol != bpf_htons(ETH_P_IPV6))
		return TC_ACT_OK;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, &ip6, sizeof(ip6)) < 0)
		return TC_ACT_OK;
	w.nexthdr = ip6.nexthdr;
	bpf_loop(IPV6_MAX_EXT, walk_one, &w, 0);
	if (w.err || !w.done)
		return TC_ACT_SHOT;
	key = w.nexthdr;
	cnt = bpf_map_lookup_elem(&l4_proto_count, &key);
	if (cnt)
		*cnt += 1;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
