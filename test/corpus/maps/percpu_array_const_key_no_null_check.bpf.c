// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: a per-CPU scratch buffer in slot 0 of a per-CPU array, used without
 * a NULL check because "slot 0 always exists".  Tests whether the kernel's
 * constant-key NULL elision also covers per-CPU arrays.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct scratch {
	char comm[16];
	__u64 ts;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} heap SEC(".maps");

SEC("tracepoint/sched/sched_process_exec")
int fill_scratch(void *ctx)
{
	__u32 zero = 0;
	struct scratch *s;

	s = bpf_map_lookup_elem(&heap, &zero);
	s->ts = bpf_ktime_get_ns();
	bpf_get_current_comm(s->comm, sizeof(s->comm));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
