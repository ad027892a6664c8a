// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sendmsg4: send every UDP datagram for port 53 to a local DNS
 * cache, pinning the source address too (msg_src_ip4 is writable only in
 * sendmsg4). The cache address is looked up per network namespace cookie.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u64);
	__type(value, __u32);
} dns_cache SEC(".maps");

SEC("cgroup/sendmsg4")
int dns_redirect(struct bpf_sock_addr *ctx)
{
	__u64 netns = bpf_get_netns_cookie(ctx);
	__u32 *addr;

	if (ctx->user_port != bpf_htons(53))
		return 1;
	addr = bpf_map_lookup_elem(&dns_cache, &netns);
	if (!addr)
		return 1;
	ctx->user_ip4 = *addr;
	ctx->msg_src_ip4 = bpf_htonl(0x7f000001);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
