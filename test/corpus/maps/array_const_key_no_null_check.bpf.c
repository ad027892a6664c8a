// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: a global configuration kept in slot 0 of a one-entry array map.
 * Developers know an array lookup with an in-range constant key can never
 * fail and skip the NULL check.  Newer kernels prove it too (the key is a
 * constant on the stack, below max_entries) and drop the "or NULL" from
 * the returned pointer; older kernels still demand the check.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct config {
	__u32 sample_rate;
	__u32 enabled;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct config);
} cfg_map SEC(".maps");

SEC("tracepoint/sched/sched_process_exec")
int on_exec(void *ctx)
{
	__u32 key = 0;
	struct config *cfg;

	cfg = bpf_map_lookup_elem(&cfg_map, &key);
	if (!cfg->enabled)
		return 0;
	bpf_printk("exec sampled at rate %u", cfg->sample_rate);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
