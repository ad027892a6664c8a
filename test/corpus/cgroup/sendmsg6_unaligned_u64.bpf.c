// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sendmsg6: the same redirect storing the middle two words of
 * user_ip6 as one u64: at offset 12 the store is not 8-byte aligned and
 * is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/sendmsg6")
int middle_words(struct bpf_sock_addr *ctx)
{
	if (ctx->user_port != bpf_htons(53))
		return 1;
	*(volatile __u64 *)&ctx->user_ip6[1] = 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
