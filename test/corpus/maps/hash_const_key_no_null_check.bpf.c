// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: the developer moved the configuration from an array to a hash map
 * (so user space can delete it) but kept the array habit of not checking
 * the lookup result of the constant key 0.  A hash map has no guaranteed
 * entry: rejected on every kernel, unlike the array case.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} verbose_cfg SEC(".maps");

SEC("tracepoint/sched/sched_process_exit")
int on_exit(void *ctx)
{
	__u32 key = 0;
	__u32 *verbose;

	verbose = bpf_map_lookup_elem(&verbose_cfg, &key);
	if (*verbose)
		bpf_printk("exit of %d", bpf_get_current_pid_tgid() >> 32);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
