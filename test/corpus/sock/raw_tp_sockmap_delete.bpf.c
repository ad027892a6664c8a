// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a raw tracepoint on sock release that removes the socket's cookie
 * from a sockmap. Tracing programs may not update or delete sockmap
 * entries (check_map_func_compatibility: may_update_sockmap), so the
 * kernel refuses map type 15 for bpf_map_delete_elem here.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} socks SEC(".maps");

SEC("raw_tp/inet_sock_set_state")
int drop_closed(struct bpf_raw_tracepoint_args *ctx)
{
	__u32 slot = (__u32)ctx->args[1] & 63;

	bpf_map_delete_elem(&socks, &slot);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
