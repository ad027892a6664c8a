// SPDX-License-Identifier: GPL-2.0
/*
 * sk_lookup: the steering program without bpf_sk_release: the socket
 * looked up in the sockmap is a reference that must be released.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} target SEC(".maps");

SEC("sk_lookup")
int steer_leak(struct bpf_sk_lookup *ctx)
{
	struct bpf_sock *sk;
	__u32 key = 0;

	if (ctx->local_port != 7)
		return SK_PASS;
	sk = bpf_map_lookup_elem(&target, &key);
	if (!sk)
		return SK_DROP;
	return bpf_sk_assign(ctx, sk, 0) ? SK_DROP : SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
