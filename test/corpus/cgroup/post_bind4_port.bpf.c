// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/post_bind4: refuse binds to the wildcard address on port 22 and
 * record the bound port per cgroup.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u64);
	__type(value, __u32);
} bound SEC(".maps");

SEC("cgroup/post_bind4")
int post_bind(struct bpf_sock *sk)
{
	__u64 cg = bpf_get_current_cgroup_id();
	__u32 port = sk->src_port;

	if (sk->src_ip4 == 0 && port == 22)
		return 0;
	bpf_map_update_elem(&bound, &cg, &port, BPF_ANY);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
