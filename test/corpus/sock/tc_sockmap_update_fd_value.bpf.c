// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: user space fills sockmaps with socket fds, but a BPF program must
 * pass a socket pointer as the value: this tc program passes a u64 from
 * its stack and is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} socks SEC(".maps");

SEC("tc")
int store_fd(struct __sk_buff *skb)
{
	__u32 slot = 1;
	__u64 fd = skb->mark;

	bpf_map_update_elem(&socks, &slot, &fd, BPF_ANY);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
