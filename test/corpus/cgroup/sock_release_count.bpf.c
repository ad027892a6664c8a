// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sock_release: an accounting program counts released sockets per
 * protocol (bpf_sock fields family, type, protocol are readable at every
 * cgroup/sock attach point).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} released SEC(".maps");

SEC("cgroup/sock_release")
int count_release(struct bpf_sock *sk)
{
	__u32 proto = sk->protocol;
	__u64 *cnt = bpf_map_lookup_elem(&released, &proto);

	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
