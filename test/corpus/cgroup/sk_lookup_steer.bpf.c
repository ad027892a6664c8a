// SPDX-License-Identifier: GPL-2.0
/*
 * sk_lookup: steer TCP connections for a port range to one listening
 * socket kept in a sockmap (the "bind to many ports" pattern): look the
 * socket up, assign it, release the reference.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} target SEC(".maps");

SEC("sk_lookup")
int steer_ports(struct bpf_sk_lookup *ctx)
{
	struct bpf_sock *sk;
	__u32 key = 0;
	long err;

	if (ctx->protocol != 6)
		return SK_PASS;
	if (ctx->local_port < 8000 || ctx->local_port > 8099)
		return SK_PASS;
	sk = bpf_map_lookup_elem(&target, &key);
	if (!sk)
		return SK_DROP;
	err = bpf_sk_assign(ctx, sk, 0);
	bpf_sk_release(sk);
	return err ? SK_DROP : SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
