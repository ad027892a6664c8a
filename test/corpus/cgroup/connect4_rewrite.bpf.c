// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/connect4: a service-mesh style policy that sends connections for
 * a virtual IP to a local proxy by rewriting user_ip4 and user_port (the
 * fields a connect4 program may write), and counts what it rewrote.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define VIP 0x0a600001     /* 10.96.0.1 */
#define PROXY 0x7f000001   /* 127.0.0.1 */

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} rewrites SEC(".maps");

SEC("cgroup/connect4")
int mesh_connect4(struct bpf_sock_addr *ctx)
{
	__u32 key = 0;
	__u64 *cnt;

	if (ctx->user_family != 2 || ctx->protocol != 6)
		return 1;
	if (ctx->user_ip4 != bpf_htonl(VIP) || ctx->user_port != bpf_htons(80))
		return 1;
	ctx->user_ip4 = bpf_htonl(PROXY);
	ctx->user_port = bpf_htons(15001);
	cnt = bpf_map_lookup_elem(&rewrites, &key);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
