// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a sockops program (the sockmap acceleration pattern) tracks every
 * established TCP connection in a sockhash keyed by the 4-tuple, with
 * bpf_sock_hash_update() on the active and passive established callbacks.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define AF_INET 2

struct sock_key {
	__u32 sip4;
	__u32 dip4;
	__u32 sport;
	__u32 dport;
	__u32 family;
};

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 65535);
	__type(key, struct sock_key);
	__type(value, int);
} sock_ops_map SEC(".maps");

SEC("sockops")
int bpf_sockops_v4(struct bpf_sock_ops *skops)
{
	struct sock_key key = {};

	if (skops->family != AF_INET)
		return 1;
	switch (skops->op) {
	case BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB:
	case BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB:
		key.sip4 = skops->local_ip4;
		key.dip4 = skops->remote_ip4;
		key.sport = bpf_htonl(skops->local_port) >> 16;
		key.dport = skops->remote_port >> 16;
		key.family = skops->family;
		bpf_sock_hash_update(skops, &sock_ops_map, &key, BPF_NOEXIST);
		break;
	}
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
