// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the accepted twin of get_socket_cookie_in_xdp: cgroup_skb sees
 * packets of a socket, so the cookie helper is available.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, __u64);
} bytes_by_socket SEC(".maps");

SEC("cgroup_skb/egress")
int by_cookie(struct __sk_buff *skb)
{
	__u64 cookie = bpf_get_socket_cookie(skb);
	__u64 *v = bpf_map_lookup_elem(&bytes_by_socket, &cookie);

	if (v)
		__sync_fetch_and_add(v, skb->len);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
