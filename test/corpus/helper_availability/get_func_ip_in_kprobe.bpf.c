// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the accepted twin of get_func_ip_in_tracepoint: a kprobe
 * counting hits per probed function address.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u64);
	__type(value, __u64);
} hits SEC(".maps");

SEC("kprobe/do_sys_openat2")
int count_site(struct pt_regs *ctx)
{
	__u64 ip = bpf_get_func_ip(ctx), one = 1;

	bpf_map_update_elem(&hits, &ip, &one, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
