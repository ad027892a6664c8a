// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: the sk_msg half of sockmap acceleration: every sendmsg on a
 * tracked socket is redirected to its peer with bpf_msg_redirect_hash(),
 * the key built from the message's 4-tuple.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

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

SEC("sk_msg")
int bpf_redir(struct sk_msg_md *msg)
{
	struct sock_key key = {};

	key.sip4 = msg->remote_ip4;
	key.dip4 = msg->local_ip4;
	key.family = 1;
	key.dport = bpf_htonl(msg->local_port) >> 16;
	key.sport = msg->remote_port >> 16;
	return bpf_msg_redirect_hash(msg, &sock_ops_map, &key, BPF_F_INGRESS);
}

char LICENSE[] SEC("license") = "GPL";
