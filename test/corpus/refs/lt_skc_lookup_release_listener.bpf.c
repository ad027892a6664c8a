// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: (rejected twin of lt_skc_lookup_listener) the program releases
 * the pointer returned by bpf_get_listener_sock() instead of the looked-up
 * sock_common: the listener is not referenced, "R1 must be referenced
 * when passed to release function", and the lookup's reference leaks.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("tc")
int tc_listener(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *skc, *full, *lsk;

	/* the flow's destination was stashed in the mark and hash by an
	 * earlier classifier */
	tuple.ipv4.daddr = skb->mark;
	tuple.ipv4.dport = bpf_htons(skb->hash & 0xffff);
	skc = bpf_skc_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), -1, 0);
	if (!skc)
		return 0;
	full = bpf_sk_fullsock(skc);
	if (!full) {
		bpf_sk_release(skc);
		return 0;
	}
	lsk = bpf_get_listener_sock(full);
	if (lsk)
		bpf_sk_release(lsk); /* BUG: not the referenced socket */
	else
		bpf_sk_release(skc);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
