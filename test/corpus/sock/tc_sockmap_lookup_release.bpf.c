// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a tc program fetches the socket in slot 0 of a sockmap with
 * bpf_map_lookup_elem() (a referenced socket, or NULL), reads its local
 * port and releases it with bpf_sk_release().
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} backends SEC(".maps");

SEC("tc")
int backend_alive(struct __sk_buff *skb)
{
	__u32 slot = 0;
	struct bpf_sock *sk;
	int ret;

	sk = bpf_map_lookup_elem(&backends, &slot);
	if (!sk)
		return TC_ACT_SHOT;
	ret = sk->src_port == 8080 ? TC_ACT_OK : TC_ACT_SHOT;
	bpf_sk_release(sk);
	return ret;
}

char LICENSE[] SEC("license") = "GPL";
