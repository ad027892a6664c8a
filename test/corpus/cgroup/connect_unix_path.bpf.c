// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/connect_unix: log connects to unix sockets (Linux 6.7+) with
 * the cgroup id. Older kernels do not know the attach type.
 */
// EXPECT: accept on 6.12 and 6.18; load_error on 6.1 (no unix sock_addr attach types)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u64);
	__type(value, __u64);
} unix_connects SEC(".maps");

SEC("cgroup/connect_unix")
int log_unix(struct bpf_sock_addr *ctx)
{
	__u64 cg = bpf_get_current_cgroup_id(), one = 1, *v;

	if (ctx->user_family != 1)
		return 1;
	v = bpf_map_lookup_elem(&unix_connects, &cg);
	if (v)
		__sync_fetch_and_add(v, 1);
	else
		bpf_map_update_elem(&unix_connects, &cg, &one, BPF_NOEXIST);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
