// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a sockmap lookup returns a referenced socket; this tc program
 * only reads its state and never releases it.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} conns SEC(".maps");

SEC("tc")
int peek_conn(struct __sk_buff *skb)
{
	__u32 key = skb->hash;
	struct bpf_sock *sk;

	sk = bpf_map_lookup_elem(&conns, &key);
	if (!sk)
		return TC_ACT_OK;
	return sk->state == 1 ? TC_ACT_OK : TC_ACT_SHOT;
}

char LICENSE[] SEC("license") = "GPL";
